"""Score krnum on Microsoft Recognizers-Text's Korean specs, read from a checkout at run time.

    python benchmarks/peer_specs.py PATH_TO_RECOGNIZERS_TEXT [--failures FILE] [--json]

Nothing of the peer's text is kept in this repository: the script reads
``Specs/Number/Korean/*.json`` and ``Specs/NumberWithUnit/Korean/*.json`` where they lie.
Per model (Number, NumberRange, Percentage, Currency) it reports, over the expected results
in scope, how many ``krnum.parse`` reads to the same value (the bounds for a range, the ISO
currency where the peer gives one or SPEC implies one) and how many ``krnum.extract`` finds
in the input. Cases out of scope are counted by category, each with its reason (``SCOPE``);
inputs the peer expects nothing from are scored apart: extract should report nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import krnum

MODELS = {
    "Number": "Number/Korean/NumberModel.json",
    "NumberRange": "Number/Korean/NumberRangeModel.json",
    "Percentage": "Number/Korean/PercentModel.json",
    "Currency": "NumberWithUnit/Korean/CurrencyModel.json",
}

# category -> (applies to, reason); "extract" means parse is still scored
SCOPE: dict[str, tuple[str, str]] = {
    "ordinal": ("both", "ordinals and ranks (N번째, N등, N위) are positions, not amounts (SPEC)"),
    "age": ("both", "ages (N살, N세) are never amounts (SPEC)"),
    "date-code": ("both", ("pieces of dates, phone numbers, IP addresses and digit lists are "
                          "never amounts (SPEC)")),
    "year-duration": ("both", "years and durations (N년, N일이 지났다) are not amounts (SPEC)"),
    "power": ("both", ("scientific and power notation (1e10, 2.5^-1) is not how Korean "
                      "financial text writes figures")),
    "slash-fraction": ("both", ("slash fractions and mixed numbers (3/4, 2 1/4): SPEC reads "
                               "fractions written N분의 M")),
    "inexact-fraction": ("both", ("a fraction with no exact decimal is a ParseError and is "
                                 "not reported (SPEC), never the peer's rounded figure")),
    "joined-numbers": ("both", ("two numerals joined by 과/와 (mixed numbers, 'X and Y'): a "
                               "math-class reading SPEC has no row for")),
    "quantity-word": ("both", ("words for quantities (반, 절반, 다스, 셋 중 하나) are words, not "
                              "numerals in SPEC's grammar")),
    "math-sign-word": ("both", ("음수 ('negative number') as a sign is math-class wording; "
                               "SPEC's signs are -, +, 마이너스, △")),
    "space-grouping": ("both", ("a space or thin space as thousands separator (1 234 567) is "
                               "not Korean usage; Korean spacing separates myriad groups")),
    "invalid-by-input": ("both", "the input itself says the figure is not a valid number"),
    "equality": ("both", ("a stated equality (X와 같다, X이다, X에 해당하는, 정확히 X) is a "
                         "plain figure, not an interval; the peer's span takes the verb")),
    "arrival-verb": ("both", ("SPEC: verbs of arrival (달하다, 육박) make no bound; the peer "
                             "reads one")),
    "peer-segmentation": ("both", ("the peer's span cuts a word or ends on a bare digit "
                                  "(같 of 같거나, 'N 달러와 1'), not an expression")),
    "peer-unresolved": ("both", ("the peer marks its value unreliable (IgnoreResolution); "
                                "some are wrong arithmetic")),
    "no-figure": ("both", "a currency name with no figure is not an amount"),
    "foreign-subunit": ("both", ("Chinese sub-units (마오, 펀) spelled in Korean are not "
                                "financial Korean")),
    "bare-figure": ("extract", ("a figure with no unit, counter or currency (bare digits or "
                                "hangul numerals, with or without a bound word): extract reports "
                                "only figures that say what they count, so 이, 삼, 사 inside words "
                                "are never read; parse still reads it")),
}

# the peer's unit names -> (ISO code or None, factor to the main unit)
CURRENCY = {
    "Dollar": ("USD", 1), "United States dollar": ("USD", 1), "Canadian dollar": ("CAD", 1),
    "Hong Kong dollar": ("HKD", 1), "Australian dollar": ("AUD", 1),
    "Japanese yen": ("JPY", 1), "Chinese yuan": ("CNY", 1), "Euro": ("EUR", 1),
    "Swiss franc": ("CHF", 1), "Pound": ("GBP", 1), "Pence": ("GBP", Decimal("0.01")),
    "Penny": ("GBP", Decimal("0.01")), "Cent": ("USD", Decimal("0.01")),
    "Finnish markka": ("FIM", 1), "Peseta": ("ESP", 1), "Netherlands guilder": ("NLG", 1),
    "Costa Rican colón": ("CRC", 1), "Georgian lari": ("GEL", 1), "Lao kip": ("LAK", 1),
    # SPEC: a bare word that names several currencies gets no guessed currency
    "Franc": (None, 1), "Sri Lankan rupee": (None, 1),
}

UNIT = re.compile(r"\d\s*(개|명|마리|점|자루|척|대|건|곳|주|배|%|퍼센트|프로|원|달러|엔|위안|유로|파운드)"
                  r"|[일이삼사오육칠팔구십백천만억조]\s*(개|명|마리|점|자루|척|대|%|퍼센트|프로)"
                  r"|^(개|명|마리|점|자루|척|대|%|퍼센트|프로|[세네한두]\s*개)")
DATE_CODE_INPUT = re.compile(r"\d+[/-]\d+[/-]\d+|\d+\.\d+\.\d+\.\d+|\+\d-\d|\d+,\s\d+|\d{3} \d{4}")
INTERVAL = re.compile(r"([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])")
RANGE_MARKS = re.compile(r"~|–|\d\s*-\s*\d|에서|부터|사이")


@dataclass
class Expected:
    model: str
    input: str
    text: str
    start: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool
    high_inclusive: bool
    currency: str | None
    check_currency: bool
    scope: str | None  # out-of-scope category, or None


def dec(s: str | None) -> Decimal | None:
    if s is None or s.strip() == "":
        return None
    try:
        return Decimal(s.strip().rstrip("%"))
    except InvalidOperation:
        return None


def inexact(v: Decimal | None) -> bool:
    """The peer rounds repeating fractions to ~15 digits (0.333333333333333)."""
    return v is not None and v.as_tuple().exponent <= -12 and "E" not in str(v)


def classify(model: str, case: dict, res: dict) -> str | None:
    text, inp = res["Text"], case["Input"]
    r = res.get("Resolution") or {}
    value = r.get("value")
    if case.get("IgnoreResolution"):
        return "peer-unresolved"
    if model == "Currency":
        if value is None:
            return "no-figure"
        if "마오" in text or "펀" in text:
            return "foreign-subunit"
        if re.search(r"와\s*\d\s*$", text):
            return "peer-segmentation"
        return None
    if re.search(r"번째|\d\s*등|[십백천]\s*등|위와|위보다|\d위|등\s*보다|등에서", text):
        return "ordinal"
    if re.search(r"살|\d\s*세|[십백천]\s*세|\S\s세", text) or re.search(re.escape(text) + r"\s*살", inp):
        return "age"
    if r.get("subtype") == "power":
        return "power"
    if "/" in text and r.get("subtype") == "fraction" or re.search(r"\d\s+\d/\d|\d/\d", text):
        return "slash-fraction"
    if DATE_CODE_INPUT.search(inp) and model == "Number":
        return "date-code"
    if re.search(re.escape(text) + r"\s*(년|일이)", inp) and model == "Number":
        return "year-duration"
    if "유효하지 않은" in inp:
        return "invalid-by-input"
    if text.startswith("음수"):
        return "math-sign-word"
    if re.fullmatch(r"[+-]?\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?", text):
        return "space-grouping"
    if re.search(r"[반]|다스|중 하나", text) and not re.search(r"[0-9일이삼사오육칠팔구십백천만억조]", text.replace("반", "")):
        return "quantity-word"
    if model == "NumberRange":
        lo, hi = interval_of(value)
        if inexact(lo[0]) or inexact(hi[0]):
            return "inexact-fraction"
        if "달하" in text:
            return "arrival-verb"
        if text.endswith("같") or re.search(r"같\s$", text):
            return "peer-segmentation"
        if re.search(r"(과|와)\s*같다$|이다$|에 해당하는$|^정확히", text):
            return "equality"
        if "반이" in text:
            return "quantity-word"
        return bare(text, inp)
    v = dec(value)
    if inexact(v):
        return "inexact-fraction"
    if re.search(r"\S(과|와)\s?\S", text) and ("분의" in text or model == "Number"):
        return "joined-numbers"
    return bare(text, inp)


def bare(text: str, inp: str) -> str | None:
    """Extract-only scope: nothing in or right after the span says what the figure counts."""
    after = inp[inp.find(text) + len(text):]
    if UNIT.search(text) or UNIT.match(after.lstrip()):
        return None
    return "bare-figure"


def interval_of(value: str | None) -> tuple[tuple[Decimal | None, bool], tuple[Decimal | None, bool]]:
    m = INTERVAL.fullmatch((value or "").strip())
    if not m:
        return (None, False), (None, False)
    lo, hi = dec(m.group(2)), dec(m.group(3))
    return (lo, lo is not None and m.group(1) == "["), (hi, hi is not None and m.group(4) == "]")


def expected_of(model: str, case: dict) -> list[Expected]:
    out = []
    pos = 0
    for res in case["Results"]:
        text = res["Text"]
        start = case["Input"].find(text.strip(), pos)
        pos = max(pos, start + 1)
        r = res.get("Resolution") or {}
        scope = classify(model, case, res)
        value = low = high = None
        lo_inc = hi_inc = False
        currency, check_currency = None, False
        if model == "NumberRange":
            (low, lo_inc), (high, hi_inc) = interval_of(r.get("value"))
        else:
            value = dec(r.get("value"))
            if model == "Currency" and value is not None:
                iso, factor = CURRENCY.get(r.get("unit"), (r.get("isoCurrency"), 1))
                if "달러" in text and "센트" in text:
                    iso, factor = "USD", 1  # 1달러 20센트: the peer gives dollars
                value = value * factor
                currency, check_currency = iso, True
            low = high = value
        out.append(Expected(model, case["Input"], text.strip(), start, value, low, high, lo_inc,
                            hi_inc, currency, check_currency, scope))
    return out


def same(e: Expected, a: krnum.Amount) -> bool:
    if e.check_currency and a.currency != e.currency:
        return False
    if e.model == "Percentage" and a.unit != "%":
        return False
    if e.model != "NumberRange":
        return a.value is not None and a.value == e.value
    if a.low != e.low or a.high != e.high:
        return False
    if RANGE_MARKS.search(e.text):
        return True  # the peer's half-open [a, b) for X~Y is its convention; SPEC includes both
    return (e.low is None or a.low_inclusive == e.low_inclusive) and (
        e.high is None or a.high_inclusive == e.high_inclusive)


def parse_ok(e: Expected) -> tuple[bool, str]:
    try:
        a = krnum.parse(e.text)
    except krnum.ParseError as err:
        return False, f"ParseError: {err}"
    except Exception as err:  # noqa: BLE001 - a crash is a failure to report, not to stop on
        return False, f"{type(err).__name__}: {err}"
    if same(e, a):
        return True, ""
    return False, (f"read value={a.value} low={a.low} high={a.high} "
                   f"[{a.low_inclusive},{a.high_inclusive}] currency={a.currency} unit={a.unit}")


def extract_ok(e: Expected, amounts: list[krnum.Amount]) -> tuple[bool, str]:
    end = e.start + len(e.text)
    near = [a for a in amounts if a.start < end and a.end > e.start]
    if any(same(e, a) for a in near):
        return True, ""
    return False, "extracted " + (", ".join(f"{a.text!r}={a.value}/{a.low}..{a.high}/{a.currency}"
                                            for a in near) or "nothing there")


def phenomenon(e: Expected) -> str:
    """A rough label for grouping failures, so the lead sees phenomena, not cases."""
    t = e.text
    rules = [
        (r"보다|크거나|작거나|같거나|많거나|적거나|넘는|넘었|초과하는|밑|아래", "bound written with a verb or 보다"),
        (r"[<>≤≥]", "symbol bound"),
        (r"또는|혹은|이거나", "'X or more/less' (또는 그 이상)"),
        (r"초과|미만|이상|이하|최소|최대", "bound words (이상/이하/초과/미만/최소/최대)"),
        (r"~|–|-|에서|부터|사이", "range written with marks or words"),
        (r"프로|퍼센티지", "colloquial percent words (프로, 퍼센티지)"),
        (r"센트|펜스|페니", "currency sub-unit"),
        (r"\d\s+[십백천만억조]|[십백천만억조]\s+\d|[만억조]\s+\S", "spaced groups or places"),
        (r"점", "점 as decimal point"),
        (r"분의", "fraction N분의 M"),
        (r"^[가-힣\s]+$", "hangul numerals"),
        (r"\d[백천]\d", "digits with places (3백21)"),
    ]
    for pat, label in rules:
        if re.search(pat, t):
            return label
    if e.model == "Currency":
        return "currency name"
    return "other"


def run(root: Path) -> dict:
    report: dict = {}
    failures: dict[str, list[str]] = defaultdict(list)
    for model, rel in MODELS.items():
        cases = json.loads((root / "Specs" / rel).read_text(encoding="utf-8-sig"))
        scope_counts: Counter[str] = Counter()
        n = parsed = found = extract_scope = negatives = clean = 0
        for case in cases:
            amounts = krnum.extract(case["Input"])
            if not case["Results"]:
                negatives += 1
                clean += not amounts
                if amounts:
                    failures[f"{model}: reported where the peer expects nothing"].append(
                        f"{case['Input']!r} -> {[a.text for a in amounts]}")
                continue
            for e in expected_of(model, case):
                where = SCOPE[e.scope][0] if e.scope else None
                if where == "both":
                    scope_counts[e.scope] += 1
                    continue
                n += 1
                ok, why = parse_ok(e)
                parsed += ok
                if not ok:
                    failures[f"{model} parse: {phenomenon(e)}"].append(f"{e.text!r}: {why}")
                if where == "extract":
                    scope_counts[e.scope] += 1
                    continue
                extract_scope += 1
                ok, why = extract_ok(e, amounts)
                found += ok
                if not ok:
                    failures[f"{model} extract: {phenomenon(e)}"].append(
                        f"{e.text!r} in {e.input!r}: {why}")
        report[model] = {"cases": len(cases), "in_scope_parse": n, "parse_right": parsed,
                         "in_scope_extract": extract_scope, "extract_found": found,
                         "out_of_scope": dict(scope_counts.most_common()),
                         "negatives": negatives, "negatives_clean": clean}
    report["_failures"] = failures
    return report


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkout", type=Path, help="a Recognizers-Text work tree (holds Specs/)")
    ap.add_argument("--failures", type=Path, help="write in-scope failures, grouped, to FILE")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    report = run(args.checkout)
    failures = report.pop("_failures")
    if args.failures:
        with args.failures.open("w", encoding="utf-8") as f:
            for group in sorted(failures, key=lambda g: -len(failures[g])):
                f.write(f"## {group} ({len(failures[group])})\n")
                f.writelines(f"  {line}\n" for line in failures[group])
                f.write("\n")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print("| model | expected results in scope | parse right | extract found | "
          "negatives with nothing reported |")
    print("|---|---|---|---|---|")
    for model, r in report.items():
        print(f"| {model} | {r['in_scope_parse']} | {pct(r['parse_right'], r['in_scope_parse'])} | "
              f"{pct(r['extract_found'], r['in_scope_extract'])} | "
              f"{pct(r['negatives_clean'], r['negatives'])} |")
    print()
    total: Counter[str] = Counter()
    for r in report.values():
        total.update(r["out_of_scope"])
    print("| out of scope | count | applies to | reason |")
    print("|---|---|---|---|")
    for cat, k in total.most_common():
        where, why = SCOPE[cat]
        print(f"| {cat} | {k} | {'extract only' if where == 'extract' else 'parse and extract'} | {why} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
