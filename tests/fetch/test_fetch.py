"""``docs2client fetch`` against a real HTTP server on 127.0.0.1 that injects faults.

The server serves a temp copy of some catalog pages under the mirror layout (``/<host>/<path>``), with ETags, and
can be told to answer a path with a queue of faults first (500, 429 + Retry-After, a response slower than the client
timeout, a truncated body, a login page, a maintenance page, ...). It counts the page bodies it sends, so "a second
fetch with nothing changed transfers no page bodies" is checked by counting, not by timing. Backoff delays go
through an injected sleep that records them.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import docs2client_runtime
import pytest
from docs2client_runtime.retry import retry_delay

from scraper.catalog import Catalog, load_catalog
from scraper.cli import main
from scraper.fetch import (
    FetchOptions,
    FetchReport,
    HostRateLimiter,
    PageStatus,
    fetch_pages_sync,
    load_manifest,
    manifest_from_snapshots,
    rewrite_url,
)
from scraper.fetch.http import fetch_retry_policy, parse_retry_after
from scraper.fetch.manifest import ManifestError
from scraper.fetch.urls import UrlError, base_url_from_env
from tests import paths
from tests.paths import ROOT

FIXTURES = paths.FIXTURES / "fetch"

#: (file in pages/, catalog URL, format, provider, services) -- small real pages, one per reader flavour
PAGES = [
    ("scp/000_65c2559a52e6e5c4.txt", "https://docs.example.test/storage/parallel-filestorage/_print", "text", "scp",
     ["parallel-filestorage"]),
    ("scp/004_dcbb7d1e887604a7.txt", "https://docs.example.test/compute/virtualserver/apis/createimage/_print/",
     "text", "scp", ["virtualserver"]),
    ("nhn/003_source_Storage-Block-Storage_en_public-api.md",
     "https://raw.example.test/TOAST-DOCS/Storage-Block-Storage/en/public-api.md", "markdown", "nhn",
     ["block-storage"]),
]  # fmt: skip
CONTENT_TYPES = {"text": "text/plain; charset=utf-8", "markdown": "text/plain; charset=utf-8", "html": "text/html"}


@dataclass
class Route:
    body: bytes
    content_type: str
    faults: list[str] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    bodies: Counter[str] = field(default_factory=Counter)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def route_for(self, catalog_url: str) -> Route:
        parts = urlsplit(catalog_url)
        return self.routes[f"/{parts.hostname}{parts.path}"]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                fault = route.faults.pop(0) if route and route.faults else None
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            if fault == "500":
                self._send(500, b"internal error", "text/plain")
            elif fault and fault.startswith("429"):
                self._send(429, b"slow down", "text/plain", {"Retry-After": fault.partition(":")[2] or "7"})
            elif fault == "slow":
                site.release.wait(10)  # far past the client timeout; released at teardown
                self.close_connection = True
            elif fault == "truncate":
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                self.close_connection = True
            elif fault == "login":
                self._send(200, (FIXTURES / "login.html").read_bytes(), "text/html; charset=utf-8")
            elif fault == "maintenance":
                self._send(200, (FIXTURES / "maintenance.txt").read_bytes(), "text/plain; charset=utf-8")
            elif fault == "json":
                self._send(200, json.dumps({"error": "not here"}).encode() * 100, "application/json")
            elif fault == "404":
                self._send(404, b"gone", "text/plain")
            elif fault == "half":
                self._send(200, route.body[: int(len(route.body) * 0.4)], route.content_type)
            elif fault == "304-unasked":
                self._send(304, b"", route.content_type)
            elif fault is not None:
                raise AssertionError(f"unknown fault {fault}")
            elif self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
            else:
                with site.lock:
                    site.bodies[self.path] += 1
                self._send(200, route.body, route.content_type, {"ETag": route.etag})

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/mirror"
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def catalog(tmp_path: Path, site: tuple[Site, str]) -> Catalog:
    """A temp catalog of three real pages, each served unchanged by the test server."""
    pages = tmp_path / "pages"
    lines = []
    for file, url, fmt, provider, services in PAGES:
        (pages / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "pages" / file, pages / file)
        (pages / file).chmod(0o644)
        lines += [
            "[[page]]",
            f'file = "{file}"',
            f'url = "{url}"',
            f'provider = "{provider}"',
            f'format = "{fmt}"',
            f"services = {json.dumps(services)}",
            "",
        ]
        parts = urlsplit(url)
        site[0].routes[f"/mirror/{parts.hostname}{parts.path}"] = Route((pages / file).read_bytes(), CONTENT_TYPES[fmt])
    (pages / "catalog.toml").write_text("\n".join(lines), encoding="utf-8")
    return load_catalog(pages / "catalog.toml")


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def _options(base_url: str, sleeps: Sleeps, **overrides: object) -> FetchOptions:
    options = FetchOptions(base_url=base_url, rate=None, timeout=5.0, sleep=sleeps, retry=fetch_retry_policy(3))
    return replace(options, **overrides)  # type: ignore[arg-type]


def _snapshot(catalog: Catalog) -> dict[str, bytes]:
    """Every file under pages/ (temp files included, so a leftover would show up)."""
    return {str(p.relative_to(catalog.pages_dir)): p.read_bytes() for p in catalog.pages_dir.rglob("*") if p.is_file()}


def _route(site: Site, catalog: Catalog, index: int) -> Route:
    parts = urlsplit(catalog.pages[index].url)
    return site.routes[f"/mirror/{parts.hostname}{parts.path}"]


def _changed_text(data: bytes) -> bytes:
    """The page as the docs might change it: one more documented line, otherwise the same."""
    return data.replace(b"\n", b"\nThis line was added by a later edit of the documentation.\n", 1)


# --- the happy path: conditional requests ------------------------------------------------------------------------


def test_second_fetch_with_nothing_changed_transfers_no_bodies(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    before = _snapshot(catalog)
    first = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert [r.status for r in first.results] == [PageStatus.UNCHANGED] * 3
    assert sum(server.bodies.values()) == 3
    manifest_after_first = (catalog.pages_dir / "manifest.json").read_bytes()
    records = load_manifest(catalog.pages_dir / "manifest.json").pages
    assert {file: rec.etag for file, rec in records.items()} == {
        file: _route(server, catalog, i).etag for i, (file, *_) in enumerate(PAGES)
    }

    second = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert [r.status for r in second.results] == [PageStatus.UNCHANGED] * 3
    assert sum(server.bodies.values()) == 3, "a 304 must answer every page the second time"
    assert all(r.received == 0 for r in second.results)
    assert all(headers.get("if-none-match") for _, headers in server.requests[-3:])
    assert not second.manifest_changed
    assert (catalog.pages_dir / "manifest.json").read_bytes() == manifest_after_first
    after = _snapshot(catalog)
    after.pop("manifest.json")
    assert after == before


def test_changed_page_replaces_its_snapshot_and_names_the_services(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    route = _route(server, catalog, 0)
    route.body = _changed_text(route.body)
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert [r.status for r in report.results] == [PageStatus.CHANGED, PageStatus.UNCHANGED, PageStatus.UNCHANGED]
    assert (catalog.pages_dir / PAGES[0][0]).read_bytes() == route.body
    assert report.changed_files == [PAGES[0][0]]
    assert report.affected_services == ["scp/parallel-filestorage"]
    record = load_manifest(catalog.pages_dir / "manifest.json").pages[PAGES[0][0]]
    assert record.sha256 == hashlib.sha256(route.body).hexdigest()
    assert record.size == len(route.body)
    assert record.url == PAGES[0][1], "the manifest keeps the catalog URL, not the mirror's"
    assert record.fetched_at is not None


def test_user_agent_and_accept_are_sent(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    fetch_pages_sync(catalog, options=_options(base, Sleeps(), user_agent="docs2client/9.9 (+test)"))
    assert {headers["user-agent"] for _, headers in server.requests} == {"docs2client/9.9 (+test)"}
    assert all("text/" in headers["accept"] for _, headers in server.requests)


def test_hand_edited_snapshot_is_downloaded_whole(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    target = catalog.pages_dir / PAGES[1][0]
    original = target.read_bytes()
    target.write_bytes(original + b"local edit\n")
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    sent = [headers for path, headers in server.requests[3:] if path.endswith("createimage/_print/")]
    assert "if-none-match" not in sent[0], "validators must not vouch for a file that no longer matches them"
    assert report.results[1].status is PageStatus.CHANGED
    assert target.read_bytes() == original


def test_filters_select_pages(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    report = fetch_pages_sync(catalog, provider="nhn", options=_options(base, Sleeps()))
    assert [r.file for r in report.results] == [PAGES[2][0]]
    report = fetch_pages_sync(catalog, service="virtualserver", options=_options(base, Sleeps()))
    assert [r.file for r in report.results] == [PAGES[1][0]]
    assert len(server.requests) == 2


# --- transient faults: retried, with backoff through the injected sleep ----------------------------------------


@pytest.mark.parametrize(
    ("faults", "delays"),
    [
        (["500", "500"], [1.0, 2.0]),
        (["500", "500", "500"], [1.0, 2.0, 4.0]),
        (["429:7"], [7.0]),
        (["429:3", "500"], [3.0, 2.0]),
        (["truncate"], [1.0]),
        (["slow"], [1.0]),
    ],
)
def test_transient_faults_are_retried(
    site: tuple[Site, str], catalog: Catalog, faults: list[str], delays: list[float]
) -> None:
    server, base = site
    route = _route(server, catalog, 0)
    route.body = _changed_text(route.body)
    route.faults = list(faults)
    sleeps = Sleeps()
    report = fetch_pages_sync(catalog, provider="scp", service="parallel-filestorage",
                              options=_options(base, sleeps, timeout=0.3))  # fmt: skip
    (result,) = report.results
    assert result.status is PageStatus.CHANGED, result.message
    assert result.attempts == len(faults) + 1
    assert sleeps.delays == delays
    assert (catalog.pages_dir / PAGES[0][0]).read_bytes() == route.body


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        (["500"] * 4, "HTTP 500 Internal Server Error; gave up after 4 attempts"),
        (["truncate"] * 4, "connection failed"),
        (["slow"] * 4, "timed out"),
        (["429:3600"], "Retry-After 3600s, longer than"),
    ],
)
def test_persistent_faults_fail_and_keep_the_snapshot(
    site: tuple[Site, str], catalog: Catalog, faults: list[str], message: str
) -> None:
    server, base = site
    route = _route(server, catalog, 0)
    route.body = _changed_text(route.body)
    route.faults = list(faults)
    before = _snapshot(catalog)
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps(), timeout=0.3))
    assert [r.status for r in report.results] == [PageStatus.FAILED, PageStatus.UNCHANGED, PageStatus.UNCHANGED]
    assert message in report.results[0].message
    assert not report.ok
    assert report.affected_services == []
    after = _snapshot(catalog)
    manifest = load_manifest(catalog.pages_dir / "manifest.json").pages
    assert manifest[PAGES[0][0]].sha256 == hashlib.sha256(before[PAGES[0][0]]).hexdigest()
    after.pop("manifest.json")
    assert after == before


# --- wrong pages: answered 200 but must not replace the snapshot -------------------------------------------------


@pytest.mark.parametrize(
    ("index", "fault", "reason", "overrides"),
    [
        (0, "login", "does not mention 'parallel-filestorage', 'Parallel File Storage'", {"max_shrink": 0.0}),
        (2, "login", "content type 'text/html; charset=utf-8', expected text/markdown", {}),
        (0, "maintenance", "does not mention", {"min_size": 100, "max_shrink": 0.0}),
        (0, "maintenance", "only 820 bytes, expected at least 1024", {}),
        (1, "json", "content type 'application/json'", {}),
        (1, "half", "less than 50% of the", {}),
        (2, "404", "HTTP 404 Not Found", {}),
        (2, "304-unasked", "HTTP 304 to a request without validators", {}),
    ],
)
def test_wrong_pages_never_replace_a_snapshot(
    site: tuple[Site, str], catalog: Catalog, index: int, fault: str, reason: str, overrides: dict[str, object]
) -> None:
    server, base = site
    fetch_pages_sync(catalog, options=_options(base, Sleeps()))  # a first fetch fills in the manifest
    _route(server, catalog, index).faults = [fault]
    _route(server, catalog, index).body = _changed_text(_route(server, catalog, index).body)
    before = _snapshot(catalog)
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps(), conditional=fault != "304-unasked",
                                                        **overrides))  # fmt: skip
    result = report.results[index]
    assert result.status is PageStatus.FAILED
    assert reason in result.message
    assert "kept the old snapshot" in result.message or fault in ("404", "304-unasked")
    assert report.failed == [result]
    assert _snapshot(catalog) == before, "no file under pages/ may change when a page is rejected"


def test_unreadable_page_is_rejected(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    route = _route(server, catalog, 1)
    route.body = _changed_text(route.body) + b"\xff\xfe broken bytes"
    before = _snapshot(catalog)
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert report.results[1].status is PageStatus.FAILED
    assert "not valid utf-8" in report.results[1].message
    after = _snapshot(catalog)
    after.pop("manifest.json")
    before.pop("manifest.json", None)
    assert after == before


def test_catalog_expect_overrides_derived_expectations(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    toml = catalog.path.read_text(encoding="utf-8").replace(
        '"parallel-filestorage"]', '"parallel-filestorage"]\nexpect = ["Create snapshot", "A heading that is gone"]', 1
    )
    catalog.path.write_text(toml, encoding="utf-8")
    custom = load_catalog(catalog.path)
    _route(server, custom, 0).body = _changed_text(_route(server, custom, 0).body)
    report = fetch_pages_sync(custom, options=_options(base, Sleeps()))
    assert report.results[0].status is PageStatus.FAILED
    assert report.results[0].message.startswith("does not mention 'A heading that is gone'")


# --- another format than the catalog's ---------------------------------------------------------------------------


def _as_html(text: bytes) -> bytes:
    lines = text.decode("utf-8").splitlines()
    body = [f"<h1>{html.escape(lines[0])}</h1>"] + [f"<p>{html.escape(line)}</p>" for line in lines[1:] if line]
    return ("<!DOCTYPE html><html><head><title>t</title></head><body>" + "\n".join(body) + "</body></html>").encode()


def test_html_for_a_text_page_is_saved_beside_it(site: tuple[Site, str], catalog: Catalog) -> None:
    server, base = site
    route = _route(server, catalog, 0)
    route.body, route.content_type = _as_html(route.body), "text/html; charset=utf-8"
    text_before = (catalog.pages_dir / PAGES[0][0]).read_bytes()
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    result = report.results[0]
    html_file = PAGES[0][0].replace(".txt", ".html")
    assert result.status is PageStatus.SAVED_BESIDE
    assert result.file == html_file
    assert "point the catalog entry at" in result.message
    assert (catalog.pages_dir / PAGES[0][0]).read_bytes() == text_before
    assert (catalog.pages_dir / html_file).read_bytes() == route.body
    assert report.affected_services == [], "the catalog still reads the text snapshot"
    manifest = load_manifest(catalog.pages_dir / "manifest.json").pages
    assert manifest[html_file].etag == route.etag
    assert manifest[PAGES[0][0]].etag is None

    bodies = sum(server.bodies.values())
    again = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert again.results[0].status is PageStatus.UNCHANGED
    assert again.results[0].file == html_file
    assert sum(server.bodies.values()) == bodies


# --- the pieces --------------------------------------------------------------------------------------------------


def test_rate_limiter_spaces_requests_per_host() -> None:
    sleeps = Sleeps()
    limiter = HostRateLimiter(2.0, sleep=sleeps, clock=lambda: 100.0)

    async def go() -> list[float]:
        return [await limiter.acquire(host) for host in ("a", "a", "b", "a", "b")]

    assert asyncio.run(go()) == [0.0, 0.5, 0.0, 1.0, 0.5]
    assert sleeps.delays == [0.5, 1.0, 0.5]
    assert asyncio.run(HostRateLimiter(None, sleep=sleeps).acquire("a")) == 0.0


def test_rate_limit_applies_to_fetches(site: tuple[Site, str], catalog: Catalog) -> None:
    _, base = site
    sleeps = Sleeps()
    fetch_pages_sync(catalog, options=_options(base, sleeps, rate=0.5, clock=lambda: 0.0))
    # the limit is per host actually contacted: all three pages come from the one mirror host, 2 s apart
    assert sleeps.delays == [2.0, 4.0]


def test_retry_after_parsing() -> None:
    from datetime import UTC, datetime

    now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 01 May 2024 12:00:30 GMT", now=now.timestamp()) == 30.0
    assert parse_retry_after("Wed, 01 May 2024 11:00:00 GMT", now=now.timestamp()) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    # fetch's policy is the runtime's (one semantics), retry numbers 0-based: backoff, 2*backoff, ... capped
    policy = fetch_retry_policy(backoff=0.5, backoff_max=3)
    assert policy is not None and type(policy) is docs2client_runtime.RetryPolicy
    assert [policy.delay(n) for n in (0, 1, 2, 3, 8)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    # a Retry-After (429/503) is waited in full up to max_retry_after (beyond backoff_max), a longer one not at all
    assert retry_delay(policy, 0, 429, "120") == 120.0
    assert retry_delay(policy, 0, 503, "301") is None
    assert retry_delay(policy, 1, 500, "120") == 1.0  # Retry-After counts with 429 and 503 only


def test_mirror_rule() -> None:
    url = "https://docs.nhncloud.com/en/Storage/Block%20Storage/en/public-api/"
    assert rewrite_url(url, None) == url
    assert rewrite_url(url, "http://127.0.0.1:8000") == (
        "http://127.0.0.1:8000/docs.nhncloud.com/en/Storage/Block%20Storage/en/public-api/"
    )
    assert rewrite_url(url, "http://mirror.internal/docs/") == (
        "http://mirror.internal/docs/docs.nhncloud.com/en/Storage/Block%20Storage/en/public-api/"
    )
    assert rewrite_url("https://h.example:8443/a?b=1", "http://m/x") == "http://m/x/h.example:8443/a?b=1"
    with pytest.raises(UrlError, match=r"base URL 'mirror\.local'"):
        rewrite_url(url, "mirror.local")
    with pytest.raises(UrlError, match="catalog URL"):
        rewrite_url("docs/page", None)


def test_base_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", "http://env.example/")
    assert base_url_from_env(None) == "http://env.example/"
    assert base_url_from_env("http://flag.example/") == "http://flag.example/"
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", "")
    assert base_url_from_env(None) is None


def test_committed_manifest_matches_the_committed_snapshots() -> None:
    catalog = load_catalog(ROOT / "pages" / "catalog.toml")
    committed = load_manifest(ROOT / "pages" / "manifest.json")
    assert (
        manifest_from_snapshots(catalog, committed).to_json() == committed.to_json()
    ), "pages/manifest.json is out of date: run `docs2client fetch --manifest-only`"
    raw = (ROOT / "pages" / "manifest.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert set(committed.pages) == {entry.file for entry in catalog.pages}


def test_bad_manifest_is_named(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('{"version": 1, "pages": {"a.txt": {"url": "u", "size": 1}}}', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.json: pages\['a.txt'\]: missing key 'sha256'"):
        load_manifest(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.json:1: not valid JSON"):
        load_manifest(path)


# --- the command line ----------------------------------------------------------------------------------------------


def test_cli_prints_a_plain_summary_in_ci(
    site: tuple[Site, str], catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, base = site
    monkeypatch.setenv("CI", "true")
    _route(server, catalog, 0).body = _changed_text(_route(server, catalog, 0).body)
    _route(server, catalog, 2).faults = ["login"]
    code = main(["fetch", "--catalog", str(catalog.path), "--base-url", base, "--rate", "0", "--retries", "0"])
    out = capsys.readouterr().out
    assert code == 1
    assert "pages: 1 unchanged, 1 changed, 0 saved in another format, 1 failed" in out
    assert f"changed      {PAGES[0][0]}" in out
    assert f"failed       {PAGES[2][0]}" in out
    assert "services affected: scp/parallel-filestorage" in out


def test_cli_uses_the_environment_base_url(
    site: tuple[Site, str], catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, base = site
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", base)
    assert main(["fetch", "--catalog", str(catalog.path), "--rate", "0"]) == 0
    assert "pages: 3 unchanged, 0 changed" in capsys.readouterr().out
    assert sum(server.bodies.values()) == 3


def test_report_is_a_result_object(site: tuple[Site, str], catalog: Catalog) -> None:
    _, base = site
    report = fetch_pages_sync(catalog, options=_options(base, Sleeps()))
    assert isinstance(report, FetchReport)
    assert report.ok and report.changed == [] and len(report.unchanged) == 3
    assert report.summary_lines()[-1] == "services affected: none"


def test_credentials_in_the_base_url_never_reach_the_output(
    site: tuple[Site, str], catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mirror behind basic auth is given as ``http://user:token@host/``; the token is sent, never printed."""
    server, base = site
    secret = "s3cr3t-t0ken"
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", base.replace("http://", f"http://mirror:{secret}@"))
    _route(server, catalog, 2).faults.append("404")
    assert main(["fetch", "--catalog", str(catalog.path), "--rate", "0"]) == 1
    assert main(["fetch", "--catalog", str(catalog.path), "--dry-run"]) == 0
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", f"{base}?token={secret}")
    assert main(["fetch", "--catalog", str(catalog.path), "--dry-run"]) == 2
    out, err = capsys.readouterr()
    assert f"failed       {PAGES[2][0]}" in out and "http://***@127.0.0.1:" in out
    assert secret not in out + err
    report = fetch_pages_sync(catalog, options=_options(base.replace("http://", f"http://mirror:{secret}@"), Sleeps()))
    assert report.ok and secret not in repr(report) + repr(_options(f"http://u:{secret}@h/", Sleeps()))
    assert any(headers.get("authorization") for _, headers in server.requests)
