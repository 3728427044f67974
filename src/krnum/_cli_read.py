"""The ``krnum`` command's readers: bytes to decoded pieces, pieces to paragraphs.

Memory stays bounded on any input: bytes are read ``CHUNK_BYTES`` at a time, and no line or
paragraph held grows past ``PARAGRAPH_CAP`` characters.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from typing import IO

from ._cli_run import Progress
from ._cli_status import EXIT_DECODE, EXIT_USAGE, InputError

CHUNK_BYTES = 1 << 16
PARAGRAPH_CAP = 1 << 20  # characters; bounds memory on input with no blank lines


def open_pieces(name: str, encoding: str, errors: str, progress: Progress) -> Iterator[str]:
    """The decoded pieces of the file ``name``, or of standard input for ``-``."""
    if name == "-":
        stream = sys.stdin.buffer
        progress.start("<stdin>", 0)  # size unknown: no bar
        yield from read_pieces(stream, "<stdin>", encoding, errors, progress)
        return
    try:
        f = open(name, "rb")  # noqa: SIM115 - closed below, also on error
    except OSError as err:
        raise InputError(EXIT_USAGE, f"cannot open {name!r}: {err.strerror}") from None
    with f:
        try:
            total = os.fstat(f.fileno()).st_size
        except OSError:
            total = 0
        progress.start(name, total)
        try:
            yield from read_pieces(f, name, encoding, errors, progress)
        except IsADirectoryError:
            raise InputError(EXIT_USAGE, f"cannot read {name!r}: it is a directory") from None
        except OSError as err:
            raise InputError(EXIT_USAGE, f"cannot read {name!r}: {err.strerror}") from None


def read_pieces(
    stream: IO[bytes], name: str, encoding: str, errors: str, progress: Progress
) -> Iterator[str]:
    """Decoded text in pieces, each a whole line (with its ``\\n``) or a cut of a long line.

    Memory stays bounded: a line longer than ``PARAGRAPH_CAP`` is cut at its last space
    before the cap. A byte the encoding rejects raises ``InputError`` naming the byte
    offset, after every good piece before it has been yielded.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    # read1 returns what is there: a pipe's lines are not held back to fill a block
    read = getattr(stream, "read1", stream.read)
    fed = 0
    newlines = 0
    rest = ""
    final = False
    while not final:
        chunk = read(CHUNK_BYTES)
        final = not chunk
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as err:
            good = bytes(err.object[: err.start]).decode(encoding, "replace")
            yield from _lines(rest + good)
            offset = fed - pending + err.start
            line = newlines + good.count("\n") + 1
            raise InputError(
                EXIT_DECODE,
                f"{name}: invalid {encoding} at byte {offset} (line {line}): {err.reason}; "
                "use --errors replace to read it anyway, or --encoding to name the encoding",
            ) from None
        fed += len(chunk)
        progress.advance(len(chunk))
        if text:
            newlines += text.count("\n")
            rest += text
        if "\n" in rest or len(rest) > PARAGRAPH_CAP or final:
            cut = rest.rfind("\n") + 1
            yield from _lines(rest[:cut])
            rest = rest[cut:]
            while len(rest) > PARAGRAPH_CAP:
                at = _cut(rest, PARAGRAPH_CAP)
                yield rest[:at]
                rest = rest[at:]
            if final and rest:
                yield rest
                rest = ""


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``\n``; the last may have none."""
    start = 0
    while start < len(text):
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl + 1
        yield text[start:end]
        start = end


def _cut(text: str, cap: int) -> int:
    """Where to cut an over-long line: after its last whitespace before ``cap``."""
    for i in range(cap - 1, cap // 2, -1):
        if text[i].isspace():
            return i + 1
    return cap


def paragraphs(pieces: Iterator[str]) -> Iterator[tuple[int, int, int, str]]:
    """(file offset, line number, column, text) of each paragraph, blank lines included.

    A paragraph ends after a blank line, so a table unit header applies to its table
    exactly as in ``extract(whole_text)``; it is also cut before it would pass
    ``PARAGRAPH_CAP`` characters. The texts concatenate back to the whole input.
    """
    buf: list[str] = []
    size = offset = col = 0
    line = 1
    start = (0, 1, 0)
    has_text = False
    try:
        for piece in pieces:
            if buf and size + len(piece) > PARAGRAPH_CAP:
                yield (*start, "".join(buf))
                buf, size, has_text, start = [], 0, False, (offset, line, col)
            blank = col == 0 and piece.endswith("\n") and not piece.strip()
            buf.append(piece)
            size += len(piece)
            offset += len(piece)
            if piece.endswith("\n"):
                line, col = line + 1, 0
            else:
                col += len(piece)
            if blank and has_text:
                yield (*start, "".join(buf))
                buf, size, has_text, start = [], 0, False, (offset, line, col)
            elif not blank:
                has_text = True
    except InputError:
        if buf:  # the good text before a decoding error is still processed
            yield (*start, "".join(buf))
        raise
    if buf:
        yield (*start, "".join(buf))
