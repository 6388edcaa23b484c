"""Set-up as the README describes it: `make lab` starts as root too, and the licence statements agree."""

from __future__ import annotations

import re
import subprocess
import tomllib

from .conftest import ROOT


def lab_arguments(tmp_path, uid: str) -> str:
    """The arguments `make lab` gives jupyter, worked out by the shell with `id -u` printing `uid`."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlab:", 1)[1].split("\n")[1].strip()
    command = recipe.replace("$(BIN)/jupyter", "echo").replace("$$", "$")
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    (fake / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (fake / "id").chmod(0o755)
    run = subprocess.run(["/bin/sh", "-c", command], env={"PATH": f"{fake}:/usr/bin:/bin"}, capture_output=True,
                         text=True, check=True)
    return run.stdout


def test_make_lab_allows_root_only_as_root(tmp_path):
    assert "--allow-root" in lab_arguments(tmp_path, "0")
    assert "--allow-root" not in lab_arguments(tmp_path, "1000")
    assert "--notebook-dir=notebooks" in lab_arguments(tmp_path, "1000")


def test_licence_is_stated_alike_in_metadata_licence_file_readme_and_yakecore():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "AGPL-3.0-or-later AND MIT AND Apache-2.0 AND LicenseRef-SCOWL AND GPL-3.0-only"
    assert set(project["license-files"]) == {"LICENSE", "LICENSES/*"}
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in licence and "AGPL-3.0-or-later" in licence
    assert (ROOT / "LICENSES" / "MIT.txt").read_text(encoding="utf-8").startswith("MIT License")
    assert "Apache License" in (ROOT / "LICENSES" / "Apache-2.0.txt").read_text(encoding="utf-8")
    assert "word_vectors.npz" in licence  # derived from all-MiniLM-L6-v2: Apache-2.0
    assert "scorer.json" in licence  # its exemplars are means of those vectors
    yakecore = (ROOT / "smpseo" / "analysis" / "yakecore.py").read_text(encoding="utf-8")
    assert yakecore.startswith("# SPDX-License-Identifier: AGPL-3.0-or-later")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "AGPL-3.0-or-later AND MIT AND Apache-2.0 AND LicenseRef-SCOWL AND GPL-3.0-only" in readme and "GPL-3.0-or-later" in readme
    assert "transition_words.txt" in licence and "GNU GENERAL PUBLIC LICENSE" in (
        ROOT / "LICENSES" / "GPL-3.0.txt").read_text(encoding="utf-8")  # Yoast's transition words: GPL-3.0
    assert "SCOWL" in licence and "Kevin Atkinson" in (ROOT / "LICENSES" / "SCOWL.txt").read_text(encoding="utf-8")


def test_readme_says_how_to_run_the_cli_after_make_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/smpseo" in readme and "source .venv/bin/activate" in readme


def test_pystemmer_is_pinned_to_snowball_3_0_where_it_has_wheels():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    [stemmer] = [d for d in deps if d.lower().startswith("pystemmer")]
    assert re.match(r"PyStemmer>=3\.0\.0,<3\.1;", stemmer) and "python_version < '3.14'" in stemmer
