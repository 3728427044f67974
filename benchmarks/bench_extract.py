"""extract() characters per second on a generated corpus, next to a bare regex digit scan.

    python benchmarks/bench_extract.py [--quick] [--size-mb 5]

The floor is one ``regex`` pass finding the digit runs ``[0-9]+`` of the same text, timed in
the same run, interleaved with extract() so that machine load hits both alike. Also: peak
memory of one extract() over the corpus (tracemalloc), and how time grows from the ~1 MB
prefix of the corpus to the whole (time ratio over size ratio: 1.0 is linear).
"""

from __future__ import annotations

import argparse
import re
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_parse import clock
from corpus import SEED, Corpus, corpus, gold_of

import krnum

MB = 1_000_000
FULL_BYTES = 5 * 2**20  # 5 MiB: at least 5 MB however a reader counts
SMALL_BYTES = 1 * 2**20
QUICK_BYTES, QUICK_SMALL_BYTES = 60_000, 12_000
DIGITS = regex.compile(r"[0-9]+")


def floor_scan(text: str) -> int:
    """The floor: one regex pass that merely finds digit runs."""
    return len(DIGITS.findall(text))


def check(c: Corpus) -> None:
    """extract() finds exactly the amounts the generator wrote, with spans and answers."""
    got = [gold_of(a) for a in krnum.extract(c.text)]
    if got == c.gold:
        return
    want_spans = {(g.start, g.end): g for g in c.gold}
    got_spans = {(g.start, g.end): g for g in got}
    missing = [g for k, g in want_spans.items() if k not in got_spans]
    extra = [g for k, g in got_spans.items() if k not in want_spans]
    wrong = [(g, got_spans[k]) for k, g in want_spans.items() if k in got_spans and got_spans[k] != g]

    def ctx(g: Any) -> str:
        return c.text[max(0, g.start - 20):g.end + 10].replace("\n", "⏎")

    lines = [(f"extract(): {len(c.gold)} amounts expected, {len(got)} found; "
             f"{len(missing)} missing, {len(extra)} extra, {len(wrong)} with a wrong answer")]
    lines += [f"  missing {g.text!r} in …{ctx(g)}…" for g in missing[:8]]
    lines += [f"  extra   {g.text!r} in …{ctx(g)}… {tuple(g.want)}" for g in extra[:8]]
    lines += [f"  wrong   {w.text!r}: want {tuple(w.want)}, got {tuple(g.want)}" for w, g in wrong[:8]]
    raise AssertionError("\n".join(lines))


def _timed_pair(text: str, repeats: int) -> dict[str, float]:
    """Median wall/CPU seconds of extract() and of the floor, interleaved pass by pass."""
    ex: list[tuple[float, float]] = []
    fl: list[tuple[float, float]] = []
    for _ in range(repeats):
        fl.append(clock(lambda: floor_scan(text), 1))
        ex.append(clock(lambda: krnum.extract(text), 1))
    med = lambda xs, i: sorted(x[i] for x in xs)[len(xs) // 2]
    return {"extract_wall": med(ex, 0), "extract_cpu": med(ex, 1),
            "floor_wall": med(fl, 0), "floor_cpu": med(fl, 1)}


def peak_memory(text: str) -> int:
    """Peak bytes allocated by Python during one extract() of ``text`` (tracemalloc)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = krnum.extract(text)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    del result
    return peak


def run(quick: bool = False, seed: int = SEED, n_bytes: int | None = None) -> dict[str, Any]:
    big_bytes = n_bytes or (QUICK_BYTES if quick else FULL_BYTES)
    big = corpus(big_bytes, seed)
    small = big.prefix(QUICK_SMALL_BYTES if quick else SMALL_BYTES)
    check(big)
    digit_runs = floor_scan(big.text)
    assert digit_runs == len(re.findall(r"[0-9]+", big.text)), "the floor scan miscounted"
    repeats = 1 if quick else 3
    krnum.extract(small.text)  # warm
    t_big = _timed_pair(big.text, repeats)
    t_small = _timed_pair(small.text, repeats if quick else 5)
    chars, small_chars = len(big.text), len(small.text)
    size_ratio = chars / small_chars
    return {
        "bytes": len(big.text.encode("utf-8")),
        "chars": chars,
        "documents": len(big.doc_ends),
        "amounts": len(big.gold),
        "amounts_per_1000_chars": 1000 * len(big.gold) / chars,
        "digit_runs": digit_runs,
        "repeats": repeats,
        "extract_chars_per_s": chars / t_big["extract_wall"],
        "extract_chars_per_s_cpu": chars / t_big["extract_cpu"],
        "floor_chars_per_s": chars / t_big["floor_wall"],
        "floor_chars_per_s_cpu": chars / t_big["floor_cpu"],
        "extract_over_floor": t_big["floor_wall"] / t_big["extract_wall"],
        "extract_over_floor_cpu": t_big["floor_cpu"] / t_big["extract_cpu"],
        "extract_seconds": t_big["extract_wall"],
        "small_bytes": len(small.text.encode("utf-8")),
        "small_chars": small_chars,
        "small_extract_seconds": t_small["extract_wall"],
        "size_ratio": size_ratio,
        "time_ratio_wall": t_big["extract_wall"] / t_small["extract_wall"],
        "time_ratio_cpu": t_big["extract_cpu"] / t_small["extract_cpu"],
        "linearity_cpu": t_big["extract_cpu"] / t_small["extract_cpu"] / size_ratio,
        "linearity_wall": t_big["extract_wall"] / t_small["extract_wall"] / size_ratio,
        "peak_bytes": peak_memory(big.text),
    }


def report(r: dict[str, Any]) -> str:
    mb = r["bytes"] / MB
    out: list[str] = []
    out.append(f"corpus: {mb:.2f} MB UTF-8, {r['chars']:,} chars, {r['documents']:,} documents, "
               f"{r['amounts']:,} amounts ({r['amounts_per_1000_chars']:.1f} per 1,000 chars), "
               f"{r['digit_runs']:,} digit runs; extract() answers all right")
    out.append(f"extract(): {r['extract_chars_per_s']:,.0f} chars/s wall "
               f"({r['extract_chars_per_s_cpu']:,.0f} CPU), {r['extract_seconds']:.2f} s per pass, "
               f"median of {r['repeats']}")
    out.append(f"floor (regex [0-9]+ findall): {r['floor_chars_per_s']:,.0f} chars/s wall "
               f"({r['floor_chars_per_s_cpu']:,.0f} CPU)")
    out.append(f"extract/floor speed: 1/{1 / r['extract_over_floor']:,.0f} wall "
               f"(1/{1 / r['extract_over_floor_cpu']:,.0f} CPU)")
    out.append(f"peak memory of one extract() over the corpus: {r['peak_bytes'] / MB:.1f} MB "
               f"(tracemalloc), {r['peak_bytes'] / r['bytes']:.1f}x the input's UTF-8 size")
    out.append(f"growth {r['small_bytes'] / MB:.2f} MB -> {mb:.2f} MB (x{r['size_ratio']:.2f} "
               f"chars): time x{r['time_ratio_cpu']:.2f} CPU (x{r['time_ratio_wall']:.2f} wall); "
               f"linearity {r['linearity_cpu']:.2f} CPU, {r['linearity_wall']:.2f} wall "
               "(1.00 = linear)")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--size-mb", type=float, help="corpus size (default 5 MiB, quick 60 KB)")
    args = ap.parse_args()
    n = int(args.size_mb * MB) if args.size_mb else None
    print(report(run(args.quick, n_bytes=n)))


if __name__ == "__main__":
    main()
