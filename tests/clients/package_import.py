"""Importing a package the generator just wrote, for tests that call it in-process."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType


@contextmanager
def imported(root: Path, module: str) -> Iterator[ModuleType]:
    """``module`` (e.g. ``scp_pagingdemo.v1_0``) imported from the package written to ``root``; afterwards the
    package is removed from ``sys.modules`` and ``sys.path``, so another test can build one of the same name."""
    package = module.split(".")[0]
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(module)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
