"""Hostile OpenAPI documents through ``generate`` (issue 12, items 4, 8 and 9).

Each test feeds the attack itself: generator-specific keywords that make ``models.py`` import modules, ``$ref``
cycles, deep nesting, undecodable files, YAML alias bombs, a bad ``pattern``, and names that clash in generated code.
The expected result is a package whose files compile and import nothing unexpected, or a clean one-line error
naming the file.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.atomic import write_tree
from scraper.build import PageInput, build_services
from scraper.cli import main
from scraper.clients.package import render_package
from scraper.clients.schema_keywords import honoured_schema
from tests.paths import ROOT


def _spec(schemas: dict[str, Any], *, service: str = "models") -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Evil", "version": "1.0", "x-provider": "evil", "x-service": service},
        "paths": {"/x": {"get": {"operationId": "getX", "responses": {"200": ok}}}},
        "components": {"schemas": schemas},
    }


def _imported_modules(source: str) -> set[str]:
    tree = ast.parse(source)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_generator_keywords_cannot_make_models_import_modules() -> None:
    thing = {
        "type": "object",
        "customBasePath": "subprocess.Popen",
        "properties": {
            "a": {"type": "string", "customTypePath": "os.system"},
            "b": {"type": "string", "x-python-type": "shutil.rmtree"},
            "c": {"type": "object", "x-python-import": {"module": "antigravity", "name": "fly"}},
        },
    }
    files = render_package([_spec({"Thing": thing})])
    models = files["evil_models/v1_0/models.py"].decode("utf-8")
    assert _imported_modules(models) <= {"__future__", "typing", "pydantic", "enum"}
    assert "class Thing(BaseModel)" in models


def test_only_local_refs_and_standard_keywords_survive() -> None:
    schema = {
        "type": "object",
        "x-python-type": "os.system",
        "properties": {
            "remote": {"$ref": "http://127.0.0.1:9/evil.yaml"},
            "file": {"$ref": "/etc/passwd"},
            "local": {"$ref": "#/components/schemas/Other", "customTypePath": "os.system"},
            "customTypePath": {"type": "string"},  # a property may be called anything
        },
        "discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/A", "b": "http://x/y"}},
        "allOf": [{"customBasePath": "subprocess.Popen", "required": ["local"]}],
    }
    assert honoured_schema(schema) == {
        "type": "object",
        "properties": {
            "remote": {},
            "file": {},
            "local": {"$ref": "#/components/schemas/Other"},
            "customTypePath": {"type": "string"},
        },
        "discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/A"}},
        "allOf": [{"required": ["local"]}],
    }


# -- item 8: tracebacks become clean errors --------------------------------------------------------------------


def _generate(tmp_path: Path, name: str, content: str | bytes, capsys: pytest.CaptureFixture[str]) -> str:
    spec = tmp_path / name
    spec.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code = main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith(f"error: {spec}") and "Traceback" not in err and err.count("\n") == 1, err
    return err


def _diff(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> str:
    spec = tmp_path / name
    code = main(["diff", str(spec), str(spec)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and f"OLD: {spec}" in err, err
    return err


def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "openapi: 3.1.0\ninfo: {title: T, version: '1.0'}\npaths: {}\nx:\n" + "".join(f"  {x}\n" for x in lines)


HOSTILE_FILES: list[tuple[str, str | bytes, str]] = [
    (
        "deep.json",
        '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "x": ' + "[" * 3000 + "]" * 3000 + "}",
        "nested too deeply",
    ),
    ("deep.yaml", "openapi: 3.1.0\nx: " + "[" * 3000 + "]" * 3000 + "\n", "nest"),
    ("latin1.yaml", b"openapi: 3.1.0\ninfo: {title: \"caf\xe9\", version: '1.0'}\npaths: {}\n", "not UTF-8"),
    (
        "surrogate.json",
        '{"openapi": "3.1.0", "info": {"title": "\\ud800", "version": "1.0"}, "paths": {}}',
        "lone surrogate U+D800",
    ),
    (
        "responses.json",
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "T", "version": "1"},
                "paths": {"/x": {"get": {"operationId": "g", "responses": [{"200": {"description": "ok"}}]}}},
            }
        ),
        "/paths/~1x/get/responses must be a mapping, got list",
    ),
    (  # a schema keyword of the wrong type was a TypeError (unhashable) traceback in the generator
        "schema-type.json",
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "T", "version": "1"},
                "paths": {"/x": {"get": {"parameters": [{"name": "q", "in": "query", "schema": {"type": {}}}]}}},
            }
        ),
        "/paths/~1x/get/parameters/0/schema/type must be a string or a list of strings, got {}",
    ),
    (
        "schema-properties.json",
        json.dumps(_spec({"Thing": {"type": "object", "properties": {"a": {"allOf": {"type": "string"}}}}})),
        "/components/schemas/Thing/properties/a/allOf must be a list, got dict",
    ),
    ("bomb.yaml", _bomb(), "nodes once YAML aliases are expanded"),
    ("cyclic.yaml", "openapi: 3.1.0\ninfo: {title: T, version: '1.0'}\npaths: {}\nx: &a [*a]\n", "refers to itself"),
]


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE_FILES, ids=[h[0] for h in HOSTILE_FILES])
def test_hostile_spec_files_are_clean_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | bytes, message: str
) -> None:
    assert message in _generate(tmp_path, name, content, capsys)
    _diff(tmp_path, name, capsys)  # a clean error naming the file (its own wording for decoding problems)


def _cycle_spec(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return _spec({"Thing": {"$ref": "#/components/schemas/A"}, "A": a, "B": b})


def test_diff_survives_an_allof_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _cycle_spec({"allOf": [{"$ref": "#/components/schemas/B"}]}, {"allOf": [{"$ref": "#/components/schemas/A"}]})
    path = tmp_path / "allof.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["diff", str(path), str(path)]) == 0
    assert "no changes" in capsys.readouterr().out


def test_recursive_schemas_generate_recursive_models(tmp_path: Path) -> None:
    spec = _cycle_spec(
        {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}, "name": {"type": "string"}}},
        {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    )
    write_tree(tmp_path, render_package([spec]))
    check = (
        "from evil_models.v1_0 import models as m\n"
        "a = m.A.model_validate({'name': 'x', 'b': {'a': {'name': 'y', 'b': {}}}})\n"
        "assert a.b.a.name == 'y', a\n"
    )
    done = subprocess.run([sys.executable, "-c", check], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_bad_pattern_in_a_page_is_a_finding_and_dropped(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = (ROOT / "pages" / "scp" / "001_dc092d8be0253ee9.txt").read_text(encoding="utf-8")
    page.write_text(text.replace("FILEPattern : ^(FILE|FOLDER)$", "FILEPattern : ^(FILE|FOLDER$"), encoding="utf-8")
    report = build_services([PageInput(name="page.txt", path=page, provider="scp", format="text")])
    assert report.errors == []
    found = [f for s in report.services for f in s.findings if f.kind == "bad-pattern"]
    assert [(f.page, f.subject) for f in found] == [("page.txt", "archivestorage:ObjectRecoveryInfo")]
    assert "'^(FILE|FOLDER$' is not a regular expression" in found[0].message
    model = next(s for s in report.services if s.id == "archivestorage").models["ObjectRecoveryInfo"]
    assert "pattern" not in model.schema["properties"]["object_type"]


def test_generate_drops_a_pattern_that_does_not_compile() -> None:
    assert honoured_schema({"type": "string", "pattern": "^(a"}) == {"type": "string"}
    assert honoured_schema({"type": "string", "pattern": "^a+$"}) == {"type": "string", "pattern": "^a+$"}


# -- item 9: every generated file compiles ---------------------------------------------------------------------


def test_a_server_variable_and_a_client_parameter_with_one_name(tmp_path: Path) -> None:
    """Both called ``region``: the client parameter becomes ``region_2`` (it used to be a duplicate argument)."""
    spec = _spec({"Thing": {"type": "object"}})
    spec["servers"] = [{"url": "https://{region}.example.test", "variables": {"region": {"default": "a"}}}]
    param = {"name": "region", "in": "path", "required": True, "schema": {"type": "string"}, "x-client-parameter": True}
    spec["paths"] = {
        "/x/{region}": {
            "get": {"operationId": "getX", "parameters": [param], "responses": {"200": {"description": "ok"}}}
        }
    }
    write_tree(tmp_path, render_package([spec]))
    check = (
        "import httpx\n"
        "from evil_models.v1_0 import Client\n"
        "seen = []\n"
        "t = httpx.MockTransport(lambda r: seen.append(str(r.url)) or httpx.Response(200))\n"
        "Client(region='a', region_2='r-2', transport=t).get_x()\n"
        "assert seen == ['https://a.example.test/x/r-2'], seen\n"
    )
    done = subprocess.run([sys.executable, "-c", check], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_generated_code_that_does_not_compile_is_an_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import scraper.clients.package

    class Clashing:
        def models_ready(self) -> bool:
            return True

        def finish(self, reports: Any = None) -> dict[str, str | bytes]:
            return {
                "pyproject.toml": b"# Generated by docs2client\n",
                "pkg/client.py": "def f(region, region):\n    pass\n",
            }

    monkeypatch.setattr(scraper.clients.package, "start_sources", lambda *args, **kwargs: Clashing())
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_spec({})), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert (
        err == f"error: {out}/pkg/client.py:1: generated code does not compile: duplicate argument 'region' in "
        "function definition\n"
    )
    assert not out.exists()


def test_only_files_that_would_be_written_are_compiled_and_a_changed_bad_one_still_stops_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    import scraper.clients.command
    import scraper.clients.package

    files: dict[str, str | bytes] = {
        "pyproject.toml": b"# Generated by docs2client\n",
        "pkg/a.py": "A = 1\n",
        "pkg/b.py": "B = 2\n",
    }

    class Fixed:
        def models_ready(self) -> bool:
            return True

        def finish(self, reports: Any = None) -> dict[str, str | bytes]:
            return dict(files)

    monkeypatch.setattr(scraper.clients.package, "start_sources", lambda *args, **kwargs: Fixed())
    compiled: list[str] = []

    def spy(source: Any, filename: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(Path(filename).name)
        return builtins.compile(source, filename, *args, **kwargs)

    monkeypatch.setattr(scraper.clients.command, "compile", spy, raising=False)
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_spec({})), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["generate", "--spec", str(spec), "--out", str(out)]
    assert main(argv) == 0
    assert sorted(compiled) == ["a.py", "b.py"]
    compiled.clear()
    files["pkg/b.py"] = "def f(x, x):\n    pass\n"
    capsys.readouterr()
    assert main(argv) == 1
    assert compiled == ["b.py"]  # a.py is already on disk byte for byte: nothing to stop
    assert "pkg/b.py:1: generated code does not compile" in capsys.readouterr().err
    assert (out / "pkg" / "b.py").read_text(encoding="utf-8") == "B = 2\n"


def test_an_api_key_name_that_is_not_an_http_token_is_skipped_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The apiKey header's name reached the client's class docstring and the README's example (escaped since), and
    was sent as a header name, cookie name or query key whatever it held: a name holding ``\"\"\"`` and a line
    break, or ``X-Key: 1\\r\\nEvil: 2``. Names that are not HTTP tokens (RFC 9110) are now skipped with a warning
    naming the scheme's pointer; a valid one is still honoured."""
    names = {
        "docstring": 'a"""\n    __import__("os").system("touch pwned")\n    """',
        "crlf": "X-Key\r\nEvil: 2",
        "cookie": "sid; Path=/",
        "query": "api key",
    }
    spec = _spec({"Thing": {"type": "object"}})
    spec["components"]["securitySchemes"] = {
        "docstring": {"type": "apiKey", "in": "header", "name": names["docstring"]},
        "crlf": {"type": "apiKey", "in": "header", "name": names["crlf"]},
        "cookie": {"type": "apiKey", "in": "cookie", "name": names["cookie"]},
        "query": {"type": "apiKey", "in": "query", "name": names["query"]},
        "fine": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
        "number": {"type": "apiKey", "in": "header", "name": 7},
    }
    spec["security"] = [{"fine": []}]
    files = render_package([spec])
    text = "".join(v.decode("utf-8") for v in files.values() if isinstance(v, bytes))
    assert all(repr(name)[1:-1] not in text and name not in text for name in names.values())
    readme = files["README.md"].decode("utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert 'Client(fine="..."' in example and ast.parse(example)  # the valid scheme's keyword
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    for key in ("docstring", "crlf", "cookie", "query", "number"):
        assert f"/components/securitySchemes/{key}/name: " in err and "the apiKey scheme is skipped" in err, err
    assert "securitySchemes/fine" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("not a mapping", "x-api-version-header: expected a mapping with 'name' and 'value'"),
        ({"name": "X-Version"}, "x-api-version-header: expected a mapping with 'name' and 'value'"),
        ({"name": "X Version", "value": "1"}, "x-api-version-header/name: 'X Version' is not an HTTP header name"),
        ({"name": ["X"], "value": "1"}, "x-api-version-header/name: ['X'] is not an HTTP header name"),
        ({"name": "X-Version", "value": "1\r\nEvil: 2"}, "x-api-version-header/value: '1\\r\\nEvil: 2' is not"),
        ({"name": "X-Version", "value": {"a": 1}}, "x-api-version-header/value: {'a': 1} is not an HTTP header value"),
    ],
)
def test_a_malformed_version_header_is_a_warning_and_no_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: Any, expected: str
) -> None:
    """``x-api-version-header`` (our extension) was sent as written: a CR LF in its value split the request's
    headers, and a list as its name became the text of a list. Now a warning naming the pointer; no header."""
    spec = _spec({"Thing": {"type": "object"}})
    spec["info"]["x-api-version-header"] = value
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"/info/{expected}" in err and "no version header is sent" in err and "Traceback" not in err, err
    client = (tmp_path / "out" / "evil_models" / "v1_0" / "client.py").read_text(encoding="utf-8")
    assert "VERSION_HEADERS: dict[str, str] = {}" in client


def test_names_from_a_spec_are_capped_to_what_filesystems_take(tmp_path: Path) -> None:
    """A 300-character ``x-service`` became a 304-character folder name: ``ENAMETOOLONG`` came as a traceback after
    the README and pyproject.toml were already written (``write_tree`` now refuses such a name before writing,
    ``tests/dialects/test_hostile_pages.py``; the names are capped so that the package is written)."""
    spec = tmp_path / "long.json"
    spec.write_text(json.dumps(_spec({"Thing": {"type": "object"}}, service="s" * 300)), encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith("evil")] == ["evil_" + "s" * 59]
    assert max(len(p.name) for p in (tmp_path / "out").rglob("*")) < 100


def test_invisible_characters_in_generated_literals_are_escapes() -> None:
    """datamodel-code-generator wrote enum values and defaults as given: a bidi control (U+202E) or a line
    separator (U+2028, U+0085, form feed) stood raw in ``models.py``, where it makes the code read differently."""
    invisible = ["\u202eevil\u2066", "line\u2028sep", "next\x85line", "form\x0cfeed", "tab\tbed"]
    thing = {
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": invisible, "default": invisible[0]},
            "note": {"type": "string", "default": invisible[1], "pattern": "^[^\u2028]*$"},
        },
    }
    models = render_package([_spec({"Thing": thing})])["evil_models/v1_0/models.py"].decode("utf-8")
    assert all(ch not in models for ch in "\u202e\u2066\u2028\x85\x0c\t"), [c for c in models if not c.isprintable()]
    literals = {n.value for n in ast.walk(ast.parse(models)) if isinstance(n, ast.Constant)}
    assert set(invisible) <= literals and "^[^\u2028]*$" in literals


@pytest.mark.parametrize("rows", [5, [5, {"version": ["1.0"]}], ["1.0", {"version": "1.0", "date": "2030-01-01"}]])
def test_a_malformed_version_table_is_read_for_what_it_holds(rows: Any) -> None:
    """``info.x-versions`` is an extension, so a spec may hold anything there: a row whose version was a list
    reached the version sort (TypeError), a row that was not a mapping the sunset lookup (AttributeError)."""
    spec = _spec({"Thing": {"type": "object"}})
    spec["info"].update({"x-versions": rows, "x-api-status": "DEPRECATED"})
    files = render_package([spec])
    assert "evil_models/v1_0/client.py" in files


@pytest.mark.parametrize("pairs", [True, -1, 1.5, "kr-west", {"region": "kr"}, [{"region": {"a": 1}}], [None]])
def test_malformed_server_pairs_are_a_warning_naming_the_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pairs: Any
) -> None:
    """``x-server-pairs`` (our extension) found by fuzzing the extensions: ``true`` or a number was a ``TypeError``
    traceback, a string or a mapping was read as its characters or keys (no pairs, silently), and a mapping as a
    value became its ``repr`` as a server name. Now a warning naming the pointer, and no pairs."""
    spec = _spec({"Thing": {"type": "object"}})
    spec["servers"] = [
        {
            "url": "https://{region}.example.com",
            "variables": {"region": {"default": "kr", "enum": ["kr", "jp"]}},
            "x-server-pairs": pairs,
        }
    ]
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "/servers/0/x-server-pairs: expected a list of mappings" in err and "Traceback" not in err, err


def test_server_variables_that_are_not_a_mapping_are_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec({"Thing": {"type": "object"}})
    spec["servers"] = [{"url": "https://{region}.example.com", "variables": ["region"]}]
    err = _generate(tmp_path, "spec.json", json.dumps(spec), capsys)
    assert err.endswith("/servers/0/variables: expected a mapping of name -> server variable; got list\n"), err
    # a variable the mapping lacks is one the caller chooses (tests/clients/test_server_variables.py): a warning
    spec["servers"] = [{"url": "https://{region}.example.com", "variables": {}}]
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out2")]) == 0
    err = capsys.readouterr().err
    assert "/servers/0/variables/region is not defined (the URL uses {region})" in err and "Traceback" not in err


# -- found by tests/clients/spec_fuzz.py -------------------------------------------------------------------------


def test_a_character_yaml_does_not_allow_is_one_line_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PyYAML's reader error (an escape byte, a NUL) spans two lines (``in "<unicode string>", position 182``):
    the error printed a line that was no ``error:`` line. Now one line with the line number."""
    content = "openapi: 3.1.0\ninfo: {title: T, version: '1.0'}\npaths:\n  /x\x1b: {}\n"
    err = _generate(tmp_path, "control.yaml", content, capsys)
    assert err == f"error: {tmp_path}/control.yaml:4: not valid YAML/JSON: the character U+001B is not allowed\n"
    _diff(tmp_path, "control.yaml", capsys)


_TYPED_KEYS = """\
openapi: 3.1.0
info: {title: Keys, version: '1.0'}
paths:
  /x:
    get:
      operationId: getX
      responses:
        200:
          description: ok
          content:
            1.5: {schema: {type: string}}
            application/json:
              schema:
                type: object
                properties: {true: {type: string}, name: {type: string}, ~: {type: integer}}
"""


def test_keys_yaml_reads_as_numbers_booleans_or_null_are_their_json_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML reads ``200:``, ``1.5:``, ``true:`` and ``~:`` as a number, a boolean and null, where OpenAPI (JSON) has
    strings: a media type ``1.5`` was ``AttributeError: 'float' object has no attribute 'lower'`` in the generator,
    and properties ``true`` and ``name`` ``TypeError: '<' not supported between 'bool' and 'str'`` in the diff."""
    old = tmp_path / "old.yaml"
    old.write_text(_TYPED_KEYS, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(_TYPED_KEYS.replace("name: {type: string}", "name: {type: integer}"), encoding="utf-8")
    assert main(["generate", "--spec", str(old), "--out", str(tmp_path / "out")]) == 0
    models = (tmp_path / "out" / "keys_old" / "v1_0" / "models.py").read_text(encoding="utf-8")
    assert "    true: str | None = None" in models and "    null: int | None = None" in models, models
    assert main(["diff", str(old), str(new)]) == 0
    assert "GET /x response.200.body.name: type changed" in capsys.readouterr().out
    clash = tmp_path / "clash.yaml"
    clash.write_text(_TYPED_KEYS.replace("        200:", "        '200': {description: also}\n        200:"))
    # a duplicate key, as one written twice: the later value is kept, with a warning naming the place
    assert main(["generate", "--spec", str(clash), "--out", str(tmp_path / "clash")]) == 0
    err = capsys.readouterr().err
    assert "/paths/~1x/get/responses/200: the key 200 reads as '200', which the mapping already has" in err
    assert "the later value is used" in err


def test_credentials_in_a_server_url_are_left_out_of_the_package_and_the_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server URL ``https://admin:PASSWORD@host`` was written as the client's base URL template (client.py):
    anyone's spec put its password into a package meant to be published, and the diff printed it. Now the client
    gets the URL without the userinfo and a warning naming the pointer (not the password); the diff shows
    ``***``."""
    password = "pa55-w0rd-from-spec"
    spec = _spec({"Thing": {"type": "object"}})
    spec["servers"] = [
        {"url": f"https://admin:{password}@{{region}}.example.test/v1", "variables": {"region": {"default": "kr"}}}
    ]
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "/servers/0/url: the URL carries credentials" in err and password not in err, err
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and password.encode() in p.read_bytes()]
    assert written == []
    client = (tmp_path / "out" / "evil_models" / "v1_0" / "client.py").read_text(encoding="utf-8")
    assert "https://{region}.example.test/v1" in client
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_spec({"Thing": {"type": "object"}})), encoding="utf-8")
    spec["servers"].append({"url": f"http://u:{password}@[bad"})
    path.write_text(json.dumps(spec), encoding="utf-8")
    main(["diff", str(old), str(path)])
    shown = capsys.readouterr()
    assert password not in shown.out + shown.err and "https://***@{region}.example.test/v1" in shown.out, shown


def test_the_diff_reads_x_operations_of_any_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``x-operations: 1.5`` (our extension, so anything a spec may hold) was ``TypeError: 'float' object is not
    iterable`` in the diff; now it is not a group (the generator says it is malformed)."""
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_spec({"Thing": {"type": "object"}})), encoding="utf-8")
    spec = _spec({"Thing": {"type": "object"}})
    spec["paths"]["/x"]["get"]["x-operations"] = 1.5
    new = tmp_path / "new.json"
    new.write_text(json.dumps(spec), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_path_parameter_whose_schema_admits_only_null_has_no_request_case() -> None:
    """``type: 'null'`` on a required path parameter: its synthesised value is None, which the client refuses in a
    path, and the contract case's expected path was a ``KeyError`` traceback. The case is now omitted, saying why."""
    spec = _spec({"Thing": {"type": "object"}})
    param = {"name": "id", "in": "path", "required": True, "schema": {"type": "null"}}
    spec["paths"] = {
        "/x/{id}": {"get": {"operationId": "getX", "parameters": [param], "responses": {"200": {"description": "ok"}}}}
    }
    files = render_package([spec])
    cases = json.loads(files["tests/test_contract_evil_models_v1_0.json"])
    assert cases["requests"] == []
    assert cases["omitted"] == [
        {"name": "get_x", "reason": "path parameter 'id' has no value a path can carry (its schema admits only null)"}
    ]


def test_a_discriminator_without_its_property_name_is_not_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``discriminator: {}`` reached datamodel-code-generator, whose pydantic error (six lines) was printed as the
    error: lines that were no ``error:`` line. Without its required ``propertyName`` the discriminator is left out
    (the union is tried member by member), and any error generate prints is one line."""
    schemas = {
        "Thing": {"oneOf": [{"$ref": "#/components/schemas/A"}], "discriminator": {}},
        "A": {"type": "object", "properties": {"kind": {"type": "string"}}},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(_spec(schemas)), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err


def test_credentials_in_a_swagger_host_are_not_quoted_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Swagger 2.0 ``host: admin:PASSWORD@api.example.test`` is invalid (the validator's pattern), and its message
    quoted the value: generate and diff printed the password. Validator messages now show ``***@``."""
    spec = tmp_path / "swagger.json"
    doc = {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "admin:pa55w0rd@api.example.test"}
    spec.write_text(json.dumps({**doc, "paths": {}}), encoding="utf-8")
    err = _generate(tmp_path, "swagger.json", spec.read_text(encoding="utf-8"), capsys)
    assert '#/host: "***@api.example.test" does not match' in err and "pa55w0rd" not in err, err
    assert "pa55w0rd" not in _diff(tmp_path, "swagger.json", capsys)


@pytest.mark.parametrize("variables", [["region"], {"region": ["kr"]}, {"region": {"default": "kr", "enum": 5}}])
def test_the_diff_reads_server_variables_of_any_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], variables: Any
) -> None:
    """Server variables as a list, a variable as a list, an ``enum`` as a number: ``AttributeError: 'list' object
    has no attribute 'get'`` (and ``TypeError`` for the number) in the diff; now read as holding no variables or
    values (generate reports the first as a located error)."""
    old, new = _spec({"Thing": {"type": "object"}}), _spec({"Thing": {"type": "object"}})
    old["servers"] = [{"url": "https://{region}.example.test", "variables": {"region": {"default": "jp"}}}]
    new["servers"] = [{"url": "https://{region}.example.test", "variables": variables}]
    paths = []
    for name, doc in (("old.json", old), ("new.json", new)):
        paths.append(tmp_path / name)
        paths[-1].write_text(json.dumps(doc), encoding="utf-8")
    assert main(["diff", *map(str, paths)]) == 0
    assert "server" in capsys.readouterr().out


def test_an_array_property_whose_name_has_no_words_generates(tmp_path: Path) -> None:
    """A property named ``" "`` or ``""`` holding an array of inline objects: the check for a colliding item class
    asked inflect for the name's singular, and inflect fails on a name with no words (``IndexError`` in the models
    worker, a traceback). Such a name has no singular to collide with: the models are made."""
    item = {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}}
    spec = _spec({"Thing": {"type": "object", "properties": {" ": item, "": item, "\t": item}}})
    write_tree(tmp_path, render_package([spec]))
    check = "from evil_models.v1_0 import models as m\nassert m.Thing.model_validate({' ': [{'a': 'x'}]})\n"
    done = subprocess.run([sys.executable, "-c", check], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
