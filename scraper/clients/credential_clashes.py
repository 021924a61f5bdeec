"""Security requirements whose schemes one request cannot carry together, as located warnings.

A Security Requirement Object lists schemes that must all go with one request (``{basicAuth: [], bearer: []}``).
When two of them set the same header (HTTP basic and a bearer or OAuth 2.0 token both set ``Authorization``; two API
keys of one header name), the same query parameter or the same cookie, the second would replace the first: the
runtime's ``Credentials`` never sends such an alternative from the client's keywords (the next alternative the
client has goes instead, else the call raises ``MissingCredentialsError`` before sending; an ``auth=`` sends it as
the caller decides). The generator says so where the requirement is written, so the SDK maintainer hears of it
before a user does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["clash_warnings", "credential_target", "refused_with_every_keyword"]


def credential_target(kind: str | None, key: str | None) -> tuple[str, str] | None:
    """Where a credential of a scheme of ``kind`` (the runtime's ``SecurityScheme.kind``) goes: (what compares
    equal, words), header names compared case-insensitively as HTTP does; None for a scheme the client's keywords
    do not send (a provider's signature, mutual TLS)."""
    if kind in ("basic", "bearer"):
        return ("header:authorization", "Authorization header")
    if key is None:
        return None
    if kind == "header":
        return (f"header:{key.lower()}", f"{key} header")
    if kind == "query":
        return (f"query:{key}", f"{key} query parameter")
    if kind == "cookie":
        return (f"cookie:{key}", f"{key} cookie")
    return None


def _clashes(alternative: Sequence[str], targets: Mapping[str, tuple[str, str]]) -> bool:
    """Whether two schemes of ``alternative`` set the same target."""
    found = [targets[name][0] for name in alternative if name in targets]
    return len(found) != len(set(found))


def refused_with_every_keyword(requirements: Sequence[Sequence[str]], targets: Mapping[str, tuple[str, str]]) -> bool:
    """Whether a client given a credential for every scheme of ``targets`` still refuses the call (the runtime's
    ``Credentials`` raises ``MissingCredentialsError``): an alternative it has every credential for clashes, and none
    it has every credential for does not. A contract test then checks that refusal instead of a request."""
    complete = [alt for alt in requirements if alt and all(name in targets for name in alt)]
    return any(_clashes(alt, targets) for alt in complete) and all(_clashes(alt, targets) for alt in complete)


def clash_warnings(
    where: str, requirements: Sequence[Sequence[str]], targets: Mapping[str, tuple[str, str]]
) -> list[str]:
    """One warning per alternative of ``requirements`` (at ``where``, the pointer of the ``security`` list) whose
    schemes set the same target; ``targets`` maps each scheme the client takes a keyword for to its target."""
    warnings: list[str] = []
    for index, alternative in enumerate(requirements):
        seen: dict[str, tuple[str, str]] = {}  # compared target -> (first scheme setting it, its words)
        for name in alternative:
            target = targets.get(name)
            if target is None:
                continue
            if target[0] in seen:
                first, words = seen[target[0]]
                warnings.append(
                    f"{where}/{index}: {first!r:.80} and {name!r:.80} both set the {words}, which one"
                    " request carries once: the client never sends this alternative from its keywords (a call with"
                    " credentials for no other alternative raises MissingCredentialsError; auth= sends it as the"
                    " caller decides)"
                )
                break
            seen[target[0]] = (name, target[1])
    return warnings
