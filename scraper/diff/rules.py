"""Severity rules: which way a change breaks, depending on which side of the wire it is on.

The asymmetry in one sentence: on the **request** side the server becomes the reader, so anything that *narrows*
what is accepted (a new required field, a removed field or enum value, a tightened constraint, a narrower type,
losing nullability) breaks callers; on the **response** side the client is the reader, so anything that *widens*
what may come back (a removed or newly optional field, a newly nullable field, a wider type, a relaxed constraint)
breaks readers.

Decisions worth knowing (documented here so that the tests and the changelog agree):

- A new **response enum value** is ``non-breaking`` (it is an addition and bumps the minor version) and its message
  warns that strict clients, which reject unknown values, must be regenerated. A removed response enum value is
  ``non-breaking`` too (readers simply never see it again).
- A relaxed **response constraint** (larger ``maxLength``...) is ``non-breaking`` with the same strict-client
  caution; a tightened one is ``non-breaking``.
- Removing a request property or an optional parameter is ``breaking``: a client may send it, and a generated
  client loses the argument.
- A changed or removed request ``default`` is ``breaking`` (callers that omit the value silently get another
  behaviour); an added one is ``non-breaking``.
- A change of ``operationId`` is ``breaking`` because generated clients name their methods after it.
- The version header value changing (``virtualserver 1.0`` -> ``virtualserver 1.1``) is ``info``: it is what a
  version diff *is*; its name changing or the header appearing is ``breaking``.
"""

from __future__ import annotations

from typing import Literal

from scraper.diff.model import Severity

__all__ = ["Direction", "Side", "side_severity"]

Side = Literal["request", "response"]
#: "narrowed": fewer things are valid than before; "widened": more are; "changed": neither is a subset.
Direction = Literal["narrowed", "widened", "changed"]


def side_severity(side: Side, direction: Direction) -> Severity:
    """Severity of a change of what a value may be, on one side of the wire."""
    if direction == "changed":
        return "breaking"
    if side == "request":
        return "breaking" if direction == "narrowed" else "non-breaking"
    return "breaking" if direction == "widened" else "non-breaking"
