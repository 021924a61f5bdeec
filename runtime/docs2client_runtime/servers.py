"""Server URL templates and their documented variable combinations."""

from __future__ import annotations

import re
from collections.abc import (
    Mapping,
)
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

__all__ = [
    "ServerConfig",
    "ServerRoutes",
]


# --------------------------------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SAFE_VALUE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class ServerConfig:
    """A server URL template with its variables and the combinations the documentation lists.

    ``variables`` maps each variable to its allowed values (empty: any DNS-safe value), ``defaults`` gives the value
    used when the caller does not choose one, and ``pairs`` lists the documented combinations (for example
    ``{"environment": "s", "region": "kr-west1"}``); when ``pairs`` is empty every combination is allowed.
    """

    template: str
    variables: dict[str, list[str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    pairs: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_openapi(cls, server: Mapping[str, Any]) -> ServerConfig:
        """Build from an OpenAPI ``servers[]`` entry (``url``, ``variables`` with ``enum``/``default``, and the
        docs2client extension ``x-server-pairs``)."""
        variables: dict[str, list[str]] = {}
        defaults: dict[str, str] = {}
        for name, spec in (server.get("variables") or {}).items():
            variables[name] = [str(v) for v in spec.get("enum") or []]
            if spec.get("default") is not None:
                defaults[name] = str(spec["default"])
        pairs = [{str(k): str(v) for k, v in pair.items()} for pair in server.get("x-server-pairs") or []]
        return cls(template=str(server["url"]), variables=variables, defaults=defaults, pairs=pairs)

    @property
    def placeholders(self) -> list[str]:
        """Variable names in the template, in order of appearance."""
        return list(dict.fromkeys(_PLACEHOLDER.findall(self.template)))

    def _describe_pairs(self) -> str:
        return "; ".join(", ".join(f"{k}={v}" for k, v in sorted(p.items())) for p in self.pairs)

    def _is_documented(self, values: Mapping[str, str]) -> bool:
        return any(all(values.get(k) == v for k, v in pair.items()) for pair in self.pairs)

    def resolve(self, **values: str | None) -> dict[str, str]:
        """The full variable assignment for ``values`` (``None`` means "not chosen").

        Unchosen variables take their defaults; if that does not give a documented pair but exactly one documented
        pair agrees with the chosen values, the rest is filled from that pair (choosing ``region="kr-east1"`` is
        enough when only one environment has that region). Raises :class:`ValueError` otherwise.
        """
        known = set(self.variables) | set(self.placeholders)
        chosen = {k: v for k, v in values.items() if v is not None}
        for name, value in chosen.items():
            if name not in known:
                raise ValueError(f"unknown server variable {name!r}; expected one of {sorted(known)}")
            allowed = self.variables.get(name) or []
            if allowed and value not in allowed:
                hint = f"; documented combinations: {self._describe_pairs()}" if self.pairs else ""
                raise ValueError(f"{name}={value!r} is not documented; expected one of {allowed}{hint}")
            if not allowed and not _SAFE_VALUE.fullmatch(value):
                raise ValueError(f"{name}={value!r} is not a valid host or path segment")
        resolved = {**self.defaults, **chosen}
        if self.pairs and not self._is_documented(resolved):
            matching = [p for p in self.pairs if all(p.get(k, v) == v for k, v in chosen.items())]
            if len(matching) != 1:
                wanted = ", ".join(f"{k}={v}" for k, v in sorted(resolved.items()))
                raise ValueError(
                    f"server variables {wanted} are not a documented combination; "
                    f"documented combinations: {self._describe_pairs()}"
                )
            resolved = {**self.defaults, **matching[0], **chosen}
        missing = [name for name in self.placeholders if name not in resolved]
        if missing:
            raise ValueError(f"server URL {self.template!r} needs a value for {', '.join(missing)}")
        return resolved

    def matches(self, url: str) -> bool:
        """Whether ``url`` is one this template gives (each variable an allowed value, or any DNS-safe value when
        none are listed; a trailing ``/`` aside): a client built with such a ``base_url`` talks to the documented
        API, not to a proxy or a mock server."""
        pattern = ""
        for index, part in enumerate(_PLACEHOLDER.split(self.template)):
            if index % 2 == 0:
                pattern += re.escape(part)
            elif allowed := self.variables.get(part):
                pattern += "(?:" + "|".join(re.escape(value) for value in allowed) + ")"
            else:
                pattern += _SAFE_VALUE.pattern
        return re.fullmatch(pattern, url.rstrip("/"), re.IGNORECASE) is not None

    def url(self, **values: str | None) -> str:
        """The base URL for ``values`` (see :meth:`resolve`); raises :class:`ValueError` naming the documented
        combinations when the choice is not one of them."""
        resolved = self.resolve(**values)
        return _PLACEHOLDER.sub(lambda m: resolved[m.group(1)], self.template)


@dataclass(frozen=True)
class ServerRoutes:
    """Where each operation with a server of its own sends its requests (the others go to the client's base URL).

    Built once per client by :meth:`build`: an operation's documented server (its variables at their defaults)
    when the client talks to the documented API; the caller's ``overrides`` (operation method name -> URL) win; with
    a ``base_url`` that is none of the documented servers (a proxy, a mock server, a test transport) every other
    request goes to that base URL. A relative server URL (``/upload``) is resolved against the client's base URL.
    An operation whose server needs a variable without a default has no URL: calling it raises, naming the override
    to pass.
    """

    urls: dict[str, str] = field(default_factory=dict)  # method name -> the base URL its requests go to
    missing: dict[str, str] = field(default_factory=dict)  # method name -> why its server has no URL

    @classmethod
    def build(
        cls,
        base_url: str,
        *,
        chosen: bool,
        documented: ServerConfig | None,
        operations: Mapping[str, ServerConfig],
        overrides: Mapping[str, str] | None = None,
    ) -> ServerRoutes:
        """The routes of a client whose base URL is ``base_url`` (``chosen``: the caller passed it as ``base_url=``;
        it stands in for every documented server unless the ``documented`` server's template gives it), for the
        ``operations``' own servers; ``overrides`` must name operations of ``operations`` and give http(s) URLs
        (else :class:`ValueError`)."""
        custom = chosen and (documented is None or not documented.matches(base_url))
        urls: dict[str, str] = {}
        missing: dict[str, str] = {}
        for name, url in (overrides or {}).items():
            if name not in operations:
                raise ValueError(
                    f"server_overrides names {name!r}, which has no server of its own; expected one of"
                    f" {sorted(operations)}"
                )
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise ValueError(f"server_overrides[{name!r}] must be an http:// or https:// URL, got {url!r:.80}")
            urls[name] = url
        for name, server in operations.items():
            if name in urls:
                continue
            relative = not server.template.startswith(("http://", "https://", "{"))
            if custom and not relative:
                continue  # a proxy or mock server stands in for every documented server
            try:
                url = server.url()
            except ValueError as exc:
                missing[name] = f"{exc}; pass server_overrides={{{name!r}: 'https://...'}}"
                continue
            if relative:
                url = urljoin(base_url.rstrip("/") + "/", url)
            if not url.startswith(("http://", "https://")):
                missing[name] = f"server URL {url!r} is not http(s); pass server_overrides={{{name!r}: 'https://...'}}"
                continue
            urls[name] = url
        return cls(urls=urls, missing=missing)

    def url(self, name: str) -> str | None:
        """The base URL of operation ``name``'s requests, None for the client's own; raises :class:`ValueError` when
        its documented server needs a value the client was not given."""
        if name in self.missing:
            raise ValueError(f"{name}: {self.missing[name]}")
        return self.urls.get(name)
