"""The role a country plays around a flow word ("exports to China", "imports from China").

The reader tags each country near an export/import word: ``dest`` (after a destination
preposition: "to", "в", "nach", "对"), ``orig`` (after an origin preposition: "from", "из",
"aus", "自"), ``actor`` (the flow's subject: "Belarus's exports") or ``orig?``, a country
written right after the flow word without a preposition. ``orig?`` is usually the goods'
origin ("imports of Chinese goods", "экспорт белорусских товаров"), but when the clause also
names an explicit origin of another country, it is the one whose flow it is: "Импорт
Беларусью товаров из Китая", "imports by Belarus of machinery from China".
"""

from __future__ import annotations

import re

#: a country written right after the flow word without a preposition (origin unless settled)
IMPLICIT_ORIGIN = "orig?"


def settle_implicit(roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Roles with every implicit origin settled: the origin, unless an explicit origin of
    another country is named, then the flow's actor. Order and length are kept.

    Parameters
    ----------
    roles
        ``(role, iso3)`` in text order, roles ``dest``/``orig``/``actor``/``orig?``.

    Examples
    --------
    >>> settle_implicit([("orig?", "CHN")])
    [('orig', 'CHN')]
    >>> settle_implicit([("orig?", "BLR"), ("orig", "CHN")])
    [('actor', 'BLR'), ('orig', 'CHN')]
    >>> settle_implicit([("orig?", "BLR"), ("dest", "CHN")])
    [('orig', 'BLR'), ('dest', 'CHN')]
    """
    explicit = {iso for role, iso in roles if role == "orig"}
    out = []
    for role, iso in roles:
        if role == IMPLICIT_ORIGIN:
            role = "actor" if explicit - {iso} else "orig"
        out.append((role, iso))
    return out


#: how far a list of goods after a flow word may run past a comma ("imports of machinery,
#: vehicles and electronics from China") before its origin or destination is named
LIST_REACH = 160


def list_end(flow_end: int, stops: list[int], sentence_end: int) -> int:
    """Where a flow word's list of goods may end: at the next amount or flow word (``stops``
    after ``flow_end``), the sentence end or :data:`LIST_REACH` characters on, the nearest.

    Examples
    --------
    >>> list_end(10, [5, 90, 40], 300), list_end(10, [], 100)
    (40, 100)
    """
    after = [s for s in stops if s > flow_end]
    return min([flow_end + LIST_REACH, sentence_end, *after])


def explicit_only(norm: str, hits: list, marker_before) -> list:
    """The country ``hits`` (objects with ``start``) written after a destination or origin
    preposition (``marker_before`` searched in the 20 characters before each hit).

    Examples
    --------
    >>> import re
    >>> from types import SimpleNamespace as Hit
    >>> text = "imports of machinery, Chinese cars and parts from China"
    >>> hits = [Hit(start=text.index("Chinese")), Hit(start=text.rindex("China"))]
    >>> [h.start for h in explicit_only(text, hits, re.compile(r"from\\s*$"))]
    [50]
    """
    return [h for h in hits if marker_before.search(norm[max(0, h.start - 20) : h.start])]


#: hyphens that join a country to a flow word in a compound ("Russland-Exporte")
COMPOUND_HYPHENS = frozenset("-\u2010\u2011")


def compound_role(between: str, kind: str) -> str | None:
    """The role of a country joined to the flow word right after it by a hyphen: the
    destination of exports ("Russland-Exporte": exports to Russia), the origin of imports
    ("China-Importe": imports from China); None when they are not so joined.

    Parameters
    ----------
    between
        The text between the country's end and the flow word's start.
    kind
        The flow word's kind: export, import or trade.

    Examples
    --------
    >>> compound_role("-", "export"), compound_role("-", "import")
    ('dest', 'orig')
    >>> compound_role(" ", "export"), compound_role("-", "trade")
    (None, None)
    """
    if between not in COMPOUND_HYPHENS:
        return None
    return {"export": "dest", "import": "orig"}.get(kind)


def adjective_role(
    written: str,
    between: str,
    kind: str,
    adjective: re.Pattern[str],
    origin_written: bool = False,
) -> str | None:
    """The role of a country adjective written right before an import word, in a language
    whose press so writes the goods' origin ("Chinese imports": imports from China); None for
    any other country form or flow ("China's imports" names the importer, "Chinese exports"
    the exporter, the actor either way), and when the import word's origin is written after
    it ("Peruvian imports from Japan": Peru's imports, the adjective is the importer).
    German and the Slavic languages leave the concept empty: "die indischen Importe" is
    India's imports, "китайский импорт" either.

    Parameters
    ----------
    written
        The country as written in the text.
    between
        The text between the country's end and the flow word's start.
    kind
        The flow word's kind: export, import or trade.
    adjective
        The text language's origin adjective forms (concept ``import_origin_adjective``).
    origin_written
        Whether a country after the import word is marked as its origin ("from Japan").

    Examples
    --------
    >>> adj = re.compile(r"\\w+(?:ese|ian)", re.IGNORECASE)
    >>> adjective_role("Chinese", " ", "import", adj), adjective_role("China's", " ", "import", adj)
    ('orig', None)
    >>> adjective_role("Chinese", " ", "export", adj)
    >>> adjective_role("Russian", " goods ", "import", adj)
    >>> adjective_role("Peruvian", " ", "import", adj, origin_written=True)
    """
    if kind != "import" or origin_written or between.strip() or not adjective.fullmatch(written):
        return None
    return "orig"


#: what may follow a country's name to make it a possessive ("China's", "China’s")
POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")


def with_role(after: str, kind: str) -> str | None:
    """The role of a country written after "with" (concept ``with_word``) before a flow
    word: the flow's partner, the destination of exports and the origin of imports ("the trade
    gap with China grew as exports slipped and imports rose": Argentina's exports to China,
    its imports from China); None for a possessive ("with China's exports up": China's own)
    or a trade word.

    Parameters
    ----------
    after
        The text right after the country's name.
    kind
        The flow word's kind: export, import or trade.

    Examples
    --------
    >>> with_role(" widens as", "export"), with_role(" widens as", "import")
    ('dest', 'orig')
    >>> with_role("'s exports", "export"), with_role(" and", "trade")
    (None, None)
    """
    if POSSESSIVE_AFTER.match(after):
        return None
    return {"export": "dest", "import": "orig"}.get(kind)
