"""The layers of docs/architecture.md, held: each imports only layers to its left, and no module imports itself
back through others (function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "smpseo"
LAYERS = ["core", "model", "sources", "analysis", "checks", "app", "views", "cli"]
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every smpseo module `path` imports, at any depth of the file, as absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "smpseo")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "smpseo":
                continue
            found.add(module)
            for alias in node.names:  # `from smpseo.app import cache` imports a module
                if _exists(f"{module}.{alias.name}"):
                    found.add(f"{module}.{alias.name}")
    found.discard(name)
    return found


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in _imports(path) if m in MODULES} for name, path in MODULES.items()}


def test_every_module_belongs_to_a_layer():
    outside = [m for m in MODULES if _layer(m) is None and m not in ("smpseo", "smpseo.__main__")]
    assert outside == []


def test_layers_import_only_layers_to_their_left():
    wrong = []
    for module, deps in GRAPH.items():
        here = _layer(module)
        if here is None:
            continue
        for dep in deps:
            there = _layer(dep)
            if there is None or LAYERS.index(there) > LAYERS.index(here):
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_nothing_imports_the_package_root():
    assert [m for m, deps in GRAPH.items() if "smpseo" in deps and m != "smpseo.__main__"] == []


def test_no_import_cycle():
    """Tarjan's strongly connected components over the whole import graph: every one is a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in GRAPH:
        if v not in index:
            visit(v)
    assert cycles == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


def test_the_checker_sees_a_cycle_and_an_upward_import(tmp_path):
    """The contract can fail: a planted upward import is found by the same functions."""
    core = tmp_path / "smpseo" / "core"
    core.mkdir(parents=True)
    (tmp_path / "smpseo" / "__init__.py").write_text("")
    (core / "__init__.py").write_text("")
    (core / "x.py").write_text("def f():\n    from smpseo.app import check\n")
    global PACKAGE
    saved = PACKAGE
    PACKAGE = tmp_path / "smpseo"
    try:
        assert _imports(core / "x.py") == {"smpseo.app"}
        assert LAYERS.index(_layer("smpseo.app")) > LAYERS.index(_layer("smpseo.core.x"))
    finally:
        PACKAGE = saved


def test_the_report_modules_share_only_public_names():
    """What the monthly and the pre-publish runs share (the staging folder, the lock, the notebook's parameters) is
    public in a module of its own, not another run's underscore-prefixed helpers."""
    private = []
    for path in sorted((PACKAGE / "app" / "report").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("smpseo"):
                private += [f"{path.name}: {node.module}.{a.name}" for a in node.names
                            if a.name.startswith("_") and not a.name.startswith("__")]
    assert private == []
