"""OpenAPI 3.1's JSON Schema 2020-12 keywords (``fixtures/openapi/openapi31/keywords.yaml``) become the types they
mean: a type array with ``null`` an optional ``| None``, ``const`` a ``Literal``, ``prefixItems`` a tuple, a ``$ref``
into ``$defs`` its class, a ``$ref`` with siblings the referenced class (its description kept), ``exclusiveMinimum``
as a number ``gt``, ``patternProperties`` a mapping; keywords a model cannot check (``dependentRequired``,
``if``/``then``/``else``, ``unevaluatedProperties``) leave the model as lenient as the rest. The corpus test runs
ruff, ``mypy --strict`` and the contract tests of the package."""

from __future__ import annotations

from pathlib import Path

import yaml

from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import imported, run_package_tests

SPEC = paths.FIXTURES / "openapi" / "openapi31" / "keywords.yaml"


def test_json_schema_2020_keywords_become_the_types_they_mean(tmp_path: Path) -> None:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    files = render_package([doc], package_name="parcels")
    models = files["parcels/v2024_06_01/models.py"].decode("utf-8")
    assert "class Point(RootModel[tuple[PointItem, PointItem1]]):" in models  # prefixItems, via $defs
    assert "route: list[Point] | None = None" in models
    assert 'object: Literal["shipment"]' in models  # const
    assert "reference: str | None = Field(None, max_length=64)" in models  # [string, 'null']
    assert 'status: Status = Field(..., description="Where the parcel is now")' in models  # $ref + siblings
    assert "weight_kg: float = Field(..., gt=0.0)" in models  # exclusiveMinimum: 0
    assert "metadata: dict[str, str] | None = None" in models  # patternProperties
    assert 'root: Address | Locker = Field(..., discriminator="kind")' in models
    # an enum of strings without `type` is a string enum: ShipmentDimensionsUnit.CM == "cm" (a plain Enum member
    # never equals its value, while every typed string enum's does)
    assert "class ShipmentDimensionsUnit(StrEnum):" in models
    out = tmp_path / "out"
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    with imported(out, "parcels.v2024_06_01") as parcels:
        point = parcels.models.Point.model_validate([37.7, -122.4])
        assert point.root[0].root == 37.7
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
