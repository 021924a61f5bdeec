"""A misspelt media type in a guide is read as the media type it misspells, with a finding.

Excerpt: TOAST-DOCS/File-Crafter en/api-guide.md (commit dae2e20), lines 1-40 (the request body cut short): the
declaration writes ``Content-Type: appliction/json``; read as written, the body was an unknown binary type, the
client took bytes, and the package's contract test failed on the documented JSON object.
"""

from __future__ import annotations

import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.media_types import repair_media_type
from scraper.readers import markdown

_EXPORT = """## Application Service > File Crafter > API Guide

#### API Domain

```
https://api-file-crafter.nhncloudservice.com
```

### Export Request

#### Request

- [URL]
```
POST /file-crafter/v2.0/export/files
Content-Type: appliction/json
```

- [Request body]

```json
{
  "callback": {"url": "http://my.service.com/api/export"},
  "searchKey": "localTestType"
}
```
"""


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("appliction/json", "application/json"),
        ("application/jsn", "application/json"),
        ("aplication/x-www-form-urlencode", "application/x-www-form-urlencoded"),
        ("application/vnd.api+jsn", "application/vnd.api+json"),
        ("application/octet-stram", "application/octet-stream"),
    ],
)
def test_a_misspelt_media_type_is_repaired_with_a_note(written: str, read: str) -> None:
    fixed, note = repair_media_type(written)
    assert fixed == read
    assert note == f"media type {written!r} read as {read!r} (a misspelling)"


@pytest.mark.parametrize(
    "media",
    [
        "application/json",
        "application/jsonl",
        "application/x-ndjson",
        "application/pdf",
        "image/png",
        "application/yml",
    ],
)
def test_real_or_ambiguous_media_types_stay_as_written(media: str) -> None:
    assert repair_media_type(media) == (media, None)  # yml is one edit from both xml and yaml: not guessed


def test_the_guide_s_misspelt_content_type_gives_a_json_body() -> None:
    [service] = NhnDialect().read(markdown.read(_EXPORT, "fc.md"), PageInfo("fc.md"))
    [operation] = service.operations
    [version] = operation.versions.values()
    assert version.request_body is not None and version.request_body.media_type == "application/json"
    repaired = [f for f in service.findings if f.kind == "media-type-repaired"]
    assert [(f.line, f.message) for f in repaired] == [
        (15, "media type 'appliction/json' read as 'application/json' (a misspelling)")
    ]
