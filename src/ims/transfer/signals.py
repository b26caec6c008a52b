"""Sent after an import has committed, so that derived data left out of the file (a search index) is rebuilt."""

from django.dispatch import Signal

# Keyword arguments: ``using`` (the database alias) and ``counts`` (rows per model label).
register_imported = Signal()
