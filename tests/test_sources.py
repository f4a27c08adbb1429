"""The source-metadata registry (tradecheck/data/sources.csv) and its readers."""

from __future__ import annotations

import re

import pytest

from tradecheck import schema, sources
from tradecheck.charts import style
from tradecheck.claims import readings
from tradecheck.loaders import base, loaders


def test_every_reader_uses_the_registry():
    reg = sources.registry()
    assert schema.SOURCES == tuple(reg)
    assert readings.SOURCE_NAMES == {k: s.name for k, s in reg.items()}
    assert style.SOURCE_SHORT == {k: s.short_name for k, s in reg.items()}
    assert style.SOURCE_NAMES == {k: s.citation for k, s in reg.items()}
    assert set(style.SOURCE_LINESTYLES) == {k for k, s in reg.items() if s.linestyle}


def test_one_name_per_fact():
    gacc = sources.get("gacc")
    assert (gacc.name, gacc.short_name) == ("China customs (GACC)", "GACC")
    assert readings.SOURCE_NAMES["gacc"] == style.SOURCE_NAMES["gacc"] == gacc.name


def test_every_loader_declares_a_registered_source_and_every_source_has_a_loader():
    declared = {ld.source for ld in loaders().values()}
    assert declared == set(sources.ids())
    for src in sources.registry().values():
        assert (base.Path(base.__file__).parents[1] / src.loaders).is_file(), src.loaders


def test_a_loader_with_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match=re.escape("'nowhere' is not in data/sources.csv")):
        base.register("x", source="nowhere", sniff=lambda p, h: 0.0)


def test_linestyles_are_matplotlib_dash_patterns():
    assert sources.get("imf_dots").dash == "-"
    assert sources.get("gacc").dash == (0, (6.0, 2.0, 1.0, 2.0))
    assert sources.get("published").dash is None  # drawn as markers


@pytest.mark.parametrize(
    "name",
    [
        "tradecheck.sources",
        "tradecheck.loaders.base",
        "tradecheck.loaders.generic",
        "tradecheck.loaders.belstat",
        "tradecheck.loaders._cli",
    ],
)
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
