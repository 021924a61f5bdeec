"""Locations in messages are RFC 6901 JSON pointers, built by one function (``scraper.json_pointer``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main
from scraper.clients.refs import pointer_tokens
from scraper.json_pointer import json_pointer


def test_keys_with_slash_and_tilde_are_escaped_and_come_back() -> None:
    parts = ["paths", "/a/{b}", "get", "x~y/z", 0]
    assert json_pointer(parts) == "/paths/~1a~1{b}/get/x~0y~1z/0"
    assert json_pointer([]) == ""
    assert json_pointer(["~1"]) == "/~01"  # "~" first, so an escaped-looking key stays itself
    assert pointer_tokens("#" + json_pointer(parts)) == [str(p) for p in parts]


def test_a_located_error_in_a_spec_names_the_escaped_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``paths./a~b/{c}.get.responses`` (dots) and ``paths//a/{b}/get`` (slashes unescaped) could not be followed
    back into the document; the pointer can."""
    spec = tmp_path / "spec.json"
    spec.write_text(
        '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},'
        ' "paths": {"/a~b/{c}": {"get": {"responses": []}}}}',
        encoding="utf-8",
    )
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"error: {spec}: /paths/~1a~0b~1{{c}}/get/responses must be a mapping, got list\n"


def test_a_pointer_is_followed_back_to_what_it_names_or_raises_lookup_error() -> None:
    from scraper.json_pointer import follow_tokens, unescape_token

    document = {"paths": {"/a/{b}": {"get": {"tags": ["x", "y"]}}}, "a~b": 1}
    tokens = [unescape_token(t) for t in json_pointer(["paths", "/a/{b}", "get", "tags", 1]).split("/")[1:]]
    assert follow_tokens(document, tokens) == "y"
    assert follow_tokens(document, [unescape_token("a~0b")]) == 1
    assert follow_tokens(document, []) is document
    for missing in (["paths", "/c"], ["paths", "/a/{b}", "get", "tags", "2"], ["paths", "/a/{b}", "get", "tags", "-1"]):
        with pytest.raises(LookupError):
            follow_tokens(document, missing)
