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
