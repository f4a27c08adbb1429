"""Property tests: parse never raises on arbitrary text and always returns well-formed claims."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradecheck.claims.model import BOUNDS, QUANTITIES, Claim
from tradecheck.claims.parse import parse

_WORDS = [
    "trade",
    "exports",
    "imports",
    "to",
    "from",
    "China",
    "Belarus",
    "Russia",
    "billion",
    "million",
    "$",
    "US$",
    "%",
    "times",
    "doubled",
    "in",
    "2022",
    "Q1",
    "first",
    "half",
    "year-on-year",
    "about",
    "more than",
    "товарооборот",
    "млрд",
    "долларов",
    "в",
    "раза",
    "году",
    "январь–сентябрь",
    "贸易额",
    "亿美元",
    "同比增长",
    "倍",
    "1-9月",
    "Handel",
    "Milliarden",
    "Dollar",
    "Prozent",
    "um",
    ",",
    ".",
    "。",
    "deficit",
    "share",
    "потash",
    "Minsk Oblast",
    "据中国海关统计",
    "по данным Белстата",
    "last year",
]
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

texts = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(_WORDS) | st.from_regex(r"[0-9]{1,25}([.,][0-9]{1,6})?", fullmatch=True),
        max_size=40,
    ).map(" ".join),
    st.lists(st.sampled_from(_WORDS) | st.integers(-(10**30), 10**30).map(str), max_size=40).map(
        "".join
    ),
    # absurdly long numbers next to scales and currencies (must not give inf)
    st.tuples(
        st.sampled_from(["Trade in 2022 reached $", "贸易额", "товарооборот вырос на ", "um "]),
        st.from_regex(r"[1-9][0-9]{300,420}([.,][0-9]{1,3})?", fullmatch=True),
        st.sampled_from([" billion.", "亿美元", "%", " Prozent", "-fold", " раза"]),
    ).map("".join),
)


def _well_formed(c: Claim, pair: tuple[str, str]) -> None:
    assert isinstance(c, Claim)
    assert c.quantity in QUANTITIES
    assert c.bound in BOUNDS
    assert isinstance(c.value, float) and c.value == c.value and abs(c.value) != float("inf")
    a, b = pair
    if c.direction is None:  # unsure is an answer: the field stays null and says so
        assert "direction" in c.unsure
    else:
        assert c.direction in ("both", f"{a}->{b}", f"{b}->{a}")
    assert c.reporter in (None, a, b)
    assert c.currency in (None, "USD", "CNY", "BYN")
    assert (c.currency is None) == (c.quantity in ("ratio", "pct_change", "share"))
    for p in (c.period, c.base_period):
        if p is not None:
            assert _PERIOD.match(p.start) and _PERIOD.match(p.end) and p.start <= p.end
    if c.quantity in ("level", "share", "balance"):
        assert c.base_period is None
    if c.quantity == "ratio":
        assert c.value > 0
    assert c.scope in (
        "goods",
        "goods_and_services",
        "services",
        "industrial",
    ) or c.scope.startswith(("product:", "region:"))
    assert c.lang in ("en", "de", "ru", "zh")
    assert isinstance(c.span, str) and c.span
    c.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    as_of=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    lang=st.sampled_from(["auto", "en", "de", "ru", "zh"]),
)
def test_parse_never_raises_and_is_well_formed(text, as_of, lang):
    for c in parse(text, as_of=as_of, lang=lang):
        _well_formed(c, ("BLR", "CHN"))


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_other_pair_well_formed(text):
    for c in parse(text, pair=("BLR", "RUS")):
        _well_formed(c, ("BLR", "RUS"))
