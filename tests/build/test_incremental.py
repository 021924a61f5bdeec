"""One changed page: the incremental regeneration (page cache, unchanged packages skipped) gives exactly the bytes of a
full ``regenerate --force`` without caches.

The inputs are three small SCP pages (Parallel File Storage, a twin of it under another name, and Virtual Server's
Create Image page, whose endpoint is inferred from the other two): one service per page, so a change to one page
rebuilds one service while the others come from the page cache.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import scraper.build.services
import scraper.regenerate.pipeline
from scraper.regenerate import regenerate
from tests.paths import PAGES

PFS = "scp/000_65c2559a52e6e5c4.txt"
IMAGE = "scp/004_dcbb7d1e887604a7.txt"


def _project(base: Path) -> Path:
    """``base/pages`` with the three pages and their catalog; returns ``base``."""
    pages = base / "pages"
    (pages / "scp").mkdir(parents=True)
    pfs = (PAGES / PFS).read_text(encoding="utf-8")
    (pages / PFS).write_text(pfs, encoding="utf-8")
    twin = pfs.replace("parallel-filestorage", "twin-storage").replace("Parallel File Storage", "Twin Storage")
    (pages / "scp/twin.txt").write_text(twin, encoding="utf-8")
    shutil.copy(PAGES / IMAGE, pages / IMAGE)
    entries = [(PFS, "parallel-filestorage"), ("scp/twin.txt", "twin-storage"), (IMAGE, "virtualserver")]
    (pages / "catalog.toml").write_text(
        "".join(
            f'[[page]]\nfile = "{file}"\nurl = "https://docs.example/{service}"\nprovider = "scp"\nformat = "text"\n'
            f'services = ["{service}"]\ncapture = 1\n\n'
            for file, service in entries
        ),
        encoding="utf-8",
    )
    return base


def _regenerate(project: Path, monkeypatch: pytest.MonkeyPatch, *, force: bool = False) -> int:
    # Relative paths, as `make regenerate` runs: the generated code names its spec file by the path it was given.
    monkeypatch.chdir(project)
    return regenerate(
        catalog_path=Path("pages/catalog.toml"), spec_dir=Path("spec"), generated_dir=Path("generated"), force=force
    )


def _tree(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for folder in ("spec", "generated")
        for p in sorted((project / folder).rglob("*"))
        if p.is_file()
    }


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages actually read (not recalled from the cache) from now on."""
    read: list[str] = []
    real: Callable[..., list[object]] = scraper.build.services.services_in

    def counting(page: scraper.build.services.PageInput, raw: bytes) -> list[object]:
        read.append(page.name)
        return real(page, raw)

    monkeypatch.setattr(scraper.build.services, "services_in", counting)
    return read


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project regenerated once, with a page cache of its own."""
    project = _project(tmp_path / "project")
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "cache"))
    assert _regenerate(project, monkeypatch) == 0
    return project


def test_one_changed_page_incremental_equals_a_full_force_build(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    incremental = built
    full = tmp_path / "full"
    shutil.copytree(incremental, full)  # the same released state on both sides

    for project in (incremental, full):
        page = project / "pages" / IMAGE
        page.write_text(page.read_text(encoding="utf-8").replace("Create Image.", "Create an image."), "utf-8")
    capsys.readouterr()
    read = _count_reads(monkeypatch)
    assert _regenerate(incremental, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "rebuilding 1 of 3 services: scp/virtualserver" in out
    assert read == [f"pages/{IMAGE}"]  # the two other pages came from the cache
    assert "Create an image." in (incremental / "spec/scp/virtualserver/1.3.yaml").read_text(encoding="utf-8")

    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")  # every page read, every package rendered
    assert _regenerate(full, monkeypatch, force=True) == 0
    assert _tree(incremental) == _tree(full)
    # Virtual Server documents no endpoint: it is inferred from the two other services, read from the cache.
    server = yaml.safe_load((full / "spec/scp/virtualserver/1.3.yaml").read_bytes())["servers"][0]
    assert server["url"] == "https://virtualserver.{region}.{environment}.samsungsdscloud.com"
    assert server["x-inferred"] is True


def test_a_page_change_that_changes_no_spec_does_not_render_the_package_again(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = built
    before = _tree(project)
    package = project / "generated/scp-virtualserver"
    mtimes = {p: p.stat().st_mtime_ns for p in package.rglob("*") if p.is_file()}
    page = project / "pages" / IMAGE
    page.write_bytes(page.read_bytes() + b"\n")  # what a re-fetch may bring: every spec byte stays the same
    capsys.readouterr()
    assert _regenerate(project, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "rebuilding 1 of 3 services: scp/virtualserver" in out
    assert "scp/virtualserver: specs unchanged, package up to date" in out
    assert {p: p.stat().st_mtime_ns for p in package.rglob("*") if p.is_file()} == mtimes
    after = _tree(project)
    stamp = "spec/.regenerate.json"
    assert {k: v for k, v in after.items() if k != stamp} == {k: v for k, v in before.items() if k != stamp}

    # The package names its specs by the path it was given: another spelling of the spec folder renders it again.
    page.write_bytes(page.read_bytes() + b"\n")
    capsys.readouterr()
    assert (
        regenerate(catalog_path=Path("pages/catalog.toml"), spec_dir=project / "spec", generated_dir=Path("generated"))
        == 0
    )
    assert "package up to date" not in capsys.readouterr().out
    assert f"from {project}/spec/scp/virtualserver/1.3.yaml" in (
        package / "scp_virtualserver/v1_3/client.py"
    ).read_text(encoding="utf-8")

    # A new tool (code or templates) renders the package again even though no spec changed.
    real = scraper.regenerate.pipeline.tool_hash
    monkeypatch.setattr(scraper.regenerate.pipeline, "tool_hash", lambda root: "another tool " + real(root))
    capsys.readouterr()
    assert _regenerate(project, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "rebuilding 3 of 3 services" in out and "package up to date" not in out


def test_client_modules_of_unchanged_versions_are_reused_and_one_edited_by_hand_is_rendered_again(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scraper.clients.package

    incremental, full = built, tmp_path / "full"
    shutil.copytree(incremental, full)
    package = incremental / "generated/scp-virtualserver/scp_virtualserver"
    versions = sorted(p.parent.name for p in package.glob("v*/client.py"))
    assert len(versions) >= 3
    edited = package / versions[-1] / "client.py"
    edited.write_bytes(edited.read_bytes() + b"# edited by hand\n")
    specs = incremental / "spec/scp/virtualserver"
    before = {p.name: p.read_bytes() for p in specs.glob("*.yaml")}
    for project in (incremental, full):  # the oldest version's own page text changes: one spec changes
        page = project / "pages" / IMAGE
        text = page.read_text(encoding="utf-8")
        assert text.count("Create Image.") >= 1
        page.write_text(text.replace("Create Image.", "Create an image.", 1), encoding="utf-8")
    rendered: list[str] = []
    real = scraper.clients.package.render

    def counting(template: str, **context: object) -> str:
        if template == "client/client.py.j2":
            rendered.append(getattr(context["v"], "module", "?"))
        return real(template, **context)

    monkeypatch.setattr(scraper.clients.package, "render", counting)
    assert _regenerate(incremental, monkeypatch) == 0
    changed = {f"v{p.stem.replace('.', '_')}" for p in specs.glob("*.yaml") if before.get(p.name) != p.read_bytes()}
    assert changed and len(changed) < len(versions), "the edit should change some API versions, not all"
    assert sorted(rendered) == sorted(changed | {versions[-1]})  # the rest came from the last regeneration
    assert b"edited by hand" not in edited.read_bytes()

    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")
    assert _regenerate(full, monkeypatch, force=True) == 0
    assert _tree(incremental) == _tree(full)
