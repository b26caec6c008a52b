"""The report's content, built from the register for one year at one classification level.

The result is plain data (dataclasses turned into dicts, JSON-serialisable), so that a finalised version
can freeze it, ``diff`` can compare two of them, and every renderer works from it alone. Each statement
built from a fact carries the numbers of its sources (``refs``) into ``sources``, the report's list of
citations in order of first use.

One module per concern, read from the bottom up:

* ``loading``: every read from the database, at the report's level (the one place that filters by level);
* ``scope``: which of the loaded records belong to the report's year, and where each stood at its end;
* ``structure``: sections, blocks, sentences and the numbered sources; ``labels`` and ``prose``: how codes,
  dates, names and the shared list items read;
* one module per part of the report: ``introduction``, ``partners``, ``organisations`` (EU, NATO, UN),
  ``commitments``, ``changes`` (since the previous report), ``annex_contributions`` (annex 1),
  ``annex_projects`` (annex 2), ``chart_data`` (the figures);
* ``snapshot``: the facts a report covers, and the baseline it compares itself with;
* ``report``: the whole report in its order, its input check and its digest.
"""

from .report import build_report

__all__ = ["build_report"]
