"""A fresh venv for install tests that needs no download: no pip of its own, and this environment's site-packages
lent through a ``.pth`` line (appended after the venv's own and without running its ``.pth`` files, so an editable
install of the checkout stays invisible there). Packages go in with this environment's pip (``pip --python``)."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

__all__ = ["lent_venv", "pip_install"]


def lent_venv(home: Path) -> tuple[Path, Path]:
    """Create the venv at ``home``; returns its python and its site-packages."""
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    (site / "lent-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python, site


def pip_install(python: Path, *args: str) -> list[str]:
    """The command that installs ``args`` into ``python``'s venv without dependencies or a cache."""
    return [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-cache-dir",
            "--disable-pip-version-check", *args]  # fmt: skip
