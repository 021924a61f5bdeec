"""The committed goldens, one tree per area (``tests/golden/<area>/...``), and the script that rewrites them.

A golden is what a test compares against; the tests only compare. After an intended change in the output,
``make goldens`` (``python -m tests.goldens``) produces every golden with the same functions the tests call and
rewrites the tree, so the change shows up as a readable ``git diff``. On an unchanged tree it changes nothing.

* ``build``: two specs of the full SCP build (``tests/golden/build/scp/...``), compared by
  ``tests/build/test_output.py``.
* ``clients``: the package generated from ``tests/fixtures/openapi/scp/demoserver``, file by file, with a
  ``.golden`` suffix so no tool takes them for code (``tests/golden/clients/scp-demoserver/...``), compared by
  ``tests/clients/test_package.py``.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from scraper.atomic import write_tree
from tests.paths import GOLDEN

#: the specs of the SCP build kept as goldens (paths inside the build's output tree)
BUILD_GOLDEN_FILES = ["scp/parallel-filestorage/1.0.yaml", "scp/archivestorage/1.1.yaml"]
#: the folder of the generated fixture package's goldens inside ``tests/golden/clients``
CLIENT_PACKAGE = "scp-demoserver"
SUFFIX = ".golden"


def build_goldens(out: Path) -> dict[str, bytes]:
    """The build goldens (path under ``tests/golden/build`` -> bytes) taken from a build's output tree ``out``."""
    return {rel: (out / rel).read_bytes() for rel in BUILD_GOLDEN_FILES}


def client_goldens() -> dict[str, bytes]:
    """The generated fixture package's files (path under ``tests/golden/clients`` -> bytes); the runtime is a
    dependency (``docs2client-runtime``), not a copy, so every file is generated."""
    from tests.clients.test_package import demo_package

    return {f"{CLIENT_PACKAGE}/{path}{SUFFIX}": content for path, content in demo_package().items()}


def committed(area: str) -> dict[str, bytes]:
    """The goldens of ``area`` as committed (path under ``tests/golden/<area>`` -> bytes)."""
    root = GOLDEN / area
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def rewrite(area: str, goldens: dict[str, bytes]) -> list[str]:
    """Make ``tests/golden/<area>`` hold exactly ``goldens``; the paths written or removed. The folder holds goldens
    only, so a golden the output no longer has is removed."""
    root = GOLDEN / area
    before = committed(area)
    removed = sorted(set(before) - set(goldens))
    for rel in removed:
        (root / rel).unlink()
    changed = [rel for rel, content in goldens.items() if before.get(rel) != content]
    write_tree(root, {rel: goldens[rel] for rel in changed})
    return sorted(changed + removed)


def _scp_build_goldens() -> dict[str, bytes]:
    from tests.conftest import build_scp_specs

    with tempfile.TemporaryDirectory() as tmp:
        return build_goldens(build_scp_specs(Path(tmp)).out)


#: area -> the function that produces its goldens
AREAS: dict[str, Callable[[], dict[str, bytes]]] = {"build": _scp_build_goldens, "clients": client_goldens}


def main() -> int:
    for area, produce in AREAS.items():
        touched = rewrite(area, produce())
        print(f"{area}: {len(touched)} golden(s) rewritten" + "".join(f"\n  {rel}" for rel in touched))
    return 0


if __name__ == "__main__":
    sys.exit(main())
