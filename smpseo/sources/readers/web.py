"""Fetching posts from a site for `smpseo import https://...`: one page, or every page a sitemap lists.

Only http and https. Each request has a timeout (10 s by default, for the whole response), a size cap (5 MB), and
at most 5 redirects. A response that is not HTML (a PDF, an image) is a clear error, not a post. A sitemap
(`<urlset>`, or a `<sitemapindex>` of sitemaps, nested at most 2 levels) expands into at most 500 page URLs; each
page is fetched and read with the HTML reader. The standard library's urllib does the fetching.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from smpseo.model.post import Post, ReadError
from smpseo.sources.readers.decode import SourceError

TIMEOUT = 10.0  # seconds, per request (connect + whole response)
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_SITEMAP_URLS = 500
MAX_SITEMAP_DEPTH = 2  # a sitemap index, and the sitemaps it lists
USER_AGENT = "smpseo-import/0.1 (+https://pypi.org/project/smpseo/)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
# what a server may call a gzipped sitemap (sitemap.xml.gz); its bytes decide (`_unpack_sitemap`)
GZIP_TYPES = ("application/gzip", "application/x-gzip", "application/octet-stream")
SITEMAP_TYPES = XML_TYPES + ("text/plain",) + GZIP_TYPES
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class FetchError(SourceError):
    """A URL that could not be fetched or is not a page. `path` is the URL."""


@dataclass
class Response:
    url: str  # after redirects
    content_type: str
    charset: str
    body: bytes

    @property
    def text(self) -> str:
        for encoding in (self.charset, _meta_charset(self.body), "utf-8"):
            if not encoding:
                continue
            try:
                return self.body.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return self.body.decode("cp1252", errors="replace")


def _meta_charset(body: bytes) -> str:
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", body[:4096], re.I)
    return m.group(1).decode("ascii") if m else ""


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(url, "only http:// and https:// addresses can be fetched")
    return url


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repetitions = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(req.full_url, f"redirected to a non-web address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri") or ""
        if target and urlsplit(urljoin(req.full_url, target)).scheme.lower() not in ("http", "https"):
            raise FetchError(req.full_url, f"redirected to a non-web address: {target}")
        visited = getattr(req, "redirect_dict", {})
        if sum(visited.values()) >= self.max_redirections:
            raise FetchError(req.full_url, f"too many redirects (more than {self.max_redirections})")
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308):
                raise FetchError(req.full_url, f"too many redirects (more than {self.max_redirections}) or a "
                                 "redirect loop") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects())


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, accept: tuple[str, ...] = HTML_TYPES,
          opener: urllib.request.OpenerDirector | None = None) -> Response:
    """GET a URL within the limits. Raises FetchError with a one-line reason."""
    check_url(url)
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": ", ".join(accept) + ";q=1, */*;q=0.1"})
    try:
        with (opener or _opener()).open(request, timeout=timeout) as resp:
            final = resp.geturl()
            content_type = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
            charset = resp.headers.get_content_charset() or ""
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"response too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            if content_type and content_type not in accept:
                wanted = "an HTML page" if accept == HTML_TYPES else "XML"
                raise FetchError(url, f"not {wanted} (the server says {content_type})")
            chunks: list[bytes] = []
            size = 0
            # read1: whatever one receive brings, so a server trickling bytes cannot hold us past the deadline
            read = getattr(resp, "read1", resp.read)
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out after {timeout:g} s")
                chunk = read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"response too large (more than {max_bytes:,} bytes)")
                chunks.append(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FetchError(url, f"timed out after {timeout:g} s") from None
        raise FetchError(url, f"could not connect: {reason}") from None
    except TimeoutError:
        raise FetchError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(url, f"could not fetch: {exc}") from None
    body = b"".join(chunks)
    if not content_type:
        content_type = _sniff(body)
        if content_type not in accept:
            raise FetchError(url, f"not an HTML page (looks like {content_type})")
    return Response(url=final, content_type=content_type, charset=charset, body=body)


def _sniff(body: bytes) -> str:
    if body[:2] == _GZIP_MAGIC:
        return "application/gzip"
    head = body[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "application/pdf"
    if head.startswith(b"<?xml") and b"<html" not in body[:2048].lower():
        return "application/xml"
    if b"<html" in head or b"<!doctype html" in head or b"<body" in body[:4096].lower():
        return "text/html"
    return "application/octet-stream"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_sitemap(data: bytes, url: str) -> tuple[str, list[str]]:
    """("urlset" | "sitemapindex", the <loc> URLs) of a sitemap. Raises FetchError if it is not one."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise FetchError(url, f"not a well-formed sitemap: {exc}", line) from None
    except DefusedXmlException as exc:
        raise FetchError(url, f"refused: the sitemap declares XML entities ({type(exc).__name__})") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FetchError(url, f"not a sitemap (its root element is <{kind}>)")
    child = "url" if kind == "urlset" else "sitemap"
    locs = []
    for entry in root:
        if _local(entry.tag) != child:
            continue
        for field in entry:
            if _local(field.tag) == "loc" and field.text and field.text.strip():
                locs.append(urljoin(url, field.text.strip()))
    return kind, locs


def _unpack_sitemap(body: bytes, url: str, max_bytes: int) -> bytes:
    """A sitemap's XML: gzipped bytes unpacked, to at most `max_bytes` (a small file that would unpack to
    gigabytes is refused after `max_bytes`, not unpacked whole); other bytes as they are."""
    import zlib

    if body[:2] != _GZIP_MAGIC:
        return body
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing
    try:
        data = unpacker.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(url, f"not a readable gzipped sitemap ({exc})") from None
    if len(data) > max_bytes:
        raise FetchError(url, f"the gzipped sitemap unpacks to more than {max_bytes:,} bytes")
    if not unpacker.eof:
        raise FetchError(url, "not a readable gzipped sitemap (the file is cut short)")
    return data


def is_sitemap_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return path.endswith(".xml") or path.endswith(".xml.gz") or "sitemap" in path.rsplit("/", 1)[-1]


def sitemap_pages(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                  max_urls: int = MAX_SITEMAP_URLS, errors: list[ReadError] | None = None,
                  opener: urllib.request.OpenerDirector | None = None) -> list[str]:
    """The page URLs a sitemap (or a sitemap index) lists, in order, without repeats, at most `max_urls`."""
    errors = [] if errors is None else errors
    pages: list[str] = []
    seen: set[str] = set()
    visited: set[str] = set()

    def visit(sitemap_url: str, depth: int) -> None:
        if sitemap_url in visited:
            return
        visited.add(sitemap_url)
        response = fetch(sitemap_url, timeout, max_bytes, accept=SITEMAP_TYPES, opener=opener)
        kind, locs = parse_sitemap(_unpack_sitemap(response.body, response.url, max_bytes), response.url)
        if kind == "urlset":
            for loc in locs:
                if len(pages) >= max_urls:
                    return
                if urlsplit(loc).scheme.lower() in ("http", "https") and loc not in seen:
                    seen.add(loc)
                    pages.append(loc)
            return
        if depth >= MAX_SITEMAP_DEPTH:
            errors.append(ReadError(sitemap_url, f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH} levels; "
                                    "its sitemaps are not read", severity="warning"))
            return
        for loc in locs:
            if len(pages) >= max_urls:
                return
            try:
                visit(loc, depth + 1)
            except FetchError as exc:
                errors.append(ReadError(exc.path, exc.message, exc.line))

    visit(url, 1)
    if len(pages) >= max_urls:
        errors.append(ReadError(url, f"only the first {max_urls} pages of the sitemap are read", severity="warning"))
    return pages


def fetch_post(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
               opener: urllib.request.OpenerDirector | None = None) -> list[Post]:
    from smpseo.sources.readers.html import read_html

    response = fetch(url, timeout, max_bytes, opener=opener)
    posts = read_html(response.text, response.url)
    for post in posts:
        post.source = post.source or response.url
    return posts


def fetch_posts(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                max_urls: int = MAX_SITEMAP_URLS) -> tuple[list[Post], list[ReadError]]:
    """(posts, errors) for a page URL or a sitemap URL. A page that fails is an error; the others are read."""
    errors: list[ReadError] = []
    opener = _opener()
    try:
        check_url(url)
        if is_sitemap_url(url):
            urls = sitemap_pages(url, timeout, max_bytes, max_urls, errors, opener=opener)
            if not urls and not errors:
                errors.append(ReadError(url, "the sitemap lists no pages"))
        else:
            urls = [url]
    except SourceError as exc:
        return [], [ReadError(exc.path, exc.message, exc.line)]
    posts: list[Post] = []
    for page in urls:
        try:
            found = fetch_post(page, timeout, max_bytes, opener=opener)
        except SourceError as exc:
            errors.append(ReadError(exc.path, exc.message, exc.line))
            continue
        except RecursionError:
            errors.append(ReadError(page, "structure nested too deeply to read"))
            continue
        for post in found:
            for warning in post.warnings:
                m = re.match(r"line (\d+): (.*)", warning)
                line, message = (int(m.group(1)), m.group(2)) if m else (0, warning)
                errors.append(ReadError(page, message, line, severity="warning"))
        posts.extend(found)
    return posts, errors


__all__ = ["fetch", "fetch_posts", "fetch_post", "sitemap_pages", "parse_sitemap", "FetchError"]
