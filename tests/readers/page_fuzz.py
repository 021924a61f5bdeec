"""Mutation fuzzing of page input: hostile and malformed pages must never crash or hang the reading.

Seeds are the committed page snapshots (``pages/``) and the page fixtures (``tests/fixtures``); each case is a seed
with one or more mutations (truncation mid-tag/-table/-fence/-UTF-8 sequence, byte flips, row and cell surgery, huge
lines and tables, deep nesting, NUL bytes, lone surrogates, line-ending changes, binary garbage, template and code
syntax in text, ...), read through the public entry points (:func:`scraper.readers.read_page`, the dialects). A case
passes when it reads into services or raises a located error (:class:`~scraper.document.LocatedError`); any other
exception, or a read slower than the time limit, is a failure.

``tests/readers/test_page_fuzz.py`` runs a bounded, derandomized sample in the suite; run it longer by hand::

    python -m tests.readers.page_fuzz --cases 5000 --seed 1      # prints every failure and a summary
    python -m tests.readers.page_fuzz --big                       # MB/s on large mutated pages
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scraper.dialects import PageInfo, dialect_for
from scraper.document import LocatedError
from scraper.readers import format_by_name, read_page
from tests.paths import FIXTURES, PAGES
from tests.time_limit import time_limit

__all__ = ["MUTATIONS", "Seed", "mutate", "read_case", "seeds"]


@dataclass(frozen=True, slots=True)
class Seed:
    path: Path
    provider: str
    format: str

    @property
    def name(self) -> str:
        return self.path.name


def seeds() -> list[Seed]:
    """Every committed page and every page fixture with a provider we can tell from where it lives."""
    found: list[Seed] = []
    for provider in ("scp", "nhn"):
        for path in sorted((PAGES / provider).iterdir()):
            if format_by_name(path.name):
                found.append(Seed(path, provider, str(format_by_name(path.name))))
    for path in sorted(FIXTURES.rglob("*")):
        format = format_by_name(path.name)
        if format is None or path.name == "README.md" or not path.is_file():
            continue
        parts = set(path.relative_to(FIXTURES).parts)
        provider = (
            "nhn"
            if "nhn" in parts or path.name.startswith("nhn")
            else "scp" if "scp" in parts or path.name.startswith("scp") else ""
        )
        if provider:
            found.append(Seed(path, provider, format))
    return found


# -- mutations: (page bytes, random) -> page bytes ------------------------------------------------------------------

Mutation = Callable[[bytes, random.Random], bytes]


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


def _cut(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def _cut_at(marker: bytes) -> Mutation:
    """Truncate just after (a random number of bytes into) an occurrence of ``marker``."""

    def mutation(raw: bytes, rng: random.Random) -> bytes:
        spots = [i for i in range(len(raw)) if raw.startswith(marker, i)][:2000]
        if not spots:
            return _cut(raw, rng)
        at = rng.choice(spots)
        return raw[: at + rng.randrange(len(marker) + 1)]

    return mutation


def _cut_mid_utf8(raw: bytes, rng: random.Random) -> bytes:
    spots = [i for i, b in enumerate(raw[:200_000]) if 0x80 <= b < 0xC0]
    return raw[: rng.choice(spots)] if spots else _cut(raw, rng)


def _flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _table_rows(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.lstrip().startswith((b"|", b"<tr", b"<td"))] or list(
        range(len(lines))
    )


def _row_surgery(raw: bytes, rng: random.Random) -> bytes:
    lines = _lines(raw)
    rows = _table_rows(lines)
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        at = rng.choice(rows) % len(lines)
        kind = rng.randrange(4)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            other = rng.choice(rows) % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        else:
            cells = lines[at].split(b"|")
            rng.shuffle(cells)
            if cells and rng.random() < 0.5:
                del cells[rng.randrange(len(cells))]
            lines[at] = b"|".join(cells)
    return b"\n".join(lines)


def _insert_line(make: Callable[[random.Random], bytes]) -> Mutation:
    def mutation(raw: bytes, rng: random.Random) -> bytes:
        lines = _lines(raw)
        lines.insert(rng.randrange(len(lines) + 1), make(rng))
        return b"\n".join(lines)

    return mutation


def _many_pipes(rng: random.Random) -> bytes:
    return b"| a " + b"|" * rng.choice([1000, 5000, 20000]) + b" b |"


def _long_line(rng: random.Random) -> bytes:
    return rng.choice([b"x", b"a b ", b"| ", b"{", b"`", b"<b>", b"&amp;", b"#"]) * (5_000_000 // 4)


def _table_of(rows: int, header: bytes = b"| Name | Type | Required | Description |") -> bytes:
    body = b"\n".join(b"| f%d | string | required | field %d |" % (i, i) for i in range(rows))
    return header + b"\n|---|---|---|---|\n" + body


def _huge_table(rng: random.Random) -> bytes:
    header = rng.choice([b"| Name | Type | Required | Description |", b"| Name | Description | Schema |"])
    return _table_of(rng.choice([20_000, 100_000]), header)


def _deep(rng: random.Random) -> bytes:
    depth = rng.choice([1000, 10_000])
    kind = rng.randrange(6)
    if kind == 0:
        return b"<div>" * depth + b"x" + b"</div>" * depth
    if kind == 1:
        return b"<ul><li>" * depth + b"x" + b"</li></ul>" * depth
    if kind == 2:
        return b"<table><tr><td>" * depth + b"x" + b"</td></tr></table>" * depth
    if kind == 3:
        return b"<blockquote>" * depth + b"x"
    if kind == 4:
        return b"\n".join(b"  " * i + b"- x" for i in range(min(depth, 1500)))
    return b">" * depth + b" x"


def _deep_json(rng: random.Random) -> bytes:
    depth = rng.choice([500, 5000, 100_000])
    inner = rng.choice([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth])
    return b"```json\n" + inner + b"\n```"


def _big_json(rng: random.Random) -> bytes:
    items = b",".join(b'{"id": %d, "name": "n%d"}' % (i, i) for i in range(rng.choice([10_000, 100_000])))
    return b'```json\n{"items": [' + items + b"]}\n```"


_SNIPPETS = [
    b"```",
    b"```json",
    b"~~~",
    b"#",
    b"## ",
    b"###### ",
    b"|",
    b"|---|",
    b"| Name | Type | Description |",
    b"\x00",
    b"\xed\xa0\x80",  # a lone surrogate, UTF-8 encoded (invalid UTF-8)
    b"\\ud800",
    b"\xff\xfe",
    b"<script>alert(1)</script>",
    b"<![CDATA[ x ]]>",
    b"<!--",
    b"-->",
    b"&#0; &#xD800; &#99999999999; &bogus; &amp",
    b"{{ config }} {% include x %}",
    b'""" """',
    b"'''\nimport os\nos.system('x')\n'''",
    b"GET /v2/{x}",
    b"POST",
    b"| GET | /v1/{a}/{b} |",
    b"Scp-Api-Version",
    b"{",
    b"}",
    b"[",
    b"\x1b[31m",
    b"\r",
    "\u2028".encode(),  # a line separator
    b"\xef\xbb\xbf",
    b"<table><tr><td>x",
    b"</table>",
    b"<pre><code>",
    b"<h2></h2>",
    b"<h3> </h3>",
]


def _snippets(raw: bytes, rng: random.Random) -> bytes:
    data = raw
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(_SNIPPETS) + data[at:]
    return data


def _line_endings(raw: bytes, rng: random.Random) -> bytes:
    return raw.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r", b"\r\r\n"]))


def _mixed_encoding(raw: bytes, rng: random.Random) -> bytes:
    lines = _lines(raw)
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(lines))
        text = lines[at].decode("utf-8", "replace")
        lines[at] = text.encode(rng.choice(["latin-1", "cp949", "utf-16-le", "shift_jis"]), "replace")
    return b"\n".join(lines)


def _garbage(raw: bytes, rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 100, 10_000, 100_000])))


def _bom_swap(raw: bytes, rng: random.Random) -> bytes:
    return rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf"]) + raw[rng.randrange(3) :]


def _header_only(raw: bytes, rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"| Name | Type | Description |\n|---|---|---|\n",
            b"<table><tr><th>Name</th><th>Type</th></tr></table>",
            b"| Name | Description | Schema |",
            b"",
            b"\n",
            b"#\n##\n###",
            b"<html><body><h2></h2></body></html>",
        ]
    )


def _comment_span(raw: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(raw) + 1)
    return (
        raw[:at]
        + rng.choice([b"<!--", b"<![CDATA[", b"<script>", b"<style>", b"```", b"<pre>", b"<textarea>"])
        + raw[at:]
    )


def _unclosed_fence(raw: bytes, rng: random.Random) -> bytes:
    lines = _lines(raw)
    fences = [i for i, line in enumerate(lines) if line.lstrip().startswith((b"```", b"~~~"))]
    if fences:
        del lines[rng.choice(fences)]
    else:
        lines.insert(rng.randrange(len(lines) + 1), b"```")
    return b"\n".join(lines)


def _nul_everywhere(raw: bytes, rng: random.Random) -> bytes:
    return raw.replace(rng.choice([b" ", b"|", b"e", b"\n"]), b"\x00", rng.randint(1, 1000))


def _comments(raw: bytes, rng: random.Random) -> bytes:
    comment = rng.choice([b"<!-- a -->", b"<!-- a --> -->", b"<!--", b"<!-- <html> -->\n"])
    return comment * rng.choice([1, 40, 5000]) + raw


#: numbers a page may hold where a bound, default, index, section number or version is read: beyond what ``int``
#: converts (4300 digits), a decimal ``float`` makes ``inf``, digits of other scripts
_EDGE_NUMBERS = [b"9" * 5000, b"1" + b"0" * 400 + b".5", b"-" + b"9" * 5000, "\u0663\u0664".encode(), "\uff11".encode()]


def _numbers(raw: bytes, rng: random.Random) -> bytes:
    """Runs of digits replaced by edge numbers (``Maximum length : 9...9``, ``vm[9...9]``, ``1.9...9 - Title``)."""
    spots = [m.span() for m in re.finditer(rb"[0-9]+", raw[:200_000])][:5000]
    for start, end in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 8))), reverse=True):
        raw = raw[:start] + rng.choice(_EDGE_NUMBERS) + raw[end:]
    return raw


def _repeat_page(raw: bytes, rng: random.Random) -> bytes:
    return raw * rng.randint(2, 5)


MUTATIONS: dict[str, Mutation] = {
    "truncate": _cut,
    "truncate-tag": _cut_at(b"<t"),
    "truncate-table": _cut_at(b"|"),
    "truncate-fence": _cut_at(b"```"),
    "truncate-utf8": _cut_mid_utf8,
    "flip": _flip,
    "rows": _row_surgery,
    "pipes": _insert_line(_many_pipes),
    "long-line": _insert_line(_long_line),
    "huge-table": _insert_line(_huge_table),
    "deep": _insert_line(_deep),
    "deep-json": _insert_line(_deep_json),
    "big-json": _insert_line(_big_json),
    "snippets": _snippets,
    "line-endings": _line_endings,
    "mixed-encoding": _mixed_encoding,
    "garbage": _garbage,
    "bom": _bom_swap,
    "header-only": _header_only,
    "comment-span": _comment_span,
    "unclosed-fence": _unclosed_fence,
    "nul": _nul_everywhere,
    "repeat": _repeat_page,
    "numbers": _numbers,
    "comments": _comments,
}
#: mutations that make pages of megabytes: run one at a time, they are the slow cases
BIG = frozenset({"long-line", "huge-table", "big-json", "garbage", "repeat", "deep-json"})


def mutate(raw: bytes, names: list[str], rng: random.Random) -> bytes:
    for name in names:
        raw = MUTATIONS[name](raw, rng)
    return raw


# -- reading a case --------------------------------------------------------------------------------------------------


def read_case(raw: bytes, seed: Seed, *, seconds: float = 60.0) -> str:
    """Read ``raw`` as ``seed``'s provider and format reads it: "ok", or "located" (a located error); raises what
    else went wrong (:class:`TimeoutError` past ``seconds``)."""
    with time_limit(seconds):
        try:
            document = read_page(raw, page=seed.name, format=seed.format, provider=seed.provider)
            dialect_for(seed.provider).read(document, PageInfo(seed.name))
        except LocatedError as exc:
            assert str(exc).startswith(seed.name), str(exc)
            assert "\n" not in str(exc).strip(), str(exc)
            return "located"
    return "ok"


def spec_case(raw: bytes, seed: Seed, folder: Path, *, provider: bool, seconds: float = 120.0) -> str:
    """Build specs from ``raw`` with ``docs2client spec`` (in this process; the provider told by the page unless
    ``provider``): "ok", or "error" (located errors on stderr, exit 1); raises on a traceback, an internal error
    reported or :class:`TimeoutError`."""
    import contextlib
    import io

    from scraper.cli import main

    page = folder / (seed.name if provider else seed.path.stem)  # no extension: the format is sniffed too
    page.write_bytes(raw)
    err = io.StringIO()
    with time_limit(seconds), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(
            ["spec", str(page), *(["--provider", seed.provider] if provider else []), "--out", str(folder / "out")]
        )
    text = err.getvalue()
    if "internal error" in text or "Traceback" in text or code not in (0, 1):
        raise AssertionError(f"exit {code}: {text[-600:]}")
    for line in text.splitlines():
        if line.startswith("error") or line.startswith(str(page)):
            assert str(page) in line or "not built" in line, line
    last_line = raw.count(b"\n") + raw.count(b"\r") + 1
    for findings in (folder / "out").rglob("findings.json"):
        for finding in json.loads(findings.read_text(encoding="utf-8"))["findings"]:
            # every doubt names the page and a line in it (0: the page as a whole)
            assert finding["page"] == str(page) and 0 <= finding["line"] <= last_line, finding
    return "ok" if code == 0 else "error"


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--only", help="comma-separated mutation names")
    parser.add_argument("--big", action="store_true", help="measure MB/s on large mutated pages")
    parser.add_argument("--cli", action="store_true", help="through docs2client spec (specs built and validated)")
    parser.add_argument("--case", type=int, help="run this case only, and write its page to --dump")
    parser.add_argument("--dump", type=Path, default=Path("/tmp/fuzz-case"))
    args = parser.parse_args(argv)
    sys.setrecursionlimit(sys.getrecursionlimit())  # as the CLI runs
    pool = seeds()
    names = args.only.split(",") if args.only else list(MUTATIONS)
    if args.big:
        return _throughput(pool)
    outcomes: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for case in [args.case] if args.case is not None else range(args.cases):
        rng = random.Random(f"{args.seed}-{case}")
        seed = rng.choice(pool)
        first = rng.choice(names)
        chosen = (
            [first]
            if first in BIG
            else [first, *rng.sample(small := [n for n in names if n not in BIG], min(len(small), rng.randint(0, 2)))]
        )
        raw = mutate(seed.path.read_bytes(), chosen, rng)
        if args.case is not None:
            args.dump.mkdir(exist_ok=True)
            (args.dump / seed.name).write_bytes(raw)
            print(f"{args.dump / seed.name}: {seed.provider} {seed.format} {chosen}")
        started = time.perf_counter()
        try:
            if args.cli:
                with tempfile.TemporaryDirectory() as folder:
                    outcome = spec_case(raw, seed, Path(folder), provider=case % 2 == 0, seconds=args.seconds)
            else:
                outcome = read_case(raw, seed, seconds=args.seconds)
            outcomes[outcome] += 1
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            failures[key] += 1
            outcomes["FAIL"] += 1
            if failures[key] == 1:
                print(f"case {case} {seed.path.name} {chosen}: {key}: {str(exc)[:200]}", flush=True)
        elapsed = time.perf_counter() - started
        if elapsed > 5:
            print(f"case {case} {seed.path.name} {chosen}: slow {elapsed:.1f} s for {len(raw)} bytes", flush=True)
    print(dict(outcomes))
    for key, count in failures.most_common():
        print(f"{count:6d}  {key}")
    return 1 if failures else 0


#: the pages --big measures: the largest of each provider, format and text flavour
_BIG_SEEDS = [
    "pages/scp/001_dc092d8be0253ee9.txt",
    "pages/nhn/003_30998dc9651c21a0.txt",
    "pages/nhn/RDS-FOR-POSTGRESQL__en__api-guide-v1.0.md",
    "tests/fixtures/html/scp_storage_print.html",
    "tests/fixtures/html/nhn_block_storage.html",
]


def _throughput(pool: list[Seed]) -> int:
    """MB/s of reading (reader and dialect) each big seed repeated to 4 MB and with a 100,000-row table in the middle
    of an operation's section; and of half of each, to show the time grows with the size, not faster."""
    from tests.paths import ROOT

    for seed in [s for s in pool if str(s.path.relative_to(ROOT)) in _BIG_SEEDS]:
        base = seed.path.read_bytes()
        lines = _lines(base)
        table = _table_of(100_000)
        for name, raw in [
            ("repeated", base * (4_000_000 // len(base) + 1)),
            ("repeated/2", base * (2_000_000 // len(base) + 1)),
            ("100k rows", b"\n".join([*lines[: len(lines) // 2], b"", table, b"", *lines[len(lines) // 2 :]])),
        ]:
            started = time.perf_counter()
            outcome = read_case(raw, seed, seconds=600)
            elapsed = time.perf_counter() - started
            rate = len(raw) / 1e6 / elapsed
            print(f"{seed.name:45s} {name:10s} {len(raw) / 1e6:6.2f} MB {elapsed:6.2f} s {rate:6.2f} MB/s {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
