"""krnum: exact figures from Korean financial text.

>>> import krnum
>>> krnum.parse("약 1억2000만 달러").to_dict()["value"]
'120000000'
"""

from ._amount import Amount
from ._errors import ParseError
from ._extract import extract
from ._format import format_korean
from ._normalize import normalize
from ._parse import parse

__all__ = ["Amount", "ParseError", "extract", "format_korean", "normalize", "parse"]
__version__ = "0.1.0"
