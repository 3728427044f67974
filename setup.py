"""Build hook: ``KRNUM_MYPYC=1`` compiles the hot modules with mypyc (1.4-1.7x, see
docs/performance.md); without it krnum builds as pure Python, which every platform runs and
CI tests. The compiled modules are the same source: both builds give the same answers."""

import os
import sys

from setuptools import setup

# the reading path; _amount is left out (mypyc refuses the __class__ assignment of its drafts),
# and the rest runs once per call or once per process
COMPILED = [f"src/krnum/{m}.py" for m in ("_semantics", "_numeral", "_read", "_tables", "_expression")]

ext_modules = []
if os.environ.get("KRNUM_MYPYC") == "1":
    try:
        from mypyc.build import mypycify
    except ImportError:
        # the backend asks for mypy after reading the metadata, which needs no compiler
        if not {"egg_info", "dist_info"} & set(sys.argv):
            sys.exit("KRNUM_MYPYC=1 compiles with mypyc: install mypy (tools/build_backend.py)")
    else:
        ext_modules = mypycify(COMPILED, opt_level="3")

setup(ext_modules=ext_modules)
