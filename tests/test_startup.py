"""Start-up stays light: `smpseo --help`, `smpseo check` on one post and `smpseo cache info` load no notebook or
plotting machinery."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

HEAVY = ("pandas", "matplotlib", "nbconvert", "papermill", "nbformat", "nbclient", "jupyter_client", "ipykernel",
         "nltk", "networkx", "watchfiles")

# Runs the command as `smpseo` does and prints, on its last stdout line, the heavy modules it loaded.
WRAPPER = """
import json, sys
from smpseo.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print("\\n" + json.dumps({"status": status, "heavy": heavy}))
"""


def run(*args: str, cache: str) -> dict:
    env = {**os.environ, "SMPSEO_CACHE_DIR": cache}
    out = subprocess.run([sys.executable, "-c", WRAPPER.replace("HEAVY", repr(HEAVY)), *args],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [("--help",), ("check", "posts/what-is-smp.md"),
                                  ("check", "posts/what-is-smp.md", "--format", "json"),
                                  ("analyze", "posts/what-is-smp.md"), ("gaps", "posts/what-is-smp.md"),
                                  ("cache", "info")])
def test_no_heavy_imports(args, tmp_path):
    for _ in range(2):  # cold cache, then warm
        found = run(*args, cache=str(tmp_path))
        assert found["heavy"] == [], f"smpseo {' '.join(args)} imported {found['heavy']}"
        assert found["status"] in (0, 1)


def test_syllable_table_loads_from_the_cache(tmp_path):
    script = ("import time, smpseo.app.cache; from smpseo.core.syllables import syllable_counts; "
              "t = time.perf_counter(); "
              "n = len(syllable_counts()); print(n, time.perf_counter() - t)")
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
            for _ in range(2)]
    counts = [int(r.stdout.split()[0]) for r in runs]
    assert counts[0] == counts[1] > 120_000
    assert list((tmp_path / "syllables").rglob("*.json"))  # the second run read it (speed: see the benchmark)


@pytest.mark.parametrize("args", [["check", "--help"], ["report", "monthly", "--help"], ["cache", "info", "--help"],
                                  ["analyze", "--help"], ["gaps", "--help"], ["import", "--help"], ["init", "--help"],
                                  ["check"], ["check", "--nope", "x"], ["report"], ["gaps", "--format", "xml", "x"]])
def test_a_command_is_parsed_as_with_every_command_registered(args, capsys):
    """`smpseo COMMAND ...` builds the parser with that command alone: the same help, usage and errors."""
    from smpseo.cli import build_parser

    found = []
    for parser in (build_parser(), build_parser(args[0])):
        with pytest.raises(SystemExit) as exit_:
            parser.parse_args(args)
        found.append((exit_.value.code, capsys.readouterr()))
    assert found[0] == found[1]
    assert build_parser("check")._subparsers._group_actions[0].choices.keys() == {"check"}


# What `smpseo check` of a new post in English with plain front matter does not need: PyYAML (plain front matter is
# read without it), the regex module and segtok (YAKE's tokenizing of common text uses `re`), pyphen (hyphenation
# with the kept patterns), csv (only for --format csv) and hashlib (OpenSSL: smpseo.core.hashing).
NOT_FOR_A_NEW_POST = ("yaml", "regex", "segtok", "pyphen", "csv", "hashlib")

LOADED = """
import json, sys
from smpseo.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\n" + json.dumps([sorted(m for m in sys.modules if m.split(".")[0] in NAMES), "importlib.metadata" in sys.modules]))
"""


@pytest.mark.parametrize("settings", [True, False])
def test_a_new_post_is_checked_without_what_it_does_not_use(tmp_path, settings):
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}  # run from tmp_path
    env.pop("SMPSEO_NO_CACHE", None)  # (set by a --no-cache run earlier in this process): the second run reads the cache
    # No TOML parser: without a smpseo.toml none is needed, and one read before is in the cache.
    names = (*NOT_FOR_A_NEW_POST, "tomllib")
    script = LOADED.replace("NAMES", repr(names))
    for n in range(2):  # the first run builds the syllable tables (that one imports pyphen); the second is the case
        post = tmp_path / f"draft-{n}.md"
        post.write_text(f"---\ntitle: Draft {n}\ntags:\n- care\n---\n\nIt’s a “new” post, number {n}. Dr. Lee wrote "
                        "it in Vancouver. Scalp micropigmentation heals in weeks.\n", encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", script, "check", str(post)], capture_output=True, text=True,
                             cwd=ROOT if settings else tmp_path, env=env, timeout=120)
    loaded, versions_worked_out = json.loads(out.stdout.strip().splitlines()[-1])
    if versions_worked_out:  # the installation looked new (a file changed in the last seconds): importlib.metadata
        loaded = [m for m in loaded if m not in ("csv", "hashlib")]  # imports csv, and the code's digest is
        # OpenSSL's SHA-256 (see smpseo.app.cache.versions)
    assert loaded == [], out.stderr


def test_version_alone_prints_what_the_full_parser_prints_without_loading_a_command(capsys):
    """`smpseo --version` is answered before any command's module is imported; with other arguments beside it, the
    parser answers as before."""
    from smpseo.cli import build_parser, main

    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--version"])
    expected = capsys.readouterr().out
    assert exit_.value.code == 0 and expected.startswith("smpseo ")
    script = ("import sys; from smpseo.cli import main; status = main(['--version']); "
              "print(status, sorted(m for m in sys.modules if m.startswith('smpseo.cli.')))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout == expected + "0 []\n", out.stderr
    with pytest.raises(SystemExit) as exit_:
        main(["--debug", "--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == expected
