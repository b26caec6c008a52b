from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ims.search.excerpt import Excerpt
from ims.search.models import Kind

register = template.Library()


@register.filter
def kind_label(value: str) -> str:
    """The Dutch (or English) name of a kind of hit; the one place that maps the codes to labels."""
    return str(dict(Kind.choices).get(value, value))


@register.filter
def excerpt(value: Excerpt) -> SafeString:
    """A snippet as HTML: the matching words in <mark>, an ellipsis where the text goes on."""
    body = format_html_join("", "{}", ((format_html("<mark>{}</mark>", text) if hit else text,)
                                        for text, hit in value.parts))
    return format_html("{}{}{}", "… " if value.leading else "", body, " …" if value.trailing else "")
