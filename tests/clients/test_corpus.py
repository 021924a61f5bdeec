"""Acceptance corpus of ``docs2client generate`` (issue 14): public OpenAPI documents plus a minimal spec per item.

For every document: it generates; the package installs into a fresh venv and imports; ruff and ``mypy --strict``
pass (one run each over all packages, which is much faster than one per package); every operation whose spec has a
request body has a ``body`` argument; every operation with a typed 2xx response returns that type (not ``None``);
every operation has at least one contract test case, and all of them pass. Documents that cannot make a package give
a one-line error naming the file. Sources of the public documents: ``fixtures/openapi/corpus/README.md``.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest

from scraper import swagger_conversion
from scraper.clients import ir
from scraper.clients.command import PackageJob, generate_services, load_spec
from scraper.clients.report import PackageReport
from tests import paths
from tests.runtime import runtime_api

FIXTURES = paths.FIXTURES / "openapi"
CORPUS = FIXTURES / "corpus"
MINIMAL = [
    "xoperations",
    "refs",
    "params",
    "names",
    "bodies",
    "typing",
    "robust",
    "nullable31",
    "swagger2",
    "multifile",
    "auth",
    "openapi31",
]
BIN = Path(sys.executable).parent


def documents() -> list[Path]:
    public = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json"))
    minimal = [next(iter(sorted((FIXTURES / name).glob("*.yaml")))) for name in MINIMAL]
    return public + minimal


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, PackageReport]]:
    root = tmp_path_factory.mktemp("corpus")
    docs = documents()
    jobs = [PackageJob([doc], root / f"{doc.parent.name}-{doc.stem}") for doc in docs]
    reports: list[PackageReport] = []
    generate_services(jobs, reports)
    return root, {job.out.name: report for job, report in zip(jobs, reports, strict=True)}


def _packages(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "pyproject.toml").is_file())


def _import_dir(package: Path) -> Path:
    return next(p for p in package.iterdir() if (p / "py.typed").is_file())


def test_every_document_generates_with_a_distinct_package(built: tuple[Path, dict[str, PackageReport]]) -> None:
    root, reports = built
    assert len(_packages(root)) == len(documents())
    names = [r.distribution for r in reports.values()]
    assert len(set(names)) == len(names), names
    assert reports["corpus-opc-bad-status-code"].warnings, "an invalid status code must be reported"
    assert any("always required" in w for w in reports["corpus-opc-optional-path-param"].warnings)
    assert any("default" in w for w in reports["corpus-opc-invalid-uuid-defaults"].warnings)
    assert any(
        "'test' is not in the path; taken as {test2}" in w
        for w in reports["corpus-mermade-missing-path-param"].warnings
    )
    assert sum("is not sent" in w for w in reports["corpus-rdm-parameters-style"].warnings) >= 2  # #fragments


@pytest.mark.parametrize("name", ["opc-circular-body-ref.yaml", "opc-missing-body-ref.yaml"])
def test_documents_that_cannot_make_a_package_fail_with_one_located_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from scraper.cli import main

    source = CORPUS / "errors" / name
    assert main(["generate", "--spec", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {source}: /paths/~1/post: requestBody: $ref") and "\n" not in err
    assert not (tmp_path / "out").exists()


def test_ruff_and_mypy_strict_over_every_package(built: tuple[Path, dict[str, PackageReport]]) -> None:
    root, _ = built
    packages = _packages(root)
    ruff = _run([str(BIN / "ruff"), "check", "--no-cache", *map(str, packages)])
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    env = {
        **os.environ,
        "MYPYPATH": os.pathsep.join(map(str, packages)),
        "MYPY_CACHE_DIR": str(root / ".mypy-cache"),
    }
    targets = [str(_import_dir(p)) for p in packages]
    config = packages[0] / "pyproject.toml"  # every generated package has the same mypy settings
    mypy = _run([sys.executable, "-m", "mypy", "--config-file", str(config), *targets], env=env, cwd=root)
    assert mypy.returncode == 0, mypy.stdout[-5000:] + mypy.stderr


def _client_functions(package: Path) -> dict[str, ast.FunctionDef]:
    out: dict[str, ast.FunctionDef] = {}
    for client in _import_dir(package).glob("*/client.py"):
        tree = ast.parse(client.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Client"):
            for fn in cls.body:
                if isinstance(fn, ast.FunctionDef):
                    out[f"{client.parent.name}.{fn.name}"] = fn
    return out


def test_bodies_are_arguments_and_typed_responses_are_returned(built: tuple[Path, dict[str, PackageReport]]) -> None:
    root, _ = built
    checked = 0
    for doc_path in documents():
        package = root / f"{doc_path.parent.name}-{doc_path.stem}"
        functions = _client_functions(package)
        pkg = ir.build_package([load_spec(doc_path)], source_names=[str(doc_path)])
        doc = load_spec(doc_path)
        if swagger_conversion.is_swagger(doc):  # the operations as the generator read them
            doc = swagger_conversion.convert_swagger(doc, str(doc_path))[0]
        for version in pkg.versions:
            for op in version.operations:
                fn = functions[f"{version.module}.{op.method_name}"]
                raw = _raw_operation(doc, op)
                if raw.get("requestBody") is not None:
                    assert "body" in [a.arg for a in fn.args.kwonlyargs], f"{doc_path.name}: {op.method_name}"
                if _has_typed_2xx(doc, raw):
                    returns = ast.unparse(fn.returns) if fn.returns else "None"
                    assert returns != "None", f"{doc_path.name}: {op.method_name} returns None"
                checked += 1
    assert checked > 150


def _raw_operation(doc: dict[str, Any], op: ir.OperationIR) -> dict[str, Any]:
    from scraper.clients import refs

    for path, item in doc.get("paths", {}).items():
        if path.split("#")[0].split("?")[0] != op.path:  # a fixed query string or a fragment is no part of it
            continue
        resolved = refs.follow(doc, item)
        extra = {k.lower(): v for k, v in (resolved.get("x-additionalOperations") or {}).items()}
        raw = resolved.get(op.http_method.lower()) or extra.get(op.http_method.lower())
        if not isinstance(raw, dict):
            continue
        members = raw.get("x-operations") or [raw]
        for member in members:
            if member is raw or member.get("operationId") == op.operation_id:
                return {**raw, **member}
    raise AssertionError(f"{op.http_method} {op.path} not found")


def _has_typed_2xx(doc: dict[str, Any], raw: dict[str, Any]) -> bool:
    from scraper.clients import refs

    for status, response in (raw.get("responses") or {}).items():
        if str(status).startswith("2"):
            content = refs.follow(doc, response).get("content") or {}
            return any(isinstance(m, dict) and m.get("schema") for m in content.values())
    return False


def test_install_import_and_contract_tests_in_a_fresh_venv(
    built: tuple[Path, dict[str, PackageReport]], tmp_path: Path
) -> None:
    root, reports = built
    packages = _packages(root)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    Path(site, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # httpx, pydantic, pytest
    install = _run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--no-index", *map(str, packages)),
            # the shared runtime's wheel (not the lent environment's editable install), built from a copy
            *("--ignore-installed", str(runtime_api.build_wheel(runtime_api.runtime_version(), tmp_path / "rt"))),
        ],
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    imports = "; ".join(f"import {r.import_name}" for r in reports.values())
    imported = _run([str(python), "-c", imports + "; print('ok')"], cwd=tmp_path)
    assert imported.stdout.strip() == "ok", imported.stderr
    for package in packages:  # every operation has a case: a request, or at least a typed response
        cases = [json.loads(p.read_text(encoding="utf-8")) for p in (package / "tests").glob("*.json")]
        ops = {name for fn in _client_functions(package) for name in [fn.split(".", 1)[1]] if not name.startswith("_")}
        ops -= {"close", "__init__", "__enter__", "__exit__"}
        ops = {o for o in ops if not o.startswith("iter_")}
        covered = {c["name"] for case in cases for c in case["requests"] + case["responses"]}
        assert ops <= covered, f"{package.name}: no contract test for {sorted(ops - covered)}"
    tests = [str(p / "tests") for p in packages]
    run = _run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib", *tests],
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr
    assert " failed" not in run.stdout and " error" not in run.stdout, run.stdout[-2000:]
