"""A client method renamed by the docs (a retitled heading, a new operationId) keeps its old name as an alias.

NHN guides name operations by their headings; a heading reworded between two snapshots renamed the method every
caller used, a breaking change the API never made. The modules below mirror a generated client module's shape: a
docstring line naming the operation (``GET /v1/volumes/{volume_id}`` (API version 1.0, CURRENT)), a sync and an
async client, a listing with its ``iter_`` method.
"""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from scraper.clients.class_releases import class_release
from scraper.clients.method_renames import method_aliases, renamed_methods, with_method_aliases
from scraper.clients.method_signatures import changed_signatures


def _method(name: str, line: str, *, is_async: bool = False, params: str = "volume_id: str") -> str:
    prefix = "async def" if is_async else "def"
    return f'''    {prefix} {name}(self, {params}) -> dict[str, str]:
        """Volume

        ``{line}`` (API version 1.0, CURRENT).
        """
        return {{}}
'''


def _module(show: str, listing: str, *, extra: str = "", params: str = "volume_id: str") -> str:
    get_line, list_line = "GET /v1/volumes/{volume_id}", "GET /v1/volumes"
    body = [
        _method(show, get_line, params=params),
        _method(listing, list_line, params="*, page: int = 1"),
        _method(f"iter_{listing}", list_line, params="*, page: int = 1"),
    ]
    async_body = [
        _method(show, get_line, is_async=True, params=params),
        _method(listing, list_line, is_async=True, params="*, page: int = 1"),
    ]
    return (
        'API_VERSION = "1.0"\n\n\nclass Client:\n'
        + "\n".join(body)
        + extra
        + "\n\nclass AsyncClient:\n"
        + "\n".join(async_body)
    )


_OLD = _module("get_volume", "list_volumes")
_NEW = _module("show_volume", "get_volume_list")


def test_methods_of_one_operation_renamed_pair_by_the_same_words() -> None:
    assert renamed_methods(_OLD, _NEW) == {
        "get_volume": "show_volume",
        "iter_list_volumes": "iter_get_volume_list",
        "list_volumes": "get_volume_list",
    }


def test_aliases_keep_the_old_names_callable_in_both_clients_and_black_leaves_them() -> None:
    text = with_method_aliases(_NEW, renamed_methods(_OLD, _NEW), "2.0.0")
    assert black.format_str(text, mode=black.Mode(line_length=120)) == text
    scope: dict[str, object] = {}
    exec(compile(text, "client.py", "exec"), scope)  # the module this test just built
    client = scope["Client"]
    assert client.get_volume is client.show_volume  # type: ignore[attr-defined]
    assert client.iter_list_volumes is client.iter_get_volume_list  # type: ignore[attr-defined]
    # the async client has no iter_ method here: only the aliases of what it defines
    assert scope["AsyncClient"].list_volumes is scope["AsyncClient"].get_volume_list  # type: ignore[attr-defined]
    assert not hasattr(scope["AsyncClient"], "iter_list_volumes")
    assert method_aliases(text) == ("2.0.0", renamed_methods(_OLD, _NEW))
    # with the aliases the signatures only gained methods: nothing removed
    changes = changed_signatures(_OLD, text)
    assert changes and not any(change.breaking for change in changes)


@pytest.mark.parametrize(
    "new",
    [
        # another operation's method: not this one renamed
        _module("get_volume", "list_volumes")
        .replace("def get_volume(", "def describe_volume(")
        .replace("GET /v1/volumes/{volume_id}", "GET /v1/disks/{volume_id}"),
        # two new methods call the removed one's operation, differing by other words: no pairing
        _module("show_volume", "list_volumes", extra="\n" + _method("read_volume", "GET /v1/volumes/{volume_id}")),
    ],
)
def test_no_rename_without_one_new_method_of_the_same_operation(new: str) -> None:
    assert "get_volume" not in renamed_methods(_OLD, new)


def _package(tmp_path: Path, client: str, version: str) -> Path:
    (tmp_path / "pkg" / "v1_0").mkdir(parents=True)
    (tmp_path / "pkg" / "v1_0" / "client.py").write_text(client, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f'version = "{version}"\n', encoding="utf-8")
    return tmp_path


def test_a_rename_keeps_an_alias_lists_it_and_is_carried_within_the_major(tmp_path: Path) -> None:
    out = _package(tmp_path, _OLD, "1.4.2")
    tree = {"pkg/v1_0/client.py": _NEW.encode(), "pyproject.toml": b'version = "2.0.0"\n'}
    changelog = "# Changelog\n\n## 2.0.0\n\n### API 1.0\n\n- operationId getVolume -> showVolume\n\n## 1.4.2\n"
    version, amended = class_release(out, tree, "1.4.2", "2.0.0", changelog)
    assert version == "2.0.0" and amended is not None
    written = tree["pkg/v1_0/client.py"].decode()
    assert "    get_volume = show_volume\n" in written and "since 2.0.0;" in written
    entry = amended[amended.index("## 2.0.0") : amended.index("## 1.4.2")]
    assert "### Methods renamed" in entry
    assert "- `v1_0`: `get_volume` -> `show_volume`, `iter_list_volumes` -> `iter_get_volume_list`" in entry

    # the next regeneration (same major) renders the module without aliases: they are carried, nothing listed again
    (out / "pkg" / "v1_0" / "client.py").write_text(written, encoding="utf-8")
    (out / "pyproject.toml").write_text('version = "2.0.0"\n', encoding="utf-8")
    touched = _NEW.replace("CURRENT).", "CURRENT).\n        Edited.", 1)
    again = {"pkg/v1_0/client.py": touched.encode(), "pyproject.toml": b'version = "2.1.0"\n'}
    version, after = class_release(out, again, "2.0.0", "2.1.0", "# Changelog\n\n## 2.1.0\n\n- x\n\n## 2.0.0\n")
    assert version == "2.1.0" and after is not None and "Methods renamed" not in after
    assert "    get_volume = show_volume\n" in again["pkg/v1_0/client.py"].decode()
    assert "since 2.0.0;" in again["pkg/v1_0/client.py"].decode()

    # the next major drops them (their removal breaks, as any removed method does)
    dropped = {"pkg/v1_0/client.py": touched.encode(), "pyproject.toml": b'version = "3.0.0"\n'}
    class_release(out, dropped, "2.0.0", "3.0.0", "# Changelog\n\n## 3.0.0\n\n- y\n\n## 2.0.0\n")
    assert "get_volume = " not in dropped["pkg/v1_0/client.py"].decode()


def test_a_code_only_rename_with_its_alias_is_a_minor_release(tmp_path: Path) -> None:
    """Without the alias the old name would be a removed method: a major release."""
    out = _package(tmp_path, _OLD, "1.4.2")
    tree = {"pkg/v1_0/client.py": _NEW.encode(), "pyproject.toml": b'version = "1.4.2"\n'}
    version, changelog = class_release(out, tree, "1.4.2", "1.4.2", "# Changelog\n\n## 1.4.2\n\nFixes.\n")
    assert version == "1.5.0" and changelog is not None
    assert "since 1.5.0;" in tree["pkg/v1_0/client.py"].decode()
    assert "methods were renamed" in changelog


def _member(name: str, summary: str, params: str) -> str:
    return f'''    def {name}(self, container: str, object: str, *, {params}) -> None:
        """{summary}

        ``PUT /v1/{{Account}}/{{Container}}/{{Object}}`` (API version v1, CURRENT).
        """
'''


def _object_storage(names: tuple[str, str, str, str]) -> str:
    """Object Storage's ``PUT`` on an object: several documented operations (``x-operations`` members), two of them
    under one heading, told apart by their parameters."""
    upload, manifest_dlo, manifest_slo, update = names
    members = [
        _member(upload, "Upload an Object", "body: bytes, x_delete_at: int | None = None"),
        _member(manifest_dlo, "Create a Manifest Object", "x_object_manifest: str, body: bytes"),
        _member(manifest_slo, "Create a Manifest Object", "body: list[dict[str, str]]"),
        _member(update, "Update an Object", "body: bytes, x_delete_after: int | None = None"),
    ]
    return 'API_VERSION = "v1"\n\n\nclass Client:\n' + "\n".join(members)


def test_several_operations_of_one_method_and_path_pair_by_summary_and_parameters() -> None:
    # the shortest-name rule cannot pair them (no name holds another): before, each was "removed", a major release
    old = _object_storage(
        ("upload_an_object", "create_a_manifest_object", "create_a_manifest_object2", "update_an_object")
    )
    new = _object_storage(
        ("upload_object", "create_manifest_object", "create_manifest_object_multipart", "update_object")
    )
    assert renamed_methods(old, new) == {
        "create_a_manifest_object": "create_manifest_object",
        "create_a_manifest_object2": "create_manifest_object_multipart",
        "update_an_object": "update_object",
        "upload_an_object": "upload_object",
    }
    # one method more on one side is still no guess
    fewer = new.split("    def update_object")[0]
    assert "update_an_object" not in renamed_methods(old, fewer)


def test_an_alias_of_a_deprecated_method_passes_mypy_with_deprecated_calls_reported(tmp_path: Path) -> None:
    # scp-virtualserver 4.1.0: 'accept_a_volume_transfer = accept_volume_transfer' in API 1.0's client, whose
    # method is deprecated, was reported by mypy's deprecated code (the CI's lint, and users who enable it as the
    # README asks): 28 errors; a caller of the alias still gets the method's warning at run time
    from mypy import api as mypy_api

    old = (
        "from typing_extensions import deprecated\n\n\nclass Client:\n"
        '    @deprecated("Volume transfers are deprecated")\n'
        "    def accept_a_volume_transfer(self) -> None:\n"
        '        """Accept\n\n        ``PUT /v1/transfers`` (API version 1.0, DEPRECATED).\n        """\n'
        "\n"
        "    def show_volume(self) -> None:\n"
        '        """Show\n\n        ``GET /v1/volumes`` (API version 1.0, CURRENT).\n        """\n'
    )
    new = old.replace("def accept_a_volume_transfer", "def accept_volume_transfer").replace(
        "def show_volume", "def show_a_volume"
    )
    text = with_method_aliases(new, renamed_methods(old, new), "2.0.0")
    assert "    accept_a_volume_transfer = accept_volume_transfer  # type: ignore[deprecated, unused-ignore]" in text
    assert "    show_volume = show_a_volume\n" in text + "\n"  # no comment where the method is not deprecated
    assert black.format_str(text, mode=black.Mode(line_length=120)) == text
    module = tmp_path / "client.py"
    module.write_text(text, encoding="utf-8")
    for codes in (["--enable-error-code", "deprecated"], []):
        out, err, status = mypy_api.run(["--strict", "--no-incremental", *codes, str(module)])
        assert status == 0, out + err
