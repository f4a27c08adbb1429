"""What a load dropped or noticed, file by file: the :class:`LoadReport`.

Every loader reports rows it leaves out on purpose (breakdown rows, aggregate partners,
``NaN`` observations ...) through :func:`drop`, and anything else worth knowing through
:func:`note`. :func:`tradecheck.loaders.load` collects them in one :class:`LoadReport` per call
(:func:`tradecheck.loaders.load_report` of the returned table), ``tradecheck load``
prints it, and a load that ends with zero rows because rows were dropped is an error unless
an empty result was asked for.

Outside a :func:`collecting` block (a loader called directly) the calls still emit a
:class:`~tradecheck.loaders.base.LoadWarning`, so nothing is ever dropped silently.

Examples
--------
>>> with collecting() as rep:
...     drop("x.csv", "aggregate partner row", 3, warn=False)
...     announced("x.csv", announced=360, held=2, warn=False)
>>> rep.n_dropped
361
>>> print(rep)  # doctest: +NORMALIZE_WHITESPACE
x.csv: dropped 3 row(s) of aggregate partner row; 358 record(s) announced in the file
but missing from it
"""

from __future__ import annotations

import contextvars
import os
import warnings
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tradecheck.loaders.base import LoadWarning, display_path

__all__ = [
    "MISSING",
    "FileReport",
    "LoadReport",
    "ReportedWarning",
    "announced",
    "attach",
    "collecting",
    "drop",
    "drop_counts",
    "note",
    "report_of",
]

#: The reason under which records a file announces but does not hold are counted.
MISSING = "record(s) announced in the file but missing from it"


class ReportedWarning(LoadWarning):
    """A :class:`~tradecheck.loaders.base.LoadWarning` whose content is already in the
    active report (``tradecheck load`` prints the report instead of these)."""


@dataclass
class FileReport:
    """Rows dropped (by reason) and notes for one file."""

    file: str
    dropped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per file: its drops, then one line per note."""
        out = []
        drops = [f"{n} row(s) of {r}" for r, n in self.dropped.items() if r != MISSING]
        parts = [f"dropped {'; '.join(drops)}"] if drops else []
        if self.dropped.get(MISSING):
            parts.append(f"{self.dropped[MISSING]} {MISSING}")
        if parts:  # the same wording as the warning of drop_counts
            out.append(f"{self.file}: " + "; ".join(parts))
        out.extend(f"{self.file}: {n}" for n in self.notes)
        return out


@dataclass
class LoadReport:
    """Everything one load dropped or noticed, per file (insertion order)."""

    files: dict[str, FileReport] = field(default_factory=dict)

    def file(self, path: str | os.PathLike[str]) -> FileReport:
        """The (new or existing) entry of ``path``."""
        key = _shown(path)
        if key not in self.files:
            self.files[key] = FileReport(key)
        return self.files[key]

    @property
    def dropped(self) -> Counter[str]:
        """Rows dropped over all files, by reason."""
        total: Counter[str] = Counter()
        for f in self.files.values():
            total.update(f.dropped)
        return total

    @property
    def n_dropped(self) -> int:
        """Number of rows dropped (or announced but missing) over all files."""
        return sum(self.dropped.values())

    @property
    def notes(self) -> list[str]:
        """Every note, prefixed with its file."""
        return [f"{f.file}: {n}" for f in self.files.values() for n in f.notes]

    def lines(self) -> list[str]:
        """The report as lines for a person (empty when nothing was dropped or noted)."""
        return [ln for f in self.files.values() for ln in f.lines()]

    def reasons(self) -> str:
        """``"3 row(s) of X; 2 row(s) of Y"`` over all files (for one-line errors)."""
        return "; ".join(f"{n} row(s) of {r}" for r, n in self.dropped.most_common())

    def __str__(self) -> str:
        return "\n".join(self.lines())


_ACTIVE: contextvars.ContextVar[LoadReport | None] = contextvars.ContextVar(
    "tradecheck_load_report", default=None
)


@contextmanager
def collecting() -> Iterator[LoadReport]:
    """Collect every :func:`drop` / :func:`note` made inside the block into a new report."""
    rep = LoadReport()
    token = _ACTIVE.set(rep)
    try:
        yield rep
    finally:
        _ACTIVE.reset(token)


def _shown(path: str | os.PathLike[str]) -> str:
    return display_path(path)


def _warn(message: str) -> None:
    warnings.warn(ReportedWarning(message), stacklevel=3)


def drop_counts(
    path: str | os.PathLike[str], counts: Mapping[str, int], *, warn: bool = True
) -> None:
    """Record rows of ``path`` dropped on purpose, ``{reason: count}`` (zero counts ignored).

    One :class:`~tradecheck.loaders.base.LoadWarning` names them all unless ``warn=False``.
    """
    counts = {r: int(n) for r, n in counts.items() if n}
    if not counts:
        return
    rep = _ACTIVE.get()
    if rep is not None:
        rep.file(path).dropped.update(counts)
    if warn:
        detail = "; ".join(f"{n} row(s) of {r}" for r, n in counts.items())
        _warn(f"{_shown(path)}: dropped {detail}")


def drop(path: str | os.PathLike[str], reason: str, count: int, *, warn: bool = True) -> None:
    """Record ``count`` rows of ``path`` dropped for ``reason``."""
    drop_counts(path, {reason: count}, warn=warn)


def note(path: str | os.PathLike[str], message: str, *, warn: bool = True) -> None:
    """Record something about ``path`` that a user should know (not a dropped row)."""
    rep = _ACTIVE.get()
    if rep is not None:
        rep.file(path).notes.append(message)
    if warn:
        _warn(f"{_shown(path)}: {message}")


def announced(
    path: str | os.PathLike[str], *, announced: int, held: int, warn: bool = True
) -> None:
    """Flag a download whose header announces more records than it holds.

    The missing records are counted under :data:`MISSING` (so a file that holds none of the
    records it announces makes an empty load an error, like dropped rows do).
    """
    if announced <= held:
        return
    rep = _ACTIVE.get()
    if rep is not None:
        rep.file(path).dropped[MISSING] += announced - held
    if warn:
        _warn(
            f"{_shown(path)}: the file announces {announced} record(s) but holds {held}: "
            "the download is incomplete"
        )


# Reports of the tables load() returned, by the table's id while the table lives. Not kept in
# ``df.attrs``: pandas writes attrs into Parquet metadata, which would change the bytes of every
# table saved from a load.
_BY_FRAME: dict[int, tuple[weakref.ref[Any], LoadReport]] = {}


def attach(df: Any, rep: LoadReport) -> None:
    """Remember ``rep`` as the report of table ``df`` (for :func:`report_of`)."""
    key = id(df)

    def forget(_ref: weakref.ref[Any]) -> None:
        _BY_FRAME.pop(key, None)

    _BY_FRAME[key] = (weakref.ref(df, forget), rep)


def report_of(df: Any) -> LoadReport | None:
    """The report attached to ``df`` by :func:`attach`, or ``None``."""
    entry = _BY_FRAME.get(id(df))
    return entry[1] if entry is not None and entry[0]() is df else None
