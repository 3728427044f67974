"""Which Python Spark's workers run, and one clear line when that Python cannot import krnum.

PySpark starts its Python workers with ``PYSPARK_PYTHON``, else ``python3`` from ``PATH``. A job
started by a virtual environment's python without activating it (cron, Airflow, most job
runners) would so get workers of another interpreter, without krnum. The rule here:

1. ``spark.pyspark.python``, then ``PYSPARK_PYTHON``: an explicit setting always wins (PySpark
   itself ignores the setting when it is given to a session built in Python; this honours it);
2. else, in local mode (``local…`` masters: the workers run on this machine), this interpreter;
3. else Spark's own choice, untouched (a cluster's executors have their own Pythons).

In local mode the chosen Python is tried once (``import krnum``, with the files of
``--py-files``/``addPyFile`` on its path as the workers have them) before any task starts; on a
cluster the workers themselves report a failed import in the same one line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

MARKER = "cannot import krnum"
FIX = (
    "install krnum there, point spark.pyspark.python (or PYSPARK_PYTHON) at a Python that has "
    "it, or ship it with --archives or --py-files (see krnum's docs/scale-out.md)"
)

_checked: set[tuple[str, tuple[str, ...]]] = set()


class WorkerPythonError(RuntimeError):
    """The Python that Spark's workers run cannot import krnum (the message is one line)."""


def message(python: str, fix: str = FIX) -> str:
    return f"krnum: the Spark workers' Python, {python}, {MARKER}: {fix}"


def prepare(sc: Any) -> str:
    """Set the workers' Python of ``sc`` by the rule above, check it in local mode, return it.

    It applies to the Python functions created from now on (Spark reads it per function).
    """
    python = worker_python(sc)
    if is_local(sc):
        check(python, _includes(sc))
    return python


def worker_python(sc: Any) -> str:
    explicit = sc.getConf().get("spark.pyspark.python") or os.environ.get("PYSPARK_PYTHON")
    if explicit:
        sc.pythonExec = explicit
    elif is_local(sc):
        sc.pythonExec = sys.executable
    return str(sc.pythonExec)


def is_local(sc: Any) -> bool:
    return str(sc.master).startswith("local")


def check(python: str, includes: tuple[str, ...] = ()) -> None:
    """Raise ``WorkerPythonError`` unless ``python`` imports krnum with ``includes`` first on
    its path, as a PySpark worker does; each pair is tried once per process."""
    if (python, includes) in _checked or (python == sys.executable and not includes):
        return  # checked before, or this very Python, which runs krnum now
    code = "import sys; sys.path[1:1] = sys.argv[1:]; import krnum"
    try:
        done = subprocess.run(
            [python, "-c", code, *includes], capture_output=True, timeout=120, check=False
        )
        ok = done.returncode == 0
    except (OSError, subprocess.TimeoutExpired):  # not there, not executable, or hung
        ok = False
    if not ok:
        fix = FIX if python == sys.executable else f"{FIX}; this driver's is {sys.executable}"
        raise WorkerPythonError(message(python, fix))
    _checked.add((python, includes))


def context_of(df: Any) -> Any:
    """The SparkContext behind ``df``, or None (Spark Connect has none)."""
    try:
        return df.sparkSession.sparkContext
    except Exception:  # noqa: BLE001 - Spark Connect raises its own error type here
        return None


def active_context() -> Any:
    try:
        from pyspark import SparkContext
    except ImportError:
        return None
    return SparkContext._active_spark_context


def worker_import() -> Callable[[], Any]:
    """A function that imports ``krnum.arrow`` on a worker, or raises the one-line error.

    It is made here, not defined at module level, so that cloudpickle ships it by value:
    a module-level function would be unpickled by importing krnum, and so fail with a bare
    ``ModuleNotFoundError`` inside PySpark's worker before this code could say anything.
    """
    marker, fix = MARKER, FIX

    def load() -> Any:
        try:
            from krnum import arrow
        except ImportError:
            import sys

            line = f"krnum: the Spark workers' Python, {sys.executable}, {marker}: {fix}"
            raise ImportError(line) from None
        return arrow

    return load


def error_line(err: BaseException) -> str | None:
    """The one-line import failure inside a Spark error raised by a worker, if it is one."""
    for line in str(err).splitlines():
        if MARKER in line and "krnum: the Spark workers' Python" in line:
            return line[line.index("krnum: the Spark workers' Python") :]
    return None


def _includes(sc: Any) -> tuple[str, ...]:
    """Where the workers find the files of ``--py-files`` and ``addPyFile``."""
    names = list(getattr(sc, "_python_includes", None) or [])
    if not names:
        return ()
    from pyspark import SparkFiles

    root = SparkFiles.getRootDirectory()
    return tuple(os.path.join(root, name) for name in names)
