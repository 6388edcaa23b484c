"""`smpseo init`: a new clinic's smpseo.toml, from the options given and what its posts make clear; never over a
file that is there."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from smpseo.app.settings import load_config
from smpseo.cli import main

from .conftest import shared

REPO = Path(__file__).resolve().parents[1]
BUNDLED_POSTS = REPO / "posts"
SITE = ("name", "city", "region", "country", "phone", "url")


def _blog(tmp_path: Path, source: Path, into_posts: bool = True) -> Path:
    """A copy of the posts of `source` (no settings file), in `blog/posts/` or `blog/` itself."""
    blog = tmp_path / "blog"
    target = blog / "posts" if into_posts else blog
    target.mkdir(parents=True)
    for post in source.glob("*.md"):
        shutil.copyfile(post, target / post.name)
    return blog


def _site(blog: Path) -> dict:
    return tomllib.loads((blog / "smpseo.toml").read_text(encoding="utf-8")).get("site", {})


def _lines(blog: Path) -> dict[str, str]:
    """Each `[site]` key's line as written, commented out or not."""
    found = {}
    for line in (blog / "smpseo.toml").read_text(encoding="utf-8").splitlines():
        key = line.lstrip("# ").split(" = ")[0]
        if " = " in line and key in SITE and key not in found:
            found[key] = line
    return found


def test_the_toronto_blog_gets_its_name_city_and_phone_from_its_posts(tmp_path, capsys):
    real = tomllib.loads(shared("corpora", "faq-dev", "toronto", "smpseo.toml").read_text())["site"]
    blog = _blog(tmp_path, shared("corpora", "faq-dev", "toronto"), into_posts=False)
    assert main(["init", str(blog)]) == 0
    site = _site(blog)
    assert (site["name"], site["city"], site["phone"]) == (real["name"], real["city"], real["phone"])
    assert "url" not in site and "region" not in site  # the posts do not say: left for the clinic to fill in
    lines = _lines(blog)
    assert lines["city"].endswith("check it") and "found in the posts" in lines["city"]
    assert lines["url"].startswith("# url = ") and "https://" in lines["url"]
    out = capsys.readouterr().out
    assert f"wrote {blog / 'smpseo.toml'}" in out and "smpseo check" in out and "smpseo report monthly" in out


def test_the_bundled_posts_give_the_city_and_phone_but_no_name_they_disagree_on(tmp_path):
    blog = _blog(tmp_path, BUNDLED_POSTS)
    assert main(["init", str(blog)]) == 0
    config = load_config(blog / "smpseo.toml")  # the settings loader reads what init wrote
    assert (config.site.city, config.site.phone) == ("Vancouver", "778-917-7772")
    assert config.site.name == ""  # "Advanced Scalp Clinic" and "Rob James SMP" both sign posts: no guess
    # "SMP Vancouver" is "Vancouver scalp micropigmentation" through the synonym init writes: one target, not two
    assert config.targets == ["Vancouver scalp micropigmentation", "scalp micropigmentation"]
    assert _lines(blog)["name"].startswith("# name = ")


def test_options_win_over_the_posts_and_are_written_without_a_note(tmp_path):
    blog = _blog(tmp_path, BUNDLED_POSTS)
    assert main(["init", str(blog), "--name", "Advanced Scalp Clinic", "--city", "Burnaby", "--region", "BC",
                 "--country", "Canada", "--phone", "(778) 917-7772", "--url", "https://www.example.com",
                 "--target", "SMP Burnaby", "--target", "scalp micropigmentation"]) == 0
    config = load_config(blog / "smpseo.toml")
    assert (config.site.name, config.site.city, config.site.region, config.site.country, config.site.phone,
            config.site.url) == ("Advanced Scalp Clinic", "Burnaby", "BC", "Canada", "(778) 917-7772",
                                 "https://www.example.com")
    assert config.targets == ["SMP Burnaby", "scalp micropigmentation"]
    assert not any("check it" in line for line in _lines(blog).values())


def test_check_and_gaps_then_use_the_clinic_s_city(tmp_path, monkeypatch, capsys):
    blog = _blog(tmp_path, shared("corpora", "faq-dev", "toronto"), into_posts=False)
    assert main(["init", str(blog)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["gaps", str(blog), "--format", "json"]) == 0
    questions = [t["question"] for t in json.loads(capsys.readouterr().out)["topics"]]
    assert any("Toronto" in q for q in questions) and not any("Vancouver" in q for q in questions)
    main(["check", str(blog)])
    captured = capsys.readouterr()
    assert "smpseo.toml" in captured.out + captured.err


def test_a_folder_without_posts_gets_a_file_of_examples_that_loads(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    config = load_config(tmp_path / "smpseo.toml")
    assert config.site.city == "" and config.targets == []
    assert sorted(_lines(tmp_path)) == sorted(SITE)
    assert all(line.startswith("# ") for line in _lines(tmp_path).values())
    assert "no posts read" in capsys.readouterr().out


def test_posts_of_another_blog_give_no_guess(tmp_path):
    """Posts of a government agency's blog: no phone, no clinic, no city stands out: nothing is suggested."""
    blog = _blog(tmp_path, shared("corpora", "18f-blog-posts"))
    assert main(["init", str(blog)]) == 0
    assert _site(blog) == {}


def test_an_existing_settings_file_is_kept(tmp_path, capsys):
    (tmp_path / "smpseo.toml").write_text("[site]\ncity = \"Leeds\"\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--city", "York"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "exists; kept as it is" in err
    assert (tmp_path / "smpseo.toml").read_text(encoding="utf-8") == "[site]\ncity = \"Leeds\"\n"


def test_force_keeps_the_old_file_under_a_name_nothing_has(tmp_path, capsys):
    (tmp_path / "smpseo.toml").write_text("# mine\n", encoding="utf-8")
    (tmp_path / "smpseo.toml.bak").write_text("# older\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--force", "--city", "York"]) == 0
    assert (tmp_path / "smpseo.toml.bak").read_text(encoding="utf-8") == "# older\n"
    assert (tmp_path / "smpseo.toml.bak.2").read_text(encoding="utf-8") == "# mine\n"
    assert load_config(tmp_path / "smpseo.toml").site.city == "York"
    assert "kept the old settings as" in capsys.readouterr().out


PYPROJECT = '[project]\nname = "blog"\n\n[tool.smpseo.site]\ncity = "Leeds"\n'


def test_settings_in_pyproject_are_kept_as_a_settings_file_is(tmp_path, capsys):
    """Every command reads `[tool.smpseo]` of a pyproject.toml, and a smpseo.toml beside it would be read instead:
    init says so in one line and writes nothing, as for a smpseo.toml that is there."""
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert main(["init", str(tmp_path), "--city", "York"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pyproject.toml" in err and "[tool.smpseo]" in err and "--force" in err
    assert not (tmp_path / "smpseo.toml").exists()
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT


def test_force_writes_smpseo_toml_beside_pyproject_and_says_it_is_read_instead(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert main(["init", str(tmp_path), "--force", "--city", "York"]) == 0
    out = capsys.readouterr().out
    assert "[tool.smpseo]" in out and "instead" in out
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT  # untouched
    assert load_config(search_from=tmp_path).site.city == "York"


def test_a_pyproject_without_smpseo_settings_is_no_settings_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "blog"\n\n[tool.ruff]\nline-length = 120\n',
                                             encoding="utf-8")
    assert main(["init", str(tmp_path), "--city", "York"]) == 0
    assert load_config(tmp_path / "smpseo.toml").site.city == "York"


def test_a_settings_folder_is_never_replaced(tmp_path):
    (tmp_path / "smpseo.toml").mkdir()
    assert main(["init", str(tmp_path), "--force"]) == 2
    assert (tmp_path / "smpseo.toml").is_dir()


@pytest.mark.parametrize("option, value, says", [
    ("--phone", "call 778-917-7772", "not a phone number"),
    ("--phone", "12", "too few digits"),
    ("--url", "www.example.com", "not a web address"),
    ("--url", "ftp://example.com", "not a web address"),
    ("--city", "  ", "is empty"),
    ("--name", "Clinic\nname", "line break"),
])
def test_a_bad_option_is_one_line_and_nothing_is_written(tmp_path, capsys, option, value, says):
    assert main(["init", str(tmp_path), option, value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and option in err and says in err and "Traceback" not in err
    assert not (tmp_path / "smpseo.toml").exists()


def test_a_folder_that_is_not_there_is_one_line(tmp_path, capsys):
    assert main(["init", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err
    assert not (tmp_path / "nope").exists()


def test_posts_from_another_folder(tmp_path):
    blog = tmp_path / "site"
    blog.mkdir()
    assert main(["init", str(blog), "--posts", str(BUNDLED_POSTS)]) == 0
    assert _site(blog)["city"] == "Vancouver"
    assert main(["init", str(tmp_path / "other"), "--posts", str(tmp_path / "none")]) == 2


def test_the_manchester_blog_gives_its_name_city_and_phone_in_its_own_layout(tmp_path):
    """The name is written before the number once ("call Northern Hairline Studio on 0161 555 0123") and in 7 of 8
    posts; the city is "in" two posts and right after the name in two more ("Northern Hairline Studio, Manchester"),
    and "Greater Manchester" is Manchester, not a larger place; England is in two posts."""
    real = tomllib.loads(shared("corpora", "faq-dev", "manchester", "smpseo.toml").read_text())["site"]
    blog = _blog(tmp_path, shared("corpora", "faq-dev", "manchester"))
    assert main(["init", str(blog)]) == 0
    assert _site(blog) == {"name": real["name"], "city": real["city"], "phone": "0161 555 0123"}


def test_a_name_written_once_beside_the_number_and_rarely_elsewhere_is_no_guess(tmp_path):
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for i in range(6):
        text = "We place pigment in the scalp. Call 0161 496 0000 to book."
        if i == 0:
            text = "We place pigment in the scalp. Call Ancoats Hair Rooms on 0161 496 0000 to book."
        (posts / f"p{i}.md").write_text(f"# Post {i}\n\n{text}\n", encoding="utf-8")
    assert main(["init", str(posts.parent)]) == 0
    assert "name" not in _site(posts.parent)  # in 1 post of 6: not a name the blog writes


def test_a_two_word_city_and_its_region_code(tmp_path):
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for n, line in enumerate(["Our studio in Gold Coast, QLD is open six days. Call Coastline SMP on 07 5555 0100.",
                              "Clients come to us from Gold Coast, QLD and beyond. Coastline SMP, 07 5555 0100.",
                              "We have worked in Gold Coast for ten years. Book at Coastline SMP: 07 5555 0100."]):
        (posts / f"post-{n}.md").write_text(f"---\ntitle: Post {n}\n---\n\n{line} Scalp micropigmentation "
                                            "suits most people.\n", encoding="utf-8")
    assert main(["init", str(tmp_path / "blog")]) == 0
    assert _site(tmp_path / "blog") == {"name": "Coastline SMP", "city": "Gold Coast", "region": "QLD",
                                        "phone": "07 5555 0100"}


@pytest.mark.parametrize("files, url", [
    ({"hugo.toml": 'baseURL = "https://www.southerncross.example/"\n'}, "https://www.southerncross.example"),
    ({"config/_default/hugo.yaml": "baseurl: https://scalp.example/blog/\n"}, "https://scalp.example/blog"),
    ({"_config.yml": "url: https://www.northside.example\nbaseurl: /news\n"}, "https://www.northside.example/news"),
    ({"hugo.toml": 'baseURL = "https://example.org/"\n'}, None),  # Hugo's own placeholder: not the clinic's
    ({"hugo.toml": 'baseURL = "/"\n'}, None),
])
def test_the_site_s_address_is_read_from_its_generator_s_settings(tmp_path, files, url):
    """A Hugo or Jekyll site says its address in its settings (`baseURL`, `url`): `smpseo init` left the url unset
    when no post had a canonical link, and links to the site's own pages were then links to another site."""
    blog = tmp_path / "site"
    folder = "_posts" if "_config.yml" in files else "content/posts"
    for name, text in {**files, **{f"{folder}/2025-01-0{n}-p{n}.md": f"---\ntitle: Post {n}\n---\n\nHealing takes "
                                    "a month.\n" for n in range(1, 4)}}.items():
        (blog / name).parent.mkdir(parents=True, exist_ok=True)
        (blog / name).write_text(text, encoding="utf-8")
    assert main(["init", str(blog)]) == 0
    assert _site(blog).get("url") == url
    if url:
        assert "check it" in _lines(blog)["url"]


def test_the_name_of_a_college_or_society_is_no_place_the_clinic_is_in(tmp_path):
    """"of Dermatologists" (the Australasian College of Dermatologists, linked as a source in two posts) was a place
    as "in Perth" is, so Perth, in three posts of six, was not twice as common as any other and no city was found."""
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    lines = ["Our studio in Perth opens at nine.", "Summer in Perth is hard on fresh pigment.",
             "Most clients in Perth book three sessions.",
             "The Australasian College of Dermatologists has advice on sun care.",
             "Ask the Royal College of Dermatologists, or read the Society of Hair Restoration Surgery's guide.",
             "Healing takes a month."]
    for n, line in enumerate(lines):
        (posts / f"p{n}.md").write_text(f"---\ntitle: Post {n}\n---\n\n{line} Scalp micropigmentation suits most "
                                        "people.\n", encoding="utf-8")
    assert main(["init", str(tmp_path / "blog")]) == 0
    assert _site(tmp_path / "blog").get("city") == "Perth"


@pytest.mark.parametrize("city", ["Montréal", "Zürich", "Québec City", "Ciudad Juárez"])
def test_an_accented_city_and_a_name_starting_with_one_are_found_whole(tmp_path, city):
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for n in range(3):
        (posts / f"p{n}.md").write_text(f"---\ntitle: Post {n}\n---\n\nOur studio in {city} is open. Call Élan Ligne "
                                        "SMP at 514-555-0142. Scalp micropigmentation suits most people.\n",
                                        encoding="utf-8")
    assert main(["init", str(tmp_path / "blog")]) == 0
    site = _site(tmp_path / "blog")
    assert (site["city"], site["name"]) == (city, "Élan Ligne SMP")


def _dublin(tmp_path: Path, lines: list[str]) -> Path:
    """A Dublin clinic's blog, one post per line of text."""
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for i, line in enumerate(lines):
        (posts / f"p{i}.md").write_text(f"---\ntitle: Post {i}\ndate: 2025-06-1{i}\n---\n\nOur studio in Dublin is open "
                                        f"09:00-17:00 and sessions cost €1,200 to €2,200 (2025 prices). {line}\n",
                                        encoding="utf-8")
    return posts.parent


@pytest.mark.parametrize("phone", ["01 555 0123", "(01) 555 0123", "+353 1 555 0123", "01 5550123"])
def test_a_dublin_number_of_nine_digits_is_found_with_the_name_before_it(tmp_path, phone):
    """A Dublin number has 8 digits after its trunk 0 (many countries' have 7 to 12): it is a number to suggest as a
    longer one is, in any layout posts write it."""
    blog = _dublin(tmp_path, [f"Call Liffey SMP on {phone} to book." for _ in range(3)])
    assert main(["init", str(blog)]) == 0
    country = {"country": "Ireland"} if phone.startswith("+353") else {}  # its calling code says the country
    assert _site(blog) == {"name": "Liffey SMP", "city": "Dublin", "phone": phone, **country}


def test_the_number_most_posts_write_in_any_layout_is_the_one_suggested(tmp_path):
    blog = _dublin(tmp_path, ["Call Liffey SMP on 01 555 0123 to book."] * 5 + ["Ring us on +353 1 555 0123."])
    assert main(["init", str(blog)]) == 0
    assert _lines(blog)["phone"] == 'phone = "01 555 0123"  # found in the posts (6 of 6 posts): check it'


def test_dates_times_prices_counts_and_postcodes_are_no_phone_number(tmp_path):
    blog = _dublin(tmp_path, ["Booked on 12.06.2025 (2025-06-12), open 9.30-17.30, 1500-2500 a session since "
                              "2019-2024; over 1 500 000 dots. Post to 90210-1234 or D02 X285."] * 4)
    assert main(["init", str(blog)]) == 0
    assert "phone" not in _site(blog) and _lines(blog)["phone"].startswith("# phone = ")


@pytest.mark.parametrize("options", [[], ["--city", "Dublin", "--country", "Ireland"]])
def test_what_is_not_known_is_written_without_another_clinic_s_place_or_number(tmp_path, options):
    """A value not known is written commented out, saying what it holds: an example city, region or number would be
    another clinic's, in another country ("Vancouver", "BC", "604-555-0100" for a Dublin clinic)."""
    assert main(["init", str(tmp_path), *options]) == 0
    text = (tmp_path / "smpseo.toml").read_text(encoding="utf-8")
    assert not re.search(r"Vancouver|\bBC\b|Canada|Burnaby|Surrey|\b(?:604|778)\b|Advanced", text)
    lines = _lines(tmp_path)
    assert lines["region"] == '# region = "..."  # the province, state or county (optional)'
    assert lines["phone"] == ('# phone = "..."  # the number posts should write, in the layout they should use (a '
                              'toll-free one too: a list of both)')
    assert ("Ireland" in text) == bool(options) and load_config(tmp_path / "smpseo.toml").site.phone == ""


def test_each_target_says_how_many_posts_write_it(tmp_path):
    """The service with the city is one phrase: its note counts the posts that write that phrase, then those that
    write the service's words (which are why it is suggested), not the latter alone as if they were the former."""
    blog = _dublin(tmp_path, ["Dublin scalp micropigmentation, by SMP artists.", "Scalp micropigmentation, SMP.",
                              "Scalp micropigmentation in a day."])
    assert main(["init", str(blog)]) == 0
    text = (blog / "smpseo.toml").read_text(encoding="utf-8")
    assert ('  "Dublin scalp micropigmentation",  # the service with the city: 1 of 3 posts write this phrase '
            '(3 of 3 write "scalp micropigmentation"): check it\n') in text
    assert '  "scalp micropigmentation",  # 3 of 3 posts write it: check it\n' in text
    assert '"SMP Dublin"' not in text  # the same keyphrase as "Dublin scalp micropigmentation" ("SMP" its synonym)
    assert load_config(blog / "smpseo.toml").targets == ["Dublin scalp micropigmentation", "scalp micropigmentation"]


def test_no_two_targets_suggested_are_one_keyphrase(tmp_path):
    """With "SMP" a synonym of "scalp micropigmentation" (as init writes it), "SMP Dublin" and "Dublin scalp
    micropigmentation" are one keyphrase to the checks (SITE401 would report two posts targeting them): init suggests
    the one more posts write, in its place among the targets."""
    blog = _dublin(tmp_path, ["SMP Dublin: scalp micropigmentation by our artists.", "SMP Dublin, in a day.",
                              "Scalp micropigmentation explained."])
    assert main(["init", str(blog)]) == 0
    text = (blog / "smpseo.toml").read_text(encoding="utf-8")
    assert text.count("Dublin scalp micropigmentation") == 0
    assert load_config(blog / "smpseo.toml").targets == ["scalp micropigmentation", "SMP Dublin"]
    assert ('  "SMP Dublin",  # the service with the city: 2 of 3 posts write this phrase (2 of 3 write "SMP"): '
            'check it\n') in text


def _posts(folder: Path, titles: list[str], body: str) -> Path:
    (folder / "posts").mkdir(parents=True)
    for i, title in enumerate(titles):
        (folder / "posts" / f"p{i}.md").write_text(f"---\ntitle: {title}\n---\n\n{body}\n\nCall 0161 555 0123 to book.\n",
                                                   encoding="utf-8")
    return folder


def test_a_capital_in_a_title_case_title_is_no_place(tmp_path):
    """'What To Expect in Recovery': in a title whose every word has a capital, 'Recovery' is no name of a place."""
    titles = [f"What To Expect in Recovery, Part {i}" for i in range(1, 5)]
    blog = _posts(tmp_path / "a", titles, "Healing takes time. Keep the scalp dry.")
    assert main(["init", str(blog)]) == 0
    assert "city" not in _site(blog)
    # a place the prose names too is still the city, in a Title Case title as in the text
    titles = [f"Scalp Micropigmentation in Leeds, Part {i}" for i in range(1, 5)]
    blog = _posts(tmp_path / "b", titles, "Healing takes time. Our studio in Leeds is open daily.")
    assert main(["init", str(blog)]) == 0
    assert _site(blog)["city"] == "Leeds"
    titles = [f"SMP in Leeds, part {i}" for i in range(1, 5)]  # a title in sentence case names its places
    blog = _posts(tmp_path / "c", titles, "Healing takes time.")
    assert main(["init", str(blog)]) == 0
    assert _site(blog)["city"] == "Leeds"


def test_settings_above_the_folder_are_said_to_be_read_no_more(tmp_path, capsys):
    (tmp_path / "smpseo.toml").write_text('[site]\ncity = "Leeds"\n', encoding="utf-8")
    blog = tmp_path / "blog"
    (blog / "posts").mkdir(parents=True)
    (blog / "posts" / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    assert main(["init", str(blog)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (f"{tmp_path / 'smpseo.toml'} was read for these posts until now: {blog / 'smpseo.toml'} is "
                      "read instead (copy into it what you want kept)")
    assert (tmp_path / "smpseo.toml").read_text(encoding="utf-8") == '[site]\ncity = "Leeds"\n'  # left as it was
    assert main(["init", str(tmp_path / "other")]) == 2  # (no such folder: nothing said of the settings above)


@pytest.mark.parametrize("points_to", ["elsewhere/smpseo.toml", "nowhere"])
def test_a_settings_file_that_is_a_link_is_kept_and_named_as_the_link(tmp_path, monkeypatch, capsys, points_to):
    """--force never replaces a link, and the message names the path given, not the file the link points to."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "smpseo.toml").write_text("[site]\nname = \"Theirs\"\n", encoding="utf-8")
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "smpseo.toml").symlink_to(tmp_path / points_to)
    assert main(["init", "blog", "--force"]) == 2
    assert capsys.readouterr().err.strip() == ("smpseo init: error: blog/smpseo.toml: cannot write: not a regular "
                                               "file; not replaced")
    assert (tmp_path / "elsewhere" / "smpseo.toml").read_text(encoding="utf-8") == "[site]\nname = \"Theirs\"\n"


def test_a_name_written_in_the_sentence_before_the_number_is_found(tmp_path):
    """"Book at Crown & Line SMP in Leeds. Call us on 0113 496 0123": the name is not right before the number, but
    every post writes it in the sentence before; a sentence's end ("Leeds. Call") is no name."""
    posts = tmp_path / "blog" / "posts"
    posts.mkdir(parents=True)
    for n, topic in enumerate(["Aftercare in British weather", "What SMP costs", "Scars and SMP"]):
        (posts / f"p{n}.md").write_text(f"---\ntitle: {topic}\n---\n\nScalp micropigmentation suits most people. Book "
                                        "a no-pressure consultation at Crown & Line SMP in Leeds. Call us on 0113 496 "
                                        "0123 or use the form.\n", encoding="utf-8")
    assert main(["init", str(tmp_path / "blog")]) == 0
    assert _site(tmp_path / "blog")["name"] == "Crown & Line SMP"


@pytest.mark.parametrize("options, country, why", [
    (["--url", "https://www.kowhaismp.co.nz"], "New Zealand", "from the blog's address (.nz)"),
    (["--url", "https://lakeshore-smp.ca/blog/"], "Canada", "from the blog's address (.ca)"),
    (["--url", "https://www.example-smp.co.uk"], "United Kingdom", "from the blog's address (.uk)"),
    (["--phone", "+353 1 555 0123"], "Ireland", "from the phone number's calling code (+353)"),
    (["--phone", "0064 9 555 0123", "--url", "https://smp.studio"], "New Zealand",
     "from the phone number's calling code (+64)"),
    (["--url", "https://smp.co", "--phone", "+1 604 555 0100"], None, ""),  # .co is anyone's; +1 is many countries'
    (["--url", "https://www.smp.com", "--phone", "01 555 0123"], None, ""),
    (["--url", "https://smp.ie", "--country", "Northern Ireland"], "Northern Ireland", ""),  # given: as given
])
def test_the_country_is_read_from_the_blog_s_address_or_an_international_number(tmp_path, capsys, options, country,
                                                                                  why):
    """The country decides how a date such as 3/4/2025 is read, the calling code in the markup and which place the
    rules on SMP are asked of: `init` suggests it where the blog's address ends in a country's code or the number
    is written with its calling code, to be checked like any value found."""
    assert main(["init", str(tmp_path), *options]) == 0
    line = _lines(tmp_path)["country"]
    assert load_config(tmp_path / "smpseo.toml").site.country == (country or "")
    assert line.endswith(f"# {why}: check it") if why else "check it" not in line
    said = capsys.readouterr().out
    assert f"  country  {country}  ({why}: check it)" in said if why else "country  not set" in said or not why


def test_a_site_settings_file_init_cannot_read_is_said_in_one_line(tmp_path, capsys, monkeypatch):
    """init reads the blog's address from a Jekyll site's `_config.yml`: one it cannot read is said at its line,
    and the settings are still written from the rest."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text('title: Test\nurl: "https://smp.example.ie\nphone: [\n', encoding="utf-8")
    for day in (2, 3):
        (tmp_path / "_posts" / f"2025-01-0{day}-p{day}.md").write_text(
            '---\ntitle: "SMP aftercare"\n---\n\nKeep it dry for four days. Call Liffey SMP on 01 555 0123.\n',
            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "."]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("_config.yml:2: warning: site settings not read: invalid YAML") and err.count("\n") == 1
    assert "wrote smpseo.toml" in out and _site(tmp_path)["name"] == "Liffey SMP"
