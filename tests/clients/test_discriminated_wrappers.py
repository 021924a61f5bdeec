"""The models pass that writes a discriminated union inside a list or a map as the union itself
(``scraper/clients/discriminated_wrappers.py``), on model sources as datamodel-code-generator writes them; the
generated package's behaviour is ``test_discriminated_list_items.py``'s."""

from __future__ import annotations

import ast

from scraper.clients.discriminated_wrappers import unwrapped_discriminated_items

_SOURCE = '''"""Models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field as Field_aliased, RootModel


class A(BaseModel):
    kind: Literal["a"]


class B(BaseModel):
    kind: Literal["b"]


class Pet(RootModel[A | B]):
    root: A | B = Field_aliased(..., discriminator="kind")


class Item(RootModel[A | B]):
    root: A | B = Field_aliased(..., discriminator="kind", title="Item")


class Maybe(RootModel[A | B | None]):
    root: A | B | None = Field_aliased(None, discriminator="kind")


class Holder(BaseModel):
    items: list[Item] | None = None
    pets: list[Pet] | None = None
    maybes: list[Maybe] | None = None
    note: Literal["Item"] | None = None


class Pages(RootModel[list[list[Item]]]):
    root: list[list[Item]]
'''


def _rewritten(components: set[str]) -> str:
    return unwrapped_discriminated_items(_SOURCE, ast.parse(_SOURCE), components)


def test_a_wrapper_the_generator_named_becomes_the_annotated_union_wherever_it_is_referred_to() -> None:
    out = _rewritten({"A", "B", "Pet", "Holder", "Pages"})
    union = 'Annotated[A | B, Field_aliased(discriminator="kind", title="Item")]'
    assert f"    items: list[{union}] | None = None" in out
    assert f"class Pages(RootModel[list[list[{union}]]]):\n    root: list[list[{union}]]" in out
    assert "from typing import Annotated\n" in out  # the models' import sorting joins it to Literal
    assert 'note: Literal["Item"] | None' in out  # a string is data, never a reference
    assert "class Item(RootModel[A | B]):" in out  # the class stays: a user may import it
    compile(out, "models.py", "exec")


def test_a_component_and_a_wrapper_with_a_default_stay_what_they_are() -> None:
    out = _rewritten({"A", "B", "Pet", "Holder", "Pages"})
    assert "pets: list[Pet] | None" in out  # a component is the class its name says, wherever it is used
    assert "maybes: list[Maybe] | None" in out  # a root with a default (null): not a plain union
    assert unwrapped_discriminated_items(_SOURCE, ast.parse(_SOURCE), {"A", "B", "Pet", "Item", "Maybe"}) == _SOURCE
