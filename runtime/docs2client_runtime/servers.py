"""Server URL templates and their documented variable combinations."""

from __future__ import annotations

import re
from collections.abc import (
    Mapping,
)
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ServerConfig",
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

    def url(self, **values: str | None) -> str:
        """The base URL for ``values`` (see :meth:`resolve`); raises :class:`ValueError` naming the documented
        combinations when the choice is not one of them."""
        resolved = self.resolve(**values)
        return _PLACEHOLDER.sub(lambda m: resolved[m.group(1)], self.template)
