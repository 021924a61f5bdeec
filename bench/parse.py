"""Section 2: parse throughput of the readers and dialects, per page and overall (MB of page text per second).

Measured in-process (parsing is pure CPU work with nothing to import per page); each page is read ``repeats`` times
and the median is kept, separately for the reader (text -> ``Document``) and the dialect (``Document`` ->
``[Service]``), because they fail to scale for different reasons.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from bench.harness import time_call
from scraper.catalog import load_catalog
from scraper.dialects import PageInfo, dialect_for
from scraper.readers import read_page

__all__ = ["parse_throughput"]


def parse_throughput(catalog_path: Path, *, repeats: int = 5) -> dict[str, Any]:
    """Reader and dialect time per catalog page, and MB/s per page and overall (total bytes / total median time)."""
    catalog = load_catalog(catalog_path)
    pages: list[dict[str, Any]] = []
    total_bytes = 0
    total_reader = 0.0
    total_dialect = 0.0
    for entry in catalog.pages:
        path = entry.path(catalog.pages_dir)
        raw = path.read_bytes()
        name = f"pages/{entry.file}"
        dialect = dialect_for(entry.provider)
        document = read_page(raw, page=name, format=entry.format, provider=entry.provider)
        reader = time_call(partial(read_page, raw, page=name, format=entry.format, provider=entry.provider), repeats)
        info = PageInfo(name, entry.url)
        services = dialect.read(document, info)
        dialect_stats = time_call(partial(dialect.read, document, info), repeats)
        seconds = reader.median + dialect_stats.median
        megabytes = len(raw) / 1e6
        pages.append(
            {
                "page": name,
                "format": entry.format,
                "provider": entry.provider,
                "bytes": len(raw),
                "operations": sum(len(s.operations) for s in services),
                "reader_s": reader.as_dict(),
                "dialect_s": dialect_stats.as_dict(),
                "mb_per_s": round(megabytes / seconds, 3) if seconds > 0 else None,
            }
        )
        total_bytes += len(raw)
        total_reader += reader.median
        total_dialect += dialect_stats.median
    total = total_reader + total_dialect
    return {
        "repeats": repeats,
        "pages": pages,
        "total_bytes": total_bytes,
        "reader_s": round(total_reader, 6),
        "dialect_s": round(total_dialect, 6),
        "mb_per_s": round(total_bytes / 1e6 / total, 3) if total > 0 else None,
    }
