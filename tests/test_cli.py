"""Top-level CLI behaviour (subcommands are tested by their stages)."""

from __future__ import annotations

import subprocess
import sys

from tradecheck import __version__, cli


def test_no_command_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "usage: tradecheck" in capsys.readouterr().out


def test_version():
    out = subprocess.run(
        [sys.executable, "-m", "tradecheck", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert __version__ in out.stdout


def test_user_error_is_one_line_exit_2(capsys, monkeypatch):
    from tradecheck.errors import LoadError

    def boom(args):
        raise LoadError("some.csv", "expected a number", row=3, column="value")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: _with_cmd(parser, boom))
    assert cli.main(["boom"]) == 2
    err = capsys.readouterr().err
    assert "some.csv, line 3, column 'value': expected a number" in err
    assert "Traceback" not in err


def _with_cmd(parser, fn):
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    p = sub.add_parser("boom")
    p.set_defaults(func=fn)
    return parser
