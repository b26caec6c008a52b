from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ims.accounts.permissions import Action, may


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    # The pages that belong to the item: the beginnings of their view names.
    covers: tuple[str, ...]
    action: Action = Action.VIEW


# The main menu, in the order shown; an item is marked as the current one on every page it covers.
MENU = (
    MenuItem(_("Initiatieven"), "register:initiative-list", ("register:initiative-",)),
    MenuItem(_("Partners"), "register:partner-list", ("register:partner-",)),
    MenuItem(_("Overeenkomsten"), "register:agreement-list", ("register:agreement-",)),
    MenuItem(_("Toezeggingen"), "register:commitment-list", ("register:commitment-",)),
    MenuItem(_("Bijdragen"), "register:contribution-list", ("register:contribution-",)),
    MenuItem(_("Defensie-uitgaven"), "register:spending-list", ("register:spending-",)),
    MenuItem(_("Verwervingen"), "register:procurement-list", ("register:procurement-",)),
    MenuItem(_("Documenten"), "register:document-list", ("register:document-",)),
    MenuItem(_("Netwerk"), "register:network", ("register:network",)),
    MenuItem(_("Beoordelen"), "assessment:proposal",
             ("assessment:proposal", "assessment:initiative", "assessment:scenarios")),
    MenuItem(_("Schillen"), "assessment:rings", ("assessment:ring", "assessment:partner-rings")),
    MenuItem(_("Monitoring"), "monitoring:dashboard", ("monitoring:",)),
    MenuItem(_("Rapportage"), "reporting:index", ("reporting:",)),
    MenuItem(_("Inlezen"), "ingest:queue", ("ingest:",), Action.EDIT),
    MenuItem(_("Beheer"), "admin:index", ("admin:",), Action.ADMINISTER),
)


def permissions(request) -> dict:
    """What the menu needs to know about the user's role, and the menu itself with the current item marked."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    menu = [{"label": item.label, "url": reverse(item.url_name), "current": view_name.startswith(item.covers)}
            for item in MENU if may(user, item.action)]
    return {"can_edit": may(user, Action.EDIT), "menu": menu}
