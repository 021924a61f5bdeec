"""Shared fixtures: one build of every SCP spec per test session.

Building the 16 SCP specs costs seconds; most of it is OpenAPI validation (~1.5 s per spec). The session build
therefore skips the build's own validation step, and ``tests/build/test_scp_specs.py`` validates each written spec
exactly once with openapi-spec-validator, so a spec that would fail validation is still caught (the build would
have withheld it; here it is written and the validation test fails).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import scraper.build.workers
from scraper.build import BuildReport, build_specs, catalog_pages
from scraper.catalog import load_catalog
from tests.paths import ROOT, TESTS

#: tests/fixtures holds pages, specs and packages used as inputs (a fixture package has its own tests): not this
#: suite's tests.
collect_ignore_glob = ["fixtures/*"]

CATALOG = ROOT / "pages" / "catalog.toml"

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Generation in tests (in this process and in the CLI subprocesses it starts) never reads or fills the user's
# formatting cache: every test formats for real. tests/clients/test_formatting.py tests the cache explicitly.
os.environ["DOCS2CLIENT_CACHE_DIR"] = "off"


@dataclass(slots=True)
class ScpBuild:
    """The written tree of a full SCP build, with its specs and findings loaded."""

    out: Path
    report: BuildReport
    #: (service, version) -> OpenAPI document as loaded from the written YAML
    specs: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    #: service -> findings.json payload
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def service_dir(self, service: str) -> Path:
        return self.out / "scp" / service


def _skip_validation(spec: dict[str, Any]) -> str:
    """Stands in for ``validate_spec`` during the session build (module level, so a process pool can pickle it)."""
    return ""


@pytest.fixture(scope="session")
def scp_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScpBuild]:
    """Every SCP page of ``pages/catalog.toml`` built once into a temporary ``spec`` tree (validation skipped)."""
    yield build_scp_specs(tmp_path_factory.mktemp("spec"))


def build_scp_specs(out: Path) -> ScpBuild:
    """Every SCP page of ``pages/catalog.toml`` built into ``out`` (validation skipped): the session build, and the
    build ``python -m tests.goldens`` takes the build goldens from."""
    pages = [p for p in catalog_pages(load_catalog(CATALOG)) if p.provider == "scp"]
    # Page names in x-source are "pages/<file>" relative to the project root, as in the committed specs.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scraper.build.workers, "validate_spec", _skip_validation)
        report = build_specs(pages, out)
    build = ScpBuild(out=out, report=report)
    for service_dir in sorted((out / "scp").iterdir()):
        for spec_file in sorted(service_dir.glob("*.yaml")):
            build.specs[(service_dir.name, spec_file.stem)] = yaml.load(spec_file.read_bytes(), Loader=_Loader)
        build.findings[service_dir.name] = json.loads((service_dir / "findings.json").read_text(encoding="utf-8"))
    return build


def runtime_support() -> ModuleType:
    """``tests/runtime/test_support.py`` (the runtime loader and fake servers), loaded once for the runtime tests."""
    name = "docs2client_runtime_test_support"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TESTS / "runtime" / "test_support.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


def pytest_configure(config: pytest.Config) -> None:
    """Load the runtime under test in every process, the xdist controller included: a warning whose category is a
    runtime class (``InsecureUrlWarning``) is sent from a worker by its module name and rebuilt by importing it."""
    runtime_support().load_runtime()
