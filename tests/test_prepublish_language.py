"""A draft that says it is in another language than English gets one warning at the field's line on its
pre-publish page: the readability and keyword rules are English's. An English one is read as before."""

from __future__ import annotations

import pytest

from smpseo.app.report.prepublish import prepublish_report
from smpseo.views import notebook as show

FRENCH = ("La micropigmentation du cuir chevelu est-elle douloureuse ? La plupart de nos clients parlent d'une "
          "légère gêne.")
ENGLISH = "Does SMP hurt? Most clients describe a mild scratching, two or three out of ten."


@pytest.mark.parametrize("name, text, line, code", [
    ("french.md", f"---\ntitle: Fait-elle mal ?\nlang: fr\n---\n\n{FRENCH}\n", 3, "fr"),
    ("french.md", f"---\ntitle: Fait-elle mal ?\nslug: mal\nlocale: fr_FR\n---\n\n{FRENCH}\n", 4, "fr_FR"),
    ("french.md", f"+++\ntitle = 'Fait-elle mal ?'\nlanguage = 'fr'\n+++\n\n{FRENCH}\n", 3, "fr"),
    ("french.html", f'<!doctype html>\n<html lang="fr">\n<head><title>Fait-elle mal ?</title></head>\n'
                    f"<body><article><h1>Fait-elle mal ?</h1><p>{FRENCH}</p></article></body></html>\n", 2, "fr"),
])
def test_a_post_in_another_language_is_told_its_scores_are_english_s(tmp_path, name, text, line, code):
    """`lang: fr` got English Flesch 78.4 and 'Readability good' with no word."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    draft = prepublish_report(tmp_path / name)
    assert draft.language == (f"{tmp_path / name}:{line}: warning: the post says its language is {code!r}; smpseo's "
                              "readability and keyword rules are English's (reading ease, sentence length, passive "
                              "voice, transition words, keyphrase forms), so their scores and the rating are not "
                              "meaningful for it")
    assert show.draft_heading(draft)._repr_html_().count("not meaningful for it") == 1


@pytest.mark.parametrize("field", ["lang: en-GB\n", "language: English\n", ""])
def test_an_english_post_is_read_as_before(tmp_path, field):
    (tmp_path / "hurt.md").write_text(f"---\ntitle: Does SMP hurt?\n{field}---\n\n{ENGLISH}\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text(f"---\ntitle: Does SMP hurt?\n---\n\n{ENGLISH}\n", encoding="utf-8")
    draft = prepublish_report(tmp_path / "hurt.md", topics=False)
    assert draft.language == "" and "not meaningful" not in show.draft_heading(draft)._repr_html_()
    assert draft.readability == prepublish_report(tmp_path / "plain.md", topics=False).readability
