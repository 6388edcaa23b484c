"""Zola's front matter: the post's own fields in `[extra]` (Zola refuses unknown keys at the top) and its tags and
categories in `[taxonomies]`, each read as the top-level field is, at its line."""

from __future__ import annotations

import datetime as dt

from smpseo.sources.readers import read_file

ZOLA_POST = """+++
title = "SMP Touch-Ups in Bristol"
date = 2025-08-20

[taxonomies]
tags = ["touch-up", "longevity"]
categories = ["guides"]

[extra]
keyphrase = "SMP touch-up"
description = "When to book an SMP touch-up at our Bristol studio, and what it costs."
hero = "touch-up.jpg"
+++

Most clients book a touch-up four years after their first sessions.
"""


def test_zola_extra_fields_and_taxonomies_are_the_post_s_fields_at_their_lines(tmp_path):
    path = tmp_path / "touch-ups.md"
    path.write_text(ZOLA_POST, encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.date) == ("SMP Touch-Ups in Bristol", dt.date(2025, 8, 20))
    assert (post.tags, post.categories) == (["touch-up", "longevity"], ["guides"])
    assert (post.keyphrase, post.meta_line("keyphrase")) == ("SMP touch-up", 10)
    assert post.description == "When to book an SMP touch-up at our Bristol studio, and what it costs."
    assert (post.meta_line("description"), post.meta_line("tags"), post.warnings) == (11, 6, [])


def test_a_field_at_the_top_is_not_replaced_by_the_one_in_extra(tmp_path):
    path = tmp_path / "touch-ups.md"
    path.write_text(ZOLA_POST.replace('date = 2025-08-20\n', 'date = 2025-08-20\ndescription = "Top."\n'),
                    encoding="utf-8")
    [post] = read_file(path)
    assert (post.description, post.meta_line("description")) == ("Top.", 4)
