"""benchmarks/audit.py: the categories it reports on sentences written for this test."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import krnum

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "audit.py"


@pytest.fixture(scope="module")
def audit():
    spec = importlib.util.spec_from_file_location("krnum_audit", _PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


def categories(audit, text: str, amounts: list[krnum.Amount] | None = None) -> Counter[str]:
    return Counter(f.category for f in audit.audit(text, amounts))


def amount(text: str, piece: str, **fields) -> krnum.Amount:
    """A hand-made Amount for piece inside text, so the test does not depend on the grammar."""
    start = text.index(piece)
    value = Decimal(str(fields.pop("value")))
    return krnum.Amount(text=piece, start=start, end=start + len(piece), value=value,
                        low=value, high=value, low_inclusive=True,
                        high_inclusive=True, currency=fields.pop("currency", None),
                        unit=fields.pop("unit", None), approximate=False)


def test_clean_sentence_has_no_findings(audit):
    text = "올해 영업이익은 320억원으로 작년보다 12% 늘었다."
    found = categories(audit, text)
    assert not [k for k in found if not k.startswith("ok:")]


def test_fragment_of_spaced_figure_is_adjacent_and_partial(audit):
    # a grammar that reads only the last group of a spaced figure
    text = "매출은 6 천억원 수준이다."
    frag = amount(text, "천억원", value=100_000_000_000, currency="KRW")
    found = categories(audit, text, [frag])
    assert found["partial"] == 1
    assert found["adjacent:digit"] == 1


def test_figure_nothing_covers_is_uncovered(audit):
    text = "순이익은 -4.2%YoY 줄었다."
    assert categories(audit, text, [])["uncovered"] == 1


def test_two_bare_groups_read_apart(audit):
    text = "총 4억 7천만원이 들었다."
    parts = [amount(text, "4억", value=400_000_000),
             amount(text, "7천만원", value=70_000_000, currency="KRW")]
    assert categories(audit, text, parts)["adjacent:amount"] == 1


def test_two_figures_each_with_a_unit_are_a_pair(audit):
    text = "지분 25% 약 90억원에 샀다."
    parts = [amount(text, "25%", value=25, unit="%"),
             amount(text, "약 90억원", value=9_000_000_000, currency="KRW")]
    found = categories(audit, text, parts)
    assert found["ok:pair"] == 1 and not found["adjacent:amount"]


def test_numeral_letters_inside_words(audit):
    text = "손실을 만회하고 3조각으로 나눴다."
    parts = [amount(text, "만회", value=10_000, unit="회"), amount(text, "3조", value=3 * 10**12)]
    found = categories(audit, text, parts)
    assert found["word:end"] == 2


def test_unit_note_read_as_money(audit):
    text = "자산 현황 (단위; 천원)\n"
    note = amount(text, "천원", value=1000, currency="KRW")
    assert categories(audit, text, [note])["unit-note"] == 1


def test_latin_code_and_label(audit):
    text = "순익은 YoY-3.5% 줄었고 KF-21 개발비가 늘었다."
    parts = [amount(text, "-3.5%", value=-3.5, unit="%"), amount(text, "-21 개", value=-21, unit="개")]
    found = categories(audit, text, parts)
    assert found["ok:latin-label"] == 1
    assert found["latin:before"] == 1
    assert found["word:end"] == 1  # 개 of 개발
    assert not found["uncovered"]  # 21 glued to KF is a code, not a figure


def test_url_escapes_are_skipped(audit):
    text = "자료: https://example.com/%EB%B2%95%EB%A0%B9 참고"
    assert not [k for k in categories(audit, text, []) if not k.startswith("ok:")]


def test_main_prints_counts_as_json(audit, tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("매출은 6 천억원 수준이다.\n", encoding="utf-8")
    assert audit.main([str(f), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"chars"' in out and '"counts"' in out
