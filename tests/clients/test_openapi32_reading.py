"""OpenAPI 3.2 documents are read as 3.1 ones, with a warning per 3.2 feature the client does not honour
(``scraper.clients.openapi32_reading``); ``fixtures/openapi/oas32/api.yaml`` has one of each, and the corpus test
builds it (ruff, ``mypy --strict``, install, contract tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scraper.cli import main
from scraper.clients import ir
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "oas32" / "api.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def test_a_3_2_document_generates_with_what_it_adds_honoured_or_reported(tmp_path: Path) -> None:
    version = ir.build_package([spec()], source_names=["api.yaml"]).versions[0]
    ops = {op.method_name: op for op in version.operations}
    # query: the QUERY method with its body; additionalOperations as before; querystring: that operation only
    assert set(ops) == {"list_pets", "search_pets", "link_pets", "stream_pet_events"}
    assert ops["search_pets"].http_method == "QUERY" and ops["search_pets"].body is not None
    # content $ref to components.mediaTypes (a bare array: the method returns the list the root model holds)
    assert ops["list_pets"].response_model == "ListPetsResponse" and ops["list_pets"].returns == "list[_models.Pet]"
    warnings = "\n".join(version.warnings)
    assert "#/paths/~1pets~1search/get: a parameter 'in: querystring'" in warnings
    assert "#/paths/~1pets~1events/get/responses/200/content/application~1jsonl: itemSchema" in warnings
    assert "#/$self: " in warnings and "#/components/schemas/Pet/discriminator/defaultMapping: " in warnings
    assert main(["generate", "--spec", str(SPEC), "--out", str(tmp_path / "out")]) == 0


def test_an_example_s_data_value_is_its_value() -> None:
    from scraper.clients.openapi32_reading import read_as_31

    doc = spec()
    read_as_31(doc)
    assert doc["openapi"] == "3.1.1" and "$self" not in doc and "mediaTypes" not in doc["components"]
    media = doc["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["examples"]["two"]["value"] == [{"name": "Tom", "kind": "cat"}, {"name": "Rex", "kind": "dog"}]
