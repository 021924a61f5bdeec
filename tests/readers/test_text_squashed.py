"""Squashed text renderings of SCP tables the seed pages did not show (every cell on its own line or glued to the
next one): non-body parameter rows, Models tables, environment/region rows, the Korean version table. The page
shapes are those of the synthetic pages in tests/fixtures/scp/unseen (see its README)."""

from __future__ import annotations

import pytest

from scraper.document import Table
from scraper.readers.text import read, split_schema_default


@pytest.mark.parametrize(
    ("glued", "cells"),
    [
        ("integerNone", ("integer", "None")),
        ("any of [integer, null]20", ("any of [integer, null]", "20")),
        ("array[any of [string, null]][]", ("array[any of [string, null]]", "[]")),
        ("enum (private, public)None", ("enum (private, public)", "None")),
        ("stringapplication/json", ("string", "application/json")),
        ("string", ("string", "")),
        ("array[Tag]", ("array[Tag]", "")),
        ("PolicyDocumentNone", ("PolicyDocument", "None")),
    ],
)
def test_schema_and_default_glued_together_are_split(glued: str, cells: tuple[str, str]) -> None:
    assert split_schema_default(glued) == cells


def test_nothing_parses_gives_none() -> None:
    assert split_schema_default("Example : 10") is None


def _tables(text: str) -> list[Table]:
    return [b for b in read(text, "p.txt").blocks if isinstance(b, Table)]


def test_squashed_parameter_rows_with_description_example_and_glued_schema() -> None:
    text = "\n".join(
        [
            "Parameters",
            "TypeNameDescriptionSchemaDefault",
            "querylimit",
            "optional",
            "Page size",
            "Example : 10",
            "any of [integer, null]20",
            "pathitem_id",
            "required",
            "Item ID",
            "Example :",
            "stringNone",
            "bodybody",
            "required",
            "",
            "ItemCreateRequest",
            "Responses",
        ]
    )
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [
        ("query", "limit optional", "Page size Example : 10", "any of [integer, null]", "20"),
        ("path", "item_id required", "Item ID Example :", "string", "None"),
        ("body", "body required", "", "ItemCreateRequest", ""),
    ]
    assert [r.line for r in table.rows] == [3, 8, 13]


def test_a_description_line_that_starts_like_a_location_is_not_a_new_row() -> None:
    text = "\n".join(
        ["TypeNameDescriptionSchemaDefault", "queryname", "optional", "pathname of the file", "stringNone"]
    )
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [("query", "name optional", "pathname of the file", "string", "None")]


def test_squashed_model_rows_with_constraint_lines() -> None:
    text = "\n".join(
        [
            "1 - Policy",
            "NameDescriptionSchemaDefault",
            "name",
            "required",
            "Name",
            "Example : sample",
            "Pattern : ^[a-z]+$",
            "Minimum length : 3",
            "string",
            "tags",
            "optional",
            "any of [array[Tag], null]",
            "2 - Tag",
        ]
    )
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [
        ("name required", "Name Example : samplePattern : ^[a-z]+$Minimum length : 3", "string", ""),
        ("tags optional", "", "any of [array[Tag], null]", ""),
    ]


def test_squashed_environment_region_and_korean_version_rows() -> None:
    text = "\n".join(["environmentregion", "skr-west1", "gkr-south1", "", "버전최소 지원 보장일", "1.220260831"])
    environment, version = _tables(text)
    assert [r.cells for r in environment.rows] == [("s", "kr-west1"), ("g", "kr-south1")]
    assert version.header == ("버전", "최소 지원 보장일")
    assert [r.cells for r in version.rows] == [("1.2", "20260831")]


def test_squashed_parameter_row_with_one_cell_per_line() -> None:
    """Schema and Default on lines of their own (``string`` / ``None``): ``None`` alone is not the schema."""
    text = "\n".join(["TypeNameDescriptionSchemaDefault", "pathitem_id", "required", "Item ID", "string", "None"])
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [("path", "item_id required", "Item ID", "string", "None")]


def test_squashed_responses_with_reason_phrases_scp_pages_had_not_shown() -> None:
    """The standard phrase of any code (``206Partial Content``), a code's other phrase (``413Request Entity Too
    Large``), and an unknown phrase before a ``None`` schema all split; the table does not stop at them."""
    text = "\n".join(
        [
            "HTTP CodeDescriptionSchema",
            "200OKItemShowResponse",
            "206Partial ContentItemListResponse",
            "413Request Entity Too LargeNone",
            "299Custom ThingNone",
            "404Not FoundNone",
        ]
    )
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [
        ("200", "OK", "ItemShowResponse"),
        ("206", "Partial Content", "ItemListResponse"),
        ("413", "Request Entity Too Large", "None"),
        ("299", "Custom Thing", "None"),
        ("404", "Not Found", "None"),
    ]


def test_squashed_responses_with_a_services_own_reason_phrase_before_a_schema() -> None:
    """Samsung's OpenAPI documents give some responses a phrase of their own (dns: ``TLD list as a string``,
    ``Address Info JSON``; ``OK(Created)``); squashed, the phrase is glued to a Schema cell that is not ``None``.
    The row splits where its Schema cell starts: at the one place a schema expression begins, or, when a model name
    could start at several capitals (``JSONDomainAddressResponse``), at the first word of a CamelCase name. A row
    that still does not split keeps its place and text (one cell) instead of ending the table."""
    text = "\n".join(
        [
            "HTTP CodeDescriptionSchema",
            "200TLD list as a stringstring",
            "200Address Info JSONDomainAddressResponse",
            "201OK(Created)DomainShowResponse",
            "400Invalid Requestarray[ValidationErrorModel]",
            "401Desk User Not FoundNone",
            "404Resource Not FoundResourceErrorResponse",
            "409",
            "500Internal Server ErrorNone",
        ]
    )
    (table,) = _tables(text)
    assert [r.cells for r in table.rows] == [
        ("200", "TLD list as a string", "string"),
        ("200", "Address Info JSON", "DomainAddressResponse"),
        ("201", "OK(Created)", "DomainShowResponse"),
        ("400", "Invalid Request", "array[ValidationErrorModel]"),
        ("401", "Desk User Not Found", "None"),
        ("404", "Resource Not Found", "ResourceErrorResponse"),
        ("409",),
        ("500", "Internal Server Error", "None"),
    ]
    assert "reason phrase unknown" in table.rows[1].repairs[0]
    assert "not split" in table.rows[6].repairs[0]


def test_squashed_environment_names_longer_than_one_letter_stay_whole() -> None:
    (environment,) = _tables("\n".join(["environmentregion", "devkr-west1", "prodkr-east1", "skr-south2"]))
    assert [r.cells for r in environment.rows] == [("dev", "kr-west1"), ("prod", "kr-east1"), ("s", "kr-south2")]


def test_a_one_line_description_run_into_the_schema_cell_is_split_before_the_schema() -> None:
    """pages/scp/001 18604-18613 (Parallel File Storage models), squashed as the site squashes parameter rows: a
    description with no ``Example :`` line under it runs into the next cell (``Snapshot`` + ``SnapshotResponse``,
    ``Example :`` + ``any of [integer, null]``, ``Snapshots`` + ``array[Snapshot]``). The split needs evidence: a
    tail naming only models the page defines (its headings), or a tail starting like a primitive or compound."""
    text = "\n".join(
        [
            "5.2.7 - Snapshot",
            "5.2.9 - SnapshotCreateResponse",
            "NameDescriptionSchemaDefault",
            "snapshot",
            "required",
            "SnapshotSnapshotResponse",
            "5.2.10 - SnapshotListResponse",
            "NameDescriptionSchemaDefault",
            "snapshot_size_total_byte",
            "optional",
            "Example :any of [integer, null]",
            "snapshots",
            "required",
            "Snapshotsarray[Snapshot]",
            "other",
            "optional",
            "OtherUndefinedModel",
            "5.2.11 - SnapshotResponse",
        ]
    )
    first, second = _tables(text)
    assert first.rows[0].cells == ("snapshot required", "Snapshot", "SnapshotResponse", "")
    assert "split before 'SnapshotResponse'" in first.rows[0].repairs[-1]
    assert [r.cells for r in second.rows] == [
        ("snapshot_size_total_byte optional", "Example :", "any of [integer, null]", ""),
        ("snapshots required", "Snapshots", "array[Snapshot]", ""),
        # no tail names a model the page defines: a model the page does not define stays what it says
        ("other optional", "", "OtherUndefinedModel", ""),
    ]


def test_a_glued_description_is_split_before_the_whole_schema_not_a_word_that_parses() -> None:
    """pages/scp/001 VolumeDetachRequest (Block Storage(BM) models): ``List of object id to detach`` +
    ``array[string]`` squashed. The first word that parses (``object``) left ``id to detacharray[string]`` as a
    default and typed the list as an object; the whole tail that is a schema wins, and a default is one word."""
    text = "\n".join(
        [
            "3.2.23 - VolumeDetachRequest",
            "NameDescriptionSchemaDefault",
            "attachments",
            "required",
            "List of object id to detacharray[string]",
            "3.1.1.1 - 1.0",
            "TypeNameDescriptionSchemaDefault",
            "queryvolume_id",
            "required",
            "Volume IDstringNone",
        ]
    )
    models, params = _tables(text)
    assert models.rows[0].cells == ("attachments required", "List of object id to detach", "array[string]", "")
    assert params.rows[0].cells == ("query", "volume_id required", "Volume ID", "string", "None")
