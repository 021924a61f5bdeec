"""What an atlas built from a spec folder must show, worked out from the YAML directly (not from scraper.atlas), and
a reader of the site's HTML: the atlas tests compare the two."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def spec_versions(spec_dir: Path) -> set[tuple[str, str, str]]:
    """(provider, service, version) of every spec file."""
    found = set()
    for path in spec_dir.glob("*/*/*.yaml"):
        info = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)["info"]
        found.add((path.parent.parent.name, path.parent.name, str(info["version"])))
    return found


def dated_deprecations(spec_dir: Path) -> set[tuple[str, str, str, str]]:
    """(provider/service, version, operationId or "", sunset): every deprecated version with a sunset, and every
    deprecated operation with a sunset other than its deprecated version's own."""
    found = set()
    for path in spec_dir.glob("*/*/*.yaml"):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        info = doc["info"]
        service = f"{path.parent.parent.name}/{path.parent.name}"
        version, status, sunset = str(info["version"]), info.get("x-api-status"), info.get("x-sunset")
        if status == "DEPRECATED" and sunset:
            found.add((service, version, "", str(sunset)))
        for item in (doc.get("paths") or {}).values():
            for method in _METHODS:
                op = item.get(method)
                if not isinstance(op, dict) or not op.get("x-sunset"):
                    continue
                deprecated = op.get("x-api-status") == "DEPRECATED" or (
                    "x-api-status" not in op and op.get("deprecated")
                )
                same_as_version = status == "DEPRECATED" and str(op["x-sunset"]) == str(sunset)
                if deprecated and not same_as_version:
                    found.add((service, version, str(op.get("operationId")), str(op["x-sunset"])))
    return found


class PageReader(HTMLParser):
    """Links, element ids and the attributes of chosen elements of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        for attribute in ("href", "src"):
            if attribute in values:
                self.links.append(values[attribute])


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    return reader


def internal_link_targets(site: Path) -> list[tuple[Path, str, Path, str]]:
    """(page, link, target file, fragment) for every link inside the site (external http(s) links left out)."""
    out = []
    for page in sorted(site.rglob("*.html")):
        for link in read_page(page.read_text(encoding="utf-8")).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / parts.path).resolve() if parts.path else page
            out.append((page, link, target, parts.fragment))
    return out


def bars(page: PageReader) -> list[dict[str, str]]:
    """The timeline's bars (``<g class="bar ...">``)."""
    return [attrs for tag, attrs in page.elements if tag == "g" and "bar" in attrs.get("class", "").split()]


def matrix_cells(page: PageReader) -> set[tuple[str, str]]:
    """(provider/service, version) of every filled matrix cell, in document order of rows."""
    cells = set()
    service = ""
    for tag, attrs in page.elements:
        if tag == "tr" and "data-service" in attrs:
            service = attrs["data-service"]
        elif tag == "td" and "data-version" in attrs:
            cells.add((service, attrs["data-version"]))
    return cells
