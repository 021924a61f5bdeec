"""Renamed model classes are listed in the changelog, with the old names kept as aliases: a minor release at least,
a major one when a class is removed or an old name cannot stay (the new module binds it).

A code-only regeneration was a patch release even when it renamed public classes (inline classes named by their
place instead of numbered: ``Volume9`` -> ``ServerVolume``); a user's ``from ... import Volume9`` then broke on a
patch upgrade. Modules below are short synthetic mirrors of generated/scp-virtualserver's models.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.clients.class_releases import class_release
from scraper.clients.class_renames import class_changes, module_aliases, without_aliases
from scraper.clients.command import _release
from scraper.diff.change_scope import ChangeScope

_OLD = """from pydantic import BaseModel


class Volume(BaseModel):
    id: str | None = None


class Server(BaseModel):
    volume: Volume | None = None
    volumes: list[Volume9] | None = None


class Volume9(BaseModel):
    size: int | None = None


class Header(BaseModel):
    code: int | None = None


class Disk(BaseModel):
    header: Header | None = None


class Image(BaseModel):
    header: Header | None = None
"""

_NEW = """from pydantic import BaseModel


class ServerVolume(BaseModel):
    id: str | None = None


class ServerVolumesItem(BaseModel):
    size: int | None = None


class Server(BaseModel):
    volume: ServerVolume | None = None
    volumes: list[ServerVolumesItem] | None = None


class DiskHeader(BaseModel):
    code: int | None = None


class ImageHeader(BaseModel):
    code: int | None = None


class Disk(BaseModel):
    header: DiskHeader | None = None


class Image(BaseModel):
    header: ImageHeader | None = None
"""


def test_renames_are_found_through_the_fields_of_classes_both_define() -> None:
    changes = class_changes(_OLD, _NEW)
    assert changes.renamed == {"Volume": "ServerVolume", "Volume9": "ServerVolumesItem", "Header": "DiskHeader"}
    assert changes.split["Header"] == ["DiskHeader", "ImageHeader"]
    assert changes.removed == []
    without_image = _OLD.replace("class Image(BaseModel):\n    header: Header | None = None\n", "")
    assert class_changes(_OLD, without_image).removed == ["Image"]


def test_classes_merged_into_one_shared_class_are_each_renamed_to_it() -> None:
    # the spec now shares one component for an object the docs repeat (``Header``): every per-place class
    # (``DiskHeader``, ``ImageHeader``) is that class now; only the first was matched, the others were "removed"
    # (no alias, a user's import of ``ImageHeader`` broke)
    shared = _NEW.replace("class DiskHeader(BaseModel):", "class Header(BaseModel):")
    shared = shared.replace("class ImageHeader(BaseModel):\n    code: int | None = None\n\n\n", "")
    shared = shared.replace("header: DiskHeader", "header: Header").replace("header: ImageHeader", "header: Header")
    changes = class_changes(_NEW, shared)
    assert changes.renamed == {"DiskHeader": "Header", "ImageHeader": "Header"}
    assert changes.removed == []


def test_classes_of_a_renamed_operation_follow_its_new_name_by_their_shape() -> None:
    # Email: an operation id taken from a Korean title's one Latin word (``uid3``) is now its method and path
    # (``getAppKeyUidsUid``): no class both modules define refers to its classes, which were "removed" (no alias)
    old = (
        "class Uid3Response(BaseModel):\n    body: Uid3ResponseBody | None = None\n\n\n"
        "class Uid3ResponseBody(BaseModel):\n    uid: str | None = None\n\n\n"
        "class Uid4Response(BaseModel):\n    count: int | None = None\n\n\n"
        "class Uid2Request(BaseModel):\n    uid: str | None = None\n    name: str | None = None\n\n\n"
        "class Uid2Response(BaseModel):\n    count: int | None = None\n"
    )
    new = (
        "class GetUidResponse(BaseModel):\n    body: GetUidResponseBody | None = None\n\n\n"
        "class GetUidResponseBody(BaseModel):\n    uid: str | None = None\n\n\n"
        "class DeleteUidResponse(BaseModel):\n    count: int | None = None\n\n\n"
        "class Other(BaseModel):\n    count: int | None = None\n\n\n"
        "class PostUidRequest(BaseModel):\n    uid: str | None = None\n    name: str | None = None\n\n\n"
        "class PostUidResponse(BaseModel):\n    count: int | None = None\n"
    )
    changes = class_changes(old, new)
    assert changes.renamed == {
        "Uid3Response": "GetUidResponse",
        "Uid3ResponseBody": "GetUidResponseBody",
        "Uid2Request": "PostUidRequest",
        # its shape is every count-only class's; the request's rename (Uid2 -> PostUid) names it
        "Uid2Response": "PostUidResponse",
    }
    assert changes.removed == ["Uid4Response"]  # several new classes have its shape, no rename names it: no guess


def _package(tmp_path: Path, models: str, version: str) -> Path:
    (tmp_path / "pkg" / "v1").mkdir(parents=True)
    (tmp_path / "pkg" / "v1" / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f'version = "{version}"\n', encoding="utf-8")
    return tmp_path


def test_a_code_only_rename_is_a_minor_release_with_aliases(tmp_path: Path) -> None:
    # the old name stays importable, the same class: a rename only adds a name, as a renamed method with its alias
    out = _package(tmp_path, _OLD, "2.0.3")
    tree = {"pkg/v1/models.py": _NEW.encode(), "pyproject.toml": b'version = "2.0.3"\n'}
    version, changelog = class_release(out, tree, "2.0.3", "2.0.3", "# Changelog\n\n## 2.0.3\n\nFixes.\n")
    assert version == "2.1.0"
    assert tree["pyproject.toml"] == b'version = "2.1.0"\n'
    assert changelog is not None and changelog.index("## 2.1.0") < changelog.index("## 2.0.3")
    assert "`Volume9` -> `ServerVolumesItem`" in changelog
    models = tree["pkg/v1/models.py"].decode()
    release, aliases = module_aliases(models)
    assert (release, aliases["Volume9"]) == ("2.1.0", "ServerVolumesItem")
    namespace: dict[str, object] = {}
    exec(compile(models, "models.py", "exec"), namespace)
    assert namespace["Volume9"] is namespace["ServerVolumesItem"]

    # the next regeneration renders the same classes: the aliases stay, nothing is released
    (out / "pkg" / "v1" / "models.py").write_text(models, encoding="utf-8")
    again = {"pkg/v1/models.py": _NEW.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    assert class_release(out, again, "2.1.0", "2.1.0", changelog) == ("2.1.0", changelog)
    assert again["pkg/v1/models.py"].decode() == models

    # the next major release (a spec change) drops them
    later = {"pkg/v1/models.py": _NEW.encode(), "pyproject.toml": b'version = "3.0.0"\n'}
    assert class_release(out, later, "2.1.0", "3.0.0", changelog)[0] == "3.0.0"
    assert module_aliases(later["pkg/v1/models.py"].decode())[1] == {}


def test_a_rename_whose_old_name_the_new_module_binds_is_a_major_release(tmp_path: Path) -> None:
    # no alias can keep ``Volume`` (a new class of that name): a user's import gets another class
    new = _NEW + "\n\nclass Volume(BaseModel):\n    other: int | None = None\n"
    out = _package(tmp_path, _OLD, "2.0.3")
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "2.0.3"\n'}
    assert class_release(out, tree, "2.0.3", "2.0.3", "# Changelog\n")[0] == "3.0.0"


def test_a_rename_in_a_minor_spec_release_is_listed_in_it(tmp_path: Path) -> None:
    out = _package(tmp_path, _OLD, "2.0.3")
    tree = {"pkg/v1/models.py": _NEW.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    changelog = "# Changelog\n\n## 2.1.0\n\n### API v1\n\n- added x\n\n## 2.0.3\n\nFixes.\n"
    version, amended = class_release(out, tree, "2.0.3", "2.1.0", changelog)
    assert version == "2.1.0" and tree["pyproject.toml"] == b'version = "2.1.0"\n'
    assert amended is not None
    entry = amended[amended.index("## 2.1.0") : amended.index("## 2.0.3")]
    assert "- added x" in entry and "`Volume` -> `ServerVolume`" in entry


def test_an_alias_never_takes_a_name_the_new_module_binds(tmp_path: Path) -> None:
    new = _NEW + "\n\nclass Volume(BaseModel):\n    other: int | None = None\n"
    out = _package(tmp_path, _OLD, "1.0.0")
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "1.0.0"\n'}
    class_release(out, tree, "1.0.0", "1.0.0", None)
    aliases = module_aliases(tree["pkg/v1/models.py"].decode())[1]
    assert "Volume" not in aliases and aliases["Volume9"] == "ServerVolumesItem"


def test_the_rendering_is_the_module_without_its_aliases(tmp_path: Path) -> None:
    out = _package(tmp_path, _OLD, "2.0.3")
    tree = {"pkg/v1/models.py": _NEW.encode(), "pyproject.toml": b'version = "2.0.3"\n'}
    class_release(out, tree, "2.0.3", "2.0.3", None)
    assert without_aliases(tree["pkg/v1/models.py"].decode()) == _NEW != tree["pkg/v1/models.py"].decode()


def test_the_release_a_rename_makes_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """regenerate prints the release the docs decide (``2.1.0``); a rename that makes it major says so, or the
    maintainer reads one version on the console and finds another in pyproject.toml."""
    out = _package(tmp_path / "pkg-dist", _OLD, "2.0.3")
    new = _NEW + "\n\nclass Volume(BaseModel):\n    other: int | None = None\n"  # no alias can keep Volume
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    _release(out, tree, "2.0.3", "2.1.0", "# Changelog\n\n## 2.1.0\n\n- added x\n", force=True)
    said = capsys.readouterr().out
    assert "pkg-dist: release 2.0.3 -> 3.0.0 (model classes renamed or removed" in said
    assert (out / "pyproject.toml").read_text(encoding="utf-8") == 'version = "3.0.0"\n'


_CLIENT_OLD = '''class Client:
    def list_pets(self, *, limit: int | None = None) -> _models.ListPetsResponse:
        """listPets"""

    def get_pet(self, pet_id: str) -> _models.Pet:
        """getPet"""

    def _private(self) -> int:
        return 1


class AsyncClient:
    async def list_pets(self, *, limit: int | None = None) -> _models.ListPetsResponse:
        """listPets"""
'''
_CLIENT_NEW = (
    _CLIENT_OLD.replace("-> _models.ListPetsResponse", "-> list[_models.Pet]")
    .replace("def _private(self) -> int", "def _private(self) -> str")
    .replace("    def get_pet", '    def count_pets(self) -> int:\n        """new"""\n\n    def get_pet')
)


def test_a_changed_return_type_of_a_public_method_is_a_major_release(tmp_path: Path) -> None:
    """A method that returned the root model and now returns its value (``ListPetsResponse`` -> ``list[Pet]``)
    breaks every caller's ``.root``: a code-only regeneration that does so is a major release, and says which."""
    out = _package(tmp_path, _OLD, "2.0.3")
    (out / "pkg" / "v1" / "client.py").write_text(_CLIENT_OLD, encoding="utf-8")
    tree = {
        "pkg/v1/models.py": _OLD.encode(),
        "pkg/v1/client.py": _CLIENT_NEW.encode(),
        "pyproject.toml": b'version = "2.0.3"\n',
    }
    version, changelog = class_release(out, tree, "2.0.3", "2.0.3", "# Changelog\n\n## 2.0.3\n\nFixes.\n")
    assert version == "3.0.0" and tree["pyproject.toml"] == b'version = "3.0.0"\n'
    assert changelog is not None
    entry = changelog[changelog.index("## 3.0.0") : changelog.index("## 2.0.3")]
    assert "### Methods returning another type" in entry
    assert "- `v1`: `list_pets` returns `list[_models.Pet]` (was `_models.ListPetsResponse`)" in entry
    returned = entry[entry.index("### Methods returning another type") : entry.index("### Client signatures changed")]
    assert "_private" not in entry and "count_pets" not in returned and "get_pet`" not in entry
    assert "- `v1`: Client `count_pets`: new method\n" in entry  # a new method is the signatures' to list
    assert "the API did not change" in entry

    # unchanged return types: no release
    (out / "pkg" / "v1" / "client.py").write_text(_CLIENT_NEW, encoding="utf-8")
    again = {"pkg/v1/client.py": _CLIENT_NEW.encode(), "pyproject.toml": b'version = "3.0.0"\n'}
    assert class_release(out, again, "3.0.0", "3.0.0", changelog) == ("3.0.0", changelog)


_CLIENT_KEYWORD = _CLIENT_OLD.replace(
    "class Client:\n",
    "class Client:\n    def __init__(self, *, base_url: str | None = None) -> None:\n        pass\n\n",
).replace(
    "class AsyncClient:\n",
    "class AsyncClient:\n    def __init__(self, *, base_url: str | None = None) -> None:\n        pass\n\n",
)


def _client_package(tmp_path: Path, client: str, version: str) -> Path:
    out = _package(tmp_path, _OLD, version)
    (out / "pkg" / "v1" / "client.py").write_text(client, encoding="utf-8")
    return out


def test_a_new_optional_constructor_keyword_of_a_code_only_release_is_a_minor_release(tmp_path: Path) -> None:
    """Nine NHN packages gained ``secret_key_header=`` (one keyword per apiKey scheme) on both clients while their
    specs stayed the same: that went out as a patch release; a user upgrading a patch release met a new parameter."""
    out = _client_package(tmp_path, _CLIENT_KEYWORD, "2.0.3")
    new = _CLIENT_KEYWORD.replace("base_url: str | None = None)", "base_url: str | None = None, bearer: str = '')")
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": b'version = "2.0.3"\n'}
    version, changelog = class_release(out, tree, "2.0.3", "2.0.3", "# Changelog\n\n## 2.0.3\n\nFixes.\n")
    assert version == "2.1.0" and tree["pyproject.toml"] == b'version = "2.1.0"\n'
    assert changelog is not None
    entry = changelog[changelog.index("## 2.1.0") : changelog.index("## 2.0.3")]
    assert "client signatures were extended, the API did not change" in entry
    assert "### Client signatures changed" in entry
    assert "- `v1`: constructor: new optional keyword parameter `bearer`" in entry
    assert entry.count("bearer") == 1  # both clients take it: one line

    # rendered again the same: nothing to release
    (out / "pkg" / "v1" / "client.py").write_text(new, encoding="utf-8")
    again = {"pkg/v1/client.py": new.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    assert class_release(out, again, "2.1.0", "2.1.0", changelog) == ("2.1.0", changelog)


def test_a_signature_addition_in_a_release_the_spec_already_made_minor_or_major_keeps_it(tmp_path: Path) -> None:
    out = _client_package(tmp_path, _CLIENT_KEYWORD, "2.0.3")
    new = _CLIENT_KEYWORD.replace("base_url: str | None = None)", "base_url: str | None = None, bearer: str = '')")
    for spec_version in ("2.1.0", "3.0.0"):
        tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": f'version = "{spec_version}"\n'.encode()}
        changelog = f"# Changelog\n\n## {spec_version}\n\n### API v1\n\n- added x\n\n## 2.0.3\n\nFixes.\n"
        version, amended = class_release(out, tree, "2.0.3", spec_version, changelog)
        assert version == spec_version and amended is not None
        entry = amended[amended.index(f"## {spec_version}") : amended.index("## 2.0.3")]
        assert "- added x" in entry and "new optional keyword parameter `bearer`" in entry


def test_a_removed_or_retyped_method_parameter_of_a_code_only_release_is_a_major_release(tmp_path: Path) -> None:
    out = _client_package(tmp_path, _CLIENT_KEYWORD, "2.0.3")
    new = _CLIENT_KEYWORD.replace("get_pet(self, pet_id: str)", "get_pet(self, pet_id: int)")
    new = new.replace("async def list_pets(self, *, limit: int | None = None)", "async def list_pets(self)")
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    version, changelog = class_release(out, tree, "2.0.3", "2.1.0", "# Changelog\n\n## 2.1.0\n\n- added x\n")
    assert version == "3.0.0" and changelog is not None
    assert "- `v1`: Client `get_pet`: `pet_id` annotation `str` -> `int` (breaking)" in changelog
    assert "- `v1`: AsyncClient `list_pets`: parameter `limit` removed" in changelog
    assert "## 2.1.0" not in changelog


def test_a_signature_release_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _client_package(tmp_path / "pkg-dist", _CLIENT_KEYWORD, "2.0.3")
    new = _CLIENT_KEYWORD.replace("base_url: str | None = None)", "base_url: str | None = None, bearer: str = '')")
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": b'version = "2.0.3"\n'}
    _release(out, tree, "2.0.3", "2.0.3", "# Changelog\n\n## 2.0.3\n\nFixes.\n", force=True)
    said = capsys.readouterr().out
    assert "pkg-dist: release 2.0.3 -> 2.1.0 (" in said and "client signatures" in said
    assert (out / "pyproject.toml").read_text(encoding="utf-8") == 'version = "2.1.0"\n'


_CLIENT_DOCUMENTED = '''API_VERSION = "1"


class Client:
    def __init__(self, *, base_url: str | None = None) -> None:
        pass

    def get_pet(self, pet_id: str) -> _models.Pet:
        """getPet

        ``GET /pets/{pet_id}`` (API version 1, CURRENT).
        """

    def list_pets(self) -> _models.ListPetsResponse:
        """listPets"""
'''


def _explained(bump: str, *operations: str, constructor: bool = False) -> dict[str, ChangeScope]:
    return {"1": ChangeScope(frozenset(operations), constructor, bump)}


@pytest.mark.parametrize(
    ("bump", "listed"),
    [
        ("major", set()),  # the spec's entry lists it as breaking: not again
        ("minor", {"get_pet"}),  # the spec's entry says minor: the breaking signature change decided the release
    ],
)
def test_a_signature_change_the_spec_diff_explains_is_left_out_unless_it_raised_the_release(
    tmp_path: Path, bump: str, listed: set[str]
) -> None:
    """``get_pet`` gained a required keyword where the spec diff lists a change of ``GET /pets/{id}`` (a renamed
    placeholder is the same operation); ``list_pets``'s docstring names no operation, so its change (and the
    constructor's, with no server or security change in the spec) is a generator's: always listed."""
    out = _client_package(tmp_path, _CLIENT_DOCUMENTED, "1.0.0")
    new = _CLIENT_DOCUMENTED.replace("(self, pet_id: str)", "(self, pet_id: str, *, detail: str)")
    new = new.replace("list_pets(self)", "list_pets(self, *, limit: int = 20)")
    new = new.replace("base_url: str | None = None)", "base_url: str | None = None, bearer: str = '')")
    version = "2.0.0" if bump == "major" else "1.1.0"
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": f'version = "{version}"\n'.encode()}
    changelog = f"# Changelog\n\n## {version}\n\n### API 1\n\n- spec change\n\n## 1.0.0\n\nFirst.\n"
    decided, amended = class_release(out, tree, "1.0.0", version, changelog, _explained(bump, "GET /pets/{}"))
    assert decided == "2.0.0" and amended is not None
    entry = amended[: amended.index("## 1.0.0")]
    assert ("`get_pet`: new required keyword parameter `detail`" in entry) == ("get_pet" in listed)
    assert "`list_pets`: new optional keyword parameter `limit`" in entry
    assert "constructor: new optional keyword parameter `bearer`" in entry

    # a server change in the spec explains the constructor's new keyword
    scope = _explained(bump, "GET /pets/{}", constructor=True)
    again = {"pkg/v1/client.py": new.encode(), "pyproject.toml": f'version = "{version}"\n'.encode()}
    _, amended = class_release(out, again, "1.0.0", version, changelog, scope)
    assert amended is not None and "bearer" not in amended


def test_every_signature_change_explained_leaves_the_entry_as_the_spec_wrote_it(tmp_path: Path) -> None:
    out = _client_package(tmp_path, _CLIENT_DOCUMENTED, "1.0.0")
    new = _CLIENT_DOCUMENTED.replace("(self, pet_id: str)", "(self, pet_id: str, *, detail: str | None = None)")
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": b'version = "1.1.0"\n'}
    changelog = "# Changelog\n\n## 1.1.0\n\n### API 1\n\n- spec change\n\n## 1.0.0\n\nFirst.\n"
    assert class_release(out, tree, "1.0.0", "1.1.0", changelog, _explained("minor", "GET /pets/{}")) == (
        "1.1.0",
        changelog,
    )


@pytest.mark.parametrize(("bump", "listed"), [("major", False), ("minor", True)])
def test_a_return_type_change_the_spec_diff_explains_is_left_out_unless_it_raised_the_release(
    tmp_path: Path, bump: str, listed: bool
) -> None:
    """``get_pet`` now returns ``Cat`` where the spec diff's entry lists a change of ``GET /pets/{id}``'s
    responses: in a major entry the spec's line says it; in a minor one the return type made the release major, and
    the entry must say which method did."""
    out = _client_package(tmp_path, _CLIENT_DOCUMENTED, "1.0.0")
    new = _CLIENT_DOCUMENTED.replace("pet_id: str) -> _models.Pet:", "pet_id: str) -> _models.Cat:")
    version = "2.0.0" if bump == "major" else "1.1.0"
    tree = {"pkg/v1/client.py": new.encode(), "pyproject.toml": f'version = "{version}"\n'.encode()}
    changelog = f"# Changelog\n\n## {version}\n\n### API 1\n\n- spec change\n\n## 1.0.0\n\nFirst.\n"
    scope = {"1": ChangeScope(frozenset(), False, bump, frozenset({"GET /pets/{}"}))}
    decided, amended = class_release(out, tree, "1.0.0", version, changelog, scope)
    assert decided == "2.0.0" and amended is not None
    entry = amended[: amended.index("## 1.0.0")]
    assert ("`get_pet` returns `_models.Cat` (was `_models.Pet`)" in entry) == listed
    if not listed:
        assert amended == changelog, "every change explained: the entry stays as the spec diff wrote it"
    # a response change of another operation explains nothing here
    other = {"1": ChangeScope(frozenset(), False, bump, frozenset({"GET /owners/{}"}))}
    again = {"pkg/v1/client.py": new.encode(), "pyproject.toml": f'version = "{version}"\n'.encode()}
    _, amended = class_release(out, again, "1.0.0", version, changelog, other)
    assert amended is not None and "`get_pet` returns `_models.Cat`" in amended


def test_classes_of_one_shape_pair_by_the_end_of_their_names() -> None:
    # RDS for PostgreSQL: every job-id response has one shape; the retitled operations (Deleting a Database ->
    # deleteDatabase) renamed them all, and no unique shape or renamed prefix told which is which: all "removed"
    old = "".join(
        f"class {name}(BaseModel):\n    jobId: str | None = None\n\n\n"
        for name in ("DeletingADatabaseResponse", "DeletingAUserResponse", "CreateAUserResponse")
    )
    new = "".join(
        f"class {name}(BaseModel):\n    jobId: str | None = None\n\n\n"
        for name in ("DeleteDatabaseResponse", "DeleteUserResponse", "CreateUserResponse", "ResetResponse")
    )
    changes = class_changes(old, new)
    # DatabaseResponse is one pair's end alone; its renamed prefix (DeletingA -> Delete) then names the user's,
    # and the one left ends as only one new class does
    assert changes.renamed == {
        "DeletingADatabaseResponse": "DeleteDatabaseResponse",
        "DeletingAUserResponse": "DeleteUserResponse",
        "CreateAUserResponse": "CreateUserResponse",
    }
    assert changes.removed == []
    # two old and two new classes ending alike, nothing else to tell them: no guess
    ambiguous = new.replace("DeleteDatabaseResponse", "ListUserResponse")
    twice = old.replace("DeletingADatabaseResponse", "GetAUserResponse")
    assert class_changes(twice, ambiguous).renamed == {}


def test_a_method_typed_by_a_renamed_class_is_no_retyped_method(tmp_path: Path) -> None:
    client_old = '''class Client:
    def create_volume(self, body: _models.Volume, *, kind: _models.Volume9 = _models.Volume9.A) -> _models.Volume:
        """Create"""
'''
    client_new = client_old.replace("_models.Volume9", "_models.ServerVolumesItem").replace(
        "_models.Volume", "_models.ServerVolume"
    )
    out = _package(tmp_path, _OLD, "2.0.3")
    (out / "pkg" / "v1" / "client.py").write_text(client_old, encoding="utf-8")
    tree = {
        "pkg/v1/models.py": _NEW.encode(),
        "pkg/v1/client.py": client_new.encode(),
        "pyproject.toml": b'version = "2.0.3"\n',
    }
    version, changelog = class_release(out, tree, "2.0.3", "2.0.3", "# Changelog\n")
    assert version == "2.1.0" and changelog is not None
    assert "Client signatures changed" not in changelog and "returning another type" not in changelog


_GENERATED = Path(__file__).resolve().parents[2] / "generated"


def _with_aliases_on_disk() -> list[Path]:
    """The committed models modules that carry deprecated aliases (a regeneration compares each with the disk)."""
    return sorted(
        p for p in _GENERATED.glob("*/*/*/models.py") if "\n\n\n# docs2client: deprecated names" in p.read_text()
    )


def test_committed_packages_carry_aliases() -> None:
    assert len(_with_aliases_on_disk()) >= 3  # else the test below checks nothing


@pytest.mark.parametrize("path", _with_aliases_on_disk(), ids=lambda p: p.parent.parent.name + "/" + p.parent.name)
def test_unchanged_models_take_the_quick_path_to_the_same_changes(path: Path) -> None:
    """A regeneration that leaves a models module as it was renders it without the aliases the disk carries: the
    quick path (one parse) must give what pairing every class gives (the ``"\\n"`` added below defeats the quick
    path's test but changes no class), and no field changes."""
    from scraper.clients.model_fields import changed_fields, model_roles

    disk = path.read_text(encoding="utf-8")
    rendered = without_aliases(disk)
    assert rendered != disk
    quick, paired = class_changes(disk, rendered), class_changes(disk, rendered + "\n")
    assert quick.renamed  # the aliases are carried, renamed to their classes
    assert (quick.renamed, quick.removed, quick.split) == (paired.renamed, paired.removed, paired.split)
    client = (path.parent / "client.py").read_text(encoding="utf-8")
    assert changed_fields(disk, rendered + "\n", paired, lambda: model_roles(client, rendered)) == []


def test_release_of_unchanged_models_keeps_their_aliases(tmp_path: Path) -> None:
    """Through class_release: the quick path still writes the disk's aliases back and makes no release."""
    source = _with_aliases_on_disk()[0]
    rel = "pkg/v1/models.py"
    (tmp_path / "pkg/v1").mkdir(parents=True)
    (tmp_path / rel).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    tree = {rel: without_aliases(source.read_text(encoding="utf-8")).encode("utf-8")}
    release = module_aliases(source.read_text(encoding="utf-8"))[0]
    assert release is not None
    version, changelog = class_release(tmp_path, tree, release, release, "# Changelog\n")
    assert (version, changelog) == (release, "# Changelog\n")
    assert tree[rel].decode("utf-8") == source.read_text(encoding="utf-8")
