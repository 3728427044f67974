"""Same answers, proven: extract() and parse() on every corpus and 100,000 generated texts give
the answers recorded in tests/data/recorded.json (benchmarks/recorded.py). A change that means
to give other answers records them anew with ``--write`` and says why in docs/decisions.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from recorded import RECORD, differences, record


def test_answers_are_the_recorded_ones() -> None:
    want = json.loads(RECORD.read_text(encoding="utf-8"))
    assert sum(len(v) for k, v in want.items() if k.startswith("generated:")) >= 200
    assert differences(want, record()) == []
