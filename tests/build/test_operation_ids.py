"""Operation ids read from headings as a maintainer would name the methods, and repeats told apart by what differs.

The headings below are the committed NHN and SCP guides' (spec/nhn/*/, spec/scp/*/: ``x-source.heading``), whose
ids were ``createAContainer``, ``deletingADatabase``, ``viewAListOfFlowLogLoggingPorts``, ``viewIPv4CredentialList``
(the client's ``view_i_pv4_credential_list``) and numbered repeats (``createDbSecurityGroup2``, ``copyAnObject2``).
"""

from __future__ import annotations

import pytest

from scraper.build.openapi import emit_spec
from scraper.build.operation_ids import base_id, heading_words, operation_id, path_name, unique_ids
from scraper.clients import naming
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Operation, OperationVersion, Parameter, Service, Source
from scraper.readers import read_page
from tests.dialects.test_nhn_unseen import UNSEEN

_ORDER = {"get": 0, "put": 1, "post": 2, "delete": 3, "patch": 4, "head": 5, "options": 6}


def _id(title: str) -> str:
    return operation_id(" ".join(heading_words(title)))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # articles, as whole words (Object Storage, Secure Key Manager, Flow Log, RDS for PostgreSQL)
        ("Create a Container", "createContainer"),
        ("Add a asymmetric key", "addAsymmetricKey"),
        ("Check the flow log logging port", "checkFlowLogLoggingPort"),
        ("Get an External Network ID", "getExternalNetworkId"),
        ("Create A Container", "createContainer"),  # a Title Case heading's capital A is the article
        ("Add an A record", "addARecord"),  # among lower-case words it is a name
        ("Create an Anchor", "createAnchor"),  # a word that starts with an article is no article
        # a leading gerund is its verb
        ("Deleting a Database", "deleteDatabase"),
        ("Modifying the Database", "modifyDatabase"),
        ("Applying Access Control Rules", "applyAccessControlRules"),
        ("Changing Workload Parts", "changeWorkloadParts"),
        ("Querying an Account", "queryAccount"),
        ("Creating a Token", "createToken"),
        ("Getting Started Token", "getStartedToken"),
        ("Setting Watch", "setWatch"),
        ("Running Jobs", "runJobs"),
        ("Stopping an Instance", "stopInstance"),
        ("Adding Rules", "addRules"),
        # other words in -ing stay: nouns, and a gerund only leads
        ("Routing Table List", "routingTableList"),
        ("String Format", "stringFormat"),
        ("Ping", "ping"),
        ("Logging Settings", "loggingSettings"),
        ("Create Routing Rule", "createRoutingRule"),
        ("Deleting", "deleting"),  # nothing after it: the heading names no action on anything
        # <verb> a list of <things>
        ("View a list of flow log logging ports", "listFlowLogLoggingPorts"),
        ("Get a List of Internet Gateways", "listInternetGateways"),
        ("View the list of databases", "listDatabases"),
        ("View a Topic List", "viewTopicList"),
        ("Delete a list of keys", "deleteListOfKeys"),  # not a listing verb
        # acronyms with digits are one word
        ("View IPv4 Credential List", "viewIpv4CredentialList"),
        ("Request to delete an IPv6 address", "requestToDeleteIpv6Address"),
        ("Get OAuth2 Token", "getOauth2Token"),
        ("Get S3 Credential", "getS3Credential"),
        ("HTTP2 Settings", "http2Settings"),
        ("SHA256 Digest", "sha256Digest"),
        ("Show Volume's details", "showVolumesDetails"),
    ],
)
def test_ids_from_headings(title: str, expected: str) -> None:
    assert _id(title) == expected


@pytest.mark.parametrize(
    ("operation_id_", "method"),
    [
        ("viewIpv4CredentialList", "view_ipv4_credential_list"),
        ("getOauth2Token", "get_oauth2_token"),
        ("createContainer", "create_container"),
    ],
)
def test_the_client_reads_the_ids_back_whole(operation_id_: str, method: str) -> None:
    assert naming.snake_case(operation_id_) == method


def _op(
    method: str, path: str, summary: str, parameters: list[Parameter] | None = None, line: int = 1
) -> OperationVersion:
    return OperationVersion(
        version="v1.0",
        method=method,
        path=path,
        summary=summary,
        description="",
        status="CURRENT",
        source=Source("pages/nhn/x.md", "https://docs.example/x", summary, line),
        parameters=parameters or [],
    )


def test_korean_and_japanese_headings_are_named_by_method_and_path_as_before() -> None:
    assert base_id(_op("GET", "/v1.0/appkeys/{appKey}/uids/{uid}", "UID 조회")) == "getAppKeyUidsUid"
    assert base_id(_op("DELETE", "/v1.0/appkeys/{appKey}/uids/{uid}", "UID の削除")) == "deleteAppKeyUidsUid"


def test_repeated_ids_are_told_apart_by_what_differs() -> None:
    required = Parameter("multipart-manifest", "query", True, {"const": "put"})
    object_path = "/v1/{Account}/{Container}/{Object}"
    ops = [
        # RDS for PostgreSQL: one heading over two paths; the second's path adds a segment
        _op("POST", "/v1.0/db-security-groups", "Create DB Security Group"),
        _op("POST", "/v1.0/db-security-groups/{dbSecurityGroupId}/rules", "Create DB Security Group"),
        # ... or only a placeholder
        _op("GET", "/v1.0/notification-groups", "List Notification Groups"),
        _op("GET", "/v1.0/notification-groups/{notificationGroupId}", "List Notification Groups"),
        # Object Storage: one path, another method (Swift's COPY)
        _op("PUT", object_path, "Copy an Object"),
        _op("COPY", object_path, "Copy an Object"),
        # ... one method and path: a required parameter the first lacks
        _op("PUT", object_path, "Create a Manifest Object", [Parameter("X-Object-Manifest", "header", True, {})]),
        _op("PUT", object_path, "Create a Manifest Object", [required]),
    ]
    named = unique_ids(ops, _ORDER, "svc")
    ids, findings = named.ids, named.findings
    assert [ids[id(op)] for op in ops] == [
        "createDbSecurityGroup",
        "createDbSecurityGroupRules",
        "listNotificationGroups",
        "listNotificationGroupsById",
        "copyObject",
        "copyObjectCopy",
        "createManifestObject",
        "createManifestObjectMultipart",
    ]
    # the rules path is not what "Create DB Security Group" names: named from its path, which the qualifier agreed
    assert [(f.kind, f.subject) for f in findings] == [
        ("operation-name-from-path", "svc:POST /v1.0/db-security-groups/{dbSecurityGroupId}/rules")
    ]
    assert named.inferred == {id(ops[1])}


def test_a_heading_copied_onto_another_path_leaves_the_id_to_the_path_it_names() -> None:
    # Shape: two operations whose headings give one id, only one of whose paths ends in the resource the heading
    # names. RDS for PostgreSQL titles GET /db-instance-groups "List DB Instances" (copied from GET /db-instances,
    # which sorts after it and was numbered: listDbInstances2); Container Service titles POST .../resume "Restart
    # Workload" as .../tasks/{taskId}/restart (a last segment that is a verb is the action on the resource before)
    groups = _op("GET", "/v1.0/db-instance-groups", "List DB Instances", line=412)
    instances = _op("GET", "/v1.0/db-instances", "List DB instances", line=812)
    resume = _op("POST", "/ncs/v1.0/appkeys/{appKey}/workloads/{workloadId}/resume", "Restart Workload", line=7)
    restart = _op(
        "POST", "/ncs/v1.0/appkeys/{appKey}/workloads/{workloadId}/tasks/{taskId}/restart", "Restart Workload"
    )
    named = unique_ids([instances, groups, resume, restart], _ORDER, "svc")
    assert [named.ids[id(op)] for op in (groups, instances, resume, restart)] == [
        "listDbInstanceGroups",
        "listDbInstances",
        "resumeWorkload",
        "restartWorkload",
    ]
    assert named.inferred == {id(groups), id(resume)}
    assert [(f.kind, f.page, f.line, f.subject) for f in named.findings] == [
        ("operation-name-from-path", "pages/nhn/x.md", 412, "svc:GET /v1.0/db-instance-groups"),
        (
            "operation-name-from-path",
            "pages/nhn/x.md",
            7,
            "svc:POST /ncs/v1.0/appkeys/{appKey}/workloads/{workloadId}/resume",
        ),
    ]
    # the finding names both headings and the operation keeping the id
    assert "'List DB instances' of GET /v1.0/db-instances (line 812)" in named.findings[0].message


@pytest.mark.parametrize(
    ("method", "path", "title", "expected"),
    [
        ("GET", "/v1.0/db-instance-groups", "List DB Instances", "listDbInstanceGroups"),  # the heading's verb
        ("GET", "/v1.0/db-instance-groups/{id}", "DB Instances", "getDbInstanceGroup"),  # no verb: the method's, one
        ("GET", "/v1.0/policies", "Policy Search", "listPolicies"),
        ("POST", "/v1.0/groups/{groupId}/rules", "Create Group", "createGroupRules"),  # the parent before it
        ("PUT", "/v1.0/extensions/apply", "Sync Extensions", "applyExtensions"),  # an action on the segment before
        ("GET", "/v1.0/{id}", "List", None),  # no resource in the path
    ],
)
def test_a_name_from_method_and_path(method: str, path: str, title: str, expected: str | None) -> None:
    op = _op(method, path, title)
    assert path_name(op, base_id(op)) == expected


def test_the_path_decides_only_when_exactly_one_path_is_what_the_heading_names() -> None:
    # Shape: both paths end in the heading's resource (a listing and its item): neither decides, the first keeps
    ops = [_op("GET", "/v1/groups/{id}", "List Groups"), _op("GET", "/v1/groups", "List Groups")]
    named = unique_ids(ops, _ORDER, "svc")
    assert [named.ids[id(op)] for op in ops] == ["listGroupsById", "listGroups"]
    assert (named.inferred, named.findings) == (set(), [])


def test_a_repeat_nothing_tells_apart_is_numbered_with_a_finding() -> None:
    # Shape: one heading over two paths neither of which ends in the heading's resource and whose segments add no
    # word: numbered, the last resort, and marked inferred
    first = _op("GET", "/v1.0/a/items", "List Things")
    second = _op("GET", "/v1.0/b/items", "List things", line=42)
    named = unique_ids([second, first], _ORDER, "svc")
    assert (named.ids[id(first)], named.ids[id(second)]) == ("listThings", "listThingsB")
    third = _op("GET", "/v1.0/items", "List things", line=43)
    named = unique_ids([third, first], _ORDER, "svc")
    assert (named.ids[id(first)], named.ids[id(third)]) == ("listThings", "listThings2")
    assert named.inferred == {id(third)}
    assert [(f.kind, f.page, f.line, f.subject) for f in named.findings] == [
        ("repeated-operation-name", "pages/nhn/x.md", 43, "svc:GET /v1.0/items")
    ]


def test_a_group_of_the_guide_tells_apart_what_paths_do_not() -> None:
    # Alimtalk: "List Messages" under "Authentication Messages" (/auth/messages) and "General Messages" (/messages)
    auth = _op("GET", "/alimtalk/v2.3/appkeys/{appkey}/auth/messages", "List Messages")
    general = _op("GET", "/alimtalk/v2.3/appkeys/{appkey}/messages", "List Messages")
    auth.tags, general.tags = ["Authentication Messages"], ["General Messages"]
    named = unique_ids([general, auth], _ORDER, "alimtalk")
    assert (named.ids[id(auth)], named.ids[id(general)], named.findings) == ("listMessages", "listMessagesGeneral", [])


def test_a_number_is_the_operations_place_among_those_so_titled_so_it_never_moves_to_another() -> None:
    # Object Storage ko: five PUT members titled by method and path; the manifest ones are told apart by their
    # parameters, the last two only by a number: the one each had before (4, 5), not the next free one (2, 3),
    # which was another operation's
    path = "/v1/{Account}/{Container}/{Object}"
    ops = [
        _op("PUT", path, "오브젝트 업로드"),
        _op("PUT", path, "매니페스트 오브젝트 생성", [Parameter("X-Object-Manifest", "header", True, {})]),
        _op("PUT", path, "매니페스트 오브젝트 생성", [Parameter("multipart-manifest", "query", True, {})]),
        _op("PUT", path, "오브젝트 내용 수정"),
        _op("PUT", path, "오브젝트 복사"),
    ]
    named = unique_ids(ops, _ORDER, "object-storage")
    ids, findings = named.ids, named.findings
    assert [ids[id(op)] for op in ops] == [
        "putAccountContainerObject",
        "putAccountContainerObjectXManifest",
        "putAccountContainerObjectMultipartManifest",
        "putAccountContainerObject4",
        "putAccountContainerObject5",
    ]
    assert [f.kind for f in findings] == ["repeated-operation-name"] * 2


def test_a_qualified_id_never_takes_another_operations_own_id() -> None:
    ops = [
        _op("POST", "/v1/groups", "Create Group"),
        _op("POST", "/v1/groups/{id}/rules", "Create Group"),
        _op("POST", "/v1/rules", "Create Group Rules"),  # createGroupRules is this one's own id
    ]
    ids = unique_ids(ops, _ORDER, "svc").ids
    assert [ids[id(op)] for op in ops] == ["createGroup", "createGroupById", "createGroupRules"]


def test_the_spec_writes_the_ids_the_mark_and_the_finding() -> None:
    ops = [_op("GET", "/v1.0/db-instance-groups", "List DB Instances"), _op("GET", "/v1.0/db-instances", "List")]
    ops[1].summary = "List DB instances"
    service = Service(
        "nhn", "rds", "RDS", operations=[Operation(op.summary, op.method, op.path, {"v1.0": op}) for op in ops]
    )
    spec, findings = emit_spec(service, "v1.0", ops)
    assert spec["paths"]["/v1.0/db-instances"]["get"]["operationId"] == "listDbInstances"
    assert "x-operation-id-inferred" not in spec["paths"]["/v1.0/db-instances"]["get"]
    groups = spec["paths"]["/v1.0/db-instance-groups"]["get"]
    assert (groups["operationId"], groups["x-operation-id-inferred"]) == ("listDbInstanceGroups", True)
    assert [f.kind for f in findings if "operation-name" in f.kind] == ["operation-name-from-path"]


def test_a_guide_whose_heading_was_copied_onto_another_path_names_each_by_what_it_lists() -> None:
    # RDS for PostgreSQL v1.0 excerpt (tests/fixtures/nhn/unseen/README.md): "### List DB Instances" over GET
    # /v1.0/db-instance-groups and "### List DB instances" over GET /v1.0/db-instances, read from the page through
    # the dialect to the spec
    page = (UNSEEN / "rds-postgresql-copied-list-heading.md").read_text(encoding="utf-8")
    document = read_page(page, page="rds.md", format="markdown", provider="nhn")
    service = NhnDialect().read(document, PageInfo("rds.md"))[0]
    ops = [entry for op in service.operations for entry in op.versions.values()]
    spec, findings = emit_spec(service, "v1.0", ops)
    groups, instances = spec["paths"]["/v1.0/db-instance-groups"]["get"], spec["paths"]["/v1.0/db-instances"]["get"]
    assert (groups["operationId"], groups.get("x-operation-id-inferred")) == ("listDbInstanceGroups", True)
    assert (instances["operationId"], instances.get("x-operation-id-inferred")) == ("listDbInstances", None)
    assert [(f.kind, f.line) for f in findings if f.kind == "operation-name-from-path"] == [
        ("operation-name-from-path", 5)
    ]
