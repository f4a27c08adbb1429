"""IMF IMTS fetcher, replayed through a fake transport (never the network)."""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pytest

from tradecheck import cli
from tradecheck.errors import FetchError
from tradecheck.fetch import imf
from tradecheck.fetch._transport import ReplayTransport, Response

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
CSV = (FIX / "imf_imts_sdmx_csv_constructed.csv").read_bytes()
SECRET = "imf-s3cret-0000-KEY"

pytestmark = pytest.mark.filterwarnings("ignore::tradecheck.fetch.comtrade.FetchWarning")


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch):
    for var in imf.KEY_ENV_VARS:
        monkeypatch.delenv(var, raising=False)


def _meta(path: Path) -> dict:
    return json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))


def test_success_request_and_saved_file(tmp_path):
    t = ReplayTransport([Response(200, CSV)])
    path = imf.fetch("CHN", "BLR", start=2023, end="2023-02", out_dir=tmp_path, transport=t)
    call = t.calls[0]
    assert call.url == (
        "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/"
        "CHN.XG_FOB_USD+MG_CIF_USD.BLR.M?c[TIME_PERIOD]=ge:2023-M01+le:2023-M02"
    )
    assert call.headers["Accept"] == "application/vnd.sdmx.data+csv;version=2.0.0"
    assert imf.KEY_HEADER not in call.headers
    assert path.read_bytes() == CSV
    sha = hashlib.sha256(CSV).hexdigest()
    assert path.name == f"imf_imts_CHN_BLR_M_2023-M01-2023-M02_{sha[:12]}.csv"
    meta = _meta(path)
    assert meta["sha256"] == sha and meta["record_count"] == 4 and meta["http_status"] == 200
    assert meta["indicators_returned"] == ["MG_CIF_USD", "XG_FOB_USD"]
    assert meta["missing_indicators"] == []
    assert meta["missing_periods"] == {}
    assert (meta["first_period"], meta["last_period"]) == ("2023-M01", "2023-M02")
    assert meta["url"] == call.url


def test_saved_file_is_read_by_the_imf_loader(tmp_path):
    from tradecheck.loaders import detect

    path = imf.fetch(
        "CHN", "BLR", out_dir=tmp_path, transport=ReplayTransport([Response(200, CSV)])
    )
    assert detect(path).name == "imf_imts_csv"


def test_missing_indicator_is_recorded(tmp_path):
    t = ReplayTransport([Response(200, CSV)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = imf.fetch(
            "CHN",
            "BLR",
            indicators=("XG_FOB_USD", "MG_CIF_USD", "MG_FOB_USD"),
            out_dir=tmp_path,
            transport=t,
        )
    assert _meta(path)["missing_indicators"] == ["MG_FOB_USD"]
    assert any("MG_FOB_USD" in str(w.message) for w in caught)


def test_404_and_non_csv_are_clear_errors(tmp_path):
    with pytest.raises(FetchError, match="HTTP 404"):
        imf.fetch("CHN", "BLR", out_dir=tmp_path, transport=ReplayTransport([Response(404, b"")]))
    html = Response(200, b"<html><body>Service unavailable</body></html>")
    with pytest.raises(FetchError, match="not SDMX-CSV"):
        imf.fetch("CHN", "BLR", out_dir=tmp_path, transport=ReplayTransport([html]))
    assert list(tmp_path.iterdir()) == []


def test_429_backoff_then_success(tmp_path):
    t = ReplayTransport([Response(429, b""), Response(503, b""), Response(200, CSV)])
    imf.fetch("CHN", "BLR", out_dir=tmp_path, transport=t)
    assert t.sleeps == [2.0, 4.0]


def test_key_never_leaked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IMF_API_KEY", SECRET)
    monkeypatch.setattr(imf, "RequestsTransport", lambda: ReplayTransport([Response(200, CSV)]))
    rc = cli.main(
        [
            "fetch",
            "imf",
            "--reporter",
            "CHN",
            "--partner",
            "BLR",
            "--freq",
            "M",
            "--start",
            "2023",
            "--out",
            str(tmp_path),
            "--no-progress",
        ]
    )
    assert rc == 0
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert "imf_imts_CHN_BLR_M_2023-M01-end_" in out.out
    for p in tmp_path.iterdir():
        assert SECRET.encode() not in p.read_bytes() and SECRET not in p.name
    t = ReplayTransport([Response(401, b"denied " + SECRET.encode())])
    with pytest.raises(FetchError) as exc:
        imf.fetch("CHN", "BLR", out_dir=tmp_path, transport=t)
    assert t.calls[0].headers[imf.KEY_HEADER] == SECRET
    assert SECRET not in str(exc.value)


def test_key_and_period_forms():
    assert imf.sdmx_key("chn", "BLR+RUS", ["XG_FOB_USD"], "A") == "CHN.XG_FOB_USD.BLR+RUS.A"
    assert imf.time_bound("2020-Q2", "M", end=True) == "2020-M06"
    assert imf.time_bound("2020-05", "Q", end=False) == "2020-Q2"
    assert imf.time_bound(2020, "A", end=True) == "2020-A1"
    with pytest.raises(FetchError, match="legacy DOTS name"):
        imf.sdmx_key("CHN", "BLR", ["TXG_FOB_USD"], "M")
    with pytest.raises(FetchError, match="expected YYYY"):
        imf.time_bound("last year", "M", end=False)
    with pytest.raises(FetchError, match="freq"):
        imf.fetch("CHN", "BLR", freq="W", transport=ReplayTransport([]))


def test_missing_periods_are_recorded(tmp_path):
    t = ReplayTransport([Response(200, CSV)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = imf.fetch(
            "CHN", "BLR", start="2023-01", end="2023-03", out_dir=tmp_path, transport=t
        )
    gaps = _meta(path)["missing_periods"]
    assert gaps == {"XG_FOB_USD": ["2023-M03"], "MG_CIF_USD": ["2023-M03"]}
    assert any("2023-M03" in str(w.message) for w in caught)


def test_found_step_lists_gaps_only_for_bounded_requests_with_indicators():
    """fetch's answer check on constructed rows: a missing indicator is not also a gap; gaps
    need both bounds and an INDICATOR column."""
    req = imf._request(
        "CHN",
        "BLR",
        ["XG_FOB_USD", "MG_CIF_USD"],
        freq="M",
        start="2023-01",
        end="2023-03",
        key=None,
    )
    rows = [{"INDICATOR": "XG_FOB_USD", "TIME_PERIOD": p} for p in ("2023-M01", "2023-M03")]
    found = imf._found(req, rows, ["INDICATOR", "TIME_PERIOD", "OBS_VALUE"])
    assert found.missing == ["MG_CIF_USD"] and found.returned == ["XG_FOB_USD"]
    assert found.gaps == {"XG_FOB_USD": ["2023-M02"]}
    assert found.periods == ["2023-M01", "2023-M03"]
    open_end = imf._request(
        "CHN", "BLR", ["XG_FOB_USD"], freq="M", start="2023-01", end=None, key=None
    )
    assert imf._found(open_end, rows, ["INDICATOR", "TIME_PERIOD", "OBS_VALUE"]).gaps == {}
    no_ind = imf._found(req, [{"TIME_PERIOD": "2023-M01"}], ["TIME_PERIOD", "OBS_VALUE"])
    assert no_ind.missing == [] and no_ind.gaps == {}


def test_generators_are_read_once(tmp_path):
    """Codes and indicators given as generators (read once) ask and name the file exactly as
    lists do; before, the file name step found the reporters used up ('no reporter given'
    after the download) and the sidecar listed no requested indicator."""
    body = (FIX / "imf_imts_sdmx_csv_constructed.csv").read_bytes()
    t = ReplayTransport([Response(200, body)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = imf.fetch(
            (c for c in ["CHN"]),
            (c for c in ["BLR"]),
            indicators=(i for i in ["XG_FOB_USD", "MG_CIF_USD"]),
            start=2023,
            end="2023-02",
            out_dir=tmp_path,
            transport=t,
        )
    assert path.name.startswith("imf_imts_CHN_BLR_M_2023-M01-2023-M02_")
    meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
    assert meta["indicators_requested"] == ["XG_FOB_USD", "MG_CIF_USD"]
    assert "CHN.XG_FOB_USD+MG_CIF_USD.BLR.M" in t.calls[0].url
