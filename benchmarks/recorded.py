"""The answers of extract() and parse(), recorded as hashes, so a redesign can prove it gives
the same ones, field for field and span for span.

    python benchmarks/recorded.py            # compare with tests/data/recorded.json
    python benchmarks/recorded.py --write    # record anew (say why in docs/decisions.md)

Inputs: every corpus in benchmarks/ (blind*.jsonl, realforms.jsonl), the benchmark corpus
(1 MiB, its documents), and 100,000 generated texts: a figure of every SPEC row from
corpus.py's generators, its myriad groups spaced at random, set between random words and
particles (seeded; the same bytes on every machine). Each group is hashed in chunks, so a
difference points at the records where it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import ROWS, corpus

import krnum

RECORD = HERE.parent / "tests" / "data" / "recorded.json"
GENERATED = 100_000
CHUNK = 1000
SEED = 20261206

_BEFORE = ("", "올해 매출은 ", "회사는 ", "업계에 따르면 ", "(", "총 ", "전년 대비 ", "당기 ")
_AFTER = ("", "을 기록했다", "로 집계됐다", "에 달한다", ")", " 수준이다", "이다", "의 투자", " 증가")
_GROUP_END = re.compile(r"(?<=[만억조경천백])(?=[0-9일이삼사오육칠팔구])")


def generated(n: int = GENERATED, seed: int = SEED) -> Iterator[tuple[str, str]]:
    """(figure, text) pairs: each figure set in a sentence, its groups spaced at random."""
    rng = random.Random(seed)
    rows = list(ROWS.values())
    for _ in range(n):
        fig = rng.choice(rows)(rng).text
        if rng.random() < 0.3:
            fig = _GROUP_END.sub(lambda m: " " if rng.random() < 0.5 else "", fig)
        yield fig, rng.choice(_BEFORE) + fig + rng.choice(_AFTER)


def _extracted(text: str) -> list[dict[str, object]]:
    return [a.to_dict() for a in krnum.extract(text)]


def _parsed(text: str) -> object:
    try:
        return krnum.parse(text).to_dict()
    except krnum.ParseError as e:
        return {"error": e.pos, "expected": e.expected}


def _chunks(records: Iterator[object]) -> list[str]:
    out, h, k = [], hashlib.sha256(), 0
    for r in records:
        h.update(json.dumps(r, ensure_ascii=False, sort_keys=True).encode())
        k += 1
        if k == CHUNK:
            out.append(h.hexdigest()[:16])
            h, k = hashlib.sha256(), 0
    if k:
        out.append(h.hexdigest()[:16])
    return out


def record() -> dict[str, list[str]]:
    """Group name -> the hashes of its chunks of answers."""
    out: dict[str, list[str]] = {}
    for path in sorted(HERE.glob("*.jsonl")):
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        out[path.stem] = _chunks(_extracted(t) for t in texts)
    docs = corpus(1024 * 1024).text.split("\n\n")
    out["benchmark-corpus"] = _chunks(_extracted(d) for d in docs)
    pairs = list(generated())
    out["generated:extract"] = _chunks(_extracted(t) for _, t in pairs)
    out["generated:parse"] = _chunks(_parsed(f) for f, _ in pairs)
    return out


def differences(want: dict[str, list[str]], got: dict[str, list[str]]) -> list[str]:
    out = []
    for name in sorted(set(want) | set(got)):
        a, b = want.get(name, []), got.get(name, [])
        bad = [i for i in range(max(len(a), len(b))) if a[i:i + 1] != b[i:i + 1]]
        if bad:
            out.append(f"{name}: chunks {bad[:10]} of {max(len(a), len(b))} differ "
                       f"(records {bad[0] * CHUNK}..{bad[0] * CHUNK + CHUNK - 1} first)")
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--write", action="store_true", help="record the answers anew")
    args = p.parse_args()
    got = record()
    if args.write:
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {sum(len(v) for v in got.values())} chunks in {RECORD}")
        return 0
    diff = differences(json.loads(RECORD.read_text(encoding="utf-8")), got)
    print("\n".join(diff) if diff else "same answers")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
