"""A passive built on an irregular participle ("is broken down") is found as one built on "torn" is (RD104)."""

from __future__ import annotations

import smpseo

KOWHAI = '[site]\nname = "Kōwhai Scalp & Co."\ncity = "Auckland"\nphone = "09 555 0123"\n'


def _findings(tmp_path, body: str, rules: list[str], settings: str = KOWHAI):
    (tmp_path / "smpseo.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Meet the team\n---\n\n{body}\n", encoding="utf-8")
    result = smpseo.check(str(tmp_path), smpseo.load_config(tmp_path / "smpseo.toml"), rules=rules, keyphrases=False)
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_a_passive_on_broken_is_found_as_one_on_torn(tmp_path):
    body = ("The pigment is slowly broken down by the body over time. The old ink was broken by the laser. "
            "The skin was torn by the needle. We place each dot by hand. We match the shade to your hair.")
    found = _findings(tmp_path, body, ["RD104"])
    assert found == [("RD104", 5, 13, 'Passive voice: "is slowly broken"; 3 of 5 sentences are passive (60%, max 10%)'),
                     ("RD104", 5, 70, 'Passive voice: "was broken"; 3 of 5 sentences are passive (60%, max 10%)'),
                     ("RD104", 5, 104, 'Passive voice: "was torn"; 3 of 5 sentences are passive (60%, max 10%)')]
