"""`smpseo.core.frozen.Frozen` records behave as frozen, keyword-only dataclasses of the same fields do."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from smpseo.core.frozen import Frozen, FrozenInstanceError, replace


def twice(x):
    return 2 * x


class Base(Frozen):
    id: str
    doc: str = ""
    kind = "base"  # not annotated: not a field


class Kind(Base):
    apply: Callable = twice
    count: int
    doc: str = "kind"  # declared again: keeps its place, takes this default


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataBase:
    id: str
    doc: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataKind(DataBase):
    apply: Callable = twice
    count: int
    doc: str = "kind"


def test_fields_defaults_and_order_are_a_dataclass_s():
    assert list(Kind.__fields__) == [f.name for f in dataclasses.fields(DataKind)] == ["id", "doc", "apply", "count"]
    made, data = Kind(id="a", count=2), DataKind(id="a", count=2)
    assert repr(made) == repr(data).replace("DataKind", "Kind")
    assert made.apply(3) == data.apply(3) == 6  # a function as a default is an attribute, not a method
    assert made.kind == "base" and "kind" not in Kind.__fields__


def test_equality_hash_and_immutability():
    a, b, c = Kind(id="a", count=2), Kind(id="a", count=2), Kind(id="a", count=3)
    assert a == b and hash(a) == hash(b) and a != c and a != DataKind(id="a", count=2)
    with pytest.raises(FrozenInstanceError):
        a.id = "b"
    with pytest.raises(FrozenInstanceError):
        del a.id
    assert issubclass(FrozenInstanceError, AttributeError)


def test_keywords_only_and_every_field_without_a_default():
    with pytest.raises(TypeError, match="missing required argument: 'count'"):
        Kind(id="a")
    with pytest.raises(TypeError, match="unexpected keyword argument 'other'"):
        Kind(id="a", count=1, other=2)
    with pytest.raises(TypeError):
        Kind("a", 1)  # type: ignore[misc]


class Point(Frozen, positional=True):
    x: int
    y: int = 0


def test_positional_records_and_replace():
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2) and Point(1).y == 0
    with pytest.raises(TypeError):
        Point(1, 2, 3)
    with pytest.raises(TypeError, match="multiple values"):
        Point(1, x=2)
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    assert replace(Kind(id="a", count=2), count=3) == Kind(id="a", count=3)
