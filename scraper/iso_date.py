"""``--today YYYY-MM-DD`` for every command that judges dates (diff, atlas): one parser, one error message."""

from __future__ import annotations

import argparse
import datetime as _dt

__all__ = ["iso_date"]


def iso_date(text: str) -> _dt.date:
    """An argparse ``type=``: the date, or a usage error that shows what was given and what is expected."""
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None
