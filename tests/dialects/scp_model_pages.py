"""One short SCP model page read by the SCP dialect: what the fixtures of reading fixes (``scp/oracle``,
``scp/printed``) are checked through."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.dialects import PageInfo, dialect_for
from scraper.readers import read_page

__all__ = ["read_models"]


def read_models(path: Path, service: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The page's models by name (the page documents one service, ``service``), and its findings as
    ``kind: message``."""
    text = path.read_text(encoding="utf-8")
    document = read_page(text, page=path.name, format="text", provider="scp")
    (read,) = dialect_for("scp").read(
        document, PageInfo(page=path.name, url="https://example.invalid/" + path.name, services=(service,))
    )
    return {n: m.schema for n, m in read.models.items()}, [f"{f.kind}: {f.message}" for f in read.findings]
