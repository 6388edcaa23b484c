"""How a generator's markup inside a Markdown post is read: Liquid comments, raw and highlight blocks, kramdown's
attribute lists, extensions, footnotes and abbreviations, template variables, front matter dates and MDX images."""

from __future__ import annotations

from smpseo.core.text import mask_templates, strip_markup_noise
from smpseo.sources.readers.markdown import parse_markdown

JEKYLL_POST = """---
title: Does SMP hurt?
---

Most clients rate SMP a two out of ten.
{: .note}

{% comment %}
Old note: the desk was 512.555.0142 and passes were booked by the manager.
{% endcomment %}

{:.lead}
Many clients nap in the chair.[^1] Some **even snore**{: .highlight} a little.

{% highlight text %}
Day 1-4 : no water, no sweat
{% endhighlight %}

{::comment}
A kramdown comment.
{:/comment}

* TOC
{:toc}

## Aftercare {#aftercare}

*[SMP]: Scalp micropigmentation

[^1]: One client watched a whole game.
    He slept through the second half.

    A second paragraph of the footnote.

Call (512) 555-0142.
"""


def _read(post):
    return [(b.kind, b.line, b.text) for b in post.blocks], [(s.line, s.column, s.text) for s in post.sentences]


def test_liquid_comments_highlight_blocks_and_kramdown_markup_are_no_words():
    """A Liquid comment and a kramdown comment are not read; a highlight block is code; attribute lists, the list a
    `{:toc}` stands for, footnote markers and labels and abbreviation definitions are no words; every other line
    and column is where it was."""
    post = parse_markdown(JEKYLL_POST, "_posts/2025-01-14-does-smp-hurt.md")
    blocks, sentences = _read(post)
    assert blocks == [
        ("paragraph", 5, "Most clients rate SMP a two out of ten."),
        ("paragraph", 13, "Many clients nap in the chair. Some even snore a little."),
        ("code", 15, "Day 1-4 : no water, no sweat\n"),
        ("heading", 26, "Aftercare"),
        ("paragraph", 30, "One client watched a whole game.\nHe slept through the second half."),
        ("paragraph", 33, "A second paragraph of the footnote."),
        ("paragraph", 35, "Call (512) 555-0142."),
    ]
    assert sentences == [
        (5, 1, "Most clients rate SMP a two out of ten."),
        (13, 1, "Many clients nap in the chair."), (13, 36, "Some even snore a little."),
        (30, 7, "One client watched a whole game."), (31, 5, "He slept through the second half."),
        (33, 5, "A second paragraph of the footnote."),
        (35, 1, "Call (512) 555-0142."),
    ]


def test_a_block_tag_never_closed_is_an_ordinary_tag_and_code_fences_are_left_as_written():
    text = "---\ntitle: T\n---\n\n{% comment %} Open.\n\nWords stay.\n\n```\n{: .x} [^1]\n```\n"
    blocks, _ = _read(parse_markdown(text, "a.md"))
    assert blocks == [("paragraph", 5, "Open."), ("paragraph", 7, "Words stay."), ("code", 9, "{: .x} [^1]\n")]


def test_a_raw_block_is_text_tags_and_all():
    """`{% raw %}` shows what it holds as written: its `{{ }}` is text, in Markdown and in any other text."""
    text = "---\ntitle: T\n---\n\nA note: {% raw %}{{ price_table }}{% endraw %} is filled in by hand.\n"
    _, sentences = _read(parse_markdown(text, "a.md"))
    assert sentences == [(5, 1, "A note: {{ price_table }} is filled in by hand.")]
    assert strip_markup_noise("a {% raw %}{{ x }}{% endraw %} b {{ y }}").split() == ["a", "{{", "x", "}}", "b"]
    assert mask_templates("{% comment %}a\nb{% endcomment %}c") == "\ue000" * 14 + "\n" + "\ue000" * 17 + "c"


def _dated(fields: str, path: str = "src/content/blog/a.md"):
    return parse_markdown(f"---\ntitle: T\n{fields}\n---\n\nText.\n", path)


def test_the_date_fields_of_other_generators_are_the_post_s_date_and_modified_date():
    """Astro's `pubDate` and `updatedDate` (and the other generators' names) are the post's dates, in the forms
    people write them; Jekyll's `published: false` is no date, and the file name's date stays the post's."""
    import datetime as dt

    from smpseo.analysis.jsonld import blog_posting

    post = _dated("pubDate: 'Jul 08 2025'\nupdatedDate: 2025-09-01", "src/content/blog/new.mdx")
    assert post.date == dt.date(2025, 7, 8) and not post.warnings
    assert (blog_posting(post)["datePublished"], blog_posting(post)["dateModified"]) == ("2025-07-08", "2025-09-01")
    written = {"pubDate: 2025-01-20": "2025-01-20", "publishDate: 8 July 2025": "2025-07-08",
               "pubDatetime: 2025-07-08T10:00:00Z": "2025-07-08", "published: July 8th, 2025": "2025-07-08",
               "date: 2025-07-08 10:00:00 +0200": "2025-07-08", "created: 2025/07/08": "2025-07-08",
               "date_published: Tue Jul 08 2025": "2025-07-08"}
    assert {fields: str(_dated(fields).date) for fields in written} == written
    assert _dated("published: false", "_posts/2025-02-01-x.md").date == dt.date(2025, 2, 1)
    post = _dated("pubDate: soon\nlast_update:\n  date: 2025-03-02")
    assert (post.date, post.warnings) == (None, ["line 3: 'pubDate' is not a date: 'soon'; ignored"])
    assert blog_posting(post)["dateModified"] == "2025-03-02"


def test_mdx_image_components_with_an_alt_are_the_post_s_images():
    """Astro's `<Image>` and `<Picture>` (or another framework's image component) with an alt prop are images of
    the post: the alt a string gives, the address an import gives; an expression's alt is unknown, not missing."""
    from smpseo.sources.readers.mdx import read_mdx

    text = ("---\ntitle: T\n---\nimport { Image, Picture } from 'astro:assets';\nimport hero from '../assets/chair.jpg';\n"
            "\n<Image src={hero} alt=\"A session in the chair\" />\n\nIt stings a little.\n\n"
            "<Picture\n  src={hero}\n  alt={\"Healed hairline\"}\n  formats={['avif']}\n/>\n\n"
            "<StaticImage src=\"../images/scar.jpg\" alt={post.alt} />\n\n<Image src={other} />\n\nCall us.\n")
    [post] = read_mdx(text, "src/content/blog/hero.mdx")
    assert [(b.kind, b.line, b.text) for b in post.blocks] == [
        ("image", 7, "A session in the chair"), ("paragraph", 9, "It stings a little."),
        ("image", 11, "Healed hairline"), ("image", 17, "{post.alt}"), ("paragraph", 21, "Call us.")]
    assert [(i.src, i.alt, i.line) for i in post.images] == [
        ("../assets/chair.jpg", "A session in the chair", 7), ("../assets/chair.jpg", "Healed hairline", 11),
        ("../images/scar.jpg", "{post.alt}", 17)]


def test_a_template_variable_prints_the_value_the_site_gives_it_and_an_unknown_one_ends_no_sentence(tmp_path):
    """Jekyll's `site.X` is its `_config.yml`'s, `page.X` the post's front matter's; Eleventy's `site.X` its
    `_data/site.json`'s. A variable not known is masked, and a sentence it opens is still a sentence of its own."""
    from smpseo.sources.readers import read_file

    (tmp_path / "jekyll" / "_posts").mkdir(parents=True)
    (tmp_path / "jekyll" / "_config.yml").write_text('title: Lone Star\nphone: "(512) 555-0142"\n', encoding="utf-8")
    post_path = tmp_path / "jekyll" / "_posts" / "2025-01-14-hurt.md"
    post_path.write_text("---\ntitle: Does it hurt\ncity: Austin\n---\n\nCall us at {{ site.phone }} or see us in "
                         "{{ page.city }}. {{ site.title }} is open. {{ site.motto }} clients nap.\n", encoding="utf-8")
    (tmp_path / "11ty" / "src" / "_data").mkdir(parents=True)
    (tmp_path / "11ty" / "src" / "blog").mkdir()
    (tmp_path / "11ty" / "src" / "_data" / "site.json").write_text('{"name": "Golden Gate SMP"}', encoding="utf-8")
    eleventy = tmp_path / "11ty" / "src" / "blog" / "sweat.md"
    eleventy.write_text("---\ntitle: Sweat\n---\n\nWear sunscreen. {{ site.name }} clients climb. {{ title }}!\n",
                        encoding="utf-8")
    [post] = read_file(post_path)
    assert [(s.line, s.column, s.text) for s in post.sentences] == [
        (6, 1, "Call us at (512) 555-0142 or see us in Austin."), (6, 59, "Lone Star is open."),
        (6, 102, "clients nap.")]
    [post] = read_file(eleventy)
    assert [(s.line, s.column, s.text) for s in post.sentences] == [
        (5, 1, "Wear sunscreen."), (5, 17, "Golden Gate SMP clients climb."), (5, 48, "Sweat!")]


def test_the_title_a_paired_shortcode_shows_is_text_of_the_post(tmp_path):
    """An FAQ accordion (`{{< accordion title="..." >}}` ... `{{< /accordion >}}`, Hugo's own `details` and its
    `summary`, a theme's `{{% expand "..." %}}`) shows its question on the page: it was read as no text, so a post of
    questions answered that way asked none. A shortcode that is not closed (a video's `title`, which only a screen
    reader hears) and a shortcode's other values stay no text."""
    from smpseo.sources.readers import read_file

    path = tmp_path / "faq.md"
    path.write_text('---\ntitle: Questions\n---\n\n{{< accordion title="Does SMP hurt more than a tattoo?" >}}\nNo. '
                    'It stings less.\n{{< /accordion >}}\n\n{{< details summary="Can I swim after SMP?" open=true >}}\n'
                    'After two weeks.\n{{< /details >}}\n\n{{% expand "Will it fade?" %}}\nSlowly, over years.\n'
                    '{{% /expand %}}\n\n{{< youtube id="abc" title="Our studio tour" >}}\n\n'
                    '{{< notice warning >}}\nKeep it dry.\n{{< /notice >}}\n\n{{< highlight "text" >}}\n{{< /highlight >}}\n',
                    encoding="utf-8")
    [post] = read_file(path)
    assert [(s.line, s.column, s.text) for s in post.sentences] == [
        (5, 22, "Does SMP hurt more than a tattoo?"), (6, 1, "No."), (6, 5, "It stings less."),
        (9, 22, "Can I swim after SMP?"), (10, 1, "After two weeks."), (13, 13, "Will it fade?"),
        (14, 1, "Slowly, over years."), (20, 1, "Keep it dry.")]
