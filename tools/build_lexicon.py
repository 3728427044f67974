"""Regenerate src/krnum/_lexicon/_cldr_ko.py from babel's CLDR data.

    python tools/build_lexicon.py            # rewrite the module
    python tools/build_lexicon.py --check    # exit 1 if the checked-in module is stale

Deterministic: the set of currencies is "legal tender somewhere on PIN_DATE", so the
output depends only on the babel (CLDR) version, never on the clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import defaultdict
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies

PIN_DATE = dt.date(2026, 1, 1)
TARGET = Path(__file__).resolve().parent.parent / "src" / "krnum" / "_lexicon" / "_cldr_ko.py"
_SIGN = re.compile(r"[$\u00a2-\u00a5\u20a0-\u20cf]")


def current_codes() -> set[str]:
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(
            get_territory_currencies(territory, start_date=PIN_DATE, end_date=PIN_DATE, tender=True)
        )
    return codes


def retired_codes() -> set[str]:
    """Codes of currencies that were legal tender somewhere once and are no longer (EEK, DEM):
    old figures in disclosures and histories still carry them."""
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, start_date=dt.date(1800, 1, 1),
                                              end_date=PIN_DATE, tender=True))
    return codes - current_codes()


def territories_of(code: str) -> list[str]:
    return sorted(
        t
        for t in get_global("territory_currencies")
        if code
        in get_territory_currencies(t, start_date=PIN_DATE, end_date=PIN_DATE, tender=True)
    )


def _variants(prefix: str, word: str) -> set[str]:
    """Spaced, unspaced, and with/without the 화 ("currency") suffix."""
    words = {word, word[:-1]} if word.endswith("화") and len(word) > 1 else {word, word + "화"}
    out = set()
    for w in words:
        out.add(w if not prefix else f"{prefix} {w}")
        out.add(w if not prefix else f"{prefix}{w}")
    return out


def build() -> tuple[list[tuple[str, str, str]], dict[str, list[str]], list[tuple[str, str, str]]]:
    ko = Locale("ko")
    codes = current_codes()
    surfaces: dict[str, set[str]] = defaultdict(set)
    why: dict[tuple[str, str], str] = {}

    def add(surface: str, code: str, provenance: str) -> None:
        surfaces[surface].add(code)
        why.setdefault((surface, code), provenance)

    for code in sorted(codes):
        name = ko.currencies.get(code)
        if not name or "(" in name or any(ch.isdigit() for ch in name):
            continue
        *head, last = name.split()
        for s in _variants(" ".join(head), last):
            add(s, code, "name")
        for s in _variants("", last):
            add(s, code, "bare")
        for territory in territories_of(code):
            tname = ko.territories.get(territory, "")
            tname = re.sub(r"\(.*?\)", "", tname).strip()
            if tname and " " not in tname:
                for s in _variants(tname, last):
                    add(s, code, f"territory {territory}")

    names = sorted(
        (s, next(iter(cs)), why[(s, next(iter(cs)))]) for s, cs in surfaces.items() if len(cs) == 1
    )
    ambiguous = {s: sorted(cs) for s, cs in sorted(surfaces.items()) if len(cs) > 1}

    symbols: dict[str, set[str]] = defaultdict(set)
    for loc in ("ko", "en"):
        table = Locale(loc).currency_symbols
        for code in sorted(codes):
            sym = table.get(code)
            # letters-only, dotted or spaced symbols ("PHP", "Cg.", "F CFA") are not signs
            if sym and _SIGN.search(sym) and not re.search(r"[.\s\u202f]", sym):
                symbols[sym].add(code)
    sym_rows = sorted((s, c, "symbol") for s, cs in symbols.items() for c in cs)
    return names, ambiguous, sym_rows


def retired_names(current: set[str]) -> list[tuple[str, str, str]]:
    """Names of retired currencies (독일 마르크, 페세타) where no current currency has the name:
    the country's form always, the bare word only from three syllables (리라, 라트 are other
    words too)."""
    ko = Locale("ko")
    surfaces: dict[str, set[str]] = defaultdict(set)
    for code in sorted(retired_codes()):
        name = ko.currencies.get(code)
        if not name or "(" in name or any(ch.isdigit() for ch in name):
            continue
        *head, last = name.split()
        for s in _variants(" ".join(head), last):
            surfaces[s].add(code)
        if len(last.removesuffix("화")) >= 3:
            for s in _variants("", last):
                surfaces[s].add(code)
    return sorted((s, next(iter(cs)), "retired") for s, cs in surfaces.items()
                  if len(cs) == 1 and s not in current)


def render() -> str:
    names, ambiguous, sym_rows = build()
    taken = {s for s, _, _ in names} | set(ambiguous)
    codes = sorted(current_codes())
    lines = [
        "# GENERATED by tools/build_lexicon.py — do not edit; run `python tools/build_lexicon.py`.",
        (f"# babel {babel.__version__}, CLDR {babel.core.get_cldr_version()}, "
         f"currencies in tender on {PIN_DATE.isoformat()}."),
        '"""Korean currency names and symbols from CLDR (data only)."""',
        "",
        f"BABEL_VERSION = {babel.__version__!r}",
        f"CLDR_VERSION = {babel.core.get_cldr_version()!r}",
        "",
        "# (surface, ISO code, provenance): surfaces that name exactly one current currency",
        "NAMES: tuple[tuple[str, str, str], ...] = (",
        *(f"    ({s!r}, {c!r}, {p!r})," for s, c, p in names),
        ")",
        "",
        "# surface -> every current currency CLDR lets it name; POLICY must decide each",
        "AMBIGUOUS: dict[str, tuple[str, ...]] = {",
        *(f"    {s!r}: {tuple(cs)!r}," for s, cs in ambiguous.items()),
        "}",
        "",
        "# (symbol, ISO code, provenance) from the ko and en locales; a symbol may repeat",
        "SYMBOLS: tuple[tuple[str, str, str], ...] = (",
        *(f"    ({s!r}, {c!r}, {p!r})," for s, c, p in sym_rows),
        ")",
        "",
        "ISO_CODES: frozenset[str] = frozenset({",
        *(f"    {c!r}," for c in codes),
        "})",
        "",
        "# (surface, ISO code, provenance): names of retired currencies no current one takes",
        "RETIRED_NAMES: tuple[tuple[str, str, str], ...] = (",
        *(f"    ({s!r}, {c!r}, {p!r})," for s, c, p in retired_names(taken)),
        ")",
        "",
        "# codes of currencies once legal tender and no longer issued: still currencies",
        "RETIRED_ISO_CODES: frozenset[str] = frozenset({",
        *(f"    {c!r}," for c in sorted(retired_codes())),
        "})",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the module is stale")
    args = ap.parse_args(argv)
    text = render()
    old = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if old != text:
            print(f"{TARGET} is stale: run `python tools/build_lexicon.py`", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}: {text.count(chr(10))} lines (changed: {old != text})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
