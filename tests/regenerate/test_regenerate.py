"""``docs2client regenerate``: only what changed is rebuilt, changelogs and versions follow the spec changes.

A small catalog (NHN Block Storage from its Markdown page, SCP Parallel File Storage from page 000) keeps each
build to a few seconds. The online test serves the pages from a real HTTP server on 127.0.0.1 (the catalog URLs
are pointed at it with ``DOCS2CLIENT_BASE_URL``) with one page changed, and checks that only its service is rebuilt.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest
import yaml

from scraper.catalog import load_catalog
from scraper.regenerate import regenerate, regenerate_packages, run
from tests.paths import ROOT

NHN_MD = "nhn/003_source_Storage-Block-Storage_en_public-api.md"
PFS_TXT = "scp/000_65c2559a52e6e5c4.txt"

CATALOG = f"""
[[page]]
file = "{NHN_MD}"
url = "https://docs.example/nhn/block-storage.md"
provider = "nhn"
format = "markdown"
services = ["block-storage"]
capture = 1

[[page]]
file = "{PFS_TXT}"
url = "https://docs.example/scp/parallel-filestorage/_print"
provider = "scp"
format = "text"
services = ["parallel-filestorage"]
capture = 1
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    for rel in (NHN_MD, PFS_TXT):
        (pages / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "pages" / rel, pages / rel)
    (pages / "catalog.toml").write_text(CATALOG, encoding="utf-8")
    return tmp_path


def _regenerate(project: Path, *, packages: bool = False) -> int:
    return regenerate(
        catalog_path=project / "pages" / "catalog.toml",
        spec_dir=project / "spec",
        generated_dir=project / "generated",
        packages=packages,
    )


def test_nothing_changed_is_a_no_op(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _regenerate(project) == 0
    assert "rebuilding 2 of 2 services" in capsys.readouterr().out
    before = {p: p.stat().st_mtime_ns for p in (project / "spec").rglob("*") if p.is_file()}
    assert _regenerate(project) == 0
    assert "nothing changed: 2 services up to date" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in (project / "spec").rglob("*") if p.is_file()} == before


def test_a_changed_page_rebuilds_only_its_service(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _regenerate(project) == 0
    capsys.readouterr()
    page = project / "pages" / PFS_TXT
    page.write_text(page.read_text(encoding="utf-8").replace("Create volume", "Create a new volume"), "utf-8")
    assert _regenerate(project) == 0
    out = capsys.readouterr().out
    assert "rebuilding 1 of 2 services: scp/parallel-filestorage" in out
    spec = yaml.safe_load((project / "spec/scp/parallel-filestorage/1.0.yaml").read_text(encoding="utf-8"))
    assert spec["paths"]["/v1/volumes"]["post"]["description"] == "Create a new volume"


class _Pages(BaseHTTPRequestHandler):
    """Serves ``/<host>/<path>`` (the mirror layout) from a dict; counts bodies sent."""

    pages: ClassVar[dict[str, tuple[bytes, str]]] = {}
    bodies = 0

    def do_GET(self) -> None:
        found = self.pages.get(urlsplit(self.path).path)
        if found is None:
            self.send_response(404)
            self.end_headers()
            return
        body, content_type = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        type(self).bodies += 1

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def mirror() -> Iterator[tuple[str, type[_Pages]]]:
    handler = type("Pages", (_Pages,), {"pages": {}, "bodies": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_online_regenerate_fetches_then_rebuilds_only_what_changed(
    project: Path,
    mirror: tuple[str, type[_Pages]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _regenerate(project) == 0
    capsys.readouterr()
    base, handler = mirror
    nhn = (project / "pages" / NHN_MD).read_bytes()
    pfs = (project / "pages" / PFS_TXT).read_bytes().replace(b"Create volume", b"Create a fresh volume")
    handler.pages = {
        "/docs.example/nhn/block-storage.md": (nhn, "text/markdown; charset=utf-8"),
        "/docs.example/scp/parallel-filestorage/_print": (pfs, "text/plain; charset=utf-8"),
    }
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", base)
    monkeypatch.setenv("CI", "1")
    args = argparse.Namespace(
        catalog=project / "pages" / "catalog.toml",
        spec_dir=project / "spec",
        generated_dir=project / "generated",
        force=False,
        online=True,
        specs_only=True,
        jobs=None,
    )
    assert run(args) == 0
    out = capsys.readouterr().out
    assert handler.bodies == 2
    assert "rebuilding 1 of 2 services: scp/parallel-filestorage" in out
    assert (project / "pages" / PFS_TXT).read_bytes() == pfs  # the snapshot was replaced by the fetched page
    assert load_catalog(project / "pages" / "catalog.toml").pages  # catalog untouched and still valid


def test_changelog_and_version_bump_follow_the_spec_changes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_dir, generated = project / "spec", project / "generated"
    assert _regenerate(project) == 0
    key = "scp/parallel-filestorage"
    package = generated / "scp-parallel-filestorage"
    regenerate_packages([key], spec_dir, generated, {})
    assert 'version = "1.0.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n\n## 1.0.0\n") and "Initial release" in changelog

    # nothing changed: same version, same changelog, no file rewritten
    old = {"1.0": yaml.safe_load((spec_dir / key / "1.0.yaml").read_text(encoding="utf-8"))}
    assert regenerate_packages([key], spec_dir, generated, {key: old}) == []

    # the generated code differs from what was released while the specs did not change (a generator update):
    # a patch release that says so
    client = next(package.rglob("client.py"))
    client.write_text(client.read_text(encoding="utf-8") + "# released by an older generator\n", encoding="utf-8")
    assert package / "pyproject.toml" in regenerate_packages([key], spec_dir, generated, {key: old})
    assert 'version = "1.0.1"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.0.1\n\nRegenerated by a newer docs2client: client code changed, the API did not." in changelog

    # only the README differs: a patch release whose entry says what changed
    readme = package / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nAn older generator's words.\n", encoding="utf-8")
    assert package / "pyproject.toml" in regenerate_packages([key], spec_dir, generated, {key: old})
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.0.2\n\nRegenerated by a newer docs2client: README changed, the API did not." in changelog

    # only the package metadata differs (a dependency floor the runtime's new release raised): the index refuses the
    # same version with other contents, so that is a patch release too; the version line alone is no change
    pyproject = package / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert "docs2client-runtime>=" in text
    pyproject.write_text(text.replace("docs2client-runtime>=", "docs2client-runtime>=0.9,"), encoding="utf-8")
    assert pyproject in regenerate_packages([key], spec_dir, generated, {key: old})
    assert 'version = "1.0.3"' in pyproject.read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.0.3\n\nRegenerated by a newer docs2client: packaging files changed, the API did not." in changelog
    assert regenerate_packages([key], spec_dir, generated, {key: old}) == []

    # a response field removed from the docs is a breaking change: major bump with the change listed
    spec_path = spec_dir / key / "1.0.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    ref = spec["paths"]["/v1/volumes/{volume_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    model = spec["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]
    removed = sorted(model["properties"])[0]
    del model["properties"][removed]
    if removed in model.get("required", []):
        model["required"].remove(removed)
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    changed = regenerate_packages([key], spec_dir, generated, {key: old})
    assert package / "CHANGELOG.md" in changed
    assert 'version = "2.0.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    printed = capsys.readouterr().out  # the maintainer is told of the release, not only of changed files
    release = f"{key}: release 1.0.3 -> 2.0.0 (API 1.0: breaking changes; {package / 'CHANGELOG.md'} lists them)"
    assert release in printed
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("## 2.0.0") < changelog.index("## 1.0.1") < changelog.index("## 1.0.0")
    assert removed in changelog.split("## 1.0.1")[0]


def test_a_code_only_release_follows_the_client_signatures(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newer generator gave nine NHN apiKey clients one credential keyword per scheme on ``Client(...)`` while
    their specs stayed the same, and regenerate released that as a patch. Here the package on disk stands for the
    older generator's: a constructor keyword fewer is a minor release, a method more (removed now) a major one."""
    spec_dir, generated = project / "spec", project / "generated"
    assert _regenerate(project) == 0
    key = "scp/parallel-filestorage"
    package = generated / "scp-parallel-filestorage"
    regenerate_packages([key], spec_dir, generated, {})
    old = {"1.0": yaml.safe_load((spec_dir / key / "1.0.yaml").read_text(encoding="utf-8"))}
    client = next(package.rglob("client.py"))
    text = client.read_text(encoding="utf-8")
    keyword = "        retry: _rt.RetryPolicy | None = None,\n"
    assert text.count(keyword) == 2  # Client and AsyncClient
    client.write_text(text.replace(keyword, ""), encoding="utf-8")
    capsys.readouterr()
    assert package / "pyproject.toml" in regenerate_packages([key], spec_dir, generated, {key: old})
    assert 'version = "1.1.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    assert "release 1.0.0 -> 1.1.0" in capsys.readouterr().out
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog[: changelog.index("## 1.0.0")]
    assert "## 1.1.0\n\nRegenerated by a newer docs2client: client signatures were extended" in entry
    module = client.parent.name
    assert f"- `{module}`: constructor: new optional keyword parameter `retry`\n" in entry

    text = client.read_text(encoding="utf-8")
    legacy = '    def legacy_call(self, name: str) -> None:\n        """Gone from the new rendering."""\n\n'
    client.write_text(text.replace("    def close(self)", legacy + "    def close(self)", 1), encoding="utf-8")
    assert package / "pyproject.toml" in regenerate_packages([key], spec_dir, generated, {key: old})
    assert 'version = "2.0.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"- `{module}`: Client `legacy_call`: removed (breaking)\n" in changelog[: changelog.index("## 1.1.0")]

    # rendered the same as on disk: nothing to release
    assert regenerate_packages([key], spec_dir, generated, {key: old}) == []


def test_a_service_no_page_covers_any_more_is_named_and_kept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Taking a service's pages out of the catalog left its spec folder (and package) behind without a word: the
    run said "nothing changed: 1 services up to date", and the folder stayed to be committed and published. The
    tool deletes nothing it was not asked to, so it keeps them, and says so each run until they are dealt with."""
    assert _regenerate(project) == 0
    capsys.readouterr()
    catalog = project / "pages" / "catalog.toml"
    catalog.write_text(CATALOG[: CATALOG.index("[[page]]", CATALOG.index("[[page]]") + 1)], encoding="utf-8")
    for run_number in range(2):  # the rebuild of the catalog change, then a run with nothing to rebuild
        assert _regenerate(project) == 0
        out = capsys.readouterr().out
        spec_folder = project / "spec" / "scp" / "parallel-filestorage"
        assert (
            f"note: scp/parallel-filestorage: no page of the catalog covers it any more; {spec_folder} is kept and"
            " no longer regenerated (delete it if the service is gone)"
        ) in out, (run_number, out)
        assert (spec_folder / "1.0.yaml").is_file()
        assert "nhn/block-storage" not in out.split("note:")[-1]


@dataclass
class _Released:
    """Parallel File Storage built and released once, and its 1.0 spec read back for a test to edit: ``operation``
    (``GET /v1/volumes/{volume_id}``) is inside ``spec``; :meth:`regenerate` writes ``spec`` and rebuilds."""

    spec_dir: Path
    generated: Path
    key: str
    package: Path
    spec_path: Path
    old: dict[str, Any]
    spec: dict[str, Any]
    operation: dict[str, Any]

    def regenerate(self) -> list[Path]:
        self.spec_path.write_text(yaml.safe_dump(self.spec, sort_keys=False), encoding="utf-8")
        return regenerate_packages([self.key], self.spec_dir, self.generated, {self.key: self.old})


def _released(project: Path) -> _Released:
    spec_dir, generated = project / "spec", project / "generated"
    assert _regenerate(project) == 0
    key = "scp/parallel-filestorage"
    regenerate_packages([key], spec_dir, generated, {})
    spec_path = spec_dir / key / "1.0.yaml"
    old = {"1.0": yaml.safe_load(spec_path.read_text(encoding="utf-8"))}
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    operation = spec["paths"]["/v1/volumes/{volume_id}"]["get"]
    return _Released(spec_dir, generated, key, generated / "scp-parallel-filestorage", spec_path, old, spec, operation)


def test_a_signature_change_the_spec_diff_explains_is_listed_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An operation that gained a required query parameter was listed twice in CHANGELOG.md: under the spec diff's
    breaking changes and again under "Client signatures changed" (``show_volume``: new required keyword parameter).
    The spec diff explains it, so it is listed once; a change of the same regeneration that no spec change explains
    (the constructor keyword the package on disk lacks: an older generator's) is still listed, and the release is
    the one the changes make (major)."""
    released = _released(project)
    package = released.package
    required = {"name": "detail_level", "in": "query", "required": True, "schema": {"type": "string"}}
    released.operation.setdefault("parameters", []).append(required)
    client = next(package.rglob("client.py"))
    keyword = "        retry: _rt.RetryPolicy | None = None,\n"
    client.write_text(client.read_text(encoding="utf-8").replace(keyword, ""), encoding="utf-8")
    capsys.readouterr()

    assert package / "CHANGELOG.md" in released.regenerate()
    assert 'version = "2.0.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog[: changelog.index("## 1.0.0")]
    assert sum("detail_level" in line for line in entry.splitlines()) == 1, entry
    assert "new required query parameter detail_level" in entry
    module = client.parent.name
    assert f"- `{module}`: constructor: new optional keyword parameter `retry`\n" in entry
    assert "show_volume" not in entry


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_one_job_forks_no_worker_and_writes_what_the_workers_write(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--jobs 1`` (the least memory) does every stage in the calling process, with the default run's output."""
    import concurrent.futures

    assert _regenerate(project, packages=True) == 0
    pooled = {folder: _tree(project / folder) for folder in ("spec", "generated")}
    for folder in pooled:
        shutil.rmtree(project / folder)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("--jobs 1 started a worker pool")

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "__init__", no_pool)
    status = regenerate(
        catalog_path=project / "pages" / "catalog.toml",
        spec_dir=project / "spec",
        generated_dir=project / "generated",
        jobs=1,
    )
    assert status == 0
    for folder, files in pooled.items():
        assert _tree(project / folder) == files


@pytest.mark.parametrize("text", ["0", "-2", "x", "", "1.5"])
def test_jobs_must_be_a_positive_whole_number(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    from scraper.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["regenerate", "--jobs", text])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.endswith(f"argument --jobs: expected a positive whole number of worker processes, got {text!r}")


def test_spec_workers_follow_jobs() -> None:
    from scraper.job_count import spec_workers

    assert spec_workers(5, 1) == 0
    assert spec_workers(1, 4) == 1
    assert spec_workers(5, 2) == 2


def test_a_retitled_operation_keeps_its_old_method_name_as_an_alias(project: Path) -> None:
    """The docs retitle an operation (its operationId, so its method name, changes): the old name stays callable in
    both clients until the next major, so the release is minor (the spec diff's operation-id-rederived: an id of a
    spec read from pages, which names each operation's heading in x-source)."""
    released = _released(project)
    package = released.package
    before = released.operation["operationId"]
    released.operation["operationId"] = "fetchTheVolume"
    released.regenerate()
    assert 'version = "1.1.0"' in (package / "pyproject.toml").read_text(encoding="utf-8")
    client = next(package.rglob("client.py"))
    text = client.read_text(encoding="utf-8")
    old_name = "_".join(part.lower() for part in re.findall(r"[A-Z]?[a-z0-9]+", before))
    assert text.count(f"    {old_name} = fetch_the_volume\n") == 2  # Client and AsyncClient
    changelog = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"`{old_name}` -> `fetch_the_volume`" in changelog.split("## 1.0.0")[0]
    import_name = package.name.replace("-", "_")
    sys.path.insert(0, str(package))
    try:
        module = importlib.import_module(f"{import_name}.v1_0.client")
        assert getattr(module.Client, old_name) is module.Client.fetch_the_volume
        assert getattr(module.AsyncClient, old_name) is module.AsyncClient.fetch_the_volume
    finally:
        sys.path.remove(str(package))
        for name in [m for m in sys.modules if m == import_name or m.startswith(f"{import_name}.")]:
            del sys.modules[name]
