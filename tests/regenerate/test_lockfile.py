"""The dependency lock: its pins are what is installed, and the regeneration hash follows them."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from scraper.regenerate import lockfile
from scraper.regenerate.lockfile import LOCK_NAME, LockError, checked_pins, drift, locked_versions, without_pins
from scraper.regenerate.stamp import tool_hash
from tests.paths import ROOT

LOCK_SNIPPET = """\
#
#    make lock
#
black==26.10.1 \\
    --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000 \\
    --hash=sha256:1111111111111111111111111111111111111111111111111111111111111111
    # via docs2client (pyproject.toml)
PyYAML==6.0.3 \\
    --hash=sha256:2222222222222222222222222222222222222222222222222222222222222222
Markdown_It.Py==4.0.0 ; python_version >= "3.11" \\
    --hash=sha256:3333333333333333333333333333333333333333333333333333333333333333

# The following packages are considered to be unsafe in a requirements file:
pip==26.3 \\
    --hash=sha256:4444444444444444444444444444444444444444444444444444444444444444
"""


def test_locked_versions_reads_every_pin_and_nothing_else() -> None:
    assert locked_versions(LOCK_SNIPPET) == {
        "black": "26.10.1",
        "pyyaml": "6.0.3",
        "markdown-it-py": "4.0.0",
        "pip": "26.3",
    }


def test_the_committed_lock_pins_every_dependency_and_is_what_is_installed() -> None:
    """`make` installs from the lock, so the environment running the tests must match it exactly."""
    pins = locked_versions((ROOT / LOCK_NAME).read_text(encoding="utf-8"))
    for name in ("black", "datamodel-code-generator", "jinja2", "pytest", "pip-tools", "setuptools", "pip"):
        assert name in pins, f"{name} is not locked"
    assert drift(pins) == []
    # every pin carries hashes (pip --require-hashes refuses the lock otherwise)
    text = (ROOT / LOCK_NAME).read_text(encoding="utf-8")
    assert text.count("--hash=sha256:") >= len(pins)


def test_drift_names_each_difference() -> None:
    pytest_version = metadata.version("pytest")
    assert drift({"pytest": pytest_version}) == []
    assert drift({"pytest": "0.0.1", "no-such-dist-docs2client": "1.0"}) == [
        "no-such-dist-docs2client: locked 1.0, installed nothing",
        f"pytest: locked 0.0.1, installed {pytest_version}",
    ]


def test_the_folder_listing_agrees_with_importlib_metadata_on_every_pin() -> None:
    """drift() takes a version from the ``<name>-<version>.dist-info`` folder names before asking importlib.metadata
    (which parses each METADATA file): the two must give the same version for everything the lock pins."""
    pins = locked_versions((ROOT / LOCK_NAME).read_text(encoding="utf-8"))
    listed = lockfile._listed_versions()
    disagree = {}
    for name in pins:
        try:
            installed: str | None = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if listed.get(name) != installed:
            disagree[name] = (listed.get(name), installed)
    assert disagree == {}


def test_a_listed_version_other_than_the_locked_one_is_asked_of_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The listing may only confirm a pin: a folder naming another version (or none) is no drift until
    importlib.metadata says so."""
    pytest_version = metadata.version("pytest")
    monkeypatch.setattr(lockfile, "_listed_versions", lambda: {"pytest": "0.0.1"})
    assert drift({"pytest": pytest_version}) == []
    monkeypatch.setattr(lockfile, "_listed_versions", lambda: {})
    assert drift({"pytest": "0.0.2"}) == [f"pytest: locked 0.0.2, installed {pytest_version}"]


def test_checked_pins_refuses_a_drifted_environment(tmp_path: Path) -> None:
    assert checked_pins(tmp_path / LOCK_NAME) is None  # no lock: an installed tool outside a checkout
    (tmp_path / LOCK_NAME).write_text("pytest==0.0.1 \\\n    --hash=sha256:00\n", encoding="utf-8")
    with pytest.raises(LockError, match=r"requirements\.lock: .*pytest: locked 0\.0\.1, installed "):
        checked_pins(tmp_path / LOCK_NAME)


def test_tool_hash_follows_the_locked_versions(tmp_path: Path) -> None:
    """Same code and templates, a different set of locked versions: a different hash (so everything rebuilds)."""
    for folder in ("scraper", "templates"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.py").write_text("x = 1\n", encoding="utf-8")
    lock = tmp_path / LOCK_NAME
    lock.write_text(f"pytest=={metadata.version('pytest')}\n", encoding="utf-8")
    first = tool_hash(tmp_path)
    assert tool_hash(tmp_path) == first
    lock.write_text(f"pytest=={metadata.version('pytest')}\npyyaml=={metadata.version('pyyaml')}\n", encoding="utf-8")
    assert tool_hash(tmp_path) != first
    lock.write_text("pytest==0.0.1\n", encoding="utf-8")
    with pytest.raises(LockError):
        tool_hash(tmp_path)


def test_without_pins_drops_the_named_entry_whole_and_nothing_else() -> None:
    """``make lock`` drops the repository's own runtime from the lock: its pin, hash lines and ``# via`` comments
    go; the entries around it, and the comments naming it as the reason for another pin, stay."""
    lock = (
        "# header comment\n"
        "anyio==4.0 \\\n    --hash=sha256:aa\n    # via\n    #   docs2client-runtime\n    #   httpx\n"
        "docs2client-runtime==1.0.0 \\\n    --hash=sha256:bb \\\n    --hash=sha256:cc\n"
        "    # via docs2client (pyproject.toml)\n"
        "httpx==0.28.1 \\\n    --hash=sha256:dd\n    # via docs2client-runtime\n"
    )
    kept = without_pins(lock, {"Docs2Client_Runtime"})
    assert "docs2client-runtime==" not in kept and "sha256:bb" not in kept and "sha256:cc" not in kept
    assert "(pyproject.toml)" not in kept
    assert kept == lock.replace(
        "docs2client-runtime==1.0.0 \\\n    --hash=sha256:bb \\\n    --hash=sha256:cc\n"
        "    # via docs2client (pyproject.toml)\n",
        "",
    )
    assert locked_versions(kept) == {"anyio": "4.0", "httpx": "0.28.1"}
    assert without_pins(lock, {"nothing-here"}) == lock
