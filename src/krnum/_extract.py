"""extract(text): every amount in running text, in order, non-overlapping. Never raises.

The reading is _read's; this entry stays in pure Python in every build, since it takes any
object, where a mypyc-compiled signature (setup.py) would refuse a non-str."""

from __future__ import annotations

from dataclasses import replace

from ._amount import Amount
from ._read import amounts


def extract(text: str) -> list[Amount]:
    """Every money, percent, magnitude and counted amount in ``text``, in order.

    Spans exclude particles (``320억원을`` -> ``320억원``). Never raises; time is linear.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return amounts(text)
    except Exception:  # noqa: BLE001 - the contract: extract() never raises
        return _extract_safely(text)


def _extract_safely(text: str) -> list[Amount]:
    """Last resort after an unexpected error: scan line by line, dropping only the bad line."""
    out: list[Amount] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        try:
            out.extend(
                replace(a, start=a.start + offset, end=a.end + offset) for a in amounts(line)
            )
        except Exception:  # noqa: BLE001, S110 - the one line is what is given up
            pass
        offset += len(line)
    return out
