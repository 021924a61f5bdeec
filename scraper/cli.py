"""The ``docs2client`` command line.

Each subcommand lives in its own module, which exposes ``configure(parser)`` and ``run(args) -> int``; this file
only wires them up and imports a module when its subcommand is used, so ``docs2client diff`` does not pay for the
client generator's imports.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from scraper.collector import batch_collector

__all__ = ["INTERNAL_ERROR", "entry", "internal_error", "main"]

#: subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "spec": ("scraper.build.command", "build OpenAPI specs from the page catalog or from given pages"),
    "generate": ("scraper.clients.command", "render Python client packages from OpenAPI specs"),
    "regenerate": ("scraper.regenerate.command", "pages -> specs -> packages (what `make regenerate` runs)"),
    "diff": ("scraper.diff.command", "compare two OpenAPI documents and classify the changes"),
    "fetch": ("scraper.fetch", "download the catalog's pages and refresh the snapshots"),
    "publish": ("scraper.publish.command", "build, check and upload the generated packages"),
    "atlas": ("scraper.atlas.command", "write the API atlas: a static HTML site of services, versions and findings"),
}


def _parser_for(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, str | None]:
    parser = argparse.ArgumentParser(prog="docs2client", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, (module_name, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module_name).configure(sp)
    return parser, chosen if chosen in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    with batch_collector():
        parser, chosen = _parser_for(args_list)
        args = parser.parse_args(args_list)
        if chosen is None:
            parser.print_help()
            return 2
        module = importlib.import_module(COMMANDS[chosen][0])
        result: int = module.run(args)
    return result


#: The exit status of a run that ended in a docs2client bug (``EX_SOFTWARE``), apart from 1 (a change or a located
#: error) and 2 (usage).
INTERNAL_ERROR = 70


def internal_error(exc: Exception) -> int:
    """Say on one line that the run ended in a bug of docs2client, not in the user's input, and return
    :data:`INTERNAL_ERROR`. The message holds no traceback (``DOCS2CLIENT_TRACEBACK=1`` shows it) and no credentials
    (a URL's userinfo is redacted)."""
    from scraper.url_credentials import redact_text

    detail = redact_text(" ".join(str(exc).split()))[:300]
    print(
        f"error: internal error ({type(exc).__name__}: {detail}); this is a docs2client bug: please report it with"
        " the input that caused it (DOCS2CLIENT_TRACEBACK=1 shows where it happened)",
        file=sys.stderr,
    )
    return INTERNAL_ERROR


def entry() -> NoReturn:
    """The ``docs2client`` console script: :func:`main`, then exit without tearing the interpreter down.

    A run ends holding large trees (page documents, specs, the IR). Python's normal exit frees them one object at
    a time after the work is done: 0.05-0.15 s of every command (mypy exits the same way for the same reason). By
    the time :func:`main` returns, everything a run writes is written and closed (atomic writes; worker pools are
    shut down by their context managers), so only the standard streams need flushing. An exception, including
    ``KeyboardInterrupt``, leaves the normal way, with its exit handlers. Tests call :func:`main`. An unexpected
    exception (a bug, never the input's fault: bad input is a located one-line error) is :func:`internal_error`'s
    one line instead of a traceback.
    """
    try:
        code = main()
    except Exception as exc:  # a docs2client bug: bad input has its own located one-line errors
        if os.environ.get("DOCS2CLIENT_TRACEBACK"):
            raise
        code = internal_error(exc)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (``| head``) or stream: nothing to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
