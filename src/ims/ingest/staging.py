"""An upload waiting for the uploader's confirmation.

The web upload takes two steps: the files are sent, then the uploader sees what was read from each (title,
date, reference, Kamerstuk number), corrects it, chooses the classification and confirms. Until then nothing is
in the register, the review queue or the list of jobs: the files wait where uploads are kept, in a folder of
their own (``UPLOAD_DIR/staged/<token>/``) with a manifest saying whose they are and what was read from them.
Confirmed, they move to their place beside the other uploads and become a job; cancelled, the folder goes; left
alone, it goes at a later upload once older than :data:`STAGED_MAX_AGE`.

The command line and the API do not stage: they read their files in one step (:func:`services.documents_ingest`).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from ims.text.meta import read_meta
from ims.text.read import DocumentError, read_document

from .jobs import job_start
from .models import IngestJob
from .services import Stated

# Long enough for an uploader called away from the confirmation page to come back to it the same day.
STAGED_MAX_AGE = timedelta(days=1)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class StagedFile:
    name: str
    path: Path
    # What the document says of itself: title, date (ISO, possibly partial), reference, kamerstuk, and its
    # classification marking ("marking", a code such as "secret"; empty when it has none).
    read: dict[str, str]


@dataclass(frozen=True)
class StagedUpload:
    token: str
    folder: Path
    bundle: bool
    files: list[StagedFile]
    refused: list[tuple[str, str]]  # files turned down (name, why), listed in the job when confirmed


def staged_root() -> Path:
    return settings.UPLOAD_DIR / "staged"


def _safe_name(name: str) -> str:
    return Path(name.replace("\\", "/")).name.replace("/", "_") or "bestand"


def _read_from(path: Path) -> dict[str, str]:
    """The metadata a document states about itself, as the ingest reads it (:func:`ims.text.meta.read_meta`);
    the title falls back on the file's name, as the stored document's does. Raises DocumentError."""
    raw = read_document(path, max_bytes=settings.IMS_UPLOAD_MAX_BYTES)
    meta = read_meta(raw.text, raw.properties)
    return {"title": meta.subject or path.stem, "date": meta.date.iso() if meta.date else "",
            "reference": meta.reference or "", "kamerstuk": meta.kamerstuk or "", "marking": meta.classification or ""}


def upload_stage(*, files: Iterable[UploadedFile], actor, bundle: bool = False,
                 refused: Sequence[tuple[str, str]] = ()) -> StagedUpload:
    """Keep ``files`` for ``actor`` to confirm, each read for what it says of itself; a file that cannot be read
    is added to ``refused``. Stale staged uploads of anyone are cleared first."""
    staged_sweep()
    token = secrets.token_urlsafe(24)
    folder = staged_root() / token
    folder.mkdir(parents=True)
    kept, refused = [], list(refused)
    for n, upload in enumerate(files):
        target = folder / str(n) / _safe_name(upload.name)
        target.parent.mkdir()
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            read = _read_from(target)
        except DocumentError:
            shutil.rmtree(target.parent)
            refused.append((upload.name, _("het bestand kan niet worden gelezen: het is beschadigd, versleuteld of "
                                           "bevat geen tekst.")))
            continue
        kept.append({"dir": str(n), "name": target.name, "read": read})
    manifest = {"user": actor.pk, "bundle": bundle, "refused": refused, "files": kept}
    (folder / _MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return _load(token, folder, manifest)


def _load(token: str, folder: Path, manifest: dict) -> StagedUpload:
    files = [StagedFile(f["name"], folder / f["dir"] / f["name"], f["read"]) for f in manifest["files"]]
    return StagedUpload(token, folder, manifest["bundle"], files, [tuple(r) for r in manifest["refused"]])


def staged_get(*, token: str, actor) -> StagedUpload | None:
    """The upload ``actor`` staged under ``token``; None when there is none (confirmed, cancelled, cleared, or
    someone else's)."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = staged_root() / token
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _load(token, folder, manifest) if manifest.get("user") == actor.pk else None


def staged_discard(staged: StagedUpload) -> None:
    shutil.rmtree(staged.folder, ignore_errors=True)


def staged_sweep(*, max_age: timedelta = STAGED_MAX_AGE) -> int:
    """Remove staged uploads older than ``max_age`` (abandoned: never confirmed nor cancelled); how many."""
    root = staged_root()
    if not root.is_dir():
        return 0
    limit = time.time() - max_age.total_seconds()
    stale = [folder for folder in root.iterdir() if folder.stat().st_mtime < limit]
    for folder in stale:
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
        else:
            folder.unlink(missing_ok=True)
    return len(stale)


def upload_confirm(*, staged: StagedUpload, actor, stated: Sequence[Stated]) -> IngestJob | None:
    """Start the job for a staged upload with what the uploader confirmed of each file (``stated``, one per file).
    The files move beside the other uploads, stored under their digest so that the same file uploaded twice is
    one file on disk; the staging folder goes. None when the upload was confirmed or cancelled meanwhile (a
    second click, another tab)."""
    try:  # taken by one request only: renaming the manifest is atomic
        (staged.folder / _MANIFEST).rename(staged.folder / "confirmed.json")
    except FileNotFoundError:
        return None
    settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    paths = []
    for file in staged.files:
        data = file.path.read_bytes()
        folder = settings.UPLOAD_DIR / hashlib.sha256(data).hexdigest()[:16]
        folder.mkdir(exist_ok=True)
        target = folder / file.name
        file.path.replace(target)
        paths.append(target)
    levels = [s.classification for s in stated if s.classification is not None]
    job = job_start(paths=paths, actor=actor, bundle=staged.bundle, classification=max(levels, default=0),
                    refused=staged.refused, stated=stated)
    staged_discard(staged)
    return job
