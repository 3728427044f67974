"""Load the example tables in tests/cases/ (data written from SPEC, independent of the code)."""

from __future__ import annotations

import json
from pathlib import Path

CASES = Path(__file__).parent / "cases"
FIELDS = ("value", "low", "high", "low_inclusive", "high_inclusive", "currency", "unit",
          "approximate", "kind")


def load(name: str) -> list[dict]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def parse_rows() -> list[tuple[str, dict]]:
    rows = []
    for f in sorted(CASES.glob("parse_*.json")):
        rows += [(f.stem.removeprefix("parse_"), r) for r in load(f.name)]
    return rows


def expected(row: dict) -> dict:
    return {k: row[k] for k in FIELDS}


def got(amount_dict: dict) -> dict:
    return {k: amount_dict[k] for k in FIELDS}
