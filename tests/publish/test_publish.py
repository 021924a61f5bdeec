"""``docs2client publish``: refusals, build-only mode, and an end-to-end publish to a real pypiserver on 127.0.0.1.

The package is a tiny generated-style fixture (tests/fixtures/publish/demo_pkg); the failing variant swaps in a
contract test the client breaks. Builds and contract tests really run (``python -m build --no-isolation``, pytest).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from scraper.cli import main
from scraper.publish import (
    PackageStatus,
    PublishError,
    discover_packages,
    existing_versions,
    publish,
    read_package,
    simple_index_url,
)
from scraper.url_credentials import redact_url
from tests import paths
from tests.paths import ROOT
from tests.publish.lent_venv import lent_venv, pip_install
from tests.runtime.runtime_api import runtime_version

FIXTURES = paths.FIXTURES / "publish"
NAME, VERSION = "docs2client-fixture-demo", "1.0.0"
RUNTIME_VERSION = runtime_version()  # the shared runtime's own version (runtime/pyproject.toml)


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``generated/`` tree holding the fixture package (a copy: builds must not touch the fixture)."""
    root = tmp_path / "generated"
    shutil.copytree(FIXTURES / "demo_pkg", root / "demo-fixture")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    return root


# --- pieces ------------------------------------------------------------------------------------------------------


def test_simple_index_url() -> None:
    assert simple_index_url("https://upload.pypi.org/legacy/") == "https://pypi.org/simple/"
    assert simple_index_url("https://test.pypi.org/legacy/") == "https://test.pypi.org/simple/"
    assert simple_index_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/simple/"
    assert simple_index_url("http://idx.local/team/") == "http://idx.local/team/simple/"


def test_existing_versions_reads_html_and_json_simple_pages() -> None:
    html = (
        '<html><body><a href="../../packages/docs2client_fixture_demo-1.0.0-py3-none-any.whl#sha256=ab">w</a>'
        '<a href="/packages/docs2client-fixture-demo-1.1.0.tar.gz">s</a>'
        '<a href="/packages/docs2client-fixture-demo-extra-9.0.tar.gz">other project</a></body></html>'
    )
    pages = {
        "/html/docs2client-fixture-demo/": httpx.Response(200, html=html),
        "/json/docs2client-fixture-demo/": httpx.Response(
            200,
            content=json.dumps({"files": [{"filename": "docs2client_fixture_demo-2.0-py3-none-any.whl"}]}),
            headers={"content-type": "application/vnd.pypi.simple.v1+json"},
        ),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return pages.get(request.url.path, httpx.Response(404))

    client = httpx.Client(transport=httpx.MockTransport(handler))
    assert existing_versions("http://i/html/", "Docs2Client_Fixture.Demo", client=client) == {"1.0.0", "1.1.0"}
    assert existing_versions("http://i/json", NAME, client=client) == {"2.0"}
    assert existing_versions("http://i/none/", NAME, client=client) == set()
    broken = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(401)))
    with pytest.raises(PublishError, match="HTTP 401"):
        existing_versions("http://i/simple/", NAME, client=broken)


def test_package_metadata_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(PublishError, match=r"pkg/pyproject.toml: \[project\] needs a static name and version"):
        read_package(tmp_path / "pkg")


def test_discover_filters_by_directory_or_project_name(generated: Path) -> None:
    assert [p.name for p in discover_packages(generated)] == [NAME]
    assert [p.version for p in discover_packages(generated, ["demo-fixture"])] == [VERSION]
    assert [p.path.name for p in discover_packages(generated, ["docs2client_fixture_demo"])] == ["demo-fixture"]
    with pytest.raises(PublishError, match="no generated package named nope"):
        discover_packages(generated, ["nope"])


# --- refusals and build-only ---------------------------------------------------------------------------------------


def test_failing_contract_tests_refuse_publishing(generated: Path, tmp_path: Path) -> None:
    shutil.copyfile(
        FIXTURES / "failing_contract" / "test_contract.py", generated / "demo-fixture/tests/test_contract.py"
    )
    report = publish(discover_packages(generated), dist_dir=tmp_path / "dist")
    (result,) = report.results
    assert result.status is PackageStatus.REFUSED
    assert "contract tests in" in result.message and "failed" in result.message
    assert "test_size_is_reported_as_documented" in result.message
    assert not (tmp_path / "dist").exists()
    assert not report.ok


def test_missing_contract_tests_refuse_publishing(generated: Path, tmp_path: Path) -> None:
    shutil.rmtree(generated / "demo-fixture/tests")
    (result,) = publish(discover_packages(generated), dist_dir=tmp_path / "dist").results
    assert result.status is PackageStatus.REFUSED
    assert "--skip-tests" in result.message


def test_without_an_index_it_builds_into_dist_and_says_how_to_upload(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPOSITORY_URL", raising=False)
    dist = tmp_path / "dist"
    code = main(["publish", "--generated", str(generated), "--dist", str(dist)])
    out = capsys.readouterr().out
    assert code == 0, out
    files = sorted(p.name for p in dist.iterdir())
    assert len(files) == 2
    sdist = next(name for name in files if name.endswith(".tar.gz"))  # name normalisation varies by setuptools
    assert sdist.startswith(("docs2client-fixture-demo-1.0.0", "docs2client_fixture_demo-1.0.0"))
    assert "docs2client_fixture_demo-1.0.0-py3-none-any.whl" in files
    assert all(f"{dist / name}" in out for name in files)
    assert "no index configured" in out and "twine upload --repository-url URL" in out
    left = {p.name for p in (generated / "demo-fixture").rglob("*")}
    assert not left & {"build", "dist", "__pycache__", ".pytest_cache", "docs2client_fixture_demo.egg-info"}


def test_runtime_goes_first_and_no_package_goes_without_it(generated: Path, tmp_path: Path) -> None:
    """``--runtime``: the shared runtime is built (no contract tests of its own) before the packages; when it
    cannot be, no package is built or published."""
    runtime = tmp_path / "runtime"
    shutil.copytree(ROOT / "runtime", runtime, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    dist = tmp_path / "dist"
    report = publish(discover_packages(generated), runtime=read_package(runtime), dist_dir=dist)
    assert [(r.package.name, r.status) for r in report.results] == [
        ("docs2client-runtime", PackageStatus.BUILT),
        (NAME, PackageStatus.BUILT),
    ]
    assert any(name.startswith(f"docs2client_runtime-{RUNTIME_VERSION}-") for name in os.listdir(dist))
    # a runtime that does not build stops every package
    broken = runtime / "pyproject.toml"
    broken.write_text(broken.read_text().replace('packages = ["docs2client_runtime"', 'packages = ["missing"'))
    report = publish(discover_packages(generated), runtime=read_package(runtime), dist_dir=tmp_path / "dist2")
    first, package = report.results
    assert (
        first.status is PackageStatus.FAILED
        and f"building docs2client-runtime {RUNTIME_VERSION} failed" in first.message
    )
    assert package.status is PackageStatus.REFUSED
    assert (
        package.message == f"not published: the runtime it depends on (docs2client-runtime {RUNTIME_VERSION}) was not"
    )
    assert not report.ok and not (tmp_path / "dist2").exists()


def _git(cwd: Path, *args: str) -> None:
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


def test_an_upload_from_uncommitted_sources_is_refused(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make publish` uploaded a package whose folder held a hand edit nobody committed (README.md and a version
    bumped by hand in generated/scp-parallel-filestorage): the index then holds a release no commit describes,
    and `make regenerate` cannot reproduce it. An upload is refused while the package's folder (or the
    runtime's) has uncommitted changes, naming them; --allow-dirty overrides; building into dist/ is not refused."""
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "generated")
    _git(tmp_path, "commit", "-q", "-m", "packages")
    readme = generated / "demo-fixture" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    (generated / "demo-fixture" / "NOTES.txt").write_text("scratch\n", encoding="utf-8")
    calls: list[list[str]] = []

    def runner(args: Any, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        calls.append(list(args))
        return subprocess.CompletedProcess(list(args), 1, "", "no build in this test")

    unused = "http://127.0.0.1:9/"  # refused before any build, index query or upload
    report = publish(discover_packages(generated), repository_url=unused, dist_dir=tmp_path / "dist", runner=runner)
    (result,) = report.results
    assert result.status is PackageStatus.REFUSED and not report.ok
    assert result.message == (
        f"{generated / 'demo-fixture'} has uncommitted changes (NOTES.txt, README.md): an upload must be what a"
        " commit holds -- commit them (or `git checkout` them), or pass --allow-dirty (make: ALLOW_DIRTY=1)"
    )
    assert calls == []
    # building only is not an upload; --allow-dirty goes on to the build (which this runner fails)
    built = publish(discover_packages(generated), dist_dir=tmp_path / "dist", runner=runner).results[0]
    assert "uncommitted" not in built.message and calls
    dirty = publish(
        discover_packages(generated), repository_url=unused, dist_dir=tmp_path / "dist", runner=runner, allow_dirty=True
    ).results[0]
    assert "uncommitted" not in dirty.message and dirty.status is PackageStatus.FAILED
    code = main(["publish", "--generated", str(generated), "--repository-url", unused, "--dist", str(tmp_path / "d")])
    assert code == 1 and "has uncommitted changes" in capsys.readouterr().out
    # committed, it is no longer refused
    _git(tmp_path, "add", "generated")
    _git(tmp_path, "commit", "-q", "-m", "edit")
    clean = publish(discover_packages(generated), repository_url=unused, dist_dir=tmp_path / "dist", runner=runner)
    assert "uncommitted" not in clean.results[0].message


@pytest.mark.parametrize("status", ["401 Unauthorized", "403 Forbidden"])
def test_rejected_credentials_say_where_credentials_come_from(
    generated: Path, tmp_path: Path, status: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make publish` with a wrong TWINE_PASSWORD (a server answering 403 on 127.0.0.1) printed twine's output with
    its terminal colour codes (ESC[33mWARNING ESC[0m) and "Retry with the --verbose option", an option of twine's
    that `make publish` has no way to pass. Twine's output comes without colours, and a refused login says which
    settings give the credentials (never their values)."""
    seen: list[list[str]] = []
    monkeypatch.setattr("scraper.publish.publisher.index_files", lambda *args, **kwargs: {})  # an empty index

    def runner(args: Any, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        seen.append(list(args))
        if "upload" in args:
            out = f"Uploading x.whl\nERROR    HTTPError: {status} from http://127.0.0.1:9/\n   Invalid credentials\n"
            return subprocess.CompletedProcess(list(args), 1, out, "")
        if "build" in args:
            out_dir = Path(args[args.index("--outdir") + 1])
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / "demo-1.0.0.tar.gz").write_bytes(b"s")
            (out_dir / "demo-1.0.0-py3-none-any.whl").write_bytes(b"w")
        return subprocess.CompletedProcess(list(args), 0, "", "")

    report = publish(
        discover_packages(generated),
        repository_url="http://127.0.0.1:9/",
        dist_dir=tmp_path / "dist",
        runner=runner,
        skip_tests=True,
    )
    (result,) = report.results
    upload = next(args for args in seen if "upload" in args)
    assert upload[upload.index("twine") + 1] == "--no-color"
    assert result.status is PackageStatus.FAILED
    assert result.message.endswith(
        "the index refused the credentials: twine reads them from TWINE_USERNAME and TWINE_PASSWORD, the keyring"
        " entry for http://127.0.0.1:9/, or the URL (user:password@host)"
    ), result.message


def test_no_packages_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--generated", str(tmp_path)]) == 2
    assert "no packages in" in capsys.readouterr().err


# --- end to end: pypiserver on 127.0.0.1 ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def package_index(tmp_path: Path) -> Iterator[str]:
    """pypiserver with unauthenticated uploads (``-a . -P .``), stopped after the test."""
    packages = tmp_path / "index"
    packages.mkdir()
    port = _free_port()
    log = (tmp_path / "pypiserver.log").open("w")
    server_cmd = [str(Path(sys.executable).parent / "pypi-server"), "run", "-i", "127.0.0.1", "-p", str(port)]
    server_cmd += ["-a", ".", "-P", ".", str(packages)]
    server = subprocess.Popen(
        server_cmd,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/simple/", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pypiserver did not start: {(tmp_path / 'pypiserver.log').read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


SMOKE = """
import httpx, d2c_fixture_demo
from d2c_fixture_demo import DemoClient
def handler(request):
    assert request.headers["X-Auth-Token"] == "tok"
    return httpx.Response(200, json={"volume": {"id": "v-9", "name": request.url.path, "size": 5, "status": "ok"}})
volume = DemoClient("https://api.example", token="tok", transport=httpx.MockTransport(handler)).get_volume("t", "v-9")
print(d2c_fixture_demo.__file__)
print(volume)
"""


@pytest.mark.slow
def test_publish_install_and_refuse_a_second_upload(
    generated: Path, tmp_path: Path, package_index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWINE_USERNAME", "anyone")  # pypiserver -a . ignores them, twine wants some
    monkeypatch.setenv("TWINE_PASSWORD", "anything")
    packages = discover_packages(generated)
    report = publish(packages, repository_url=package_index, dist_dir=tmp_path / "dist")
    (result,) = report.results
    assert result.status is PackageStatus.UPLOADED, result.message
    assert existing_versions(f"{package_index}/simple/", NAME) == {VERSION}

    fresh_python, site = lent_venv(tmp_path / "fresh")  # dependencies (httpx) lent: no download
    site_packages = str(site)
    pip = pip_install(fresh_python)
    pip += ["--index-url", f"{package_index}/simple/", f"{NAME}=={VERSION}"]
    install = subprocess.run(
        pip,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    smoke = subprocess.run([str(fresh_python), "-c", SMOKE], capture_output=True, text=True, cwd=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    module_file, volume = smoke.stdout.splitlines()
    assert module_file.startswith(site_packages), "the package must come from the index, not from the source tree"
    assert volume == "Volume(id='v-9', name='/v2/t/volumes/v-9', size=5, status='ok')"

    again = publish(packages, repository_url=package_index, dist_dir=tmp_path / "dist")
    (second,) = again.results
    assert second.status is PackageStatus.SKIPPED, second.message
    assert second.message == f"already on {package_index}/simple/ with the same contents"
    assert again.ok

    # the same version with other contents is refused, and the index keeps the first upload
    client = generated / "demo-fixture" / "d2c_fixture_demo" / "client.py"
    client.write_text(client.read_text(encoding="utf-8") + "\n# changed without a version bump\n", encoding="utf-8")
    third = publish(discover_packages(generated), repository_url=package_index, dist_dir=tmp_path / "dist3")
    (refused,) = third.results
    assert refused.status is PackageStatus.REFUSED
    assert "with different contents" in refused.message and "make regenerate" in refused.message
    assert not third.ok


REAL_PACKAGE = ROOT / "generated" / "scp-parallel-filestorage"

REAL_SMOKE = """
import json, os, httpx, scp_parallel_filestorage as pfs
seen = {}
example = json.loads(os.environ["EXAMPLE"])
def handler(request):
    seen.update(method=request.method, path=request.url.path, version=request.headers["Scp-Api-Version"],
                signed=bool(request.headers.get("Scp-Signature")))
    return httpx.Response(200, json=example)
auth = pfs.ScpAuth(access_key="ak", secret_key="sk", account_id="acct")
with pfs.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
    volume = client.show_volume("vol-1")
print(pfs.__file__)
print(json.dumps(seen, sort_keys=True))
print(type(volume).__name__, volume.id == example["id"])
"""


def _make_publish(url: str, dist: Path) -> subprocess.CompletedProcess[str]:
    """``make publish REPOSITORY_URL=...`` from the repository root, as the README says (one real package)."""
    args = ["make", "--no-print-directory", "publish", f"REPOSITORY_URL={url}", f"PACKAGES={REAL_PACKAGE.name}"]
    # the clone under test may hold uncommitted work; refusing it is test_an_upload_from_uncommitted_sources_is_refused
    args.append("ALLOW_DIRTY=1")
    return subprocess.run([*args, f"DIST={dist}"], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_make_publish_from_the_root_uploads_then_skips_and_never_prints_credentials(
    tmp_path: Path, package_index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real generated scp-parallel-filestorage: published by `make publish`, installed from the index, a signed
    call on a mock; published again: skipped, exit 0. The URL's password appears in no output."""
    monkeypatch.setenv("TWINE_USERNAME", "anyone")
    monkeypatch.setenv("TWINE_PASSWORD", "twine-secret-password")
    secret_url = package_index.replace("http://", "http://alice:url-secret-password@")
    (package,) = discover_packages(REAL_PACKAGE.parent, [REAL_PACKAGE.name])
    version = package.version
    first = _make_publish(secret_url, tmp_path / "dist")
    output = first.stdout + first.stderr
    assert first.returncode == 0, output
    runtime_line = output.index(f"uploaded  docs2client-runtime {RUNTIME_VERSION}: to http://127.0.0.1")
    assert runtime_line < output.index(f"uploaded  {package.name} {version}: to http://127.0.0.1"), "runtime first"
    assert "secret-password" not in output
    assert existing_versions(f"{package_index}/simple/", package.name) == {version}
    sdists = [p for p in (tmp_path / "dist").glob("*.tar.gz") if not p.name.startswith("docs2client")]
    with tarfile.open(sdists[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    cases = {f"tests/{p.name}" for p in (REAL_PACKAGE / "tests").glob("*.json")}
    assert cases and cases <= names, "the sdist must carry the contract tests' JSON cases"
    assert "CHANGELOG.md" in names
    assert not (ROOT / "generated" / REAL_PACKAGE.name / "build").exists()

    fresh_python, site = lent_venv(tmp_path / "fresh")  # dependencies (httpx) lent: no download
    site_packages = str(site)
    pip = pip_install(fresh_python)
    pip += [
        "--index-url",
        f"{package_index}/simple/",
        "--ignore-installed",  # the runtime comes from the index, not from the lent (editable) environment
        f"docs2client-runtime=={RUNTIME_VERSION}",
        f"scp-parallel-filestorage=={version}",
    ]
    install = subprocess.run(pip, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    spec = yaml.safe_load((ROOT / "spec/scp/parallel-filestorage/1.0.yaml").read_text())
    response = spec["paths"]["/v1/volumes/{volume_id}"]["get"]["responses"]["200"]
    media = response["content"]["application/json"]
    # the documented ShowVolume response: kept as x-documented-example when it contradicts its schema
    example = json.dumps(media.get("example", media.get("x-documented-example")))
    smoke = subprocess.run(
        [str(fresh_python), "-c", REAL_SMOKE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "EXAMPLE": example},
    )
    assert smoke.returncode == 0, smoke.stderr
    module_file, seen, volume = smoke.stdout.splitlines()
    assert module_file.startswith(site_packages)
    assert json.loads(seen) == {
        "method": "GET",
        "path": "/v1/volumes/vol-1",
        "signed": True,
        "version": "parallel-filestorage 1.0",
    }
    assert volume == "VolumeShowResponse True"

    again = _make_publish(secret_url, tmp_path / "dist2")
    output = again.stdout + again.stderr
    assert again.returncode == 0, output
    assert f"skipped   docs2client-runtime {RUNTIME_VERSION}: already on http://127.0.0.1" in output
    assert f"skipped   {package.name} {version}: already on http://127.0.0.1" in output
    assert "with the same contents" in output
    assert "secret-password" not in output


def test_redact_hides_url_credentials() -> None:
    assert redact_url("https://user:pw@upload.example/legacy/") == "https://***@upload.example/legacy/"
    assert redact_url("https://upload.example/legacy/") == "https://upload.example/legacy/"


@pytest.fixture
def two_origins() -> Iterator[tuple[list[tuple[str, str | None]], str, str]]:
    """Two file servers on 127.0.0.1 (an index and another host the index's listing may point at), recording the
    ``(Host, Authorization)`` of every request."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    seen: list[tuple[str, str | None]] = []

    class Files(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append((self.headers["Host"], self.headers.get("Authorization")))
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"file")

        def log_message(self, format: str, *args: object) -> None:
            pass

    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Files) for _ in range(2)]
    threads = [Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield seen, *(f"http://127.0.0.1:{s.server_address[1]}" for s in servers)  # type: ignore[misc]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_twine_credentials_go_only_to_the_index_origin(two_origins: tuple[list[Any], str, str]) -> None:
    """The listing names each file's URL; the upload token was sent to whatever host it named."""
    from scraper.publish.index import download

    seen, index, other = two_origins
    environ = {"TWINE_USERNAME": "__token__", "TWINE_PASSWORD": "pypi-s3cr3t"}
    assert download(f"{other}/files/a.whl", environ, index_url=f"{index}/simple/") == b"file"
    assert download(f"{index}/files/a.whl", environ, index_url=f"{index}/simple/") == b"file"
    assert [bool(auth) for _, auth in seen] == [False, True]


@pytest.fixture
def endless_index() -> Iterator[str]:
    """A file server on 127.0.0.1 whose files never end (no Content-Length, bytes until the client hangs up), and
    whose ``/announced`` file claims a gigabyte."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class Endless(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            if self.path.endswith("/announced"):
                self.send_header("Content-Length", str(2**30))
                self.end_headers()
                return
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_downloads_from_an_index_stop_at_the_size_limit(endless_index: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index (or the host its listing names) that answers with an endless body, or announces a huge one, is a
    one-line error at the limit, not a download into memory until the machine runs out."""
    from scraper.publish import index as index_module

    monkeypatch.setattr(index_module, "MAX_DOWNLOAD_BYTES", 1024 * 1024)
    monkeypatch.setattr(index_module, "MAX_LISTING_BYTES", 1024 * 1024)
    with pytest.raises(PublishError) as raised:
        index_module.download(f"{endless_index}/files/a.whl", {}, index_url=f"{endless_index}/simple/")
    assert str(raised.value) == (
        f"cannot download {endless_index}/files/a.whl: more than 1048576 bytes; stopped at the limit"
    )
    with pytest.raises(PublishError, match="1073741824 bytes announced, over the 1048576-byte limit"):
        index_module.download(f"{endless_index}/files/announced", {})
    with pytest.raises(PublishError, match=r"^cannot read the listing .*/simple/pkg/: more than 1048576 bytes"):
        index_module.index_files(f"{endless_index}/simple/", "pkg", environ={})


def test_a_decompression_bomb_on_the_index_stops_at_the_unpack_limit() -> None:
    """A small wheel that unpacks to a lot is compared in chunks against a budget: a one-line error past it."""
    import io
    import zipfile

    from scraper.publish.index import distribution_contents

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/big.bin", b"\0" * (8 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 64 * 1024
    assert distribution_contents(data, "pkg-1.0-py3-none-any.whl")  # within the default limit
    with pytest.raises(PublishError, match=r"^pkg-1.0-py3-none-any.whl: unpacks to more than 1048576 bytes"):
        distribution_contents(data, "pkg-1.0-py3-none-any.whl", limit=1024 * 1024)
    with pytest.raises(PublishError, match="not a readable distribution archive"):
        distribution_contents(b"not a zip", "pkg-1.0-py3-none-any.whl")
