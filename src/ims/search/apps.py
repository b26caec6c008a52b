from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "ims.search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        from ims.core.services import on_record_write
        from ims.transfer.signals import register_imported

        from . import services

        # Part of the register's one write path, not a signal: whatever saves through it keeps the index current.
        on_record_write(saved=services.index_record, deleted=services.unindex_record)
        # The export leaves the index out (it is derived), so an imported register is indexed anew.
        register_imported.connect(services.rebuild_after_import, dispatch_uid="search-rebuild-after-import")
