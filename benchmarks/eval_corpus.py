"""Score krnum.extract() against a gold corpus (format: shared/corpus/README.md).

    python benchmarks/eval_corpus.py ../shared/corpus/dev.jsonl [--show-errors]

An amount counts only if its span, value, bounds, inclusivity, currency, unit and
approximate flag all agree. Money, percent and magnitude are scored for precision and
recall; `number` for recall only; gold amounts marked "ignore" are skipped, together with
any prediction overlapping them. Span exactness: among predictions that overlap a gold
amount of a scored kind, the share whose span is exact.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import krnum

FIELDS = ("value", "low", "high", "low_inclusive", "high_inclusive", "currency", "unit", "approximate")
SCORED = ("money", "percent", "magnitude")


def _dec(s: str | None) -> Decimal | None:
    return None if s is None else Decimal(s)


def key(d: dict) -> tuple:
    return (
        d["start"], d["end"], d["kind"],
        *(_dec(d[f]) if f in ("value", "low", "high") else d[f] for f in FIELDS),
    )


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(records: list[dict], show: bool = False) -> dict:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    tag_tp: Counter[str] = Counter()
    tag_fp: Counter[str] = Counter()
    tag_fn: Counter[str] = Counter()
    span_hit = span_all = crashes = 0
    errors: list[str] = []
    for rec in records:
        text = rec["text"]
        try:
            pred = [a.to_dict() for a in krnum.extract(text)]
        except Exception as e:  # noqa: BLE001 - a crash is a measured outcome
            crashes += 1
            errors.append(f"{rec['id']}: CRASH {e!r}")
            pred = []
        gold = [g for g in rec["amounts"] if not g.get("ignore")]
        ignored = [g for g in rec["amounts"] if g.get("ignore")]
        pred = [p for p in pred if not any(overlaps(p, g) for g in ignored)]
        gold_keys = Counter(key(g) for g in gold)
        pred_keys = Counter(key(p) for p in pred)
        for g in gold:
            k = key(g)
            kind = g["kind"]
            if pred_keys[k] > 0:
                pred_keys[k] -= 1
                tp[kind] += 1
                for t in rec["tags"]:
                    tag_tp[t] += 1
            else:
                fn[kind] += 1
                for t in rec["tags"]:
                    tag_fn[t] += 1
                near = [p for p in pred if overlaps(p, g)]
                errors.append(f"{rec['id']}: MISSED {g['surface']!r} {kind} {g['value']} "
                              f"[{g['low']},{g['high']}] {g['currency']} {g['unit']} "
                              f"approx={g['approximate']}  got {[_brief(p) for p in near]}")
            if kind in SCORED:
                near = [p for p in pred if overlaps(p, g)]
                if near:
                    span_all += 1
                    span_hit += any(p["start"] == g["start"] and p["end"] == g["end"] for p in near)
        for p in pred:
            k = key(p)
            if gold_keys[k] > 0:
                gold_keys[k] -= 1
                continue
            if p["kind"] in SCORED:
                fp[p["kind"]] += 1
                for t in rec["tags"]:
                    tag_fp[t] += 1
                errors.append(f"{rec['id']}: SPURIOUS {_brief(p)}")
    res: dict = {"crashes": crashes, "span_exactness": span_hit / span_all if span_all else 1.0}
    stp = sum(tp[k] for k in SCORED)
    sfp = sum(fp[k] for k in SCORED)
    sfn = sum(fn[k] for k in SCORED)
    res.update(_prf(stp, sfp, sfn))
    res["number_recall"] = tp["number"] / (tp["number"] + fn["number"]) if tp["number"] + fn["number"] else 1.0
    res["per_kind"] = {k: _prf(tp[k], fp[k], fn[k]) for k in (*SCORED, "number")}
    tags = sorted(set(tag_tp) | set(tag_fp) | set(tag_fn))
    res["per_tag"] = {t: _prf(tag_tp[t], tag_fp[t], tag_fn[t]) for t in tags}
    if show:
        res["errors"] = errors
    return res


def _brief(p: dict) -> str:
    return (f"{p['text']!r}@{p['start']} {p['kind']} {p['value']} [{p['low']},{p['high']}] "
            f"{p['currency']} {p['unit']} approx={p['approximate']}")


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    res = score(records, show=args.show_errors)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    print(f"records {len(records)}  crashes {res['crashes']}")
    print(f"money/percent/magnitude: P {res['precision']:.4f}  R {res['recall']:.4f}  "
          f"F1 {res['f1']:.4f}  (tp {res['tp']} fp {res['fp']} fn {res['fn']})")
    print(f"span exactness {res['span_exactness']:.4f}   number recall {res['number_recall']:.4f}")
    for k, v in res["per_kind"].items():
        print(f"  {k:10s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}")
    print("  per tag:", ", ".join(f"{t} {v['f1']:.2f}" for t, v in res["per_tag"].items()))
    for e in res.get("errors", []):
        print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
