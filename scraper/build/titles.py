"""A service's title when its pages never name it: the catalog's.

A page set that documents a service without ever naming it leaves the title as the service id; the catalog can
give a readable one (``titles``), and using it is a finding so that the source of the name is visible.
"""

from __future__ import annotations

from scraper.build.pages import PageInput
from scraper.model import Finding, Service

__all__ = ["catalog_titles"]


def catalog_titles(services: dict[tuple[str, str], Service], pages: list[PageInput]) -> None:
    """A service whose pages never name it (its title is still its id) takes the title the catalog gives."""
    for page in pages:
        for service_id, title in page.titles:
            service = services.get((page.provider, service_id))
            if service is None or service.title != service.id:
                continue
            service.title = title
            service.findings.append(
                Finding(
                    "catalog-title",
                    page.name,
                    0,
                    f"{service.id}:*",
                    f"the pages never name the service; title {title!r} taken from pages/catalog.toml",
                )
            )
