"""In English a country adjective right before an import word names the goods' origin
("Chinese imports" = imports from China), a name or possessive the importer ("China's
imports"); in German and the Slavic languages the adjective stays the importer ("die indischen
Importe"): claims/roles.py ``adjective_role`` with each language's ``import_origin_adjective``.
Constructed sentences (our own wording, figures made up for the grammar only)."""

from __future__ import annotations

import re

import pytest

from tradecheck.claims import lexicon as L
from tradecheck.claims.parse import parse
from tradecheck.claims.roles import adjective_role


@pytest.mark.parametrize(
    ("lang", "written", "is_adjective"),
    [
        ("en", "Chinese", True),
        ("en", "Belarusian", True),
        ("en", "China's", False),
        ("en", "Belarus", False),
        ("en", "Japan", False),
        ("de", "indischen", False),
        ("ru", "китайский", False),
        ("uk", "китайський", False),
        ("be", "кітайскі", False),
        ("pl", "chińskie", False),
    ],
)
def test_country_adjective_forms_of_each_language(lang, written, is_adjective):
    adjective = re.compile(L.language_source("import_origin_adjective", lang), re.IGNORECASE)
    assert (adjective_role(written, " ", "import", adjective) == "orig") is is_adjective


def test_adjective_role_only_for_imports_written_right_before_them():
    adjective = re.compile(L.language_source("import_origin_adjective", "en"), re.IGNORECASE)
    assert adjective_role("Chinese", " ", "export", adjective) is None
    assert adjective_role("Chinese", " ", "trade", adjective) is None
    assert adjective_role("Chinese", " machinery ", "import", adjective) is None


def test_adjective_role_none_when_the_origin_is_written_after_the_import_word():
    adjective = re.compile(L.language_source("import_origin_adjective", "en"), re.IGNORECASE)
    assert adjective_role("Peruvian", " ", "import", adjective, origin_written=True) is None
    assert adjective_role("Peruvian", " ", "import", adjective, origin_written=False) == "orig"


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        # adjective + import word: the goods come from that country
        (
            "US exports to China fell 12% in 2019; Chinese imports declined 7%.",
            ("USA", "CHN"),
            ["USA->CHN", "CHN->USA"],
        ),
        ("Chinese imports into the US fell 7% in 2019.", ("USA", "CHN"), ["CHN->USA"]),
        # adjective + import word + a written origin: the adjective is the importer
        (
            "In 2022 Nigerian imports from China went up by a fifth to $3 billion.",
            ("NGA", "CHN"),
            ["CHN->NGA", "CHN->NGA"],
        ),
        ("Chinese imports from Brazil rose 9% last year.", ("BRA", "CHN"), ["BRA->CHN"]),
        # German: the adjective is the importer ("die indischen Importe" = India's imports)
        (
            "Der Handel mit China wuchs 2021, die indischen Importe stiegen um 20%.",
            ("IND", "CHN"),
            ["CHN->IND"],
        ),
        # a possessive or name is the importer; an adjective before exports the exporter
        ("China's imports from Belarus rose 4% in 2019.", ("BLR", "CHN"), ["BLR->CHN"]),
        ("In 2019 Belarusian exports to China rose 4%.", ("BLR", "CHN"), ["BLR->CHN"]),
    ],
)
def test_direction_of_an_adjective_before_a_flow_word(text, pair, expected):
    assert [c.direction for c in parse(text, pair=pair)] == expected
