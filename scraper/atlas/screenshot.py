"""``python -m scraper.atlas.screenshot docs/atlas.png``: the README's picture of the atlas's home page.

Builds the site from ``spec/`` and ``generated/`` into a temporary folder and has headless Chromium
(:mod:`scraper.atlas.browser`) take the top of its home page, so the picture is what a reader sees.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
import tempfile
from pathlib import Path

from scraper.atlas.browser import BrowserError, screenshot
from scraper.atlas.model import build_atlas
from scraper.atlas.render import render_site
from scraper.atomic import write_tree
from scraper.iso_date import iso_date

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper.atlas.screenshot", description=__doc__)
    parser.add_argument("out", type=Path, help="the PNG to write, e.g. docs/atlas.png")
    parser.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--height", type=int, default=2500, help="pixels of the page to keep (default: 2500)")
    args = parser.parse_args(argv)
    today = args.today if args.today is not None else _dt.date.today()
    atlas = build_atlas(Path("spec"), Path("generated"), today=today)
    with tempfile.TemporaryDirectory(prefix="atlas-site-") as folder:
        write_tree(Path(folder), render_site(atlas))
        try:
            screenshot((Path(folder) / "index.html").as_uri(), args.out, height=args.height)
        except BrowserError as exc:
            print(f"atlas screenshot: error: {exc}", file=sys.stderr)
            return 2
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
