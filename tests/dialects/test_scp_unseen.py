"""The SCP dialect on pages of services it was not built against (synthetic pages, tests/fixtures/scp/unseen).

Each page mirrors one real rendering of SCP's API reference (see the folder's README): squashed cells, rows broken
over two lines, Korean labels, dropped tables, Models-only and APIs-only pages, HTML. Expectations are the counts
``make_pages.py`` took from its own page model (``expected_counts.json``), never docs2client's output; the focused
tests below pin each repair to the format it reads.
"""

from __future__ import annotations

import json
import re
import runpy
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from scraper.dialects import DialectError, PageInfo, dialect_for
from scraper.document import Table
from scraper.model import Finding, OperationVersion, Service
from scraper.readers import read_page
from tests.paths import FIXTURES

UNSEEN = FIXTURES / "scp" / "unseen"
EXPECTED: dict[str, dict[str, Any]] = json.loads((UNSEEN / "expected_counts.json").read_text(encoding="utf-8"))


def _read(text: str, name: str, services: tuple[str, ...] = ()) -> list[Service]:
    page_format = "html" if name.endswith(".html") else "text"
    document = read_page(text, page=name, format=page_format, provider="scp")
    return dialect_for("scp").read(
        document, PageInfo(page=name, url="https://example.invalid/" + name, services=services)
    )


@cache
def _page(name: str) -> tuple[Service, ...]:
    services = tuple(EXPECTED[name]["service"].split(","))
    return tuple(_read((UNSEEN / name).read_text(encoding="utf-8"), name, services))


def _versions(services: tuple[Service, ...]) -> list[OperationVersion]:
    return [v for s in services for op in s.operations for v in op.versions.values()]


def _findings(services: tuple[Service, ...], kind: str) -> list[Finding]:
    return [f for s in services for f in s.findings if f.kind == kind]


def _typed(schema: dict[str, Any]) -> bool:
    return any(key in schema for key in ("type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"))


def _counts(services: tuple[Service, ...]) -> dict[str, Any]:
    versions = _versions(services)
    statuses: dict[str, list[str]] = {}
    for s in services:
        for op in s.operations:
            for v in op.versions.values():
                # a category page documents several services: their versions are told apart by service
                key = f"{s.id} {v.version}" if len(services) > 1 else v.version
                statuses[key] = [v.status, v.sunset.replace("-", "") if v.sunset else "-"]
    return {
        "ops": sum(len(s.operations) for s in services),
        "version_pages": len(versions),
        "params": sum(len(v.parameters) for v in versions),
        "bodies": sum(1 for v in versions if v.request_body is not None and "$ref" in v.request_body.schema),
        "responses": sum(len(v.responses) for v in versions),
        "models": sum(len(s.models) for s in services),
        "model_fields": sum(len(m.schema.get("properties", {})) for s in services for m in s.models.values()),
        "statuses": statuses,
        "pairs": sum(len(s.server.pairs) for s in services if s.server is not None),
        "defaults": sum(1 for v in versions for p in v.parameters if p.has_default),
        "examples": sum(1 for v in versions for p in v.parameters if p.has_example),
        "desc_lines": sum(len(v.description.split("\n")) for v in versions if v.description),
        "bad_titles": sum(
            1 for s in services for op in s.operations if not op.title or re.fullmatch(r"\d+\.\d+|None", op.title)
        ),
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_unseen_page_reads_whole(name: str) -> None:
    services = _page(name)
    expected = {k: v for k, v in EXPECTED[name].items() if k not in ("service", "mirrors")}
    assert [s.id for s in services] == EXPECTED[name]["service"].split(",")
    assert _counts(services) == expected
    untyped = [(v.path, p.name) for v in _versions(services) for p in v.parameters if not _typed(p.schema)] + [
        (model_name, f)
        for s in services
        for model_name, m in s.models.items()
        for f, fs in m.schema["properties"].items()
        if not _typed(fs)
    ]
    assert untyped == []


def test_the_fixture_pages_are_what_make_pages_writes(tmp_path: Path) -> None:
    """The committed pages and counts are the generator's output, so the expectations describe these very pages."""
    runpy.run_path(str(UNSEEN / "make_pages.py"), run_name="make_pages")["main"](str(tmp_path))
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in UNSEEN.iterdir() if p.name not in ("README.md", "make_pages.py"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (UNSEEN / name).read_bytes(), name


# -- one rendering, one repair -------------------------------------------------------------------------------------


def test_korean_state_and_version_table_are_read() -> None:
    """``상태 ACTIVE (X)``, ``상태`` / ``ACTIVE (X)`` and the ``버전 | 최소 지원 보장일`` table: SCP's Korean
    labels."""
    for name in ("traffic_splitter_squashed_ko.txt", "traffic_splitter_pipe_ko.txt", "vpn_link_section_ko.html"):
        versions = _versions(_page(name))
        assert versions and {v.status for v in versions} >= {"CURRENT"}, name
        assert not _findings(_page(name), "operation-skipped"), name
    sunsets = {v.version: v.sunset for v in _versions(_page("traffic_splitter_squashed_ko.txt"))}
    assert sunsets == {"1.2": None, "1.1": "2026-08-30", "1.0": "2025-12-31"}


def test_squashed_parameter_rows_keep_schema_default_and_example() -> None:
    """``querylimit`` / ``optional`` / ``LIMIT`` / ``Example : 20`` / ``any of [integer, null]20``."""
    listing = next(
        v for v in _versions(_page("catalog_info_squashed.txt")) if v.method == "GET" and v.path == "/v1/catalog-items"
    )
    params = {p.name: p for p in listing.parameters}
    assert params["size"].schema["type"] == ["integer", "null"]
    assert (params["size"].default, params["size"].example) == (20, 20)
    assert params["display_name"].schema["type"] == "array"
    assert params["display_name"].default == []
    assert params["created_by"].example == "김삼성"
    assert params["created_by"].has_default is False
    assert params["sort"].description == "sort"


def test_squashed_and_pipe_renderings_of_one_page_read_the_same() -> None:
    """The squashed text keeps every cell the pipe rendering has: same parameters, responses and models."""

    def shape(services: tuple[Service, ...]) -> Any:
        ops = [
            (v.method, v.path, v.version, [(p.name, p.location, p.required, p.schema, p.default) for p in v.parameters])
            for v in _versions(services)
        ]
        return ops, {n: m.schema for s in services for n, m in s.models.items()}

    assert shape(_page("cluster_engine_operation_squashed.txt")) == shape(_page("cluster_engine_operation_pipe.txt"))
    pipe_models = shape(_page("access_policy_models_pipe.txt"))
    assert shape(_page("access_policy_models_squashed.txt")) == pipe_models
    assert shape(_page("access_policy_models.html")) == pipe_models
    policy = pipe_models[1]["Policy"]["properties"]["name"]
    assert (policy["pattern"], policy["minLength"], policy["maxLength"]) == ("^[a-z][a-z0-9-]*$", 3, 64)


def test_squashed_environment_region_rows_become_endpoint_pairs() -> None:
    (service,) = _page("vpn_link_section_squashed_ko.txt")
    assert service.server is not None
    assert service.server.pairs[:2] == [
        {"environment": "s", "region": "kr-west1"},
        {"environment": "s", "region": "kr-east1"},
    ]


def test_global_service_url_without_region() -> None:
    """``https://<svc>.{environment}.samsungsdscloud.com``: the service id is the host, the endpoints differ by
    environment only."""
    (service,) = _page("access_policy_broken_rows.txt")
    assert service.server is not None
    assert service.server.url == "https://access-policy.{environment}.samsungsdscloud.com"
    assert service.server.pairs == [{"environment": "s"}, {"environment": "g"}, {"environment": "e"}]
    assert not _findings(_page("access_policy_broken_rows.txt"), "no-openapi-url")
    assert len(_findings(_page("access_policy_broken_rows.txt"), "server-variables")) == 1


def test_missing_version_table_takes_the_date_from_the_overview() -> None:
    services = _page("access_policy_broken_rows.txt")
    sunsets = {v.version: v.sunset for v in _versions(services)}
    assert sunsets == {"1.3": None, "1.2": "2026-09-30", "1.1": "2026-05-31"}
    assert _findings(services, "date-from-overview")
    assert not _findings(services, "missing-date")


def test_dropped_tables_are_recovered_from_the_examples() -> None:
    """``Parameters`` / ``Responses`` with nothing under them: the example response and the path still document
    the operation; what is recovered is marked inferred."""
    services = _page("name_resolver_tables_lost.txt")
    show = next(v for v in _versions(services) if v.path == "/v1/resolvers/{resolver_id}" and v.method == "GET")
    assert [(p.name, p.location, p.required, p.schema.get("x-inferred")) for p in show.parameters] == [
        ("resolver_id", "path", True, True)
    ]
    assert [(r.status, r.schema) for r in show.responses] == [("200", {"x-inferred": True})]
    delete = next(v for v in _versions(services) if v.method == "DELETE")
    assert [(r.status, r.schema) for r in delete.responses] == [("204", None)]
    assert len(_findings(services, "responses-missing")) == 4
    assert _findings(services, "inferred-parameter")


def test_models_page_without_overview_is_read_for_the_catalog_service() -> None:
    (service,) = _page("access_policy_models_pipe.txt")
    assert sorted(service.models) == [
        "AsyncResponse",
        "Policy",
        "PolicyCreateRequest",
        "PolicyListResponse",
        "PolicyShowResponse",
    ]
    assert _findings(_page("access_policy_models_pipe.txt"), "service-from-catalog")


def test_models_page_without_any_service_name_is_a_located_error() -> None:
    text = (UNSEEN / "access_policy_models_pipe.txt").read_text(encoding="utf-8")
    with pytest.raises(DialectError) as caught:
        _read(text, "models.txt")
    assert caught.value.page == "models.txt" and caught.value.line > 0
    assert "none could be read" in caught.value.message


def test_page_whose_every_version_page_is_unreadable_is_an_error_not_an_empty_spec() -> None:
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^State ACTIVE \(\w+\)$", "Status unknown", text)
    with pytest.raises(DialectError) as caught:
        _read(broken, "broken.txt", ("edge-gateway",))
    assert "8 version page(s)" in caught.value.message


def test_description_over_several_paragraphs_is_kept_whole() -> None:
    listing = next(
        v for v in _versions(_page("doc_db_multi_paragraph.txt")) if v.path == "/v1/clusters" and v.method == "GET"
    )
    assert listing.description.split("\n") == [
        "Retrieve a list of clusters.",
        "• Clusters can be filtered by name.",
        "• Deleted clusters are not listed.",
    ]
    assert not _findings(_page("doc_db_multi_paragraph.txt"), "unrecognised-text")


def test_lost_headings_and_none_description_give_method_and_path_titles() -> None:
    services = _page("ticket_desk_lost_headings.txt")
    titles = sorted(op.title for s in services for op in s.operations)
    assert titles == [
        "DELETE /v1/inquiries/{inquiry_id}",
        "GET /v1/inquiries",
        "GET /v1/inquiries/{inquiry_id}",
        "POST /v1/inquiries",
    ]
    assert all(v.description == "" for v in _versions(services))
    assert len(_findings(services, "empty-description")) == 4


def test_header_parameters_openapi_ignores_are_reported() -> None:
    services = _page("stream_pipe_apis.html")
    names = {p.name for v in _versions(services) for p in v.parameters if p.location == "header"}
    assert names == {"Accept", "Content-Type", "Scp-Request-Path"}
    ignored = {f.message.split(":")[0] for f in _findings(services, "ignored-header")}
    assert ignored == {"header parameter Accept", "header parameter Content-Type"}


def test_model_findings_without_a_service_reach_the_services() -> None:
    """A doubt about a model the page could not place (subject ``*:<model>``) is reported, not dropped."""
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    text = text.replace("| Name | Description | Schema | Default |\n|---|---|---|---|\n| request_id", "| request_id", 1)
    services = _read(text, "edge.txt", ("edge-gateway",))
    skipped = [f for s in services for f in s.findings if f.kind == "model-skipped"]
    assert [f.subject for f in skipped] == ["*:AsyncResponse"]


def test_version_table_listed_oldest_first_is_read_newest_first() -> None:
    services = _page("traffic_splitter_pipe_ko.txt")
    assert [v.version for v in services[0].versions] == ["1.2", "1.1", "1.0"]
    assert len(_findings(services, "version-order")) == 1


def test_a_constraint_given_twice_is_a_finding_not_a_crash() -> None:
    text = (UNSEEN / "access_policy_models_pipe.txt").read_text(encoding="utf-8")
    broken = text.replace("Minimum : 1Maximum : 1000", "Minimum : 1Minimum : 2Maximum : 1000", 1)
    assert broken != text
    (service,) = _read(broken, "models.txt", ("access-policy",))
    size = service.models["PolicyCreateRequest"].schema["properties"]["size_gb"]
    assert size["examples"] == [100] and "minimum" not in size
    assert [f.kind for f in service.findings if f.kind == "constraint-skipped"] == ["constraint-skipped"]


def test_category_page_keeps_each_services_models_apart() -> None:
    """Two services of one section page define ``AsyncResponse`` differently: each keeps its own."""
    wan, zone = _page("networking_category_squashed.txt")
    assert (wan.id, zone.id) == ("wan-link", "zone-record")
    assert sorted(wan.models["AsyncResponse"].schema["properties"]) == ["request_id", "resource"]
    assert sorted(zone.models["AsyncResponse"].schema["properties"]) == ["job_id"]
    assert zone.server is not None
    assert zone.server.pairs == [{"environment": "s"}, {"environment": "g"}, {"environment": "e"}]


@pytest.mark.parametrize(
    ("row", "replacement", "kind"),
    [
        ("| 1.0 | 20260531 |\n", "", "version-table-empty"),
        ("| 1.0 | 20260531 |\n", "| 1.1 | - |\n| 1.0 | 20260531 |\n", "version-table-rows"),
    ],
    ids=["no-row", "two-rows"],
)
def test_per_page_version_table_without_exactly_one_row_is_read(row: str, replacement: str, kind: str) -> None:
    """A page version table with no row or with several no longer costs the version page."""
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    services = tuple(_read(text.replace(row, replacement), "edge.txt", ("edge-gateway",)))
    assert not _findings(services, "operation-skipped")
    assert {v.sunset for v in _versions(services) if v.version == "1.0"} == {"2026-05-31"}
    assert len(_findings(services, kind)) == 4


def test_one_odd_table_code_block_or_cell_costs_that_item_not_the_version_page() -> None:
    """A table or JSON block inside a description, a parameter row without its required/optional flag, a body
    row typed ``object``, a response row with a code range: each is a finding and the page is still read."""
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    odd = (
        text.replace(
            "List Edge Gateways.\n",
            'List Edge Gateways.\n| Field | Meaning |\n|---|---|\n| state | lifecycle |\n{\n"filter": "name"\n}\n',
            1,
        )
        .replace("| query | page optional | page Example : 0 |", "| query | page | page Example : 0 |", 1)
        .replace("| body | body required | EdgeGatewayCreateRequest |", "| body | body required | object |", 1)
        .replace("| 403 | Forbidden | None |", "| 4XX | Client Error | None |", 1)
    )
    assert odd.count("| Field | Meaning |") == 1 and "| 4XX |" in odd and "| object |" in odd
    services = tuple(_read(odd, "edge.txt", ("edge-gateway",)))
    assert not _findings(services, "operation-skipped")
    assert len(_versions(services)) == 8
    kinds = {f.kind for f in services[0].findings}
    assert {"table-skipped", "code-skipped", "row-repair", "body-schema", "row-skipped"} <= kinds
    listing = next(v for v in _versions(services) if v.method == "GET" and v.path == "/v1/edge-gateways")
    assert {p.name: p.required for p in listing.parameters}["page"] is False
    create = next(v for v in _versions(services) if v.method == "POST" and v.version == "1.1")
    assert create.request_body is not None and create.request_body.schema == {"type": "object"}


def test_a_responses_row_that_does_not_read_is_replaced_by_the_example_response() -> None:
    """A Responses row that is skipped (``| OK | Address Info JSON | |``, its code lost) may be the success the
    example response shows; as when the whole table is dropped, that code is taken from the example
    (``responses-missing``, schema inferred from its body) rather than leaving the operation without its success
    response. The rows that do read are kept."""
    text = (UNSEEN / "domain_desk_reasons_pipe.txt").read_text(encoding="utf-8")
    rows = "| 200 | Address Info JSON | DomainAddressResponse |\n| 403 | Unauthorized Request | None |\n"
    assert text.count(rows) == 1
    services = tuple(_read(text.replace(rows, "| OK | Address Info JSON | |\n"), "desk.txt", ("domain-desk",)))
    show = next(v for v in _versions(services) if v.path == "/v1/domain-names/address")
    assert [(r.status, r.schema) for r in show.responses] == [("200", {"x-inferred": True}), ("404", None)]
    assert len(_findings(services, "row-skipped")) == 1
    (missing,) = _findings(services, "responses-missing")
    assert "could not be read" in missing.message


def test_an_enum_of_plain_integers_is_read_as_integers_and_said() -> None:
    """``enum (5, 10, 30)`` in a Models row or a Parameters row: the values are integers (as Samsung's own documents
    type such an enum), the example with them, and each such cell is an ``enum-integer`` finding with its line."""
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    model_row = "| state required | State Example : ACTIVE | enum (ACTIVE, INACTIVE, ERROR) |  |"
    param_row = "| query | sort optional | sort Example : created_at:desc | any of [string, null] | None |"
    assert text.count(model_row) == 1 and param_row in text
    text = text.replace(model_row, "| period required | Period Example : 10 | enum (5, 10, 30) |  |").replace(
        param_row, "| query | period optional | period Example : 30 | any of [enum (5, 10, 30), null] | None |", 1
    )
    services = tuple(_read(text, "edge.txt", ("edge-gateway",)))
    (service,) = services
    period = service.models["EdgeGateway"].schema["properties"]["period"]
    assert (period["type"], period["enum"]) == ("integer", [5, 10, 30])
    listing = next(v for v in _versions(services) if v.method == "GET" and v.path == "/v1/edge-gateways")
    param = {p.name: p for p in listing.parameters}["period"]
    assert (param.schema["type"], param.schema["enum"], param.example) == (["integer", "null"], [5, 10, 30, None], 30)
    assert sorted(f.line for f in _findings(services, "enum-integer")) == [36, 343]


def test_query_names_the_example_path_repeats_are_one_inferred_parameter() -> None:
    """With no Parameters table, the example request path's query names become parameters: a name given twice
    (``?tag=a&tag=b``) or percent-encoded is one parameter, never a duplicate."""
    text = (UNSEEN / "name_resolver_tables_lost.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[30] == "/v1/resolvers"
    lines[30] = "/v1/resolvers?tag=a&tag=b&zone%5Fid=z"
    services = _read(
        "\n".join(lines), "resolver.txt", tuple(EXPECTED["name_resolver_tables_lost.txt"]["service"].split(","))
    )
    listing = next(v for v in _versions(tuple(services)) if v.path == "/v1/resolvers" and v.method == "GET")
    assert [(p.name, p.location) for p in listing.parameters if p.location == "query"] == [
        ("tag", "query"),
        ("zone_id", "query"),
    ]


def test_only_the_url_under_the_openapi_url_label_is_the_endpoint() -> None:
    """The common page's overview shows an example call URL and no ``OpenAPI URL`` label (real page:
    en/apireference/api-common): that URL is not the service's endpoint, and saying so is a finding."""
    text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
    example_call = "Example version call\nhttps://catalog.s.example.invalid/\n"
    with_call = text.replace("OpenAPI URL\n", example_call + "OpenAPI URL\n", 1)
    (service,) = _read(with_call, "edge.txt", ("edge-gateway",))
    assert service.server is not None
    assert service.server.url == "https://edge-gateway.{region}.{environment}.samsungsdscloud.com"
    assert [f.line for f in service.findings if f.kind == "not-an-endpoint"] == [13]
    unlabelled = text.replace("OpenAPI URL\nhttps://edge-gateway", example_call + "https://edge-gateway", 1)
    (service,) = _read(unlabelled, "edge.txt", ("edge-gateway",))
    assert service.server is None
    assert len([f for f in service.findings if f.kind == "not-an-endpoint"]) == 2


def test_a_model_row_cut_to_one_word_is_no_field_and_a_missing_schema_is_no_guess() -> None:
    """A Models table whose text ends mid-row (``| f``, real page: apireference/compute/scf/models/_print/) gave a
    field ``f`` typed string "from its example"; a row with neither Schema nor example was typed string too."""
    text = (UNSEEN / "access_policy_models_pipe.txt").read_text(encoding="utf-8")
    cut = text.replace("| count required | Count Example : 1 | integer |  |", "| co", 1)
    no_schema = cut.replace(
        "| request_id required | Request ID Example : req-0001 | string |  |", "| request_id required | Request ID |", 1
    )
    assert no_schema.count("| co\n") == 1 and "| request_id required | Request ID |\n" in no_schema
    (service,) = _read(no_schema, "models.txt", ("access-policy",))
    assert all("co" not in m.schema["properties"] for m in service.models.values())
    skipped = [f.message for f in service.findings if f.kind == "row-skipped"]
    assert skipped == ["a model row of one word 'co': no required/optional flag, description or Schema; row skipped"]
    request_id = next(m for m in service.models.values() if "request_id" in m.schema["properties"])
    assert request_id.schema["properties"]["request_id"] == {"x-inferred": True, "description": "Request ID"}
    broken = [f.message for f in service.findings if f.kind == "broken-row"]
    assert broken == [
        "request_id: the row has no Schema or Default cell and no example (text: 'Request ID');"
        " left untyped (any value)"
    ]


def test_a_snake_case_header_parameter_is_the_header_its_description_names() -> None:
    """SCP names header parameters like variables and gives the header as the description (``content_type`` /
    ``Content-Type``, real page: en/apireference/ai-ml/cloud-ml/_print): the header sent is the one described, and
    the rename is a finding. ``accept`` / ``Accept`` differ only in case, which HTTP ignores: kept."""
    services = _page("notebook_lab_header_params_pipe.txt")
    names = {p.name for v in _versions(services) for p in v.parameters if p.location == "header"}
    assert names == {"accept", "Content-Type"}
    renamed = _findings(services, "header-name")
    assert renamed and all("'Content-Type'" in f.message for f in renamed)
    assert {f.message.split(":")[0] for f in _findings(services, "ignored-header")} == {
        "header parameter accept",
        "header parameter Content-Type",
    }


def _without_default_column(text: str) -> str:
    """The page with every model table's (empty) Default column left out: swagger2markup's own model-table layout,
    in the pipe rendering (header and rows) and the squashed one (the header; empty defaults print nothing)."""
    out: list[str] = []
    in_model = False
    for line in text.splitlines(keepends=True):
        if line.startswith("| Name | Description | Schema | Default |"):
            in_model = True
            out.append("| Name | Description | Schema |\n")
        elif in_model and line.startswith("|---"):
            out.append("|---|---|---|\n")
        elif in_model and line.startswith("|"):
            cells = line.rstrip().removesuffix("|").split(" | ")
            out.append(" | ".join(cells[:3]) + " |\n" if len(cells) == 4 and not cells[3].strip() else line)
        else:
            in_model = False
            out.append("NameDescriptionSchema\n" if line == "NameDescriptionSchemaDefault\n" else line)
    return "".join(out)


@pytest.mark.parametrize("name", ["access_policy_models_pipe.txt", "access_policy_models_squashed.txt"])
def test_a_model_table_without_its_default_column_is_read_whole(name: str) -> None:
    """Every field of a ``Name | Description | Schema`` model table is read, as the same table with an empty
    Default column reads (the pipe rows were skipped for having three cells, and the squashed header was no table
    at all: each model was skipped)."""
    original = (UNSEEN / name).read_text(encoding="utf-8")
    changed = _without_default_column(original)
    assert changed != original and "NameDescriptionSchemaDefault" not in changed
    assert "| Name | Description | Schema | Default |" not in changed
    services = tuple(EXPECTED[name]["service"].split(","))

    def fields(text: str) -> tuple[dict[str, Any], list[str]]:
        read = _read(text, name, services)
        models = {m: s.schema.get("properties", {}) for svc in read for m, s in svc.models.items()}
        return models, sorted(f.kind for svc in read for f in svc.findings if f.kind.endswith("-skipped"))

    expected, skipped = fields(original)
    assert expected and any(expected.values())
    assert fields(changed) == (expected, skipped)


@pytest.mark.parametrize(
    "name",
    [
        "catalog_info_squashed.txt",
        "access_policy_broken_rows.txt",
        "access_policy_models_squashed.txt",
        "function_runner_apis_squashed.txt",
        "domain_desk_reasons_squashed.txt",
    ],
)
def test_routine_table_repairs_are_one_finding_per_table_and_guesses_stay_per_row(name: str) -> None:
    """A squashed or broken rendering repairs every row of a table the same certain way (a row split at its location
    word, an empty trailing Default cell restored): one finding per table and repair names how many rows and which
    lines, so a maintainer is not handed the same routine repair 40 times; a repair that involved a guess (a
    description re-joined, a schema split at an unknown reason phrase) keeps a finding at its own row's line."""
    document = read_page((UNSEEN / name).read_text(encoding="utf-8"), page=name, format="text", provider="scp")
    tables = [block for block in document.blocks if isinstance(block, Table)]
    repairs = _findings(_page(name), "table-repair")
    routine_groups = {(id(t), note) for t in tables for row in t.rows for note in row.routine}
    assert routine_groups, "the page has routine repairs"
    routine_findings = [f for f in repairs if any(note in f.message for _, note in routine_groups)]
    # each table and routine repair gives one finding (a model table or a parameters table the dialect reads)
    assert len(routine_findings) <= len(routine_groups)
    for table in tables:
        for note in {note for row in table.rows for note in row.routine}:
            rows = [row for row in table.rows if note in row.routine]
            found = [f for f in routine_findings if f.line == rows[0].line and note in f.message]
            if not found:
                continue  # a table the dialect does not report (a version table)
            assert len(found) == 1
            if len(rows) > 1:
                assert found[0].message.startswith(f"{len(rows)} rows, line")
                assert str(rows[-1].line) in found[0].message
    # no doubt is lost: every row repaired by a guess has its own finding at its line
    for table in tables:
        for row in table.rows:
            for note in row.repairs:
                assert any(f.line == row.line and note in f.message for f in repairs), (row.line, note)
    assert len(repairs) < sum(len(row.routine) + len(row.repairs) for t in tables for row in t.rows)
