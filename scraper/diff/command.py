"""``docs2client diff OLD NEW``: compare two OpenAPI documents and classify the changes.

Exit status: 0 when no change reaches ``--fail-on`` (or no ``--fail-on`` was given), 1 when one does, 2 for usage
and input errors (the message names the argument: ``OLD``, ``NEW``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from scraper.iso_date import iso_date

__all__ = ["configure", "run"]

_FORMATS = ("text", "markdown", "json")  # scraper.diff.render.FORMATS, without importing it to build the parser

_EPILOG = """\
OLD and NEW may be a YAML/JSON file, <provider>/<service>@<version> (read from --spec-dir), or git:<rev>:<path>.
Both may also be directories of specs, or a directory at a git revision, to review a pull request:
  docs2client diff git:main:spec spec --format markdown     (one summary per service and version)
exit status: 0 ok, 1 a change at or above --fail-on, 2 usage or input error
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG
    parser.add_argument("old", metavar="OLD", help="the earlier document")
    parser.add_argument("new", metavar="NEW", help="the later document")
    parser.add_argument("--format", choices=_FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--fail-on",
        choices=("breaking", "deprecation"),
        default=None,
        help="exit with status 1 when a change of this severity or worse exists",
    )
    parser.add_argument(
        "--spec-dir",
        type=Path,
        default=None,
        help="where <provider>/<service>@<version> specs live (default: ./spec)",
    )
    parser.add_argument(
        "--docs",
        action="store_true",
        help="also report documentation-only changes (summaries, descriptions, examples) as info",
    )
    parser.add_argument(
        "--severity",
        type=Path,
        default=None,
        metavar="FILE",
        help="override rule levels: lines of '<rule id> <severity>' (see the README's table of diff rules)",
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="judge sunsets as of this date (default: today)",
    )


def run(args: argparse.Namespace) -> int:
    from scraper.diff.compare import compare
    from scraper.diff.explain import explain
    from scraper.diff.model import severity_rank
    from scraper.diff.overrides import OverrideError, read_overrides
    from scraper.diff.refs import RefError, external_refs, load_document
    from scraper.diff.render import render
    from scraper.diff.tree import is_tree

    cwd = Path.cwd()
    spec_dir: Path = args.spec_dir if args.spec_dir is not None else cwd / "spec"
    trees = [is_tree(args.old, cwd=cwd), is_tree(args.new, cwd=cwd)]
    if any(trees):
        return _run_trees(args, cwd, trees)
    try:
        overrides = read_overrides(args.severity) if args.severity is not None else {}
        old = load_document(args.old, argument="OLD", spec_dir=spec_dir, cwd=cwd)
        new = load_document(args.new, argument="NEW", spec_dir=spec_dir, cwd=cwd)
    except (RefError, OverrideError) as exc:
        print(f"docs2client diff: error: {exc}", file=sys.stderr)
        return 2
    for label, shown, document in (("OLD", args.old, old), ("NEW", args.new, new)):
        _warn_external(label, shown, external_refs(document))
    _warn_other_api(old, new)
    today = args.today if args.today is not None else _dt.date.today()
    changes = explain(compare(old, new, docs=bool(args.docs), today=today, severities=overrides))
    sys.stdout.write(render(changes, args.format, old_label=args.old, new_label=args.new))
    if args.fail_on is not None:
        threshold = severity_rank(args.fail_on)
        if any(severity_rank(c.severity) >= threshold for c in changes):
            return 1
    return 0


def _api_name(document: object) -> tuple[str, bool] | None:
    """``provider/service`` of a docs2client spec (``info.x-provider``/``x-service``: certain), else ``info.title``
    (a hint: a title may change between versions of one API)."""
    info = document.get("info") if isinstance(document, dict) else None
    if not isinstance(info, dict):
        return None
    provider, service = info.get("x-provider"), info.get("x-service")
    if isinstance(provider, str) and isinstance(service, str):
        return f"{provider}/{service}", True
    title = info.get("title")
    return (title.strip(), False) if isinstance(title, str) and title.strip() else None


def _warn_other_api(old: object, new: object) -> None:
    """One line on stderr when the two documents name different APIs: a mistyped path compares two services and
    reports every operation of each as removed and added."""
    before, after = _api_name(old), _api_name(new)
    if before is None or after is None or before[0] == after[0] or before[1] != after[1]:
        return
    if before[1]:
        said = f"OLD is {before[0]!r} and NEW is {after[0]!r}: two different APIs are compared"
    else:
        said = f"OLD is titled {before[0]!r} and NEW {after[0]!r}: are they the same API?"
    print(f"docs2client diff: warning: {said}", file=sys.stderr)


def _warn_external(label: str, shown: str, refs: list[str]) -> None:
    """One line on stderr when a document references another file or a URL (compared by the reference's text)."""
    if refs:
        more = f" and {len(refs) - 1} more" if len(refs) > 1 else ""
        print(
            f"docs2client diff: warning: {label}: {shown}: $ref {refs[0]!r}{more} point(s) outside the document; "
            "compared by the reference text only (a change inside the referenced file is not seen)",
            file=sys.stderr,
        )


def _run_trees(args: argparse.Namespace, cwd: Path, trees: list[bool]) -> int:
    """Two spec directories (or git trees): every service and version compared, one summary each."""
    from scraper.diff.model import severity_rank
    from scraper.diff.overrides import OverrideError, read_overrides
    from scraper.diff.refs import RefError, load_document
    from scraper.diff.tree import compare_trees, load_tree, render_tree

    if not all(trees):
        which, ref = ("OLD", args.old) if not trees[0] else ("NEW", args.new)
        try:  # a side naming nothing readable (a misspelt branch or folder) gets its own error, not "no directory"
            load_document(ref, argument=which, spec_dir=cwd / "spec", cwd=cwd)
        except RefError as exc:
            print(f"docs2client diff: error: {exc}", file=sys.stderr)
            return 2
        print(f"docs2client diff: error: {which}: expected a directory like the other argument", file=sys.stderr)
        return 2
    try:
        overrides = read_overrides(args.severity) if args.severity is not None else {}
        old = load_tree(args.old, argument="OLD", cwd=cwd)
        new = load_tree(args.new, argument="NEW", cwd=cwd)
    except (RefError, OverrideError) as exc:
        print(f"docs2client diff: error: {exc}", file=sys.stderr)
        return 2
    if not old and not new:
        print(f"docs2client diff: error: no OpenAPI specs under {args.old} or {args.new}", file=sys.stderr)
        return 2
    from scraper.diff.refs import external_refs

    for label, root, documents in (("OLD", args.old, old), ("NEW", args.new, new)):
        for key, document in documents.items():
            _warn_external(label, f"{root}/{key}.yaml", external_refs(document))
    today = args.today if args.today is not None else _dt.date.today()
    diffs = compare_trees(old, new, docs=bool(args.docs), today=today, severities=overrides)
    sys.stdout.write(render_tree(diffs, args.format, old_label=args.old, new_label=args.new))
    if args.fail_on is not None:
        threshold = severity_rank(args.fail_on)
        if any(severity_rank(c.severity) >= threshold for d in diffs for c in d.changes):
            return 1
        if args.fail_on == "breaking" and any(d.status == "removed" for d in diffs):
            return 1
    return 0
