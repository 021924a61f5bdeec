"""A service's endpoint when its pages document none: the shape its provider's other services share.

Provider-wide, so it runs after every page is read and merged: the inferred template depends on the provider's other
services, which is why an incremental build still reads (or recalls) every page of the provider.
"""

from __future__ import annotations

import json

from scraper.model import Finding, ServerTemplate, Service

__all__ = ["infer_servers"]


def infer_servers(services: dict[tuple[str, str], Service]) -> None:
    """Give a service whose pages document no endpoint the template its provider's other services all share.

    SCP endpoints are ``https://<service id>.{region}.{environment}.<domain>``; when every documented SCP service
    follows that with the same environment/region pairs, a service without an overview (Virtual Server's APIs
    section) gets the same shape, marked ``x-inferred`` and reported.
    """
    by_provider: dict[str, list[Service]] = {}
    for (provider, _), service in sorted(services.items()):
        by_provider.setdefault(provider, []).append(service)
    for provider, members in by_provider.items():
        documented = [s for s in members if s.server is not None and not s.server.inferred]
        shapes = {
            (s.server.url.replace(s.id, "{service}", 1), json.dumps(s.server.pairs, sort_keys=True))
            for s in documented
            if s.server is not None and s.id in s.server.url
        }
        for service in members:
            if service.server is not None:
                continue
            if len(documented) < 2 or len(shapes) != 1:
                service.findings.append(
                    Finding(
                        "missing-server",
                        service.pages[0] if service.pages else "",
                        1,
                        f"{service.id}:*",
                        "no endpoint documented and none can be inferred; the spec has no servers",
                    )
                )
                continue
            template, pairs = next(iter(shapes))
            service.server = ServerTemplate(template.replace("{service}", service.id), json.loads(pairs), True)
            service.findings.append(
                Finding(
                    "inferred-server",
                    service.pages[0] if service.pages else "",
                    0,
                    f"{service.id}:*",
                    f"no endpoint documented; {service.server.url} with the environment/region pairs that all "
                    f"{len(documented)} documented {provider} services share",
                )
            )
