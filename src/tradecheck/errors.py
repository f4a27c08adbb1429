"""Exceptions raised by tradecheck, and the one helper that makes their text safe to print.

Every error a user can cause (a malformed file, a wrong unit, an unknown country, an
unparseable claim) is a :class:`TradecheckError`. The command line turns it into one clear
message and exit status 2, never a traceback.

Messages quote what the user gave (file names, cells, server texts), which may hold newlines
or terminal escape codes. :func:`one_line` escapes every control character, and
``str()`` of any :class:`TradecheckError` goes through it, so a message is always one line
and an escape code in a file name never reaches the terminal.
"""

from __future__ import annotations

import re

__all__ = [
    "FetchError",
    "LoadError",
    "SchemaError",
    "TradecheckError",
    "UnknownCountryError",
    "one_line",
]

# C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides and
# isolates (which can make a file name display as something it is not).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """``text`` as one printable line: outer blanks stripped, control characters escaped.

    Parameters
    ----------
    text
        Anything; ``str()`` is applied first.

    Returns
    -------
    str
        The same text with newlines, carriage returns, tabs, escape codes (ESC, CSI...),
        DEL and Unicode separators/bidi controls written as ``\\n``, ``\\x1b``, ``\\u202e``.

    Examples
    --------
    >>> one_line("a\\nb")
    'a\\\\nb'
    >>> one_line("\\x1b[31mred.csv\\n")
    '\\\\x1b[31mred.csv'
    """
    return _UNSAFE.sub(_escape, str(text).strip())


class TradecheckError(Exception):
    """Base class of every error tradecheck reports to the user.

    ``str(error)`` is always one line with control characters escaped (:func:`one_line`).

    Examples
    --------
    >>> str(TradecheckError("bad\\nfile"))
    'bad\\\\nfile'
    """

    def __str__(self) -> str:
        return one_line(super().__str__())


class LoadError(TradecheckError):
    """A source file could not be read into the canonical table.

    Parameters
    ----------
    path
        The file that failed.
    message
        What was wrong and what was expected.
    row, column
        Where, when known (``row`` is 1-based as an editor shows it, header = line 1).

    Examples
    --------
    >>> str(LoadError("x.csv", "expected a number", row=3, column="value"))
    "x.csv, line 3, column 'value': expected a number"
    """

    def __init__(
        self,
        path: object,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.row = row
        self.column = column
        where = self.path
        if row is not None:
            where += f", line {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")


class SchemaError(TradecheckError):
    """A table does not satisfy the canonical schema."""


class UnknownCountryError(TradecheckError):
    """A country name or code could not be resolved to ISO 3166 alpha-3."""


class FetchError(TradecheckError):
    """A live download failed (HTTP error, missing period, bad key)."""
