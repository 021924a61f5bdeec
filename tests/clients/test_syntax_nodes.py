"""``syntax_nodes.walk`` visits what ``ast.walk`` visits, in the same order (the models' passes rely on it)."""

from __future__ import annotations

import ast
from pathlib import Path

from scraper.clients import syntax_nodes

ROOT = Path(__file__).resolve().parents[2]


def test_walk_matches_ast_walk_on_generated_and_tool_modules() -> None:
    files = sorted((ROOT / "generated").glob("*/*/v*/models.py"))[:6] + sorted(
        (ROOT / "scraper" / "clients").glob("*.py")
    )
    assert len(files) > 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        expected = [id(node) for node in ast.walk(tree)]
        assert [id(node) for node in syntax_nodes.walk(tree)] == expected, path


def test_walk_of_a_subtree_starts_at_it() -> None:
    tree = ast.parse("x: dict[str, list[A | None]] = Field(default=None)\n")
    annotation = tree.body[0].annotation  # type: ignore[attr-defined]
    walked = syntax_nodes.walk(annotation)
    assert walked[0] is annotation
    assert [type(n).__name__ for n in walked] == [type(n).__name__ for n in ast.walk(annotation)]
    assert {n.id for n in walked if isinstance(n, ast.Name)} == {"dict", "str", "list", "A"}
