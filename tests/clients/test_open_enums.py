"""Azure's open enums (``x-ms-enum: {modelAsString: true}``, ``open_enums``) and tag values
(``x-ms-discriminator-value``), on ``robust/zz-azure-open-enums.yaml`` (shortened from SecurityInsights 2020-01-01
and AlertsManagement 2018-05-05, round 14).

Before: every such enum was a closed ``StrEnum`` (a response carrying a value the document does not list yet failed
to parse; a parameter was a closed ``Literal``); every polymorphic definition's children were tagged with their
schema's name (``kind: FusionAlertRule``, which the tag's own enum rejects: 10 of SecurityInsights' 36 contract
tests failed); and checking an example against such a parent ran into ``RecursionError``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pydantic
import pytest
import yaml

from scraper import swagger_conversion
from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.open_enums import is_open_enum
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, imported, run_package_tests, write_package
from tests.paths import FIXTURES

SPEC = FIXTURES / "openapi" / "robust" / "zz-azure-open-enums.yaml"


def _doc() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_only_a_string_enum_marked_model_as_string_is_open() -> None:
    assert is_open_enum({"type": "string", "enum": ["a"], "x-ms-enum": {"name": "A", "modelAsString": True}})
    assert not is_open_enum({"type": "string", "enum": ["a"], "x-ms-enum": {"name": "A", "modelAsString": False}})
    assert not is_open_enum({"type": "string", "enum": ["a"], "x-ms-enum": {"name": "A"}})
    assert not is_open_enum({"type": "string", "enum": ["a"]})
    assert not is_open_enum({"type": "integer", "enum": [1], "x-ms-enum": {"modelAsString": True}})


def test_children_get_their_x_ms_discriminator_value_as_the_mapping() -> None:
    converted, _ = swagger_conversion.convert_swagger(_doc(), str(SPEC))
    assert converted["components"]["schemas"]["AlertRule"]["discriminator"] == {
        "propertyName": "kind",
        "mapping": {
            "Fusion": "#/components/schemas/FusionAlertRule",
            "Scheduled": "#/components/schemas/ScheduledAlertRule",
        },
    }
    # a parameter's x-ms-enum goes with its schema
    assert converted["components"]["parameters"]["alertState"]["schema"]["x-ms-enum"]["modelAsString"] is True


def test_no_example_check_fails_and_the_contract_body_is_tagged_as_the_document_says(tmp_path: Any) -> None:
    package = ir.build_package([_doc()], source_names=[str(SPEC)])
    [version] = package.versions
    assert not any("could not be checked" in w for w in version.warnings), version.warnings
    root = write_package(render_package([_doc()], package_name="open-enums"), tmp_path / "open-enums")
    [put] = [c for c in contract_cases(root)["requests"] if c["name"] == "alert_rules_create_or_update"]
    assert put["body"]["value"]["kind"] in ("Fusion", "Scheduled")
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("open") / "open-enums"
    write_tree(root, render_package([_doc()], package_name="open-enums"))
    with imported(root, "open_enums.v2020_01_01") as module:
        yield module


def test_a_response_may_carry_values_the_document_does_not_list(api: ModuleType) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        body = {"kind": "NRT", "properties": {"severity": "Critical", "closed": "One"}}
        return httpx.Response(200, json=body)

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        rule = client.alert_rules_get("r", alert_state="Resolved")
    assert rule.kind == "NRT"
    assert sent[0].url.params["alertState"] == "Resolved"
    models = api.models
    known = models.FusionAlertRuleProperties.model_validate({"severity": "High"})
    assert known.severity == models.AlertSeverity.HIGH  # a known value still equals its member
    assert models.FusionAlertRuleProperties.model_validate({"severity": "Critical"}).severity == "Critical"
    with pytest.raises(pydantic.ValidationError):  # modelAsString: false stays closed
        models.FusionAlertRuleProperties.model_validate({"closed": "Three"})


def test_the_parameter_is_typed_as_its_known_values_or_any_string(api: ModuleType) -> None:
    annotation = inspect.signature(api.Client.alert_rules_get).parameters["alert_state"].annotation
    assert str(annotation) == "Literal['New', 'Acknowledged', 'Closed'] | str | None"


#: Samsung's shape (spec/scp/backup/1.2.yaml, BackupScheduleCreateRequest.start_day): a string enum listing null.
NULLABLE_ENUMS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Days", "version": "1.0"},
    "paths": {
        "/schedules": {
            "post": {
                "operationId": "createSchedule",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Schedule"}}}},
                "responses": {"204": {"description": "made"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Schedule": {
                "type": "object",
                "properties": {
                    "start_day": {
                        "type": ["string", "null"],
                        "enum": ["MON", "TUE", None],
                        "description": "Backup schedule start day",
                        "examples": ["MON"],
                    },
                    "week": {"$ref": "#/components/schemas/Week", "description": "the week"},
                },
            },
            "Week": {"type": ["string", "null"], "enum": ["WEEK_1", "WEEK_LAST", None]},
        }
    },
}


def test_an_enum_listing_null_is_a_str_enum_or_none(tmp_path: Any) -> None:
    root = write_package(render_package([NULLABLE_ENUMS], package_name="days"), tmp_path / "days")
    source = (root / "days" / "v1_0" / "models.py").read_text(encoding="utf-8")
    assert "NONE_TYPE_NONE" not in source
    assert 'description="Backup schedule start day"' in source and 'description="the week"' in source
    with imported(root, "days.v1_0") as api:
        models = api.models
        schedule = models.Schedule.model_validate({"start_day": "MON", "week": None})
        assert schedule.start_day == "MON"  # a StrEnum member equals its value, as every other string enum's
        assert schedule.week is None
        assert issubclass(models.Week, str)
        assert models.Schedule.model_validate({"start_day": None}).start_day is None
        with pytest.raises(pydantic.ValidationError):
            models.Schedule.model_validate({"start_day": "FUNDAY"})
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
