"""A re-rendering that changes model fields makes the release those changes need, and the changelog lists them.

The same spec rendered by a newer generator could retype a model field (a discriminated union's wrapper class
replaced by its members, ``int`` become ``int | None``) or drop one, and that went out as a patch release: the
release rules compared class names and client signatures only. Modules below are short synthetic mirrors of
generated models and clients (the wrapper shape as ``discriminated_wrappers`` rewrote Mistral's and Letta's).
"""

from __future__ import annotations

from pathlib import Path

from scraper.clients.class_releases import class_release
from scraper.clients.class_renames import class_changes
from scraper.clients.model_fields import changed_fields, model_roles
from scraper.diff.change_scope import ChangeScope

_CLIENT = '''API_VERSION = "v1"


class Client:
    def create_agent(self, *, body: _models.AgentCreate) -> _models.Agent:
        """Create.

        ``POST /v1/agents`` (API version v1, CURRENT)
        """

    def get_agent(self, agent_id: str) -> _models.Agent:
        """Get.

        ``GET /v1/agents/{agent_id}`` (API version v1, CURRENT)
        """
'''

_MODELS = """from pydantic import BaseModel, Field, RootModel


class TextTool(BaseModel):
    type: Literal["text"]


class ImageTool(BaseModel):
    type: Literal["image"]


class ToolUnionWrapper(RootModel[TextTool | ImageTool]):
    root: TextTool | ImageTool = Field(..., discriminator="type")


class Agent(BaseModel):
    id: str
    tools: list[ToolUnionWrapper] | None = None
    count: int = Field(..., alias="Count")


class AgentCreate(BaseModel):
    name: str
    size: int = 1
"""


def _changes(old: str, new: str) -> list[tuple[str, str, bool]]:
    found = changed_fields(old, new, class_changes(old, new), lambda: model_roles(_CLIENT, new))
    return [(f"{c.model}.{c.field}", c.what, c.breaking) for c in found]


def test_a_wrapper_replaced_by_its_members_is_a_retyped_response_field() -> None:
    new = _MODELS.replace(
        "tools: list[ToolUnionWrapper] | None",
        'tools: list[Annotated[TextTool | ImageTool, Field(discriminator="type")]] | None',
    )
    (change,) = _changes(_MODELS, new)
    assert change[0] == "Agent.tools" and change[2] is True
    assert "`list[ToolUnionWrapper] | None` ->" in change[1]


def test_widening_breaks_a_reader_of_a_response_but_not_a_writer_of_a_request() -> None:
    new = _MODELS.replace("    count: int = Field(", "    count: int | None = Field(")
    new = new.replace("    name: str\n", "    name: str | None\n")
    assert _changes(_MODELS, new) == [
        ("Agent.count", "accepts more: `int` -> `int | None`", True),
        ("AgentCreate.name", "accepts more: `str` -> `str | None`", False),
    ]


def test_required_and_optional_by_the_way_a_model_travels() -> None:
    new = _MODELS.replace("    id: str\n", "    id: str = 'x'\n").replace("    size: int = 1\n", "    size: int\n")
    assert _changes(_MODELS, new) == [
        ("Agent.id", "is optional now (default `'x'`)", True),
        ("AgentCreate.size", "is required now", True),
    ]
    back = _changes(new, _MODELS)
    assert ("Agent.id", "is required now", False) in back
    assert ("AgentCreate.size", "is optional now (default `1`)", False) in back


def test_fields_removed_added_and_realiased() -> None:
    new = _MODELS.replace("    id: str\n", "    created: str\n    note: str | None = None\n")
    new = new.replace('alias="Count"', 'alias="count"')
    new = new.replace("    size: int = 1\n", "    size: int = 1\n    owner: str\n    tag: str | None = None\n")
    assert _changes(_MODELS, new) == [
        ("Agent.id", "removed", True),
        ("Agent.count", "alias `'Count'` -> `'count'` (its name in JSON)", True),
        ("Agent.created", "new required field", False),  # a response's: readers only gain it
        ("Agent.note", "new optional field", False),
        ("AgentCreate.owner", "new required field", True),  # a request's: every caller must now send it
        ("AgentCreate.tag", "new optional field", False),
    ]


def test_a_class_no_method_reaches_is_read_both_ways() -> None:
    models = _MODELS + "\n\nclass Loose(BaseModel):\n    a: int\n"
    widened = models.replace("    a: int\n", "    a: int | None\n")
    assert _changes(models, widened) == [("Loose.a", "accepts more: `int` -> `int | None`", True)]


def test_renamed_classes_are_no_retyped_fields() -> None:
    renamed = _MODELS.replace("ToolUnionWrapper", "AgentToolsItem")
    assert class_changes(_MODELS, renamed).renamed == {"ToolUnionWrapper": "AgentToolsItem"}
    assert _changes(_MODELS, renamed) == []


def _package(tmp_path: Path, models: str) -> Path:
    (tmp_path / "pkg" / "v1").mkdir(parents=True)
    (tmp_path / "pkg" / "v1" / "models.py").write_text(models, encoding="utf-8")
    (tmp_path / "pkg" / "v1" / "client.py").write_text(_CLIENT, encoding="utf-8")
    return tmp_path


def test_a_code_only_retyped_field_is_a_major_release_listing_it(tmp_path: Path) -> None:
    out = _package(tmp_path, _MODELS)
    new = _MODELS.replace("    count: int = Field(", "    count: int | None = Field(")
    tree = {
        "pkg/v1/models.py": new.encode(),
        "pkg/v1/client.py": _CLIENT.encode(),
        "pyproject.toml": b'version = "1.2.3"\n',
    }
    version, changelog = class_release(out, tree, "1.2.3", "1.2.3", "# Changelog\n\n## 1.2.3\n\nFixes.\n")
    assert version == "2.0.0" and tree["pyproject.toml"] == b'version = "2.0.0"\n'
    assert changelog is not None
    entry = changelog[changelog.index("## 2.0.0") : changelog.index("## 1.2.3")]
    assert "model fields changed, the API did not change" in entry
    assert "### Model fields changed" in entry
    assert "- `v1`: `Agent.count`: accepts more: `int` -> `int | None` (breaking)" in entry


def test_a_code_only_new_optional_field_is_a_minor_release(tmp_path: Path) -> None:
    out = _package(tmp_path, _MODELS)
    new = _MODELS.replace("    size: int = 1\n", "    size: int = 1\n    tag: str | None = None\n")
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "1.2.3"\n'}
    version, changelog = class_release(out, tree, "1.2.3", "1.2.3", None)
    assert version == "1.3.0" and changelog is not None
    assert "model fields were extended" in changelog and "`AgentCreate.tag`: new optional field" in changelog


def test_a_field_change_the_spec_diff_lists_counts_but_is_not_listed_again(tmp_path: Path) -> None:
    out = _package(tmp_path, _MODELS)
    new = _MODELS.replace("    size: int = 1\n", "    size: int = 1\n    tag: str | None = None\n")
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "1.3.0"\n'}
    changelog = "# Changelog\n\n## 1.3.0\n\n### API v1\n\n- new optional body property tag\n"
    scope = ChangeScope(frozenset({"POST /v1/agents"}), False, "minor")
    assert class_release(out, tree, "1.2.3", "1.3.0", changelog, {"v1": scope}) == ("1.3.0", changelog)
    # the same change beside a spec change of another operation is the generator's: listed
    other = ChangeScope(frozenset({"DELETE /v1/agents/{}"}), False, "minor")
    tree = {"pkg/v1/models.py": new.encode(), "pyproject.toml": b'version = "1.3.0"\n'}
    version, listed = class_release(out, tree, "1.2.3", "1.3.0", changelog, {"v1": other})
    assert version == "1.3.0" and listed is not None and "`AgentCreate.tag`: new optional field" in listed


def test_an_enum_member_removed_breaks_and_a_new_one_extends() -> None:
    """A user writes ``StartDay.MON``: a member is public as a field is. Round 14 dropped the bogus
    ``NONE_TYPE_NONE = None`` member of enums listing null (SCP Backup, File Storage): a patch release had gone out."""
    old = _MODELS + """

class StartDay(Enum):
    MON = "MON"
    TUE = "TUE"
    NONE_TYPE_NONE = None
"""
    new = _MODELS + """

class StartDay(StrEnum):
    MON = "MON"
    TUE = "TUE"
    WED = "WED"
"""
    assert _changes(old, new) == [
        ("StartDay.NONE_TYPE_NONE", "enum member removed", True),
        ("StartDay.WED", "new enum member", False),
    ]
    assert _changes(old, old) == []
