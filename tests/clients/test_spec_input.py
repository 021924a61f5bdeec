"""Reading a spec file: the size cap holds at and around its limit, and reading stays correct across chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper import spec_input
from scraper.spec_input import DocumentError, load_document_file


@pytest.mark.parametrize("extra", [0, 1])
def test_size_cap_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: int) -> None:
    text = b'{"openapi": "3.1.0"}'
    monkeypatch.setattr(spec_input, "MAX_BYTES", len(text) + 1 - extra)
    path = tmp_path / "spec.json"
    path.write_bytes(text + b"\n")
    if extra:
        with pytest.raises(DocumentError, match=r"spec\.json: larger than 20 bytes; not read"):
            load_document_file(path)
    else:
        assert load_document_file(path) == {"openapi": "3.1.0"}


def test_file_over_several_chunks_is_read_whole(tmp_path: Path) -> None:
    description = "x" * (3 * (1 << 20) + 17)  # more than three 1 MiB chunks
    path = tmp_path / "spec.yaml"
    path.write_text(f"openapi: 3.1.0\ninfo:\n  description: {description}\n", encoding="utf-8")
    assert load_document_file(path)["info"]["description"] == description


@pytest.mark.parametrize("as_tree", [False, True])
def test_diff_reads_specs_under_the_same_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], as_tree: bool
) -> None:
    """``diff`` read its files whole (``read_text``), so a spec of any size was read into memory before any check."""
    from scraper.cli import main

    monkeypatch.setattr(spec_input, "MAX_BYTES", 64)
    small, large = tmp_path / "old" / "a.yaml", tmp_path / "new" / "a.yaml"
    for path, size in ((small, 0), (large, 200)):
        path.parent.mkdir()
        path.write_text(f"openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n#{'x' * size}\n")
    old, new = (str(small.parent), str(large.parent)) if as_tree else (str(small), str(large))
    assert main(["diff", old, new]) == 2
    err = capsys.readouterr().err
    assert f"NEW: {large if as_tree else new}: larger than 64 bytes; not read" in err, err


@pytest.mark.parametrize("name", ["spec.yaml", "spec.json"])
def test_an_integer_longer_than_python_converts_is_a_located_error(tmp_path: Path, name: str) -> None:
    """An integer of more than 4300 digits raised Python's ValueError through generate and diff as a traceback."""
    path = tmp_path / name
    path.write_text('{"openapi": "3.1.0",\n"x-big": ' + "9" * 5000 + "}\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=rf"^{name}:2: a number of 5,000 digits; at most 4,300 are read$"):
        load_document_file(path, shown=name)


@pytest.mark.parametrize(
    ("name", "codec", "bom"),
    [("spec.json", "utf-8", b"\xef\xbb\xbf"), ("spec.yaml", "utf-8", b"\xef\xbb\xbf"),
     ("spec.json", "utf-16-le", b"\xff\xfe"), ("spec.yaml", "utf-16-be", b"\xfe\xff")],
)  # fmt: skip
def test_a_byte_order_mark_says_how_the_spec_is_encoded(tmp_path: Path, name: str, codec: str, bom: bytes) -> None:
    """A spec saved with a byte-order mark (Windows editors, PowerShell) was 'not valid JSON: Unexpected UTF-8 BOM',
    or 'not UTF-8'."""
    path = tmp_path / name
    path.write_bytes(bom + '{"openapi": "3.1.0", "info": {"title": "é"}}'.encode(codec))
    assert load_document_file(path) == {"openapi": "3.1.0", "info": {"title": "é"}}


def test_bytes_that_break_their_byte_order_mark_are_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_bytes(b"\xff\xfe" + '{"a": 1}'.encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate's half
    with pytest.raises(DocumentError, match=r"spec\.json: not utf-16-le as its byte-order mark says"):
        load_document_file(path)
