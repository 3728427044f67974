"""Every row of tests/cases/parse_*.json: parse() gives the whole Amount the row states."""

from __future__ import annotations

import pytest
from _cases import expected, got, load, parse_rows

import krnum

ROWS = parse_rows()
XFAIL: dict[str, str] = {}


@pytest.mark.parametrize(("group", "row"), ROWS, ids=[r["text"] for _, r in ROWS])
def test_parse_row(group: str, row: dict) -> None:
    if row["text"] in XFAIL:
        pytest.xfail(XFAIL[row["text"]])
    a = krnum.parse(row["text"])
    assert got(a.to_dict()) == expected(row)
    assert a.text == row["text"].strip()


MALFORMED = load("malformed.json")


@pytest.mark.parametrize("row", MALFORMED, ids=[r["text"] or "<empty>" for r in MALFORMED])
def test_malformed_is_an_error(row: dict) -> None:
    with pytest.raises(krnum.ParseError) as info:
        krnum.parse(row["text"])
    err = info.value
    assert 0 <= err.pos <= len(row["text"])
    assert "^" in str(err) and err.expected


def test_there_are_enough_cases() -> None:
    assert len(ROWS) >= 300
    assert len({g for g, _ in ROWS}) >= 14


def test_remembered_results_are_the_parsed_ones() -> None:
    from krnum._parse import parse_uncached

    for _, row in ROWS[:50]:
        assert krnum.parse(row["text"]) == parse_uncached(row["text"])
        assert krnum.parse(row["text"]) is krnum.parse(row["text"])
