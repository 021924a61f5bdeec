"""The diff on the real specs, against change lists written by reading the documentation pages.

- virtualserver 1.0 -> 1.1 (page 002): every operation documented for both versions has the same parameters, body
  and responses on both pages (only the ``Scp-Api-Version`` example header and some example timestamps differ:
  Create Volume, Extend Volume, List Auto-Scaling Group Virtual Servers, List Virtual Servers, List volumes, Show
  Virtual Server, Show Volume's details, Update Virtual Server, Update Volume); "Attach/Detach Virtual Server
  Security Group" (002:198, 002:3633) exist only as 1.0 pages, so 1.1 drops them; 1.0 is DEPRECATED until
  20251231; the 1.1 pages of 002 say CURRENT, but the later capture 004 (004:219-224) says version 1.1 is
  DEPRECATED with sunset 20260531, so the 1.1 spec's version status and sunset follow 004 while its operations
  keep their own pages' status (CURRENT), except Create Image, which 004 documents.
- Create Image, 002 vs 004 (the later capture): 004 documents new versions 1.3 (CURRENT) and 1.2 (SUPPORTED),
  deprecates 1.1 with sunset 2026-05-31, and its 1.3/1.2 responses carry ``scp_gpu_driver`` (004:94, 004:196).

The committed ``spec/`` holds the build of all pages (002 and 004); the 002-only build is made here with
:func:`scraper.build.build_specs`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import PageInput, build_specs
from scraper.cli import main
from scraper.diff.compare import compare
from tests.paths import ROOT

SPEC = ROOT / "spec" / "scp" / "virtualserver"
CREATE_IMAGE = "POST /v1/images"
STATUS_KINDS = {"operation-status-changed", "operation-sunset-removed", "operation-undeprecated"}


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def operations(document: dict[str, Any]) -> set[str]:
    return {f"{m.upper()} {p}" for p, item in document["paths"].items() for m in item if m != "parameters"}


@pytest.fixture(scope="module")
def capture_002(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """virtualserver built from page 002 alone (the earlier capture)."""
    out = tmp_path_factory.mktemp("spec002")
    page = PageInput(
        name="pages/scp/002_49177f4cbb07641e.txt",
        path=ROOT / "pages" / "scp" / "002_49177f4cbb07641e.txt",
        provider="scp",
        format="text",
        covers="service",
        capture=1,
        services=("virtualserver",),
    )
    report = build_specs([page], out)
    assert report.errors == []
    return out / "scp" / "virtualserver"


def test_virtualserver_1_0_to_1_1() -> None:
    old, new = load(SPEC / "1.0.yaml"), load(SPEC / "1.1.yaml")
    changes = compare(old, new)
    significant = [(c.kind, c.severity, c.operation) for c in changes if c.severity != "info"]
    # both were deprecated with the version (sunset 2025-12-31); without a reference date a sunset never counts
    # as passed, so the package changelog calls the vanished methods breaking
    assert significant == [
        ("operation-removed-before-sunset", "breaking", "POST /v1/servers/{server_id}/security-groups"),
        (
            "operation-removed-before-sunset",
            "breaking",
            "DELETE /v1/servers/{server_id}/security-groups/{security_group_id}",
        ),
    ]
    after = [(c.kind, c.severity) for c in compare(old, new, today=date(2026, 1, 1)) if c.severity != "info"]
    assert after == [("operation-removed-after-sunset", "deprecation")] * 2
    before = [(c.kind, c.severity) for c in compare(old, new, today=date(2025, 12, 30)) if c.severity != "info"]
    assert before == [("operation-removed-before-sunset", "breaking")] * 2
    document_level = {(c.kind, c.location, str(c.old), str(c.new)) for c in changes if c.operation is None}
    assert ("version-header-value-changed", "info.x-api-version-header", "virtualserver 1.0", "virtualserver 1.1") in (
        document_level
    )
    assert ("api-version-changed", "info.version", "1.0", "1.1") in document_level
    assert ("sunset-moved-later", "info.x-sunset", "2025-12-31", "2026-05-31") in document_level
    assert not any(kind == "api-status-changed" for kind, *_ in document_level)  # DEPRECATED in both
    assert (
        "schema-removed",
        "components.schemas.ServerSecurityGroupActionRequestBody",
        "ServerSecurityGroupActionRequestBody",
        "None",
    ) in document_level

    common = operations(old) & operations(new)
    assert len(common) == 110
    undeprecated = {c.operation for c in changes if c.kind == "operation-undeprecated"}
    assert undeprecated == common - {CREATE_IMAGE}
    per_operation = {(c.operation, c.kind) for c in changes if c.operation in common}
    assert {k for _, k in per_operation} <= STATUS_KINDS | {"operation-sunset-moved-later"}
    sunset = [c for c in changes if c.operation == CREATE_IMAGE]
    assert [(c.kind, c.old, c.new) for c in sunset] == [("operation-sunset-moved-later", "2025-12-31", "2026-05-31")]

    examples = {c.operation for c in compare(old, new, docs=True) if c.kind == "example-changed"}
    assert examples == {
        "POST /v1/volumes",  # Create Volume
        "PUT /v1/volumes/{volume_id}/size",  # Extend Volume
        "GET /v1/auto-scaling-groups/{auto_scaling_group_id}/virtual-servers",
        "GET /v1/servers",  # List Virtual Servers
        "GET /v1/volumes",  # List volumes and details
        "GET /v1/servers/{server_id}",  # Show Virtual Server
        "GET /v1/volumes/{volume_id}",  # Show Volume's details
        "PUT /v1/servers/{server_id}",  # Update Virtual Server
        "PUT /v1/volumes/{volume_id}",  # Update Volume
    }


def test_virtualserver_version_diff_through_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    argv = ["diff", "scp/virtualserver@1.0", "scp/virtualserver@1.1", "--fail-on", "breaking"]
    assert main([*argv, "--today", "2025-06-01"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("scp/virtualserver@1.0 -> scp/virtualserver@1.1: 2 breaking, 0 deprecation,")
    assert main([*argv, "--today", "2026-06-01"]) == 0  # past the 2025-12-31 sunset: the end of a deprecation
    out = capsys.readouterr().out
    assert out.startswith("scp/virtualserver@1.0 -> scp/virtualserver@1.1: 0 breaking, 2 deprecation,")


def test_create_image_capture_change(capture_002: Path) -> None:
    assert sorted(p.name for p in capture_002.glob("*.yaml")) == ["1.0.yaml", "1.1.yaml"]
    assert {"1.2.yaml", "1.3.yaml"} <= {p.name for p in SPEC.glob("*.yaml")}

    old, new = load(capture_002 / "1.1.yaml"), load(SPEC / "1.1.yaml")
    changes = [(c.kind, c.severity, c.operation, c.location, c.new) for c in compare(old, new)]
    assert changes == [
        ("api-status-deprecated", "deprecation", None, "info.x-api-status", "DEPRECATED"),
        ("sunset-set", "deprecation", None, "info.x-sunset", "2026-05-31"),
        ("version-date-moved-earlier", "deprecation", None, "info.x-versions[1.1].date", "2026-05-31"),
        ("version-status-deprecated", "deprecation", None, "info.x-versions[1.1].status", "DEPRECATED"),
        (
            "version-listed",
            "info",
            None,
            "info.x-versions[1.2]",
            {"version": "1.2", "status": "SUPPORTED", "date": "2026-08-31"},
        ),
        ("version-listed", "info", None, "info.x-versions[1.3]", {"version": "1.3", "status": "CURRENT"}),
        # 002 alone documents no endpoint and, built alone, has no other SCP service to infer one from
        (
            "server-added",
            "non-breaking",
            None,
            "servers",
            "https://virtualserver.{region}.{environment}.samsungsdscloud.com",
        ),
        ("operation-deprecated", "deprecation", CREATE_IMAGE, "deprecated", True),
        ("operation-status-deprecated", "deprecation", CREATE_IMAGE, "x-api-status", "DEPRECATED"),
        ("operation-sunset-set", "deprecation", CREATE_IMAGE, "x-sunset", "2026-05-31"),
    ]


@pytest.mark.parametrize(
    ("version", "sunset"),
    [("1.2", [("operation-sunset-set", "deprecation", "x-sunset")]), ("1.3", [])],  # 1.2: Supported Until 20260831
)
def test_create_image_response_gains_scp_gpu_driver(capture_002: Path, version: str, sunset: list[Any]) -> None:
    old, new = load(capture_002 / "1.1.yaml"), load(SPEC / f"{version}.yaml")
    create_image = [
        (c.kind, c.severity, c.location)
        for c in compare(old, new)
        if c.operation == CREATE_IMAGE and c.severity != "info"
    ]
    assert create_image == [("response-property-added", "non-breaking", "response.200.body.scp_gpu_driver"), *sunset]


def _corpus_documents() -> list[Path]:
    """The generator's public corpus: OpenAPI 3 documents and Swagger 2.0 ones (``diff`` converts those first, as
    the generator does)."""
    corpus = ROOT / "tests" / "fixtures" / "openapi" / "corpus"
    return sorted(p for p in corpus.iterdir() if p.suffix in (".yaml", ".json"))


def test_two_swagger_2_documents_compare_as_the_generator_reads_them(tmp_path: Path) -> None:
    """Two releases of a Swagger 2.0 API: ``diff`` said "expected an OpenAPI 3.0/3.1 document" for both."""
    from scraper.diff.refs import parse_document

    petstore = ROOT / "tests" / "fixtures" / "openapi" / "corpus" / "rdm-swagger2-petstore.yaml"
    text = petstore.read_text(encoding="utf-8")
    old = parse_document(text, source=petstore.name, argument="OLD")
    assert old["openapi"].startswith("3.0") and old["paths"]
    document = yaml.safe_load(text)
    path, item = next(iter(document["paths"].items()))
    method = next(m for m in item if m in ("get", "put", "post", "delete", "patch"))
    del item[method]
    new = parse_document(yaml.safe_dump(document), source="next.yaml", argument="NEW")
    changes = compare(old, new, today=date(2026, 1, 1))
    assert [(c.kind, c.operation) for c in changes if c.kind == "operation-removed"] == [
        ("operation-removed", f"{method.upper()} {path}")
    ]


@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: p.name)
def test_any_public_document_compares_with_itself_and_its_neighbour(path: Path) -> None:
    """The generator's public corpus through ``diff``: a document is unchanged against itself, and against any other
    document the comparison finishes. Mermade's extensionsEverywhere (``x-`` keys of any value beside responses,
    media types and headers) was an AttributeError traceback."""
    from scraper.diff.refs import parse_document

    documents = _corpus_documents()
    old = parse_document(path.read_text(encoding="utf-8"), source=path.name, argument="OLD")
    assert compare(old, old, today=date(2026, 1, 1)) == []
    neighbour = documents[(documents.index(path) + 1) % len(documents)]
    new = parse_document(neighbour.read_text(encoding="utf-8"), source=neighbour.name, argument="NEW")
    changes = compare(old, new, today=date(2026, 1, 1))
    assert not any(" x-" in (change.operation or "") for change in changes)  # `x-...` under paths is not a path
