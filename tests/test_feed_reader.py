"""RSS and Atom feeds and Blogger's export: posts with their metadata, content read into blocks at the lines of the
file, comments, settings and pages passed over, drafts left out as other drafts are, and a cut-off feed keeping the
posts complete before the cut."""

from __future__ import annotations

import datetime as dt

import pytest

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.wxr import read_wxr

BLOGGER = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'
      xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>tag:blogger.com,1999:blog-1</id>
<title>Clinic blog</title>
<entry>
<id>tag:blogger.com,1999:blog-1.post-2</id>
<blogger:type>POST</blogger:type>
<blogger:status>LIVE</blogger:status>
<blogger:filename>/2024/05/does-smp-hurt.html</blogger:filename>
<title>Does SMP hurt?</title>
<content type='html'>&lt;p&gt;Most clients rate it two out of ten.&lt;/p&gt;
&lt;h2&gt;Numbing&lt;/h2&gt;
&lt;p&gt;We use a numbing cream.&lt;/p&gt;</content>
<published>2024-05-06T10:00:00.000Z</published>
<category scheme='http://www.blogger.com/atom/ns#' term='pain'/>
<link rel='alternate' type='text/html' href='https://clinic.example/2024/05/does-smp-hurt.html'/>
</entry>
<entry>
<id>tag:blogger.com,1999:blog-1.post-3</id>
<blogger:type>COMMENT</blogger:type>
<title>Great post</title>
<content type='html'>Thanks!</content>
</entry>
<entry>
<blogger:type>POST</blogger:type>
<blogger:status>DRAFT</blogger:status>
<title>Coming soon: prices</title>
<content type='html'>&lt;p&gt;Not yet.&lt;/p&gt;</content>
</entry>
<entry>
<blogger:type>PAGE</blogger:type>
<title>About us</title>
<content type='html'>&lt;p&gt;We are a clinic.&lt;/p&gt;</content>
</entry>
</feed>
"""

RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Blog</title>
<item>
<title>How long does SMP last?</title>
<link>https://clinic.example/how-long-does-smp-last/</link>
<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>
<category>aftercare</category>
<description>Four to six years, with care.</description>
<content:encoded><![CDATA[<p>Expect four to six years before a refresh.</p>
<p>Sunscreen keeps it dark.</p>]]></content:encoded>
</item>
</channel></rss>
"""

ATOM_XHTML = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Site</title>
  <entry>
    <title type="html">Scars &amp;amp; SMP</title>
    <link href="https://clinic.example/posts/scars/"/>
    <updated>2025-01-02T00:00:00Z</updated>
    <summary type="text">Can SMP hide scars? Yes, mostly.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Most scars take pigment &lt;well&gt;.</p>
      <p>A <a href="https://clinic.example/book">consultation</a> tells.</p>
    </div></content>
  </entry>
</feed>
"""


def test_a_blogger_export_gives_its_posts_only_at_the_lines_of_the_file():
    posts = read_wxr(BLOGGER, "blog.xml")
    assert [(p.slug, p.status) for p in posts] == [("does-smp-hurt", ""), ("coming-soon-prices", "draft")]
    post = posts[0]
    assert (post.title, post.date, post.tags, post.format) == ("Does SMP hurt?", dt.date(2024, 5, 6), ["pain"], "feed")
    assert post.canonical == "https://clinic.example/2024/05/does-smp-hurt.html" and post.title_line == 11
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (12, "paragraph", "Most clients rate it two out of ten."), (13, "heading", "Numbing"),
        (14, "paragraph", "We use a numbing cream.")]


def test_an_rss_feed_reads_content_encoded_and_its_description():
    [post] = read_wxr(RSS, "feed.xml")
    assert (post.slug, post.date, post.tags) == ("how-long-does-smp-last", dt.date(2024, 5, 6), ["aftercare"])
    assert post.description == "Four to six years, with care."
    assert [(s.line, s.text) for s in post.sentences] == [(10, "Expect four to six years before a refresh."),
                                                          (11, "Sunscreen keeps it dark.")]


def test_atom_xhtml_content_keeps_its_elements_and_escapes(tmp_path):
    path = tmp_path / "index.atom"
    path.write_text(ATOM_XHTML, encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.slug, post.description) == ("Scars & SMP", "scars", "Can SMP hide scars? Yes, mostly.")
    assert [(b.line, b.text) for b in post.blocks] == [(10, "Most scars take pigment <well>."),
                                                      (11, "A consultation tells.")]
    assert [link.href for b in post.blocks for link in b.links] == ["https://clinic.example/book"]


def test_a_cut_off_feed_keeps_the_posts_before_the_cut_and_names_the_line():
    cut = BLOGGER[:BLOGGER.index("<entry>", BLOGGER.index("COMMENT") - 200)] + "<entry><title>Half"
    with pytest.raises(SourceError) as err:
        read_wxr(cut, "cut.xml")
    assert "cut off" in err.value.message and [p.slug for p in err.value.posts] == ["does-smp-hurt"]


def test_other_xml_is_one_error_naming_what_it_is():
    with pytest.raises(SourceError, match=r"not a WordPress export, RSS or Atom feed \(the document is <urlset>"):
        read_wxr('<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>', "sitemap.xml")


def test_check_reads_a_feed_and_leaves_its_draft_out(tmp_path, capsys):
    (tmp_path / "blog.xml").write_text(BLOGGER, encoding="utf-8")
    corpus = load_posts([tmp_path / "blog.xml"])
    assert [p.slug for p in corpus] == ["does-smp-hurt"] and "1 draft left out" in corpus.errors[0].message
    assert main(["check", str(tmp_path / "blog.xml")]) in (0, 1)
    out = capsys.readouterr().out
    assert "blog.xml#does-smp-hurt" in out or "blog.xml:" in out
    assert "Great post" not in out and "About us" not in out


def test_a_damaged_item_is_skipped_and_the_items_after_it_keep_their_lines():
    """A character XML refuses in one item (a bare "&" typed into a feed by hand): that post is lost, the others
    are read, each at its own line, and the error names the damaged line."""
    item = RSS[RSS.index("<item>"):RSS.index("</item>") + len("</item>\n")]
    broken = item.replace("How long does SMP last?", "Cost & payment").replace("how-long-does-smp-last", "cost")
    text = RSS.replace(item, broken + item.replace("\n", "\n", 1) + item.replace("how-long-does-smp-last", "later"))
    with pytest.raises(SourceError) as err:
        read_wxr(text, "feed.xml")
    assert (err.value.line, err.value.message) == (5, "not well-formed XML: not well-formed (invalid token): the post "
                                                      "at line 5 was skipped; the other 2 posts were read")
    posts = err.value.posts
    assert [p.slug for p in posts] == ["how-long-does-smp-last", "later"]
    assert [s.line for s in posts[0].sentences] == [19, 20] and [s.line for s in posts[1].sentences] == [28, 29]


def test_a_damaged_atom_entry_is_skipped_too():
    entry = ATOM_XHTML[ATOM_XHTML.index("<entry>"):ATOM_XHTML.index("</entry>") + len("</entry>")]
    text = ATOM_XHTML.replace(entry, entry.replace("<title", "<title>Bad & worse</title><x", 1) + "\n  " + entry)
    with pytest.raises(SourceError) as err:
        read_wxr(text, "feed.atom")
    assert "the post at line 5 was skipped; the other 1 posts were read" in err.value.message
    [post] = err.value.posts
    assert post.title == "Scars & SMP" and [b.line for b in post.blocks][0] > 11


def test_several_damaged_items_are_each_skipped_and_named_and_a_damaged_last_one_stops_the_reading():
    item = RSS[RSS.index("<item>"):RSS.index("</item>") + len("</item>\n")]
    bad = item.replace("How long does SMP last?", "Cost & payment")
    body = "".join(bad if k in (0, 2) else item.replace("how-long-does-smp-last", f"post-{k}") for k in range(4))
    with pytest.raises(SourceError) as err:
        read_wxr(RSS.replace(item, body), "feed.xml")
    assert err.value.message.endswith(": the posts at lines 5 and 23 were skipped; the other 2 posts were read")
    assert [p.slug for p in err.value.posts] == ["post-1", "post-3"]
    body = "".join(bad if k in (0, 3) else item.replace("how-long-does-smp-last", f"post-{k}") for k in range(4))
    with pytest.raises(SourceError) as err:
        read_wxr(RSS.replace(item, body), "feed.xml")
    assert err.value.message.endswith(": the post at line 5 was skipped; reading stopped at line 32 (cut off?); the "
                                      "other 2 posts were read")
    assert [p.slug for p in err.value.posts] == ["post-1", "post-2"]


def test_damage_before_the_first_item_is_not_read_past():
    """The opening every reading needs is damaged (the channel's title): nothing is read, and the error names the
    line, once."""
    with pytest.raises(SourceError) as err:
        read_wxr(RSS.replace("<title>Blog</title>", "<title>Blog & co</title>"), "feed.xml")
    assert (err.value.line, err.value.message) == (3, "not well-formed XML: not well-formed (invalid token)")
    assert not err.value.posts


def test_a_file_damaged_everywhere_is_read_again_a_bounded_number_of_times(monkeypatch):
    """Each damaged post makes the rest of the file be read again: past `REREAD` times its length, the reading
    stops where it is, and says so."""
    from smpseo.sources.readers import xmlstream

    item = RSS[RSS.index("<item>"):RSS.index("</item>") + len("</item>\n")]
    bad = item.replace("How long does SMP last?", "Cost & payment")
    text = RSS.replace(item, item + bad * 30 + item.replace("how-long-does-smp-last", "last"))
    calls = []
    real = xmlstream.parse_xml
    monkeypatch.setattr(xmlstream, "parse_xml", lambda t, p, h: calls.append(len(t)) or real(t, p, h))
    with pytest.raises(SourceError) as err:
        read_wxr(text, "feed.xml")
    assert sum(calls[1:]) <= xmlstream.REREAD * len(text) and "reading stopped at line" in err.value.message
    assert [p.slug for p in err.value.posts] == ["how-long-does-smp-last"]


def test_an_element_between_cdata_sections_of_a_feeds_content_keeps_the_body():
    """As in a WordPress export: `<b>` between two CDATA sections of `content:encoded` is HTML of the post, not the
    end of its content."""
    feed = RSS.replace("<p>Sunscreen keeps it dark.</p>]]>", "<p>Sunscreen keeps it dark.</p>]]><b>Bold</b>"
                       "<![CDATA[<p>Book a touch-up.</p>]]>")
    [post] = read_wxr(feed, "feed.xml")
    assert [b.text for b in post.blocks] == ["Expect four to six years before a refresh.", "Sunscreen keeps it dark.",
                                             "Bold", "Book a touch-up."]


@pytest.mark.parametrize("draft", [
    "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>",
    "<app:control xmlns:app='http://www.w3.org/2007/app'>\n<app:draft>yes</app:draft>\n</app:control>",
    "<app:draft xmlns:app='http://www.w3.org/2007/app'>yes</app:draft>",
    "<app:draft xmlns:app='http://purl.org/atom/app#'>yes</app:draft>",
])
def test_a_blogger_classic_backup_draft_is_a_draft(tmp_path, draft):
    """Blogger's classic backup marks a draft with `app:draft` inside `app:control` (as RFC 5023 writes it), in the
    namespace of the protocol's draft (`purl.org/atom/app#`): in either namespace, wrapped or not, it is a draft."""
    path = tmp_path / "blog-11-02-2019.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>\n"
        "<entry><id>tag:blogger.com,1999:blog-1.post-1</id><title type='text'>Does SMP hurt?</title>"
        "<content type='html'>&lt;p&gt;Most clients rate it a two.&lt;/p&gt;</content></entry>\n"
        "<entry><id>tag:blogger.com,1999:blog-1.post-2</id><title type='text'>SMP Aftercare</title>"
        "<content type='html'>&lt;p&gt;Keep your scalp dry for four days.&lt;/p&gt;</content>\n"
        f"{draft}</entry>\n</feed>\n", encoding="utf-8")
    posts = read_file(path)
    assert [(p.title, p.status) for p in posts] == [("Does SMP hurt?", ""), ("SMP Aftercare", "draft")]
    assert [b.text for b in posts[1].blocks] == ["Keep your scalp dry for four days."]


def test_a_blogger_search_description_is_the_posts_description(tmp_path):
    """The new Blogger export keeps the post's search description (its meta description) in
    `blogger:metaDescription`; an empty one is no description."""
    text = BLOGGER.replace("<title>Does SMP hurt?</title>", "<title>Does SMP hurt?</title>\n"
                           "<blogger:metaDescription>What an SMP session feels like.</blogger:metaDescription>")
    text = text.replace("<title>Coming soon: prices</title>", "<title>Coming soon: prices</title>"
                        "<blogger:metaDescription/>")
    path = tmp_path / "feed.atom"
    path.write_text(text, encoding="utf-8")
    posts = read_file(path)
    assert [(p.slug, p.description) for p in posts] == [("does-smp-hurt", "What an SMP session feels like."),
                                                         ("coming-soon-prices", "")]
    assert posts[0].meta_line("description") == 12  # the line of its blogger:metaDescription
