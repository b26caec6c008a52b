"""The correction form of a fact: one typed field per value (menus for vocabularies, a partner picker, dates and
numbers as Dutch readers write them), each error attached to its own field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from ims.core.forms import PartialDateField as CorePartialDateField
from ims.framework.fact_fields import FactField, FieldKind
from ims.register.vocab import vocab_label_lazy
from ims.text.countries import alpha2_for
from ims.text.dates import DateError, PartialDate

from .fields import PARTNER_KINDS, date_in_dutch, fields_of, number_text


@dataclass(frozen=True)
class Partners:
    """The partners a reviewer may name: code -> name in the page's language (only those they may see)."""

    names: Mapping[str, str]

    def resolve(self, text: str) -> str | None:
        """The code of one partner given by its code (any case), ISO alpha-3 code, name or "Name (CODE)"."""
        text = " ".join(text.split())
        if not text:
            return None
        bracketed = re.fullmatch(r".*\(([^()]+)\)", text)
        candidates = [bracketed[1].strip()] if bracketed else []
        candidates += [text, text.upper(), alpha2_for(text) or ""]
        for candidate in candidates:
            if candidate in self.names:
                return candidate
        by_name = {name.casefold(): code for code, name in self.names.items()}
        return by_name.get(text.casefold())

    def parse(self, text: str) -> tuple[list[str], list[str]]:
        """Codes for "NL, NO", "NL NO", "Noorwegen; Verenigd Koninkrijk": each piece between commas or
        semicolons is a partner, or else several codes separated by spaces. Returns (codes, unknown pieces)."""
        codes, unknown = [], []
        for piece in re.split(r"[,;\n]+", text or ""):
            piece = piece.strip()
            if not piece:
                continue
            whole = self.resolve(piece)
            words = [whole] if whole else [self.resolve(word) for word in piece.split()]
            missing = [word for word, code in zip(piece.split(), words, strict=False) if code is None]
            if whole is None and missing:
                # A name not found names itself; among codes, only the ones not found are named.
                unknown.append(piece if len(missing) == len(words) else " ".join(missing))
                continue
            codes += [c for c in words if c not in codes]
        return codes, unknown

    def label(self, code: str) -> str:
        name = self.names.get(code)
        return f"{name} ({code})" if name else code


_MULTIPLIERS = {"miljard": Decimal(10) ** 9, "mld": Decimal(10) ** 9, "miljoen": Decimal(10) ** 6,
                "mln": Decimal(10) ** 6, "duizend": Decimal(1000)}
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def dutch_number(text: str) -> Decimal:
    """'4.900.000.000', '4,9 miljard', '1,23', '1.23', '0,95 %' as a number; ValueError if it is none."""
    words = text.replace("€", " ").replace("%", " ").casefold().split()
    factor = Decimal(1)
    if words and words[-1] in _MULTIPLIERS:
        factor = _MULTIPLIERS[words.pop()]
    digits = "".join(words)
    if "," in digits:
        digits = digits.replace(".", "").replace(",", ".")  # Dutch: dots between thousands, decimal comma
    elif _THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")
    try:
        number = Decimal(digits) * factor
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number


class PartnerField(forms.CharField):
    """One or more partners typed or picked: codes, names or both, separated by commas."""

    def __init__(self, *, partners: Partners, many: bool, **kwargs) -> None:
        self.partners, self.many = partners, many
        # One partner: the field itself offers the names. Several: a search box beside it (review.js) adds
        # each chosen name to the list, which can also be typed ("NL, NO").
        attrs = {"autocomplete": "off", "data-partner-picker": "many" if many else "one"}
        if many:
            attrs["data-search-label"] = _("Partner zoeken en toevoegen")
        else:
            attrs["list"] = "partner-names"
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        kwargs.setdefault("help_text", _("Namen of landcodes, gescheiden door komma's.") if many else
                          _("Naam of landcode."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(self.partners.label(c) for c in value)
        if value and value in self.partners.names:
            return self.partners.label(value)
        return value

    def clean(self, value):
        value = super().clean(value)
        codes, unknown = self.partners.parse(value)
        if unknown:
            raise forms.ValidationError(_("Onbekende partner: %(names)s. Kies uit de lijst of typ de landcode.")
                                        % {"names": ", ".join(unknown)}, code="unknown")
        if not self.many:
            if len(codes) > 1:
                raise forms.ValidationError(_("Kies één partner."), code="many")
            return codes[0] if codes else None
        return sorted(codes)  # as the extractor writes a list of partners


class VocabularyField(forms.ChoiceField):
    """A menu of a vocabulary's labels; a label typed or posted instead of its code is taken too."""

    def __init__(self, *, vocabulary, required: bool, **kwargs) -> None:
        choices = [(member.value, vocab_label_lazy(member)) for member in vocabulary]
        if not required:
            choices = [("", _("(onbekend)")), *choices]
        self.vocabulary = vocabulary
        super().__init__(choices=choices, required=required, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        by_label = {label.casefold(): member.value for member in self.vocabulary
                    for label in (member.label_nl, member.label_en)}
        return by_label.get(value.casefold(), value)


class PartialDateField(CorePartialDateField):
    """A date known to the day, the month or the year, also as 21-05-2019; shown as Dutch readers write it."""

    widget = forms.TextInput(attrs={"placeholder": _("bijv. 21-05-2019, mei 2019 of 2019")})
    default_error_messages = {"invalid": _("Geen datum; schrijf bijvoorbeeld 21-05-2019, mei 2019 of 2019.")}

    def prepare_value(self, value):
        return date_in_dutch(value) if value and re.fullmatch(r"\d{4}(-\d\d){0,2}", str(value)) else value

    def to_python(self, value) -> str | None:
        numeric = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", value or "")
        if numeric:
            try:
                return PartialDate(int(numeric[3]), int(numeric[2]), int(numeric[1])).iso()
            except DateError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class DutchNumberField(forms.CharField):
    """A number as Dutch readers write it (1.250.000, 4,9 miljard, 0,95 %); ``whole``: a count of people or
    items, shown and read with dots between thousands as the card shows it."""

    def __init__(self, *, percent: bool = False, whole: bool = False, **kwargs) -> None:
        self.percent, self.whole = percent, whole
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return number_text(value)
        return value

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            number = dutch_number(value)
        except ValueError:
            raise forms.ValidationError(_("Geen getal; schrijf bijvoorbeeld 1.250.000 of 1,25."),
                                        code="number") from None
        if number < 0:
            raise forms.ValidationError(_("Het getal mag niet negatief zijn."), code="negative")
        if self.percent and number > 100:
            raise forms.ValidationError(_("Een percentage ligt tussen 0 en 100."), code="percent")
        if self.whole and number != number.to_integral_value():
            raise forms.ValidationError(_("Geef een heel getal, zoals 1.200."), code="whole")
        return int(number) if number == number.to_integral_value() and not self.percent else float(number)


class CurrencyField(forms.RegexField):
    """An ISO 4217 code, stored in capitals as the extractor writes it, however it was typed ("eur")."""

    def __init__(self, **kwargs) -> None:
        super().__init__(regex=r"^[A-Za-z]{3}$", max_length=3,
                         error_messages={"invalid": _("Een valutacode van drie letters, zoals EUR.")}, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return value.upper() if value else value


def _form_field(field: FactField, partners: Partners) -> forms.Field:
    # A list of partners may be empty, so it is never required on the form.
    common = {"label": vocab_label_lazy(field), "required": field.required and field.kind != FieldKind.PARTNERS}
    if field.vocabulary is not None:
        return VocabularyField(vocabulary=field.vocabulary, **common)
    if field.kind in (*PARTNER_KINDS, FieldKind.PARTNERS):
        return PartnerField(partners=partners, many=field.kind == FieldKind.PARTNERS, **common)
    if field.kind == FieldKind.DATE:
        return PartialDateField(**common)
    if field.kind == FieldKind.YEAR:
        return forms.IntegerField(min_value=1900, max_value=2100, **common)
    if field.kind == FieldKind.COUNT:
        return DutchNumberField(whole=True, **common)
    if field.kind in (FieldKind.AMOUNT, FieldKind.PERCENTAGE):
        return DutchNumberField(percent=field.kind == FieldKind.PERCENTAGE, **common)
    if field.kind == FieldKind.CURRENCY:
        return CurrencyField(**common)
    return forms.CharField(max_length=300, **common)


def correction_form(fact, partners: Partners, data=None) -> forms.Form:
    """A form with the fact's own fields, prefilled with what was found; field ids unique on the page."""
    specs = fields_of(fact.fact_type)
    form_class = type("CorrectionForm", (forms.Form,), {f.name: _form_field(f, partners) for f in specs})
    initial = {f.name: fact.payload.get(f.name) for f in specs}
    return form_class(data, initial=initial, auto_id=f"id_fact{fact.pk}_%s")


def corrections_from(form: forms.Form, original: dict) -> dict:
    """The changed fields only, in the payload's own types."""
    changes = {}
    for name, value in form.cleaned_data.items():
        if value == "":
            value = None
        before = original.get(name)
        if isinstance(value, list) and sorted(value) == sorted(before or []):
            continue
        if value != before:
            changes[name] = value
    return changes
