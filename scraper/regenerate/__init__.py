"""The regenerate stage: pages -> specs -> client packages, only for what changed (``make regenerate``).

One module per job:

* :mod:`~scraper.regenerate.stamp` -- input hashes (pages, tool, locked versions) and the stamp that records them;
* :mod:`~scraper.regenerate.lockfile` -- the dependency lock as the tool hash sees it (and ``make lock``'s helper);
* :mod:`~scraper.regenerate.packages` -- the package stage: render, changelog entries, version bumps;
* :mod:`~scraper.regenerate.pipeline` -- :func:`regenerate`: what changed, rebuilt through the build and the packages;
* :mod:`~scraper.regenerate.command` -- ``docs2client regenerate`` (``configure``/``run``).

The fingerprint of the tool's sources (:mod:`scraper.source_digest`) is not here: the build's page cache uses it
too, and the build must not import the stage that runs it.

Names are imported on first use, so that ``python -m scraper.regenerate.lockfile`` (``make lock``) loads neither
the build nor the client generator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper.lazy_exports import exports_on_first_use

if TYPE_CHECKING:  # pragma: no cover - for type checkers and readers; at run time see __getattr__
    from scraper.regenerate.command import configure, run
    from scraper.regenerate.packages import OldSpecs, regenerate_packages
    from scraper.regenerate.pipeline import regenerate

_HOMES = {
    "OldSpecs": "scraper.regenerate.packages",
    "configure": "scraper.regenerate.command",
    "regenerate": "scraper.regenerate.pipeline",
    "regenerate_packages": "scraper.regenerate.packages",
    "run": "scraper.regenerate.command",
}

__all__ = ["OldSpecs", "configure", "regenerate", "regenerate_packages", "run"]


__getattr__ = exports_on_first_use(__name__, _HOMES)
