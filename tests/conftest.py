from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
# The clinic's eight posts and settings as imported from the seed, frozen: tests never read the live posts/ and
# smpseo.toml, which the clinic edits (following smpseo's own advice must not break the suite).
CLINIC_POSTS = FIXTURES / "gaps" / "posts"
CLINIC_CONFIG = FIXTURES / "clinic.toml"


@pytest.fixture(autouse=True, scope="session")
def _no_network():
    """Nothing is downloaded at run time: any connection outside this machine fails the test that makes it."""
    import socket

    real_connect = socket.socket.connect

    def guarded(self, address, *args, **kwargs):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
                and self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"network access attempted during tests: {address!r}")
        return real_connect(self, address, *args, **kwargs)

    socket.socket.connect = guarded
    os.environ.setdefault("NLTK_DATA", str(ROOT / ".no-nltk-data"))
    yield
    socket.socket.connect = real_connect


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The analysis cache of a test run lives in a temporary folder, never in the user's cache."""
    if not os.environ.get("SMPSEO_CACHE_DIR"):
        os.environ["SMPSEO_CACHE_DIR"] = str(tmp_path_factory.mktemp("smpseo-cache"))
    yield


def shared(*parts: str) -> Path:
    """A path under ../shared; the test is skipped where that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def benchmark(name: str):
    """A module of benchmarks/ (`gaps_eval`, `gaps_candidates`), imported without leaving that folder on the path."""
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.fixture(scope="session")
def faq_clinics():
    """The labelled blogs of `make eval` (the clinic's posts and ../shared/corpora/faq-dev), read once."""
    return benchmark("gaps_eval").clinics(shared("corpora", "faq-dev"))


def gaps_blog(folder: Path):
    """The posts of a folder as the FAQ-gap matcher reads a blog (default settings, the shipped word vectors)."""
    from smpseo.analysis.gaps import Blog, build_index, lexicon_for
    from smpseo.app.gaps import word_vectors
    from smpseo.core.settings import Config
    from smpseo.sources.readers import load_posts

    posts = list(load_posts(str(folder)))
    index = build_index(posts, lexicon_for(Config()))
    return Blog(posts, index.on_topic, word_vectors(), index.lexicon)


# Headless Chromium from the OS packages, shared by the browser tests (never a browser downloaded by a tool).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed (CI must run the browser test: apt-get install chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# The ways a cache entry file can be damaged that every kind of entry must survive (rebuilt, never trusted).
DAMAGES = ["truncate", "garbage", "empty", "other-key", "other-format"]


def damage_entry(path: Path, damage: str, wrong_value=None) -> bool:
    """Damage the cache entry at `path` as `damage` says: one of DAMAGES, or "wrong-shape" (its value replaced by
    `wrong_value`). False for any other name, which the test handles itself."""
    good = path.read_bytes()
    entry = json.loads(good)
    if damage == "truncate":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(300))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "other-key":
        path.write_text(json.dumps({**entry, "key": "0" * 64}, separators=(",", ":")))
    elif damage == "other-format":
        path.write_text(json.dumps({**entry, "format": "smpseo-cache/0"}, separators=(",", ":")))
    elif damage == "wrong-shape":  # the header and seal kept, the value replaced: as an edit by hand would leave it
        at = good.index(b'"value":') + len(b'"value":')
        path.write_bytes(good[:at] + json.dumps(wrong_value, separators=(",", ":")).encode() + b"}")
    else:
        return False
    return True


class _Mailbox:
    """What a test SMTP server received: one entry per message, with its envelope and parsed content."""

    def __init__(self):
        self.messages: list[dict] = []
        self.logins: list[tuple[str, str]] = []
        self.refuse: set[str] = set()  # recipients answered with 550

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "message": email.message_from_bytes(envelope.original_content, policy=policy.default)})
        return "250 OK"


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1 at a port the system picks, in a thread of its own. Yields an
    object with `port`, `mailbox` (messages, logins, refuse) and `password` (what the login must give)."""
    import asyncio
    import threading
    from types import SimpleNamespace

    smtp = pytest.importorskip("aiosmtpd.smtp")
    mailbox = _Mailbox()
    password = "correct horse battery staple"

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, smtp.LoginPassword) and auth_data.password.decode() == password
        if ok:
            mailbox.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return smtp.AuthResult(success=ok, handled=False)  # a failure answered with 535 by the server

    loop = asyncio.new_event_loop()
    started = threading.Event()
    state = {}

    def serve():
        asyncio.set_event_loop(loop)

        async def start():
            state["server"] = await loop.create_server(
                lambda: smtp.SMTP(mailbox, authenticator=authenticate, auth_require_tls=False, hostname="test",
                                  auth_exclude_mechanism=["LOGIN"]),
                host="127.0.0.1", port=0)

        loop.run_until_complete(start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10), "the test SMTP server did not start"
    port = state["server"].sockets[0].getsockname()[1]
    yield SimpleNamespace(port=port, mailbox=mailbox, password=password)

    async def stop():
        state["server"].close()
        await state["server"].wait_closed()

    asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


@pytest.fixture
def clinic_site(tmp_path, monkeypatch):
    """A copy of the clinic's posts and settings as the working folder (outputs name `posts/...`), with a cache
    of its own that is on, and no worker processes."""
    root = tmp_path / "site"
    shutil.copytree(CLINIC_POSTS, root / "posts")
    shutil.copy(CLINIC_CONFIG, root / "smpseo.toml")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    monkeypatch.setenv("SMPSEO_WORKERS", "1")
    return root


@pytest.fixture
def hugo(tmp_path, monkeypatch):
    """A copy of the Hugo site fixture (settings only in pyproject.toml) as the working folder."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "hugo", site)
    monkeypatch.chdir(site)
    return site


def read_error(path: Path, text: str):
    """The SourceError reading `text` as the file `path` raises (the test fails when it reads)."""
    from smpseo.sources.readers import read_file
    from smpseo.sources.readers.decode import SourceError

    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as exc:
        read_file(path)
    return exc.value


@pytest.fixture
def posts(tmp_path) -> Path:
    """A folder holding one good post (fixtures/bad/good.md), for a bad file beside it: the rest of the work."""
    folder = tmp_path / "posts"
    folder.mkdir()
    shutil.copy(FIXTURES / "bad" / "good.md", folder / "good.md")
    return folder


def nonblank_lines(err: str) -> list[str]:
    """What a command printed, without its blank lines."""
    return [line for line in err.splitlines() if line.strip()]
