from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "ims.search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        from ims.core.services import on_record_write

        from . import services

        # Part of the register's one write path, not a signal: whatever saves through it keeps the index current.
        on_record_write(saved=services.index_record, deleted=services.unindex_record)
