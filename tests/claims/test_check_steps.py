"""The steps of ``check.check_claim``: which countries' rows it reads, and one reading per
alternative direction (constructed claims, an empty table)."""

from __future__ import annotations

from tradecheck import schema
from tradecheck.claims import check as K
from tradecheck.claims.model import Claim, Period


def _claim(direction: str | None, quantity: str = "level") -> Claim:
    return Claim(
        "x", quantity, 3.0e9, "USD", "eq", direction, None, Period("2020-01", "2020-12"), None
    )


def test_countries_read_are_the_pair_and_every_alternative_flow() -> None:
    pair = ("KAZ", "CHN")
    assert K._countries_read(_claim(None), pair, K._alternatives(_claim(None), pair)) == {
        "KAZ",
        "CHN",
    }
    assert K._countries_read(_claim("UZB->CHN"), pair, [None]) == {"KAZ", "CHN", "UZB"}


def test_an_open_direction_gives_one_outcome_per_alternative() -> None:
    pair = ("KAZ", "CHN")
    claim = _claim(None)
    alts = K._alternatives(claim, pair)
    empty = schema.make_frame([])
    readings, outcomes, own = K._judge_alternatives(empty, claim, pair, alts, None)
    assert readings == []
    assert [o["assumed"] for o in outcomes] == ["both", "KAZ->CHN", "CHN->KAZ"]
    assert {o["verdict"] for o in outcomes} == {"not_verifiable"}
    assert own == ("not_verifiable", None, False)


def test_a_stated_direction_gives_no_outcomes() -> None:
    pair = ("KAZ", "CHN")
    empty = schema.make_frame([])
    readings, outcomes, own = K._judge_alternatives(empty, _claim("CHN->KAZ"), pair, [None], None)
    assert (readings, outcomes, own) == ([], [], ("not_verifiable", None, False))


def test_window_query_names_parameters_of_both_window_readers() -> None:
    import inspect

    from tradecheck import derive
    from tradecheck.claims import readings as RD
    from tradecheck.claims import scope

    spec = RD.ReadingSpec("imf_dots", "KAZ", "one_way", "KAZ", "CHN", currency="EUR")
    query = RD._window_query(spec, Period("2019-04", "2019-06"), ("CHN", "KAZ"))
    assert (query["exporter"], query["importer"], query["start"]) == ("CHN", "KAZ", "2019-04")
    assert (query["reporter"], query["currency"]) == ("KAZ", "EUR")
    for reader in (derive.window_value, scope.industrial_value):
        assert set(query) <= set(inspect.signature(reader).parameters), reader.__name__
