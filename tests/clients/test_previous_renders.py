"""Client modules reused from the last regeneration (``scraper.clients.previous_renders``): only for an equal input
(however its objects happen to be shared), the same tool, and a file that still holds the recorded bytes."""

from __future__ import annotations

from pathlib import Path

from scraper.clients.previous_renders import PreviousRenders

PATH = "pkg/v1_0/client.py"
WRITTEN = b"class Client:\n    pass\n"


def _text(n: int) -> str:
    return "".join(["not interned "] * n)  # a new str object each call


def _recorded(folder: Path, value: object, salt: str = "tool-1") -> dict[str, str]:
    first = PreviousRenders(folder, salt)
    assert first.reuse(PATH, value) is None  # nothing recorded yet: rendered
    (folder / PATH).parent.mkdir(parents=True, exist_ok=True)
    (folder / PATH).write_bytes(WRITTEN)
    first.record({PATH: WRITTEN, "pkg/other.py": b""})
    assert list(first.records) == [PATH]  # only files whose input was noted
    return first.records


def test_an_equal_input_reuses_the_file_however_its_objects_are_shared(tmp_path: Path) -> None:
    shared = _text(3)
    records = _recorded(tmp_path, {"a": shared, "b": shared, "n": [1, 2.0, None]})
    again = PreviousRenders(tmp_path, "tool-1", records)
    # the same values, no object shared (as a verdict read back from a cache is shared where a fresh one is not)
    assert again.reuse(PATH, {"a": _text(3), "b": _text(3), "n": [1, 2.0, None]}) == WRITTEN
    assert again.reused == [PATH]


def test_anything_else_is_rendered(tmp_path: Path) -> None:
    value = {"a": _text(2), "n": [1, 2.0]}
    records = _recorded(tmp_path, value)
    assert PreviousRenders(tmp_path, "tool-1", records).reuse(PATH, {"a": _text(2), "n": [1, 2]}) is None  # 2.0 != 2
    assert PreviousRenders(tmp_path, "tool-2", records).reuse(PATH, value) is None  # another tool
    assert PreviousRenders(tmp_path, "tool-1", {}).reuse(PATH, value) is None  # nothing recorded
    assert PreviousRenders(tmp_path, "tool-1", {PATH: "garbage"}).reuse(PATH, value) is None
    (tmp_path / PATH).write_bytes(WRITTEN + b"# edited by hand\n")
    assert PreviousRenders(tmp_path, "tool-1", records).reuse(PATH, value) is None
    (tmp_path / PATH).unlink()
    assert PreviousRenders(tmp_path, "tool-1", records).reuse(PATH, value) is None


def test_an_input_that_cannot_be_pickled_is_always_rendered(tmp_path: Path) -> None:
    cyclic: list[object] = []
    cyclic.append(cyclic)
    renders = PreviousRenders(tmp_path, "tool-1")
    assert renders.reuse(PATH, cyclic) is None
    assert renders.reuse(PATH, lambda: None) is None
    renders.record({PATH: WRITTEN})
    assert renders.records == {}
