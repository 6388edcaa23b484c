"""environment.yml (for conda users) must list what pyproject.toml lists, with the same version specifiers."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT

# conda-forge names that differ from the PyPI names
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "pyyaml": "pyyaml"}


def _split(req: str) -> tuple[str, str]:
    req = req.split(";", 1)[0]  # an environment marker says where pip installs it; conda-forge builds it everywhere
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*(?:#.*)?$", req)
    name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
    return CONDA_TO_PYPI.get(name, name), m.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return dict(_split(r) for r in reqs)


def environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    reqs: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            reqs += [d for d in dep.get("pip", []) if not d.startswith("-")]
        elif not dep.startswith(("python", "pip")) or dep.startswith(("python-", "pip-")):
            reqs.append(dep)
    return dict(_split(r) for r in reqs)


def test_environment_yml_matches_pyproject():
    assert environment_requirements() == pyproject_requirements()


def test_environment_uses_conda_forge_and_installs_the_project():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"][0] == "conda-forge"
    pip = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert "-e ." in pip


def test_split_normalises_names():
    assert _split("PyYAML>=6.0") == ("pyyaml", ">=6.0")
    assert _split("matplotlib-base>=3.8") == ("matplotlib", ">=3.8")
    assert _split('nltk>=3.8  # comment') == ("nltk", ">=3.8")
    assert _split("PyStemmer>=3.0.0,<3.1; python_version < '3.14'") == ("pystemmer", ">=3.0.0,<3.1")
