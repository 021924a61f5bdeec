"""Request bodies documented in several media types: the method takes a ``content_type`` keyword listing them.

Kubernetes documents every PATCH in ``application/json-patch+json``, ``application/merge-patch+json``,
``application/strategic-merge-patch+json``, ``application/apply-patch+yaml`` and ``+cbor``, and the server needs the
one that matches the patch: the generated method always sent the first JSON type (a merge patch sent as a JSON patch
is refused), and the YAML type was not reachable at all (the one binary variant took CBOR). Form bodies whose schema
is an object with properties were ``Mapping[str, Any]`` only; they take the model datamodel-code-generator made too.
Fixture: ``tests/fixtures/openapi/media`` (its README names the documents each shape was seen in).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from scraper.clients.render import py_literal
from tests import paths
from tests.clients.package_import import imported, run_package_tests
from tests.runtime.test_support import Reply, serve

SPEC = paths.FIXTURES / "openapi" / "media" / "1.0.yaml"
PACKAGE = "media_types"
PATCH_TYPES = (
    "application/json-patch+json",
    "application/merge-patch+json",
    "application/strategic-merge-patch+json",
)


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def operations() -> tuple[dict[str, ir.OperationIR], list[str]]:
    version = ir.build_package([spec()]).versions[0]
    return {op.method_name: op for op in version.operations}, version.warnings


def keyword(op: ir.OperationIR, name: str) -> ir.ArgumentIR | None:
    return next((k for k in op.keywords if k.name == name), None)


def test_each_method_lists_the_documented_media_types_of_its_body() -> None:
    ops, _ = operations()
    patch = ops["patch_widget"]
    assert patch.body is not None and patch.body.kind == "json"
    assert patch.body.media_types == list(PATCH_TYPES)
    content_type = keyword(patch, "content_type")
    assert content_type == ir.ArgumentIR(
        "content_type", "Literal[" + ", ".join(py_literal(t) for t in PATCH_TYPES) + "]", py_literal(PATCH_TYPES[0])
    )
    # YAML is text the caller writes, CBOR raw bytes: each its own method, one media type each
    text, binary = ops["patch_widget_text"], ops["patch_widget_binary"]
    assert text.body is not None and text.body.media_types == ["application/apply-patch+yaml"]
    assert text.body.annotation == "str | bytes"
    assert binary.body is not None and binary.body.media_types == ["application/apply-patch+cbor"]
    assert keyword(text, "content_type") is None
    # raw bytes: only the caller knows what they are (tests/clients/test_binary_content_type.py)
    assert keyword(binary, "content_type") == ir.ArgumentIR("content_type", "str | None", "None")
    # the iterator-free keyword order: required first, content_type after the body
    assert [k.name for k in patch.keywords] == ["body", "content_type"]


def test_the_default_is_the_type_sent_before_and_one_type_takes_no_keyword() -> None:
    ops, _ = operations()
    create = ops["create_widget"]
    assert create.body is not None and create.body.media_type == "application/json"
    assert keyword(ops["replace_widget"], "content_type") is None
    assert keyword(ops["create_token"], "content_type") is None


def test_a_json_type_of_another_schema_is_not_offered_with_the_first_types_model() -> None:
    ops, warnings = operations()
    create = ops["create_widget"]
    assert create.body is not None and create.body.media_types == ["application/json"]
    assert keyword(create, "content_type") is None
    assert ops["create_widget_text"].body is not None
    assert ops["create_widget_text"].body.media_types == ["application/yaml"]  # type: ignore[union-attr]
    [said] = [w for w in warnings if "vnd.media.v2+json" in w]
    assert said.startswith("/paths/~1widgets/post/requestBody/content/application~1vnd.media.v2+json: ")
    assert "another schema than application/json" in said


def test_form_bodies_with_properties_take_their_model() -> None:
    ops, _ = operations()
    token, hook, upload = ops["create_token"].body, ops["post_hook"].body, ops["upload_file"].body
    assert token is not None and hook is not None and upload is not None
    assert token.model == "CreateTokenRequest"
    assert token.annotation == "_models.CreateTokenRequest | Mapping[str, Any]"
    assert upload.annotation == "_models.UploadFileRequest | Mapping[str, Any]"
    assert hook.model == "" and hook.annotation == "Mapping[str, Any]"  # no schema: named fields, any


def test_header_unsafe_media_types_are_never_offered() -> None:
    doc = spec()
    content = doc["paths"]["/widgets/{name}"]["patch"]["requestBody"]["content"]
    content["application/x\r\nX-Evil: 1+json"] = {"schema": {"$ref": "#/components/schemas/Patch"}}
    version = ir.build_package([doc]).versions[0]
    [patch] = [op for op in version.operations if op.method_name == "patch_widget"]
    assert patch.body is not None and patch.body.media_types == list(PATCH_TYPES)
    assert any("is not a media type a header can carry" in w for w in version.warnings)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("media") / "media-types"
    write_tree(root, render_package([spec()], source_names=["media/1.0.yaml"]))
    return root


@pytest.fixture(scope="module")
def api(package: Path) -> Iterator[ModuleType]:
    with imported(package, f"{PACKAGE}.v1_0_0") as module:
        yield module


def test_a_local_server_receives_the_chosen_type_and_body(api: ModuleType) -> None:
    """Against a real HTTP server on 127.0.0.1: a merge patch goes out as ``application/merge-patch+json`` with the
    model's JSON, the default is still the JSON patch type, the YAML method sends the caller's text, and a form
    model is urlencoded by its Encoding Object (``scopes`` space-delimited) with only the fields that were set."""
    models = api.models
    with (
        serve(lambda _: Reply(200, {"name": "w1", "size": 3, "token": "t"})) as server,
        api.Client(base_url=server.url) as client,
    ):
        patched = client.patch_widget("w1", body=models.Patch(size=4), content_type="application/merge-patch+json")
        client.patch_widget("w1", body=models.Patch(size=5))
        client.patch_widget_text("w1", body="size: 6\n")
        client.create_token(
            body=models.CreateTokenRequest(grant_type="password", user_name="ann", scopes=["read", "write"])
        )
        client.upload_file(body=models.UploadFileRequest(caption="hi", file=b"\x89PNG"))
    merge, default, applied, token, upload = server.requests
    assert patched.size == 3
    assert merge.method == "PATCH" and merge.path == "/widgets/w1"
    assert merge.header("Content-Type") == "application/merge-patch+json" and merge.json() == {"size": 4}
    assert default.header("Content-Type") == "application/json-patch+json" and default.json() == {"size": 5}
    assert applied.header("Content-Type") == "application/apply-patch+yaml" and applied.body == b"size: 6\n"
    assert token.header("Content-Type") == "application/x-www-form-urlencoded"
    assert token.body == b"grant_type=password&user_name=ann&scopes=read+write"
    content_type = upload.header("Content-Type") or ""
    assert content_type.startswith("multipart/form-data; boundary=")
    assert b'name="caption"\r\n\r\nhi' in upload.body and b"\x89PNG" in upload.body


def test_the_package_passes_its_contract_tests_ruff_and_mypy_strict(package: Path) -> None:
    run = run_package_tests(package)
    assert run.returncode == 0, run.stdout[-3000:]
    client = (package / PACKAGE / "v1_0_0" / "client.py").read_text(encoding="utf-8")
    assert 'content_type: Literal[\n            "application/json-patch+json",' in client or (
        'content_type: Literal["application/json-patch+json"' in client
    )
    bin_dir = Path(sys.executable).parent
    ruff = subprocess.run(
        [str(bin_dir / "ruff"), "check", "--no-cache", str(package)], capture_output=True, text=True, check=False
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    env = {**os.environ, "MYPYPATH": str(package), "MYPY_CACHE_DIR": str(package.parent / "mypy-cache")}
    mypy = subprocess.run(
        [str(bin_dir / "mypy"), "--strict", "--no-incremental", "-p", PACKAGE],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=package,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_the_keyword_steps_aside_for_a_documented_parameter_of_its_name(tmp_path: Path) -> None:
    """A query parameter ``content_type`` (Python name of ``contentType``) keeps its name; the media type keyword
    becomes ``content_type_2``, and the request sends each where it belongs."""
    doc = spec()
    patch = doc["paths"]["/widgets/{name}"]["patch"]
    patch["parameters"].append({"name": "contentType", "in": "query", "schema": {"type": "string"}})
    [op] = [o for o in ir.build_package([doc]).versions[0].operations if o.method_name == "patch_widget"]
    assert [k.name for k in op.keywords] == ["body", "content_type", "content_type_2"]
    root = tmp_path / "media-keyword"  # its own name: the module's other package stays imported meanwhile
    write_tree(root, render_package([doc], package_name="media-keyword", source_names=["media/1.0.yaml"]))
    with imported(root, "media_keyword.v1_0_0") as module:
        with serve(lambda _: Reply(200, {"name": "w1"})) as server, module.Client(base_url=server.url) as client:
            client.patch_widget(
                "w1", body=module.models.Patch(), content_type="q", content_type_2="application/merge-patch+json"
            )
        [request] = server.requests
        assert request.query == "contentType=q"
        assert request.header("Content-Type") == "application/merge-patch+json"
