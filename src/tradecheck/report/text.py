"""Every piece of user text (claims, file names, notes) enters the report through here.

The report's narrative is Markdown that pandoc turns into typst. Markdown (pandoc's flavour) has
raw blocks (```` `#panic()`{=typst} ````), emphasis, links, lists and math, so a claim written
as ``**x**`` would print bold and a typst snippet in a claims file would run. :func:`md`
backslash-escapes every ASCII punctuation character (pandoc reads ``\\*`` as a literal ``*``)
and folds line breaks, so the text prints exactly as written. Tables are safe without it
(pandas writes escaped HTML, which pandoc reads as text) and the first page reads its rows as
JSON data in typst (strings, never markup).

Examples
--------
>>> print(md("**x** `#panic()`{=typst}"))
\\*\\*x\\*\\* \\`\\#panic\\(\\)\\`\\{\\=typst\\}
>>> md("Беларусь 中国 2,2")
'Беларусь 中国 2\\\\,2'
"""

from __future__ import annotations

import re

_ASCII_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md(text: object) -> str:
    """``text`` as Markdown that prints literally: punctuation escaped, whitespace folded."""
    return _ASCII_PUNCT.sub(r"\\\1", " ".join(str(text).split()))
