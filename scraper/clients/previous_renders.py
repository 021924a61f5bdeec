"""Client modules of the previous regeneration reused when what they were rendered from is unchanged.

A client module (``<package>/<version>/client.py``) is a pure function of its API version's IR
(:class:`~scraper.clients.ir.VersionIR`: the template is given nothing else) and of the tool (templates, code and
the locked black: the regenerate tool hash). It is also most of the cost of re-rendering a package: a service with
four API versions renders and formats four of them although an edit of one operation's text changes one.

So a regeneration records, for each client module it writes, the digest of that input (the tool hash and the
pickled ``VersionIR``) and of the bytes written, in ``spec/.regenerate.json``. The next regeneration computes the
input digest again; when it is the recorded one and the file in the package folder still holds exactly the recorded
bytes, those bytes are the module (rendering and formatting would give them again). Anything else (a changed input,
a file edited by hand, a missing record, ``--force``) renders as usual. Nothing is read from a cache folder: the
record and the bytes both live in the repository, next to the rest of the output.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["PreviousRenders", "RenderRecords"]

#: What a regeneration records: ``{provider/service: {path in the package: "<input digest> <output digest>"}}``.
RenderRecords = dict[str, dict[str, str]]


class PreviousRenders:
    """The recorded client modules of the package in ``package_dir`` (see the module docstring)."""

    def __init__(self, package_dir: Path, salt: str, recorded: Mapping[str, str] | None = None) -> None:
        self._dir = package_dir
        self._salt = salt
        self._recorded = dict(recorded or {})
        self._inputs: dict[str, str] = {}
        self.reused: list[str] = []
        #: Set by :meth:`record` once the package is written.
        self.records: dict[str, str] = {}

    def _input_digest(self, path: str, value: Any) -> str | None:
        """sha256 of the salt, ``path`` and ``value`` pickled without a memo: an object reached twice is written
        twice, so the digest depends on the values only, not on which of them happen to be one object (a verdict
        read back from a cache is shared where a fresh one is not)."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo (a cycle raises instead of looping: never reused, always rendered)
        try:
            pickler.dump(value)
        except Exception:  # something in the IR that does not pickle: never reused, always rendered
            return None
        return hashlib.sha256(f"{self._salt}\0{path}\0".encode() + buffer.getvalue()).hexdigest()

    def reuse(self, path: str, value: Any) -> bytes | None:
        """The bytes of ``path`` when it was last rendered from an equal ``value`` and still holds what was written
        then, else None (render it). Either way the input is noted for :meth:`records`."""
        digest = self._input_digest(path, value)
        if digest is None:
            return None
        self._inputs[path] = digest
        recorded = self._recorded.get(path, "").split(" ")
        if len(recorded) != 2 or recorded[0] != digest:
            return None
        try:
            data = (self._dir / path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != recorded[1]:
            return None
        self.reused.append(path)
        return data

    def record(self, tree: Mapping[str, bytes]) -> None:
        """Note ``tree`` (the package as written): :attr:`records` is then what to record for the next run."""
        self.records = {
            path: f"{digest} {hashlib.sha256(tree[path]).hexdigest()}"
            for path, digest in sorted(self._inputs.items())
            if path in tree
        }
