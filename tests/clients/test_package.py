"""The client package generator in memory: naming, escaping, deprecation metadata, determinism, goldens.

The expensive checks on generated packages (ruff, mypy, pip install, running the generated contract tests) are in
``tests/clients/test_quality.py``.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.clients import ir, naming
from scraper.clients.command import generate_service, load_findings
from scraper.clients.ir import GenerationError
from scraper.clients.package import render_package
from scraper.clients.render import docstring_body, py_literal, toml_string
from tests.clients.test_models_cache import count_renders
from tests.goldens import client_goldens, committed
from tests.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "openapi"
DEMO = FIXTURES / "scp" / "demoserver"


def demo_specs() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DEMO.glob("*.yaml"))]


@cache
def demo_package() -> dict[str, bytes]:
    return render_package(demo_specs(), findings=load_findings(DEMO), source_names=["demo/1.0.yaml", "demo/1.1.yaml"])


def malicious_spec() -> dict[str, Any]:
    """Doc text that would be code if pasted unescaped: keywords, quotes, triple quotes, NUL, Jinja, unicode."""
    evil = 'x"""\nimport os\nos.system("echo pwned")\n"""\x00 {{ 7*7 }} {% raw %} \\ \u2028 한글'
    return {
        "openapi": "3.1.0",
        "info": {"title": evil, "version": '1.0"; import os', "x-provider": "import os", "x-service": "class"},
        "servers": [{"url": "https://{host}.example.test", "variables": {"host": {"default": "api", "enum": ["api"]}}}],
        "paths": {
            "/items/{class}": {
                "post": {
                    "operationId": '"""',
                    "summary": "import os; os.system('x')",
                    "description": evil,
                    "x-source": {"url": evil, "page": evil, "heading": evil, "line": 1},
                    "parameters": [
                        {
                            "name": "class",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "example": evil,
                        },
                        {"name": "import os", "in": "query", "schema": {"type": "integer"}, "example": 1},
                        {"name": "{{x}}", "in": "query", "schema": {"type": "string", "enum": ['a"b', "c'd", evil]}},
                        {
                            "name": "X-Class",
                            "in": "header",
                            "schema": {"type": "string"},
                            "example": "ok",
                            "description": evil,
                        },
                        {"name": "self", "in": "query", "schema": {"type": "boolean"}, "example": False},
                        {"name": "body", "in": "query", "schema": {"type": "string"}, "example": "b"},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/import os"},
                                "example": {'"""': evil, "def": 1},
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": evil,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/class"},
                                    "example": {"class": evil, "nested": {"from": ["x"]}},
                                }
                            },
                        }
                    },
                }
            },
            "/close": {"get": {"summary": "close", "responses": {"204": {"description": "none"}}}},
            "/korean": {"get": {"summary": "백업 목록", "responses": {"204": {"description": evil}}}},
        },
        "components": {
            "schemas": {
                "import os": {
                    "type": "object",
                    "description": evil,
                    "properties": {'"""': {"type": "string", "description": evil}, "def": {"type": "integer"}},
                },
                "class": {
                    "type": "object",
                    "properties": {
                        "class": {"type": "string", "description": "'''"},
                        "nested": {
                            "type": "object",
                            "properties": {"from": {"type": "array", "items": {"type": "string"}}},
                        },
                    },
                },
                'Bad"Name': {"type": "string", "enum": [evil, "plain"]},
            }
        },
    }


# -------------------------------------------------------------------------------------------------------- naming


def test_method_names_come_from_titles_in_snake_case() -> None:
    assert naming.snake_case("Show Volume\u2019s details.") == "show_volumes_details"
    assert naming.snake_case("CancelArchiving") == "cancel_archiving"
    assert naming.snake_case("Get VPCEndpoint list") == "get_vpc_endpoint_list"


def test_plural_acronyms_stay_one_word() -> None:
    """``listAPIs`` (APIs-guru's own document) was ``list_ap_is``: the ``s`` of a plural acronym read as ``Is``."""
    assert naming.snake_case("listAPIs") == "list_apis"
    assert naming.snake_case("getUserIDs") == "get_user_ids"
    assert naming.snake_case("getURLsForUser") == "get_urls_for_user"
    assert naming.snake_case("1Forge Finance APIs") == "1_forge_finance_apis"
    assert naming.snake_case("deleteVMsSnapshot") == "delete_vms_snapshot"
    # a capital followed by a real word still starts that word
    assert naming.snake_case("HTTPServer") == "http_server"
    assert naming.snake_case("getVMStatus") == "get_vm_status"
    assert naming.pascal_case("listAPIs") == "ListAPIs"


def test_method_names_prefer_operation_id_and_are_capped() -> None:
    long_summary = "Returns the list of every item that the caller may see, filtered by the given criteria " * 3
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Names", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "getThing", "summary": "Fetch a thing", "responses": {"204": {}}}},
            "/b": {"get": {"operationId": "get_thing", "responses": {"204": {}}}},
            "/c": {"get": {"summary": long_summary, "responses": {"204": {}}}},
            "/d": {"get": {"operationId": "\u0000", "summary": "by summary", "responses": {"204": {}}}},
            "/e": {"post": {"responses": {"204": {}}}},
        },
    }
    ops = {op.path: op.method_name for op in ir.build_package([spec]).versions[0].operations}
    assert ops["/a"] == "get_thing" and ops["/b"] == "get_thing_b"  # collision: the later takes its path's end
    assert ops["/d"] == "by_summary" and ops["/e"] == "post_e"
    assert len(ops["/c"]) <= ir.METHOD_NAME_LIMIT and ops["/c"].startswith("returns_the_list_of_every_item")
    assert not ops["/c"].endswith("_")


def test_unsafe_names_become_identifiers() -> None:
    assert naming.safe_identifier("class", fallback="x") == "class_"
    assert naming.safe_identifier("import os", fallback="x") == "import_os"
    assert naming.safe_identifier("9lives", fallback="x") == "n_9lives"
    assert naming.safe_identifier("백업", fallback="op") == "op"
    assert naming.safe_identifier("body", fallback="x", reserved={"body"}) == "body_"
    assert naming.dedupe(["a", "a", "b", "a"]) == ["a", "a_2", "b", "a_3"]


@given(st.text())
def test_safe_identifier_is_always_an_identifier(text: str) -> None:
    assert naming.is_identifier(naming.safe_identifier(text, fallback="x"))
    assert naming.is_identifier(naming.safe_identifier(text, fallback="X", snake=False))


def test_version_modules_and_order() -> None:
    assert [naming.version_module(v) for v in ("1.1", "v2", "2024-01-01")] == ["v1_1", "v2", "v2024_01_01"]
    assert sorted(["1.10", "1.9", "1.0"], key=naming.version_key) == ["1.0", "1.9", "1.10"]


# ------------------------------------------------------------------------------------------------------ escaping

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_py_literal_round_trips_any_json_value(value: Any) -> None:
    assert ast.literal_eval(py_literal(value)) == value


@given(st.text())
def test_docstring_body_never_escapes_the_docstring(text: str) -> None:
    source = f'def f() -> None:\n    """{docstring_body(text)}\n    """\n'
    tree = ast.parse(source)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef) and len(func.body) == 1  # only the docstring, nothing injected


@given(st.text())
def test_toml_string_parses_back(text: str) -> None:
    import tomllib

    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


# ---------------------------------------------------------------------------------------------------- the model


def test_demo_package_model() -> None:
    pkg = ir.build_package(demo_specs(), findings=load_findings(DEMO))
    assert (pkg.distribution, pkg.import_name, pkg.current) == ("scp-demoserver", "scp_demoserver", "1.1")
    assert [v.module for v in pkg.versions] == ["v1_0", "v1_1"]
    v10, v11 = pkg.versions
    assert v11.header == ("Scp-Api-Version", "demoserver 1.1")
    # Method names come from the operationId first: two operations titled "Reboot Server" keep distinct names.
    assert [op.method_name for op in v10.operations] == ["list_servers", "reboot_server", "stop_server"]
    by_name = {op.method_name: op for op in v11.operations}
    assert by_name["show_server"].path == "/v1/servers/{server_id}"
    list_servers = by_name["list_servers"]
    assert [(p.py_name, p.wire_name, p.location) for p in list_servers.params] == [
        ("offset", "offset", "query"),
        ("limit", "limit", "query"),
        ("class_", "class", "query"),
        ("x_request_id", "X-Request-Id", "header"),
    ]
    assert list_servers.params[2].annotation == 'Literal["standard", "highmem"]'
    assert by_name["resize_server"].planned and not by_name["resize_server"].deprecated
    # Deprecated in 1.0 -> newest version with the operation is 1.1; deprecated in the newest -> none.
    old_list = v10.operations[0]
    assert old_list.deprecated and old_list.sunset == "2025-12-31" and old_list.newest_version == "1.1"
    assert by_name["delete_server"].newest_version is None and by_name["delete_server"].sunset == "2027-03-31"
    # The invalid example carries the spec's finding as its reason.
    problem = by_name["list_images"].response_example
    assert problem is not None and problem.problem is not None and "example-mismatch" in problem.problem
    assert by_name["create_server"].response_example is not None
    assert by_name["create_server"].response_example.problem is None


def test_example_mismatch_without_finding_uses_own_check() -> None:
    pkg = ir.build_package(demo_specs())  # no findings given
    op = next(o for o in pkg.versions[1].operations if o.method_name == "list_images")
    assert op.response_example is not None and op.response_example.problem is not None
    assert "does not match its schema" in op.response_example.problem and "'ten'" in op.response_example.problem


def test_package_layout_and_contents() -> None:
    files = demo_package()
    assert {
        "pyproject.toml",
        "README.md",
        "scp_demoserver/__init__.py",
        "scp_demoserver/py.typed",
        "scp_demoserver/deprecations.py",
        "scp_demoserver/v1_0/client.py",
        "scp_demoserver/v1_1/models.py",
        "tests/test_contract_scp_demoserver_v1_1.py",
    } <= set(files)
    # the runtime is a dependency, not a copy
    assert not any(name.endswith(("_runtime.py", "_support.py", "_serialize.py")) for name in files)
    assert '"docs2client-runtime>=1.4,<2",' in files["pyproject.toml"].decode()
    client = files["scp_demoserver/v1_1/client.py"].decode()
    assert '@deprecated(\n        "Delete Server is deprecated in API version 1.1 (sunset 2027-03-31)' in client
    assert 'VERSION_HEADERS: dict[str, str] = {"Scp-Api-Version": "demoserver 1.1"}' in client
    tests = files["tests/test_contract_scp_demoserver_v1_1.py"].decode()
    assert 'pytest.mark.xfail(strict=case.get("xfail_strict", True)' in tests and 'with_suffix(".json")' in tests
    cases = json.loads(files["tests/test_contract_scp_demoserver_v1_1.json"])
    xfails = [c for kind in ("requests", "responses") for c in cases[kind] if c["xfail"]]
    assert len(xfails) == 1 and "example-mismatch" in xfails[0]["xfail"]  # exactly the one invalid example
    init = files["scp_demoserver/__init__.py"].decode()
    assert 'CURRENT_VERSION = "1.1"' in init and "def __getattr__(name: str) -> Any:" in init


def test_deprecations_table() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(demo_package()["scp_demoserver/deprecations.py"], "deprecations.py", "exec"), namespace)
    rows = {(d.method, d.version): d for d in namespace["DEPRECATIONS"]}
    assert set(rows) == {
        ("list_servers", "1.0"),
        ("reboot_server", "1.0"),
        ("stop_server", "1.0"),
        ("delete_server", "1.1"),
        ("resize_server", "1.1"),
    }
    assert rows[("list_servers", "1.0")].sunset == "2025-12-31"
    assert rows[("list_servers", "1.0")].newest_version == "1.1"
    assert rows[("resize_server", "1.1")].status == "PLANNED"
    assert [v.version for v in namespace["VERSIONS"]] == ["1.2", "1.1", "1.0"]


def test_malicious_doc_text_never_becomes_code() -> None:
    files = render_package([malicious_spec()])
    allowed_imports = {
        "__future__",
        "collections.abc",
        "types",
        "typing",
        "httpx",
        "typing_extensions",
        "pydantic",
        "enum",
        "asyncio",
        "json",
        "pytest",
        "importlib",
        "dataclasses",
        "re",
        "urllib.parse",
        "contextlib",
        "pathlib",
        "docs2client_runtime",
    }
    for path, data in files.items():
        if not path.endswith(".py"):
            continue
        tree = ast.parse(data.decode("utf-8"), filename=path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert {a.name for a in node.names} <= allowed_imports, path
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                module = str(node.module)
                assert module in allowed_imports or module.split(".")[0] == "import_os_class", module
            elif isinstance(node, ast.Name):
                assert node.id != "os", path
            elif isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
                assert naming.is_identifier(node.name), node.name
        assert "\x00" not in data.decode("utf-8")
    client = files["import_os_class/v1_0/client.py"].decode()
    assert "def import_os_os_system_x(" in client and "def close_(" in client and "def get_korean(" in client
    assert "class_: str" in client and "self_: bool | None = None" in client and "body_: str | None" in client
    assert "import_os: int | None = None" in client and "x_class: str | None = None" in client


def test_bad_input_names_the_document() -> None:
    spec = copy.deepcopy(malicious_spec())
    spec["openapi"] = "2.0"
    with pytest.raises(GenerationError, match=r"spec\[0\]: 'openapi' is '2.0'"):
        render_package([spec])
    spec = copy.deepcopy(malicious_spec())
    spec["paths"]["/items/{class}"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Missing"
    }
    pkg = ir.build_package([spec], source_names=["my.yaml"])  # one schema that cannot be followed: Any, reported
    assert any(w.startswith("my.yaml: schema $ref '#/components/schemas/Missing'") for w in pkg.warnings)
    spec = copy.deepcopy(malicious_spec())
    spec["paths"]["/items/{class}"]["post"]["parameters"] = []
    pkg = ir.build_package([spec])  # an undeclared placeholder becomes a string parameter, reported
    assert any(re.search(r"paths/.*/post: the path uses \{class\}", w) for w in pkg.warnings)
    spec = copy.deepcopy(malicious_spec())
    spec["paths"]["/items/{class}"]["post"]["parameters"][3]["name"] = "한글"
    pkg = ir.build_package([spec])  # a header name that is no token is skipped with a warning, not a refusal
    assert any("header parameter '한글' is not a valid HTTP header name; skipped" in w for w in pkg.warnings)
    assert not any(p.wire_name == "한글" for op in pkg.versions[0].operations for p in op.params)
    with pytest.raises(GenerationError, match=re.escape("info.version '1.0' is also")):
        render_package([demo_specs()[0], demo_specs()[0]])


# ---------------------------------------------------------------------------------------------- determinism


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\0" + files[path] + b"\0")
    return h.hexdigest()


def test_regeneration_is_byte_identical_across_hash_seeds() -> None:
    script = (
        "import hashlib, json, sys, yaml\n"
        "from pathlib import Path\n"
        "from scraper.clients.package import render_package\n"
        "from scraper.clients.command import load_findings\n"
        f"d = Path({str(DEMO)!r})\n"
        "files = render_package([yaml.safe_load(p.read_text()) for p in sorted(d.glob('*.yaml'))],"
        " findings=load_findings(d), source_names=['demo/1.0.yaml', 'demo/1.1.yaml'])\n"
        "h = hashlib.sha256()\n"
        "for k in sorted(files): h.update(k.encode() + b'\\0' + files[k] + b'\\0')\n"
        "print(h.hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == _digest(demo_package())


def test_write_tree_rewrites_only_changed_files(tmp_path: Path) -> None:
    specs = sorted(DEMO.glob("*.yaml"))
    first = generate_service(specs, tmp_path / "pkg", findings_dir=DEMO)
    assert len(first) == len(demo_package())
    (tmp_path / "pkg" / "notes.txt").write_text("mine")
    second = generate_service(specs, tmp_path / "pkg", findings_dir=DEMO)
    assert second == []  # nothing rewritten; a file the tool did not write is not touched
    assert (tmp_path / "pkg" / "notes.txt").read_text() == "mine"


# ---------------------------------------------------------------------------------------------------- golden


def test_golden_package() -> None:
    """The generated fixture package, file by file (``make goldens`` rewrites the goldens)."""
    files = client_goldens()
    expected = committed("clients")
    assert sorted(files) == sorted(expected), "file list differs; run make goldens after checking the diff"
    for path in sorted(files):
        assert files[path].decode() == expected[path].decode(), f"{path} differs from its golden"


def test_findings_json_formats(tmp_path: Path) -> None:
    rows = [{"kind": "example-mismatch", "subject": "x", "message": "m", "page": "p", "line": 1}]
    (tmp_path / "findings.json").write_text(json.dumps({"findings": rows}))
    assert load_findings(tmp_path) == rows
    (tmp_path / "findings.json").write_text(json.dumps(rows))
    assert load_findings(tmp_path) == rows
    (tmp_path / "findings.json").write_text("{")
    with pytest.raises(GenerationError, match=re.escape("findings.json:1: not valid JSON")):
        load_findings(tmp_path)


def test_cli_generate_any_openapi_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from scraper.cli import main

    out = tmp_path / "petstore"
    assert main(["generate", "--spec", str(FIXTURES / "petstore-3.0.yaml"), "--out", str(out)]) == 0
    assert (out / "swagger_petstore_test" / "v1_0_7" / "client.py").is_file()
    assert (out / "pyproject.toml").read_text().count('name = "swagger-petstore-test"') == 1
    assert main(["generate", "--spec", str(FIXTURES / "petstore-3.0.yaml")]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: [x]\npaths: {}\n")
    assert main(["generate", "--spec", str(bad), "--out", str(tmp_path / "bad")]) == 1
    assert f"{bad}: /info must be a mapping, got list" in capsys.readouterr().err


def test_a_document_without_info_version_or_paths_still_makes_a_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """OpenAPI requires ``info.version``, but real documents omit it (oasdiff's fixtures, a bare ``paths:``): a
    package with API version "0" and a warning saying so, instead of no package at all."""
    from scraper.cli import main

    texts = [
        "openapi: 3.1.0\ninfo:\n  title: x\npaths:\n",
        "openapi: 3.0.3\npaths: {}\n",
        # an info written as a reference: the 3.0 reading of $ref siblings once dropped the version put beside it
        "openapi: 3.0.3\ninfo:\n  $ref: '#/nope'\npaths: {}\n",
    ]
    for n, text in enumerate(texts):
        spec = tmp_path / f"no_version_{n}.yaml"
        spec.write_text(text)
        assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / f"out{n}")]) == 0
        err = capsys.readouterr().err
        assert f"{spec}: info.version is missing; the API version is taken as '0'" in err
        assert list((tmp_path / f"out{n}").glob("*/v0/client.py"))


def test_versions_with_the_same_schemas_render_their_models_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import scraper.clients.models as models_module

    def kw(source_name: str) -> dict[str, str]:
        return {"openapi": "3.1.0", "source_name": source_name, "header": "Models"}

    schemas = {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}}
    calls = count_renders(monkeypatch)
    one = models_module.render_models(schemas, openapi="3.1.0", source_name="a.yaml", header="Models of X API 1.0")
    two = models_module.render_models(schemas, openapi="3.1.0", source_name="b.yaml", header="Models of X API 1.1")
    assert calls == ["a.yaml"]
    assert one.startswith('"""Models of X API 1.0"""') and two.startswith('"""Models of X API 1.1"""')
    assert one.split("\n", 1)[1] == two.split("\n", 1)[1] and "class Thing(BaseModel):" in one
    other = {"Thing": {**schemas["Thing"], "required": []}}
    models_module.render_models(other, openapi="3.1.0", source_name="c.yaml", header="Models of X API 1.2")
    assert calls == ["a.yaml", "c.yaml"]
    # Property order is part of the output: a reordered schema is rendered, not served from the memo.
    props = {"zeta": {"type": "string"}, "alpha": {"type": "string"}}
    first = models_module.render_models({"T": {"type": "object", "properties": props}}, **kw("d.yaml"))
    flipped = {"T": {"type": "object", "properties": dict(reversed(props.items()))}}
    second = models_module.render_models(flipped, **kw("e.yaml"))
    assert calls[-2:] == ["d.yaml", "e.yaml"]
    assert first.index("zeta:") < first.index("alpha:") and second.index("alpha:") < second.index("zeta:")
