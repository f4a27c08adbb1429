"""Comtrade fetcher, replayed through a fake transport (never the network)."""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from pathlib import Path

import pytest

from tradecheck import cli
from tradecheck.errors import FetchError
from tradecheck.fetch import comtrade
from tradecheck.fetch._transport import ReplayTransport, Response, get_with_backoff

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
REAL = (FIX / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json").read_bytes()
EMPTY = (FIX / "api_response_real_empty.json").read_bytes()
R401 = (FIX / "comtrade_401_constructed.json").read_bytes()
R429 = (FIX / "comtrade_429_constructed.json").read_bytes()
ERR = (FIX / "comtrade_error_envelope_constructed.json").read_bytes()
SECRET = "s3cr3t-KEY-0123456789abcdef"

pytestmark = pytest.mark.filterwarnings("ignore::tradecheck.fetch.comtrade.FetchWarning")


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    for var in comtrade.KEY_ENV_VARS:
        monkeypatch.delenv(var, raising=False)


def _sidecar(path: Path) -> dict:
    return json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))


def _fetch(tmp_path, responses, *args, **kw):
    t = ReplayTransport(responses)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = comtrade.fetch(*args, out_dir=tmp_path, transport=t, **kw)
    return out, t, [str(w.message) for w in caught]


def test_success_saves_response_unchanged_with_sidecar(tmp_path):
    saved, t, warns = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010")
    assert len(saved) == 1
    path = saved[0]
    assert path.read_bytes() == REAL
    sha = hashlib.sha256(REAL).hexdigest()
    assert path.name == f"comtrade_CHN_ARG+DEU_A_2010_{sha[:12]}.json"
    meta = _sidecar(path)
    assert meta["sha256"] == sha and meta["bytes"] == len(REAL)
    assert meta["http_status"] == 200 and meta["record_count"] == 4
    assert meta["missing_periods"] == [] and meta["periods_with_data"] == ["2010"]
    assert meta["retrieved_at"].endswith("Z")
    params = meta["parameters"]
    assert params["reporterCode"] == "156" and params["partnerCode"] == "32,276"
    assert (params["customsCode"], params["motCode"], params["partner2Code"]) == ("C00", "0", "0")
    assert params["includeDesc"] == "true" and params["flowCode"] == "X,M"
    # no key: the public preview endpoint, with a warning
    assert t.calls[0].url.startswith("https://comtradeapi.un.org/public/v1/preview/C/A/HS?")
    assert meta["url"] == t.calls[0].url
    assert comtrade.KEY_HEADER not in t.calls[0].headers
    assert any("preview" in w for w in warns)


def test_saved_file_is_read_by_the_comtrade_loader(tmp_path):
    from tradecheck.loaders import load

    saved, _, _ = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010")
    df = load(saved[0])
    assert len(df) == 4
    assert set(df["partner"]) == {"ARG", "DEU"}
    assert df["vintage"].iloc[0] == _sidecar(saved[0])["vintage"]


def test_empty_period_is_recorded_as_no_data(tmp_path):
    saved, _, warns = _fetch(tmp_path, [Response(200, EMPTY)], "CHN", "BLR", "2011")
    meta = _sidecar(saved[0])
    assert meta["record_count"] == 0
    assert meta["missing_periods"] == ["2011"]
    assert any("no records for period(s) 2011" in w for w in warns)


def test_missing_period_in_a_partial_answer_is_reported(tmp_path):
    saved, t, warns = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", [2010, 2011])
    assert "period=2010,2011" in t.calls[0].url
    meta = _sidecar(saved[0])
    assert meta["periods_with_data"] == ["2010"]
    assert meta["missing_periods"] == ["2011"]
    assert any("2011" in w and "missing_periods" in w for w in warns)


def test_429_then_success_backs_off_exponentially(tmp_path):
    responses = [Response(429, R429), Response(429, R429), Response(200, REAL)]
    saved, t, _ = _fetch(tmp_path, responses, "CHN", "ARG,DEU", "2010")
    assert len(t.calls) == 3 and saved[0].read_bytes() == REAL
    assert t.sleeps == [2.0, 4.0]


def test_429_gives_up_with_a_clear_error(tmp_path):
    t = ReplayTransport(lambda url, headers: Response(429, R429))
    with pytest.raises(FetchError, match=r"after 3 attempts.*429"):
        comtrade.fetch("CHN", "BLR", "2023", out_dir=tmp_path, transport=t, max_tries=3)
    assert len(t.calls) == 3
    assert list(tmp_path.iterdir()) == []


def test_backoff_is_capped_and_honours_retry_after():
    t = ReplayTransport(lambda url, headers: Response(429, b""))
    with pytest.raises(FetchError):
        get_with_backoff(t, "https://x", headers={}, what="x", max_tries=5, max_delay=5.0)
    assert t.sleeps == [2.0, 4.0, 5.0, 5.0]
    t2 = ReplayTransport([Response(429, b"", {"Retry-After": "3"}), Response(200, b"{}")])
    assert get_with_backoff(t2, "https://x", headers={}, what="x").status == 200
    assert t2.sleeps == [3.0]


def test_401_is_a_clear_key_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COMTRADE_API_KEY", SECRET)
    t = ReplayTransport([Response(401, R401)])
    with pytest.raises(FetchError) as exc:
        comtrade.fetch("CHN", "BLR", "2023", out_dir=tmp_path, transport=t)
    msg = str(exc.value)
    assert "HTTP 401" in msg and "COMTRADE_API_KEY" in msg and "rejected" in msg
    assert SECRET not in msg
    assert list(tmp_path.iterdir()) == []


def test_error_field_in_the_answer_is_an_error(tmp_path):
    t = ReplayTransport([Response(200, ERR)])
    with pytest.raises(FetchError, match="Invalid parameter value"):
        comtrade.fetch("CHN", "BLR", "2023", out_dir=tmp_path, transport=t)


def test_non_json_answer_is_an_error(tmp_path):
    t = ReplayTransport([Response(200, b"<html>maintenance</html>")])
    with pytest.raises(FetchError, match="not JSON"):
        comtrade.fetch("CHN", "BLR", "2023", out_dir=tmp_path, transport=t)


def test_truncated_answer_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(comtrade, "PREVIEW_MAX_RECORDS", 4)
    t = ReplayTransport([Response(200, REAL)])
    with pytest.raises(FetchError, match="truncated"):
        comtrade.fetch("CHN", "ARG,DEU", "2010", out_dir=tmp_path, transport=t)


def test_failed_request_for_some_periods_is_an_error_not_a_drop(tmp_path):
    calls = []

    def answer(url, headers):
        calls.append(url)
        return Response(200, EMPTY) if len(calls) == 1 else Response(500, b"oops")

    t = ReplayTransport(answer)
    with pytest.raises(FetchError) as exc:
        comtrade.fetch(
            "CHN", "BLR", "2022,2023", freq="M", out_dir=tmp_path, transport=t, max_tries=2
        )
    msg = str(exc.value)
    assert "202301" in msg and "202312" in msg and "HTTP 500" in msg
    assert "Saved before the failure" in msg
    assert "period=202201,202202" in calls[0]
    # the first chunk (2022) was saved; the second failed and was not silently dropped
    data = [p.name for p in tmp_path.glob("*.json") if not p.name.endswith(".meta.json")]
    assert len(data) == 1 and data[0].startswith("comtrade_CHN_BLR_M_202201-202212_")
    assert t.sleeps[0] == comtrade.MIN_INTERVAL


def test_requests_are_split_to_respect_limits():
    periods = comtrade.expand_periods("2020,2021", "M")
    chunks = comtrade.plan_requests(periods, per_period=2, max_records=500, url_for=lambda c: "x")
    assert [len(c) for c in chunks] == [12, 12]
    # a small record limit gives smaller chunks
    chunks = comtrade.plan_requests(periods, per_period=100, max_records=500, url_for=lambda c: "")
    assert all(len(c) <= 5 for c in chunks) and sum(map(len, chunks)) == 24
    # URL length
    chunks = comtrade.plan_requests(
        periods, per_period=1, max_records=500, url_for=lambda c: "u" * 400 * len(c)
    )
    assert all(len(c) * 400 <= comtrade.MAX_URL_CHARS for c in chunks)
    with pytest.raises(FetchError, match="exceed"):
        comtrade.plan_requests(["2020"], per_period=1, max_records=9, url_for=lambda c: "u" * 5000)


def test_key_is_never_leaked(tmp_path, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("COMTRADE_SUBSCRIPTION_KEY", SECRET)
    _, t, warns = _fetch(
        tmp_path,
        [Response(429, R429), Response(200, REAL)],
        "CHN",
        "ARG,DEU",
        "2010",
    )
    assert t.calls[-1].headers[comtrade.KEY_HEADER] == SECRET
    assert t.calls[-1].url.startswith("https://comtradeapi.un.org/data/v1/get/C/A/HS?")
    assert all(SECRET not in c.url for c in t.calls)
    # the CLI path too
    monkeypatch.setattr(
        comtrade, "RequestsTransport", lambda: ReplayTransport([Response(200, EMPTY)])
    )
    assert (
        cli.main(
            [
                "fetch",
                "comtrade",
                "--reporter",
                "CHN",
                "--partner",
                "BLR",
                "--period",
                "2011",
                "--out",
                str(tmp_path),
                "--no-progress",
            ]
        )
        == 0
    )
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 4
    for p in files:
        assert SECRET.encode() not in p.read_bytes()
        assert SECRET not in p.name
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err + caplog.text + " ".join(warns)
    assert "no records for period(s) 2011" in out.err


def test_never_overwrites(tmp_path):
    first, _, _ = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010")
    side = first[0].with_name(first[0].name + ".meta.json")
    side_before = side.read_bytes()
    again, _, warns = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010")
    assert again == first and side.read_bytes() == side_before
    assert any("already saved" in w for w in warns)
    # a different file squatting on the name is never replaced
    sha = hashlib.sha256(EMPTY).hexdigest()[:12]
    squatter = tmp_path / f"comtrade_CHN_BLR_A_2011_{sha}.json"
    squatter.write_bytes(b"someone else's file")
    with pytest.raises(FetchError, match="refusing to overwrite"):
        _fetch(tmp_path, [Response(200, EMPTY)], "CHN", "BLR", "2011")
    assert squatter.read_bytes() == b"someone else's file"


def test_revised_answer_gets_a_new_name_and_a_warning(tmp_path):
    _fetch(tmp_path, [Response(200, EMPTY)], "CHN", "ARG,DEU", "2010")
    _, _, warns = _fetch(tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010")
    data = [p for p in tmp_path.glob("*.json") if not p.name.endswith(".meta.json")]
    assert len(data) == 2
    assert any("earlier download" in w for w in warns)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("BLR", (112, "BLR")),
        ("chn", (156, "CHN")),
        (842, (842, "842")),
        ("USA", (842, "USA")),
        ("WLD", (0, "W00")),
    ],
)
def test_country_codes(value, expected):
    assert comtrade.comtrade_code(value) == expected


def test_bad_inputs_are_clear_errors():
    with pytest.raises(FetchError, match="unknown country"):
        comtrade.comtrade_code("Narnia")
    with pytest.raises(FetchError, match="annual period"):
        comtrade.expand_periods("202301", "A")
    with pytest.raises(FetchError, match="monthly period"):
        comtrade.expand_periods("2023-13", "M")
    with pytest.raises(FetchError, match="freq"):
        comtrade.fetch("CHN", "BLR", "2023", freq="Q", transport=ReplayTransport([]))
    assert comtrade.expand_periods(["2023-05", "202304"], "M") == ["202304", "202305"]


def test_missing_series_within_a_period_are_recorded(tmp_path):
    saved, _, warns = _fetch(
        tmp_path, [Response(200, REAL)], "CHN", "ARG,DEU", "2010", flows=("X", "M", "RX")
    )
    meta = _sidecar(saved[0])
    assert meta["missing_periods"] == []
    assert meta["missing_series"] == ["CHN/ARG/RX/TOTAL/2010", "CHN/DEU/RX/TOTAL/2010"]
    assert any("CHN/ARG/RX/TOTAL/2010" in w for w in warns)


def test_count_larger_than_data_is_truncation(tmp_path):
    body = json.loads(REAL)
    body["count"] = 9
    t = ReplayTransport([Response(200, json.dumps(body).encode())])
    with pytest.raises(FetchError, match="count=9"):
        comtrade.fetch("CHN", "ARG,DEU", "2010", out_dir=tmp_path, transport=t)


def test_query_and_params_steps():
    """fetch's first steps: the checked query and the parameters of one request (no network;
    constructed codes)."""
    q = comtrade._query(
        "CHN,rus",
        [112, "W00"],
        "2023",
        freq="m",
        flows="x",
        cmd=["TOTAL", "27"],
        key=None,
        out_dir="d",
    )
    assert (q.rep_label, q.par_label, q.keyed, q.max_records) == ("CHN+RUS", "112+W00", False, 500)
    assert q.base == comtrade.PREVIEW_URL.format(freq="M") and len(q.periods) == 12
    assert q.headers() == {"Accept": "application/json"}
    p = comtrade._params(q, ["202301", "202302"])
    assert p["reporterCode"] == "156,643" and p["partnerCode"] == "112,0"
    assert (p["period"], p["flowCode"], p["cmdCode"]) == ("202301,202302", "X", "TOTAL,27")
    keyed = comtrade._query(
        "CHN", "BLR", "2023", freq="A", flows=("X",), cmd="TOTAL", key=SECRET, out_dir="d"
    )
    assert keyed.headers()[comtrade.KEY_HEADER] == SECRET
    assert SECRET not in comtrade.build_url(keyed.base, comtrade._params(keyed, ["2023"]))


def test_gaps_step_separates_missing_periods_series_and_unexpected():
    q = comtrade._query(
        "CHN", "BLR", "2022,2023", freq="A", flows=("X", "M"), cmd="TOTAL", key="k", out_dir="d"
    )
    rec = {"reporterCode": 156, "partnerCode": 112, "flowCode": "X", "cmdCode": "TOTAL"}
    records = [{**rec, "period": "2023"}, {**rec, "period": "2024"}]
    gaps = comtrade._gaps(q, records, ["2022", "2023"])
    assert gaps.missing == ["2022"] and gaps.unexpected == ["2024"]
    assert gaps.returned == ["2023", "2024"]
    assert "CHN/BLR/M/TOTAL/2023" in gaps.series and "CHN/BLR/X/TOTAL/2023" not in gaps.series
