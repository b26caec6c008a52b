from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
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
        post_migrate.connect(_raw_tables_follow_entries, sender=self, dispatch_uid="search-raw-tables-follow")


def _raw_tables_follow_entries(sender, using: str = "default", **kwargs) -> None:
    """The FTS5 table and the vocabulary are raw SQL tables, which Django's flush (run after every database
    test that commits) leaves alone. Counts and facets are read from the FTS5 table alone, so when the entries
    it indexes are gone, it must be empty too: a flushed or new database has no index rows of records that
    are not there."""
    from . import engine
    from .models import SearchEntry

    if "search_searchentry" not in connections[using].introspection.table_names():
        return  # the search app's tables are not (or no longer) migrated
    if not SearchEntry.objects.unrestricted().using(using).exists():
        engine.clear()
