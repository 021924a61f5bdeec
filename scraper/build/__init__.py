"""The build stage: pages -> one finished service per (provider, id) -> per-version OpenAPI specs.

One module per job, in the order a build runs them:

* :mod:`~scraper.build.pages` -- what a page is to the build (:class:`PageInput`) and reading it with its dialect;
* :mod:`~scraper.build.page_cache` -- what pages read into, remembered between runs (one changed page, one read);
* :mod:`~scraper.build.page_checks` -- what every page's services must pass (path-safe ids, usable patterns);
* :mod:`~scraper.build.captures` -- a later capture of a service replaces what the earlier one covered;
* :mod:`~scraper.build.servers`, :mod:`~scraper.build.titles` -- endpoint and title when the pages give none;
* :mod:`~scraper.build.versions` -- the version table when no overview gives one;
* :mod:`~scraper.build.models` -- schemas of undefined models, inferred from examples;
* :mod:`~scraper.build.services` -- the steps above, page by page and service by service;
* :mod:`~scraper.build.carry_forward` -- which operation versions make up each API version;
* :mod:`~scraper.build.emit`, :mod:`~scraper.build.workers` -- OpenAPI documents, validated, written;
* :mod:`~scraper.build.spec_memo` -- spec folders remembered by the finished service (an unchanged one is not emitted);
* :mod:`~scraper.build.command` -- ``docs2client spec``.

What other stages use is exported here; the modules' other names are the build's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper.lazy_exports import exports_on_first_use

if TYPE_CHECKING:
    from scraper.build.captures import merge_capture
    from scraper.build.carry_forward import operations_for
    from scraper.build.emit import build_specs, spec_files
    from scraper.build.page_cache import PageCache, default_page_cache
    from scraper.build.pages import MAX_PAGE_BYTES, PageInput, catalog_pages
    from scraper.build.report import BuildReport, print_report
    from scraper.build.services import build_services
    from scraper.build.spec_memo import SpecMemo, default_spec_memo

#: exported name -> the module that defines it. Imported on first use (PEP 562), so a caller that needs only
#: :func:`catalog_pages` (a no-op regeneration hashing its inputs) does not load the emitter, the validator's
#: pool or the page cache.
_EXPORTS = {
    "BuildReport": "scraper.build.report",
    "MAX_PAGE_BYTES": "scraper.build.pages",
    "PageCache": "scraper.build.page_cache",
    "PageInput": "scraper.build.pages",
    "SpecMemo": "scraper.build.spec_memo",
    "build_services": "scraper.build.services",
    "build_specs": "scraper.build.emit",
    "catalog_pages": "scraper.build.pages",
    "default_page_cache": "scraper.build.page_cache",
    "default_spec_memo": "scraper.build.spec_memo",
    "merge_capture": "scraper.build.captures",
    "operations_for": "scraper.build.carry_forward",
    "print_report": "scraper.build.report",
    "spec_files": "scraper.build.emit",
}

__all__ = [
    "MAX_PAGE_BYTES",
    "BuildReport",
    "PageCache",
    "PageInput",
    "SpecMemo",
    "build_services",
    "build_specs",
    "catalog_pages",
    "default_page_cache",
    "default_spec_memo",
    "merge_capture",
    "operations_for",
    "print_report",
    "spec_files",
]


__getattr__ = exports_on_first_use(__name__, _EXPORTS)
