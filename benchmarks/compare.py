"""krnum side by side with the PyPI packages a user would otherwise pick, on the same inputs.

    pip install -e ".[compare]"
    python benchmarks/compare.py              # full sets; prints the tables of docs/comparison.md
    python benchmarks/compare.py --quick      # a few dozen inputs per set
    python benchmarks/compare.py --peers krnum,price-parser --json out.json

Three tasks, each timed and scored on identical inputs for every tool that can attempt it:

read    one expression -> its figure. Sets: the expressions each peer's own documentation says it
        handles (its *claimed* set), and krnum's mixed set of 1,200 expressions (every SPEC row).
        Right = the exact value (for an interval-only expression such as 3~4조원 or 수십억: no
        value and the exact bounds), and the ISO currency too for any tool that reports currencies.
        A tool without a reader, or one that raises, returns nothing or the wrong number, is wrong
        on that input: nothing is skipped.
write   integer -> Korean numeral words (the direction most "Korean number" packages offer).
        Right = the words denote the integer, as judged by the small reference reader in this file
        (independent of krnum, so krnum's own writer gets no home advantage).
locate  a document of the generated corpus -> its figures. Right = a gold amount of the corpus
        matched by value (bounds for intervals), and currency for tools that report one; extra
        = reported figures that match none.

Timing: CPU time of this process (time.process_time, all threads) around whole passes over a
set, median of several, so that other work on a shared machine does not skew one tool against
another; set-up (imports, kiwipiepy's model load) is not timed. Every call goes through the same
thin wrapper (catch, convert to a common answer). A peer that fails to install or import is
listed as such.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEED, Case, Want, corpus, mixed_set, point

import krnum
from krnum._parse import forget, parse_uncached


class Answer(NamedTuple):
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None


Reader = Callable[[str], "Answer | None"]
Writer = Callable[[int], str]
Locator = Callable[[str], "list[Answer]"]


@dataclass
class Tool:
    name: str  # the PyPI distribution
    module: str
    claims: str  # what its documentation says it does
    gives_currency: bool = False
    read: Reader | None = None
    write: Writer | None = None
    locate: Locator | None = None
    claimed: Callable[[], list[Case]] | None = None
    forget: Callable[[], None] = lambda: None  # run before each timed pass: no memory carried
    status: str = "ok"
    version: str = ""
    setup_s: float = 0.0
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# The claimed sets: what each peer says it handles, written here with the answers by construction

_SINO = "영일이삼사오육칠팔구"


def _ints(rng: random.Random, n: int, max_digits: int) -> list[int]:
    out = []
    for _ in range(n):
        d = rng.randint(1, max_digits)
        v = rng.randint(10 ** (d - 1), 10**d - 1)
        keep = rng.choice((1, 2, 3, 4, d))  # reported figures are mostly round
        s = str(v)
        out.append(int(s[:keep] + "0" * (len(s) - keep)))
    return out


def hangul_set(n: int = 300, seed: int = SEED) -> list[Case]:
    """Sino-Korean numerals in Hangul (일억이천만, 삼천오백, 일억 이천만)."""
    rng = random.Random(seed + 1)
    out = []
    for v in _ints(rng, n, 13):
        text = krnum.format_korean(v, style="hangul")
        if rng.random() < 0.3:
            text = re.sub(r"([만억조])(?=.)", r"\1 ", text)
        out.append(Case("hangul numerals", text, point(Decimal(v))))
    return out


def hangul_won_set(n: int = 300, seed: int = SEED) -> list[Case]:
    """A Hangul numeral with its unit word attached: 삼천오백원, 일억이천만원."""
    rng = random.Random(seed + 2)
    return [Case("hangul + 원", krnum.format_korean(v, style="hangul") + "원", point(Decimal(v), "KRW"))
            for v in _ints(rng, n, 10)]


def digits_unit_set(n: int = 300, seed: int = SEED) -> list[Case]:
    """Digit figures with a unit word or sign after them: 1,658원, 3.5%, 120주, 2.5배."""
    rng = random.Random(seed + 3)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.4:
            v = rng.randint(100, 10**9)
            out.append(Case("digits + unit", f"{v:,}원", point(Decimal(v), "KRW")))
        elif r < 0.6:
            v = Decimal(rng.randint(1, 9999)) / 100
            out.append(Case("digits + unit", f"{v}%", point(v, unit="%")))
        elif r < 0.8:
            v = rng.randint(1, 10**6)
            out.append(Case("digits + unit", f"{v:,} 달러", point(Decimal(v), "USD")))
        else:
            v = rng.randint(2, 99999)
            unit = rng.choice(("주", "명", "건"))
            out.append(Case("digits + unit", f"{v:,}{unit}", point(Decimal(v), unit=unit)))
    return out


# the signs and codes price-parser's currency table knows, and 원, the one Korean word in it
_PRICE_FORMS = (("₩{}", "KRW"), ("{}원", "KRW"), ("KRW {}", "KRW"), ("${}", "USD"), ("US${}", "USD"),
                ("USD {}", "USD"), ("€{}", "EUR"), ("EUR {}", "EUR"), ("£{}", "GBP"), ("¥{}", "JPY"),
                ("HK${}", "HKD"))


def price_set(n: int = 300, seed: int = SEED) -> list[Case]:
    """Prices with a currency sign or code, or 원: ₩1,000, $120.50, 12,000원, EUR 500."""
    rng = random.Random(seed + 4)
    out = []
    for _ in range(n):
        form, cur = rng.choice(_PRICE_FORMS)
        v = Decimal(rng.randint(1, 10**7))
        if cur != "KRW" and cur != "JPY" and rng.random() < 0.3:
            v = Decimal(rng.randint(100, 10**6)) / 100
        s = f"{v:,}" if v == v.to_integral_value() else f"{v:,.2f}"
        out.append(Case("prices", form.format(s), point(v, cur)))
    return out


def write_set(n: int = 600, seed: int = SEED) -> list[int]:
    return _ints(random.Random(seed + 5), n, 16)


# --------------------------------------------------------------------------------------------
# The reference reader that judges writers (independent of krnum)

_REF_DIGITS = {c: i for i, c in enumerate(_SINO)} | {"공": 0}
_REF_PLACES = {"십": 1, "백": 2, "천": 3}
_REF_MYRIADS = {"만": 4, "억": 8, "조": 12, "경": 16}


def reference_value(s: str) -> int | None:
    """Sino-Korean numeral words, digits allowed inside groups (1만0000); None if not one."""
    s = s.replace(" ", "").replace(",", "")
    total = group = 0
    digit: int | None = None
    i = 0
    while i < len(s):
        c = s[i]
        if c.isascii() and c.isdigit():
            j = i
            while j < len(s) and s[j].isascii() and s[j].isdigit():
                j += 1
            if digit is not None:
                return None
            digit, i = int(s[i:j]), j
            continue
        if c in _REF_DIGITS:
            if digit is not None:
                return None
            digit = _REF_DIGITS[c]
        elif c in _REF_PLACES:
            group += (1 if digit is None else digit) * 10 ** _REF_PLACES[c]
            digit = None
        elif c in _REF_MYRIADS:
            g = 1 if digit is None and not group else group + (digit or 0)  # bare 만 = 1만
            total += g * 10 ** _REF_MYRIADS[c]
            group, digit = 0, None
        else:
            return None
        i += 1
    return total + group + (digit or 0) if s else None


# --------------------------------------------------------------------------------------------
# The tools

_CUR = {"원": "KRW", "₩": "KRW", "￦": "KRW", "$": "USD", "US$": "USD", "달러": "USD", "€": "EUR",
        "유로": "EUR", "£": "GBP", "¥": "JPY", "엔": "JPY", "HK$": "HKD"}


def _iso(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = raw.strip()
    if re.fullmatch(r"[A-Z]{3}", raw):
        return raw
    return _CUR.get(raw, raw)  # an unknown raw string stays as is, and so never matches a code


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _krnum() -> Tool:
    def read(text: str) -> Answer | None:
        a = parse_uncached(text)  # peers cache nothing; krnum forgets before each pass
        return Answer(a.value, a.low, a.high, a.currency)

    def locate(text: str) -> list[Answer]:
        return [Answer(a.value, a.low, a.high, a.currency) for a in krnum.extract(text)]

    return Tool("krnum", "krnum", "parse / extract / format_korean", gives_currency=True, read=read,
                write=lambda n: krnum.format_korean(n, style="hangul"), locate=locate,
                claimed=lambda: mixed_set(), forget=forget)


def _korean_number(mod: Any) -> Tool:
    return Tool("korean-number", "korean_number",
                "kor2num: Hangul numerals -> int; num2kor/num2finkor: int -> Hangul",
                read=lambda t: Answer(Decimal(mod.kor2num(t))), write=mod.num2kor, claimed=hangul_set)


def _kornum(mod: Any) -> Tool:
    def read(text: str) -> Answer | None:
        out = mod.kor2num(text)  # rewrites the numerals of a text in digits: 삼천원 -> 3000원
        m = re.fullmatch(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\D*", out)
        return Answer(Decimal(m.group(1))) if m else None

    return Tool("kornum", "korNum", "kor2num: rewrites Hangul numerals before a unit word in digits",
                read=read, claimed=hangul_won_set)


def _kr_number(mod: Any) -> Tool:
    return Tool("kr-number", "knum", "convert(int, suffix): int -> Hangul numeral words",
                write=lambda n: mod.convert(n, ""))


def _py_kr_number(mod: Any) -> Tool:
    return Tool("py-kr-number", "pkn", "convert(int, unit): int -> digits with 만/억/조 (1만0000)",
                write=lambda n: mod.convert(n, ""))


def _hangeul(mod: Any) -> Tool:
    return Tool("hangeul", "hangeul", "num2han(int): int -> Hangul numeral words (number reading)",
                write=mod.num2han)


def _kiwipiepy(mod: Any) -> Tool:
    t = time.perf_counter()
    kiwi = mod.Kiwi()
    setup = time.perf_counter() - t

    def numbers(text: str) -> list[Answer]:
        return [Answer(v) for tok in kiwi.tokenize(text) if tok.tag == "SN"
                if (v := _dec(tok.form)) is not None]

    def read(text: str) -> Answer | None:
        found = numbers(text)
        return found[0] if found else None

    tool = Tool("kiwipiepy", "kiwipiepy", "Korean morphological analyser: tags digit runs SN, "
                "numeral words NR (no value)", read=read, locate=numbers, claimed=digits_unit_set)
    tool.setup_s = setup
    tool.notes.append(f"model load {setup:.2f} s, not timed; value = the first SN token's digits")
    return tool


def _price_parser(mod: Any) -> Tool:
    def read(text: str) -> Answer | None:
        p = mod.Price.fromstring(text)
        return Answer(p.amount, currency=_iso(p.currency)) if p.amount is not None else None

    def locate(text: str) -> list[Answer]:
        a = read(text)
        return [a] if a is not None else []

    return Tool("price-parser", "price_parser", "Price.fromstring: one price and its currency "
                "sign from a string", gives_currency=True, read=read, locate=locate,
                claimed=price_set)


PEERS: tuple[tuple[str, str, Callable[[Any], Tool] | None], ...] = (
    ("korean-number", "korean_number", _korean_number),
    ("kr-number", "knum", _kr_number),
    ("kornum", "korNum", _kornum),
    ("korcount", "korcount", None),
    ("py-kr-number", "pkn", _py_kr_number),
    ("hangeul", "hangeul", _hangeul),
    ("kiwipiepy", "kiwipiepy", _kiwipiepy),
    ("price-parser", "price_parser", _price_parser),
)


def load_tools(names: set[str] | None = None) -> list[Tool]:
    """krnum and every peer; a peer that is missing or fails to import comes back with a status."""
    tools = [_krnum()]
    tools[0].version = krnum.__version__
    for dist, module, make in PEERS:
        if names is not None and dist not in names:
            continue
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            tools.append(Tool(dist, module, "", status="not installed"))
            continue
        try:
            mod = importlib.import_module(module)
            if make is None:
                raise ImportError(f"no adapter for {module}")
            tool = make(mod)
        except Exception as e:  # noqa: BLE001 - report, do not crash the comparison
            tools.append(Tool(dist, module, "", status=f"installed {version}, import fails: "
                              f"{type(e).__name__}: {e}", version=version))
            continue
        tool.version = version
        tools.append(tool)
    if names is not None and "krnum" not in names:
        tools = tools[1:]
    return tools


# --------------------------------------------------------------------------------------------
# Scoring and timing


def right(want: Want, ans: Answer | None, gives_currency: bool) -> bool:
    if ans is None:
        return False
    if want.value is not None:
        if ans.value is None or ans.value != want.value:
            return False
    elif ans.value is not None or ans.low != want.low or ans.high != want.high:
        return False
    return not gives_currency or ans.currency == want.currency


def _safe(fn: Callable[[Any], Any], x: Any) -> Any:
    try:
        return fn(x)
    except (Exception, SystemExit):  # noqa: BLE001 - a peer that raises is wrong, not fatal
        return None


def _timed(fn: Callable[[], Any], repeats: int) -> float:
    """Median CPU seconds of this process (all its threads) over ``repeats`` passes."""
    times = []
    for _ in range(repeats):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return max(statistics.median(times), 1e-9)


def score_read(tool: Tool, cases: list[Case], repeats: int) -> dict[str, Any]:
    if tool.read is None:
        return {"n": len(cases), "right": 0, "per_s": None, "note": "no reader"}
    read = tool.read
    answers = [_safe(read, c.text) for c in cases]
    ok = sum(right(c.want, a, tool.gives_currency) for c, a in zip(cases, answers))
    texts = [c.text for c in cases]
    secs = _timed(lambda: (tool.forget(), [_safe(read, t) for t in texts]), repeats)
    return {"n": len(cases), "right": ok, "per_s": len(cases) / secs}


def score_write(tool: Tool, ints: list[int], repeats: int) -> dict[str, Any]:
    if tool.write is None:
        return {"n": len(ints), "right": 0, "per_s": None, "note": "no writer"}
    write = tool.write
    outs = [_safe(write, n) for n in ints]
    ok = sum(isinstance(o, str) and reference_value(o) == n for n, o in zip(ints, outs))
    secs = _timed(lambda: [_safe(write, n) for n in ints], repeats)
    return {"n": len(ints), "right": ok, "per_s": len(ints) / secs}


def _key(x: Want | Answer, currency: bool) -> tuple:
    cur = x.currency if currency else None
    return (x.value, None, None, cur) if x.value is not None else (None, x.low, x.high, cur)


def score_locate(tool: Tool, docs: list[tuple[str, list[Want]]], repeats: int) -> dict[str, Any]:
    n_gold = sum(len(g) for _, g in docs)
    chars = sum(len(t) for t, _ in docs)
    if tool.locate is None:
        return {"n": n_gold, "right": 0, "extra": 0, "chars_per_s": None, "note": "no locator"}
    locate = tool.locate
    hit = extra = 0
    for text, gold in docs:
        found = Counter(_key(a, tool.gives_currency) for a in (_safe(locate, text) or []))
        want = Counter(_key(w, tool.gives_currency) for w in gold)
        matched = sum((found & want).values())
        hit += matched
        extra += sum(found.values()) - matched
    texts = [t for t, _ in docs]
    secs = _timed(lambda: [_safe(locate, t) for t in texts], repeats)
    return {"n": n_gold, "right": hit, "extra": extra, "chars_per_s": chars / secs}


def documents(n_bytes: int, seed: int = SEED) -> list[tuple[str, list[Want]]]:
    c = corpus(n_bytes, seed)
    out, start, gi = [], 0, 0
    for end in c.doc_ends:
        gold = []
        while gi < len(c.gold) and c.gold[gi].end <= end:
            gold.append(c.gold[gi].want)
            gi += 1
        out.append((c.text[start:end], gold))
        start = end
    return out


def compare(quick: bool = False, names: set[str] | None = None, seed: int = SEED) -> dict[str, Any]:
    n = 40 if quick else 300
    repeats = 1 if quick else 5
    tools = load_tools(names)
    mixed = mixed_set(seed=seed)
    if quick:
        mixed = mixed[:: len(mixed) // 120]
    claimed = {"hangul numerals": hangul_set(n, seed), "hangul + 원": hangul_won_set(n, seed),
               "digits + unit": digits_unit_set(n, seed), "prices": price_set(n, seed)}
    by_tool = {"korean-number": "hangul numerals", "kornum": "hangul + 원",
               "kiwipiepy": "digits + unit", "price-parser": "prices"}
    ints = write_set(60 if quick else 600, seed)
    docs = documents(30_000 if quick else 400_000, seed)
    krnum_tool = next((t for t in tools if t.name == "krnum"), None)
    rows = []
    for tool in tools:
        row: dict[str, Any] = {"tool": tool.name, "version": tool.version, "status": tool.status,
                               "claims": tool.claims, "notes": tool.notes}
        if tool.status == "ok":
            own = by_tool.get(tool.name)
            if own:
                row["read_claimed"] = {"set": own, **score_read(tool, claimed[own], repeats)}
                if krnum_tool is not None and tool is not krnum_tool:
                    row["krnum_on_claimed"] = score_read(krnum_tool, claimed[own], repeats)
            row["read_mixed"] = score_read(tool, mixed, repeats)
            row["write"] = score_write(tool, ints, repeats)
            row["locate"] = score_locate(tool, docs, repeats)
        rows.append(row)
    return {"mode": "quick" if quick else "full", "mixed_n": len(mixed), "write_n": len(ints),
            "docs": len(docs), "doc_chars": sum(len(t) for t, _ in docs),
            "gold": sum(len(g) for _, g in docs), "rows": rows}


# --------------------------------------------------------------------------------------------
# Report


def _rate(x: float | None, unit: str = "/s") -> str:
    return "–" if x is None else f"{x:,.0f}{unit}"


def _frac(d: dict[str, Any]) -> str:
    return f"{d['right']}/{d['n']}" + (f" ({d['note']})" if d.get("note") else "")


def report(r: dict[str, Any]) -> str:
    rows = r["rows"]
    ok = [x for x in rows if x["status"] == "ok"]
    out = ["### Read: one expression -> its figure (right / inputs, calls per second)", "",
           ("| tool | version | its claimed set | right | calls/s | krnum right | krnum calls/s "
           f"| krnum mixed set ({r['mixed_n']}) right | calls/s |"),
           "|---|---|---|---|---|---|---|---|---|"]
    for x in ok:
        rc, kc = x.get("read_claimed"), x.get("krnum_on_claimed")
        claimed = (f"{rc['set']} | {_frac(rc)} | {_rate(rc['per_s'])} | "
                   + (f"{_frac(kc)} | {_rate(kc['per_s'])}" if kc else "– | –")) if rc else \
            "(none: writes only) | – | – | – | –"
        if x["tool"] == "krnum":
            claimed = "(the mixed set) | – | – | – | –"
        rm = x["read_mixed"]
        out.append(f"| {x['tool']} | {x['version']} | {claimed} | {_frac(rm)} | {_rate(rm['per_s'])} |")
    out += ["", (f"### Write: integer -> Korean numeral words ({r['write_n']} integers up to 10^16, "
            "judged by an independent reference reader)"), "",
            "| tool | version | right | calls/s |", "|---|---|---|---|"]
    for x in ok:
        w = x["write"]
        out.append(f"| {x['tool']} | {x['version']} | {_frac(w)} | {_rate(w['per_s'])} |")
    out += ["", (f"### Locate: figures in running text ({r['docs']} documents, {r['doc_chars']:,} "
            f"chars, {r['gold']:,} gold amounts)"), "",
            "| tool | version | gold amounts found right | extra (match no gold) | chars/s |",
            "|---|---|---|---|---|"]
    for x in ok:
        lo = x["locate"]
        out.append(f"| {x['tool']} | {x['version']} | {_frac(lo)} | "
                   f"{lo.get('extra', '–') if lo.get('chars_per_s') else '–'} | "
                   f"{_rate(lo['chars_per_s'])} |")
    bad = [x for x in rows if x["status"] != "ok"]
    if bad:
        out += ["", "Not compared: " + "; ".join(f"{x['tool']} ({x['status']})" for x in bad) + "."]
    notes = [f"{x['tool']}: {n}" for x in ok for n in x["notes"]]
    if notes:
        out += ["", "Notes: " + "; ".join(notes) + "."]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--peers", help="comma-separated names (default: krnum and every peer)")
    ap.add_argument("--json", metavar="PATH")
    args = ap.parse_args()
    names = set(args.peers.split(",")) if args.peers else None
    r = compare(args.quick, names)
    print(report(r))
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
