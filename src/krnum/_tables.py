"""Tables under a unit note: which column a cell is in, and what that column holds.

Shared by the flattened reading (extract over text whose rows run together) and the
structured one (krnum.tables, over rows of cells), so that the two agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from ._amount import Amount, written
from ._lexicon import columns, currency, scales
from ._numeral import EXACT

_ENDINGS_T = tuple(columns.ENDINGS)
_LONGEST = max(map(len, columns.ENDINGS))
NOT_MONEY = frozenset({"count", "rate", "period", "date"})
_HOLDS_CELLS = frozenset({"money", "count", "rate", "period", "date", "remark"})
# a disclosure repeats its headers and row labels table after table: what they name is read
# once per text of them (a bounded memory, so that text of endless new words cannot grow it)
_remember = functools.lru_cache(maxsize=4096)


class Column(NamedTuple):
    """What a column's cells hold; ``power`` and ``code`` when its header names its own unit."""

    kind: str  # money, count, rate, period, date, label, remark
    unit: str | None = None
    power: int | None = None
    code: str | None = None
    percent: bool = False
    known: bool = True  # False: no ending of the lexicon, money as the note says


class Note(NamedTuple):
    """A unit note: (단위 : 백만원, 명)."""

    power: int
    code: str | None  # None: the note names no money (단위 : 주, %)
    counter: str | None
    percent: bool
    several: bool


@_remember
def unit_word(word: str) -> tuple[int, str | None]:
    """백만원 -> (6, KRW): an optional place-value prefix, then a currency word or code."""
    word = word.replace(" ", "")  # (단위: 억 원)
    for prefix, power in scales.HEADER_SCALE.items():
        if word.startswith(prefix):
            rest = word[len(prefix):]
            code = currency.CURRENCY_WORDS.get(rest) or (rest if rest in currency.ISO_CODES else None)
            if code is not None:
                return power, code
    return 0, None


UNIT_SEP = re.compile(r"[,，/]")


def header_note(h: re.Match[str]) -> Note | None:
    """The note of a ``_scan.unit_header`` match: its first unit and those after a comma."""
    more = h.group("more")
    return read_note([h.group("unit"), *(UNIT_SEP.split(more[1:]) if more else ())])


def read_note(units: list[str]) -> Note | None:
    """The note's units in order; None when it names none that krnum knows."""
    money = None
    counter = None
    percent = False
    for u in units:
        u = u.strip()
        power, code = unit_word(u)
        if code is not None and money is None:
            money = (power, code)
        elif u in ("%", "％"):
            percent = True
        elif u and counter is None:
            counter = u
    if money is None and counter is None and not percent:
        return None
    power, code = money if money is not None else (0, None)
    return Note(power, code, counter, percent, len([u for u in units if u.strip()]) > 1)


@_remember
def classify(header: str) -> Column:
    """A header's kind by its longest ending (see the lexicon); money when none is known."""
    name, unit = _own_unit(header.replace(" ", ""))
    kind, cell_unit, known = "money", None, False
    for n in range(min(len(name), _LONGEST), 0, -1):  # the longest ending first
        hit = columns.ENDINGS.get(name[-n:])
        if hit is not None:
            kind, cell_unit = hit
            known = True
            break
    if kind == "count" and name.endswith(columns.MONEY_OVER_COUNT):
        kind, cell_unit = "money", None
    if unit is None:
        return Column(kind, cell_unit, known=known)
    if unit in ("%", "％"):
        return Column("rate", "%", percent=True)
    power, code = unit_word(unit)
    if code is not None:
        return Column("money", None, power, code)
    return Column("count", unit)  # 인원(명), 수량(주)


def _own_unit(name: str) -> tuple[str, str | None]:
    """금액(백만원) -> (금액, 백만원); 현금배당금(보통주) and 실적(4Q24) name no unit."""
    if name.endswith((")", "）")):
        i = max(name.rfind("("), name.rfind("（"))
        unit = name[i + 1:-1]
        if i > 0 and (unit in ("%", "％") or unit in columns.COUNTER_UNITS
                      or unit_word(unit)[1] is not None):
            return name[:i], unit
        if i > 0:
            return name[:i], None
    return name, None


@_remember
def is_known(word: str) -> bool:
    """Whether a header word is whole: it has a known ending, or ends in a digit (4Q24)."""
    name = _own_unit(word.replace(" ", ""))[0]
    return name.endswith(_ENDINGS_T) or name[-1:].isdigit() or name in columns.TAILS


@_remember
def row_of(label: str) -> Column | None:
    """What a row's cells hold, by its label: a known ending (직원수) or a unit of its own
    (주당배당금(원), 배당성향(%)); None when the label tells nothing."""
    if not label:
        return None
    return classify(label) if is_known(label) or _names_kind(label) else None


@_remember
def _names_kind(word: str) -> bool:
    """Whether a header names what its cells hold (합계 or 4Q24 do not)."""
    name, unit = _own_unit(word.replace(" ", ""))
    return unit is not None or name.endswith(_ENDINGS_T)


def _same_kind(head: str, longer: str) -> bool:
    """A letter that ends ``head`` without changing its kind (주식 수, not 매출액 수)."""
    return _names_kind(longer) and classify(head).kind == classify(longer).kind


def segment(words: list[str], cells: int | None = None) -> list[Column]:
    """Header words as the text gives them -> the columns they name.

    PDF text splits headers with stray spaces (``평 균근속연수``, ``연간급여 총액``): a word with no
    known ending takes in the next one, up to ``MAX_HEADER`` letters; a tail (``총액``) joins
    the header before it; a parenthesised aside (``(단시간``, ``근로자)``) belongs to its header.
    A lone letter may end the header before it or begin the next (``공사미수 금`` or ``매출액 수
    주총액``): the reading with most whole header words of the lexicon wins, then the one with
    most headers that name a kind, then one whose columns hold a row's ``cells``.
    """
    lone = [i for i, w in enumerate(words) if len(w) == 1][:_MAX_CHOICES]
    best: list[str] = []
    score = (-1, -1, False)
    for mask in range(1 << len(lone)):
        back = {i: bool(mask >> k & 1) ^ _joins_back(words, i) for k, i in enumerate(lone)}
        heads = _segment(words, back)
        cols = [classify(h) for h in heads]
        this = (sum(1 for h in heads if h in columns.WORDS), sum(1 for h in heads if _names_kind(h)),
                cells is not None and _holding(cols) == cells)
        if this > score:
            best, score = heads, this
    cols = [classify(h) for h in best]
    # 비고 closes a disclosure's header row: what follows it in flattened text is the
    # sub-headers of merged columns (전체 · 단시간 근로자 · 합계), never columns of their own
    ends = next((i for i, c in enumerate(cols) if c.kind == "remark"), len(cols))
    return cols[:ends + 1]


_MAX_CHOICES = 8  # lone letters weighed both ways in one header; 2^8 readings at most


def _holding(cols: list[Column]) -> int:
    return sum(1 for c in cols if c.kind in _HOLDS_CELLS)


def _joins_back(words: list[str], i: int) -> bool:
    return i > 0 and _same_kind(words[i - 1], words[i - 1] + words[i])


def _segment(words: list[str], back: dict[int, bool]) -> list[str]:
    heads: list[str] = []
    aside = False
    opened = False  # the last header is a lone letter: it takes in the next word (수 주총액)
    for i, w in enumerate(words):
        if aside or w.startswith(("(", "（")):
            if heads:
                heads[-1] += w
            aside = not w.endswith((")", "）")) and ")" not in w
            continue
        lone_back = back.get(i)
        if lone_back is None:
            lone_back = len(w) == 1 and _same_kind(heads[-1], heads[-1] + w) if heads else False
        if heads and _own_unit(w)[1] is None and _own_unit(heads[-1])[1] is None and (
            opened
            or w in columns.TAILS
            or lone_back  # 주식 수, 계약일 자
            or (not is_known(heads[-1]) and len(heads[-1]) + len(w) <= columns.MAX_HEADER)
        ):
            heads[-1] += w
            opened = False
            if heads[-1] in columns.TAILS and len(heads) > 1 and _own_unit(heads[-2])[1] is None:
                heads[-2] += heads.pop()  # 연간급여 총 액: the tail ends the header before
        else:
            heads.append(w)
            opened = len(w) == 1
    return heads


def align(cols: list[Column], cells: list[str], labelled: bool = False) -> list[Column | None]:
    """Each cell's column, or None where it cannot be told.

    As many cells as columns: one each. More: one header spans several cells (a merged header,
    직원수 over 전체 · 단시간 · 합계); which one is not written, so a cell gets the kind that every
    choice gives it (a known kind), or None. A row's last ``-`` is its remark when the table has one. Fewer
    cells than columns in a ``labelled`` row: its words stand in the first columns, when those
    are labels or of no known kind.
    """
    holding = [c for c in cols if c.kind in _HOLDS_CELLS]
    remark = [c for c in holding if c.kind == "remark"]
    n, m = len(holding), len(cells)
    if not holding or not cells:
        return [None] * m
    if m == n:
        return list(holding)
    body = [c for c in holding if c.kind != "remark"]
    if remark and cells[-1] in EMPTY and m > len(body):
        return align(body, cells[:-1], labelled) + [remark[0]]
    if remark and m == len(body):
        return list(body)
    n = len(body)
    if m < n and labelled and all(not c.known or c.kind == "label" for c in body[:n - m]):
        return list(body[n - m:])  # the row's label words fill its first columns (국가, 연도)
    if m < n or not n:
        return [None] * m
    extra = m - n
    out: list[Column | None] = []
    for i in range(m):
        kinds = {body[_spanned(i, j, extra)] for j in range(n)}
        one = next(iter(kinds))
        # under a merged header, a column of no known kind may be a stray sub-header word
        out.append(one if one.known and all(_same(k, one) for k in kinds) else None)
    return out


def _spanned(i: int, j: int, extra: int) -> int:
    """The column of cell ``i`` when column ``j`` spans ``extra + 1`` cells."""
    if i < j:
        return i
    if i <= j + extra:
        return j
    return i - extra


def _same(a: Column, b: Column) -> bool:
    return (a.kind, a.unit, a.power, a.code, a.percent) == (b.kind, b.unit, b.power, b.code, b.percent)


EMPTY = frozenset({"-", "–", "—", "－", ""})


def cell_amount(
    text: str, start: int, sign: bool, num: str, col: Column | None, row: Column | None,
    note: Note, aligned: bool,
) -> Amount | None:
    """A bare cell's amount. ``aligned``: the table names its columns and this cell's column was
    told apart (``col``), or the table names none (``col`` None: the note's money, as ever)."""
    end = start + len(text)
    kind = col
    if row is not None and row.kind in ("count", "rate", "period", "date"):
        kind = row  # a row named 직원수 in a table of years
    elif row is not None and row.code is not None and (col is None or col.kind == "money"):
        # 주당배당금(원) under (단위 : 백만원): the row names its own unit, and it holds
        if col is not None and col.code is not None and (col.power, col.code) != (
                row.power, row.code):
            return None  # the row and the column name two units: which one is not told
        kind = row
    if kind is not None and kind.kind in ("date", "label", "remark"):
        return None
    digits = num.replace(",", "")
    if not aligned or ((kind is None or kind.kind == "money") and note.code is None and (
            kind is None or kind.code is None)):
        # its column cannot be told, or a note of counts names no money
        return written(text, start, end, _signed(digits, 0, sign))
    if kind is None or kind.kind == "money":
        power = note.power if kind is None or kind.power is None else kind.power
        code = note.code if kind is None or kind.code is None else kind.code
        if kind is None and note.several and "." in num:
            return None  # (단위: 억원, %): a decimal cell could be either
        return written(text, start, end, _signed(digits, power, sign), currency=code)
    unit = kind.unit
    if kind.kind == "rate" and (kind.percent or note.percent):
        unit = "%"
    elif kind.kind == "count" and unit is None:
        unit = note.counter
    return written(text, start, end, _signed(digits, 0, sign), unit=unit)


def _signed(digits: str, power: int, sign: bool) -> Decimal:
    """A cell's digits times 10**power, exact: a whole number scaled by its zeros, written
    out, so that the Amount has nothing left to normalize."""
    if "." not in digits and power >= 0:
        return Decimal(f"-{digits}{'0' * power}" if sign else f"{digits}{'0' * power}")
    value = EXACT.minus(Decimal(digits)) if sign else Decimal(digits)
    return EXACT.scaleb(value, power) if power else value


class Cell(NamedTuple):
    """A cell's text and where it starts in the text it came from."""

    text: str
    start: int


# a bare cell: 1,234  -56.7  △1,234  (1,234)
BARE = re.compile(r"(?P<open>[(（])?(?P<sign>[-△])?"
                  r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?(open)[)）])")
_MAX_CELL = 60  # a longer digit run is a code, not a figure


def bare(text: str) -> re.Match[str] | None:
    m = BARE.fullmatch(text)
    return m if m is not None and len(m.group("num")) <= _MAX_CELL else None


def is_year(m: re.Match[str]) -> bool:
    return year(m.group("num"), bool(m.group("sign") or m.group("open")))


def year(num: str, signed: bool) -> bool:
    """A bare cell that reads as a year (a header of years, a row's label)."""
    return not signed and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def _is_header_row(row: list[Cell], marks: list[re.Match[str] | None]) -> bool:
    for c, m in zip(row, marks, strict=True):
        if (m is not None and not is_year(m)) or c.text.endswith(("%", "％")):
            return False
    return any(c.text for c in row)


def grid_columns(header_rows: list[list[Cell]], width: int) -> list[Column]:
    """Each column's kind from its header cells, the lowest that names a kind first."""
    out = []
    for j in range(width):
        texts = [r[j].text for r in header_rows if j < len(r) and r[j].text]
        col = next((classify(t) for t in reversed(texts) if _names_kind(t)), None)
        out.append(col if col is not None else classify("".join(texts)))
    return out


def read_grid(rows: list[list[Cell]], note: Note,
              other: Callable[[Cell], list[Amount]]) -> list[tuple[int, int, Amount]]:
    """A table as rows of cells (header rows first), column by column.

    A bare cell is read by its column (or its row's label, 직원수 in a table of years); any
    other cell is handed to ``other`` (the running-text reading).
    """
    marks = [[bare(c.text) if c.text else None for c in row] for row in rows]  # each cell once
    k = 0
    while k < len(rows) and _is_header_row(rows[k], marks[k]):
        k += 1
    width = max((len(r) for r in rows), default=0)
    cols: list[Column] | None = grid_columns(rows[:k], width) if k else None
    if cols is not None and not any(c.kind in NOT_MONEY for c in cols):
        cols = None  # every column holds money: no need to tell them apart
    if cols is None and note.code is None:
        return []  # (단위: %) over columns of no known kind: nothing to tell them by
    out: list[tuple[int, int, Amount]] = []
    for i in range(k, len(rows)):
        row, row_marks = rows[i], marks[i]
        label = next((c.text for c, m in zip(row, row_marks, strict=True) if c.text and m is None),
                     "")
        name = label.replace(" ", "")
        row_kind = row_of(name)
        for j, c in enumerate(row):
            if not c.text or c.text in EMPTY:
                continue
            m = row_marks[j]
            if m is None:
                out.extend((i, j, a) for a in other(c))
                continue
            if j == 0 and is_year(m):
                continue  # a year that labels its row
            col = cols[j] if cols is not None and j < len(cols) else None
            a = cell_amount(c.text, c.start, bool(m.group("sign") or m.group("open")),
                            m.group("num"), col, row_kind, note, aligned=True)
            if a is not None:
                out.append((i, j, a))
    return out
