"""Markdown written in a note app: the pages of a Notion export (their property block, ids and links) and the notes
of an Obsidian vault (wikilinks, embedded images, callouts, tags, daily notes and templates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smpseo.analysis.site import incoming_links
from smpseo.cli import main
from smpseo.model.post import HEADING, IMAGE, PARAGRAPH, QUOTE
from smpseo.sources.readers import load_posts, read_file

ID_A = "5e0c7a1b2d3f4a6b8c9d0e1f2a3b4c5d"
ID_B = "9a8b7c6d5e4f40312a2b3c4d5e6f7a8b"
ID_DB = "0f1e2d3c4b5a49687766554433221100"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _notion_export(root: Path) -> Path:
    """A database of two pages, as Notion's "Export as Markdown" writes it: the table beside the pages' folder."""
    folder = root / f"Leeds Clinic Blog {ID_DB}"
    _write(root / f"Leeds Clinic Blog {ID_DB}.csv",
           "Name,Created,Description,Keyphrase,Status,Tags\n"
           "Choosing an SMP Pigment Shade,2026-01-12,x,SMP pigment,Published,pigment\n")
    _write(folder / f"Choosing an SMP Pigment Shade {ID_A}.md",
           "# Choosing an SMP Pigment Shade\n"
           "\n"
           "Created: January 12, 2026 9:30 AM\n"
           "Description: How our Leeds artists match the pigment to your hair and skin.\n"
           "Keyphrase: SMP pigment\n"
           "Status: Published\n"
           "Tags: pigment, first-session\n"
           "\n"
           "The right shade matches the hair you still have.\n"
           "\n"
           f"Read [what a top-up costs](SMP%20Top-up%20Costs%20{ID_B}.md) before you book.\n")
    _write(folder / f"SMP Top-up Costs {ID_B}.md",
           "# SMP Top-up Costs\n"
           "\n"
           "Created: February 2, 2026 4:00 PM\n"
           "Status: In progress\n"
           "\n"
           "A top-up costs less than a first session.\n")
    return folder


def test_a_notion_pages_properties_are_its_fields_and_its_id_is_no_part_of_its_slug(tmp_path):
    """The `Key: value` lines under a Notion page's title were read as its first paragraph ("Created: January 12,
    2026 9:30 AM Description: ..."), the post had no description, date or keyphrase, its slug ended with Notion's
    id, and a link to another page of the export named no post."""
    folder = _notion_export(tmp_path)
    shade, topup = load_posts(folder, drafts=True)
    assert [p.title for p in load_posts(folder)] == ["Choosing an SMP Pigment Shade"]
    assert (shade.title, shade.title_line, shade.slug) == (
        "Choosing an SMP Pigment Shade", 1, "choosing-an-smp-pigment-shade")
    assert (shade.date, shade.description, shade.keyphrase, shade.tags, shade.not_a_post) == (
        dt.date(2026, 1, 12), "How our Leeds artists match the pigment to your hair and skin.", "SMP pigment",
        ["pigment", "first-session"], "")
    assert (shade.meta_line("description"), shade.meta_line("keyphrase"), shade.meta_line("date")) == (4, 5, 3)
    assert [(b.kind, b.line, b.text) for b in shade.blocks] == [
        (HEADING, 1, "Choosing an SMP Pigment Shade"),
        (PARAGRAPH, 9, "The right shade matches the hair you still have."),
        (PARAGRAPH, 11, "Read what a top-up costs before you book.")]
    assert [(link.href, link.text, link.line) for link in shade.links] == [
        ("SMP%20Top-up%20Costs.md", "what a top-up costs", 11)]
    assert (topup.slug, topup.date, topup.status, topup.not_a_post) == (
        "smp-top-up-costs", dt.date(2026, 2, 2), "draft", "draft")
    assert [b.text for b in topup.blocks] == ["SMP Top-up Costs", "A top-up costs less than a first session."]
    assert incoming_links([shade, topup]) == {1: [(shade, 11)]}


def test_lines_under_a_title_are_text_unless_the_page_is_notions_and_names_its_properties(tmp_path):
    """Without Notion's id in the file's name, or, without the database's table beside it, without a property smpseo
    reads, `Key: value` lines under the title are the post's text: "Note: ..." is prose."""
    text = "# Opening Hours\n\nNote: the studio is closed on bank holidays.\n\nBook online any day.\n"
    for name in ("opening-hours.md", f"Opening Hours {ID_A}.md"):
        post = read_file(_write(tmp_path / name, text))[0]
        assert [(b.line, b.text) for b in post.blocks[1:]] == [
            (3, "Note: the studio is closed on bank holidays."), (5, "Book online any day.")], name
        assert post.slug == "opening-hours"


VAULT_NOTE = """\
---
title: Aftercare for SMP
tags: [aftercare]
---

Keep the scalp dry for four days. See [[SMP Costs|what it costs]] and [[SMP Costs]] too. #leeds

![[day-three.jpg|The scalp on day three]]

![[healed.png|300]]

> [!tip] Booking
> Call the Leeds studio to book.

Code stays: `[[x]]` and `#notatag`.

#aftercare #first-session
"""


def _vault(root: Path) -> Path:
    _write(root / ".obsidian" / "app.json", '{"attachmentFolderPath": "attachments"}')
    _write(root / "Posts" / "Aftercare for SMP.md", VAULT_NOTE)
    _write(root / "Posts" / "SMP Costs.md", "# SMP Costs\n\nA first session costs less than you think.\n")
    _write(root / "Daily" / "2026-03-04.md", "- call the pigment supplier\n- [[SMP Costs]] needs a photo\n")
    _write(root / "Templates" / "Post.md", "---\ntitle: {{title}}\ndate: {{date}}\n---\n\n## Heading\n")
    return root


def test_an_obsidian_notes_wikilinks_embeds_callouts_and_tags_are_read_as_obsidian_shows_them(tmp_path):
    """In a vault, `[[Note|label]]` was read as the words "[[SMP Costs|what it costs]]", `![[photo.jpg|alt]]` as a
    paragraph, a callout's "[!tip]" and every "#tag" as words of the text."""
    vault = _vault(tmp_path / "vault")
    aftercare, costs = load_posts(vault / "Posts")
    assert [(b.kind, b.line, b.text) for b in aftercare.blocks] == [
        (PARAGRAPH, 6, "Keep the scalp dry for four days. See what it costs and SMP Costs too."),
        (IMAGE, 8, "The scalp on day three"),
        (IMAGE, 10, ""),
        (QUOTE, 12, "Booking\nCall the Leeds studio to book."),
        (PARAGRAPH, 15, "Code stays: and ."),
    ]
    assert [(link.href, link.text, link.line) for link in aftercare.links] == [
        ("SMP%20Costs.md", "what it costs", 6), ("SMP%20Costs.md", "SMP Costs", 6)]
    assert [(i.src, i.alt, i.line) for i in aftercare.images] == [
        ("day-three.jpg", "The scalp on day three", 8), ("healed.png", "", 10)]
    assert aftercare.tags == ["aftercare", "leeds", "first-session"]
    assert [s.text for s in aftercare.sentences][:2] == [
        "Keep the scalp dry for four days.", "See what it costs and SMP Costs too."]
    assert not [s for s in aftercare.sentences if "[" in s.text or "#" in s.text]
    assert incoming_links([aftercare, costs]) == {1: [(aftercare, 6), (aftercare, 6)]}


def test_obsidian_syntax_is_text_outside_a_vault(tmp_path):
    """Outside a vault a site shows `[[...]]` and `#tag` as written: they stay the post's text."""
    post = read_file(_write(tmp_path / "posts" / "aftercare.md", VAULT_NOTE))[0]
    assert post.links == [] and post.tags == ["aftercare"]
    assert post.blocks[0].text == ("Keep the scalp dry for four days. See [[SMP Costs|what it costs]] and [[SMP Costs]] "
                                   "too. #leeds")


def test_a_vaults_daily_notes_and_templates_are_no_posts(tmp_path, capsys, monkeypatch):
    """A vault read as a whole: its daily note was a post, and its template's `{{title}}` front matter an error that
    made the run exit 1."""
    vault = _vault(tmp_path / "vault")
    corpus = load_posts(vault)
    assert [p.title for p in corpus] == ["Aftercare for SMP", "SMP Costs"]
    assert [(e.message, e.severity) for e in corpus.errors] == [
        ("2 notes of an Obsidian vault left out, its daily notes and templates (2026-03-04.md, Post.md): name one to "
         "check it", "info")]
    monkeypatch.chdir(vault)
    assert main(["analyze", ".", "--no-cache"]) == 0
    assert "2026-03-04" not in capsys.readouterr().out
