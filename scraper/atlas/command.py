"""``docs2client atlas [--out site/]``: write the API atlas, a static HTML site, from spec/, findings and generated/.

The output folder is regenerated whole through :func:`scraper.atomic.write_tree` with its manifest: pages that are
no longer rendered are removed, files the tool did not write are never deleted, and a non-empty folder the tool
did not write is refused. Exit status: 0 written, 1 some inputs were skipped (the site is still written), 2 usage
or output errors.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from scraper.iso_date import iso_date

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--spec-dir", type=Path, default=Path("spec"), help="where the specs are (default: spec)")
    parser.add_argument(
        "--generated-dir", type=Path, default=Path("generated"), help="where the packages are (default: generated)"
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the timeline marks and sunsets are judged by (default: today); fixes the output for tests",
    )
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder the tool did not write")


def run(args: argparse.Namespace) -> int:
    from scraper.atlas.model import build_atlas
    from scraper.atlas.render import render_site
    from scraper.atomic import ForeignFolderError, UnsafePathError, write_tree

    if not args.spec_dir.is_dir():
        print(f"docs2client atlas: error: --spec-dir {args.spec_dir}: not a folder", file=sys.stderr)
        return 2
    today = args.today if args.today is not None else _dt.date.today()
    atlas = build_atlas(args.spec_dir, args.generated_dir, today=today)
    for error in atlas.errors:
        print(f"docs2client atlas: {error}", file=sys.stderr)
    if not atlas.services:
        print(f"docs2client atlas: error: no readable specs under {args.spec_dir}", file=sys.stderr)
        return 2
    site = render_site(atlas)
    try:
        changed = write_tree(args.out, site, prune=True, force=bool(args.force))
    except (ForeignFolderError, UnsafePathError, OSError) as exc:
        print(f"docs2client atlas: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"atlas: {len(atlas.services)} services, {len(site)} files in {args.out} ({len(changed)} changed); "
        f"open {args.out / 'index.html'}"
    )
    return 1 if atlas.errors else 0
