"""Build hook: ``KRNUM_MYPYC=1`` compiles the readings with mypyc (docs/performance.md);
without it krnum builds as pure Python, which every platform runs and CI tests first. Both
builds are the same source and give the same answers."""

import os
import sys

from setuptools import setup

MYPY = "mypy==2.4.1"  # pinned: the compiled modules are what this mypyc makes of them
# the readings; _amount is left out (mypyc refuses the __class__ assignment of its drafts),
# and so are extract() and parse(), which take any object and answer in krnum's words
COMPILED = [f"src/krnum/{m}.py" for m in ("_semantics", "_numeral", "_read", "_tables",
                                          "_expression")]

ext_modules = []
if os.environ.get("KRNUM_MYPYC") == "1":
    try:
        from mypyc.build import mypycify
    except ImportError:
        # a build frontend (pip, build) takes this for a build requirement and runs setup.py
        # again with mypy installed; run without one, the build stops here
        setup(setup_requires=[MYPY])
        sys.exit(f"KRNUM_MYPYC=1 compiles with mypyc: install {MYPY} first")
    ext_modules = mypycify(COMPILED, opt_level="3")

setup(ext_modules=ext_modules)
