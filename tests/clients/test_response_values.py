"""Responses that are not objects return the value itself (as openapi-python-client and Stainless do).

A 2xx response whose schema is an array, a map, a union, a scalar or an enum becomes a pydantic root model; the
method used to return that wrapper (``client.list_pets() -> _models.ListPetsResponse``, the list under ``.root``).
It returns the value now, typed from the IR (``OperationIR.response_value``), validated by the root model as before.
Spec: ``tests/fixtures/openapi/root_responses/1.0.yaml``.
"""

from __future__ import annotations

import ast
import asyncio
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_mypy
from tests.paths import ROOT
from tests.runtime.test_support import LocalServer, Recorded, Reply

SPEC = ROOT / "tests" / "fixtures" / "openapi" / "root_responses" / "1.0.yaml"
PACKAGE = "root_responses"


def _spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def _operations(doc: dict[str, Any]) -> dict[str, ir.OperationIR]:
    [version] = ir.build_package([doc]).versions
    return {op.method_name: op for op in version.operations}


def test_the_ir_decides_what_each_response_returns() -> None:
    ops = _operations(_spec())
    assert {name: op.returns for name, op in ops.items()} == {
        "list_pets": "list[_models.Pet]",
        "list_keys": "list[_models.Key]",
        "create_pet": "_models.Pet",
        "pets_by_name": "dict[str, _models.Pet]",
        "list_names": "list[str]",
        "get_animal": "_models.Cat | _models.Dog",
        "count_pets": "int",
        "favourite_color": "_models.Color",
        "list_tags": "list[_models.ListTagsResponseItem] | None",
    }
    assert ops["create_pet"].response_value is None  # an object: the model itself
    assert ops["list_pets"].response_model == "ListPetsResponse"  # the root model still parses it


def _one_response(schema: dict[str, Any], *, openapi: str = "3.1.0", **schemas: Any) -> ir.OperationIR:
    doc = {
        "openapi": openapi,
        "info": {"title": "One", "version": "1.0"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "getX",
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
                }
            }
        },
        "components": {"schemas": {"Pet": {"type": "object", "properties": {"id": {"type": "integer"}}}, **schemas}},
    }
    return _operations(doc)["get_x"]


@pytest.mark.parametrize(
    ("schema", "returns"),
    [
        ({"type": "array", "items": {"type": "string", "format": "date-time"}}, "list[str]"),
        ({"type": "array", "items": {"type": "string", "format": "binary"}}, "list[bytes]"),
        ({"type": "array", "items": {"type": "array", "items": {"type": "number"}}}, "list[list[float]]"),
        ({"type": "array"}, "list[Any]"),
        ({"type": "array", "prefixItems": [{"type": "string"}]}, "list[Any]"),
        ({"type": "object", "additionalProperties": {}}, "dict[str, Any]"),
        ({"type": ["object", "null"], "additionalProperties": {"type": "string"}}, "dict[str, Any] | None"),
        ({"type": "object", "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}},
         "dict[str, list[_models.Pet]]"),
        ({"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]}, "_models.Pet | None"),
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, "str | int"),
        ({"type": ["number", "integer"]}, "float | int"),
        ({"type": "number", "format": "decimal"}, "Any"),
        ({"const": "x"}, 'Literal["x"]'),
        ({"description": "anything"}, "Any"),
        ({"type": "string", "enum": ["a", "b"]}, "_models.GetXResponseValue"),
        ({"type": "object", "additionalProperties": {"type": "integer"}, "propertyNames": {"enum": ["a", "b"]}},
         'dict[Literal["a", "b"], int]'),
    ],
)  # fmt: skip
def test_the_annotation_is_the_root_models_type(schema: dict[str, Any], returns: str) -> None:
    op = _one_response(schema)
    assert op.returns == returns
    assert op.response_value == returns


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object"},
        {"type": "object", "additionalProperties": False},
        {"type": "object", "additionalProperties": True},
        {"allOf": [{"$ref": "#/components/schemas/Pet"}]},
        {"type": "object", "properties": {"a": {"type": "string"}}},
    ],
)
def test_objects_return_their_model(schema: dict[str, Any]) -> None:
    op = _one_response(schema)
    assert op.response_value is None and op.returns == f"_models.{op.response_model}"


def test_openapi_30_nullable_component_items_are_optional_in_the_list() -> None:
    """3.0: an item referring to a ``nullable: true`` component may be null (the models say ``Pet | None``); the
    annotation must say so too, ``list`` being invariant for mypy."""
    nullable_pet = {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}}}
    op = _one_response(
        {"type": "array", "items": {"$ref": "#/components/schemas/MaybePet"}}, openapi="3.0.3", MaybePet=nullable_pet
    )
    assert op.returns == "list[_models.MaybePet | None]"


# ------------------------------------------------------------------------------------------- the generated package


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("roots") / "root-responses"
    write_tree(root, render_package([_spec()], package_name="root-responses", source_names=["root_responses/1.0.yaml"]))
    return root


PETS = [{"id": n, "name": f"pet{n}"} for n in range(5)]
KEYS = [{"id": f"k{n}"} for n in range(5)]


def _reply(request: Recorded) -> Reply:
    """The API: every route answers its documented shape; ``/pets`` pages by offset and limit."""
    if request.path == "/pets" and request.method == "GET":
        query = dict(part.split("=", 1) for part in request.query.split("&") if part)
        start, limit = int(query.get("offset", "0")), int(query.get("limit", "2"))
        return Reply(200, PETS[start : start + limit])
    if request.path == "/keys":
        query = dict(part.split("=", 1) for part in request.query.split("&") if part)
        ids = [key["id"] for key in KEYS]
        start = ids.index(query["marker"]) + 1 if "marker" in query else 0
        return Reply(200, KEYS[start : start + int(query["limit"])])
    bodies: dict[str, Any] = {
        "/pets": PETS[0],
        "/pets/by-name": {"a": PETS[0], "b": PETS[1]},
        "/names": ["x", "y"],
        "/animal": {"barks": True},
        "/count": 5,
        "/color": "green",
        "/tags": [{"label": "t"}],
    }
    # as JSON bytes: the test server sends a str as text (a JSON string response is '"green"' on the wire)
    return Reply(201 if request.method == "POST" else 200, json.dumps(bodies[request.path]).encode())


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    local = LocalServer(_reply).start()
    try:
        yield local
    finally:
        local.stop()


def _check_values(module: Any, got: dict[str, Any]) -> None:
    models = module.models
    assert isinstance(got["list_pets"], list) and all(isinstance(p, models.Pet) for p in got["list_pets"])
    assert [p.id for p in got["list_pets"]] == [0, 1]
    assert isinstance(got["create_pet"], models.Pet)
    assert isinstance(got["pets_by_name"], dict) and isinstance(got["pets_by_name"]["b"], models.Pet)
    assert got["list_names"] == ["x", "y"]
    assert isinstance(got["get_animal"], models.Dog)
    assert got["count_pets"] == 5 and type(got["count_pets"]) is int
    assert got["favourite_color"] is models.Color.GREEN
    assert [t.label for t in got["list_tags"]] == ["t"]


def test_the_generated_client_returns_values_from_a_real_server(built: Path, server: LocalServer) -> None:
    with imported(built, f"{PACKAGE}.v1_0") as module:
        with module.Client(base_url=server.url) as client:
            got = {
                "list_pets": client.list_pets(),
                "create_pet": client.create_pet(body=module.models.Pet(id=9)),
                "pets_by_name": client.pets_by_name(),
                "list_names": client.list_names(),
                "get_animal": client.get_animal(),
                "count_pets": client.count_pets(),
                "favourite_color": client.favourite_color(),
                "list_tags": client.list_tags(),
            }
            _check_values(module, got)
            paged = list(client.iter_list_pets(limit=2))
            keys = [key.id for key in client.iter_list_keys(limit=2)]
        assert [p.id for p in paged] == [0, 1, 2, 3, 4] and all(isinstance(p, module.models.Pet) for p in paged)
        assert keys == ["k0", "k1", "k2", "k3", "k4"]  # marker style: each page's last item's id asks for the next

        async def calls() -> tuple[dict[str, Any], list[Any]]:
            async with module.AsyncClient(base_url=server.url) as client:
                got = {
                    "list_pets": await client.list_pets(),
                    "create_pet": await client.create_pet(body=module.models.Pet(id=9)),
                    "pets_by_name": await client.pets_by_name(),
                    "list_names": await client.list_names(),
                    "get_animal": await client.get_animal(),
                    "count_pets": await client.count_pets(),
                    "favourite_color": await client.favourite_color(),
                    "list_tags": await client.list_tags(),
                }
                return got, [p async for p in client.iter_list_pets(limit=3)]

        got, paged = asyncio.run(calls())
        _check_values(module, got)
        assert [p.id for p in paged] == [0, 1, 2, 3, 4]


def test_a_body_that_does_not_match_is_still_a_response_validation_error(built: Path) -> None:
    def wrong(_: Recorded) -> Reply:
        return Reply(200, [{"name": "no id"}])

    local = LocalServer(wrong).start()
    try:
        with imported(built, f"{PACKAGE}.v1_0") as module, module.Client(base_url=local.url) as client:
            from docs2client_runtime import ResponseValidationError

            with pytest.raises(ResponseValidationError, match=r"ListPetsResponse: 0\.id"):
                client.list_pets()
    finally:
        local.stop()


def test_docstrings_say_what_comes_back(built: Path) -> None:
    tree = ast.parse((built / PACKAGE / "v1_0" / "client.py").read_text(encoding="utf-8"))
    [client] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Client"]
    docs = {fn.name: ast.get_docstring(fn) or "" for fn in client.body if isinstance(fn, ast.FunctionDef)}
    assert "Returns:\n    list[Pet] (HTTP 200)." in docs["list_pets"]
    assert "Returns:\n    Pet (HTTP 201)." in docs["create_pet"]
    assert "Returns:\n    Cat | Dog (HTTP 200)." in docs["get_animal"]


def test_mypy_strict_on_the_package_and_the_returned_types(built: Path, tmp_path: Path) -> None:
    snippet = built / "use_values.py"
    snippet.write_text(textwrap.dedent(f"""\
        from {PACKAGE}.v1_0 import AsyncClient, Client


        def use(client: Client) -> None:
            reveal_type(client.list_pets())
            reveal_type(client.pets_by_name())
            reveal_type(client.get_animal())
            reveal_type(client.list_names())
            for pet in client.iter_list_pets():
                reveal_type(pet)


        async def ause(client: AsyncClient) -> None:
            reveal_type(await client.count_pets())
        """))
    tests = sorted(str(p) for p in (built / "tests").glob("test_*.py"))
    result = run_package_mypy(built, PACKAGE, *tests, str(snippet), cache=tmp_path / "mypy-cache")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == [], result.stdout + result.stderr
    revealed = [line.split("Revealed type is ", 1)[1] for line in result.stdout.splitlines() if "Revealed type" in line]
    models = f"{PACKAGE}.v1_0.models"
    assert revealed == [
        f'"list[{models}.Pet]"',
        f'"dict[str, {models}.Pet]"',
        f'"{models}.Cat | {models}.Dog"',
        '"list[str]"',
        f'"{models}.Pet"',
        '"int"',
    ], result.stdout


# ------------------------------------------------------------------------------- agreement with the models' roots

#: Response shapes seen in public documents (bare arrays, maps, unions, scalars, enums, aliases, 3.1 type lists),
#: each the 2xx schema of one operation; the generated models' ``root`` annotation must fit each method's return.
SHAPES: dict[str, Any] = {
    "arrayOfRefs": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
    "arrayOfDates": {"type": "array", "items": {"type": "string", "format": "date-time"}},
    "arrayOfBytes": {"type": "array", "items": {"type": "string", "format": "binary"}},
    "arrayOfEnumRefs": {"type": "array", "items": {"$ref": "#/components/schemas/Color"}},
    "arrayOfInlineEnums": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
    "arrayOfConstrained": {"type": "array", "maxItems": 3, "items": {"type": "string", "maxLength": 5}},
    "arrayOfUnions": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Pet"}]}},
    "arrayOfNullable": {"type": "array", "items": {"type": ["string", "null"]}},
    "arrayNoItems": {"type": "array"},
    "tuple": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]},
    "nested": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
    "nullableArray": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Pet"}},
    "mapOfRefs": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Pet"}},
    "mapOfArrays": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "integer"}}},
    "mapAny": {"type": "object", "additionalProperties": {}},
    "mapNullable": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
    "mapPattern": {"type": "object", "patternProperties": {"^a": {"type": "string"}}},
    # Mastodon's markers (round 17): keys listed by ``propertyNames``, which the models type as a ``Literal``
    "mapKeysListed": {
        "type": "object",
        "additionalProperties": {"$ref": "#/components/schemas/Pet"},
        "propertyNames": {"enum": ["home", "notifications"]},
    },
    "mapKeysPattern": {
        "type": "object",
        "additionalProperties": {"type": "integer"},
        "propertyNames": {"pattern": "^[a-z]+$"},
    },
    "mapNoType": {"additionalProperties": {"type": "integer"}},
    "union": {"oneOf": [{"$ref": "#/components/schemas/Pet"}, {"$ref": "#/components/schemas/Color"}]},
    "unionOrNull": {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
    "unionMixed": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"$ref": "#/components/schemas/Pet"}]},
    "typeList": {"type": ["number", "integer"]},
    "string": {"type": "string", "format": "uri"},
    "decimal": {"type": "number", "format": "decimal"},
    "const": {"const": "x"},
    "constTrue": {"const": True},
    "inlineEnum": {"type": "integer", "enum": [1, 2]},
    "enumRef": {"$ref": "#/components/schemas/Color"},
    "alias": {"$ref": "#/components/schemas/PetAlias"},
    "names": {"$ref": "#/components/schemas/Names"},
    "selfArray": {"$ref": "#/components/schemas/Tree"},
    "arrayOfSelfArrays": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
    "selfMap": {"$ref": "#/components/schemas/Branches"},
    "allOfUnion": {"allOf": [{"$ref": "#/components/schemas/PetOrColor"}]},
    "untyped": {"description": "anything"},
    "object": {"type": "object"},
    "allOfObject": {"allOf": [{"$ref": "#/components/schemas/Pet"}]},
}


def _shapes_doc(openapi: str) -> dict[str, Any]:
    pet = {
        "type": "object",
        "properties": {"id": {"type": "integer"}},
        **({"nullable": True} if "3.0" in openapi else {}),
    }
    paths = {
        f"/{name}": {
            "get": {
                "operationId": name,
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
            }
        }
        for name, schema in SHAPES.items()
        if openapi == "3.1.0"
        or not any(k in str(schema) for k in ("'null'", "prefixItems", "const", "patternProp", "propertyNames"))
    }
    return {
        "openapi": openapi,
        "info": {"title": "Shapes", "version": "1.0"},
        "paths": paths,
        "components": {
            "schemas": {
                "Pet": pet,
                "Color": {"type": "string", "enum": ["red", "green"]},
                "PetAlias": {"$ref": "#/components/schemas/Pet"},
                "Names": {"type": "array", "items": {"type": "string"}},
                "Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                "Branches": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Branches"}},
                "PetOrColor": {"oneOf": [{"$ref": "#/components/schemas/Pet"}, {"$ref": "#/components/schemas/Color"}]},
            }
        },
    }


def _members_of(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _members_of(node.left) + _members_of(node.right)
    return [node]


def _fits(mine: ast.expr, theirs: ast.expr) -> bool:
    """Whether the return annotation ``mine`` takes the root type ``theirs`` under mypy: the same type (in any union
    order), or ``Any`` in its place."""
    if isinstance(mine, ast.Name) and mine.id == "Any":
        return True
    mine_members, their_members = _members_of(mine), _members_of(theirs)
    if len(mine_members) > 1 or len(their_members) > 1:
        return len(mine_members) == len(their_members) and all(
            any(_fits(m, t) for m in mine_members) for t in their_members
        )
    if isinstance(mine, ast.Subscript) and isinstance(theirs, ast.Subscript):
        mine_args = mine.slice.elts if isinstance(mine.slice, ast.Tuple) else [mine.slice]
        their_args = theirs.slice.elts if isinstance(theirs.slice, ast.Tuple) else [theirs.slice]
        return (
            ast.unparse(mine.value) == ast.unparse(theirs.value)
            and len(mine_args) == len(their_args)
            and all(_fits(m, t) for m, t in zip(mine_args, their_args, strict=True))
        )
    return ast.unparse(mine) == ast.unparse(theirs)


@pytest.mark.parametrize("openapi", ["3.1.0", "3.0.3"])
def test_every_shape_returns_what_its_root_model_holds(openapi: str) -> None:
    doc = _shapes_doc(openapi)
    files = render_package([doc], package_name="shapes")
    [models] = [data for rel, data in files.items() if rel.endswith("/models.py")]
    roots: dict[str, str | None] = {}
    for node in ast.parse(models).body:
        if isinstance(node, ast.ClassDef):
            root = [s for s in node.body if isinstance(s, ast.AnnAssign) and ast.unparse(s.target) == "root"]
            roots[node.name] = ast.unparse(root[0].annotation) if root else None
    [version] = ir.build_package([doc]).versions
    kept = []
    for op in version.operations:
        assert op.response_model is not None
        theirs = roots[op.response_model]
        if op.response_value is None:
            kept.append(op.operation_id)
            assert theirs is None, f"{op.operation_id}: a root model ({theirs}) returned as the model"
            continue
        assert theirs is not None, f"{op.operation_id}: {op.response_value} returned from a class with no root"
        mine = ast.parse(op.response_value.replace("_models.", ""), mode="eval").body
        assert _fits(mine, ast.parse(theirs, mode="eval").body), (op.operation_id, op.response_value, theirs)
    assert sorted(kept) == ["allOfObject", "object"]


def test_a_named_items_property_of_a_bare_array_page_is_a_warning_and_the_body_is_read() -> None:
    doc = _spec()
    doc["paths"]["/pets"]["get"]["x-pagination"]["items"] = "pets"
    [version] = ir.build_package([doc], source_names=["root_responses/1.0.yaml"]).versions
    [paged] = [op for op in version.operations if op.method_name == "list_pets"]
    assert paged.pagination is not None and paged.pagination.reads_body
    assert paged.pagination.item_type == "_models.Pet"
    assert any("x-pagination.items is 'pets', but the 2xx body is itself an array" in w for w in version.warnings)


def _tagged_values(openapi: str) -> dict[str, Any]:
    """A discriminated parent (``discriminator`` without ``oneOf``, children extending it through ``allOf``) and
    responses that hold it in a list, a map and as itself (opto22.com's groov View: ``list[tagValue]``)."""
    child = {"allOf": [{"$ref": "#/components/schemas/TagValue"}, {"type": "object", "properties": {}}]}
    parent = {
        "type": "object",
        "required": ["valueType"],
        "properties": {"valueType": {"type": "string"}},
        "discriminator": {"propertyName": "valueType"},
    }
    one = {"$ref": "#/components/schemas/TagValue"}
    values = {"type": "array", "items": one}
    by_name = {"type": "object", "additionalProperties": one}
    return {
        "openapi": openapi,
        "info": {"title": "Tagged values", "version": "1.0"},
        "paths": {
            f"/{name}": {
                "get": {
                    "operationId": name,
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
                }
            }
            for name, schema in [("values", values), ("byName", by_name), ("one", one)]
        },
        "components": {"schemas": {"TagValue": parent, "BooleanValue": child, "StringValue": child}},
    }


@pytest.mark.parametrize("openapi", ["3.0.3", "3.1.0"])
def test_a_discriminated_parent_inside_a_list_is_no_narrower_than_the_models(openapi: str, tmp_path: Path) -> None:
    """The generator dispatches an item or map value referring to a discriminated parent to the union of the
    children (``list[BooleanValue | StringValue]``; not always, Okta's round 9); ``list`` and ``dict`` are invariant,
    so ``list[_models.TagValue]`` was a mypy error in the client (2 in opto22.com's package). Such a part is ``Any``;
    the parent itself, not inside a container, stays the parent (its children are subclasses)."""
    doc = _tagged_values(openapi)
    ops = {op.method_name: op for op in ir.build_package([doc]).versions[0].operations}
    assert ops["values"].returns == "list[Any]" and ops["by_name"].returns == "dict[str, Any]"
    assert ops["one"].returns == "_models.TagValue"
    root = tmp_path / "tagged"
    write_tree(root, render_package([doc], package_name="tagged"))
    env = {**os.environ, "MYPYPATH": str(root), "MYPY_CACHE_DIR": str(tmp_path / "mypy-cache")}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(root / "pyproject.toml"), str(root / "tagged")],
        capture_output=True, text=True, env=env, cwd=root, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
