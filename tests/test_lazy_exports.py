"""Stage packages export their names on first use (scraper/lazy_exports.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import scraper.build
import scraper.diff
import scraper.regenerate
from tests.paths import ROOT


@pytest.mark.parametrize("package", [scraper.build, scraper.diff, scraper.regenerate])
def test_every_exported_name_resolves_and_unknown_names_raise(package: object) -> None:
    for name in package.__all__:  # type: ignore[attr-defined]
        assert getattr(package, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        package.nope  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_build_does_not_load_the_emitter() -> None:
    code = (
        "import sys, scraper.build; print('scraper.build.emit' in sys.modules, 'scraper.build.openapi' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    code = "import sys, scraper.build; scraper.build.build_specs; print('scraper.build.emit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True"]
