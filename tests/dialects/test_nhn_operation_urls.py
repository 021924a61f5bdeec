"""Operation URLs written with a typo between host and path are joined, with a finding.

Excerpt: TOAST-DOCS/Contact-Center en/online-contact-api-guide-openapi-helpcenter.md (commit 67df880), lines 3-15;
its Korean twin writes the same URL without the space and was read, the English one declared no operation.
"""

from __future__ import annotations

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.dialects.operation_lines import parse_documented_path
from scraper.readers import markdown

_HELP_CENTER = """## Contact Center > Online Contact > API Guide for Developers > Help Center

### Add Specified Data to Help Center
#### Interface Description
- URL:	https://{domain}.oc.nhncloud.com /{serviceId}/hc/openapi/v1/addition.json
- URL(Dev):	https://{domain}.oc.alpha-nhncloud.com /{serviceId}/hc/openapi/v1/addition.json

|Interface name | Protocol | Call direction | Encoding | Result format | Interface description |
|------------|-------|--------|-----|--------|--------------|
|Add specified data to help center|HTTPS  |POST    |UTF-8|JSON    |Save additionally needed customer information to DB|

#### Request Parameters
|Name |Variable |Data type |Required | Description|
|-----|----|-----------|-----|----|
|Service ID|serviceId|String|O|{serviceId} set to URL path|
|Visibility                       |visible  |int    |X  |Visibility in the contents of the inquiry.|
"""


def test_a_space_between_host_and_path_is_joined_with_a_note() -> None:
    path = parse_documented_path("https://{domain}.oc.nhncloud.com /{serviceId}/hc/openapi/v1/addition.json")
    assert (path.host, path.path) == ("https://{domain}.oc.nhncloud.com", "/{serviceId}/hc/openapi/v1/addition.json")
    assert path.notes == [
        "space between host and path in 'https://{domain}.oc.nhncloud.com /{serviceId}/hc/openapi/v1/addition.json';"
        " joined"
    ]
    assert parse_documented_path("https://api.example.com/v1/x").notes == []


def test_a_url_bullet_with_a_space_declares_the_operation_of_its_interface_table() -> None:
    [service] = NhnDialect().read(markdown.read(_HELP_CENTER, "hc.md"), PageInfo("hc.md"))
    assert [(op.method, op.path) for op in service.operations] == [("POST", "/{serviceId}/hc/openapi/v1/addition.json")]
    joined = [f for f in service.findings if f.kind == "path-normalised" and "space between host and path" in f.message]
    assert [f.line for f in joined] == [5]
