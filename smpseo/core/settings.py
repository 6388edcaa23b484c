"""Settings: the site's facts, its target keywords, and per-rule settings, as `smpseo.toml` holds them.

Unknown keys are errors (a typo must not silently switch a setting off). Finding and reading the file is the
application's work (`smpseo.app.settings`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smpseo.core.mistakes import Mistakes
from smpseo.core.site import (  # noqa: F401  (Site, Location, MAX_TEXT, url_problem: read from here too)
    MAX_TEXT,
    SITE_KEYS,
    Location,
    Site,
    site_from_table,
    site_problems,
    url_problem,
)
from smpseo.core.tomltext import at_end, error_place


class ConfigError(Mistakes, Exception):
    """A settings file that cannot be used: its path, the line when known, and what is wrong."""

    def __init__(self, path: str, message: str, line: int = 0, entry: int | None = None):
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.message = message
        self.line = line
        self.entry = entry  # which table of an array of tables it is about ("[[site.locations]] ..."), from 0

    def located(self, text: str, table: str = "") -> ConfigError:
        """The same error at the line of `text` it is about: the key or table its message names ("unknown key
        'colour' in [site]", "[rules] SEO213.max_gap_share = 1.5: ..."), the table's header line when the key is
        not written on a line of its own. `table`: where smpseo's settings sit in the file ("tool.smpseo"). Each
        of several mistakes is placed, and they are given in the order of their lines."""
        if len(self.problems) > 1:
            placed = [p._located(text, table) for p in self.problems]
            return ConfigError.of(sorted(placed, key=lambda p: p.line))
        return self._located(text, table)

    def _located(self, text: str, table: str) -> ConfigError:
        if self.line:
            return self
        if self.entry is not None and (found := _IN_ENTRY.match(self.message)):
            line = entry_line(text, ".".join(filter(None, (table, found["array"]))), self.entry,
                              found["key"] or found["name"])
            return ConfigError(self.path, self.message, line, self.entry) if line else self
        found = _SUBJECT.match(self.message)
        if not found:
            return self
        section = found["section"] or found["in"] or found["table"]
        name = found["key"] or found["quoted"] or found["name"]
        line = toml_line(text, ".".join(filter(None, (table, section))), name)
        return ConfigError(self.path, self.message, line) if line else self


# What a settings error is about, as its message says it: "unknown section [x]", "unknown key 'k' in [x]",
# "[x] key ...", "[rules] unknown rule 'ID'", "[rules] ID.setting = ...".
_SUBJECT = re.compile(r"unknown section \[(?P<section>[^\]]+)\]|unknown key '(?P<key>[^']+)' in \[(?P<in>[^\]]+)\]"
                      r"|\[(?P<table>[\w.-]+)\](?: (?:unknown (?:rule|setting) )?'(?P<quoted>[^']+)'"
                      r"| (?P<name>[\w-]+(?:\.[\w-]+)?))?")
_IN_ENTRY = re.compile(r"\[\[(?P<array>[\w.-]+)\]\] (?:unknown key '(?P<key>[^']+)'|(?P<name>[\w-]+))")
_TOML_TABLE = re.compile(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"\s*((?:[\w-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[\w-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _dotted(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def toml_line(text: str, table: str, key: str | None = None) -> int:
    """The line (from 1) of a TOML text where `table` (dotted) starts, or where its `key` (dotted) is set, or 0.
    A key not found on a line of its own is placed at its table's header."""
    target = f"{table}.{key}" if key else table
    current, header = "", 0
    for number, row in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        if (m := _TOML_TABLE.match(row)) is not None:
            current = _dotted(m[1])
            if current == target or current.startswith(target + "."):
                return number
            header = header or (number if current == table else 0)
        elif (m := _TOML_KEY.match(row)) is not None:
            full = ".".join(filter(None, (current, _dotted(m[1]))))
            # the key itself, a table under it, or an inline table holding it (`RD101 = { max_words = true }`)
            if full == target or full.startswith(target + ".") or target.startswith(full + "."):
                return number
    return header


def entry_line(text: str, array: str, index: int, key: str) -> int:
    """The line (from 1) where `key` is set in the table `index` (from 0) of the array of tables `array` (dotted:
    the `index`+1-th `[[site.locations]]`), else that table's header; in an array written inline
    (`locations = [{ city = "..." }]`), the array's line; 0 when neither is found."""
    seen, inside = -1, 0
    for number, row in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        if (m := _TOML_TABLE.match(row)) is not None:
            if inside:
                return inside  # the table ended without the key
            if row.lstrip().startswith("[[") and _dotted(m[1]) == array:
                seen += 1
                inside = number if seen == index else 0
        elif inside and (m := _TOML_KEY.match(row)) is not None and _dotted(m[1]).split(".")[0] == key:
            return number
    if inside:
        return inside
    parent, _, name = array.rpartition(".")
    return toml_line(text, parent, name) if seen < 0 else 0


@dataclass
class Email:
    """`[report.email]`: where the monthly report is mailed, and through which SMTP server. The password is never
    in the file: `password_env` names the environment variable that holds it."""

    to: list[str]
    sender: str  # `from` in the file
    smtp_host: str
    smtp_port: int = 587
    starttls: bool = True  # on port 465 the connection is TLS from the start instead
    username: str = ""
    password_env: str = ""


@dataclass
class Report:
    """`[report]`: a PDF beside each monthly report's HTML page, and the email that carries it."""

    pdf: bool = False
    email: Email | None = None


@dataclass
class Config:
    site: Site = field(default_factory=Site)
    targets: list[str] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)
    topics: dict[str, Any] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    path: str | None = None

    @property
    def topic_files(self) -> list[str]:
        """`[topics] files`: the clinic's own topics files (questions, marks set by hand), each relative to the
        settings file; every command and report that matches topics reads them."""
        return [str(self.root / f) for f in self.topics.get("files", [])]

    @property
    def root(self) -> Path:
        """The folder relative paths in the config are read from."""
        if self.path:
            return Path(self.path).parent
        try:
            return Path.cwd()
        except OSError:  # the current folder was deleted
            return Path(".")


# section -> allowed keys (None: any keys; their owner validates them)
_SCHEMA: dict[str, set[str] | None] = {
    "site": SITE_KEYS,
    "keywords": {"targets", "synonyms"},
    "rules": None,
    "topics": {"files"},
    "report": {"pdf", "email"},
}
# What no clinic's keywords come near (a clinic targets a few dozen phrases, with a handful of synonyms for some
# words): more is refused at once, before any post is read against them.
MAX_TARGETS = 1_000  # `[keywords] targets`
MAX_SYNONYM_TERMS = 1_000  # terms in `[keywords.synonyms]`
MAX_SYNONYMS = 100  # synonyms of one term
_EMAIL_KEYS = {"to", "from", "smtp_host", "smtp_port", "starttls", "username", "password_env"}


@functools.cache
def _env_name() -> re.Pattern:
    """An environment variable's name (`[report.email]`'s password_env), compiled when a file has one."""
    return re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@functools.cache
def _loopback() -> re.Pattern:
    """A host on this machine (`[report.email]`'s smtp_host), compiled when a file has one."""
    return re.compile(r"^(localhost|127(\.\d{1,3}){3}|::1)$")


def parse_config(text: str, path: str = "<config>") -> Config:
    """A Config from the text of a `smpseo.toml`. Raises ConfigError naming `path` (and the line) for bad TOML or
    settings."""
    table = toml_table(text, path)
    try:
        return config_from_dict(table, path)
    except ConfigError as exc:
        raise exc.located(text) from None


def toml_table(text: str, path: str = "<config>") -> dict[str, Any]:
    """The text of a `smpseo.toml` as TOML reads it. Raises ConfigError naming `path` for bad TOML."""
    import tomllib  # (only where there is a settings file: a run without one does not load the TOML parser)

    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        problem, line, column = error_place(exc, text)
        if line is not None:  # "Invalid value (at line 2, column 7)": the line goes where every error puts it
            where = f" (column {column})" if column else ""  # (else at the opening of what is never closed)
            raise ConfigError(path, f"invalid TOML: {problem}{where}", line) from None
        if at_end(exc):
            raise ConfigError(path, f"invalid TOML: {problem} (at the end of the file)",
                              max(1, len(text.splitlines()))) from None
        raise ConfigError(path, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(path, "invalid TOML: nested too deeply") from None


def _check_counts(keywords: dict[str, Any], path: str) -> None:
    """`[keywords]` within MAX_TARGETS targets, MAX_SYNONYM_TERMS terms with synonyms and MAX_SYNONYMS synonyms a
    term, checked before anything else is done with them."""
    targets, synonyms = keywords.get("targets"), keywords.get("synonyms")
    if isinstance(targets, list) and len(targets) > MAX_TARGETS:
        raise ConfigError(path, f"[keywords] targets: {len(targets):,} phrases, more than the {MAX_TARGETS:,} a "
                                "settings file may have (a clinic targets a few dozen)")
    if not isinstance(synonyms, dict):
        return
    if len(synonyms) > MAX_SYNONYM_TERMS:
        raise ConfigError(path, f"[keywords.synonyms] has {len(synonyms):,} terms, more than the "
                                f"{MAX_SYNONYM_TERMS:,} a settings file may have")
    for term, alike in synonyms.items():
        if isinstance(alike, list) and len(alike) > MAX_SYNONYMS:
            raise ConfigError(path, f"[keywords.synonyms] '{term}' has {len(alike):,} synonyms, more than the "
                                    f"{MAX_SYNONYMS} a term may have")


def config_from_dict(data: dict[str, Any], path: str = "<config>") -> Config:
    for section, value in data.items():
        if section not in _SCHEMA:
            raise ConfigError(path, f"unknown section [{section}] (known: {', '.join(sorted(_SCHEMA))})")
        if not isinstance(value, dict):
            raise ConfigError(path, f"[{section}] must be a table")
        allowed = _SCHEMA[section]
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    known = f"known: {', '.join(sorted(allowed))}" if allowed else "it takes no keys yet"
                    raise ConfigError(path, f"unknown key '{key}' in [{section}] ({known})")
    site_raw = data.get("site", {})
    problems = [ConfigError(path, message, entry=index) for message, index in site_problems(site_raw)]
    if problems:
        raise ConfigError.of(problems)
    from smpseo.core.text import clean_data  # the name and city go into every report: no escape sequence

    site_raw = clean_data(site_raw)
    _check_counts(data.get("keywords", {}), path)
    keywords = clean_data(data.get("keywords", {}))
    targets = keywords.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ConfigError(path, "[keywords] targets must be a list of strings")
    synonyms = keywords.get("synonyms", {})
    if not isinstance(synonyms, dict):
        raise ConfigError(path, "[keywords] synonyms must map a term to a list of strings")
    for term, alike in synonyms.items():  # the entry at fault, so the error names its line
        if not isinstance(alike, list) or not all(isinstance(x, str) for x in alike):
            raise ConfigError(path, f"[keywords.synonyms] '{term}' must be a list of strings (the words that mean it), "
                                    f"not {type(alike).__name__}")
    for phrase in [*targets, *synonyms, *(x for v in synonyms.values() for x in v)]:
        if len(phrase) > MAX_TEXT:
            raise ConfigError(path, f"[keywords] a phrase is {len(phrase):,} characters long (at most {MAX_TEXT:,})")
    files = data.get("topics", {}).get("files", [])
    files = [files] if isinstance(files, str) else files  # one file named alone: a list of one
    if not isinstance(files, list) or not all(isinstance(f, str) and f.strip() for f in files):
        raise ConfigError(path, "[topics] files must be a list of topics files, e.g. files = [\"topics.yml\"]")
    if any(len(f) > MAX_TEXT for f in files):
        raise ConfigError(path, f"[topics] a file name is over {MAX_TEXT:,} characters long")
    return Config(
        site=site_from_table(site_raw),
        targets=[t.strip() for t in targets if t.strip()],
        synonyms={k: list(v) for k, v in synonyms.items()},
        rules=dict(data.get("rules", {})),
        topics={"files": [f.strip() for f in files]} if files else {},
        report=report_settings(data.get("report", {}), path),
        path=path,
    )


def _address(value: Any, where: str, path: str) -> str:
    from email.utils import parseaddr  # (email and its imports: only for settings that mail the report)

    if not isinstance(value, str) or "@" not in parseaddr(value)[1] or any(c in value for c in "\r\n"):
        raise ConfigError(path, f"{where} must be an email address such as \"owner@example.com\", not {value!r}")
    return value.strip()


def report_settings(raw: dict[str, Any], path: str = "<config>") -> Report:
    """`[report]` and `[report.email]`, checked: unknown keys, wrong types and a password in the file are errors."""
    pdf = raw.get("pdf", False)
    if not isinstance(pdf, bool):
        raise ConfigError(path, "[report] pdf must be true or false")
    if "email" not in raw:
        return Report(pdf=pdf)
    mail = raw["email"]
    if not isinstance(mail, dict):
        raise ConfigError(path, "[report.email] must be a table")
    if "password" in mail:
        raise ConfigError(path, "[report.email] password: the password is never written in the file; set "
                                "password_env to the name of an environment variable that holds it")
    for key in mail:
        if key not in _EMAIL_KEYS:
            raise ConfigError(path, f"unknown key '{key}' in [report.email] (known: {', '.join(sorted(_EMAIL_KEYS))})")
    for key in ("to", "from", "smtp_host"):
        if key not in mail:
            raise ConfigError(path, f"[report.email] needs {key}")
    to = mail["to"]
    if not isinstance(to, list) or not to:
        raise ConfigError(path, "[report.email] to must be a list of addresses, e.g. to = [\"owner@example.com\"]")
    host = mail["smtp_host"]
    if not isinstance(host, str) or not host.strip() or any(c.isspace() for c in host.strip()):
        raise ConfigError(path, "[report.email] smtp_host must be a host name, e.g. \"smtp.example.com\"")
    port = mail.get("smtp_port", 587)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError(path, "[report.email] smtp_port must be a port number (587, 465 or 25)")
    starttls = mail.get("starttls", True)
    if not isinstance(starttls, bool):
        raise ConfigError(path, "[report.email] starttls must be true or false")
    username, password_env = mail.get("username", ""), mail.get("password_env", "")
    if not isinstance(username, str):
        raise ConfigError(path, "[report.email] username must be a string")
    if not isinstance(password_env, str) or password_env and not _env_name().match(password_env):
        raise ConfigError(path, "[report.email] password_env must be the name of an environment variable, "
                                "e.g. \"SMPSEO_SMTP_PASSWORD\"")
    if bool(username) != bool(password_env):
        raise ConfigError(path, "[report.email] username and password_env go together (the login and the "
                                "environment variable holding its password)")
    if username and not starttls and port != 465 and not _loopback().match(host.strip()):
        raise ConfigError(path, f"[report.email] starttls = false would send the password to {host} unencrypted; "
                                "set starttls = true (or smtp_port = 465)")
    email = Email(to=[_address(a, "[report.email] to", path) for a in to],
                  sender=_address(mail["from"], "[report.email] from", path), smtp_host=host.strip(),
                  smtp_port=port, starttls=starttls, username=username, password_env=password_env)
    return Report(pdf=pdf, email=email)
