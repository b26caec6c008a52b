import hashlib
import unicodedata

from django.db import migrations

from ims.text.fingerprint import text_fingerprint


def _letters_and_digits_fingerprint(text: str) -> str:
    """The fingerprint as it was before page furniture was left out (frozen here: the stored values are these)."""
    normal = "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest() if normal else ""


def fingerprints_without_page_furniture(apps, schema_editor):
    """Files whose text is their document's (all files a document gained as "the same text", and its first one)
    get the fingerprint of that text as it is now taken; a file read from a text of its own keeps the old value,
    which its own text would be needed to recompute."""
    DocumentFile = apps.get_model("ingest", "DocumentFile")
    for file in DocumentFile.objects.select_related("document").iterator():
        text = file.document.text
        if text and file.text_sha256 == _letters_and_digits_fingerprint(text):
            DocumentFile.objects.filter(pk=file.pk).update(text_sha256=text_fingerprint(text))


class Migration(migrations.Migration):

    dependencies = [
        ('ingest', '0004_upload_metadata_files_and_undo'),
    ]

    operations = [
        migrations.RunPython(fingerprints_without_page_furniture, migrations.RunPython.noop),
    ]
