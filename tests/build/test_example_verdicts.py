"""Example checks remembered by content (``scraper.example_verdicts``): a key changes with everything a verdict
depends on and nothing else, what cannot be keyed is checked every time, and both checkers (the spec build's and
the package IR's) give the same results from remembered verdicts as from checking."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import scraper.build.examples
import scraper.clients.ir
from scraper.build import PageInput, build_specs
from scraper.cache_files import read_entry, write_entry
from scraper.clients.ir import build_package
from scraper.example_verdicts import ExampleVerdicts
from tests.paths import PAGES, ROOT

DEMO = ROOT / "tests" / "fixtures" / "openapi" / "scp" / "demoserver"

COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Server": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "disk": {"$ref": "#/components/schemas/Disk"}},
        },
        "Disk": {"type": "object", "properties": {"size": {"type": "integer"}}},
        "Unrelated": {"type": "string"},
        "a/b": {"type": "integer"},
    }
}
SERVER = {"$ref": "#/components/schemas/Server"}
#: A page whose documented examples contradict their tables (filestorage's example-mismatch findings)
PAGE = PageInput(
    name="pages/scp/001_dc092d8be0253ee9.txt",
    path=PAGES / "scp/001_dc092d8be0253ee9.txt",
    provider="scp",
    format="text",
    url="https://docs.example/storage",
    services=("archivestorage", "backup", "baremetal-blockstorage", "filestorage", "parallel-filestorage"),
    capture=2,
)


def _key(components: dict[str, Any], instance: Any, schema: Any, flavor: str = "3.1") -> str | None:
    return ExampleVerdicts(None, components, flavor).key(instance, schema)


def _changed(path: list[str], value: Any) -> dict[str, Any]:
    components: dict[str, Any] = json.loads(json.dumps(COMPONENTS))
    target = components
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return components


def test_a_key_changes_with_what_the_schema_reaches_and_nothing_else() -> None:
    base = _key(COMPONENTS, {"id": "a"}, SERVER)
    assert base is not None and base == _key(COMPONENTS, {"id": "a"}, SERVER)
    # transitively referenced: Server -> Disk
    assert _key(_changed(["schemas", "Disk", "properties", "size"], {"type": "string"}), {"id": "a"}, SERVER) != base
    assert _key(_changed(["schemas", "Unrelated"], {"type": "integer"}), {"id": "a"}, SERVER) == base
    assert _key(COMPONENTS, {"id": "b"}, SERVER) != base
    assert _key(COMPONENTS, {"id": "a"}, SERVER, flavor="3.0") != base
    assert _key(COMPONENTS, 1, {"type": "integer"}) != _key(COMPONENTS, 1.0, {"type": "integer"})
    assert _key(COMPONENTS, True, {"type": "integer"}) != _key(COMPONENTS, 1, {"type": "integer"})
    # key order is part of the content (a validator's first error can depend on it)
    assert _key(COMPONENTS, {"a": 1, "b": 2}, {"type": "object"}) != _key(
        COMPONENTS, {"b": 2, "a": 1}, {"type": "object"}
    )
    assert _key(COMPONENTS, 1, {"$ref": "#/components/schemas/a~1b"}) is not None  # JSON-pointer escapes


@pytest.mark.parametrize(
    ("instance", "schema"),
    [
        (datetime.date(2024, 1, 1), {"type": "string"}),  # not plain JSON: would read back as another value
        ({1: "a"}, {"type": "object"}),  # an integer key
        (float("nan"), {"type": "number"}),
        ("x", {"$ref": "#/paths/~1servers/get"}),  # reaches outside the components
        ("x", {"$ref": "#/components/schemas/Missing"}),
        ("x", {"$ref": "#anchor"}),
        ("x", {"$dynamicRef": "#meta"}),
        ("x", {"$ref": "https://example.test/schema.json"}),
    ],
)
def test_what_cannot_be_keyed_is_never_remembered(instance: Any, schema: Any) -> None:
    assert _key(COMPONENTS, instance, schema) is None


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(folder))
    yield folder


def _verdict_files(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "example-verdicts").glob("*/*/*") if p.is_file())


def _findings(out: Path) -> list[dict[str, Any]]:
    data = json.loads((out / "scp/filestorage/findings.json").read_text(encoding="utf-8"))
    findings: list[dict[str, Any]] = data["findings"] if isinstance(data, dict) else data
    return [f for f in findings if f["kind"] == "example-mismatch"]


def test_the_spec_build_reports_the_same_mismatches_from_remembered_verdicts(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not build_specs([PAGE], tmp_path / "first").errors
    checked = _findings(tmp_path / "first")
    assert checked, "the page documents examples that do not match their tables"
    assert _verdict_files(cache)

    def no_checking(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an example was checked again although nothing it depends on changed")

    monkeypatch.setattr(scraper.build.examples, "check_example", no_checking)
    assert not build_specs([PAGE], tmp_path / "second").errors
    assert _findings(tmp_path / "second") == checked


def test_a_torn_or_misshapen_verdicts_file_is_checked_again(cache: Path, tmp_path: Path) -> None:
    assert not build_specs([PAGE], tmp_path / "first").errors
    checked = _findings(tmp_path / "first")
    files = _verdict_files(cache)
    for path in files:  # a valid checksum, verdicts of the wrong shape
        verdicts = json.loads(read_entry(path) or b"{}")
        write_entry(path, json.dumps({key: "not a list of issues" for key in verdicts}).encode())
    assert not build_specs([PAGE], tmp_path / "second").errors
    assert _findings(tmp_path / "second") == checked
    for path in files:  # a torn file
        path.write_bytes(path.read_bytes()[:-5])
    assert not build_specs([PAGE], tmp_path / "third").errors
    assert _findings(tmp_path / "third") == checked


def _demo_package() -> Any:
    files = sorted(DEMO.glob("*.yaml"))
    specs = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    findings = json.loads((DEMO / "findings.json").read_text(encoding="utf-8"))
    findings = findings["findings"] if isinstance(findings, dict) else findings
    return build_package(specs, findings=findings, source_names=[str(p) for p in files])


def _examples(pkg: Any) -> list[Any]:
    out = []
    for v in pkg.versions:
        for op in v.operations:
            out.append((v.version, op.operation_id, op.response_example, op.body.example if op.body else None))
            out.extend((v.version, op.operation_id, p.wire_name, p.example) for p in op.params)
    return out


def test_the_package_ir_gives_the_same_examples_from_remembered_verdicts(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")
    unremembered = _examples(_demo_package())
    checks = [item for row in unremembered for item in row if isinstance(item, scraper.clients.ir.ExampleCheck)]
    assert any(check.problem for check in checks), "the fixture has examples that do not match their schemas"
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(cache))
    assert _examples(_demo_package()) == unremembered
    assert _verdict_files(cache)

    def no_checking(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an example was checked again although nothing it depends on changed")

    monkeypatch.setattr(scraper.clients.ir, "_checked_error", no_checking)
    assert _examples(_demo_package()) == unremembered


def test_a_request_example_the_models_repair_is_judged_from_remembered_verdicts_too(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body example whose finding names its mismatch is also asked whether the models repair it (``1`` for a
    boolean); that answer is remembered as well, so a regeneration whose edit touches no example never runs the
    validator (it did, importing openapi-schema-validator on every virtualserver rebuild, ~0.3 s)."""
    from tests.clients.test_contract_expectations import _FINDINGS, _INSTANCES

    def body_examples() -> list[Any]:
        pkg = build_package([_INSTANCES], findings=_FINDINGS, source_names=["v2.yaml"])
        return [op.body.example for v in pkg.versions for op in v.operations if op.body]

    first = body_examples()
    repaired = [check for check in first if check.problem and check.known is False]
    assert repaired, "the fixture has a body example the models repair"

    def no_checking(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an example was checked again although nothing it depends on changed")

    monkeypatch.setattr(scraper.clients.ir, "_example_errors", no_checking)
    assert body_examples() == first
