"""ParseError: what was wrong, where, and what would have been accepted there."""

from __future__ import annotations


class ParseError(ValueError):
    """``parse()`` could not read the input as one expression.

    ``text`` is the input, ``pos`` the code-point offset of the problem, ``expected`` a short
    description of what would have been accepted there. ``str(err)`` shows a caret line.
    """

    def __init__(self, text: str, pos: int, expected: str) -> None:
        self.text = text
        self.pos = pos
        self.expected = expected
        super().__init__(self._message())

    def _message(self) -> str:
        # a window around the position: a long input would make a long message
        lo = max(0, self.pos - _CONTEXT)
        hi = min(len(self.text), self.pos + _CONTEXT)
        shown = self.text[lo:hi].replace("\n", " ").replace("\t", " ")
        head = "…" if lo else ""
        tail = "…" if hi < len(self.text) else ""
        caret = " " * _width(head + shown[: self.pos - lo]) + "^"
        return f"at position {self.pos}: expected {self.expected}\n  {head}{shown}{tail}\n  {caret}"

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, str]]:
        return (type(self), (self.text, self.pos, self.expected))


_CONTEXT = 40


def _width(s: str) -> int:
    """Terminal columns: Hangul, CJK and full-width forms take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
