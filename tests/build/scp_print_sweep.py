"""Prints an SCP page from each oracle document, reads it back with ``docs2client spec`` and scores the result.

    python -m tests.build.scp_print_sweep ORACLE_DIR WORK_DIR [--rendering pipe|squashed|html] [--language en|ko]
        [--details] [--code DIR]

For every ``ORACLE_DIR/*.yaml`` (Samsung's OpenAPI documents; ``tests/build/scp_oracle.py`` says where they come
from) the page ``tests/build/scp_page_printer.py`` prints (in the rendering and language given) is read by
``docs2client spec`` in a process of its own (``WORK_DIR/<name>-<rendering>[-ko]/``), and the specs it writes are
compared with the document by ``scp_oracle.score_service``. One line per document: ok / the one-line error /
``TRACEBACK``, operations oracle/read/matched, fields compared and agreeing (type, required, enum, format,
nullable, constraints, default over parameters and body fields). Everything is written under WORK_DIR;
nothing here runs in the test suite (it reads documents outside the repository).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tests.build.scp_oracle import ASPECTS, load, score_service
from tests.build.scp_page_printer import load_document, page_name, page_options, print_page, service_slug
from tests.paths import ROOT


def with_versions(document: dict[str, Any]) -> dict[str, Any]:
    """The oracle with ``x-api-version: '1.0'`` where an operation names none, as the printer prints it."""
    for item in (document.get("paths") or {}).values():
        for operation in (item or {}).values():
            if isinstance(operation, dict) and "responses" in operation:
                operation.setdefault("x-api-version", "1.0")
    return document


#: ``docs2client`` run from the checkout given (``--code``): another worktree's scraper measures its own reading
_ENTRY = "import sys; from scraper.cli import entry; sys.argv[0] = 'docs2client'; sys.exit(entry())"


def sweep(oracle: Path, work: Path, rendering: str, details: bool, code: Path = ROOT, language: str = "en") -> str:
    lines = []
    totals: Counter[str] = Counter()
    for path in sorted(oracle.glob("*.yaml")):
        slug = service_slug(path)
        folder = work / page_name(path.stem, rendering, language).rsplit(".", 1)[0]
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / ("page.html" if rendering == "html" else "page.txt")
        document = with_versions(load_document(path))
        page.write_text(print_page(document, slug, rendering, language=language), encoding="utf-8")
        out = folder / "spec"
        run = subprocess.run(
            [sys.executable, "-c", _ENTRY, "spec", "--provider", "scp", "--out", str(out), str(page)],
            capture_output=True,
            text=True,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(code)},
        )
        if "Traceback" in run.stderr:
            status = "TRACEBACK " + run.stderr.strip().splitlines()[-1][:120]
        elif run.returncode:
            status = "error: " + (run.stderr.strip().splitlines() or ["?"])[-1][:140]
        else:
            status = "ok"
        specs = {file.stem: load(file) for file in sorted((out / "scp").glob("*/*.yaml"))} if out.exists() else {}
        score = score_service(document, specs)
        fields = score.fields + score.params
        agree = sum(fields[f"{aspect}-agree"] for aspect in ASPECTS)
        compared = fields["matched"] * len(ASPECTS)
        totals.update(
            {
                "documents": 1,
                "ok": status == "ok",
                "tracebacks": status.startswith("TRACEBACK"),
                "oracle-ops": score.oracle,
                "read-ops": score.ours,
                "matched-ops": score.matched,
                "oracle-fields": fields["oracle"],
                "matched-fields": fields["matched"],
                "aspects": compared,
                "aspects-agree": agree,
            }
        )
        lines.append(
            f"{path.stem:28} {status[:60]:60} ops {score.oracle:3}/{score.ours:3}/{score.matched:3}"
            f" fields {fields['oracle']:4}/{fields['matched']:4} agree {agree:5}/{compared:5}"
        )
        if details:
            lines.extend(f"    {difference}" for difference in score.differences)
            if status != "ok":
                lines.extend(f"    ! {line}" for line in run.stderr.strip().splitlines()[-5:])
    lines.append("totals: " + ", ".join(f"{key} {value}" for key, value in totals.items()))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = page_options("python -m tests.build.scp_print_sweep", "WORK_DIR")
    parser.add_argument("--details", action="store_true", help="every difference, not only the table")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose docs2client reads the pages")
    args = parser.parse_args(argv)
    print(sweep(args.oracle_dir, args.out_dir, args.rendering, args.details, args.code, args.language))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
