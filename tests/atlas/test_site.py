"""docs2client atlas: the site built from the committed spec/ and from small specs made here (the browser test is
tests/atlas/test_browser.py)."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

import markupsafe
import pytest
import yaml

from scraper.atlas.model import build_atlas
from scraper.atlas.render import render_site
from scraper.atomic import MANIFEST
from scraper.cli import main
from tests.atlas.atlas_site import (
    bars,
    dated_deprecations,
    internal_link_targets,
    matrix_cells,
    read_page,
    spec_versions,
)
from tests.paths import ROOT

TODAY = "2026-06-15"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("atlas") / "site"
    code = main(
        [
            *("atlas", "--out", str(out), "--spec-dir", str(ROOT / "spec")),
            *("--generated-dir", str(ROOT / "generated"), "--today", TODAY),
        ]
    )
    assert code == 0
    return out


def test_home_shows_every_service_and_version_of_the_specs(site: Path) -> None:
    home = read_page((site / "index.html").read_text(encoding="utf-8"))
    expected = {(f"{p}/{s}", v) for p, s, v in spec_versions(ROOT / "spec")}
    assert len(expected) > 20
    assert matrix_cells(home) == expected


def test_timeline_has_one_bar_per_dated_deprecation(site: Path) -> None:
    home = read_page((site / "index.html").read_text(encoding="utf-8"))
    expected = sorted(sunset for *_, sunset in dated_deprecations(ROOT / "spec"))
    assert expected, "the committed specs have deprecated versions with sunsets"
    assert sorted(b["data-sunset"] for b in bars(home)) == expected
    # today is marked, and bars before it are drawn as passed
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f"today {TODAY}" in html
    assert all(("past" in b["class"]) == (b["data-sunset"] < TODAY) for b in bars(home))


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    links = internal_link_targets(site)
    assert len(links) > 100
    missing = [(str(page.relative_to(site)), link) for page, link, target, _ in links if not target.is_file()]
    assert missing == []
    anchors = [
        (str(page.relative_to(site)), link)
        for page, link, target, fragment in links
        if fragment and target.suffix == ".html" and fragment not in read_page(target.read_text("utf-8")).ids
    ]
    assert anchors == []
    assert all(target.resolve().is_relative_to(site.resolve()) for _, _, target, _ in links)


def test_service_page_has_operations_versions_package_and_diffs(site: Path) -> None:
    page = (site / "scp" / "virtualserver" / "index.html").read_text(encoding="utf-8")
    version = (ROOT / "generated" / "scp-virtualserver" / "pyproject.toml").read_text("utf-8")
    package_version = next(line.split('"')[1] for line in version.splitlines() if line.startswith("version"))
    assert f"pip install scp-virtualserver=={package_version}" in page
    changelog = (ROOT / "generated" / "scp-virtualserver" / "CHANGELOG.md").read_text("utf-8")
    latest = changelog.split(f"## {package_version}\n", 1)[1].split("\n## ", 1)[0].strip()
    assert f'<pre class="changelog">{markupsafe.escape(latest)}</pre>' in page
    assert "client.create_image()" in page  # the generated method, found in the generated client
    assert 'href="https://docs.e.samsungsdscloud.com/' in page  # x-source.url of the operations
    for old, new in (("1.0", "1.1"), ("1.1", "1.2"), ("1.2", "1.3")):
        assert f'href="diff-{old}-to-{new}.html"' in page
    reader = read_page(page)
    assert any(tag == "th" and attrs.get("scope") == "row" for tag, attrs in reader.elements)


def test_diff_page_groups_the_project_diff_by_severity(site: Path) -> None:
    page = (site / "scp" / "virtualserver" / "diff-1.0-to-1.1.html").read_text(encoding="utf-8")
    assert '<h2 id="deprecation">Deprecations (2)</h2>' in page
    assert (
        page.count("operation-removed-after-sunset") == 2
        and "<h3>POST /v1/servers/{server_id}/security-groups</h3>" in page
    )


def test_findings_page_has_one_details_per_kind(site: Path) -> None:
    import json

    findings = json.loads((ROOT / "spec" / "scp" / "virtualserver" / "findings.json").read_text("utf-8"))
    page = read_page((site / "scp" / "virtualserver" / "findings.html").read_text(encoding="utf-8"))
    details = [attrs["id"] for tag, attrs in page.elements if tag == "details"]
    assert details == [f"kind-{k}" for k in sorted(findings["counts"])]
    links = [link for link in page.links if link.startswith("#")]
    assert links == [f"#findings-{k}" for k in sorted(findings["counts"])]
    rows = sum(1 for tag, _ in page.elements if tag == "tr") - len(details)  # one header row per kind
    assert rows == len(findings["findings"])


def test_pages_are_accessible_tables_and_labelled_colours(site: Path) -> None:
    """Every table header says what it heads (scope), every page has one h1, and every status colour carries its
    status as text."""
    statuses = {"CURRENT", "SUPPORTED", "DEPRECATED", "PLANNED"}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        reader = read_page(html)
        assert all(attrs.get("scope") in ("col", "row") for tag, attrs in reader.elements if tag == "th"), page
        assert sum(1 for tag, _ in reader.elements if tag == "h1") == 1, page
        assert '<html lang="en">' in html and "<script" not in html
    home = (site / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<span class="status status-([a-z]+)">([^<]*)</span>', home)
    assert len(labels) > 30  # the legend and one per matrix cell
    assert all(text == colour.upper() and text in statuses for colour, text in labels)
    assert "@media print" in (site / "atlas.css").read_text(encoding="utf-8")


def test_output_is_deterministic_and_has_no_timestamp() -> None:
    today = _dt.date(2026, 1, 2)
    first = render_site(build_atlas(ROOT / "spec", ROOT / "generated", today=today))
    second = render_site(build_atlas(ROOT / "spec", ROOT / "generated", today=today))
    assert first == second
    real_today = _dt.date.today().isoformat()
    if real_today != today.isoformat():
        assert not any(real_today.encode() in body for body in first.values())


# ---- small specs made here ---------------------------------------------------------------------------------------


def _spec(version: str, status: str, sunset: str | None, operations: dict[str, dict[str, Any]]) -> dict[str, Any]:
    info: dict[str, Any] = {"title": "Toy API", "version": version, "x-api-status": status}
    if sunset:
        info["x-sunset"] = sunset
    paths: dict[str, Any] = {}
    for key, op in operations.items():
        method, path = key.split(" ")
        paths.setdefault(path, {})[method] = {"responses": {"200": {"description": "ok"}}, **op}
    return {"openapi": "3.1.0", "info": info, "paths": paths}


def _write(spec_dir: Path, provider: str, service: str, doc: dict[str, Any]) -> None:
    folder = spec_dir / provider / service
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc['info']['version']}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


def test_hostile_doc_text_is_escaped_and_unsafe_urls_are_not_linked(tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    op = {
        "operationId": "<script>alert(1)</script>",
        "x-source": {"page": "p.md", "url": "javascript:alert(1)"},
    }
    _write(spec_dir, "acme", "toy", _spec("1.0", "CURRENT", None, {"get /things": op}))
    site = render_site(build_atlas(spec_dir, tmp_path / "generated", today=_dt.date(2026, 1, 1)))
    body = site["acme/toy/index.html"].decode()
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "javascript:" not in body


def test_operation_deprecated_alone_gets_its_own_bar_and_diff_says_so(tmp_path: Path) -> None:
    spec_dir = tmp_path / "spec"
    old = _spec("1.0", "CURRENT", None, {"get /a": {"operationId": "getA"}, "get /b": {"operationId": "getB"}})
    deprecated = {"operationId": "getA", "deprecated": True, "x-api-status": "DEPRECATED", "x-sunset": "2026-09-30"}
    new = _spec("1.1", "CURRENT", None, {"get /a": deprecated})
    _write(spec_dir, "acme", "toy", old)
    _write(spec_dir, "acme", "toy", new)
    atlas = build_atlas(spec_dir, tmp_path / "generated", today=_dt.date(2026, 1, 1))
    assert [(b.version, b.operation, b.sunset.isoformat()) for b in atlas.bars] == [("1.1", "getA", "2026-09-30")]
    diff = render_site(atlas)["acme/toy/diff-1.0-to-1.1.html"].decode()
    assert '<h2 id="breaking">Breaking (1)</h2>' in diff and "<h3>GET /b</h3>" in diff
    assert '<h2 id="deprecation">Deprecations (1)</h2>' in diff and "<h3>GET /a</h3>" in diff


def test_a_bad_spec_is_named_and_the_other_services_still_render(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_dir = tmp_path / "spec"
    _write(spec_dir, "acme", "good", _spec("1.0", "CURRENT", None, {"get /a": {"operationId": "getA"}}))
    bad = spec_dir / "acme" / "bad" / "1.0.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("openapi: [unclosed\n", encoding="utf-8")
    out = tmp_path / "site"
    code = main(["atlas", "--out", str(out), "--spec-dir", str(spec_dir), "--today", "2026-01-01"])
    err = capsys.readouterr().err
    assert code == 1
    assert str(bad) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (out / "acme" / "good" / "index.html").is_file()


def test_output_folder_is_refused_when_foreign_and_pruned_when_ours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_dir = tmp_path / "spec"
    _write(spec_dir, "acme", "one", _spec("1.0", "CURRENT", None, {"get /a": {"operationId": "getA"}}))
    _write(spec_dir, "acme", "two", _spec("1.0", "CURRENT", None, {"get /a": {"operationId": "getA"}}))
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    args = ["atlas", "--spec-dir", str(spec_dir), "--today", "2026-01-01", "--out"]
    assert main([*args, str(foreign)]) == 2
    assert "not an output of docs2client" in capsys.readouterr().err
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]

    out = tmp_path / "site"
    assert main([*args, str(out)]) == 0
    (out / "keep.txt").write_text("someone's file", encoding="utf-8")
    assert "acme/two/index.html" in (out / MANIFEST).read_text(encoding="utf-8")
    for page in (spec_dir / "acme" / "two").iterdir():
        page.unlink()
    assert main([*args, str(out)]) == 0
    assert not (out / "acme" / "two" / "index.html").exists()
    assert (out / "acme" / "one" / "index.html").is_file() and (out / "keep.txt").is_file()


def test_make_regenerate_does_not_depend_on_the_atlas(tmp_path: Path) -> None:
    """The atlas's code and templates are not part of the regenerate hash: changing them rebuilds nothing."""
    from scraper.regenerate.stamp import tool_hash

    for rel in ("scraper/build.py", "scraper/atlas/model.py", "templates/atlas/index.html.j2"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# one\n", encoding="utf-8")
    before = tool_hash(tmp_path)
    (tmp_path / "scraper/atlas/model.py").write_text("# two\n", encoding="utf-8")
    (tmp_path / "templates/atlas/index.html.j2").write_text("two\n", encoding="utf-8")
    assert tool_hash(tmp_path) == before
    (tmp_path / "scraper/build.py").write_text("# two\n", encoding="utf-8")
    assert tool_hash(tmp_path) != before


def test_bad_findings_and_package_metadata_are_named_and_the_service_still_shows(tmp_path: Path) -> None:
    spec_dir, generated = tmp_path / "spec", tmp_path / "generated"
    _write(spec_dir, "acme", "toy", _spec("1.0", "CURRENT", None, {"get /a": {"operationId": "getA"}}))
    (spec_dir / "acme" / "toy" / "findings.json").write_text('{"findings": [{"no": "kind"}]}', encoding="utf-8")
    (generated / "acme-toy").mkdir(parents=True)
    (generated / "acme-toy" / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    atlas = build_atlas(spec_dir, generated, today=_dt.date(2026, 1, 1))
    assert [s.name for s in atlas.services] == ["toy"]
    assert len(atlas.errors) == 2
    assert "findings.json: findings[0]: expected an object with a 'kind'" in atlas.errors[1]
    assert atlas.errors[0].startswith(f"{generated / 'acme-toy' / 'pyproject.toml'}: expected a readable")
    assert "acme/toy/index.html" in render_site(atlas)
