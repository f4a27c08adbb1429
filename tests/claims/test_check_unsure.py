"""Unsure is an answer: a claim that leaves its direction, period or reporter open is checked
under every plausible alternative, and every output says it was ambiguous.

Every table here is constructed (invented numbers, computed by hand in the comments); none
says anything about real trade.
"""

from __future__ import annotations

import io
import json

import pytest

from tradecheck import schema
from tradecheck.charts import verdict as chart_verdict
from tradecheck.claims import _cli, explain
from tradecheck.claims.check import check
from tradecheck.claims.model import VERDICTS, Claim, Period

M = 1e6


def row(reporter, flow, start, end, value, source):
    """One canonical row of Belarus-China goods trade (flow T = total, X/M one way)."""
    partner = "CHN" if reporter == "BLR" else "BLR"
    exporter, importer = (reporter, partner) if flow in ("X", "T") else (partner, reporter)
    return {
        "reporter": reporter, "partner": partner, "flow": flow, "period_start": start,
        "period_end": end, "value": float(value), "source": source,
        "source_file": "constructed.csv", "source_ref": f"{source} {reporter} {flow} {start}",
        "vintage": "2024-01-01", "exporter": exporter, "importer": importer, "bound": "eq",
        "note": "", "classification": "TOTAL",
    }  # fmt: skip


def frame(rows):
    return schema.validate(schema.make_frame(rows))


Y21 = ("2021-01", "2021-12")
# Belarus-China 2021 as both sides report it to the IMF (US$ m, constructed):
#   goods Belarus -> China   800  (Belarus's exports X, China's imports M)
#   goods China -> Belarus 3,000  (China's exports X, Belarus's imports M)
#   total trade            3,800  (T on both sides)
#   Belarus's balance      800 - 3,000 = -2,200; China's +2,200
ROWS = [
    row("BLR", "X", *Y21, 800 * M, "imf_dots"),
    row("BLR", "M", *Y21, 3000 * M, "imf_dots"),
    row("BLR", "T", *Y21, 3800 * M, "imf_dots"),
    row("CHN", "X", *Y21, 3000 * M, "imf_dots"),
    row("CHN", "M", *Y21, 800 * M, "imf_dots"),
    row("CHN", "T", *Y21, 3800 * M, "imf_dots"),
]


def unsure_claim(value, *, quantity="level", bound="eq", period=Y21, unsure=("direction",)):
    """A claim whose direction the reader left open (null, listed as unsure)."""
    return Claim(
        f"trade of {value}", quantity, value, "USD", bound, None, None,
        Period(*period) if period else None, None, decimals=1, unsure=list(unsure),
    )  # fmt: skip


def one(c):
    return check([c], data=frame(ROWS), robustness=False)[0]


def by_assumed(res):
    return {o["assumed"]: o["verdict"] for o in res.alternatives}


def test_holds_for_one_direction_only_is_ambiguous():
    # $0.8 bn (one decimal: [0.75, 0.85) bn) is Belarus's exports (800), not the total
    # (3,800) nor China's exports (3,000)
    res = one(unsure_claim(0.8e9))
    assert by_assumed(res) == {
        "both": "not_supported",
        "BLR->CHN": "supported",
        "CHN->BLR": "not_supported",
    }
    assert res.verdict == "ambiguous"
    assert res.label == (
        "ambiguous: holds if read as Belarus's exports to China, "
        "not as total trade or as China's exports to Belarus"
    )
    assert res.ambiguous and res.unsure == ["direction"]
    # every alternative's readings are there, each labelled with the direction assumed
    assert {r.assumed for r in res.readings} == {"both", "BLR->CHN", "CHN->BLR"}
    assert len(res.readings) == 6
    holding = [r for r in res.readings if r.holds]
    assert {r.assumed for r in holding} == {"BLR->CHN"}
    assert all(r.label.startswith("[if read as Belarus's exports to China]") for r in holding)
    assert "evaluated under each" in res.reason


def test_context_readings_keep_their_mark_first():
    # the claim names China's statistics: Belarus's readings are context in every alternative
    c = unsure_claim(0.8e9)
    c.reporter = "CHN"
    res = one(c)
    ctx = [r for r in res.readings if not r.counted]
    assert len(ctx) == 3 and all(r.reporter == "BLR" for r in ctx)
    assert all(r.label.startswith("[context] [if read as ") for r in ctx)
    assert res.verdict == "ambiguous"


def test_holds_for_no_direction_is_not_supported():
    # $1.5 bn ([1.45, 1.55) bn) matches none of 800, 3,000, 3,800
    res = one(unsure_claim(1.5e9))
    assert set(by_assumed(res).values()) == {"not_supported"}
    assert res.verdict == "not_supported"
    assert res.label == "not supported under any direction it may mean"
    assert res.ambiguous


def test_holds_for_every_direction_is_supported():
    """Supported only because every alternative holds: more than $0.5 bn is true of 800,
    3,000 and 3,800 alike, so whatever the text meant, the claim holds."""
    res = one(unsure_claim(0.5e9, bound="gt"))
    assert set(by_assumed(res).values()) == {"supported"}
    assert res.verdict == "supported"
    assert res.label == "supported under every direction it may mean"
    assert res.ambiguous  # still says the text left the direction open


def test_holds_for_some_with_one_alternative_without_data_is_not_supported_as_a_whole():
    # only Belarus's exports are in the table: total trade and China's exports have no data,
    # so "holds if read as Belarus's exports" is all that can be said -- never 'supported'
    rows = [row("BLR", "X", *Y21, 800 * M, "imf_dots")]
    res = check([unsure_claim(0.8e9)], data=frame(rows), robustness=False)[0]
    assert res.verdict == "ambiguous"
    assert "no data if read as total trade" in res.label


def test_balance_alternatives_are_each_countrys_balance():
    # -$2.2 bn: Belarus's balance (800 - 3,000), not China's (+2,200)
    res = one(unsure_claim(-2.2e9, quantity="balance"))
    assert by_assumed(res) == {"BLR->CHN": "supported", "CHN->BLR": "not_supported"}
    assert res.verdict == "ambiguous"
    assert "holds if read as Belarus's trade balance with China" in res.label


def test_no_period_is_not_verifiable_with_the_reason():
    res = one(unsure_claim(0.8e9, period=None, unsure=("period", "direction")))
    assert res.verdict == "not_verifiable"
    assert res.reason == "the claim states no period"
    assert res.unsure == ["period", "direction"]
    assert all(r.holds is None for r in res.readings)


def test_reporter_unsure_names_the_sides_considered():
    c = unsure_claim(3.8e9, unsure=("reporter",))
    c.direction = "both"
    res = one(c)
    assert res.verdict == "supported" and res.alternatives == []
    assert res.unsure == ["reporter"]
    assert "unsure: reporter — readings of every side considered: Belarus, China" in res.summary()


def test_partner_unsure_says_which_pair_was_assumed():
    c = unsure_claim(3.8e9, unsure=("partner",))
    c.direction = "both"
    res = one(c)
    assert res.verdict == "supported"
    assert res.label == (
        "supported by statistics, if about Belarus-China (the text names no partner)"
    )
    assert "unsure: partner — judged only for the pair it was read for, BLR-CHN" in res.summary()


def test_a_claim_that_states_everything_is_not_ambiguous():
    c = unsure_claim(0.8e9, unsure=())
    c.direction = "BLR->CHN"
    res = one(c)
    assert res.verdict == "supported" and not res.ambiguous
    assert res.to_json()["ambiguous"] is False and res.to_json()["alternatives"] == []
    assert all(r.assumed is None for r in res.readings)


def test_every_output_says_ambiguous():
    res = one(unsure_claim(0.8e9))
    js = json.loads(json.dumps(res.to_json()))
    assert js["verdict"] == "ambiguous" and js["ambiguous"] is True
    assert js["unsure"] == ["direction"] and len(js["alternatives"]) == 3
    assert {r["assumed"] for r in js["readings"]} == {"both", "BLR->CHN", "CHN->BLR"}
    assert "unsure: direction — evaluated as total trade (not supported)" in res.summary()
    assert "unsure: direction" in res._repr_html_()
    table = explain.results_frame([res])
    assert table.loc[0, "ambiguous"] and table.loc[0, "unsure"] == "direction"
    from rich.console import Console

    out = io.StringIO()
    _cli.print_results([res], Console(file=out, width=200, highlight=False, markup=False))
    text = out.getvalue()
    assert text.startswith("AMBIGUOUS") and "unsure: direction" in text
    assert "Belarus (IMF DOTS) as Belarus→China" in text


@pytest.mark.parametrize("code", VERDICTS)
def test_every_verdict_code_has_words_and_colours(code):
    assert code in explain.VERDICT_WORDS and code in _cli._STYLES
    assert code in chart_verdict.VERDICT_COLORS and code in chart_verdict.VERDICT_WORDS
