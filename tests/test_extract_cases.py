"""Every sentence of tests/cases/extract_sentences.json: extract() returns exactly its amounts."""

from __future__ import annotations

import pytest
from _cases import expected, got, load

import krnum

SENTENCES = load("extract_sentences.json")
XFAIL: dict[str, str] = {}


def _locate(text: str, amounts: list[dict]) -> list[tuple[int, int, dict]]:
    out, pos = [], 0
    for a in amounts:
        i = text.index(a["surface"], pos)
        out.append((i, i + len(a["surface"]), a))
        pos = i + len(a["surface"])
    return out


@pytest.mark.parametrize("case", SENTENCES, ids=[c["text"][:40] for c in SENTENCES])
def test_sentence(case: dict) -> None:
    if case["text"] in XFAIL:
        pytest.xfail(XFAIL[case["text"]])
    text = case["text"]
    want = [(s, e, expected(a)) for s, e, a in _locate(text, case["amounts"])]
    have = [(a.start, a.end, got(a.to_dict())) for a in krnum.extract(text)]
    assert have == want
