"""The lossless Claim: JSON round-trip, written precision, almost, pair (issue 8, item 1)."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradecheck.claims.model import (
    BOUNDS,
    CONTRACT_FIELDS,
    EXTRA_FIELDS,
    QUANTITIES,
    UNSURE_FIELDS,
    Claim,
    Period,
)
from tradecheck.claims.parse import parse

_month = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1990, 2040), st.integers(1, 12))
_period = st.builds(Period, _month, _month)
_finite = st.floats(allow_nan=False, allow_infinity=False)
_text = st.text(max_size=40)

claims = st.builds(
    Claim,
    span=_text,
    quantity=st.sampled_from(QUANTITIES),
    value=_finite,
    currency=st.none() | st.sampled_from(["USD", "CNY", "EUR", "BYN"]),
    bound=st.sampled_from(BOUNDS),
    direction=st.none() | st.sampled_from(["both", "BLR->CHN", "CHN->BLR"]),
    reporter=st.none() | st.sampled_from(["BLR", "CHN"]),
    period=st.none() | _period,
    base_period=st.none() | _period,
    scope=st.sampled_from(["goods", "industrial", "product:dairy", "region:Minsk"]),
    lang=st.sampled_from(["en", "de", "ru", "zh", "uk", "be"]),
    decimals=st.none() | st.integers(0, 6),
    pair=st.sampled_from(["BLR-CHN", "DEU-FRA", ("RUS", "CHN")]),
    precision=st.none() | st.floats(min_value=1e-6, max_value=1e12),
    written=_text,
    almost=st.booleans(),
    unsure=st.lists(st.sampled_from(UNSURE_FIELDS), unique=True, max_size=4),
    notes=st.lists(_text, max_size=2),
)


@given(claims)
def test_json_round_trip_is_exact(c):
    d = c.to_json()
    assert Claim.from_json(d) == c
    # and through the JSON text, as `tradecheck parse --json` writes it
    assert Claim.from_json(json.loads(json.dumps(d, ensure_ascii=False))) == c


def test_contract_fields_come_first_and_unchanged():
    c = parse("In 2022 trade between Belarus and China reached $5.08 billion.")[0]
    d = c.to_json()
    assert list(d)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
    assert set(d) == set(CONTRACT_FIELDS) | set(EXTRA_FIELDS)
    assert d["bound"] in BOUNDS


def test_from_json_of_a_contract_only_object_uses_defaults():
    d = {"quantity": "ratio", "value": 2.2, "direction": "both", "bound": "eq"}
    c = Claim.from_json(d)
    assert c.pair == "BLR-CHN" and c.precision is None and c.unsure == [] and not c.almost


@pytest.mark.parametrize(
    ("text", "precision", "written"),
    [
        ("In 2022 trade between Belarus and China reached $5.10 billion.", 1e7, "$5.10 billion"),
        ("In 2022 trade between Belarus and China reached 5.1 bn dollars.", 1e8, "5.1 bn dollars"),
        ("In 2023 exports from Belarus to China rose 2.2-fold.", 0.1, "2.2-fold"),
        ("In 2021 trade between Belarus and China grew 17%.", 1.0, "17%"),
        ("In 2020 exports from Belarus to China doubled.", None, "doubled"),
        ("2016年,中白贸易额15.3亿美元。", 1e7, "15.3亿美元"),
        ("Товарооборот Беларуси и Китая в 2019 году вырос в 2,2 раза.", 0.1, "в 2,2 раза"),
    ],
)
def test_written_precision_stays_on_the_claim(text, precision, written):
    c = parse(text)[0]
    assert c.precision == (None if precision is None else pytest.approx(precision))
    assert c.written == written


def test_almost_is_kept_apart_from_about():
    almost = parse("In 2022 trade between Belarus and China reached almost $5 billion.")[0]
    about = parse("In 2022 trade between Belarus and China reached about $5 billion.")[0]
    assert almost.bound == about.bound == "approx"
    assert almost.almost and not about.almost


def test_pair_is_the_pair_read_for():
    c = parse("In 2022 trade between Russia and China reached $190 billion.", pair=("RUS", "CHN"))
    assert c[0].pair == "RUS-CHN" and c[0].pair_codes == ("RUS", "CHN")
    assert Claim.from_json(c[0].to_json()).pair == "RUS-CHN"


@pytest.mark.parametrize(
    ("text", "unsure", "direction", "has_period"),
    [
        ("Exports rose by 12% in 2024.", ["direction", "partner"], None, True),
        # neither a country nor a period: nothing ties it to the pair (resolve.direction.unanchored)
        (
            "За этот период товарооборот вырос на 7%.",
            ["direction", "period", "partner"],
            None,
            False,
        ),
        ("In 2024 Belarus's exports to China rose by 12%.", [], "BLR->CHN", True),
    ],
)
def test_unsure_lists_what_the_text_does_not_say(text, unsure, direction, has_period):
    (c,) = parse(text, as_of="2025-03-01")
    assert c.unsure == unsure and c.direction == direction
    assert (c.period is not None) == has_period
    assert set(c.unsure) <= set(UNSURE_FIELDS)


def test_claims_do_not_depend_on_the_order_amounts_are_visited():
    from tradecheck.claims._lang import normalise
    from tradecheck.claims.context import Doc, contexts
    from tradecheck.claims.parse import build_claim, claims_of

    text = (
        "Exports from Belarus to China reached $1.4 billion in 2024, imports 3.2 billion, "
        "and trade grew by 5%. In 2023 it was 6 billion dollars. It more than doubled: "
        "exports were 2.2 times as large as in 2020."
    )
    doc = Doc.read(text, normalise(text), "en", None, ("BLR", "CHN"))
    ctxs = contexts(doc)

    def built(order):
        out = {id(c): build_claim(c) for c in order}
        return [out[id(c)].to_json() if out[id(c)] else None for c in ctxs]

    shuffled = list(ctxs)
    random.Random(8).shuffle(shuffled)
    forward = built(ctxs)
    assert forward == built(reversed(ctxs)) == built(shuffled)
    assert sum(c is not None for c in forward) >= 4
    # the whole assembly (refinement and dedupe included) gives text order from any order
    claims = [c.to_json() for c in claims_of(ctxs)]
    assert claims == [c.to_json() for c in claims_of(shuffled)]
    assert claims == [c.to_json() for c in parse(text)]
