"""The benchmarks in quick mode, in-process: they run and their answers are right.

Timings are never judged here (CI machines vary); the full figures are docs/performance.md's.
The comparison peers are an optional extra: without them, the harness runs on krnum alone.
"""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

import compare
import corpus
import run

import krnum


def test_mixed_set_is_fixed_and_covers_every_row() -> None:
    cases = corpus.mixed_set()
    assert len(cases) >= 1000
    assert len({c.text for c in cases}) == len(cases)
    assert {c.row for c in cases} == set(corpus.ROWS)
    assert corpus.mixed_set() == cases  # deterministic


def test_corpus_is_deterministic_with_exact_spans() -> None:
    c = corpus.corpus(40_000)
    assert c == corpus.corpus(40_000)
    assert len(c.text.encode("utf-8")) >= 40_000
    assert all(c.text[g.start:g.end] == g.text for g in c.gold)
    assert "(단위" in c.text  # tables with unit headers are part of it
    small = c.prefix(10_000)
    assert c.text.startswith(small.text) and small.gold == c.gold[: len(small.gold)]


def test_quick_run_asserts_its_answers() -> None:
    r = run.collect(quick=True)  # raises AssertionError on any wrong parse() or extract() answer
    assert r["parse"]["expressions"] >= 1000 and r["parse"]["calls_per_s"] > 0
    e = r["extract"]
    assert e["amounts"] > 100 and e["digit_runs"] > e["amounts"] / 2
    assert e["extract_chars_per_s"] > 0 and e["floor_chars_per_s"] > 0 and e["peak_bytes"] > 0
    assert r["import"]["import_ms"] > 0 and r["import"]["first_parse_ms"] > 0
    text = run.report(r)
    assert "parse():" in text and "floor" in text and "import krnum" in text


def test_a_wrong_answer_fails_the_benchmark() -> None:
    import bench_parse

    case = corpus.mixed_set()[0]
    bad = case._replace(want=case.want._replace(value=Decimal(-1)))
    with pytest.raises(AssertionError, match="wrong"):
        bench_parse.check([bad])


def test_reference_reader_that_judges_writers() -> None:
    ref = compare.reference_value
    assert ref("일억이천만") == 120_000_000
    assert ref("만일") == 10_001
    assert ref("일억만") == 100_010_000  # what 일억만 says, so a writer that emits it is wrong
    assert ref("1억0000만0000") == 100_000_000
    assert ref("삼 천") == 3000
    assert ref("3.5%") is None


def test_krnum_gets_every_claimed_set_right() -> None:
    tool = compare.load_tools({"krnum"})[0]
    for make in (compare.hangul_set, compare.hangul_won_set, compare.digits_unit_set,
                 compare.price_set):
        s = compare.score_read(tool, make(40), repeats=1)
        assert s["right"] == s["n"], make.__name__


def test_compare_harness_on_krnum_alone() -> None:
    r = compare.compare(quick=True, names={"krnum"})
    (row,) = r["rows"]
    assert row["tool"] == "krnum" and row["status"] == "ok"
    for task in ("read_mixed", "write", "locate"):
        assert row[task]["right"] == row[task]["n"], task
    assert row["locate"]["extra"] == 0
    assert "| krnum |" in compare.report(r)


PEERS = {dist for dist, module, _ in compare.PEERS if importlib.util.find_spec(module)}


@pytest.mark.skipif(not PEERS, reason="the compare extra is not installed")
def test_compare_harness_on_installed_peers() -> None:
    r = compare.compare(quick=True, names=PEERS | {"krnum"})
    for row in r["rows"]:
        if row["status"] != "ok":
            continue
        for task in ("read_mixed", "write", "locate"):
            assert 0 <= row[task]["right"] <= row[task]["n"]
    assert krnum.parse("1억").value == 100_000_000  # peers did not disturb krnum
