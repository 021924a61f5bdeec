"""The black-shaped layout of generated code: the templates' output should already be what black makes of it.

Black still formats every generated file (``scraper.clients.formatting``), so these tests guard speed and the
templates' shape, not correctness: a file black has to change costs it a second pass.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Mapping
from typing import Any

import pytest

from scraper.clients.class_renames import without_aliases
from scraper.clients.command import load_findings, load_spec
from scraper.clients.formatting import format_source
from scraper.clients.layout import Call, Items, Node, Raw, shape_block, shape_line, signature, statement
from scraper.clients.package import render_sources
from tests.clients.test_package import DEMO, FIXTURES, malicious_spec
from tests.paths import ROOT

SERVICE = ROOT / "spec" / "scp" / "baremetal-blockstorage"  # four versions, pagination, deprecations


def _python(rendered: Mapping[str, str | bytes], prefix: str = "") -> dict[str, str]:
    return {prefix + p: t for p, t in rendered.items() if p.endswith(".py") and isinstance(t, str)}


SOURCES = {
    **_python(render_sources([load_spec(p) for p in sorted(DEMO.glob("*.yaml"))], findings=load_findings(DEMO))),
    **_python(render_sources([load_spec(FIXTURES / "petstore-3.0.yaml")]), "petstore/"),
}


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_rendered_source_is_already_black_formatted(path: str) -> None:
    text = SOURCES[path]
    assert format_source(path, text).decode("utf-8") == text


def test_committed_package_equals_its_unformatted_rendering() -> None:
    """For a real service, every generated module is byte for byte what the templates render, before black."""
    specs = sorted(SERVICE.glob("*.yaml"))
    documents = [load_spec(p) for p in specs]
    names = [str(p.relative_to(ROOT)) for p in specs]  # as regenerate names them
    rendered = _python(render_sources(documents, findings=load_findings(SERVICE), source_names=names))
    package = ROOT / "generated" / "scp-baremetal-blockstorage"
    assert len(rendered) > 10
    for path, text in rendered.items():
        # a release's deprecated aliases of renamed classes are appended to the rendering (class_releases)
        assert without_aliases((package / path).read_text(encoding="utf-8")) == text, path


def test_unusual_doc_text_still_formats() -> None:
    """Doc text that defeats the layout (multi-line titles, huge literals) is left to black: valid output."""
    for path, text in _python(render_sources([malicious_spec()])).items():
        ast.parse(format_source(path, text).decode("utf-8"), filename=path)


def _random_node(rnd: random.Random, depth: int = 0) -> Node:
    def name() -> str:
        return "_".join(rnd.choice(["volume", "group", "id", "snapshot", "x"]) for _ in range(rnd.randint(1, 9)))

    roll = rnd.random()
    if depth > 2 or roll < 0.4:
        return Raw(rnd.choice([f'"{name()}/{name()}"', name()]))
    if roll < 0.6:
        return Items("{", [(f'"{name()}": ', _random_node(rnd, depth + 1)) for _ in range(rnd.randint(0, 5))], "}")
    if roll < 0.7:
        return Items("[", [("", _random_node(rnd, depth + 1)) for _ in range(rnd.randint(0, 5))], "]")
    arguments = [(rnd.choice(["", f"{name()}="]), _random_node(rnd, depth + 1)) for _ in range(rnd.randint(0, 4))]
    return Call(rnd.choice(["_support.format_path", "f", name()]), arguments)


def _in_method(text: str) -> str:
    return "class C:\n    def f(self):\n        " + text + "\n"


@pytest.mark.parametrize("seed", range(8))
def test_layout_matches_black_on_random_calls_and_literals(seed: int) -> None:
    rnd = random.Random(seed)
    split = 0
    for _ in range(60):
        node = _random_node(rnd)
        for lead in ("x = ", "_response = await ", ""):
            text = statement(8, lead, node) if lead or not isinstance(node, Raw) else node.flat()
            split += "\n" in text
            source = _in_method(text)
            assert format_source("t.py", source).decode("utf-8") == source
    assert split > 20, "the random cases should exercise splitting"


@pytest.mark.parametrize(
    "parameters",
    [
        ["self"],
        ["self", "volume_id: str", "*", "limit: int | None = None"],
        ["self", *(f"parameter_number_{n}: str | None = None" for n in range(8))],
        ["self", "kind: " + " | ".join(f'Literal["value_{n}_with_a_long_name"]' for n in range(6)) + " | None = None"],
    ],
    ids=["self-only", "fits", "one-per-line", "long-union"],
)
def test_signature_matches_black(parameters: list[str]) -> None:
    source = "class C:\n    " + signature(4, "def method_with_a_long_name", parameters, "_models.Response") + "\n"
    source += "        pass\n"
    assert format_source("t.py", source).decode("utf-8") == source


def test_long_union_with_quotes_and_brackets_in_enum_values_still_formats() -> None:
    """A ``|`` or bracket inside a quoted enum value is text, never a split point (the result must parse)."""
    values = ", ".join(f'"value|{n}]"' for n in range(12))
    parameters = ["self", "*", f"kind: Literal[{values}] | None = None"]
    source = "class C:\n    " + signature(4, "def m", parameters, "None") + "\n        pass\n"
    ast.parse(source)  # the layout split nothing inside a string
    formatted = format_source("t.py", source).decode("utf-8")  # black finishes what the layout leaves
    assert all(f'"value|{n}]"' in formatted for n in range(12))


def test_non_ascii_field_names_keep_their_field_call() -> None:
    """A long ``Field(...)`` line after a non-ASCII name is split at the right column (ast counts UTF-8 bytes)."""
    from scraper.clients.models import render_models

    long = "사용자 이름 " * 20
    schemas = {"User": {"type": "object", "properties": {"이름": {"type": "string", "description": long}}}}
    source = render_models(schemas, openapi="3.1.0", source_name="u.yaml", header="Models of U API 1")
    namespace: dict[str, Any] = {}
    exec(compile(format_source("models.py", source), "models.py", "exec"), namespace)
    assert "Field(" in source and "FielField" not in source
    assert namespace["User"].model_fields  # the module imports and defines the model


def test_field_lines_inside_a_docstring_are_left_alone() -> None:
    """Doc text that looks like a long field line is text: the layout never rewrites inside a string."""
    from scraper.clients.models import _black_shape

    fake = '    name: str = Field(None, description="' + "x" * 120 + '")'
    source = f'class A:\n    """Docs\n{fake}\n    """\n\n    real: str = Field(None, description={"y" * 120!r})\n'
    shaped = _black_shape(source)
    assert fake in shaped.split("\n")
    assert '    real: str = Field(\n        None,\n        description="' in shaped


def _parses(line: str) -> bool:
    try:
        ast.parse(line.removeprefix("@") if line.startswith("@") else line)
    except SyntaxError:  # the random calls may put a positional argument after a keyword one
        return False
    return True


@pytest.mark.parametrize("seed", range(4))
def test_shaped_lines_match_black(seed: int) -> None:
    """The ``shaped`` filter takes a template's flat line (statement, decorator, argument of an exploded call),
    parses it and lays it out: black leaves the result as it is."""
    rnd = random.Random(seed)
    split = 0
    for _ in range(40):
        node = _random_node(rnd)
        flat = node.flat()
        lines = [f"x = {flat}", f"_response = await {flat}", f"return _items, {flat}", f"@{flat}"]
        for line in (line for line in lines if _parses(line) and (isinstance(node, Call) or "@" not in line)):
            text = shape_line(8, line)
            split += "\n" in text
            after = "\n        def g():\n            pass\n" if line.startswith("@") else "\n"
            source = "class C:\n    async def f(self):\n" + text + after
            assert format_source("t.py", source).decode("utf-8") == source, line
        if _parses(f"f(base_url={flat})"):
            source = "x = f(\n" + shape_line(4, f"base_url={flat},") + "\n    other=1,\n)\n"
            assert format_source("t.py", source).decode("utf-8") == source
    assert split > 20, "the random cases should exercise splitting"


@pytest.mark.parametrize(
    "parameters",
    [
        "self, volume_id: str, *, limit: int | None = None",
        "self, *, " + ", ".join(f"parameter_number_{n}: str | None = None" for n in range(8)),
        'self, *, kind: Literal["a, b", "c)"] | None = None, ' + ", ".join(f"p{n}: int = {n}" for n in range(14)),
    ],
)
def test_shaped_def_headers_match_black(parameters: str) -> None:
    header = shape_line(4, f"async def method_with_a_long_name({parameters}) -> AsyncIterator[_models.Item]:")
    source = f"class C:\n{header}\n        pass\n"
    assert format_source("t.py", source).decode("utf-8") == source


@pytest.mark.parametrize(
    "line",
    [
        "return " + "x" * 130,  # nothing to split
        "this is prose, not code: f(a, b) " * 5,  # does not parse
        "for item in items: yield f(" + ", ".join(f"argument_{n}" for n in range(20)) + ")",  # not a simple statement
        "x = f(" + ", ".join(f"a{n}" for n in range(40)) + ")  # a comment",  # the call is not the end of the line
    ],
)
def test_shaped_leaves_lines_it_does_not_know(line: str) -> None:
    assert shape_block("    " + line) == "    " + line


def test_shaped_never_splits_inside_a_string() -> None:
    text = '"a, b" ' * 30
    line = f"_rt.warn_deprecated({text!r}, API_VERSION, None, {'z' * 40!r})"
    shaped = shape_block("        " + line)
    assert repr(text) in shaped and shaped.count("\n") == 5
    assert ast.literal_eval(ast.parse(shaped.strip()).body[0].value.args[0]) == text  # type: ignore[attr-defined]
