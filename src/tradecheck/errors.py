"""Exceptions raised by tradecheck.

Every error a user can cause (a malformed file, a wrong unit, an unknown country, an
unparseable claim) is a :class:`TradecheckError`. The command line turns it into one clear
message and exit status 2, never a traceback.
"""

from __future__ import annotations


class TradecheckError(Exception):
    """Base class of every error tradecheck reports to the user."""


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
