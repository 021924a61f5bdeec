"""The members of a union annotation (:mod:`scraper.clients.union_members`), as both its readers need them: the
release rules (a parameter whose union gained members only widened) and the models' post-processing (a field's
override narrows what its base declared)."""

from __future__ import annotations

import pytest

from scraper.clients.union_members import union_members


@pytest.mark.parametrize(
    ("annotation", "members"),
    [
        ("int", {"int"}),
        ("int | None", {"int", "None"}),
        ("Optional[int]", {"int", "None"}),
        ("Union[int, str]", {"int", "str"}),
        ("Union[int]", {"int"}),
        ("_models.Form | Mapping[str, Any]", {"_models.Form", "Mapping[str, Any]"}),
        ("Optional[Union[A, B]] | C", {"A", "B", "C", "None"}),
        ("list[int | None]", {"list[int | None]"}),  # only the top level is split
        ('Literal["a", "b"]', {"Literal['a', 'b']"}),
    ],
)
def test_a_union_is_split_into_its_top_level_members(annotation: str, members: set[str]) -> None:
    assert union_members(annotation) == members


def test_text_that_is_no_expression_is_refused_as_ast_refuses_it() -> None:
    with pytest.raises(SyntaxError):
        union_members("int |")
