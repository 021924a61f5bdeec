"""Quality gates on generated packages: ruff, mypy --strict (tests included), a type checker flagging a deprecated
call, pip install into a fresh venv, import, and the generated contract tests passing in that venv, once per
runtime version the packages must work with (the lowest and the newest accepted ``docs2client-runtime``, each
installed from its own wheel, not editable; one run while both are the same release).

Three packages share the work (one render, one mypy run, one venv): the convention-following fixture service
(two versions, deprecations, a PLANNED operation), a hand-written petstore-like OpenAPI 3.0 document this project
did not produce, and a malicious spec whose doc text is full of code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients.command import generate_service, load_findings
from scraper.clients.package import render_package
from tests.clients.test_package import DEMO, FIXTURES, malicious_spec
from tests.runtime import runtime_api

BIN = Path(sys.executable).parent
PACKAGES = {"scp-demoserver": "scp_demoserver", "petstore": "swagger_petstore_test", "evil": "import_os_class"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate_service(sorted(DEMO.glob("*.yaml")), root / "scp-demoserver", findings_dir=DEMO)
    generate_service([FIXTURES / "petstore-3.0.yaml"], root / "petstore")
    write_tree(root / "evil", render_package([malicious_spec()]))
    return root


def _run(
    args: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, cwd=cwd, env=env)


def test_ruff_clean(built: Path) -> None:
    result = _run([str(BIN / "ruff"), "check", "--no-cache", *(str(built / d) for d in PACKAGES)])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def mypy_env(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    cache = tmp_path_factory.mktemp("mypy-cache")
    return {**os.environ, "MYPYPATH": os.pathsep.join(str(built / d) for d in PACKAGES), "MYPY_CACHE_DIR": str(cache)}


def test_mypy_strict_including_tests(built: Path, mypy_env: dict[str, str]) -> None:
    tests = sorted(str(p) for d in PACKAGES for p in (built / d / "tests").glob("test_*.py"))
    packages = [str(built / d / name) for d, name in PACKAGES.items()]
    config = built / "scp-demoserver" / "pyproject.toml"  # all generated packages share these settings
    result = _run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *packages, *tests], env=mypy_env, cwd=built
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_type_checker_reports_deprecated_call(built: Path, mypy_env: dict[str, str]) -> None:
    snippet = built / "snippet.py"
    snippet.write_text(textwrap.dedent("""\
            from scp_demoserver import Client
            from scp_demoserver.v1_0 import Client as OldClient

            with Client(base_url="https://x.test") as client:
                client.show_server("a")
                client.delete_server("a")
            with OldClient(base_url="https://x.test") as old:
                old.list_servers(limit=1)
            """))
    config = built / "scp-demoserver" / "pyproject.toml"
    result = _run([sys.executable, "-m", "mypy", "--config-file", str(config), str(snippet)], env=mypy_env, cwd=built)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2, result.stdout
    assert "snippet.py:6: error:" in errors[0] and "delete_server" in errors[0] and "[deprecated]" in errors[0]
    assert "2027-03-31" in errors[0]
    assert (
        "snippet.py:8: error:" in errors[1] and "sunset 2025-12-31" in errors[1] and "use API version 1.1" in errors[1]
    )


@pytest.mark.parametrize("runtime_version", runtime_api.versions_to_test())
def test_pip_install_into_fresh_venv_and_run_contract_tests(built: Path, tmp_path: Path, runtime_version: str) -> None:
    runtime = runtime_api.build_wheel(runtime_version, tmp_path / "runtime")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    # Dependencies (httpx, pydantic, setuptools, pytest) come from the project's venv: no download needed.
    Path(site, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--ignore-installed",  # the lent environment's editable runtime must not stand in for the wheel
            str(runtime),
            *(str(built / d) for d in PACKAGES),
        ],
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    check = textwrap.dedent("""\
        import sys
        import warnings
        import httpx
        import scp_demoserver, swagger_petstore_test, import_os_class
        import docs2client_runtime
        assert "site-packages" in scp_demoserver.__file__, scp_demoserver.__file__
        assert docs2client_runtime.__file__.startswith(sys.prefix), docs2client_runtime.__file__  # the wheel's
        assert docs2client_runtime.__version__ == RUNTIME_VERSION, docs2client_runtime.__version__
        assert scp_demoserver.NotFoundError is swagger_petstore_test.NotFoundError
        assert scp_demoserver.CURRENT_VERSION == "1.1"
        from scp_demoserver.v1_1 import Client as Current
        assert scp_demoserver.Client is Current
        from scp_demoserver.v1_0 import Client as Old

        def handler(request: httpx.Request) -> httpx.Response:
            assert request.headers["Scp-Api-Version"] == "demoserver 1.0"
            return httpx.Response(200, json=[{"id": "srv-1", "name": "web"}])

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with Old(base_url="https://x.test", transport=httpx.MockTransport(handler)) as client:
                servers = client.list_servers(limit=1)
        assert servers[0].id == "srv-1"  # the list itself (a bare array response)
        [w] = caught
        assert issubclass(w.category, scp_demoserver.SunsetPassedWarning), w.category
        assert "2025-12-31" in str(w.message) and "1.1" in str(w.message), str(w.message)
        assert w.filename == "<string>", w.filename  # attributed to the caller
        print("ok")
        """).replace("RUNTIME_VERSION", repr(runtime_version))
    lazy = "import sys, scp_demoserver; print(sorted(m for m in ('httpx', 'pydantic') if m in sys.modules))"
    assert _run([str(python), "-c", lazy], cwd=tmp_path).stdout.strip() == "[]", "top-level import is not lazy"
    result = _run([str(python), "-c", check], cwd=tmp_path)
    assert result.stdout.strip() == "ok", result.stdout + result.stderr
    for directory in PACKAGES:
        tests = built / directory / "tests"
        run = _run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)], cwd=tmp_path)
        assert run.returncode == 0, f"{directory}: {run.stdout}{run.stderr}"
        assert " passed" in run.stdout and " failed" not in run.stdout and "error" not in run.stdout, run.stdout


def test_demo_contract_tests_cover_both_versions(built: Path) -> None:
    """The generated tests exist for each version and mark exactly the finding's example as xfail."""
    names = sorted(p.name for p in (built / "scp-demoserver" / "tests").glob("test_*.py"))
    assert names == ["test_contract_scp_demoserver_v1_0.py", "test_contract_scp_demoserver_v1_1.py"]
    cases = json.loads((built / "scp-demoserver" / "tests" / names[1]).with_suffix(".json").read_text())
    requests = {case["name"] for case in cases["requests"]}
    assert {"list_servers", "create_server", "show_server", "delete_server", "resize_server"} <= requests
    assert sum(1 for kind in ("requests", "responses") for case in cases[kind] if case["xfail"]) == 1
    spec = yaml.safe_load((DEMO / "1.1.yaml").read_text())
    assert spec["info"]["version"] == "1.1" and load_findings(DEMO)[0]["subject"] == "List Images"


def test_models_are_imported_on_first_use(built: Path) -> None:
    """``import`` + ``Client(...)`` builds no pydantic model; the first call that parses a response does, once."""
    check = textwrap.dedent("""\
        import sys
        import httpx
        from scp_demoserver.v1_1 import Client

        def handler(request: httpx.Request) -> httpx.Response:
            server = {"id": "srv-1", "name": "web", "state": "RUNNING"}
            return httpx.Response(200, json={"count": 1, "servers": [server]})

        client = Client(base_url="https://x.test", transport=httpx.MockTransport(handler))
        assert "scp_demoserver.v1_1.models" not in sys.modules, "models imported with the client"
        assert "pydantic" not in sys.modules, "pydantic imported with the client"
        servers = client.list_servers(limit=1)
        assert servers.servers[0].id == "srv-1"
        from scp_demoserver.v1_1 import models
        assert type(servers) is models.ListServersResponse, type(servers)
        assert sys.modules["scp_demoserver.v1_1.models"] is models
        print("ok")
        """)
    env = {**os.environ, "PYTHONPATH": str(built / "scp-demoserver")}
    result = _run([sys.executable, "-c", check], env=env, cwd=built)
    assert result.stdout.strip() == "ok", result.stdout + result.stderr
