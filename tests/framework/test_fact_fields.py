"""The fact types and their fields are declared once (ims.framework.fact_fields), and nothing restates them."""

from __future__ import annotations

import ast
import dataclasses
import typing
from pathlib import Path

import pytest

from ims.extract import facts as extracted
from ims.framework.fact_fields import FACT_FIELDS, FIELD_BY_NAME, FieldKind, fact_field, fact_fields
from ims.framework.ladder import Form
from ims.framework.vocab import AgreementKind, FactType, GoalCategory, Kind, Ring, SpendingStatus, Status

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
VOCABULARIES = (Ring, Form, Status, AgreementKind, SpendingStatus, FactType, GoalCategory, Kind)
# The modules that declare the lists; everything else takes them from there.
DECLARING = {
    REPO / "src" / "ims" / "framework" / "vocab.py",
    REPO / "src" / "ims" / "framework" / "ladder.py",
    REPO / "src" / "ims" / "framework" / "fact_fields.py",
}
# Pins the declarations themselves to the glossary, code by code.
GLOSSARY_TEST = REPO / "tests" / "framework" / "test_vocab.py"
COMMON = {"doc", "doc_date", "evidence", "confidence", "rule"}


def _fact_classes() -> dict[str, type]:
    return {cls.type: cls for cls in vars(extracted).values()
            if isinstance(cls, type) and issubclass(cls, extracted.Fact) and cls.type}


def test_every_fact_type_has_its_fields_and_a_dataclass():
    assert set(FACT_FIELDS) == set(FactType)
    assert set(_fact_classes()) == set(FactType.codes())


@pytest.mark.parametrize("fact_type", FactType.codes())
def test_the_extractors_dataclass_has_exactly_the_declared_fields(fact_type):
    cls = _fact_classes()[fact_type]
    own = [f for f in dataclasses.fields(cls) if f.name not in COMMON]
    assert [f.name for f in own] == [f.name for f in fact_fields(fact_type)]
    hints = typing.get_type_hints(cls)
    for f in own:
        optional = type(None) in typing.get_args(hints[f.name])
        assert optional == (not fact_field(fact_type, f.name).required), (fact_type, f.name)


def test_fields_follow_the_spec():
    """Every field of spec/facts.md's examples, and every vocabulary code it lists, is declared."""
    spec_path = SHARED / "spec" / "facts.md"
    if not spec_path.exists():
        pytest.skip("shared/spec/facts.md not beside the repository")
    spec = spec_path.read_text(encoding="utf-8")
    for fact_type in FactType:
        assert f"### `{fact_type.value}`" in spec
        for field in fact_fields(fact_type):
            assert f'"{field.name}"' in spec, (fact_type, field.name)
            for code in field.codes():
                assert f"`{code}`" in spec, (fact_type, field.name, code)


def test_a_field_name_means_one_thing_whatever_the_fact_type():
    for fields in FACT_FIELDS.values():
        for field in fields:
            same = FIELD_BY_NAME[field.name]
            assert (field.kind, field.label_nl, field.label_en) == (same.kind, same.label_nl, same.label_en)


def test_vocabulary_fields_name_their_vocabulary_and_unknown_types_have_none():
    assert fact_field("initiative", "form").vocabulary is Form
    assert fact_field("defence_spending", "status").codes() == SpendingStatus.codes()
    assert fact_field("initiative", "status").codes() == Status.codes()
    assert fact_field("agreement", "parties").kind == FieldKind.PARTNERS
    assert fact_fields("no_such_type") == ()
    with pytest.raises(ValueError, match="vocabulary"):
        dataclasses.replace(fact_field("partner_ring", "ring"), vocabulary=None)


def _python_files() -> list[tuple[Path, bool]]:
    """Every Python file but the declarations and migrations, and whether it is a test (whose dicts are
    example facts and payloads, not lists)."""
    files = [(p, False) for top in ("src", "bench", "fuzz") for p in (REPO / top).rglob("*.py")]
    files += [(p, True) for p in (REPO / "tests").rglob("*.py") if p != GLOSSARY_TEST]
    return [(p, test) for p, test in files if p not in DECLARING and "migrations" not in p.parts]


def _literal_strings(node: ast.AST, *, dicts: bool) -> list[str]:
    """The non-empty strings of a literal list, tuple or set (or a dict's keys), in order."""
    if isinstance(node, ast.Dict) and dicts:
        elements = node.keys
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        elements = node.elts
    else:
        return []
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value]


def test_no_module_restates_a_vocabulary_or_a_fact_types_fields():
    """A literal holding exactly the codes of a vocabulary (in any order), or a fact type's fields in their
    order, is a second copy that would go stale: take them from ims.framework instead. (A model's columns
    listed in another order, as an admin list does, are not the fact's fields.)"""
    codes = {f"{v.__name__} codes": set(v.codes()) for v in VOCABULARIES}
    fields = {f"{t.value} fields": [f.name for f in fs] for t, fs in FACT_FIELDS.items() if len(fs) >= 3}
    found = []
    for path, test in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            strings = _literal_strings(node, dicts=not test)
            if len(strings) < 3:
                continue
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            found += [f"{where}: {name}" for name, declared in codes.items() if set(strings) == declared]
            found += [f"{where}: {name}" for name, declared in fields.items() if strings == declared]
    assert found == [], "\n".join(found)
