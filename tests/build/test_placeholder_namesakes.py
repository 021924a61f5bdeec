"""A field the examples only show as the placeholder ``""`` takes the scalar type its namesakes have in the service's
other models (``tests/fixtures/scp/oracle/placeholder_namesakes.txt``, an excerpt of the Virtual Server page)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from scraper.build import PageInput, build_specs
from tests.paths import FIXTURES

PAGE = FIXTURES / "scp" / "oracle" / "placeholder_namesakes.txt"


def test_placeholder_only_field_takes_its_namesakes_type(tmp_path: Path) -> None:
    page = PageInput(
        name=PAGE.name,
        path=PAGE,
        provider="scp",
        format="text",
        services=("virtualserver",),
        covers="service",
        capture=1,
    )
    report = build_specs([page], tmp_path)
    assert report.errors == []
    spec = yaml.safe_load((tmp_path / "scp" / "virtualserver" / "1.1.yaml").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    assert schemas["ServerQuotaSet"]["properties"]["cores"]["properties"]["limit"] == {"type": "integer"}
    for quota in ("per_volume_size", "snapshots", "usages", "volumes"):
        # "limit": "" in every example of VolumeQuotaSet; "limit": 20 in ServerQuotaSet
        assert schemas["VolumeQuotaSet"]["properties"][quota]["properties"]["limit"] == {"type": "integer"}
    findings = json.loads((tmp_path / "scp" / "virtualserver" / "findings.json").read_text(encoding="utf-8"))
    typed = [f["message"] for f in findings["findings"] if f["kind"] == "placeholder-typed"]
    assert len(typed) == 4 and all("typed integer as 'limit'" in m for m in typed)
