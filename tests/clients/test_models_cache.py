"""The disk cache of datamodel-code-generator's output (``scraper.clients.models.ModelsCache``): a hit gives the
bytes a fresh render gives, a damaged or foreign entry is a miss, and ``DOCS2CLIENT_CACHE_DIR=off`` stores nothing."""

from __future__ import annotations

import ast
import hashlib
import importlib
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

import scraper.clients.models as models_module
from scraper.clients.models import ModelsCache, _is_model_module
from tests.paths import ROOT

DEMO = ROOT / "tests" / "fixtures" / "openapi" / "scp" / "demoserver"


def _demo_schemas() -> dict[str, Any]:
    spec = yaml.safe_load(sorted(DEMO.glob("*.yaml"))[-1].read_text(encoding="utf-8"))
    schemas: dict[str, Any] = spec["components"]["schemas"]
    assert schemas
    return schemas


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return count_renders(monkeypatch)


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source names datamodel-code-generator is run for from now on; the per-process memo starts empty."""
    calls: list[str] = []
    real = models_module._render_models

    def counting(schemas: Any, *, openapi: str, source_name: str) -> str:
        calls.append(source_name)
        return real(schemas, openapi=openapi, source_name=source_name)

    monkeypatch.setattr(models_module, "_render_models", counting)
    monkeypatch.setattr(models_module, "_RENDERED", {})
    return calls


def _render(source_name: str, schemas: dict[str, Any] | None = None) -> str:
    models_module._RENDERED.clear()  # a new process, as far as the memo is concerned
    return models_module.render_models(
        schemas if schemas is not None else _demo_schemas(),
        openapi="3.1.0",
        source_name=source_name,
        header="Models of Demo API",
    )


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / "models").glob("*/*/*") if p.is_file())


def test_a_second_run_takes_the_models_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path))
    first = _render("a.yaml")
    assert counted == ["a.yaml"] and len(_entries(tmp_path)) == 1
    second = _render("b.yaml")
    assert counted == ["a.yaml"], "the second run rendered again"
    assert second == first and "class " in first
    other = {**_demo_schemas(), "Extra": {"type": "object", "properties": {"x": {"type": "integer"}}}}
    third = _render("c.yaml", other)
    assert counted == ["a.yaml", "c.yaml"] and "class Extra(BaseModel):" in third
    assert len(_entries(tmp_path)) == 2


def test_a_torn_or_edited_entry_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path))
    expected = _render("a.yaml")
    (entry,) = _entries(tmp_path)
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-20])  # torn: its checksum no longer matches
    assert _render("b.yaml") == expected and counted == ["a.yaml", "b.yaml"]
    # An entry edited with a valid checksum but holding code that runs is not used either.
    body = expected.replace(_render_marker(expected), "import os\nos.system('true')\n" + _render_marker(expected), 1)
    entry.write_bytes(hashlib.sha256(body.encode()).hexdigest().encode() + b"\n" + body.encode())
    assert _render("c.yaml") == expected and counted == ["a.yaml", "b.yaml", "c.yaml"]
    assert entry.read_bytes() == raw, "the bad entry was not replaced by the fresh render"


def _render_marker(source: str) -> str:
    """The first class statement of a models module (code inserted before it runs at import)."""
    start = source.index("\nclass ") + 1
    return source[start : source.index("\n", start)]


def test_caches_off_store_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _render("a.yaml") == _render("b.yaml")
    assert counted == ["a.yaml", "b.yaml"]
    assert not any(tmp_path.rglob("*")), "a disabled cache wrote files"


def test_another_generator_or_post_processing_is_another_cache(tmp_path: Path, counted: list[str]) -> None:
    one, two = ModelsCache(tmp_path, salt="0" * 16), ModelsCache(tmp_path, salt="1" * 16)
    one.put("ab" * 32, _render("a.yaml"))
    assert one.get("ab" * 32) is not None and two.get("ab" * 32) is None
    assert (one.hits, two.misses) == (1, 1)
    assert models_module._models_salt() != "0" * 16


@pytest.mark.parametrize(
    "addition",
    [
        "import os\n",
        "from os import system\n",
        "class X(BaseModel):\n    a: int = Field(default_factory=exec)\n",
        "class X(BaseModel):\n    a: \"__import__('os').getcwd()\" = None\n",
        'class X(RootModel["eval(1)"]):\n    pass\n',
        "class X(BaseModel):\n    def f(self) -> None:\n        pass\n",
        "Y = Field.__class__\n",
        "@Field\nclass X(BaseModel):\n    pass\n",
        "print(1)\n",
    ],
)
def test_only_model_declarations_pass_as_a_models_module(addition: str) -> None:
    source = _render("a.yaml")
    assert _is_model_module(source)
    assert not _is_model_module(source + "\n\n" + addition)


def test_the_passes_own_output_passes_as_a_models_module() -> None:
    """What the post-processing writes must be read back from the cache: a discriminated union in a list
    (``Annotated[A | B, Field(discriminator="kind")]``, whose metadata is no type) and an optional list field's
    typed default (``Field(list[str]([]))``, a call of a builtin generic) made every such module a miss, rendered
    again on each run (Mistral's models: both)."""
    from tests.clients.test_discriminated_list_items import _spec

    schemas = _spec()["components"]["schemas"]
    tags = {"type": "array", "items": {"type": "string"}, "default": [], "title": "Tags"}
    schemas["Tagged"] = {"type": "object", "properties": {"tags": tags}}
    source = models_module.render_models(schemas, openapi="3.1.0", source_name="m.yaml", header="Models.")
    assert "Field(list[str]([])," in source and 'Annotated[UserMessage | SystemMessage, Field(discriminator="' in source
    assert _is_model_module(source)


@pytest.mark.parametrize(
    "addition",
    [
        'class X(BaseModel):\n    a: list[Annotated[int, "__import__(1)"]]\n',
        "class X(BaseModel):\n    a: list[Annotated[int, exec(1)]]\n",
        "class X(BaseModel):\n    a: list[str] | None = Field(list[exec]([]))\n",
        "class X(BaseModel):\n    a: list[str] | None = Field(list[str](exec()))\n",
        "class X(BaseModel):\n    a: list[str] | None = Field(open[str]([]))\n",
    ],
)
def test_annotated_metadata_and_typed_defaults_run_no_code(addition: str) -> None:
    future = "from __future__ import annotations\n"
    source = _render("a.yaml").replace(future, future + "\nfrom typing import Annotated\n", 1)
    assert "Annotated" in source.split("class", 1)[0] and _is_model_module(source)
    assert not _is_model_module(source + "\n\n" + addition)


@pytest.mark.parametrize("warm", [False, True])
def test_models_worker_imports_the_generator_up_front_only_on_a_cold_cache(tmp_path: Path, warm: bool) -> None:
    """The models worker's initializer imports datamodel-code-generator when the cache holds no models of this
    generator (a cold run renders them all), and leaves it to the first miss when it does (an edit's models hit)."""
    import os
    import subprocess
    import sys

    if warm:
        ModelsCache(tmp_path).put("ab" * 32, "class A:\n    pass\n")
    assert ModelsCache(tmp_path).holds_entries() is warm
    probe = (
        "import os, sys\nfrom scraper.clients.formatting import _import_models\n_import_models(os.getppid())\n"
        "print('datamodel_code_generator' in sys.modules)\n"
    )
    env = {**os.environ, "DOCS2CLIENT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    assert done.stdout.strip() == str(not warm)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a models worker needs two CPUs")
def test_models_the_cache_holds_never_go_to_the_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The calling process looks the models up first: an edit that leaves the schemas alone neither waits for the
    models worker nor ships it the schemas, and gets the same source as the worker's."""
    from scraper.clients.formatting import SourceFormatter

    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path))
    models_module._RENDERED.clear()
    kw: dict[str, Any] = {"openapi": "3.1.0", "source_name": "a.yaml", "header": "Models of Demo API"}
    with SourceFormatter(workers=2) as pool:
        rendered = pool.render_models(_demo_schemas(), **kw)
        assert pool._models_pending == [rendered]  # a miss: rendered by the worker
        first = rendered.result()
    models_module._RENDERED.clear()  # a new run: only the cache on disk knows them
    with SourceFormatter(workers=2) as pool:
        known = pool.render_models(_demo_schemas(), **kw)
        assert known.done() and not pool._models_pending
        assert known.result() == first


def test_every_module_that_shapes_the_models_is_in_the_salt() -> None:
    """A pass's change reaches the cached models only through the salt: each ``scraper.clients`` module the models
    module imports, and each one those import in turn, must be read into it, else a changed pass is served stale
    models from the cache (``container_defaults``, ``union_members``, ``annotation_names``, ``naming`` (the hoisted
    classes' names), ``refs`` and ``syntax_nodes`` were not)."""
    not_shaping = {"scraper.clients.errors", "scraper.clients.formatting"}  # an exception; black's line length
    found, pending = set(), ["scraper.clients.models"]
    while pending:
        name = pending.pop()
        if name in found or name in not_shaping:
            continue
        found.add(name)
        tree = ast.parse(Path(str(importlib.import_module(name).__file__)).read_text(encoding="utf-8"))
        pending += [
            f"scraper.clients.{alias.name}" if node.module == "scraper.clients" else str(node.module)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scraper.clients")
            for alias in node.names
        ]
    salted = {Path(f).resolve() for f in models_module.salted_files()}
    files = {name: Path(str(importlib.import_module(name).__file__)).resolve() for name in found}
    assert sorted(name for name, path in files.items() if path not in salted) == []
