"""Compiled templates kept beside the templates (scraper.template_files.CompiledTemplates): used when present, never
stale, and never a failure when they cannot be written."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from scraper.template_files import TEMPLATE_DIR, CompiledTemplates, compiled_templates


def _env(sources: dict[str, str], store: CompiledTemplates | None) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=store, trim_blocks=True)


def _no_compiling(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the template was compiled, not loaded from the store")

    monkeypatch.setattr(env, "compile", refuse)


def test_a_stored_template_is_loaded_not_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = CompiledTemplates(tmp_path / "store")
    assert _env({"t.j2": "Hello {{ name }}!"}, store).get_template("t.j2").render(name="a") == "Hello a!"
    assert len(list((tmp_path / "store").iterdir())) == 1
    fresh = _env({"t.j2": "Hello {{ name }}!"}, CompiledTemplates(tmp_path / "store"))
    _no_compiling(fresh, monkeypatch)
    assert fresh.get_template("t.j2").render(name="b") == "Hello b!"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    _env({"t.j2": "old {{ x }}"}, CompiledTemplates(tmp_path)).get_template("t.j2").render(x=1)
    assert _env({"t.j2": "new {{ x }}"}, CompiledTemplates(tmp_path)).get_template("t.j2").render(x=1) == "new 1"


def test_a_torn_entry_is_compiled_again(tmp_path: Path) -> None:
    _env({"t.j2": "{{ x }}!"}, CompiledTemplates(tmp_path)).get_template("t.j2").render(x=1)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:20])
    assert _env({"t.j2": "{{ x }}!"}, CompiledTemplates(tmp_path)).get_template("t.j2").render(x=2) == "2!"


def test_an_unwritable_place_only_means_compiling(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = CompiledTemplates(blocker / "store")  # cannot be created: a file is in the way
    assert _env({"t.j2": "{{ x }}"}, store).get_template("t.j2").render(x=3) == "3"
    assert blocker.read_text() == "not a folder"


def test_write_false_stores_nothing(tmp_path: Path) -> None:
    _env({"t.j2": "{{ x }}"}, CompiledTemplates(tmp_path / "store", write=False)).get_template("t.j2").render(x=1)
    assert not (tmp_path / "store").exists()


def test_the_folder_is_named_by_what_shapes_the_compiled_code() -> None:
    """Syntax options change what a template compiles to, so environments that differ in them never share entries
    (Jinja's own check covers only the source and its bytecode format)."""
    plain = compiled_templates(jinja2.Environment(), write=False)
    trimmed = compiled_templates(jinja2.Environment(trim_blocks=True), write=False)
    escaped = compiled_templates(jinja2.Environment(autoescape=True), write=False)
    assert plain is not None and trimmed is not None and escaped is not None
    assert len({plain.directory, trimmed.directory, escaped.directory}) == 3
    assert plain.directory.parent == Path(str(TEMPLATE_DIR)) / "__pycache__"
    assert plain.directory == compiled_templates(jinja2.Environment(), write=False).directory  # type: ignore[union-attr]


def test_the_tool_follows_pythons_bytecode_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = compiled_templates(jinja2.Environment())
    assert store is not None and not store.write
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    store = compiled_templates(jinja2.Environment())
    assert store is not None and store.write


def test_the_folder_changes_with_jinja_and_with_the_code_of_the_tools_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja's optimizer runs filters on constant arguments while compiling: a store compiled with other filter
    code, or by another Jinja, is never read."""
    plain = compiled_templates(jinja2.Environment(), write=False)
    monkeypatch.setattr(jinja2, "__version__", "0.0-other")
    other_jinja = compiled_templates(jinja2.Environment(), write=False)
    monkeypatch.undo()
    with_ours = jinja2.Environment()
    with_ours.filters["shout"] = _env  # a function of this test module: its module's source is part of the name
    stores = [plain, other_jinja, compiled_templates(with_ours, write=False), compiled_templates(jinja2.Environment())]
    assert all(store is not None for store in stores)
    directories = [store.directory for store in stores if store is not None]
    assert len(set(directories[:3])) == 3 and directories[3] == directories[0]


def test_entries_are_readable_like_the_templates(tmp_path: Path) -> None:
    import os
    import stat

    _env({"t.j2": "{{ x }}"}, CompiledTemplates(tmp_path)).get_template("t.j2").render(x=1)
    (entry,) = tmp_path.iterdir()
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o666 & ~mask


def test_the_tools_environments_use_the_store() -> None:
    from scraper.atlas.render import _environment as atlas_environment
    from scraper.clients.render import environment as client_environment

    for env in (client_environment(), atlas_environment()):
        assert isinstance(env.bytecode_cache, CompiledTemplates)
        assert env.bytecode_cache.directory.parent == Path(str(TEMPLATE_DIR)) / "__pycache__"
