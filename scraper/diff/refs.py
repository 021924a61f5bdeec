"""Turning the OLD/NEW arguments of ``docs2client diff`` into OpenAPI documents.

Three spellings, tried in this order:

- ``git:<rev>:<path>``: the file as committed at ``<rev>`` (``git show <rev>:<path>``, run in ``cwd``);
- a path to an existing YAML or JSON file;
- ``<provider>/<service>@<version>``: ``<spec_dir>/<provider>/<service>/<version>.yaml``.

Every failure raises :class:`RefError` naming the argument (``OLD``/``NEW``), what was given and what was expected,
which the command turns into exit status 2.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper import swagger_conversion
from scraper.spec_input import (
    DocumentError,
    check_openapi_shape,
    not_a_document,
    parse_document_text,
    read_document_text,
)

__all__ = ["RefError", "external_refs", "load_document", "parse_document"]

_SPEC_REF = re.compile(r"^(?P<provider>[A-Za-z0-9_.-]+)/(?P<service>[A-Za-z0-9_.-]+)@(?P<version>[A-Za-z0-9_.-]+)$")


class RefError(Exception):
    """An OLD/NEW argument could not be resolved or parsed; the message names the argument."""


#: How many of a Swagger 2.0 document's conversion warnings ``diff`` prints before counting the rest.
_CONVERSION_WARNINGS_SHOWN = 5


def parse_document(text: str, *, source: str, argument: str) -> dict[str, Any]:
    """Parse YAML/JSON text and check that it is an OpenAPI 3.x document; a Swagger 2.0 one is converted to 3.0 first
    (``scraper.swagger_conversion``, as the generator reads it), so two 2.0 versions of an API compare too. What
    reading found that does not stop the comparison (a duplicate key: its last value is compared) is a warning line
    on stderr."""
    warnings: list[str] = []
    try:
        data = parse_document_text(text, source=source, warnings=warnings)  # safe loader; size, depth, ... limits
        if isinstance(data, dict):
            check_openapi_shape(data, source)
    except DocumentError as exc:
        raise RefError(f"{argument}: {exc}") from None
    for warning in warnings:
        print(f"docs2client diff: warning: {argument}: {warning}", file=sys.stderr)
    if not isinstance(data, dict):
        raise RefError(f"{argument}: {source}: {not_a_document(data)}")
    document: dict[str, Any] = data
    if swagger_conversion.is_swagger(document):  # compared as the generator reads it: converted to OpenAPI 3.0
        try:
            document, lossy = swagger_conversion.convert_swagger(document, source)
        except swagger_conversion.SwaggerError as exc:
            raise RefError(f"{argument}: {exc}") from None
        for warning in lossy[:_CONVERSION_WARNINGS_SHOWN]:  # repairs and approximations: compared as converted
            print(f"docs2client diff: warning: {argument}: {source}: {warning}", file=sys.stderr)
        if len(lossy) > _CONVERSION_WARNINGS_SHOWN:
            print(
                f"docs2client diff: warning: {argument}: {source}: {len(lossy) - _CONVERSION_WARNINGS_SHOWN} more"
                " places of the Swagger 2.0 conversion (docs2client generate --spec FILE --report lists them all)",
                file=sys.stderr,
            )
    version = document.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        raise RefError(f"{argument}: {source}: expected an OpenAPI 3.0/3.1 document ('openapi: 3.x'), got {version!r}")
    return document


def load_document(ref: str, *, argument: str, spec_dir: Path, cwd: Path) -> dict[str, Any]:
    """The OpenAPI document an OLD/NEW argument names (see the module docstring for the spellings)."""
    if ref.startswith("git:"):
        return _from_git(ref, argument=argument, cwd=cwd)
    path = Path(ref) if Path(ref).is_absolute() else cwd / ref
    if path.is_file():
        return _from_file(path, ref, argument)
    match = _SPEC_REF.match(ref)
    if match is not None:
        spec = spec_dir / match["provider"] / match["service"] / f"{match['version']}.yaml"
        if not spec.is_file():
            raise RefError(f"{argument}: {ref!r}: no spec at {spec} (is --spec-dir right? is the version built?)")
        return _from_file(spec, str(spec), argument)
    if path.exists():
        raise RefError(f"{argument}: {ref!r} is not a file")
    raise RefError(
        f"{argument}: {ref!r} is neither an existing file, nor <provider>/<service>@<version>, nor git:<rev>:<path>"
    )


def _from_file(path: Path, shown: str, argument: str) -> dict[str, Any]:
    try:
        text = read_document_text(path, shown=shown)  # size cap; a decoding error names the line
    except DocumentError as exc:
        raise RefError(f"{argument}: {exc}") from None
    return parse_document(text, source=shown, argument=argument)


def _from_git(ref: str, *, argument: str, cwd: Path) -> dict[str, Any]:
    rest = ref[len("git:") :]
    rev, sep, path = rest.partition(":")
    if not sep or not rev or not path:
        raise RefError(
            f"{argument}: {ref!r}: expected git:<rev>:<path>, e.g. git:HEAD~1:spec/scp/virtualserver/1.1.yaml"
        )
    if rev.startswith("-"):
        raise RefError(f"{argument}: {ref!r}: a revision cannot start with '-' (it would be read as a git option)")
    try:
        proc = subprocess.run(
            ["git", "show", "--end-of-options", f"{rev}:{path}"],
            cwd=cwd,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError as exc:
        raise RefError(f"{argument}: {ref!r}: cannot run git: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit status {proc.returncode}"
        raise RefError(f"{argument}: {ref!r}: git show {rev}:{path} failed: {message}")
    return parse_document(proc.stdout, source=ref, argument=argument)


def external_refs(document: Any) -> list[str]:
    """The distinct ``$ref`` values of ``document`` that leave it (another file, a URL), in document order.

    ``diff`` reads one document per side and never another file or URL (a spec may come from anyone), so such a
    reference is compared by its text: when only the file it names changed, the diff cannot see it, and the command
    says so instead of reporting "no changes" as if it had looked.
    """
    found: dict[str, None] = {}
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                found.setdefault(ref, None)
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    return list(found)
