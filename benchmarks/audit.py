"""Audit krnum.extract() on unlabeled real text: list what looks like a miss or a fragment.

    python benchmarks/audit.py FILE... [--show N] [--json]

There is no gold here, so nothing is scored. Each finding is a place a reader should look at:

  adjacent:*    a digit, numeral word, scale word or currency word within two characters of an
                amount but outside it (``4억`` then `` 7천``; ``백만원`` right after ``56,700``);
                ``adjacent:amount`` is two amounts with only ``~``/``-`` between them, or a space
                after a bare figure (``4억`` + ``7천만원``): usually one figure read as two; two
                amounts that each carry their own unit (``70회 400억원``) are only counted, as
                ``ok:pair``
  uncovered     a figure-like run (``\\d[\\d,.]*\\s?(%|원|억|…)``) that no amount touches
  partial       such a run that an amount covers only in part (the worst case: a fragment)
  unit-note     an amount with no digit inside a unit note (``(단위; 천원)``): a header read as money
  word:start    an amount whose first letter continues a word (``천만`` in ``천만다행``)
  word:end      an amount followed by a letter that is not a particle or a suffix (``4경`` of
                ``4경기``), or whose unit letter begins a longer word (``5 배`` of ``5 배터리``),
                or which is spelled only with letters and runs on into a word (``만회하다``)
  word:unit     a counter that runs on into a longer counter (``5개`` of ``5개년``); after a
                currency or a percent (``10%증가``) it is headline spacing, only counted, as
                ``ok:glued-after-unit``
  latin:*       Latin letters glued to an amount (``KOSPI200``, ``$2.5B`` read as ``$2.5``); a
                known label beside a percent (``-3.2%YoY``, ``YoY-1.3%p``) is normal and is only
                counted, as ``ok:latin-label``

Anything inside a URL or a run of percent-escapes (``%EB%B2%95``) is skipped, as ``ok:url``.

The heuristics are deliberately simple and independent of krnum's own lexicon: an audit that
shared the grammar's word lists would share its blind spots. Every check looks a few characters
around each amount or each regex match, so the run is linear in the input.

Files: ``.jsonl`` (text fields of each record), ``.csv``/``.tsv`` (text columns), anything else
plain text. A file that does not parse as its extension says is read as plain text.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

import krnum

# --- what to look for (small hand lists; see the module docstring for why not krnum's) -------

DIGITS = "0123456789０１２３４５６７８９"
SCALE_CHARS = "십백천만억조경"
SINO_CHARS = "영공일이삼사오육칠팔구" + SCALE_CHARS
HANJA_NUMERALS = "〇零一二三四五六七八九十百千萬万億兆壹貳贰參叁肆伍陸柒捌玖拾佰仟"
NATIVE_NUMERALS = ("한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "스물",
                   "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
CURRENCY_WORDS = ("원", "달러", "엔", "엔화", "유로", "위안", "위안화", "파운드", "프랑", "루블", "루피",
                  "루피아", "페소", "링깃", "바트", "동", "크로네", "크로나", "센트", "펜스", "불")
CURRENCY_SIGNS = "₩$€¥£￦＄"
ISO_CODES = ("KRW", "USD", "EUR", "JPY", "CNY", "RMB", "GBP", "HKD", "AUD", "CAD", "CHF", "SGD", "VND")
LATIN_SCALES = ("million", "billion", "trillion", "mln", "bln", "mn", "bn", "tn")
# labels a percent may carry glued (SPEC: outside the span, hiding nothing)
LATIN_LABELS = ("yoy", "qoq", "mom", "hoh", "ytd", "y/y", "q/q", "m/m", "wow", "dod")
# what may follow an amount glued without being part of a word: particles, copulas, the
# suffixes SPEC names, and the hedge and bound words that begin with a syllable of their own
PARTICLES = (
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "으로", "보다", "부터",
    "까지", "씩", "라", "였", "인", "일", "임", "이며", "이고", "이다", "이나", "나", "든", "대비", "어치",
    "짜리", "가량", "정도", "쯤", "내외", "안팎", "남짓", "가까이", "이상", "이하", "초과", "미만", "선",
    "대", "여", "께", "뿐", "에서", "고", "며", "란", "조차", "마저", "에게", "한테", "처럼", "께서",
    "입니", "입나", "이었", "이어", "이라", "이란", "인데", "이지", "이면", "이므", "이던", "인지",
    "다", "요", "면", "지만", "당",
)
# words spelled only with numeral letters that are words first
SINO_LOOKALIKES = frozenset({"구조", "조사", "이사", "사이", "만일", "일조", "사천", "이천", "일일", "오일",
                             "이만", "사오", "일구", "조이", "공사", "이상", "경구"})
# counters a unit letter may run into (1,271천개, 30만명): the run is still a figure
COUNTER_LETTERS = "개명주건대곳척톤배회번차"
# a figure followed by one of these is the name of something else (제165조, 3조각, 2분기)
NOT_A_FIGURE_AFTER = ("조각", "조합", "조사", "조건", "조의", "원장", "원칙", "원자", "원인", "원료",
                      "만에", "만큼", "천히")
UNIT_WORDS = ("%", "％", "퍼센트", "%p", "bp", "원", "억", "조", "만", "천", "백만", "달러", "엔", "유로",
              "위안", "파운드", "배", "포인트") + LATIN_SCALES
# hard boundaries: a window never looks across a line or a table cell
CELL_BREAK = "\n\r\t|│"
WINDOW = 2

HANGUL = regex.compile(r"\p{Hangul}")
HANGUL_RUN = regex.compile(r"\p{Hangul}+")
SCALE_RUN = regex.compile("[" + SCALE_CHARS + "]+")
GLUE = ("~", "∼", "〜", "-", "–", ".", ",", "+")
DIGIT_BEFORE = regex.compile(r"[" + DIGITS + r"]([ ~∼〜\-–.,+]?)$")
DIGIT_AFTER = regex.compile(r"([ ~∼〜\-–.,]?)([" + DIGITS + r"])")
# what may close a numeral word: 이천만 + 원 + 을
PARTICLE_TAIL = regex.compile("(?:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + ")?(?:"
                              + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")?$")
NOT_AN_AMOUNT = regex.compile(r"\d[\d,.]*\s?(?:년|월|일|분기|반기|개월|주년|차|회|호|번째|위|세|살|시|분|Q|H|[./-]\d)")
NATIVE_BEFORE = regex.compile(r"(?:^|[^\p{Hangul}])(?:" + "|".join(NATIVE_NUMERALS) + r") ?$")
CURRENCY_BEFORE = regex.compile(r"(?:^|[^\p{Hangul}A-Za-z])(?:" + "|".join(CURRENCY_WORDS + ISO_CODES) + r") ?$")
LATIN = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
FIGURE_RUN = regex.compile(
    # a digit glued to Latin letters is a code (Q1, KF-21), not a figure
    r"(?<![\d.,A-Za-z])(?<![A-Za-z]-)(?<!제\s?)\d(?:[\d,.]*\d)?\s?(?:" + "|".join(map(regex.escape, sorted(UNIT_WORDS, key=len, reverse=True))) + ")",
    regex.IGNORECASE,
)
GAP_OF_ONE_FIGURE = regex.compile(r"[ \u00a0]{0,2}|[ ]?[~∼〜\-–][ ]?")
RANGE_GAP = regex.compile(r"[ ]?[~∼〜\-–][ ]?")
URLISH = regex.compile(r"https?://\S+|www\.\S+|(?:%[0-9A-Fa-f]{2}){2,}")
UNIT_NOTE_BEFORE = regex.compile(r"(?:단위\s*[:;：]?\s*|[(\[]\s*)$")
LATIN_WORD_BEFORE = regex.compile(r"([A-Za-z/]+)[-+]?$")
TEXT_KEYS = ("text", "body", "content", "contents", "article", "document", "sentence", "title",
             "headline", "summary", "description", "본문", "내용", "제목", "기사", "문장")


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    start: int  # where to point the reader: the amount's span, or the regex match
    end: int


# --- reading files -----------------------------------------------------------------------------

def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp949")  # DART and older Korean sites
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def strings_of(obj: object) -> Iterator[str]:
    """Text fields of a JSON record: the named ones if there are any, else every string."""
    if isinstance(obj, dict):
        named = [v for k, v in obj.items() if str(k).lower() in TEXT_KEYS and isinstance(v, str)]
        if named:
            yield from named
            return
        for v in obj.values():
            yield from strings_of(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings_of(v)
    elif isinstance(obj, str) and HANGUL.search(obj):
        yield obj


def jsonl_docs(text: str) -> list[str]:
    docs: list[str] = []
    for line in text.splitlines():
        if line.strip():
            docs.extend(strings_of(json.loads(line)))
    return docs


def table_docs(text: str, delimiter: str) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    named = [i for i, h in enumerate(header) if h in TEXT_KEYS]
    body = rows[1:] if named else rows
    # no named column: every cell with Hangul in it, which is where the prose is
    return [cell for row in body for i, cell in enumerate(row)
            if (i in named if named else HANGUL.search(cell))]


def plain_docs(text: str, limit: int = 1 << 20) -> list[str]:
    """Whole text, cut at blank lines into pieces of at most ~1 MiB; a blank line ends a table,
    so a cut there changes nothing krnum reads."""
    if len(text) <= limit:
        return [text]
    docs, piece, size = [], [], 0
    for block in regex.split(r"\n[ \t]*\n", text):
        if size + len(block) > limit and piece:
            docs.append("\n\n".join(piece))
            piece, size = [], 0
        piece.append(block)
        size += len(block) + 2
    return [*docs, "\n\n".join(piece)] if piece else docs


def documents(path: Path) -> list[str]:
    text = read_text(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            return jsonl_docs(text)
        if suffix in (".csv", ".tsv"):
            return table_docs(text, "\t" if suffix == ".tsv" else ",")
    except (ValueError, csv.Error):
        pass  # not what the name says: read it as text
    return plain_docs(text)


# --- the checks ----------------------------------------------------------------------------

def before(text: str, pos: int, extra: int = 0) -> str:
    """Up to WINDOW (+extra) characters before pos, cut at a line or cell break."""
    s = text[max(0, pos - WINDOW - extra):pos]
    cut = max(s.rfind(c) for c in CELL_BREAK)
    return s[cut + 1:]


def after(text: str, pos: int, extra: int = 0) -> str:
    s = text[pos:pos + WINDOW + extra]
    cuts = [i for i in (s.find(c) for c in CELL_BREAK) if i >= 0]
    return s[:min(cuts)] if cuts else s


def starts_with_any(s: str, words: tuple[str, ...]) -> bool:
    return any(s.startswith(w) for w in words)


def word_at(s: str, i: int) -> str:
    """The run of Hangul starting at s[i]."""
    m = HANGUL_RUN.match(s, i)
    return m.group() if m else ""


def digit_next_to(text: str, a: krnum.Amount) -> bool:
    """A digit outside the amount that could belong to the same figure: glued to it, or across
    a range mark or a decimal point (1,400∼ + 1,420원대, 3. + 5억), or across one space when the
    amount begins or ends with a scale letter (56,700 + 백만원, 4억 + 7000만)."""
    m = DIGIT_BEFORE.search(text, max(0, a.start - WINDOW - 1), a.start)
    if m and not LATIN.match(text[m.start() - 1:m.start()] or " "):  # HBM4(6세대): a model name
        gap = m.group(1)
        if gap == "" or gap in GLUE or gap == " " and a.text[0] in SCALE_CHARS:
            return True
    m = DIGIT_AFTER.match(text, a.end, a.end + WINDOW + 1)
    if m and not NOT_AN_AMOUNT.match(text, m.start(2)):  # 1조원(2023년): a date beside it
        gap = m.group(1)
        if gap == "" or gap in GLUE or gap == " " and a.text[-1] in SCALE_CHARS:
            return True
    return False


def sino_word(w: str) -> bool:
    """이천, 오백만, 삼십: letters of sino numerals with a digit and a place; not 구조, 조사 …"""
    return (len(w) >= 2 and all(c in SINO_CHARS for c in w) and w not in SINO_LOOKALIKES
            and any(c in SCALE_CHARS for c in w) and any(c not in SCALE_CHARS for c in w))


def neighbour_kind(text: str, a: krnum.Amount) -> str | None:
    """What figure-ish thing sits within WINDOW characters outside the amount, if any."""
    start, end = a.start, a.end
    left, right = before(text, start), after(text, end)
    left_long, right_long = before(text, start, extra=6), after(text, end, extra=8)
    if digit_next_to(text, a):
        return "adjacent:digit"
    if any(ch in HANJA_NUMERALS for ch in left + right):
        return "adjacent:numeral"
    for i in range(len(right)):
        if i and HANGUL.match(right[i - 1]):
            continue  # only a word that begins within the window
        w = word_at(right_long, i)
        if sino_word(PARTICLE_TAIL.sub("", w)):
            return "adjacent:numeral"  # 5만 + 이천원
        scale = SCALE_RUN.match(w)
        if scale and (scale.end() == len(w) and not (i == 0 and w == "만")
                      or starts_with_any(w[scale.end():], CURRENCY_WORDS)):
            return "adjacent:scale"  # 56,700 + 백만원, 9 + 억 원
    if NATIVE_BEFORE.search(left_long) and a.text[0] not in DIGITS:
        return "adjacent:numeral"  # 두 + 배 read without its numeral
    lower = right_long.lower()
    if starts_with_any(lower.lstrip(" "), LATIN_SCALES) and len(lower) - len(lower.lstrip(" ")) <= WINDOW:
        return "adjacent:scale"  # 1.2 bn
    if a.currency is not None or a.unit is not None:
        return None  # a currency word beside money or a count is a label (달러 19.6억달러)
    if any(c in CURRENCY_SIGNS for c in left + right) or CURRENCY_BEFORE.search(left_long):
        return "adjacent:currency"  # 유로 45.2m, USD 120
    stripped = right_long.lstrip(" ")
    if stripped and len(right_long) - len(stripped) <= WINDOW:
        w = word_at(stripped, 0)
        for cur in CURRENCY_WORDS:
            if w.startswith(cur) and (len(w) == len(cur) or starts_with_any(w[len(cur):], PARTICLES)):
                return "adjacent:currency"  # 5억 + 원을
    return None


def has_digit(s: str) -> bool:
    return any(c in DIGITS for c in s)


def word_findings(text: str, a: krnum.Amount) -> Iterator[Finding]:
    prev = text[a.start - 1] if a.start else ""
    nxt = text[a.end:a.end + 4]
    if prev and HANGUL.match(prev) and HANGUL.match(a.text[0]):
        yield Finding("word:start", a.start, a.end)
    if nxt and HANGUL.match(nxt[0]) and not starts_with_any(nxt, PARTICLES):
        last = a.text[-1]
        inside = last in DIGITS or last in SINO_CHARS or last in HANJA_NUMERALS
        tail = regex.search(r"(\s?)(\p{Hangul}+)$", a.text)
        spaced_unit = tail and tail.group(1) and tail.group(2) not in PARTICLES  # not 초과
        if inside or not has_digit(a.text) or spaced_unit:
            # a figure word running on into a longer word (4경기), a word spelled with
            # numeral letters (만회하다, 구조 개편), a unit letter beginning one (5 배터리)
            yield Finding("word:end", a.start, a.end)
        elif a.currency is None and a.unit and HANGUL.match(a.unit[0]):
            yield Finding("word:unit", a.start, a.end)  # 5개 + 년, 24개 + 점
        else:
            yield Finding("ok:glued-after-unit", a.start, a.end)  # 10%증가, 1조원투자
    if prev and LATIN.match(prev):
        m = LATIN_WORD_BEFORE.search(text, max(0, a.start - 8), a.start)
        label = a.unit in ("%", "%p", "bp") and m and m.group(1).lower() in LATIN_LABELS
        yield Finding("ok:latin-label" if label else "latin:before", a.start, a.end)
    if nxt and LATIN.match(nxt[0]):
        label = a.unit in ("%", "%p", "bp") and starts_with_any(nxt.lower(), LATIN_LABELS)
        yield Finding("ok:latin-label" if label else "latin:after", a.start, a.end)


def unit_ends_a_word(run: str, tail: str) -> bool:
    """A one-letter Hangul unit (원 억 조 만 천 배) counts only if the word ends there, or goes
    on as a figure does: a particle, a currency, another scale letter, a counter."""
    last = run[-1]
    if not HANGUL.match(last) or len(run) > 1 and HANGUL.match(run[-2]) or not tail or not HANGUL.match(tail[0]):
        return True
    if starts_with_any(last + tail, NOT_A_FIGURE_AFTER):
        return False
    return (starts_with_any(tail, PARTICLES + CURRENCY_WORDS)
            or tail[0] in SCALE_CHARS or tail[0] in COUNTER_LETTERS)


def audit(text: str, amounts: list[krnum.Amount] | None = None) -> Iterator[Finding]:
    """Every finding in text, in order of category pass; amounts is extract(text) if given."""
    if amounts is None:
        amounts = krnum.extract(text)
    urls = [(m.start(), m.end()) for m in URLISH.finditer(text)]
    url_starts = [u[0] for u in urls]

    def in_url(pos: int) -> bool:
        i = bisect.bisect_right(url_starts, pos) - 1
        return i >= 0 and urls[i][1] > pos

    for f in _findings(text, amounts):
        yield Finding("ok:url", f.start, f.end) if in_url(f.start) else f


def self_contained(a: krnum.Amount) -> bool:
    """An amount that names its own unit or currency, so a neighbour is another figure."""
    return a.currency is not None or a.unit is not None


def _findings(text: str, amounts: list[krnum.Amount]) -> Iterator[Finding]:
    starts = [a.start for a in amounts]

    def covered(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and amounts[i].end > pos

    for i, a in enumerate(amounts):
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        gap = text[a.end:nxt.start] if nxt else None
        if nxt and GAP_OF_ONE_FIGURE.fullmatch(gap):
            # a bare figure ending in a myriad (4억 + 7천만원) is a group of the next one
            one = RANGE_GAP.fullmatch(gap) or not self_contained(a) and a.text[-1] in SCALE_CHARS
            yield Finding("adjacent:amount" if one else "ok:pair", a.start, nxt.end)
        else:
            # neighbours that belong to another amount are the pair case above, not this one
            lo, hi = max(0, a.start - WINDOW), a.end + WINDOW
            if not any(covered(p) for p in range(lo, a.start)) and not any(covered(p) for p in range(a.end, hi)):
                kind = neighbour_kind(text, a)
                if kind:
                    yield Finding(kind, a.start, a.end)
        note = a.currency and not has_digit(a.text)
        if note and UNIT_NOTE_BEFORE.search(before(text, a.start, extra=6)):
            yield Finding("unit-note", a.start, a.end)  # (단위; 천원), [천원]
        yield from word_findings(text, a)

    for m in FIGURE_RUN.finditer(text):
        if not unit_ends_a_word(m.group(), text[m.end():m.end() + 3]):
            continue  # 3. 원재료, 114 천안, 0 배당: the unit letter begins another word
        solid = [p for p in range(m.start(), m.end()) if not text[p].isspace()]
        hit = sum(covered(p) for p in solid)
        if not hit:
            yield Finding("uncovered", m.start(), m.end())
        elif hit < len(solid):
            yield Finding("partial", m.start(), m.end())


# --- report --------------------------------------------------------------------------------

def context(text: str, f: Finding, width: int = 30) -> str:
    left = text[max(0, f.start - width):f.start]
    right = text[f.end:f.end + width]
    return regex.sub(r"\s+", " ", f"{left}⟦{text[f.start:f.end]}⟧{right}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--show", type=int, default=0, metavar="N", help="up to N examples per category")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)

    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    chars = docs = n_amounts = 0
    for path in args.files:
        for doc in documents(path):
            docs += 1
            chars += len(doc)
            amounts = krnum.extract(doc)
            n_amounts += len(amounts)
            for f in audit(doc, amounts):
                counts[f.category] += 1
                if len(examples[f.category]) < args.show:
                    examples[f.category].append(context(doc, f))

    found = {k: v for k, v in counts.items() if not k.startswith("ok:")}
    if args.json:
        print(json.dumps({"files": [str(p) for p in args.files], "documents": docs, "chars": chars,
                          "amounts": n_amounts, "findings": sum(found.values()),
                          "counts": dict(sorted(counts.items()))}, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(args.files)} file(s), {docs} document(s), {chars:,} characters, {n_amounts:,} amounts")
    print(f"{sum(found.values()):,} findings ({sum(found.values()) / max(chars, 1) * 1e4:.1f} per 10k chars)")
    for cat, n in sorted(counts.items(), key=lambda kv: (kv[0].startswith("ok:"), -kv[1])):
        print(f"  {cat:18} {n:7,}")
        for ex in examples[cat]:
            print(f"      {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
