"""schema.org structured data (JSON-LD) for a post: `BlogPosting` for every post, `FAQPage` where it asks and answers,
and the clinic itself as a `LocalBusiness` (or the subtype `[site] business_type` names) from `[site]`, one for each of
its studios (`[[site.locations]]`).

Google stopped showing FAQ rich results on 2026-05-07, so `FAQPage` markup earns no snippet in Google Search and
nothing here promises one. It is still valid schema.org and still useful: other search engines and answer engines
(including AI assistants that cite pages) read it, and it states plainly which questions a page answers. Mark up
only questions and answers that are visible on the page.

    >>> from smpseo import jsonld
    >>> jsonld.blog_posting(post, config)      # a dict: json.dumps it into <script type="application/ld+json">
    >>> jsonld.faq_page(post)                  # a dict, or None when the post has no question headings
    >>> jsonld.local_business(config)          # a dict, or None without a business name and an address or city
    >>> jsonld.local_businesses(config)        # a list: the main studio, then each of `[[site.locations]]`
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from smpseo.core.phone import international
from smpseo.core.text import is_question
from smpseo.model.post import HEADING, Post
from smpseo.sources.countries import country_code, country_of
from smpseo.sources.readers.datefields import MODIFIED_FIELDS, date_field
from smpseo.sources.readers.frontmatter import as_date

CONTEXT = "https://schema.org"
MAX_HEADLINE = 110  # schema.org/Google guidance: longer headlines may be cut


def questions(post: Post) -> list[tuple[str, str, int]]:
    """(question, answer text, line) for each question heading with prose under it, in order. The post's closing
    call to action ("Ready to talk it through? Call us on ...") answers no question, whichever heading it ends."""
    from smpseo.core.language import find_phrase

    out = []
    blocks = post.blocks
    prose = [b for b in blocks if b.is_prose]
    sign_off = prose[-1] if prose and find_phrase("cta_phrases", prose[-1].text) else None
    for i, block in enumerate(blocks):
        if block.kind != HEADING or not is_question(block.text):
            continue
        answer = []
        for nxt in blocks[i + 1:]:
            if nxt.kind == HEADING and (nxt.level <= block.level or not block.level):
                break
            if nxt.kind == HEADING:
                break  # a sub-question is its own entry
            if nxt.is_prose and nxt is not sign_off:
                answer.append(nxt.text.strip())
        text = "\n\n".join(a for a in answer if a)
        if text:
            out.append((block.text.strip(), text, block.line))
    return out


def faq_page(post: Post) -> dict[str, Any] | None:
    """`FAQPage` markup from the post's question headings and the paragraphs under them; None if it has none."""
    items = questions(post)
    if not items:
        return None
    return {
        "@context": CONTEXT,
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a, _ in items
        ],
    }


def _first(meta: dict, *keys: str) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", []):
            return value
    return None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).strip()
    return text or None


# A front matter address that is a pattern or a template, not an address: Jekyll's `/:year/:title/`, Eleventy's
# `/blog/{{ page.fileSlug }}/`, or text with spaces
_NOT_AN_ADDRESS = re.compile(r"[{}%\s]|/:|^:")


def post_path(post: Post) -> str:
    """The post's address on its site from the root ("/blog/parking-perth/"): `given_path`, else where it was
    imported from when that is an address from the root (`source: /blog/2025/3/14/...`, as Squarespace's export gives
    it), else "/<slug>/"."""
    given = given_path(post)
    if given:
        return given
    if post.source.startswith("/") and not post.source.startswith("//") and not _NOT_AN_ADDRESS.search(post.source):
        return post.source  # imported from the site: where it was
    return f"/{post.slug}/" if post.slug else "/"


def given_path(post: Post) -> str:
    """The post's address from the site's root where something says it: its front matter `url` (Hugo) or
    `permalink` (Jekyll, Eleventy) when that is an address, else what its generator's settings make of it
    (`Post.address`: Hugo's `[permalinks]`, Jekyll's `permalink`); "" when nothing does."""
    for key in ("url", "permalink"):
        value = (post.meta or {}).get(key)
        if isinstance(value, str) and value.strip() and not _NOT_AN_ADDRESS.search(value.strip()):
            value = value.strip()
            return urlsplit(value).path or "/" if re.match(r"^https?://", value) else "/" + value.lstrip("/")
    return post.address


def post_url(post: Post, config=None) -> str | None:
    """The post's address: its canonical URL, else its `url` or `permalink` when a whole address, else the address
    on the site it was imported from (`source`, a WordPress permalink), else the site URL and `post_path` (None when
    neither is known)."""
    if post.canonical:
        return post.canonical
    given = (post.meta or {}).get("url") or (post.meta or {}).get("permalink")
    if isinstance(given, str) and re.match(r"^https?://", given.strip()) and not _NOT_AN_ADDRESS.search(given.strip()):
        return given.strip()
    site_url = getattr(getattr(config, "site", None), "url", "") or ""
    source = urlsplit(post.source) if re.match(r"^https?://", post.source) else None
    if site_url and source and _host(source.hostname) == _host(urlsplit(site_url).hostname) and not post.address:
        return post.source  # imported from the site (a WordPress permalink, a page of it)
    if site_url and post.slug:
        return f"{site_url.rstrip('/')}{post_path(post)}"
    return None


def says_address(post: Post) -> bool:
    """Whether the post says where it is on the site: a canonical URL, its `url` or `permalink`, its generator's
    settings, or the address on the site it was imported from."""
    return bool(post.canonical or given_path(post) or re.match(r"^(?:https?:/)?/", post.source or ""))


def site_path(post: Post, config=None) -> str:
    """The post's path on the site as a search result shows it: that of its address (`post_url`) when the address
    is on the site (a canonical URL included), else `post_path`."""
    url = post_url(post, config) or ""
    site_url = getattr(getattr(config, "site", None), "url", "") or ""
    if site_url and _host(urlsplit(url).hostname) == _host(urlsplit(site_url).hostname):
        return urlsplit(url).path or "/"
    return post_path(post)


def address_beside(posts: list[Post], slug: str) -> str:
    """The address a new post `slug` will have on a blog whose posts are each at their section and slug, all in one
    section and ending alike (Wix's "/post/<slug>", "/blog/<slug>/"), from the addresses the posts say (`says_address`;
    a post that says none, imported from a text dump, counts neither way); "" with fewer than two such posts, or
    any post elsewhere (a date in its address, another section)."""
    shapes, known = set(), 0
    for post in posts:
        if not post.slug or not says_address(post):
            continue
        url = post.canonical if re.match(r"^https?://", post.canonical or "") else ""
        path = urlsplit(url).path if url else given_path(post) or urlsplit(post.source).path
        parts = [p for p in path.split("/") if p]
        if not parts or parts[-1] != post.slug:
            return ""
        shapes.add((tuple(parts[:-1]), path.endswith("/")))
        known += 1
    if known < 2 or len(shapes) != 1:
        return ""
    (section, slash), = shapes
    return "/" + "/".join((*section, slug)) + ("/" if slash else "")


def _host(name: str | None) -> str:
    """A host name without its "www.": the same site either way."""
    return (name or "").removeprefix("www.")


# A generator's placeholder for its content folder, which it builds into the site's root (Pelican's `{static}`,
# `{attach}`, `{filename}`; `|static|` in its older form)
_CONTENT_PLACEHOLDER = re.compile(r"^(?:\{(?:static|attach|filename)\}|\|(?:static|attach|filename)\|)/?")


def _absolute(src: str, config=None, page: str | None = None) -> str | None:
    """An image's address on the site: as written when absolute; from the site's root under `[site] url` when it
    starts with "/" or a generator's placeholder; else relative to the page's own address `page`, as a browser
    resolves it (a page bundle's `fade.jpg` beside its `index.md`). None without a site address."""
    if re.match(r"^https?://", src):
        return src
    site_url = getattr(getattr(config, "site", None), "url", "") or ""
    if src and not src.startswith("/") and not _CONTENT_PLACEHOLDER.match(src) and page:
        return urljoin(page, src)
    src = _CONTENT_PLACEHOLDER.sub("/", src)
    if site_url and src:
        return f"{site_url.rstrip('/')}/{src.lstrip('/')}"
    return None


def blog_posting(post: Post, config=None) -> dict[str, Any]:
    """`BlogPosting` markup: headline, description, dates, author and publisher from `[site]`, url, image."""
    site = getattr(config, "site", None)
    meta = post.meta or {}
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "BlogPosting"}
    headline = post.title.strip()
    if len(headline) > MAX_HEADLINE:
        headline = headline[:MAX_HEADLINE - 1].rsplit(" ", 1)[0] + "…"
    if headline:
        data["headline"] = headline
    description = post.description or ""
    if not description and post.first_paragraph is not None:
        description = post.first_paragraph.text.strip()
        if len(description) > 300:
            description = description[:299].rsplit(" ", 1)[0] + "…"
    if description:
        data["description"] = description
    published = _iso(post.date)
    modified = _iso(as_date(date_field(meta, MODIFIED_FIELDS)[1], 0, [])) or published
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    url = post_url(post, config)
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    images = [_absolute(img.src, config, url) for img in post.images]
    images = [i for i in images if i]
    if images:
        data["image"] = images[:3]
    publisher = None
    if site is not None and site.name:
        publisher = {"@type": "Organization", "name": site.name}
        if site.url:
            publisher["url"] = site.url
        data["publisher"] = publisher
    author = _first(meta, "author", "authors")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    if author:
        data["author"] = {"@type": "Person", "name": str(author)}
    elif publisher:
        data["author"] = dict(publisher)
    keywords = [*post.tags, *([post.keyphrase] if post.keyphrase else [])]
    if keywords:
        data["keywords"] = ", ".join(dict.fromkeys(keywords))
    if post.categories:
        data["articleSection"] = post.categories[0]
    data["wordCount"] = post.word_count
    return data


DAYS = {"Mo": "Monday", "Tu": "Tuesday", "We": "Wednesday", "Th": "Thursday", "Fr": "Friday", "Sa": "Saturday",
        "Su": "Sunday"}


def _days(spec: str) -> list[str]:
    """"Mo-Fr" -> Monday ... Friday; "Mo,We" -> Monday, Wednesday (a range may wrap: "Sa-Mo")."""
    order = list(DAYS)
    out: list[str] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        i, j = order.index(first), order.index(last or first)
        span = order[i:j + 1] if i <= j else order[i:] + order[:j + 1]
        out.extend(DAYS[d] for d in span if DAYS[d] not in out)
    return out


def opening_hours(lines: list[str]) -> list[dict[str, Any]]:
    """`OpeningHoursSpecification`s from lines like "Mo-Fr 09:00-17:00" (as `[site] opening_hours` validates)."""
    specs = []
    for line in lines:
        days, _, times = line.strip().partition(" ")
        opens, _, closes = times.partition("-")
        specs.append({"@type": "OpeningHoursSpecification", "dayOfWeek": _days(days), "opens": opens,
                      "closes": closes})
    return specs


def local_business(config) -> dict[str, Any] | None:
    """The clinic as a `LocalBusiness` (or `[site] business_type`, e.g. `MedicalBusiness`): name, url, phone,
    `PostalAddress`, `GeoCoordinates`, opening hours and price range, from `[site]` (its main studio). None without a
    name and an address or a city: local search needs to know where the business is."""
    site = getattr(config, "site", None)
    if site is None or not site.name or not (site.address or site.city):
        return None
    return _business(site, site, site.url, _business_id(site.url) if site.url else "")


def local_businesses(config) -> list[dict[str, Any]]:
    """Every studio of the clinic as a `LocalBusiness` of its own, as Google and schema.org describe a business with
    several locations: the main one (`local_business`), then one for each `[[site.locations]]` with the same name
    and type, its own address, phone, map position and opening hours, its own page as its url when it has one (else
    the site's), the main studio's country when it gives none, an `@id` of its own ("#business-napier") and the
    main business as its `parentOrganization` (by its `@id`, with `[site] url`). Empty without a business name."""
    site = getattr(config, "site", None)
    if site is None or not site.name:
        return []
    main = local_business(config)
    found = [main] if main else []
    ids = {_business_id(site.url)} if site.url else set()
    for location in getattr(site, "locations", []):
        if not (location.address or location.city):
            continue
        home, slug = site.url or location.url, re.sub(r"\W+", "-", location.city.lower()).strip("-") or "location"
        ident = next(i for n in range(1, len(ids) + 2) if (i := _business_id(home, slug if n == 1 else
                                                                              f"{slug}-{n}")) not in ids) if home else ""
        ids.add(ident)
        data = _business(site, location, location.url or site.url, ident, site.country)
        if site.url:
            data["parentOrganization"] = {"@id": _business_id(site.url)}
        found.append(data)
    return found


def _business_id(url: str, place: str = "") -> str:
    """The `@id` of the clinic's markup on the site at `url` ("https://example.com/#business"); of one of its other
    studios with `place` ("#business-napier")."""
    return f"{url.rstrip('/')}/#business{'-' + place if place else ''}"


def _business(site, place, url: str, ident: str, country: str = "") -> dict[str, Any]:
    """The `LocalBusiness` of one studio: the business's name, type and price range (`site`), where the studio is,
    its phone and hours (`place`: `[site]` itself or one of its locations); its page `url` and `@id` (`ident`)."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": site.business_type or "LocalBusiness", "name": site.name}
    if url:
        data["url"] = url
    if ident:
        data["@id"] = ident
    home = country_of(place.country or country)
    phones = [international(p, home.calling, home.trunk) if home else p  # "+353 1 234 5678", as Google asks
              for p in (place.phone, *getattr(place, "more_phones", [])) if p]  # `[site]`'s toll-free number too
    if phones:
        data["telephone"] = phones[0] if len(phones) == 1 else phones
    address = {"@type": "PostalAddress"}
    for key, value in (("streetAddress", place.address), ("addressLocality", place.city),
                       ("addressRegion", place.region), ("postalCode", place.postal_code),
                       ("addressCountry", country_code(place.country or country))):
        if value:
            address[key] = value
    data["address"] = address
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    if place.opening_hours:
        data["openingHoursSpecification"] = opening_hours(place.opening_hours)
    if site.price_range:
        data["priceRange"] = site.price_range
    return data


def for_post(post: Post, config=None) -> list[dict[str, Any]]:
    """All the markup for one post: its BlogPosting, its FAQPage when it has question headings, and the clinic's
    LocalBusiness for each studio (`local_businesses`) when `[site]` says where it is."""
    blocks = [blog_posting(post, config)]
    faq = faq_page(post)
    if faq:
        blocks.append(faq)
    blocks.extend(local_businesses(config))
    return blocks


def script_tag(data: dict[str, Any]) -> str:
    """The `<script type="application/ld+json">` element for a block. Every "<" in the data is written as the JSON
    escape \\u003c, so no text can end the element early: neither "</script>" nor "<!--<script>", which makes an
    HTML parser skip the real end tag."""
    import json

    code = json.dumps(data, indent=2, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{code}\n</script>'
