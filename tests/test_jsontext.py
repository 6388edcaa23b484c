"""smpseo.core.jsontext.dumps writes what json.dumps writes with indentation, character for character."""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.core.jsontext import dumps

from .conftest import CLINIC_CONFIG, CLINIC_POSTS

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-10**30, 10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(), st.sampled_from(["", "é", "\u2028", "\x00", '"\\/'])
)
KEYS = st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
DATA = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=5), st.lists(children, max_size=3).map(tuple),
    st.dictionaries(KEYS, children, max_size=5)), max_leaves=40)


def same(data, **options) -> None:
    for ensure_ascii in (True, False):
        for indent in (2, 4, 0):
            expected = json.dumps(data, indent=indent, ensure_ascii=ensure_ascii, **options)
            assert dumps(data, indent=indent, ensure_ascii=ensure_ascii, **options) == expected


@settings(max_examples=500, deadline=None)
@given(DATA)
def test_random_data(data):
    same(data)


@pytest.mark.parametrize("data", [
    {}, [], (), "", 0, -0.0, 1e300, float("nan"), float("-inf"), True, None, {"": {}}, [[]], [{}, []],
    OrderedDict([("b", 1), ("a", 2)]), {2: "int key", 2.5: "float key", True: "bool", None: "none"},
    {"nested": [{"a": [1, [2, [3, {"b": None}]]]}]},
])
def test_edges(data):
    same(data)


def test_default_is_used_for_other_types():
    data = {"date": dt.date(2026, 11, 27), "path": Path("posts/a.md"), "set": [dt.time(1, 2)],
            "nested": {"when": dt.datetime(2026, 1, 2, 3, 4)}}
    same(data, default=str)
    with pytest.raises(TypeError, match="is not JSON serializable"):
        dumps(data)
    with pytest.raises(TypeError, match="keys must be"):
        dumps({(1, 2): 3})


def test_a_check_result():
    import smpseo

    result = smpseo.check(CLINIC_POSTS, CLINIC_CONFIG).to_dict()
    same(result, default=str)
    rows = smpseo.analyze(smpseo.load_posts(CLINIC_POSTS), CLINIC_CONFIG)
    same(rows, default=str)


def test_a_finding_as_a_dict_has_every_field_in_order():
    from dataclasses import asdict, fields

    from smpseo.model.results import Finding

    finding = Finding("posts/a.md", 3, 7, "RD101", "readability", "warning", "Long sentence", "x y", "Split it.")
    assert finding.to_dict() == asdict(finding)
    assert list(finding.to_dict()) == [f.name for f in fields(Finding)]
