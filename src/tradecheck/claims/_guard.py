"""A first-character guard for patterns scanned over whole texts (speed only, same matches).

Python's regular-expression engine tries a pattern at every position of a text. A pattern of
many alternatives pays for all of them at each position, also where no match can start (the
digits and signs of "1% 1% 1%", the letters of a text for a pattern of numbers). :func:`guard`
works out from the parsed pattern which characters a match can start with and, when that set is
narrow (literals, ranges, digits, spaces), puts a one-character lookahead in front:
``(?=[...])(?:pattern)``. A position whose character is not in the set is then left after one
test. The set always holds every character a match can start with, so the matches are the same
(``tests/claims/test_guard.py`` checks this on every pattern of the reader). A pattern that can
match the empty string, starts with any character or a broad class (``\\w``, ``.``, ``[^…]``),
or uses back-references gets no guard, nor does one the engine already skips through
(it opens with a case-sensitive literal or set).

Examples
--------
>>> guard(r"(?<!\\w)(?:million|billion)")
'(?=[mb])(?:(?<!\\\\w)(?:million|billion))'
>>> guard(r"\\w+ years") == r"\\w+ years"
True
"""

from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as K  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["first_chars", "guard"]

#: a leading global flag group ("(?i)"): the guard cannot be put before it
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
#: classes narrow enough for a guard (a digit, a space); "\w", "\W", "\D", "\S" are not
_NARROW_CATEGORIES = {K.CATEGORY_DIGIT: r"\d", K.CATEGORY_SPACE: r"\s"}


class _Broad(Exception):
    """The first character of a match is not confined to a narrow set."""


def _chars(c: int) -> str:
    """One character as it is written inside a class: as itself when a letter or digit."""
    return chr(c) if chr(c).isalnum() else f"\\U{c:08x}"


def _in_class(items: list[tuple[Any, Any]]) -> list[str]:
    """The parts of a character class ``[...]`` as class text (:class:`_Broad` for ``[^...]``
    or a broad category)."""
    out = []
    for op, av in items:
        if op is K.LITERAL:
            out.append(_chars(av))
        elif op is K.RANGE:
            lo, hi = av
            out.append(f"{_chars(lo)}-{_chars(hi)}")
        elif op is K.CATEGORY and av in _NARROW_CATEGORIES:
            out.append(_NARROW_CATEGORIES[av])
        else:
            raise _Broad
    return out


def _first(seq: sre_parse.SubPattern | list, out: list[str], flags: int) -> bool:
    """Add to ``out`` the class parts of the characters a match of ``seq`` can start with;
    return whether ``seq`` can match the empty string (then what follows it counts too)."""
    for op, av in seq:
        if op is K.LITERAL:
            out.append(_chars(av))
            return False
        if op is K.IN:
            out.extend(_in_class(av))
            return False
        if op in (K.ASSERT, K.ASSERT_NOT, K.AT):
            continue  # zero-width: the next item gives the first character
        if op is K.BRANCH:
            if any([_first(alt, out, flags) for alt in av[1]]):
                continue
            return False
        if op is K.SUBPATTERN:
            _group, add, _del, sub = av
            if add & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Broad  # a case-insensitive part of a case-sensitive pattern
            if _first(sub, out, flags):
                continue
            return False
        if op is K.ATOMIC_GROUP:
            if _first(av, out, flags):
                continue
            return False
        if op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if _first(sub, out, flags) or lo == 0:
                continue
            return False
        raise _Broad  # any character, a negated literal, a back-reference, ...
    return True


def first_chars(source: str, flags: int = 0) -> str | None:
    """The class (``[...]``) of every character a match of ``source`` can start with, None
    when that is no narrow set (see the module docstring).

    Examples
    --------
    >>> first_chars(r"\\d+%|(?:per ?cent)")
    '[\\\\dp]'
    >>> first_chars(r"(?:x)?") is None, first_chars(r".+") is None
    (True, True)
    """
    # The parser and compiler helpers are private to ``re``: should a Python release change
    # them (AttributeError, TypeError), the pattern simply goes unguarded: slower, same matches.
    try:
        parsed = sre_parse.parse(source, flags)
        out: list[str] = []
        if _first(parsed, out, flags | parsed.state.flags):
            return None  # the empty string matches
        if _engine_skips(parsed, flags | parsed.state.flags):
            return None
    except (_Broad, re.error, AttributeError, TypeError, ValueError):
        return None
    return "[" + "".join(dict.fromkeys(out)) + "]"


def _engine_skips(parsed: sre_parse.SubPattern, flags: int) -> bool:
    """Whether the engine already jumps to the positions where a match can start: a pattern
    opening with a case-sensitive literal or set (",|;") has its own faster skip, which a
    lookahead in front would turn off."""
    prefix, _skip, _all = sre_compile._get_literal_prefix(parsed, flags)
    return bool(prefix) or sre_compile._get_charset_prefix(parsed, flags) is not None


def guard(source: str, flags: int = 0) -> str:
    """``source`` with a lookahead for its first character in front (:func:`first_chars`), or
    unchanged when there is no narrow one, the source opens with global flags ("(?i)") or is
    written in verbose mode (a closing comment would swallow the bracket)."""
    if _GLOBAL_FLAGS.match(source) or flags & re.VERBOSE:
        return source
    first = first_chars(source, flags)
    return source if first is None else f"(?={first})(?:{source})"


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(guard(source, flags), flags)``: the same matches, fewer tries."""
    return re.compile(guard(source, flags), flags)
