"""``tradecheck parse`` and ``tradecheck check`` on the command line."""

from __future__ import annotations

import json

import pytest

from tradecheck import cli
from tradecheck.claims.model import CheckResult, Reading

TEXT = "По данным Белстата, товарооборот Беларуси и Китая в 2023 году составил 8,4 млрд долларов."
SCHEMA_KEYS = {
    "span",
    "quantity",
    "value",
    "currency",
    "bound",
    "direction",
    "reporter",
    "period",
    "base_period",
    "scope",
}


def test_parse_json(capsys):
    assert cli.main(["parse", "--json", TEXT]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1 and set(out[0]) == SCHEMA_KEYS
    assert out[0]["value"] == 8.4e9 and out[0]["reporter"] == "BLR"
    assert "товарооборот" in out[0]["span"]  # ensure_ascii=False keeps Cyrillic


def test_parse_table_and_as_of(capsys):
    assert (
        cli.main(
            [
                "parse",
                "--as-of",
                "2024-02-01",
                "Last",
                "year",
                "bilateral",
                "trade",
                "reached",
                "$8.4",
                "billion.",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "2023-01..2023-12" in out and "$8.4B" in out


def test_parse_file_and_pair(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Belarus's exports to Russia grew 5% in 2023.", encoding="utf-8")
    assert cli.main(["parse", "--json", "--pair", "BLR-RUS", "--file", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["direction"] == "BLR->RUS"


@pytest.mark.parametrize(
    "args", [["parse", "--json", ""], ["parse", "--json"], ["check", "--json", "no numbers"]]
)
def test_no_claim_json_is_empty_array(args, capsys):
    assert cli.main(args) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("cmd", ["parse", "check"])
def test_no_claim_table(cmd, capsys):
    assert cli.main([cmd, "The weather was fine."]) == 0
    assert "no trade claim found" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["parse", "--lang", "fr", "x"], "--lang"),
        (["parse", "--pair", "BLR", "x"], "--pair"),
        (["parse", "--as-of", "soon", "x"], "as_of"),
        (["parse", "--file", "/nonexistent/file.txt"], "cannot read"),
        (["parse", "--file", "x.txt", "text"], "not both"),
        (["check", "--data", "/nonexistent/data.csv", "--", TEXT], "no such file"),
    ],
)
def test_user_errors_exit_2(args, msg, capsys):
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert msg in err and "Traceback" not in err


def _fake_check(calls):
    def check(claims, *, data=None, as_of=None, pair=("BLR", "CHN"), robustness=True):
        calls.append(
            {"claims": claims, "data": data, "as_of": as_of, "pair": pair, "robustness": robustness}
        )
        out = []
        for c in claims:
            r = Reading(
                label="China's statistics (test)",
                reporter="CHN",
                source="test",
                flows=["M"],
                scope=c.scope,
                claimed=c.value,
                interval=(8.35e9, 8.45e9, True, False),
                actual=8.4e9,
                holds=True,
            )
            out.append(CheckResult(c, "supported", [r], reason="holds under 1 reading"))
        return out

    return check


def test_check_json_uses_checker(monkeypatch, capsys):
    calls: list[dict] = []
    monkeypatch.setattr("tradecheck.claims.check.check", _fake_check(calls))
    assert cli.main(["check", "--json", "--as-of", "2024-02-05", "--no-robustness", TEXT]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["verdict"] == "supported"
    assert {"claim", "verdict", "readings", "reason"} <= set(out[0])
    assert calls[0]["robustness"] is False and calls[0]["pair"] == ("BLR", "CHN")
    assert calls[0]["as_of"] == "2024-02-05"


def test_check_table(monkeypatch, capsys, tmp_path):
    calls: list[dict] = []
    monkeypatch.setattr("tradecheck.claims.check.check", _fake_check(calls))
    data = tmp_path / "d.csv"
    data.write_text("x", encoding="utf-8")
    assert cli.main(["check", "--data", str(data), "--", TEXT]) == 0
    out = capsys.readouterr().out
    assert "SUPPORTED" in out and "claimed interval" in out and "yes" in out
    assert calls[0]["data"] == data


def test_check_data_is_repeatable_and_does_not_swallow_the_text(capsys):
    """`--data A --data B TEXT`: each --data takes one path, the text stays the claim."""
    from tradecheck import cli, paths

    raw = paths.ROOT / "data" / "raw"
    rc = cli.main(
        [
            "check",
            "--json",
            "--no-robustness",
            "--data",
            str(raw / "published"),
            "--data",
            str(raw / "comtrade"),
            "China's exports to Belarus reached 2.73 billion US dollars in 2021.",
        ]
    )
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 1 and out[0]["verdict"] == "supported"
    assert any(r["actual"] == 2729411952.0 for r in out[0]["readings"])


def test_check_without_text_prints_usage_and_exits_2(capsys):
    assert cli.main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: tradecheck check") and "give the text" in err


def test_check_bad_data_as_of_is_one_line(capsys):
    assert cli.main(["check", "--data-as-of", "05/11/2025", TEXT]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--data-as-of: expected a date YYYY-MM-DD" in err


# Constructed published figures in the published_figures.csv layout (invented values):
# China's side: total trade 2018 US$ 1,012 m, 2019 US$ 1,597 m (+57.81 %); Belarus's side:
# 2019 US$ 1,246 m, published a year later than China's.
PUBLISHED = (
    "id,reporter_side,side_inferred,scope,direction,period_start,period_end,value_usd,bound,"
    "published,source_url,quality,notes\n"
    "T1,CHN,no,goods,both,2018-01,2018-12,1012000000,eq,2019-01-20,https://example.org/a,ok,\n"
    "T2,CHN,no,goods,both,2019-01,2019-12,1597000000,eq,2020-01-20,https://example.org/b,ok,\n"
    "T3,BLR,no,goods,both,2019-01,2019-12,1246000000,eq,2021-01-20,https://example.org/c,ok,\n"
)
CLAIMS = (
    "In 2019 trade between Belarus and China grew by 58.5 percent year on year, according "
    "to China's customs. Trade between Belarus and China reached $1.6 billion in 2019."
)


@pytest.mark.parametrize("width", [80, 60])
def test_check_terminal_output_fits_the_width_with_units(tmp_path, monkeypatch, capsys, width):
    f = tmp_path / "published_figures.csv"
    f.write_text(PUBLISHED, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", str(width))
    assert cli.main(["check", "--no-robustness", "--data", str(f), CLAIMS]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= width
    # every figure with its unit: the claimed percent, China's +57.81 %, the US$ levels
    assert "+58.5 %" in out and "+57.81 %" in out and "$1.597B" in out
    assert "−0.7" in out and "percentage" in out and "near miss" not in out  # no spread
    assert "consistent with published figures" in out or "not consistent" in out


def test_check_data_as_of_restricts_the_data(tmp_path, capsys):
    f = tmp_path / "published_figures.csv"
    f.write_text(PUBLISHED, encoding="utf-8")
    text = "Trade between Belarus and China reached $1.6 billion in 2019."
    args = ["check", "--json", "--no-robustness", "--data", str(f), text]
    assert cli.main(args) == 0
    full = json.loads(capsys.readouterr().out)[0]
    assert {r["reporter"] for r in full["readings"]} == {"BLR", "CHN"}
    assert cli.main(args[:2] + ["--data-as-of", "2020-06-30"] + args[2:]) == 0
    then = json.loads(capsys.readouterr().out)[0]
    assert then["data_as_of"] == "2020-06-30"
    assert {r["reporter"] for r in then["readings"]} == {"CHN"}  # Belarus published in 2021
