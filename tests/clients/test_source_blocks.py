"""Formatting generated code block by block gives black's bytes for the whole file, and each block once per run."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

import scraper.clients.formatting as formatting
from scraper.clients.command import load_findings, load_spec
from scraper.clients.formatting import SourceFormatter, format_source
from scraper.clients.package import render_sources
from scraper.clients.source_blocks import MEMBER_HEADER, join_blocks, split_blocks
from tests.clients.test_package import DEMO, FIXTURES, malicious_spec
from tests.paths import ROOT

SERVICE = ROOT / "spec" / "scp" / "baremetal-blockstorage"  # four versions sharing most operations


def _python(rendered: Mapping[str, str | bytes], prefix: str = "") -> dict[str, str]:
    return {prefix + p: t for p, t in rendered.items() if p.endswith(".py") and isinstance(t, str)}


def _rendered() -> dict[str, str]:
    specs = sorted(SERVICE.glob("*.yaml"))
    return {
        **_python(render_sources([load_spec(p) for p in specs], findings=load_findings(SERVICE))),
        **_python(render_sources([load_spec(p) for p in sorted(DEMO.glob("*.yaml"))]), "demo/"),
        **_python(render_sources([load_spec(FIXTURES / "petstore-3.0.yaml")]), "petstore/"),
        **_python(render_sources([malicious_spec()]), "malicious/"),
    }


#: Not black-shaped on purpose: black changes every block, and the cuts sit next to everything black treats
#: specially (comments, decorators, docstrings, nested definitions, code-like text inside strings).
UGLY = '''"""Module docstring."""
import os


class A:
    """Doc."""

    def one( self,a ):
        return {'a':a}

    @property
    def two(self): return   1
    # a comment that belongs to three

    def three(self):
        x = """
    def not_a_cut(self):
        pass
"""
        def inner( ):   pass

        return x

    async def four(self, *args, **kwargs):
        await   os.fspath( 'x' )


    def five(self): pass


class Z:
    def a(self): pass

    def b(self): pass
X = 1


def f( a,b ):
    return {'x':a,'y':b}


# comment before g
def g(): ...


@decorated( 1 )
class B( A ):
    def m(self):
        return [ 1,2,
        3 ]

    def n(self):
        return      ( 'a'
          'b' )


def h(): return 1
'''


def _blockwise(files: Mapping[str, str]) -> dict[str, bytes]:
    return SourceFormatter(workers=1).format(dict(files))


def test_blocks_join_back_to_the_text_and_cut_only_at_safe_places() -> None:
    pieces = split_blocks(UGLY)
    assert "".join(gap + block.text for gap, block in pieces) == UGLY
    members = [block.text.split("\n")[0].strip() for _, block in pieces if block.member]
    # one stays with the class header (after the docstring), three follows a comment, five two blank lines; Z is
    # followed by a statement that is not a definition: its methods stay together
    assert members == ["@property", "async def four(self, *args, **kwargs):", "def n(self):"]
    tops = [block.text.split("\n")[0] for _, block in pieces if not block.member]
    assert "@decorated( 1 )" in tops and "def h(): return 1" in tops
    assert "# comment before g" not in tops and "def g(): ..." not in tops  # g stays with its comment's block
    assert join_blocks([g for g, _ in pieces], [b.text for _, b in pieces]) == UGLY


def test_unparsable_or_odd_text_is_one_block() -> None:
    for text in ("def (:\n", "x = 1", "def f():\r\n    pass\r\n", "x = 1\n\x0c\ny = 2\n"):
        assert [block.text for _, block in split_blocks(text)] == [text]


def test_blockwise_formatting_equals_black_on_the_whole_file_for_ugly_code() -> None:
    variants = {f"m{n}.py": UGLY.replace("def f(", f"def f{n}(") for n in range(2)}
    assert _blockwise(variants) == {path: format_source(path, text) for path, text in variants.items()}


def test_blockwise_formatting_equals_black_on_the_whole_file_for_generated_packages() -> None:
    sources = _rendered()
    blockwise = _blockwise(sources)
    assert max(len(split_blocks(t)) for t in sources.values()) > 50  # the clients really are cut
    for path, text in sources.items():
        assert blockwise[path] == format_source(path, text), path


def test_a_block_shared_by_two_files_is_formatted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = formatting.format_source

    def counting(path: str, text: str) -> bytes:
        seen.append(text)
        return real(path, text)

    monkeypatch.setattr(formatting, "format_source", counting)
    method = '    def shared(self):\n        return  "' + "x" * 8_000 + '"\n'  # big enough to be cut
    files = {f"v{n}.py": f"class C{n}:\n    def own(self):\n        return {n}\n\n" + method for n in range(2)}
    out = SourceFormatter(workers=1).format(dict(files))
    assert out == {path: real(path, text) for path, text in files.items()}
    assert seen.count(MEMBER_HEADER + method) == 1
    assert len(seen) == 3  # each header block, the shared method once


def test_an_error_in_a_block_names_the_files_own_line() -> None:
    broken = "class C:\n    def a(self):\n        return 1\n\n    def b(self):\n        return (\n" + "#\n" * 9_000
    with pytest.raises(formatting.GenerationError, match=r"generated pkg/m\.py is not valid Python"):
        _blockwise({"pkg/m.py": broken})
