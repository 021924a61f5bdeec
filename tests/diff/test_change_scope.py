"""What of a client one API version's spec changes reach (:mod:`scraper.diff.change_scope`): the operations a change
of the request side touched, and whether the constructor's inputs (servers, security) changed; docs-only and
response changes reach no signature."""

from __future__ import annotations

from scraper.diff.change_scope import change_scope, operation_key
from scraper.diff.model import Change


def _change(operation: str | None, location: str, severity: str = "breaking") -> Change:
    return Change("kind", severity, operation, location, "message")  # type: ignore[arg-type]


def test_request_changes_name_their_operation_with_placeholders_blanked() -> None:
    scope = change_scope(
        [
            _change("GET /v1/volumes/{volume_id}", "parameter.query.detail"),
            _change("POST /v1/items (createItem)", "request.body.name", "non-breaking"),  # an x-operations member
            _change("DELETE /v1/gone", ""),  # an operation removed
        ],
        "major",
    )
    assert scope.operations == {"GET /v1/volumes/{}", "POST /v1/items", "DELETE /v1/gone"}
    assert not scope.constructor and scope.bump == "major"
    assert operation_key("get", "/v1/volumes/{id}") == "GET /v1/volumes/{}"


def test_docs_only_and_response_changes_reach_no_signature() -> None:
    scope = change_scope(
        [
            _change("GET /v1/a", "summary", "info"),
            _change("GET /v1/b", "response.200.body.name"),
            _change(None, "info.description", "info"),
            _change(None, "components.schemas.Pet", "non-breaking"),
        ],
        "major",
    )
    assert scope.operations == frozenset() and not scope.constructor
    assert scope.responses == {"GET /v1/b"}, "a listed response change explains a method returning another type"


def test_server_and_security_changes_reach_the_constructor() -> None:
    assert change_scope([_change(None, "servers[0].variables.region.enum")], "major").constructor
    assert change_scope([_change(None, "security", "non-breaking")], "minor").constructor
