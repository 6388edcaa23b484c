"""A clinic that publishes a local number and a toll-free one (1-800, 0800, 1300) gives both in `[site] phone` as a
list: each is the clinic's to the phone rules (LOC301, LOC306) and the call to action (LOC303), and the markup lists
both. A list that holds no numbers is one line at its line."""

from __future__ import annotations

import pytest

import smpseo
from smpseo.analysis import jsonld
from smpseo.cli import main
from smpseo.core.settings import parse_config

from .conftest import nonblank_lines

BOTH = '[site]\nname = "Crown Line SMP"\ncity = "Leeds"\nphone = ["0113 496 0123", "0800 555 0199"]\n'
LOCAL = '[site]\nname = "Crown Line SMP"\ncity = "Leeds"\nphone = "0113 496 0123"\n'


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _findings(tmp_path, body: str, settings: str, rules: list[str]):
    (tmp_path / "smpseo.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Meet the team\n---\n\n{body}\n", encoding="utf-8")
    result = smpseo.check(str(tmp_path / "a.md"), smpseo.load_config(tmp_path / "smpseo.toml"), rules=rules,
                          keyphrases=False)
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_site_takes_a_local_and_a_toll_free_number():
    site = parse_config(BOTH).site
    assert (site.phone, site.more_phones, site.phones) == ("0113 496 0123", ["0800 555 0199"],
                                                          ["0113 496 0123", "0800 555 0199"])
    assert parse_config(LOCAL).site.phones == ["0113 496 0123"]


def test_the_toll_free_number_is_checked_for_its_layout_and_typos(tmp_path):
    body = "Ring 0800-555-0199 free, or 0800 555 0191. The studio: 0113 496 0123."
    assert _findings(tmp_path, body, BOTH, ["LOC301", "LOC306"]) == [
        ("LOC301", 5, 6, "Phone written '0800-555-0199', not '0800 555 0199'"),
        ("LOC306", 5, 29, "Phone number '0800 555 0191' is the clinic's '0800 555 0199' with one digit off: a typo "
                          "sends calls elsewhere")]


def test_the_toll_free_number_alone_is_a_call_to_action(tmp_path):
    body = "Most clients heal in a week. Our free line is 0800 555 0199."
    assert _findings(tmp_path, body, LOCAL, ["LOC303"])[0][0] == "LOC303"
    assert _findings(tmp_path, body, BOTH, ["LOC303"]) == []


def test_the_markup_lists_both_numbers():
    site = parse_config(BOTH + 'address = "1 Park Row"\n')
    assert jsonld.local_business(site)["telephone"] == ["0113 496 0123", "0800 555 0199"]
    assert jsonld.local_business(parse_config(LOCAL + 'address = "1 Park Row"\n'))["telephone"] == "0113 496 0123"


@pytest.mark.parametrize("phone, said", [
    ("[]", "[site] phone: give one number, or a list of 1 to 10 (a local number and a toll-free one)"),
    ('["0113 496 0123", 800]', "[site] phone must be a string or a list of strings (a local number and a toll-free "
                               "one); each other studio's number goes in its own [[site.locations]] table"),
])
def test_a_list_that_is_no_numbers_is_one_line_at_its_line(tmp_path, capsys, phone, said):
    (tmp_path / "posts").mkdir()
    (tmp_path / "smpseo.toml").write_text(f'[site]\nname = "Crown Line SMP"\ncity = "Leeds"\nphone = {phone}\n',
                                          encoding="utf-8")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert nonblank_lines(capsys.readouterr().err) == [f"smpseo: error: smpseo.toml:4: {said}"]


def test_a_mistyped_number_in_the_list_is_said_as_one_given_alone(tmp_path, capsys):
    (tmp_path / "posts").mkdir()
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Crown Line SMP"\ncity = "Leeds"\n'
                                          'phone = ["0113 496 0123", "0800 CALL NOW"]\n', encoding="utf-8")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    (tmp_path / "alone.toml").write_text('[site]\nname = "Crown Line SMP"\ncity = "Leeds"\nphone = "0800 CALL NOW"\n',
                                         encoding="utf-8")
    listed = nonblank_lines(capsys.readouterr().err)
    assert main(["check", "posts", "--config", "alone.toml"]) == 2
    assert listed == [line.replace("alone.toml", "smpseo.toml") for line in nonblank_lines(capsys.readouterr().err)]
    assert len(listed) == 1
