"""Several bearer-token schemes in one Security Requirement Object, read as one token of any of them.

A requirement lists schemes that must all go with one request (OpenAPI "Security Requirement Object"). An OAuth 2.0
or OpenID Connect scheme and HTTP bearer all send an access token as ``Authorization: Bearer <token>``, which one
request carries once, so a requirement naming two of them (Google's discovery-converted documents name one OAuth 2.0
scheme per flow of the same authorization server together on every operation: ``{Oauth2: [scope], Oauth2c:
[scope]}``) can only be met by one token. Taken literally, the client would need a credential for each and then
could send neither (they clash: ``credential_clashes``), so every such call failed before sending. Read here as one
alternative per bearer scheme, the requirement's other schemes kept in each: the client sends the token it was given
for any of them, the first documented when it has several. This is an interpretation, so the generator says it once
per document (:func:`one_token_warning`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

__all__ = ["one_bearer_token", "one_token_warning"]


def one_bearer_token(requirements: Sequence[Sequence[str]], bearer: Collection[str]) -> list[list[str]]:
    """``requirements`` with each alternative naming two or more distinct ``bearer`` schemes replaced by one
    alternative per such scheme (its other schemes kept, in order); an alternative listed twice is kept once."""
    out: list[list[str]] = []
    for alternative in requirements:
        tokens = list(dict.fromkeys(n for n in alternative if n in bearer))
        if len(tokens) < 2:
            expanded = [list(alternative)]
        else:
            expanded = [[n for n in alternative if n not in bearer or n == token] for token in tokens]
        out.extend(e for e in expanded if e not in out)
    return out


def one_token_warning(places: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """One warning for the requirements read as one token (``(pointer, bearer schemes named)`` each, in document
    order): at the first, with the count; None when there were none."""
    if not places:
        return None
    where, names = places[0]
    named = " and ".join(f"{n!r:.80}" for n in names)
    count = f"{len(places)} requirements" if len(places) > 1 else "1 requirement"
    return (
        f"{where}: {named} each send a bearer token in the Authorization header, which one request carries once:"
        f" read as either one's token (the first given goes; {count} so)"
    )
