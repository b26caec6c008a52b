"""Markup the dashboard writes many times over: written here rather than in the template, like the register's
list rows (``ims_tags``), because each template variable costs dozens of Python calls and the dashboard has a cell
per partner and status."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import SafeString, mark_safe

from ims.register.presentation import labels
from ims.register.vocab import Ring

register = template.Library()


@register.simple_tag
def count_cells(cells: Iterable) -> SafeString:
    """A ``<td>`` per count, each a link to the list it counts (a zero too, muted).

    The addresses are plain strings, escaped with the standard library's ``escape`` (what Django's ``escape`` does
    with a string, without its lazy-string and safe-string wrappers, which cost more than the escaping across the
    thousand-odd cells of a dashboard)."""
    muted = ' class="muted"'
    return mark_safe("".join(
        f'<td class="num"><a href="{escape(cell.url)}"{"" if cell.count else muted}>{cell.count}</a></td>'
        for cell in cells))


@register.simple_tag
def partner_rows(rows: Iterable) -> SafeString:
    """A ``<tr>`` per partner: its name linking to its page, its ring (a dash without one), and its counts."""
    rings = labels(Ring, lambda: Ring.choices)
    return mark_safe("\n".join(
        f'<tr><td><a href="{esc(row.url)}">{esc(row.label)}</a></td>'
        f'<td>{esc(rings.get(row.ring, row.ring)) if row.ring else "–"}</td>{count_cells(row.cells)}</tr>'
        for row in rows))
