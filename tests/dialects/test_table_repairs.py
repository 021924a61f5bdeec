"""Row repairs as findings (scraper/dialects/table_repairs.py): routine once per table, guesses once per row."""

from __future__ import annotations

from scraper.dialects.table_repairs import table_repair_notes
from scraper.document import Row

SPLIT = "squashed row split with the location vocabulary and line breaks"
GUESS = "description and Schema cell run together ('Tagsarray[Tag]'); split before 'array[Tag]'"


def test_a_routine_repair_is_one_finding_naming_its_rows_and_a_guess_keeps_its_row() -> None:
    rows = [
        Row(("query", "limit optional"), 10, routine=(SPLIT,)),
        Row(("query", "offset optional"), 15, routine=(SPLIT,)),
        Row(("query", "tags optional"), 20, repairs=(GUESS,), routine=(SPLIT,)),
        Row(("query", "name optional"), 25, routine=(SPLIT,)),
        Row(("query", "size optional"), 30),
    ]
    assert table_repair_notes(rows) == [
        # the row at line 20 is not counted: its own finding tells its whole story
        (10, f"3 rows, lines 10-15, 25: {SPLIT}"),
        (20, f"{GUESS}; {SPLIT}"),
    ]


def test_repairs_of_the_same_rows_are_one_finding_and_one_row_is_named_by_its_label() -> None:
    broken, body = "row broken over 2 lines; joined", "body row: empty Description and Default cells restored"
    rows = [Row(("body", "Tag required", "", "Tag", ""), 7, routine=(broken, body))]
    assert table_repair_notes(rows, lambda row: row.cells[1]) == [(7, f"Tag required: {broken}; {body}")]
    assert table_repair_notes([Row(("a",), 3)]) == []
