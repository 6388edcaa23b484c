"""A new clinic's `smpseo.toml` (`smpseo init`): the values given, what the posts make clear, the rest commented out.

    >>> plan = plan_settings("clinic/", given={"city": "Toronto"})   # reads clinic/posts/ (or clinic/)
    >>> path, moved = write_settings("clinic/", render(plan))         # clinic/smpseo.toml, never over another

A value given is written as it is; a value found in the posts (`smpseo.analysis.clinic`) is written with a comment
saying so, to be checked; a value neither given nor clear from the posts is written commented out with what it
holds, so the file says what it can hold. Nothing in it names a place or a number the clinic did not give or write:
the file is the clinic's, wherever it is. The text is read back with the settings loader before it is written: a file
`smpseo init` writes always loads.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from smpseo.core.settings import MAX_TEXT, ConfigError, parse_config, url_problem

CONFIG_NAME = "smpseo.toml"
POSTS_FOLDER = "posts"


@dataclass
class Value:
    """One setting: its value, and where it came from ("given", "found": in the posts, "settings": in the settings of
    the site's generator, "derived": from another value, "" unknown: written commented out)."""

    key: str
    value: str | list[str] = ""
    source: str = ""
    note: str = ""  # for a value found: in how many posts; for an unknown one: what stands for it, commented out


@dataclass
class Plan:
    """What `smpseo init` writes: the [site] values and targets, and what it read to suggest them."""

    site: list[Value] = field(default_factory=list)
    targets: list[Value] = field(default_factory=list)
    ideas: list[tuple[str, int]] = field(default_factory=list)  # phrases most posts share, for more targets
    posts_folder: Path | None = None
    posts: int = 0
    unread: int = 0  # files in the posts folder that could not be read
    problems: list = field(default_factory=list)  # ReadErrors: the site's settings files that could not be read


# What an unknown value is written as, commented out: no place or number of a real clinic, which would read as
# another clinic's settings wherever this one is.
_EXAMPLES = {
    "name": "Example Scalp Clinic",
    "city": "...",
    "region": "...",
    "country": "...",
    "phone": "...",
    "url": "https://www.example.com",
}
_WHAT = {
    "name": "the business name, written the one way posts should write it",
    "city": "the city the clinic is in: FAQ questions name it, local checks look for it",
    "region": "the province, state or county (optional)",
    "country": "the country (optional; says which way round a date such as 3/4/2025 is read)",
    "phone": "the number posts should write, in the layout they should use (a toll-free one too: a list of both)",
    "url": "the blog's address: links to it count as internal links",
}
SITE_KEYS = tuple(_EXAMPLES)


# Addresses a generator writes in a new site's settings, which are no clinic's (Hugo's `https://example.org/`)
_PLACEHOLDER_HOST = re.compile(r"^(?:[\w-]+\.)*(?:example\.(?:com|org|net)|localhost|127\.0\.0\.1)(?::\d+)?$", re.I)


def _generator_url(read: list) -> Value | None:
    """The site's address as the settings of the generator the posts are written for give it: a Hugo site's
    `baseURL`, a Jekyll site's `url` and `baseurl`; None when they give none, or a placeholder."""
    from urllib.parse import urlsplit

    from smpseo.sources.readers.hugo import hugo_root, site_settings
    from smpseo.sources.readers.sitevalues import JEKYLL_CONFIGS, config_fields, generator_site

    post = next((p for p in read if p.path and not re.match(r"^[a-z][a-z0-9+.-]*://", p.path, re.I)), None)
    if post is None:
        return None
    folder = os.path.dirname(os.path.abspath(post.path))
    if (root := hugo_root(folder)) is not None:
        url, where = _field(site_settings(root), "baseurl"), "the Hugo site's baseURL"
    elif (site := generator_site(folder)) is not None and site[0] == "jekyll":
        fields: dict = {}
        for name in JEKYLL_CONFIGS:
            fields.update(config_fields(os.path.join(site[1], name)))
        url, base = _field(fields, "url"), _field(fields, "baseurl").strip("/")
        url, where = (f"{url.rstrip('/')}/{base}" if url and base else url), "the Jekyll site's url"
    else:
        return None
    url = url.strip().rstrip("/")
    if not url or url_problem(url) or _PLACEHOLDER_HOST.match(urlsplit(url).netloc or ""):
        return None
    return Value("url", url, "settings", where)


# Country-code endings of web addresses that sites anywhere take for their look ("smp.co", "studio.io"), which say
# nothing of where a clinic is.
_GENERIC_ENDINGS = frozenset({"ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "sh", "tk", "to", "tv",
                              "ws"})


def _country(url: str, phone: str) -> Value | None:
    """The clinic's country where its blog's address or its phone number says it: the country-code ending of the
    address (".nz", ".co.uk", ".ie"), else the calling code of a number written with one ("+64 9 ...") that is one
    country's alone; None when neither does."""
    from urllib.parse import urlsplit

    from smpseo.core.phone import calling_code
    from smpseo.sources.countries import countries, country_of

    try:
        ending = (urlsplit(url.strip()).hostname or "").rsplit(".", 1)[-1].lower() if "." in url else ""
    except ValueError:
        ending = ""
    known = country_of(ending) if len(ending) == 2 and ending not in _GENERIC_ENDINGS else None  # ".uk": GB
    if known is not None:
        return Value("country", known.name, "derived", f"from the blog's address (.{ending})")
    code = calling_code(phone)
    sharing = [c for c in countries().values() if code and c.calling == code]
    if len(sharing) == 1:
        return Value("country", sharing[0].name, "derived", f"from the phone number's calling code (+{code})")
    return None


def _field(fields: dict, name: str) -> str:
    """A settings field by its name in any case (Hugo's `baseURL`, `baseurl`), "" when it is no text."""
    value = next((v for k, v in fields.items() if isinstance(k, str) and k.lower() == name), "")
    return value if isinstance(value, str) else ""


def check_option(key: str, value: str) -> str:
    """An option's value, tidied; ConfigError naming the option when it cannot be a setting."""
    from smpseo.core.phone import phone_problem

    option = f"--{key}"
    value = value.strip()
    if not value:
        raise ConfigError(option, "is empty")
    if any(ord(c) < 32 or c == "\x7f" for c in value):
        raise ConfigError(option, "holds a line break or a control character")
    if len(value) > MAX_TEXT:
        raise ConfigError(option, f"is {len(value):,} characters long (at most {MAX_TEXT:,})")
    if key == "phone" and (problem := phone_problem(value)):
        raise ConfigError(option, problem)
    if key == "url" and (problem := url_problem(value)):
        raise ConfigError(option, problem)
    return value


def posts_folder(folder: Path, posts: str | Path | None = None) -> Path:
    """Where the posts are: the folder named, else `posts/` in the folder when there is one, else the folder."""
    if posts is not None:
        return Path(posts)
    return folder / POSTS_FOLDER if (folder / POSTS_FOLDER).is_dir() else folder


def plan_settings(folder: str | Path, given: dict[str, str] | None = None, targets: list[str] | None = None,
                  posts: str | Path | None = None) -> Plan:
    """The settings to write for the clinic in `folder`: `given` [site] values and `targets` as they are, the rest
    suggested from the posts in `posts` (`posts_folder`) where they make it clear."""
    from smpseo.analysis import clinic
    from smpseo.sources.readers import load_posts

    given = {k: v for k, v in (given or {}).items() if v}
    where = posts_folder(Path(folder), posts)
    corpus = load_posts(where) if where.is_dir() else []
    read = list(corpus)
    plan = Plan(posts_folder=where, posts=len(read),
                unread=sum(1 for e in getattr(corpus, "errors", []) if e.severity == "error"))
    from smpseo.sources.readers.settingsfiles import settings_problem
    from smpseo.sources.readers.sites import settings_files_above

    plan.problems = [problem for f in settings_files_above(where) if (problem := settings_problem(f))]
    found: dict[str, object] = {}
    if read:
        number = clinic.phone(read)
        found["phone"] = number
        business = clinic.name(read, given.get("phone") or (number.value if number else ""))
        found["name"] = business
        place = clinic.city(read, given.get("name") or (business.value if business else ""))
        if place:
            found["city"] = place[0]
            if place[1]:
                found["region"] = clinic.Found(place[1], place[0].posts, place[0].total)
        found["url"] = clinic.site_url(read)
    settings_url = _generator_url(read) if read and not found.get("url") else None
    url = given.get("url") or (settings_url.value if settings_url else "") or getattr(found.get("url"), "value", "")
    number = given.get("phone") or getattr(found.get("phone"), "value", "")
    country = _country(str(url), str(number)) if "country" not in given else None
    for key in SITE_KEYS:
        if key in given:
            plan.site.append(Value(key, given[key], "given"))
        elif key == "country" and country is not None:
            plan.site.append(country)
        elif key == "region" and given.get("city") and found.get("city") and given["city"] != found["city"].value:
            plan.site.append(Value(key, "", "", _EXAMPLES[key]))  # the region of another city than the one given
        elif key == "url" and settings_url is not None:
            plan.site.append(settings_url)
        elif found.get(key):
            hit = found[key]
            plan.site.append(Value(key, hit.value, "found", f"{hit.posts} of {hit.total} posts"))
        else:
            plan.site.append(Value(key, "", "", _EXAMPLES[key]))
    city = next(v.value for v in plan.site if v.key == "city")
    plan.targets = _targets(read, str(city), targets or [])
    if read:
        plan.ideas = _ideas(clinic.common_terms(read), plan)
    return plan


def _targets(posts: list, city: str, given: list[str]) -> list[Value]:
    """The targets given; else the service's name with the city's, each marked as written in posts or not yet."""
    if given:
        return [Value("target", t, "given") for t in given]
    from smpseo.analysis.clinic import SERVICE_LONG, SERVICE_SHORT, SERVICE_SYNONYMS, service_words
    from smpseo.analysis.keyphrase import Matcher

    used = service_words(posts, city) if posts else {}
    phrases = [(f"{city} {SERVICE_LONG}", SERVICE_LONG), (SERVICE_LONG, SERVICE_LONG),
               (f"{SERVICE_SHORT} {city}", SERVICE_SHORT)] if city else [(SERVICE_LONG, SERVICE_LONG)]
    # Two phrases the checks take for one keyphrase (a synonym of the other's words: "SMP Dublin" and "Dublin scalp
    # micropigmentation", with the synonyms written below) are one target: the one more posts write is kept.
    same = Matcher(SERVICE_SYNONYMS).same
    kept: list[tuple[str, str]] = []
    for phrase, form in sorted(phrases, key=lambda p: -used.get(p[0], 0)):
        if not any(same(phrase, other) for other, _ in kept):
            kept.append((phrase, form))
    phrases = [p for p in phrases if p in kept]
    out = []
    for phrase, form in phrases:
        n = used.get(form, 0)  # a phrase is suggested when posts write the service's words, with the city or not
        out.append(Value("target", phrase, "found" if n else "", _written(phrase, form, used, len(posts)) if n else ""))
    return out


def _written(phrase: str, form: str, used: dict[str, int], total: int) -> str:
    """How many posts write a suggested target: the service's words, and for the service with the city the phrase
    itself first ("the service with the city: 2 of 8 posts write this phrase (7 of 8 write \"scalp
    micropigmentation\")")."""
    if phrase == form:
        return f"{used[form]} of {total} posts write it"
    exact = used.get(phrase, 0)
    return (f"the service with the city: {f'{exact} of {total} posts write' if exact else 'no post writes'} this "
            f"phrase ({used[form]} of {total} write {_toml(form)})")


def _ideas(terms: list[tuple[str, int]], plan: Plan) -> list[tuple[str, int]]:
    """Shared phrases that are neither a target nor a name (no word in capitals but the service's "SMP"), in a third
    of the posts and three at least: ideas for more targets."""
    from smpseo.analysis.clinic import SERVICE_SHORT

    taken = {str(t.value).lower() for t in plan.targets}
    return [(t, n) for t, n in terms if t.lower() not in taken and n >= 3 and n * 3 >= plan.posts
            and not any(w[0].isupper() and w != SERVICE_SHORT for w in t.split())]


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def render(plan: Plan) -> str:
    """The text of the settings file for `plan`, documenting what it does not set."""
    from smpseo.analysis.clinic import SERVICE_SYNONYMS

    lines = ["# smpseo settings for the clinic's blog, written by `smpseo init`. Every command finds this file in the",
             "# posts' folder or above it. Lines ending \"check it\" were found in the posts: check them. Lines starting",
             "# with # are not read: remove the # and write your own value to set one.", "", "[site]"]
    for v in plan.site:
        if v.source == "given":
            lines.append(f"{v.key} = {_toml(str(v.value))}")
        elif v.source == "found":
            lines.append(f"{v.key} = {_toml(str(v.value))}  # found in the posts ({v.note}): check it")
        elif v.source in ("settings", "derived"):
            lines.append(f"{v.key} = {_toml(str(v.value))}  # {v.note}: check it")
        else:
            lines.append(f"# {v.key} = {_toml(v.note)}  # {_WHAT[v.key]}")
    lines += ["# More for the clinic's LocalBusiness markup: address, postal_code, latitude, longitude, opening_hours",
              "# ([\"Mo-Fr 09:00-17:00\"]), price_range, business_type (\"MedicalClinic\"...): see the README.",
              "# Another studio: a table of its own for each, with its city, region, address, phone, opening_hours:",
              "# [[site.locations]]", "# city = \"...\"", "# phone = \"...\"", ""]
    lines += ["[keywords]", "# The phrases the clinic wants to be found for: each post is checked for the one it targets."]
    kept = [t for t in plan.targets if t.source]
    if kept:
        lines.append("targets = [")
        for t in kept:
            lines.append(f"  {_toml(str(t.value))},{'  # ' + t.note + ': check it' if t.source == 'found' else ''}")
        lines.append("]")
    else:
        lines.append("targets = []")
    for t in plan.targets:
        if not t.source:
            lines.append(f"# also worth a target, though no post writes it yet: {_toml(str(t.value))}")
    for term, n in plan.ideas:
        lines.append(f"# a phrase {n} posts share, another target perhaps: {_toml(term)}")
    lines += ["", "[keywords.synonyms]", "# Other words for a target's words, counted where Yoast Premium counts them.",
              *(f"{_toml(term)} = [{', '.join(map(_toml, others))}]" for term, others in SERVICE_SYNONYMS.items()), "",
              "# [rules]                       # tune or switch off a check (docs/checks.md)",
              "# RD101 = { max_words = 25 }",
              "# [topics]                      # your own FAQ topics and marks (docs/gaps.md)",
              '# files = ["topics.yml"]', ""]
    text = "\n".join(lines)
    parse_config(text, CONFIG_NAME)  # what is written always loads
    return text


def existing(folder: Path) -> Path | None:
    """The settings file already in `folder`, if any (a file, a folder or a link with its name)."""
    target = folder / CONFIG_NAME
    return target if target.exists() or target.is_symlink() else None


def write_settings(folder: str | Path, text: str, force: bool = False) -> tuple[Path, Path | None]:
    """Write `folder/smpseo.toml` and return its path, with where an older one was moved (with `force`; None
    otherwise). FileExistsError when one is there and not `force`; a link or a folder with its name is never
    replaced. The older file is kept as `smpseo.toml.bak` (`.bak.2`, `.bak.3` ... when that is taken): nothing
    is overwritten."""
    from smpseo.sources.writer import write_atomic

    folder = Path(folder)
    target = folder / CONFIG_NAME
    moved = None
    if existing(folder):
        if not force:
            raise FileExistsError(str(target))
        if target.is_symlink() or not target.is_file():
            raise OSError(0, "not a regular file; not replaced", str(target))
        moved = _keep_aside(target)
    write_atomic(target, text, replace=moved is not None)
    return target, moved


def _keep_aside(path: Path) -> Path:
    """A second name for `path` that no file has (a hard link: made only if the name is free); the file itself
    stays where it is until the new one replaces it."""
    import shutil

    for n in range(1, 1000):
        aside = path.with_name(f"{path.name}.bak" + ("" if n == 1 else f".{n}"))
        try:
            os.link(path, aside)
            return aside
        except FileExistsError:
            continue
        except OSError:  # no hard links here: copy, to a name checked just before
            if aside.exists():
                continue
            shutil.copy2(path, aside)
            return aside
    raise OSError(0, "no free name to keep the old settings under", str(path))
