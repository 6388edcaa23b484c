"""The notebooks: committed clean, linted, and executed for real through papermill with parameters."""

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from smpseo.app.report.run import execute, notebooks_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
QUERIES = ROOT / "smpseo" / "data" / "examples" / "Queries.csv"
NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def test_the_three_notebooks_are_there():
    assert {p.name for p in NOTEBOOKS} == {"monthly_report.ipynb", "prepublish_check.ipynb", "faq_gaps.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs_or_papermill_metadata(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert "papermill" not in raw["metadata"]
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    for cell in raw["cells"]:
        assert "papermill" not in cell.get("metadata", {})
        assert "execution" not in cell.get("metadata", {})
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a cell has outputs"
            assert cell["execution_count"] is None
    tagged = [c for c in raw["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and tagged[0]["cell_type"] == "code"
    assert not any("injected-parameters" in c.get("metadata", {}).get("tags", []) for c in raw["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_are_thin_calls_into_the_library(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])]
    for source in code:
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= 4, source
        assert not any(line.lstrip().startswith(("for ", "while ", "if ", "def ", "class ", "try", "with "))
                       for line in lines), source


def test_ruff_is_clean_on_the_notebooks():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(notebooks_dir())], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_kernel_runs_this_interpreter(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("who = 'nobody'", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import os, sys\nprint(sys.executable)\nprint(os.getcwd())\nprint(who)")]
    source = tmp_path / "probe.ipynb"
    nbformat.write(nb, source)
    work = tmp_path / "work"
    work.mkdir()
    execute(source, tmp_path / "out.ipynb", {"who": "papermill"}, cwd=work, timeout=60)
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    printed = out.cells[-1].outputs[0]["text"].split()
    assert Path(printed[0]).resolve() == Path(sys.executable).resolve()
    assert Path(printed[1]).resolve() == work.resolve()
    assert printed[2] == "papermill"


@pytest.mark.slow
def test_faq_gaps_notebook_runs_with_parameters(tmp_path):
    out = tmp_path / "faq.ipynb"
    execute(notebooks_dir() / "faq_gaps.ipynb", out,
            {"posts": str(FIXTURES / "report_posts"), "config": "", "queries": str(QUERIES), "topic": "pain"},
            cwd=tmp_path, timeout=120)
    nb = nbformat.read(out, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "report_posts" in injected[0].source
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert html.count('<img class="chart"') == 1  # the status chart (drawn twice: wide, and for a phone)
    assert html.count("data:image/png;base64,") == 2
    assert "Does SMP hurt?" in html  # the topic table
    assert "impressions" in html and "not available" not in html


@pytest.mark.slow
def test_faq_gaps_notebook_with_a_bad_topics_file_finishes_and_says_what_is_wrong(tmp_path):
    topics, queries = tmp_path / "my-topics.yml", tmp_path / "Pages.csv"
    topics.write_text("topics:\n  - id: cost\n    mark: answerd\n", encoding="utf-8")
    queries.write_text('"Top pages","Clicks"\n"https://x/",1\n', encoding="utf-8")
    out = tmp_path / "faq.ipynb"
    execute(notebooks_dir() / "faq_gaps.ipynb", out,
            {"posts": str(FIXTURES / "report_posts"), "config": "", "queries": str(queries), "topics": str(topics),
             "topic": "pain"}, cwd=tmp_path, timeout=120)
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "2 problems with what was given" in html
    assert f"{topics}:2: topic 1 (cost): mark &#x27;answerd&#x27; must be" in html
    assert f"{queries}:1: not a Search Console Queries.csv" in html
    assert "Does SMP hurt?" in html and html.count('<img class="chart"') == 1  # the rest is shown


@pytest.mark.slow
@pytest.mark.parametrize("name", ["monthly_report", "prepublish_check", "faq_gaps"])
def test_notebooks_run_as_committed_from_jupyterlab(name, tmp_path):
    """Opened in JupyterLab (working folder notebooks/) and run with the values in the parameters cell."""
    if not (ROOT / "posts").is_dir():
        pytest.skip("the bundled posts/ folder is not there")
    out = tmp_path / f"{name}.ipynb"
    execute(notebooks_dir() / f"{name}.ipynb", out, {}, cwd=notebooks_dir(), timeout=300)
    nb = nbformat.read(out, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert sum(1 for o in outputs if "text/html" in o.get("data", {})) >= 4
    assert not list(notebooks_dir().glob("*.json")), "a notebook wrote into notebooks/"


@pytest.mark.slow
def test_monthly_notebook_keeps_a_file_of_yours_at_summary_path(tmp_path):
    """`summary_path` naming a file of the user's: kept aside the way a report keeps it, said in the report; the
    file written there is then smpseo's own, replaced freely by the next run."""
    notes = tmp_path / "notes.json"
    notes.write_text('{"call": "Dana, Tuesday"}\n', encoding="utf-8")
    parameters = {"posts": str(FIXTURES / "report_posts"), "month": "2026-10", "config": "",
                  "reports_dir": str(tmp_path / "reports"), "summary_path": "../notes.json"}
    work = tmp_path / "nbs"
    work.mkdir()
    execute(notebooks_dir() / "monthly_report.ipynb", tmp_path / "out.ipynb", parameters, cwd=work, timeout=300)
    kept = tmp_path / "notes.edited.json"
    assert kept.read_text(encoding="utf-8") == '{"call": "Dana, Tuesday"}\n'
    assert json.loads(notes.read_text(encoding="utf-8"))["month"] == "2026-10"
    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert ("../notes.json: warning: smpseo has no record of writing it; your version is kept as "
            "../notes.edited.json") in html
    execute(notebooks_dir() / "monthly_report.ipynb", tmp_path / "out2.ipynb", parameters, cwd=work, timeout=300)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == ["notes.edited.json",
                                                                                          "notes.json"]


def _outputs(path: Path) -> list:
    return [o for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" for o in c.outputs]


@pytest.mark.slow
def test_prepublish_notebook_copied_beside_another_blog_runs_as_committed(tmp_path):
    """Run all in JupyterLab without editing, beside a blog that has no post of the default's name: it stopped on
    a FileNotFoundError traceback; it checks the blog's first post and says so."""
    import shutil

    shutil.copytree(FIXTURES / "report_posts", tmp_path / "posts")
    (tmp_path / "notebooks").mkdir()
    out = tmp_path / "out.ipynb"
    execute(notebooks_dir() / "prepublish_check.ipynb", out, {}, cwd=tmp_path / "notebooks", timeout=300)
    outputs = _outputs(out)
    assert not [o for o in outputs if o.output_type == "error"]
    said = [o.text for o in outputs if o.output_type == "stream"]
    assert said == ["post: the notebook's default ../posts/does-scalp-micropigmentation-hurt.md is not there; "
                    "checking ../posts/does-smp-hurt.md, the first post of ../posts. Set post in the parameters "
                    "cell to your draft.\n"]
    assert "Does SMP hurt?" in "".join(o.get("data", {}).get("text/html", "") for o in outputs)


@pytest.mark.slow
def test_prepublish_notebook_says_which_parameters_it_cannot_use(tmp_path):
    """`-p keyphrase 5` gave "'int' object has no attribute 'strip'", `-p posts ../postz` ran silently: the cell
    after the parameters names each, what was given and what is expected, without a traceback."""
    from smpseo.app.report.run import ReportFailed

    draft = FIXTURES / "report_posts" / "does-smp-hurt.md"
    out = tmp_path / "out.ipynb"
    with pytest.raises(ReportFailed, match=r"cell \[\d+\] `from smpseo.app.report.parameters import "
                                           r"prepublish_parameters` failed: ParameterProblem: keyphrase: 5"):
        execute(notebooks_dir() / "prepublish_check.ipynb", out,
                {"post": str(draft), "keyphrase": 5, "posts": "../postz", "config": "my.toml",
                 "follow_saves": "maybe"}, cwd=tmp_path, timeout=300)
    (error,) = [o for o in _outputs(out) if o.output_type == "error"]
    assert error.traceback == [
        "keyphrase: 5 was given (int); expected the focus keyphrase as text (\"\" for the draft's keyphrase field); "
        "papermill's -r keyphrase VALUE passes a value as text",
        "follow_saves: 'maybe' was given; expected True or False",
        "posts: '../postz' was given: no such folder; expected the blog's folder of posts, or \"\" for the draft's "
        "folder",
        "config: 'my.toml' was given: no such file; expected the settings file (smpseo.toml), or \"\" for the "
        "nearest one"]
    with pytest.raises(ReportFailed, match="ParameterProblem: post: 'nope.md' was given: no such file; expected"):
        execute(notebooks_dir() / "prepublish_check.ipynb", out, {"post": "nope.md"}, cwd=tmp_path, timeout=300)
