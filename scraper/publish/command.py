"""``docs2client publish``: the command line (what ``make publish`` runs); the work is in
:mod:`scraper.publish.publisher`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scraper.publish.packages import PublishError, discover_packages, read_package
from scraper.publish.publisher import publish

__all__ = ["INDEX_URL_ENV", "REPOSITORY_URL_ENV", "configure", "run"]

REPOSITORY_URL_ENV = "REPOSITORY_URL"
INDEX_URL_ENV = "PUBLISH_INDEX_URL"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--generated", type=Path, default=Path("generated"), help="packages root (%(default)s)")
    parser.add_argument("--package", action="append", default=[], help="only this package (repeatable)")
    parser.add_argument(
        "--runtime", type=Path, help="publish this docs2client-runtime folder first (make publish: runtime/)"
    )
    parser.add_argument("--repository-url", help=f"upload URL (default: ${REPOSITORY_URL_ENV}; none = build only)")
    parser.add_argument(
        "--index-url", help=f"simple index to check for existing versions (default: derived; ${INDEX_URL_ENV})"
    )
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where the files go (%(default)s)")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the contract tests first")
    parser.add_argument(
        "--allow-dirty",
        action="store_true",
        help="upload a package (or the runtime) whose folder has uncommitted changes (refused by default)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        packages = discover_packages(args.generated, args.package)
        runtime = read_package(args.runtime) if args.runtime is not None else None
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not packages:
        print(f"error: no packages in {args.generated}/ (run `make regenerate` first)", file=sys.stderr)
        return 2
    report = publish(
        packages,
        repository_url=args.repository_url or os.environ.get(REPOSITORY_URL_ENV) or None,
        index_url=args.index_url or os.environ.get(INDEX_URL_ENV) or None,
        dist_dir=args.dist,
        skip_tests=args.skip_tests,
        runtime=runtime,
        allow_dirty=args.allow_dirty,
    )
    for line in report.summary_lines():
        print(line)
    return 0 if report.ok else 1
