"""An inferred schema's finding lists its examples in page order: ``page:line`` sorted as text put line 10210
before line 561 (spec/scp/virtualserver/findings.json, "schema inferred from 8 example(s): ...:10210, ...:10273,
...:561, ...:636, ...:7103 ..."), so the five shown were not the first five and a reader jumping through them went
back and forth in the page."""

from __future__ import annotations

import json
import re

from tests.paths import ROOT

_SITE = re.compile(r"([^\s,]+):(\d+)")


def _listed_sites(message: str) -> list[tuple[str, int]]:
    listed = message.split("example(s): ", 1)[1].removesuffix(" ...")
    return [(page, int(line)) for page, line in _SITE.findall(listed)]


def test_inferred_schema_findings_list_their_examples_in_page_order() -> None:
    checked = 0
    for path in sorted((ROOT / "spec").glob("*/*/findings.json")):
        for finding in json.loads(path.read_text(encoding="utf-8"))["findings"]:
            if finding["kind"] != "inferred-schema" or "example(s): " not in finding["message"]:
                continue
            sites = _listed_sites(finding["message"])
            assert sites == sorted(sites), f"{path.relative_to(ROOT)}: {finding['subject']}: {sites}"
            checked += 1
    assert checked > 10
