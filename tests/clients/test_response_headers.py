"""Response headers a document gives a success response (``Location``, rate limits): named in the method's docstring,
and read from the response that ``docs2client_runtime.capture_responses`` collects (a method returns the body)."""

from __future__ import annotations

from pathlib import Path

from scraper.clients import ir
from tests.clients.package_import import imported
from tests.clients.test_streamed_responses import MODULE, _doc, _written


def test_documented_response_headers_are_named_in_the_docstring_and_captured(tmp_path: Path) -> None:
    import docs2client_runtime as rt
    import httpx

    version = ir.build_package([_doc()], source_names=["s.yaml"]).versions[0]
    [create] = [op for op in version.operations if op.method_name == "create_thing"]
    assert create.response_headers == [
        ("Location", "Where the new thing is."),
        ("X-Rate-Limit-Remaining", 'Calls left """ in this window'),
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, headers={"Location": "/things/1"}, json={"id": "1"})

    with imported(_written(tmp_path), MODULE) as module:
        doc = module.Client.create_thing.__doc__
        assert "``Location``: Where the new thing is." in doc and 'Calls left """ in this window' in doc
        with (
            module.Client(base_url="https://api.example", transport=httpx.MockTransport(answer)) as client,
            rt.capture_responses() as responses,
        ):
            thing = client.create_thing()
    assert thing.id == "1" and responses[-1].headers["Location"] == "/things/1"
