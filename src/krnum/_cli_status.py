"""Exit statuses of the ``krnum`` command, and the error that carries one out of a reader."""

from __future__ import annotations

EXIT_OK = 0
EXIT_REJECTED = 1  # parse: at least one expression was rejected; the others were written
EXIT_USAGE = 2  # bad option, or an input file that cannot be opened
EXIT_DECODE = 3  # an input is not valid in the chosen encoding
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer killed by SIGPIPE


class InputError(Exception):
    """An input that cannot be read; ``code`` is the exit status it calls for."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
