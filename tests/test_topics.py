from __future__ import annotations

import pytest

from smpseo.sources.topics import Topic, TopicError, load_topics, parse_topics, read_topics, shipped_topics


def test_shipped_taxonomy():
    topics = shipped_topics()
    assert len(topics) == 33
    assert len({t.id for t in topics}) == 33
    assert all(t.question.endswith("?") and t.phrasings for t in topics)


def test_minimal_user_file_and_bare_list():
    topics = parse_topics("- id: financing\n  question: Can I pay in instalments?\n", "mine.yml")
    assert topics == [Topic("financing", "Can I pay in instalments?")]
    assert topics[0].phrasings == () and topics[0].terms == ()


@pytest.mark.parametrize("text, fragment", [
    ("topics:\n  - id: a\n    question: Q?\n  - id: b\n    question: R?\n    colour: red\n",
     "mine.yml:4: topic 2 (b): unknown key 'colour'"),
    ("topics:\n  - question: Q?\n", "mine.yml:2: topic 1: missing 'id'"),
    ("topics:\n  - id: a\n", "mine.yml:2: topic 1 (a): missing 'question'"),
    ("topics:\n  - id: a\n    question: \"  \"\n", "mine.yml:2: topic 1 (a): 'question' is empty"),
    ("topics:\n  - id: a\n    question: [Q?]\n", "mine.yml:2: topic 1 (a): 'question' must be text"),
    # nothing a post could be matched by: only the words every question has, or no word at all
    ("topics:\n  - id: a\n    question: Is it?\n", "mine.yml:2: topic 1 (a): 'question' has no word to match a "
                                                   "post by: 'Is it?'"),
    ("topics:\n  - id: a\n    question: \"🤔 ❓ 42?\"\n", "'question' has no word to match a post by"),
    ("topics:\n  - id: a\n    question: Why, why?\n    phrasings: [Hi, is it so?]\n", "no word to match"),
    ("topics:\n  - id: a\n    question: Q?\n  - id: a\n    question: R?\n", "duplicate id 'a'"),
    ("topics:\n  - id: 9a\n    question: Q?\n", "must be ASCII letters"),
    ("topics:\n  - id: a\n    question: Q?\n    phrasings: {x: 1}\n", "'phrasings' must be a list"),
    ("faq:\n  - id: a\n", "unknown top-level key 'faq'"),
    ("topics:\n", "no topics"), ("topics: []\n", "no topics"), ("[]\n", "no topics"),  # a file that adds nothing
    ("topics: [unclosed\n", "invalid YAML"),
])
def test_errors_name_file_and_entry(text, fragment):
    with pytest.raises(TopicError) as exc:
        parse_topics(text, "mine.yml")
    assert fragment in str(exc.value)


def test_every_mistake_of_a_file_is_said_at_once(tmp_path, capsys):
    from smpseo.cli import main

    text = ("topics:\n  - id: fine\n    question: Can I pay in instalments?\n  - id: bad id\n    question: Q?\n"
            "  - id: nq\n  - id: place\n    question: Parking in {town}?\n  - id: fine\n    question: Again?\n")
    with pytest.raises(TopicError) as exc:
        parse_topics(text, "mine.yml")
    assert exc.value.lines() == [
        "mine.yml:4: topic 2 (bad id): id 'bad id' must be ASCII letters, digits and _ (starting with a letter)",
        "mine.yml:6: topic 3 (nq): missing 'question'",
        "mine.yml:7: topic 4 (place): unknown place {town} (known: {city}, {region}, {country}, {jurisdiction})",
        "mine.yml:9: topic 5 (fine): duplicate id 'fine' (first at topic 1)",
    ]
    assert str(exc.value) == exc.value.lines()[0]  # the error itself is the first mistake
    (tmp_path / "mine.yml").write_text(text, encoding="utf-8")
    (tmp_path / "post.md").write_text("# Does SMP hurt?\n\nA little.\n", encoding="utf-8")
    assert main(["gaps", str(tmp_path / "post.md"), "--topics", str(tmp_path / "mine.yml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split("mine.yml:")[1][:2] for line in err] == ["4:", "6:", "7:", "9:"]
    assert all(line.startswith("smpseo: error: ") for line in err)


@pytest.mark.parametrize("text, lines", [
    # YAML keeps the last of a key given twice: the first would be gone without a word
    ("topics:\n  - id: a\n    question: Q?\n    question: R?\ntopics:\n  - id: b\n    question: S?\n",
     ["mine.yml:4: 'question' is given again (first on line 3): keep one",
      "mine.yml:5: 'topics' is given again (first on line 1): keep one"]),
    ("faq:\n  - id: a\n", ["mine.yml:1: unknown top-level key 'faq' (expected 'topics')"]),
    ("\ntopics: 5\n", ["mine.yml:2: 'topics' must be a list of topics"]),
])
def test_mistakes_in_the_file_s_shape_name_their_line(text, lines):
    with pytest.raises(TopicError) as exc:
        parse_topics(text, "mine.yml")
    assert exc.value.lines() == lines


def test_a_yaml_bomb_or_a_file_too_big_to_match_is_refused_before_anything_reads_it():
    laughs = "a: &a [" + ",".join(["lol"] * 10) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))
    with pytest.raises(TopicError, match="refused: its aliases expand to more than 1,000,000 characters"):
        parse_topics(laughs, "mine.yml")
    with pytest.raises(TopicError, match="contains itself through an alias"):
        parse_topics("topics: &t [*t]\n", "mine.yml")
    many = "topics:\n" + "".join(f"  - id: t{n}\n    question: Does SMP number {n} hurt?\n" for n in range(1001))
    with pytest.raises(TopicError, match="1,001 topics, more than the 1,000 a file may hold"):
        parse_topics(many, "mine.yml")
    ways = "topics:\n  - id: a\n    question: Q hurt?\n    phrasings: &p [x hurt]\n    terms: [" + \
        ", ".join(f"t{n}" for n in range(101)) + "]\n"
    with pytest.raises(TopicError, match="mine.yml:2: topic 1 \\(a\\): 101 terms, more than the 100 a topic may have"):
        parse_topics(ways, "mine.yml")


def test_a_duplicate_id_is_said_even_where_the_first_has_another_mistake():
    text = "topics:\n  - id: a\n    question: Q?\n    colour: red\n  - id: a\n    question: R?\n"
    with pytest.raises(TopicError) as exc:
        parse_topics(text, "mine.yml")
    assert [line.split(": ", 2)[1:] for line in exc.value.lines()][1] == ["topic 2 (a)", "duplicate id 'a' (first at "
                                                                           "topic 1)"]


@pytest.mark.parametrize("question", ["What is SMP?", "Where in {city}?", "Est-ce que ça fait mal ?", "Q?"])
def test_a_question_with_one_word_to_match_by_is_enough(question):
    assert parse_topics(f"- id: a\n  question: \"{question}\"\n", "mine.yml")[0].question == question


def test_user_topics_add_and_override(tmp_path):
    f = tmp_path / "mine.yml"
    f.write_text("topics:\n  - id: pain\n    question: Is SMP painful?\n  - id: financing\n    question: Payment plans?\n",
                 encoding="utf-8")
    topics = load_topics(str(f))
    assert len(topics) == 34
    ids = [t.id for t in topics]
    assert ids.index("pain") == 4  # replaced where it stands
    assert next(t for t in topics if t.id == "pain").question == "Is SMP painful?"
    assert load_topics(str(f), shipped=False)[0].id == "pain"


def test_missing_file():
    with pytest.raises(TopicError, match="not found"):
        load_topics("no-such-topics.yml")


LOCAL = Topic("where", "Who does SMP in {city}, {region}?", ("Is there an SMP clinic near {city}?", "SMP in {region}"),
              ("{city}", "{region}", "near me"))


@pytest.mark.parametrize("city, region, question, phrasings, terms", [
    ("Leeds", "West Yorkshire", "Who does SMP in Leeds, West Yorkshire?",
     ("Is there an SMP clinic near Leeds?", "SMP in West Yorkshire"), ("Leeds", "West Yorkshire", "near me")),
    ("Leeds", "", "Who does SMP in Leeds?", ("Is there an SMP clinic near Leeds?",), ("Leeds", "near me")),
    ("", "BC", "Who does SMP in BC?", ("SMP in BC",), ("BC", "near me")),
    ("", "", "Who does SMP near me?", (), ("near me",)),
])
def test_localize_fills_what_is_set_and_leaves_out_the_rest(city, region, question, phrasings, terms):
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize

    (topic,) = localize([LOCAL], SimpleNamespace(city=city, region=region, country=""))
    assert (topic.question, topic.phrasings, topic.terms) == (question, phrasings, terms)


def test_localize_fills_a_place_named_outside_a_place_phrase():
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize

    topic = Topic("scalp", "Does SMP suit a {city} winter in {region}, {country}?")
    site = SimpleNamespace(city="Oslo", region="", country="Norway")
    assert localize([topic], site)[0].question == "Does SMP suit a Oslo winter in Norway?"
    bare = localize([topic], SimpleNamespace(city="", region="", country=""))[0]
    assert bare.question == "Does SMP suit a winter where I live?"


def test_a_region_not_set_is_the_country_when_that_is_set():
    """"Is SMP regulated in {region}?" for a clinic in Dublin with no region asked "where I live", though the
    settings name Ireland."""
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize

    topic = Topic("licensing", "How do I choose an SMP practitioner, and is SMP regulated in {region}?")
    ireland = localize([topic], SimpleNamespace(city="Dublin", region="", country="Ireland"))[0]
    assert ireland.question == "How do I choose an SMP practitioner, and is SMP regulated in Ireland?"
    nowhere = localize([topic], SimpleNamespace(city="Dublin", region="", country=""))[0]
    assert nowhere.question == "How do I choose an SMP practitioner, and is SMP regulated where I live?"


@pytest.mark.parametrize("city, region, country, question", [
    ("", "", "", "Do you see clients from across the region, or the rest of the country?"),
    ("Dublin", "", "Ireland", "Do you see clients from across Ireland, or the rest of Ireland?"),
    ("Austin", "Texas", "USA", "Do you see clients from across Texas, USA, or the rest of the USA?"),
])
def test_localize_names_a_place_not_set_in_general_after_other_prepositions(city, region, country, question):
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize

    topic = Topic("reach", "Do you see clients from across {region}, {country}, or the rest of {country}?")
    site = SimpleNamespace(city=city, region=region, country=country)
    assert localize([topic], site)[0].question == question


def test_a_later_file_that_rewords_a_marked_topic_keeps_its_mark(tmp_path):
    marks, words = tmp_path / "marks.yml", tmp_path / "words.yml"
    marks.write_text("topics:\n  - id: cost\n    mark: answered\n    post: lets-talk-money\n"
                     "  - id: tricopigmentation\n    mark: not relevant\n", encoding="utf-8")
    words.write_text("topics:\n  - id: cost\n    question: What does SMP cost?\n"
                     "  - id: tricopigmentation\n    question: Is a trial SMP worth it?\n    mark: answered\n"
                     "    post: trial\n", encoding="utf-8")
    topics = {t.id: t for t in load_topics(str(marks), str(words))}
    cost = topics["cost"]
    assert (cost.question, cost.mark, cost.post, cost.source, cost.line) == \
        ("What does SMP cost?", "answered", "lets-talk-money", str(marks), 2)
    assert (topics["tricopigmentation"].mark, topics["tricopigmentation"].post) == ("answered", "trial")  # its own


def test_control_characters_and_overrides_in_a_topic_file_are_cleaned_where_they_enter():
    text = ('topics:\n  - id: a\n    question: "Is it \\u202eok\\e[31m?"\n    phrasings: ["Does it \\e[2Jhurt?"]\n'
            '    terms: ["\\x07numb"]\n  - id: cost\n    mark: answered\n    post: "lets-talk-money\\e[0m"\n'
            '    section: "The \\u2066short\\u2069 version"\n')
    a, cost = parse_topics(text, "mine.yml")
    assert (a.question, a.phrasings, a.terms) == ("Is it ok[31m?", ("Does it [2Jhurt?",), ("numb",))
    assert (cost.post, cost.section) == ("lets-talk-money[0m", "The short version")
    with pytest.raises(TopicError, match="'question' is empty"):
        parse_topics('topics:\n  - id: a\n    question: "\\e"\n', "mine.yml")


def test_a_file_of_marks_may_come_before_the_file_that_defines_the_topics_it_marks(tmp_path):
    marks, mine = tmp_path / "marks.yml", tmp_path / "mine.yml"
    marks.write_text("topics:\n  - id: parking\n    mark: answered\n    post: finding-us\n"
                     "  - id: valet\n    mark: not relevant\n", encoding="utf-8")
    mine.write_text("topics:\n  - id: parking\n    question: Is there parking?\n"
                    "  - id: valet\n    question: Is there valet parking?\n    mark: answered\n    post: v\n",
                    encoding="utf-8")
    topics = {t.id: t for t in load_topics(str(marks), str(mine))}
    assert (topics["parking"].question, topics["parking"].mark, topics["parking"].post, topics["parking"].line) == \
        ("Is there parking?", "answered", "finding-us", 2)
    assert (topics["valet"].mark, topics["valet"].post) == ("answered", "v")  # the later file's own mark holds
    marks.write_text("topics:\n  - id: parkin\n    mark: not relevant\n", encoding="utf-8")
    with pytest.raises(TopicError, match=r"marks.yml:2: topic \(parkin\): a mark for 'parkin', which is no known"):
        load_topics(str(marks), str(mine))


def test_a_topics_file_written_in_toml_is_told_the_format_is_yaml(tmp_path):
    toml = tmp_path / "topics.toml"
    toml.write_text('[[topics]]\nid = "parking"\nquestion = "Is there parking?"\n', encoding="utf-8")
    with pytest.raises(TopicError, match=r"topics\.toml:2: invalid YAML: .* \(a topics file is YAML or JSON, "
                                         r"as docs/gaps\.md shows; \.toml files are not supported\)$"):
        read_topics(toml)
    yml = tmp_path / "topics.yml"
    yml.write_text("topics: [\n", encoding="utf-8")
    with pytest.raises(TopicError) as caught:
        read_topics(yml)
    assert "named" not in str(caught.value)


@pytest.mark.parametrize("text", ["How much in {town}?", "Where in {City}?", "Near {city} or {twon}?",
                                  "Does SMP hurt {city.__class__}?", "Any clinic in {0}?", "A clinic near {city!r}?"])
def test_a_place_smpseo_does_not_fill_is_an_error_at_its_topic(tmp_path, text):
    """{city}, {region} and {country} are filled from [site]; any other name in braces is a typo that would reach
    the report as written."""
    path = tmp_path / "topics.yml"
    path.write_text(f"topics:\n  - id: ok\n    question: Is there parking?\n  - id: place\n    question: \"{text}\"\n",
                    encoding="utf-8")
    with pytest.raises(TopicError, match=r"topics\.yml:4: topic 2 \(place\): unknown place \{\S+\} \(known: \{city\}"):
        load_topics(str(path))


def test_a_clinic_in_the_united_states_reads_the_shipped_questions_in_american_spelling():
    """A Phoenix clinic was asked "What happens to SMP when I go grey or get older?" and told to write "What is a
    colour boost?"; its own questions stay as it wrote them."""
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize
    from smpseo.sources.topics import shipped_topics

    mine = Topic("mine", "Will my grey hair show through?")
    topics = {t.id: t for t in localize([*shipped_topics(), mine], SimpleNamespace(city="Phoenix", region="AZ",
                                                                                   country="USA"))}
    assert topics["gray_aging"].question == "What happens to SMP when I go gray or get older?"
    assert "What is a color boost?" in topics["touchups"].phrasings
    assert topics["mine"].question == "Will my grey hair show through?"
    ireland = {t.id: t for t in localize(shipped_topics(), SimpleNamespace(city="Dublin", region="", country="IE"))}
    assert ireland["gray_aging"].question == "What happens to SMP when I go grey or get older?"


@pytest.mark.parametrize("region, country, place", [
    ("County Dublin", "Ireland", "Ireland"), ("West Yorkshire", "UK", "the UK"), ("Bavaria", "Germany", "Germany"),
    ("", "United Kingdom", "the United Kingdom"), ("Noord-Holland", "NL", "the Netherlands"), ("", "USA", "the USA"),
    ("Lothian", "Scotland", "Scotland"), ("", "Great Britain", "Great Britain"), ("", "Philippines", "the Philippines"),
    ("BC", "Canada", "BC"), ("Arizona", "USA", "Arizona"), ("Queensland", "AU", "Queensland"),
    ("", "Canada", "Canada"), ("", "Ireland", "Ireland"), ("Atlantis East", "Atlantis", "Atlantis East"),
    ("Gauteng", "", "Gauteng"), ("Western Cape", "ZA", "South Africa"), ("", "ie", "Ireland"),
])
def test_regulation_is_asked_of_the_place_that_makes_the_rules(region, country, place):
    """The shipped question on regulation asked "Is SMP regulated in County Dublin?", where the rules are
    Ireland's: the region is named only where states or provinces make them (Canada, the United States,
    Australia), or where the country is not known."""
    from types import SimpleNamespace

    from smpseo.sources.topic_places import localize
    from smpseo.sources.topics import shipped_topics

    (topic,) = [t for t in shipped_topics() if t.id == "choose_artist"]
    filled = localize([topic], SimpleNamespace(city="Here", region=region, country=country))[0]
    assert filled.question == f"How do I choose an SMP practitioner, and is SMP regulated in {place}?"
