"""The web upload's two steps as a test takes them: send the files, then confirm what was read from them."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse


def confirmation_fields(page: bytes) -> dict[str, str]:
    """The confirmation form as the browser would send it back: every field with its prefilled value."""
    soup = BeautifulSoup(page, "lxml")
    values = {i["name"]: i.get("value", "") for i in soup.select("form.upload-confirm input[name]")
              if i.get("type") != "hidden"}
    for select in soup.select("form.upload-confirm select"):
        chosen = select.select_one("option[selected]")
        values[select["name"]] = chosen["value"] if chosen else ""
    return values


def upload_confirmed(client, files, *, bundle: bool = False, **changes: str):
    """Send ``files``, then confirm them with ``changes`` to the prefilled fields ("0-title" is the first file's
    title); the answer to the confirmation (or to the sending, when that did not lead to one)."""
    sent = client.post(reverse("ingest:queue"), {"documents": files, **({"bundle": "on"} if bundle else {})})
    if sent.status_code != 302:
        return sent
    confirm = sent["Location"]
    return client.post(confirm, {**confirmation_fields(client.get(confirm).content), **changes})
