"""Which provider's dialect reads a page given on the command line without ``--provider``: told by the marks only
that provider's pages carry.

The catalog names every page's provider; a page given as a file (``docs2client spec PAGE...``) may not. Each
provider's reference pages name their own hosts and headers in the examples they show: SCP's name
``Scp-Api-Version`` and ``*.samsungsdscloud.com``, NHN Cloud's name ``nhncloud.com`` / ``nhncloudservice.com``,
``NHN Cloud`` or the service's former name ``TOAST``. The marks are ASCII, so they are counted in the raw bytes of any
format (HTML, Markdown, text) before the page is read, and no dialect sees raw HTML.

The verdict is never a guess: a page with the marks of one provider only, or with at least :data:`DOMINANCE` times as
many of one provider's marks, is that provider's; a page with both in similar numbers is a located error that says
which marks were found and asks for ``--provider``; a page with none has no verdict here (the caller then asks the
dialects themselves, see :mod:`scraper.build.command`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import ReaderError

__all__ = ["DOMINANCE", "MARK_NAMES", "PROVIDER_TITLES", "ProviderVerdict", "recognise_provider"]

PROVIDER_TITLES = {"scp": "Samsung Cloud Platform", "nhn": "NHN Cloud"}

#: The marks of each provider's pages: (what a message calls the mark, pattern over the page's bytes).
_MARKS: dict[str, tuple[tuple[str, re.Pattern[bytes]], ...]] = {
    "scp": (
        ("Scp-Api-Version", re.compile(rb"scp-api-version", re.IGNORECASE)),
        ("samsungsdscloud", re.compile(rb"samsungsdscloud", re.IGNORECASE)),
        ("Samsung Cloud Platform", re.compile(rb"samsung\s+cloud\s+platform", re.IGNORECASE)),
        ("Scp- signing headers", re.compile(rb"scp-(?:accesskey|signature|timestamp|clienttype)", re.IGNORECASE)),
    ),
    "nhn": (
        ("nhncloud", re.compile(rb"nhncloud", re.IGNORECASE)),
        ("NHN", re.compile(rb"(?<![A-Za-z])NHN(?![A-Za-z])")),
        ("TOAST", re.compile(rb"(?<![A-Za-z])toast(?![A-Za-z])", re.IGNORECASE)),
    ),
}

#: How many times more marks one provider needs than the other when a page carries both.
DOMINANCE = 5


@dataclass(frozen=True, slots=True)
class ProviderVerdict:
    """The provider a page belongs to, and why: the marks that say so (name -> count), for the note the CLI prints."""

    provider: str
    marks: dict[str, int]

    def describe(self) -> str:
        found = ", ".join(f"{name} x{count}" for name, count in self.marks.items())
        return f"{PROVIDER_TITLES[self.provider]} by its marks ({found})"


def _count_marks(raw: bytes) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for provider, marks in _MARKS.items():
        found = {name: len(pattern.findall(raw)) for name, pattern in marks}
        counts[provider] = {name: count for name, count in found.items() if count}
    return counts


def recognise_provider(page: str, raw: bytes) -> ProviderVerdict | None:
    """The provider of page ``page`` (named in errors) whose content is ``raw`` by its marks; None when it carries
    none; raises :class:`ReaderError` when it carries both providers' in similar numbers."""
    counts = _count_marks(raw)
    totals = {provider: sum(marks.values()) for provider, marks in counts.items()}
    ranked = sorted(totals, key=lambda provider: -totals[provider])
    first, second = ranked[0], ranked[1]
    if not totals[first]:
        return None
    if totals[first] >= DOMINANCE * totals[second]:
        return ProviderVerdict(first, counts[first])
    found = "; ".join(
        f"{PROVIDER_TITLES[provider]}: {', '.join(f'{name} x{count}' for name, count in counts[provider].items())}"
        for provider in ranked
    )
    raise ReaderError(
        page, 0, f"cannot tell the provider: the page carries the marks of both ({found}); pass --provider"
    )


#: Every provider's marks, as messages list them ("Samsung Cloud Platform: Scp-Api-Version, ...; NHN Cloud: ...").
MARK_NAMES = "; ".join(
    f"{PROVIDER_TITLES[provider]}: {', '.join(name for name, _ in marks)}" for provider, marks in _MARKS.items()
)
