"""What runs the ``krnum`` command's work: the progress bar and the worker processes.

``Runner.map`` sends batches of units to a pool under ``--jobs`` and gives results back in
input order, with only a few batches in flight, so memory stays bounded however long the input.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

from ._cli_status import InputError

BATCH_CHARS = 1 << 16  # work sent to a worker process at once under --jobs
BATCH_UNITS = 2048

T = TypeVar("T")
R = TypeVar("R")


class Progress:
    """A one-line progress bar on standard error, redrawn at most ten times a second.

    It appears only once a file has taken half a second, so quick runs do not flash it.
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.name, self.total, self.done, self.shown = "", 0, 0, 0.0
        self.started = time.monotonic()

    def start(self, name: str, total: int) -> None:
        self.name, self.total, self.done = name, total, 0
        self.started = time.monotonic()

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if (
            self.stream is not None
            and self.total
            and now - self.shown >= 0.1
            and now - self.started >= 0.5
        ):
            self.shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        assert self.stream is not None
        share = self.done / self.total if self.total else 0.0
        bar = "#" * int(share * 30)
        rate = self.done / max(now - self.started, 1e-9) / 1e6
        line = (
            f"\r{self.name} [{bar:<30}] {share:4.0%} "
            f"{self.done / 1e6:.1f}/{self.total / 1e6:.1f} MB {rate:.1f} MB/s"
        )
        self.stream.write(line + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = 0.0


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle; workers are terminated by it, without tracebacks
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _apply(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(u) for u in batch]


class Runner:
    """Maps a function over units in order, in this process or in a pool of ``jobs``.

    Only a few batches are in flight at once, so memory stays bounded however long the
    input; results come back in input order.
    """

    def __init__(self, jobs: int, pool: Any) -> None:
        self.jobs = jobs
        self.pool = pool

    def map(self, fn: Callable[[T], R], units: Iterable[T]) -> Iterator[list[R]]:
        """Lists of results, one list per batch; an ``InputError`` comes after the results
        of everything read before it."""
        if self.pool is None:
            for u in units:
                yield [fn(u)]
            return
        pending: deque[Any] = deque()
        error: InputError | None = None
        try:
            for batch in _batches(units):
                pending.append(self.pool.apply_async(_apply, (fn, batch)))
                if len(pending) > 2 * self.jobs:
                    yield pending.popleft().get()
        except InputError as err:
            error = err
        while pending:
            yield pending.popleft().get()
        if error is not None:
            raise error


@contextlib.contextmanager
def running(jobs: int) -> Iterator[Runner]:
    """A Runner; with ``jobs`` > 1 its worker pool, closed on the way out."""
    if jobs <= 1:
        yield Runner(1, None)
        return
    import multiprocessing

    pool = multiprocessing.Pool(jobs, initializer=_worker_init)
    try:
        yield Runner(jobs, pool)
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _batches(units: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for u in units:
        batch.append(u)
        size += len(u[-1])
        if size >= BATCH_CHARS or len(batch) >= BATCH_UNITS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
