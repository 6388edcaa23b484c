from __future__ import annotations

import json
from pathlib import Path

from smpseo.analysis import jsonld
from smpseo.core.settings import Config, Site
from smpseo.sources.readers import load_posts

POSTS = Path(__file__).parent / "fixtures" / "gaps" / "posts"


def _post(slug):
    return load_posts(str(POSTS / f"{slug}.md"))[0]


def test_faq_page_from_question_headings():
    data = jsonld.faq_page(_post("does-scalp-micropigmentation-hurt"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    names = [q["name"] for q in data["mainEntity"]]
    assert names[0] == "OK, but is SMP painful?"
    assert "About Rob James" not in names  # not a question
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["@type"] == "Answer"
    assert first["acceptedAnswer"]["text"].startswith("Well, the long and the short answer")
    json.dumps(data)


def test_no_faq_page_without_questions():
    assert jsonld.faq_page(_post("why-do-i-need-multiple-scalp-micropigmentation-sessions")) is None


def test_blog_posting():
    config = Config(site=Site(name="Advanced Scalp Clinic", url="https://example.com/", city="Vancouver"))
    post = _post("what-is-smp")
    data = jsonld.blog_posting(post, config)
    assert data["@type"] == "BlogPosting" and data["headline"] == "What is SMP?"
    assert data["url"] == "https://example.com/what-is-smp/"
    assert data["publisher"] == {"@type": "Organization", "name": "Advanced Scalp Clinic", "url": "https://example.com/"}
    assert data["author"]["name"] == "Advanced Scalp Clinic"
    assert data["description"].startswith("Hi my name is Rob James")
    assert "datePublished" not in data  # unknown: not invented


def test_blog_posting_dates_and_author_from_front_matter(tmp_path):
    f = tmp_path / "p.md"
    f.write_text("---\ntitle: T\ndate: 2026-03-01\nupdated: 2026-04-02\nauthor: Rob James\n---\n\nBody text here.\n",
                 encoding="utf-8")
    data = jsonld.blog_posting(load_posts(str(f))[0], Config())
    assert data["datePublished"] == "2026-03-01" and data["dateModified"] == "2026-04-02"
    assert data["author"] == {"@type": "Person", "name": "Rob James"}
    assert "url" not in data and "publisher" not in data


def test_script_tag_cannot_be_closed_by_text():
    tag = jsonld.script_tag({"text": "</script><b>"})
    assert tag.count("</script>") == 1
