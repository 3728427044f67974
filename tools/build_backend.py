"""setuptools' build backend, asking for mypy only when a compiled build is asked for
(``KRNUM_MYPYC=1``, see setup.py), so that a pure-Python install fetches nothing more."""

import os

from setuptools import build_meta
from setuptools.build_meta import *

MYPYC = ["mypy==2.4.1"]  # pinned: the compiled modules are what this mypyc makes of them


def _extra() -> list[str]:
    return MYPYC if os.environ.get("KRNUM_MYPYC") == "1" else []


def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    return build_meta.get_requires_for_build_wheel(config_settings) + _extra()


def get_requires_for_build_editable(config_settings=None):  # type: ignore[no-untyped-def]
    return build_meta.get_requires_for_build_editable(config_settings) + _extra()
