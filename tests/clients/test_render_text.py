"""The text filters' fast paths (one C-level printability check) give exactly what the per-character definitions
give, on random text full of the characters they escape."""

from __future__ import annotations

import random

import pytest

from scraper.clients.render import _safe_repr, docstring_body

_ALPHABET = "ab \\\"'\n\r\t\x00\x07\x0b\x0c\x1c\x7f\x85\xa0\u2028\u2029\u00e9\u4e2d\U0001f600{}"


def _docstring_by_character(text: str) -> str:
    out = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n" or ch.isprintable():
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "\n".join(line.rstrip() for line in "".join(out).split("\n")).strip()


def _repr_by_character(text: str) -> str:
    out = repr(text)
    if out.startswith("'") and '"' not in text:
        out = '"' + out[1:-1] + '"'
    return "".join(
        ch if ch.isprintable() or ch in "\\'\"" else ch.encode("unicode_escape").decode("ascii") for ch in out
    )


@pytest.mark.parametrize("seed", range(5))
def test_fast_paths_equal_the_per_character_definitions(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["", "plain text", "  padded \n  lines  \n", 'say "hi" \\ back']
    texts += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(40))) for _ in range(2000)]
    for text in texts:
        assert docstring_body(text) == _docstring_by_character(text), repr(text)
        assert _safe_repr(text) == _repr_by_character(text), repr(text)
