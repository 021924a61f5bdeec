"""Parameter serialisation (issue 14 item 3): the OpenAPI style/explode rules per location, cookies, fixed query
strings in paths, no ``None`` in a path, and a warning for everything the client cannot honour.

``_serialize`` is checked against the OpenAPI specification's own style table (3.1.1, "Style Examples"); the package
built from ``fixtures/openapi/params`` is called and its wire requests are compared with literal expectations.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.cases import serializer
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import imported

SPEC = paths.FIXTURES / "openapi" / "params" / "1.0.yaml"
PACKAGE = "param_styles"

COLOR: dict[str, Any] = {
    "string": "blue",
    "array": ["blue", "black", "brown"],
    "object": {"R": 100, "G": 200, "B": 150},
}

# (style, explode, kind) -> the serialisation the OpenAPI 3.1.1 style table gives for ``color``
PATH_TABLE = {
    ("matrix", False, "string"): ";color=blue",
    ("matrix", False, "array"): ";color=blue,black,brown",
    ("matrix", False, "object"): ";color=R,100,G,200,B,150",
    ("matrix", True, "array"): ";color=blue;color=black;color=brown",
    ("matrix", True, "object"): ";R=100;G=200;B=150",
    ("label", False, "string"): ".blue",
    ("label", False, "array"): ".blue,black,brown",
    ("label", False, "object"): ".R,100,G,200,B,150",
    ("label", True, "array"): ".blue.black.brown",
    ("label", True, "object"): ".R=100.G=200.B=150",
    ("simple", False, "array"): "blue,black,brown",
    ("simple", False, "object"): "R,100,G,200,B,150",
    ("simple", True, "object"): "R=100,G=200,B=150",
}
QUERY_TABLE = {
    ("form", False, "string"): [("color", "blue")],
    ("form", False, "array"): [("color", "blue,black,brown")],
    ("form", False, "object"): [("color", "R,100,G,200,B,150")],
    ("form", True, "array"): [("color", "blue"), ("color", "black"), ("color", "brown")],
    ("form", True, "object"): [("R", "100"), ("G", "200"), ("B", "150")],
    ("spaceDelimited", False, "array"): [("color", "blue black brown")],
    ("spaceDelimited", False, "object"): [("color", "R 100 G 200 B 150")],
    ("pipeDelimited", False, "array"): [("color", "blue|black|brown")],
    ("pipeDelimited", False, "object"): [("color", "R|100|G|200|B|150")],
    ("deepObject", True, "object"): [("color[R]", "100"), ("color[G]", "200"), ("color[B]", "150")],
}


@pytest.mark.parametrize(("key", "expected"), PATH_TABLE.items(), ids=lambda x: str(x))
def test_path_styles_follow_the_openapi_table(key: tuple[str, bool, str], expected: str) -> None:
    style, explode, kind = key
    assert serializer().styled_path("color", COLOR[kind], style, explode) == expected


@pytest.mark.parametrize(("key", "expected"), QUERY_TABLE.items(), ids=lambda x: str(x))
def test_query_styles_follow_the_openapi_table(key: tuple[str, bool, str], expected: list[tuple[str, str]]) -> None:
    style, explode, kind = key
    styled = serializer().styled_query("color", COLOR[kind], style, explode)
    assert [(k, v) for k, values in styled.items() for v in values] == expected


def test_deep_object_query_values_nest_in_brackets() -> None:
    """A deepObject query parameter whose members are objects or arrays (Stripe's ``metadata``-like filters): each
    leaf is its own ``name[key][key]`` field; the nested value went out as Python's repr (``{'gte': 1}``)."""
    styled = serializer().styled_query(
        "filter", {"created": {"gte": 1}, "ids": ["a", "b"], "x": True}, "deepObject", True
    )
    assert [(k, v) for k, values in styled.items() for v in values] == [
        ("filter[created][gte]", "1"),
        ("filter[ids][0]", "a"),
        ("filter[ids][1]", "b"),
        ("filter[x]", "true"),
    ]


def test_path_values_are_percent_encoded_and_never_none() -> None:
    wire = serializer()
    assert wire.styled_path("id", "a/b c", "simple", False) == "a%2Fb%20c"
    assert wire.styled_path("id", ["a,b", "c"], "label", True) == ".a%2Cb.c"
    with pytest.raises(ValueError, match="'id' must not be None"):
        wire.styled_path("id", None, "simple", False)
    assert wire.styled_query("q", None, "form", True) == {}
    # exploded objects that share a property name: both values are sent
    merged = wire.merge_query({"a": "1", "b": None}, {"x": ["2"]}, {"x": ["3"], "a": ["4"]})
    assert merged == {"a": ["1", "4"], "b": None, "x": ["2", "3"]}
    assert wire.cookie_header({"a": None}) == {} and wire.cookie_header({"a": True, "b": [1, 2]}) == {
        "Cookie": "a=true; b=1,2"
    }


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("params") / "param-styles"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    write_tree(root, render_package([spec], source_names=["params/1.0.yaml"]))
    with imported(root, f"{PACKAGE}.v2024_05_01") as module:
        yield module


def _send(api: ModuleType, call: Any) -> httpx.Request:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"ok": True})

    with api.Client(base_url="https://styles.test", transport=httpx.MockTransport(handler)) as client:
        call(client)
    [request] = sent
    return request


def test_client_sends_every_style_on_the_wire(api: ModuleType) -> None:
    request = _send(
        api,
        lambda c: c.paint_colors(
            ["blue", "black"],
            {"R": 100, "G": 200},
            [1, 2],
            "x y",
            pipes=["a", "b"],
            csv=["a", "b"],
            repeated=[1, 2],
            filter={"color": "red"},
            point={"x": 1},
            where={"name": "ann"},
            x_tags=["a", "b"],
            x_pair={"k": "v"},
            session="abc",
            prefs=["x", "y"],
        ),
    )
    assert request.url.raw_path.split(b"?")[0] == b"/colors/.blue.black/;matrix=R,100,G,200/1,2/x%20y"
    assert sorted(request.url.params.multi_items()) == sorted(
        [
            ("pipes", "a|b"),
            ("csv", "a,b"),
            ("repeated", "1"),
            ("repeated", "2"),
            ("filter[color]", "red"),
            ("x", "1"),
            ("where", '{"name":"ann"}'),
        ]
    )
    assert request.headers["X-Tags"] == "a,b" and request.headers["X-Pair"] == "k=v"
    assert request.headers["Cookie"] == "session=abc; prefs=x,y"


def test_none_in_a_path_is_refused_before_sending(api: ModuleType) -> None:
    with pytest.raises(ValueError, match="'nullable' must not be None"):
        _send(api, lambda c: c.paint_colors(["a"], {"R": 1}, [1], None))


def test_fixed_query_string_in_a_path_is_always_sent(api: ModuleType) -> None:
    request = _send(api, lambda c: c.get_beta(7))
    assert request.url.path == "/beta/7"
    assert request.url.params.multi_items() == [("beta", "true"), ("mode", "fast")]


def test_nullable_path_parameter_is_not_optional_in_the_signature() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    [paint] = [op for op in ir.build_package([spec]).versions[0].operations if op.method_name == "paint_colors"]
    assert next(p for p in paint.params if p.wire_name == "nullable").annotation == "str"


def test_everything_not_honoured_is_a_warning() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    warnings = ir.build_package([spec], source_names=["params.yaml"]).warnings
    expected = [
        "header parameter 'Bad Header' is not a valid HTTP header name; skipped",
        "parameter 'reserved' (query): allowReserved is not honoured",
        "parameter 'size' (query): default 'big' does not match its schema",
        "parameter 'wrongstyle' (header): style 'form' is not allowed here",
        "response status '2OO' is not an HTTP status code",
    ]
    assert len(warnings) == len(expected)
    for text in expected:
        assert any(text in w and w.startswith("params.yaml: /paths/~1colors~1") for w in warnings), text


def test_a_parameter_with_an_empty_name_is_skipped_with_a_warning() -> None:
    """``name: ''`` was sent as ``?=value``; an empty name is no parameter any server reads."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Empty", "version": "1"},
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "parameters": [
                        {"name": "", "in": "query", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }
    pkg = ir.build_package([spec], source_names=["empty.yaml"])
    [op] = pkg.versions[0].operations
    assert [p.wire_name for p in op.params] == ["limit"]
    assert pkg.warnings == ["empty.yaml: /paths/~1items/get: a query parameter with an empty name; skipped"]


def test_an_example_written_as_its_wire_text_is_that_value() -> None:
    """A parameter goes on the wire as text, and documents often give its example that way: Twilio's 2010 API
    (twilio/twilio-oai ``spec/yaml/twilio_api_v2010.yaml`` at ``d50069b``: ``Beta``, ``Muted``, ``Hold``) writes
    ``example: 'true'`` for boolean query parameters. Each was 'does not match its schema' and a synthesised value
    (13 warnings); the text the client sends for ``True`` is ``true``, so the example is read as that value. Text
    that is not exactly a value's wire form ('yes', '1.0' for an integer) is still reported. The other way round, a
    number shown for a string parameter (box/box-openapi ``openapi/openapi-v2025.0.json`` at ``c9a878a9``:
    ``batch_id: 123``) is its text, which is what goes on the wire either way."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Wire", "version": "1"},
        "paths": {
            "/calls": {
                "get": {
                    "operationId": "listCalls",
                    "parameters": [
                        {"name": "Beta", "in": "query", "schema": {"type": "boolean"}, "example": "true"},
                        {"name": "Page", "in": "query", "schema": {"type": "integer"}, "example": "20"},
                        {"name": "Ratio", "in": "query", "schema": {"type": "number"}, "example": "0.5"},
                        {"name": "Signed", "in": "query", "schema": {"type": "integer"}, "example": "-3"},
                        {"name": "Muted", "in": "query", "schema": {"type": "boolean"}, "example": "yes"},
                        {"name": "Size", "in": "query", "schema": {"type": "integer"}, "example": "1.0"},
                        {"name": "Code", "in": "query", "schema": {"type": "string"}, "example": "true"},
                        {"name": "Job", "in": "query", "schema": {"type": "string"}, "example": 123},
                        {"name": "Tag", "in": "query", "schema": {"type": "string", "pattern": "^t"}, "example": 5},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
    }
    version = ir.build_package([doc], source_names=["wire.yaml"]).versions[0]
    [op] = version.operations
    examples = {p.wire_name: p.example.value if p.example else None for p in op.params}
    assert examples["Beta"] is True and examples["Page"] == 20 and examples["Ratio"] == 0.5
    assert examples["Signed"] == -3 and examples["Code"] == "true"
    assert examples["Job"] == "123"  # Box's 2025.0 spec: a number shown for a string id (4 warnings)
    warned = " ".join(version.warnings)
    assert "'Beta'" not in warned and "'Page'" not in warned and "'Ratio'" not in warned
    assert "'Muted'" in warned and "'Size'" in warned and "'Tag'" in warned and "'Job'" not in warned


def test_a_path_value_the_client_refuses_is_never_the_contract_tests_value() -> None:
    """The runtime refuses an empty, ``.`` or ``..`` path segment (URL normalisation would change the resource), so
    a contract test sending one fails. Brex's document in APIs-guru/openapi-directory (snapshot ``6cc2f82``,
    ``APIs/brex.io/1.0.0/openapi.yaml``: ``/api/v1/company/{id}/{dataset}`` with ``enum: ['', mini, ...]``) had 4 of
    75 contract tests fail on the enum's first member. The test now sends the first value a path can carry, with a
    warning; a documented example the client refuses is replaced the same way; a parameter with no such value at all
    leaves the operation without a request case, saying why."""
    enum_param = {"name": "dataset", "in": "path", "required": True, "schema": {"type": "string", "enum": ["", "mini"]}}
    documented = {"name": "term", "in": "path", "required": True, "schema": {"type": "string"}, "example": ".."}
    hopeless = {"name": "dot", "in": "path", "required": True, "schema": {"type": "string", "enum": ["", "."]}}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Segments", "version": "1"},
        "paths": {
            "/companies/{dataset}/{term}": {
                "get": {
                    "operationId": "getCompany",
                    "parameters": [enum_param, documented],
                    "responses": {"204": {"description": "ok"}},
                }
            },
            "/dots/{dot}": {
                "get": {"operationId": "getDot", "parameters": [hopeless], "responses": {"204": {"description": "ok"}}}
            },
        },
    }
    pkg = ir.build_package([doc], source_names=["segments.yaml"])
    version = pkg.versions[0]
    company, dot = sorted(version.operations, key=lambda op: op.method_name)
    examples = {p.wire_name: p.example.value if p.example else None for p in company.params}
    assert examples["dataset"] == "mini"
    assert examples["term"] not in ("", ".", "..") and isinstance(examples["term"], str)
    assert company.request_test_blocker is None
    blocker = dot.request_test_blocker
    assert blocker is not None and "'dot'" in blocker and "path" in blocker
    warned = [w for w in pkg.warnings if w.startswith("segments.yaml: /paths/")]
    assert any("'dataset'" in w and "'' cannot be sent in a path" in w and "sends 'mini'" in w for w in warned)
    assert any("'term'" in w and "'..' cannot be sent in a path" in w for w in warned), warned
    assert any("'dot'" in w and "no request contract test" in w for w in warned), warned


def test_a_placeholder_in_a_paths_query_string_is_a_query_argument() -> None:
    """APIs-guru's icons8.com (snapshot ``6cc2f82``, ``APIs/icons8.com/1.0.0/openapi.yaml``) writes its search as
    ``/api/iconsets/v3/search?term={term}&amount={amount}`` and declares ``term`` and ``amount`` ``in: path``. The
    query string was read as fixed text, so the method took no argument and always sent ``term=%7Bterm%7D``, and
    the declarations were dropped. A pair whose value is a placeholder is a query parameter: the declaration named
    like the placeholder fills it (under the pair's key), an undeclared one is a required string; fixed pairs are
    still sent as written."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Icons", "version": "1"},
        "paths": {
            "/search?term={term}&amount={count}&fmt=json&lang={lang}": {
                "get": {
                    "operationId": "search",
                    "parameters": [
                        {"name": "term", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "count", "in": "path", "required": True, "schema": {"type": "integer"}},
                    ],
                    "responses": {"204": {"description": "ok"}},
                },
                "post": {  # the path item's other operation reads the same query string
                    "operationId": "search_post",
                    "parameters": [{"name": "term", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"204": {"description": "ok"}},
                },
            }
        },
    }
    pkg = ir.build_package([doc], source_names=["icons.yaml"])
    op, post = sorted(pkg.versions[0].operations, key=lambda o: o.http_method)
    assert op.path == "/search"
    params = {p.wire_name: (p.location, p.annotation, p.required, p.fixed) for p in op.params}
    assert params == {
        "term": ("query", "str", True, False),
        "amount": ("query", "int", True, False),
        "fmt": ("query", "str", True, True),
        "lang": ("query", "str", True, False),
    }
    assert [p.py_name for p in op.arguments] == ["term", "amount", "lang"]
    assert [p.py_name for p in post.arguments] == ["term", "amount", "lang"]
    assert any("'count'" in w and "amount={count}" in w for w in pkg.warnings), pkg.warnings
    assert any("{lang}" in w and "declares no such parameter" in w for w in pkg.warnings), pkg.warnings
