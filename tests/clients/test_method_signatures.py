"""Public client signatures compared old vs new, one rule a test (``method_signatures``).

Last session's clients of nine NHN apiKey packages gained a credential keyword per security scheme on
``Client(...)`` while their specs stayed the same, and went out as a patch release. The modules below are short
synthetic mirrors of a generated ``client.py`` (generated/nhn-email/nhn_email/v2_1/client.py's shape: keyword-only
constructor, path parameters positional, query parameters keyword-only).
"""

from __future__ import annotations

import pytest

from scraper.clients.method_signatures import SignatureChange, changed_signatures

_OLD = '''class Client:
    def __init__(self, *, base_url: str | None = None, app_key: str, timeout: float = 30.0) -> None:
        """Client."""

    def get_pet(self, pet_id: str, owner: int, *, limit: int | None = None) -> _models.Pet:
        """getPet"""

    def list_pets(self) -> _models.Pets:
        """listPets"""

    def __enter__(self) -> Self:
        return self

    def _send(self, x: int) -> None:
        pass


class AsyncClient:
    def __init__(self, *, base_url: str | None = None, app_key: str, timeout: float = 30.0) -> None:
        """Client."""

    async def get_pet(self, pet_id: str, owner: int, *, limit: int | None = None) -> _models.Pet:
        """getPet"""

    async def list_pets(self) -> _models.Pets:
        """listPets"""
'''


def _both(old: str, new: str) -> str:
    """``_OLD`` with ``old`` replaced by ``new`` everywhere (both clients)."""
    assert old in _OLD
    return _OLD.replace(old, new)


def _lines(new: str) -> list[tuple[str, bool]]:
    return [(change.line(), change.breaking) for change in changed_signatures(_OLD, new)]


def test_docstrings_bodies_privates_and_formatting_are_no_api_change() -> None:
    new = _OLD.replace('"""getPet"""', '"""Get one pet.\n\n        Longer words."""').replace("x: int", "x: str")
    new = new.replace(
        "def get_pet(self, pet_id: str, owner: int, *, limit: int | None = None)",
        "def get_pet(\n        self,\n        pet_id: str,\n        owner: int,\n"
        "        *,\n        limit: int|None=None,\n    )",
    )
    assert changed_signatures(_OLD, new) == []


def test_a_new_optional_constructor_keyword_is_an_addition_listed_once_for_both_clients() -> None:
    new = _both("app_key: str, timeout", "app_key: str, bearer: str | None = None, timeout")
    assert _lines(new) == [("constructor: new optional keyword parameter `bearer`", False)]


def test_a_new_required_keyword_breaks() -> None:
    new = _both("app_key: str, timeout", "app_key: str, bearer: str, timeout")
    assert _lines(new) == [("constructor: new required keyword parameter `bearer`", True)]


def test_a_new_public_method_is_an_addition_and_a_removed_one_breaks() -> None:
    count = "    def count_pets(self) -> int:\n        pass\n\n"
    added = _OLD.replace("    def list_pets(self)", count + "    def list_pets(self)")
    assert _lines(added) == [("Client `count_pets`: new method", False)]  # only the synchronous client has it
    removed = _OLD.replace("    def __enter__(self) -> Self:\n        return self\n", "")
    assert _lines(removed) == [("Client `__enter__`: removed", True)]
    method = '    def list_pets(self) -> _models.Pets:\n        """listPets"""\n'
    both_removed = _OLD.replace(method, "").replace("    async" + method[3:], "")
    assert _lines(both_removed) == [("`list_pets`: removed", True)]


def test_a_removed_parameter_breaks() -> None:
    assert _lines(_both(", *, limit: int | None = None)", ")")) == [("`get_pet`: parameter `limit` removed", True)]


def test_an_optional_parameter_become_required_breaks_and_the_reverse_extends() -> None:
    required = _both("timeout: float = 30.0", "timeout: float")
    assert _lines(required) == [("constructor: `timeout` is required now", True)]
    optional = _both("app_key: str,", "app_key: str = 'x',")
    assert _lines(optional) == [("constructor: `app_key` is optional now (default `'x'`)", False)]


def test_a_changed_annotation_or_default_breaks() -> None:
    retyped = _both("owner: int,", "owner: str,")
    assert _lines(retyped) == [("`get_pet`: `owner` annotation `int` -> `str`", True)]
    defaulted = _both("timeout: float = 30.0", "timeout: float = 60.0")
    assert _lines(defaulted) == [
        ("constructor: `timeout` default `30.0` -> `60.0` (callers that omit it get another)", True)
    ]


def test_a_union_that_gained_members_only_widens() -> None:
    """nhn-deploy's multipart upload: ``body: Mapping[str, Any]`` became ``_models.X | Mapping[str, Any]``; every
    call that type-checked before still does (minor), while losing a member or replacing one breaks."""
    widened = _both("owner: int,", "owner: int | str,")
    assert _lines(widened) == [("`get_pet`: `owner` accepts more: `int` -> `int | str`", False)]
    optional = _both("owner: int,", "owner: Optional[int],")
    assert _lines(optional) == [("`get_pet`: `owner` accepts more: `int` -> `Optional[int]`", False)]
    narrowed = _both("limit: int | None = None", "limit: int = None")
    assert _lines(narrowed) == [("`get_pet`: `limit` annotation `int | None` -> `int`", True)]
    replaced = _both("owner: int,", "owner: float | str,")
    assert _lines(replaced) == [("`get_pet`: `owner` annotation `int` -> `float | str`", True)]


def test_positional_order_changed_breaks() -> None:
    swapped = _both("pet_id: str, owner: int,", "owner: int, pet_id: str,")
    assert ("`get_pet`: positional order (pet_id, owner) -> (owner, pet_id)", True) in _lines(swapped)
    # an optional positional parameter inserted before others moves them: breaking too
    old = "class Client:\n    def find(self, name: str = '', size: int = 0) -> None: ...\n"
    inserted = [(c.line(), c.breaking) for c in changed_signatures(old, old.replace("name:", "kind: str = '', name:"))]
    assert inserted == [
        ("Client `find`: positional order (name, size) -> (kind, name, size)", True),
        ("Client `find`: new optional positional parameter `kind`", False),
    ]
    # appended after the last positional one, it moves nothing: an addition
    appended = _both("owner: int, *,", "owner: int, kind: str = 'a', *,")
    assert _lines(appended) == [("`get_pet`: new optional positional parameter `kind`", False)]


@pytest.mark.parametrize(
    ("old", "new", "breaking"),
    [
        ("owner: int, *, limit", "*, owner: int, limit", True),  # callers passing it by position break
        ("pet_id: str, owner: int, *, limit", "pet_id: str, owner: int, limit", False),  # may be positional too
    ],
)
def test_a_parameter_kind_change_breaks_unless_it_only_widens(old: str, new: str, breaking: bool) -> None:
    lines = _lines(_both(old, new))
    kinds = [(line, b) for line, b in lines if " is " in line and " now (was " in line]
    assert len(kinds) == 1 and kinds[0][1] is breaking


def test_a_method_turned_coroutine_breaks() -> None:
    new = _OLD.replace("    async def list_pets", "    def list_pets")
    assert _lines(new) == [("AsyncClient `list_pets`: is no coroutine now", True)]


def test_variadic_parameters_count() -> None:
    new = _both("owner: int, *, limit", "owner: int, *args: int, limit")
    assert _lines(new) == [("`get_pet`: new optional variadic parameter `*args`", False)]
    assert [c.breaking for c in changed_signatures(new, _OLD)] == [True]


def test_a_change_is_one_line_of_text() -> None:
    assert SignatureChange("constructor", "new method", False).line() == "constructor: new method"
