"""The blind gold corpora in benchmarks/ (written from SPEC alone, never tuned against):
extract() must keep the floor the issue sets for the dev set on each of them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from eval_corpus import score

CORPORA = sorted(BENCH.glob("blind*.jsonl"))


@pytest.mark.parametrize("path", CORPORA, ids=[p.stem for p in CORPORA])
def test_blind_corpus_floor(path: Path) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    res = score(records)
    assert res["crashes"] == 0
    assert res["f1"] >= 0.98, res["per_kind"]
    assert res["span_exactness"] >= 0.97
