"""Markup the dashboard writes many times over: written here rather than in the template, like the register's
list rows (``ims_tags``), because each template variable costs dozens of Python calls and the dashboard has a cell
per partner and status."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def count_cells(cells: Iterable) -> SafeString:
    """A ``<td>`` per count, each a link to the list it counts (a zero too, muted)."""
    muted = ' class="muted"'
    return mark_safe("".join(
        f'<td class="num"><a href="{esc(cell.url)}"{"" if cell.count else muted}>{cell.count}</a></td>'
        for cell in cells))
