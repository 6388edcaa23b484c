"""The paths a report notebook is given. The notebook runs in the current folder, so a path is passed as the user
wrote it, and the settings file is found here, near the posts, and passed on as an absolute path. Shared by the
monthly and the pre-publish runs."""

from __future__ import annotations

from pathlib import Path

from smpseo.core.paths import resolved


def absolute(path: str | Path | None) -> str:
    """A path in full (a summary, the reports folder), for a notebook that may run elsewhere; "" for none."""
    return str(resolved(path)) if path else ""


def as_given(path: str | Path | None) -> str:
    """A path for the notebook, which runs in the current folder: as the user wrote it, so messages read
    `posts/a.md` rather than a long absolute path."""
    return str(path) if path else ""


def config_for(config: str | Path | None, near: str | Path) -> str:
    """The settings file a run uses: the one named, else the nearest smpseo.toml above the posts, else above the
    current folder (the notebook runs elsewhere, so the file is found here and passed on)."""
    from smpseo.app.settings import find_config

    return absolute(config or find_config(near) or find_config(Path.cwd()))


_SWITCH = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False,
           "": False}


def switch(value, name: str) -> bool:
    """A notebook's on/off parameter as given: papermill hands `-p drafts false` over as the text "false", which
    Python reads as true. True or false, or their words; anything else is a TypeError naming the parameter."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, str)) and str(value).strip().lower() in _SWITCH:
        return _SWITCH[str(value).strip().lower()]
    raise TypeError(f"{name} must be true or false, not {value!r}")


class ParameterProblem(ValueError):
    """A report notebook's parameters it cannot run with: one line each (the parameter, what was given, what is
    expected), shown in a notebook as those lines, without a traceback."""

    def __init__(self, lines: list[str]):
        super().__init__("; ".join(lines))
        self.lines = lines

    def _render_traceback_(self) -> list[str]:  # what IPython shows in place of the traceback
        return list(self.lines)


PREPUBLISH_DEFAULT_POST = "../posts/does-scalp-micropigmentation-hurt.md"  # the notebook's own default


def _text(name: str, value, expected: str, problems: list[str]) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, Path)):
        return str(value).strip()
    problems.append(f"{name}: {value!r} was given ({type(value).__name__}); expected {expected}; papermill's "
                    f"-r {name} VALUE passes a value as text")
    return ""


def prepublish_parameters(post, keyphrase, config, posts, follow_saves) -> tuple[str, str, str, str, bool]:
    """The pre-publish notebook's parameters, checked before anything is read: ParameterProblem with one line for
    each that cannot be used. The notebook's default draft, where it is not there (the notebook copied beside
    another blog), stands for the first post of the blog (`posts`, else the default's folder), said in one line."""
    from smpseo.app.report.prepublish import posts_problem

    problems: list[str] = []
    post_text = _text("post", post, "the path of the draft to check", problems)
    keyphrase = _text("keyphrase", keyphrase, 'the focus keyphrase as text ("" for the draft\'s keyphrase field)',
                      problems)
    config = _text("config", config, 'the settings file\'s path ("" for the nearest smpseo.toml)', problems)
    posts = _text("posts", posts, 'the blog\'s folder of posts ("" for the draft\'s folder)', problems)
    try:
        follow_saves = switch(follow_saves, "follow_saves")
    except TypeError:
        problems.append(f"follow_saves: {follow_saves!r} was given; expected True or False")
    if posts and posts_problem(posts):
        what = "a file, not a folder" if Path(posts).exists() else "no such folder"
        problems.append(f"posts: {posts!r} was given: {what}; expected the blog's folder of posts, or \"\" for the "
                        "draft's folder")
    if config and not Path(config).is_file():
        problems.append(f"config: {config!r} was given: no such file; expected the settings file (smpseo.toml), "
                        "or \"\" for the nearest one")
    if post_text == PREPUBLISH_DEFAULT_POST and not Path(post_text).exists():
        post_text = _first_post(posts if posts and not posts_problem(posts) else str(Path(post_text).parent),
                                post_text)
    elif not post_text and (post is None or isinstance(post, (str, Path))):
        problems.append(f"post: {post!r} was given; expected the path of the draft to check (a Markdown or HTML file)")
    elif post_text and not Path(post_text).is_file():
        what = "a folder" if Path(post_text).is_dir() else "no such file"
        problems.append(f"post: {post_text!r} was given: {what}; expected the path of the draft to check (a "
                        "Markdown or HTML file)")
    if problems:
        raise ParameterProblem(problems)
    return post_text, keyphrase, config, posts, follow_saves


def _first_post(folder: str, default: str) -> str:
    """The first post of `folder`, for the notebook's default draft that is not there (said in one line); the
    default itself when the folder holds none (ParameterProblem)."""
    from smpseo.sources.readers import load_posts

    corpus = load_posts(folder) if Path(folder).is_dir() else []
    first = next((p.path for p in corpus if p.path), "")
    if not first:
        raise ParameterProblem([f"post: {default!r} (the notebook's default) is not there, and {folder} holds no "
                                "post; expected the path of the draft to check: set post in the parameters cell"])
    print(f"post: the notebook's default {default} is not there; checking {first}, the first post of {folder}. "
          "Set post in the parameters cell to your draft.")
    return first
