"""Fetching pages and sitemaps for `smpseo import https://...`, against a local server on 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from smpseo.cli import main
from smpseo.sources.readers.web import FetchError, fetch, fetch_posts, sitemap_pages

from .conftest import FIXTURES

PAGE = (FIXTURES / "html" / "wordpress-post.html").read_bytes()
SECOND = b"""<html><head><title>Aftercare basics</title></head><body><article>
<h2>First week</h2><p>Keep the scalp dry for four days and skip the gym for a week after each session.</p>
</article></body></html>"""


def _urlset(*paths: str) -> bytes:
    urls = "".join(f"<url><loc>{p}</loc></url>" for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server API)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path == "/blog/does-smp-hurt/":
            self._send(200, PAGE)
        elif path == "/blog/aftercare/":
            self._send(200, SECOND)
        elif path == "/moved":
            self._send(301, location="/blog/aftercare/")
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, location="/loop-b" if path == "/loop-a" else "/loop-a")
        elif path.startswith("/hop"):  # /hop<k>/<n>: n - k redirects to go
            k, n = (int(x) for x in path[4:].split("/"))
            if k < n:
                self._send(302, location=f"/hop{k + 1}/{n}")
            else:
                self._send(200, SECOND)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, SECOND)
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 20_000 + b"</p>")
        elif path == "/big-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"y" * 20_000 + b"</p>")
            self.close_connection = True
        elif path == "/brochure.pdf":
            self._send(200, b"%PDF-1.4 ...", content_type="application/pdf")
        elif path == "/sitemap.xml":
            self._send(200, _urlset(f"{base}/blog/does-smp-hurt/", f"{base}/blog/aftercare/", f"{base}/gone/",
                                    f"{base}/brochure.pdf", f"{base}/blog/aftercare/", "ftp://example.com/x"),
                       content_type="application/xml")
        elif path == "/sitemap_index.xml":
            self._send(200, (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<sitemap><loc>{base}/post-sitemap.xml</loc></sitemap>"
                             f"<sitemap><loc>{base}/nested_index.xml</loc></sitemap></sitemapindex>").encode(),
                       content_type="text/xml")
        elif path == "/nested_index.xml":
            self._send(200, (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>").encode(),
                       content_type="text/xml")
        elif path == "/post-sitemap.xml":
            self._send(200, _urlset(f"{base}/blog/aftercare/"), content_type="application/xml")
        elif path == "/post-sitemap.xml.gz":  # as many servers send a .gz file: a generic binary type
            self._send(200, gzip.compress(_urlset(f"{base}/blog/does-smp-hurt/", f"{base}/blog/aftercare/")),
                       content_type="application/octet-stream")
        elif path == "/gz_index.xml":
            self._send(200, (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<sitemap><loc>{base}/post-sitemap.xml.gz</loc></sitemap>"
                             f"<sitemap><loc>{base}/bomb-sitemap.xml.gz</loc></sitemap>"
                             f"<sitemap><loc>{base}/cut-sitemap.xml.gz</loc></sitemap>"
                             f"<sitemap><loc>{base}/fake-sitemap.xml.gz</loc></sitemap></sitemapindex>").encode(),
                       content_type="application/xml")
        elif path == "/bomb-sitemap.xml.gz":  # 60 kB that would unpack to 60 MB
            self._send(200, gzip.compress(b" " * 60_000_000), content_type="application/gzip")
        elif path == "/cut-sitemap.xml.gz":
            whole = gzip.compress(_urlset(*[f"{base}/cut{i}" for i in range(200)]))
            self._send(200, whole[: len(whole) // 2], content_type="application/x-gzip")
        elif path == "/fake-sitemap.xml.gz":  # says gzip, is not
            self._send(200, b"\x1f\x8b" + b"not gzip at all", content_type="application/gzip")
        elif path == "/many-sitemap.xml":
            self._send(200, _urlset(*[f"{base}/p{i}" for i in range(700)]), content_type="application/xml")
        else:
            self._send(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that gave up (timeout, size cap) is expected
        pass


@contextlib.contextmanager
def serving(handler):
    """A loopback server answering with `handler` in a thread; yields its base URL and stops it afterwards."""
    httpd = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as url:
        yield url


def test_a_page_is_fetched_and_read(server):
    posts, errors = fetch_posts(f"{server}/blog/does-smp-hurt/")
    assert [p.title for p in posts] == ["Does SMP hurt?"]
    assert posts[0].slug == "does-smp-hurt" and posts[0].blocks
    assert [(e.severity, e.line) for e in errors] == [("warning", 24)]  # the page's broken JSON-LD


def test_redirects_are_followed_within_the_limit(server):
    response = fetch(f"{server}/moved")
    assert response.url == f"{server}/blog/aftercare/" and response.content_type == "text/html"
    assert fetch(f"{server}/hop0/5").url == f"{server}/hop5/5"
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(f"{server}/hop0/6")
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{server}/loop-a")


def test_limits_and_content_types(server):
    with pytest.raises(FetchError, match="timed out after 0.3 s"):
        fetch(f"{server}/slow", timeout=0.3)
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{server}/big", max_bytes=10_000)
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{server}/big-unsized", max_bytes=10_000)
    with pytest.raises(FetchError, match=r"not an HTML page \(the server says application/pdf\)"):
        fetch(f"{server}/brochure.pdf")
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/gone/")
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="could not connect"):
        fetch("http://127.0.0.1:9/", timeout=2)


def test_sitemaps_expand_into_pages(server):
    errors = []
    pages = sitemap_pages(f"{server}/sitemap_index.xml", errors=errors)
    # The index lists a sitemap and a nested index; the nested one is 2 levels down: read; deeper is not.
    assert pages == [f"{server}/blog/aftercare/"]
    assert [e.severity for e in errors] == ["warning"] and "nested deeper" in errors[0].message
    errors = []
    assert len(sitemap_pages(f"{server}/many-sitemap.xml", errors=errors)) == 500
    assert "first 500" in errors[0].message
    posts, errors = fetch_posts(f"{server}/sitemap.xml")
    assert [p.title for p in posts] == ["Does SMP hurt?", "Aftercare basics"]
    failed = sorted((e.path.rsplit("/", 2)[-2:], e.message) for e in errors if e.severity == "error")
    assert len(failed) == 2 and any("HTTP 404" in m for _, m in failed) and any("application/pdf" in m for _, m in failed)


def test_gzipped_sitemaps_are_unpacked_within_the_size_limit(server):
    errors = []
    pages = sitemap_pages(f"{server}/gz_index.xml", errors=errors)
    assert pages == [f"{server}/blog/does-smp-hurt/", f"{server}/blog/aftercare/"]
    messages = {e.path.rsplit("/", 1)[-1]: e.message for e in errors}
    assert set(messages) == {"bomb-sitemap.xml.gz", "cut-sitemap.xml.gz", "fake-sitemap.xml.gz"}
    assert "unpacks to more than 5,242,880 bytes" in messages["bomb-sitemap.xml.gz"]
    assert "cut short" in messages["cut-sitemap.xml.gz"]
    assert "not a readable gzipped sitemap" in messages["fake-sitemap.xml.gz"]
    posts, errors = fetch_posts(f"{server}/post-sitemap.xml.gz")
    assert [p.title for p in posts] == ["Does SMP hurt?", "Aftercare basics"]
    assert not [e for e in errors if e.severity == "error"]


def test_import_command_with_urls(server, tmp_path, capsys):
    out = tmp_path / "posts"
    code = main(["import", f"{server}/sitemap.xml", f"{server}/brochure.pdf", "--to", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["aftercare.md", "does-smp-hurt.md"]
    assert "application/pdf" in captured.err and "Traceback" not in captured.err
    assert "source: https://www.example.com/blog/does-smp-hurt/" in (out / "does-smp-hurt.md").read_text()
