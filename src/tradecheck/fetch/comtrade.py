"""Live download of UN Comtrade final data (comtradeapi.un.org), saved as raw JSON.

Each API response is saved **unchanged** under ``data/raw/comtrade/`` as
``comtrade_<reporter>_<partner>_<freq>_<periods>_<sha12>.json`` with a sidecar
``<file>.meta.json`` (URL without key, parameters, UTC retrieval time, SHA-256, HTTP status,
record count, periods with no data). The Comtrade loader reads these files like any other
saved response.

Why ``requests`` and not the official client ``comtradeapicall``: that client loops over the
periods and silently drops the ones whose request failed, prints the body of an HTTP error
and returns ``None`` instead of raising, and returns a DataFrame rather than the response
bytes. Here a failed period is an error, a period that came back empty is recorded as "no
data", and the raw JSON is kept as the source of record.

The subscription key is read from ``COMTRADE_API_KEY`` or ``COMTRADE_SUBSCRIPTION_KEY`` (or
passed as ``key=``) and sent only as the ``Ocp-Apim-Subscription-Key`` header: it never
appears in a URL, a file name, a sidecar, a log line or an error message. Without a key the
public preview endpoint is used (at most 500 records per call; a warning says so).

Examples
--------
>>> comtrade_code("BLR"), comtrade_code("156"), comtrade_code("world")
((112, 'BLR'), (156, '156'), (0, 'W00'))
>>> expand_periods("2023", "M")[:2]
['202301', '202302']
"""

from __future__ import annotations

import itertools
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tradecheck import __version__, paths
from tradecheck.errors import FetchError
from tradecheck.fetch._sidecar import redact, safe_token, save_response, utc_now, warn_on_resave
from tradecheck.fetch._transport import RequestsTransport, Transport, get_with_backoff, key_from_env

DATA_URL = "https://comtradeapi.un.org/data/v1/get/C/{freq}/HS"
PREVIEW_URL = "https://comtradeapi.un.org/public/v1/preview/C/{freq}/HS"
KEY_ENV_VARS = ("COMTRADE_API_KEY", "COMTRADE_SUBSCRIPTION_KEY")
KEY_HEADER = "Ocp-Apim-Subscription-Key"

#: Records per call: 500 for the keyless preview (comtradeapicall README); 100,000 for the free
#: "comtrade - v1" key (comtradr's large-data vignette; the official README says 250K).
PREVIEW_MAX_RECORDS = 500
KEYED_MAX_RECORDS = 100_000
#: comtradr refuses URLs longer than this.
MAX_URL_CHARS = 4095
#: Caution rather than a documented limit: never more than 12 periods in one request.
MAX_PERIODS_PER_REQUEST = 12
#: Seconds between consecutive requests (comtradr throttles to 10 calls per minute).
MIN_INTERVAL = 6.0

#: Comtrade reporter/partner codes that differ from the ISO 3166 numeric code. USA 842 is
#: verified in saved Reporters.json records; the others are the long-standing Comtrade codes
#: (from memory). For any other country pass the Comtrade numeric code directly.
_COMTRADE_OVERRIDES = {"USA": 842, "FRA": 251, "IND": 699, "CHE": 757, "NOR": 579}
_WORLD = {"W00", "WLD", "WORLD", "0", "ALL WORLD"}

#: Rough records per period for each aggregate commodity code (for splitting requests).
_CMD_SIZE = {"TOTAL": 1, "AG2": 100, "AG4": 1300, "AG6": 6000, "ALL": 8000}


class FetchWarning(UserWarning):
    """Something the user should know about a download that is not an error."""


def comtrade_code(value: str | int) -> tuple[int, str]:
    """Comtrade numeric code and a file-name label for a country.

    Parameters
    ----------
    value
        ISO 3166 alpha-3 (``"BLR"``), a Comtrade/M49 numeric code (``156`` or ``"156"``), or
        World (``"W00"``, ``"WLD"``, ``"world"``, ``0``).

    Returns
    -------
    (int, str)
        The code to send and the label used in file names (ISO3 when given, else the code).

    Raises
    ------
    FetchError
        For anything else.
    """
    s = str(value).strip().upper()
    if s in _WORLD:
        return 0, "W00"
    if s.isdigit():
        return int(s), s
    if re.fullmatch(r"[A-Z]{3}", s):
        if s in _COMTRADE_OVERRIDES:
            return _COMTRADE_OVERRIDES[s], s
        import pycountry

        c = pycountry.countries.get(alpha_3=s)
        if c is not None:
            return int(c.numeric), s
    raise FetchError(
        f"unknown country {value!r} for Comtrade: give an ISO3 code (BLR, CHN) or the Comtrade "
        "numeric code (112, 156)"
    )


def _as_list(value: str | int | Iterable[str | int]) -> list[str]:
    if isinstance(value, (str, int)):
        items = str(value).split(",")
    else:
        items = [str(v) for v in value]
    return [i.strip() for i in items if i.strip()]


def expand_periods(periods: str | int | Iterable[str | int], freq: str) -> list[str]:
    """Normalise requested periods to the API form (``YYYY`` or ``YYYYMM``), sorted, unique.

    For monthly data a bare year stands for its twelve months; ``2023-05`` and ``202305`` are
    both accepted.

    Raises
    ------
    FetchError
        For a period that is not a year or a month, or a month in an annual request.
    """
    out: set[str] = set()
    for p in _as_list(periods):
        s = p.replace("-", "").replace("M", "").replace("m", "")
        if freq == "A":
            if not re.fullmatch(r"\d{4}", s):
                raise FetchError(f"annual period {p!r}: expected a year like 2023")
            out.add(s)
        elif re.fullmatch(r"\d{4}", s):
            out.update(f"{s}{m:02d}" for m in range(1, 13))
        elif re.fullmatch(r"\d{4}(0[1-9]|1[0-2])", s):
            out.add(s)
        else:
            raise FetchError(f"monthly period {p!r}: expected YYYY, YYYYMM or YYYY-MM")
    if not out:
        raise FetchError("no period requested")
    return sorted(out)


def _periods_token(periods: Sequence[str]) -> str:
    if len(periods) == 1:
        return periods[0]
    if len(periods) > 2 and _contiguous(periods):
        return f"{periods[0]}-{periods[-1]}"
    return "+".join(periods)


def _contiguous(periods: Sequence[str]) -> bool:
    def idx(p: str) -> int:
        return int(p[:4]) * 12 + (int(p[4:6]) - 1 if len(p) == 6 else 0)

    return all(idx(b) - idx(a) == 1 for a, b in itertools.pairwise(periods))


def _records_per_period(n_reporters: int, n_partners: int, n_flows: int, cmds: list[str]) -> int:
    per_cmd = sum(_CMD_SIZE.get(c.upper(), 1) for c in cmds)
    return max(1, n_reporters * n_partners * n_flows * per_cmd)


def resolve_key(key: str | None = None) -> str | None:
    """The subscription key: ``key`` if given, else the first set of :data:`KEY_ENV_VARS`."""
    return key_from_env(key, KEY_ENV_VARS)


def build_url(base: str, params: dict[str, str]) -> str:
    """``base?query`` with commas kept readable (the API takes comma lists)."""
    return f"{base}?{urlencode(params, safe=',')}"


def plan_requests(
    periods: list[str], *, per_period: int, max_records: int, url_for: Any
) -> list[list[str]]:
    """Split ``periods`` into chunks that respect the record limit and the URL length.

    Parameters
    ----------
    periods
        Sorted API periods.
    per_period
        Estimated records one period returns.
    max_records
        Record limit of one call.
    url_for
        ``url_for(chunk) -> str``: the URL a chunk would be requested with.

    Examples
    --------
    >>> plan_requests(["2020", "2021", "2022"], per_period=2, max_records=4,
    ...               url_for=lambda c: "x" * len(c))
    [['2020', '2021'], ['2022']]
    """
    size = max(1, min(MAX_PERIODS_PER_REQUEST, max_records // max(1, per_period)))
    chunks: list[list[str]] = []
    i = 0
    while i < len(periods):
        n = min(size, len(periods) - i)
        while n > 1 and len(url_for(periods[i : i + n])) > MAX_URL_CHARS:
            n -= 1
        if len(url_for(periods[i : i + n])) > MAX_URL_CHARS:
            raise FetchError(
                f"the request URL would exceed {MAX_URL_CHARS} characters even for one period; "
                "ask for fewer partners or commodity codes at a time"
            )
        chunks.append(periods[i : i + n])
        i += n
    return chunks


def _check_response(
    resp: Any, *, what: str, keyed: bool, key: str | None, max_records: int
) -> dict[str, Any]:
    if resp.status in (401, 403):
        hint = (
            "the subscription key was rejected: set COMTRADE_API_KEY to a valid key of the "
            "'comtrade - v1' product (comtradedeveloper.un.org)"
            if keyed
            else "the public preview endpoint refused the call; set COMTRADE_API_KEY to use "
            "the keyed endpoint"
        )
        raise FetchError(f"{what}: HTTP {resp.status}: {hint}")
    if resp.status != 200:
        snippet = redact(resp.text()[:300], [key]).strip()
        raise FetchError(f"{what}: HTTP {resp.status}: {snippet or 'no body'}")
    try:
        payload = resp.json()
    except ValueError:
        raise FetchError(f"{what}: the answer is not JSON (HTTP 200)") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise FetchError(
            f"{what}: unexpected answer, expected a JSON object with a 'data' list "
            "(keys elapsedTime, count, data, error)"
        )
    err = payload.get("error")
    if err:
        raise FetchError(f"{what}: the API reported an error: {redact(str(err), [key])[:300]}")
    count = payload.get("count")
    if isinstance(count, int) and count > len(payload["data"]):
        raise FetchError(
            f"{what}: the answer says count={count} but holds {len(payload['data'])} records; "
            "it is truncated. Request fewer periods or partners at a time."
        )
    if len(payload["data"]) >= max_records:
        raise FetchError(
            f"{what}: {len(payload['data'])} records = the limit of one call "
            f"({max_records}); the answer is probably truncated. "
            + ("Request fewer periods or partners." if keyed else "Set COMTRADE_API_KEY.")
        )
    return payload


@dataclass(frozen=True)
class _Query:
    """Per-call context of :func:`fetch`: the checked request and where it goes.

    Attributes
    ----------
    freq, reps, pars, flows, cmds, periods
        ``"A"``/``"M"``, reporters and partners as ``(code, label)``, flow and commodity
        codes, and the API periods asked for.
    key
        Subscription key (None = keyless preview endpoint).
    out
        Folder the responses are saved in.
    """

    freq: str
    reps: list[tuple[int, str]]
    pars: list[tuple[int, str]]
    flows: list[str]
    cmds: list[str]
    periods: list[str]
    key: str | None
    out: Path

    @property
    def keyed(self) -> bool:
        """A key is set: the data endpoint, not the preview."""
        return bool(self.key)

    @property
    def base(self) -> str:
        """The endpoint URL for this frequency."""
        return (DATA_URL if self.keyed else PREVIEW_URL).format(freq=self.freq)

    @property
    def max_records(self) -> int:
        """The record limit of one call on this endpoint."""
        return KEYED_MAX_RECORDS if self.keyed else PREVIEW_MAX_RECORDS

    @property
    def rep_label(self) -> str:
        """The reporters as shown in messages and file names (``CHN+RUS``)."""
        return "+".join(lbl for _, lbl in self.reps)

    @property
    def par_label(self) -> str:
        """The partners as shown in messages and file names."""
        return "+".join(lbl for _, lbl in self.pars)

    def headers(self) -> dict[str, str]:
        """The request headers; the key travels only here, never in the URL."""
        return {"Accept": "application/json", **({KEY_HEADER: self.key} if self.key else {})}


def _query(
    reporter: str | int | Iterable[str | int],
    partner: str | int | Iterable[str | int],
    periods: str | int | Iterable[str | int],
    *,
    freq: str,
    flows: Sequence[str],
    cmd: str | Sequence[str],
    key: str | None,
    out_dir: str | os.PathLike[str] | None,
) -> _Query:
    """Check :func:`fetch`'s request arguments and resolve codes, periods, key and folder;
    warn (at the caller of :func:`fetch`) when no key is set.

    Examples
    --------
    >>> q = _query("blr", "156", "2023", freq="m", flows=("X",), cmd="TOTAL", key="k",
    ...            out_dir="d")
    >>> q.freq, q.reps, q.pars, q.flows, q.periods[::11], q.keyed, q.max_records
    ('M', [(112, 'BLR')], [(156, '156')], ['X'], ['202301', '202312'], True, 100000)
    """
    freq = freq.upper()
    if freq not in ("A", "M"):
        raise FetchError(f"freq must be 'A' or 'M', got {freq!r}")
    reps = [comtrade_code(r) for r in _as_list(reporter)]
    pars = [comtrade_code(p) for p in _as_list(partner)]
    if not reps or not pars:
        raise FetchError("give at least one reporter and one partner")
    flow_list = [f.upper() for f in _as_list(flows if isinstance(flows, str) else list(flows))]
    cmds = _as_list(cmd if isinstance(cmd, str) else list(cmd))
    wanted = expand_periods(periods, freq)
    key = resolve_key(key)
    if not key:
        warnings.warn(
            "no Comtrade key in COMTRADE_API_KEY: using the public preview endpoint "
            f"(at most {PREVIEW_MAX_RECORDS} records per call)",
            FetchWarning,
            stacklevel=3,
        )
    out = Path(out_dir) if out_dir is not None else paths.download_dir() / "comtrade"
    return _Query(freq, reps, pars, flow_list, cmds, wanted, key, out)


def _params(q: _Query, chunk: list[str]) -> dict[str, str]:
    """The API parameters of one request (a chunk of periods), in the order sent.

    Examples
    --------
    >>> q = _query("BLR", "CHN", "2020", freq="A", flows=("X", "M"), cmd="TOTAL", key="k",
    ...            out_dir="d")
    >>> p = _params(q, ["2020", "2021"])
    >>> p["reporterCode"], p["partnerCode"], p["period"], p["flowCode"], p["maxRecords"]
    ('112', '156', '2020,2021', 'X,M', '100000')
    """
    return {
        "reporterCode": ",".join(str(c) for c, _ in q.reps),
        "period": ",".join(chunk),
        "partnerCode": ",".join(str(c) for c, _ in q.pars),
        "partner2Code": "0",
        "cmdCode": ",".join(q.cmds),
        "flowCode": ",".join(q.flows),
        "customsCode": "C00",
        "motCode": "0",
        "maxRecords": str(q.max_records),
        "includeDesc": "true",
    }


def _get(
    q: _Query, transport: Transport, url: str, what: str, *, max_tries: int, saved: list[Path]
) -> tuple[Any, dict[str, Any]]:
    """GET one request with back-off and check the answer; return response and payload.

    Raises
    ------
    FetchError
        The request failed; the key is redacted and the files saved before are listed.
    """
    try:
        resp = get_with_backoff(transport, url, headers=q.headers(), what=what, max_tries=max_tries)
        payload = _check_response(
            resp, what=what, keyed=q.keyed, key=q.key, max_records=q.max_records
        )
    except FetchError as exc:
        done = f" Saved before the failure: {', '.join(map(str, saved))}." if saved else ""
        raise FetchError(redact(str(exc), [q.key]) + done) from None
    return resp, payload


@dataclass(frozen=True)
class _Gaps:
    """What one answer lacks: periods without records, series missing within the rest, and
    periods returned that were not asked for."""

    missing: list[str]
    series: list[str]
    unexpected: list[str]
    returned: list[str]


def _gaps(q: _Query, records: list[dict[str, Any]], chunk: list[str]) -> _Gaps:
    """Compare one answer's records with the request (periods, then series)."""
    returned = sorted({str(r.get("period")) for r in records})
    missing = [p for p in chunk if p not in returned]
    unexpected = [p for p in returned if p not in chunk]
    series = missing_series(records, q.reps, q.pars, q.flows, q.cmds, chunk)
    return _Gaps(missing, series, unexpected, returned)


def _sidecar_meta(
    q: _Query, chunk: list[str], url: str, resp: Any, payload: dict[str, Any], gaps: _Gaps
) -> dict[str, Any]:
    """The sidecar of one saved response: what was asked, when, and what came back."""
    retrieved = utc_now()
    return {
        "title": f"UN Comtrade final data, {q.rep_label} with {q.par_label}, "
        f"freq {q.freq}, periods {','.join(chunk)}",
        "publisher": "United Nations Statistics Division, UN Comtrade",
        "source": "comtrade",
        "endpoint": "data/v1/get" if q.keyed else "public/v1/preview",
        "url": url,
        "parameters": _params(q, chunk),
        "reported_by": "each record's reporter (reporterISO)",
        "retrieved_at": retrieved.isoformat().replace("+00:00", "Z"),
        "vintage": retrieved.date().isoformat(),
        "http_status": resp.status,
        "record_count": len(payload["data"]),
        "count_reported": payload.get("count"),
        "periods_requested": chunk,
        "periods_with_data": [p for p in gaps.returned if p in chunk],
        "missing_periods": gaps.missing,
        "missing_note": "the API answered HTTP 200 without records for these periods "
        "(no data), not a failed request",
        "missing_series": gaps.series,
        "unexpected_periods": gaps.unexpected,
        "units": "US$ (primaryValue)",
        "tool": f"tradecheck {__version__} (tradecheck.fetch.comtrade)",
    }


def _fetch_chunk(
    q: _Query, transport: Transport, chunk: list[str], *, max_tries: int, saved: list[Path]
) -> tuple[Path, _Gaps]:
    """Request one chunk of periods, save the answer unchanged with its sidecar (a warning
    names earlier downloads of the same query); return the file and the answer's gaps."""
    url = build_url(q.base, _params(q, chunk))
    what = f"Comtrade request for {q.rep_label}-{q.par_label} periods {','.join(chunk)}"
    resp, payload = _get(q, transport, url, what, max_tries=max_tries, saved=saved)
    gaps = _gaps(q, payload["data"], chunk)
    meta = _sidecar_meta(q, chunk, url, resp, payload, gaps)
    stem = f"comtrade_{safe_token(q.rep_label)}_{safe_token(q.par_label)}_{q.freq}_" + (
        safe_token(_periods_token(chunk))
    )
    path, new = save_response(q.out, stem, ".json", resp.body, meta, secrets=[q.key])
    # stacklevel 4: warn_on_resave <- _fetch_chunk <- fetch <- the caller of fetch
    warn_on_resave(q.out, stem, ".json", path, new, category=FetchWarning, stacklevel=4)
    return path, gaps


def _warn_gaps(q: _Query, no_data: list[str], partial: list[str]) -> None:
    """Warn about periods without records and series missing within other periods (stack
    level: the caller of :func:`fetch`)."""
    if no_data:
        warnings.warn(
            f"Comtrade returned no records for period(s) {', '.join(no_data)} "
            f"({q.rep_label} with {q.par_label}, flows {','.join(q.flows)}); recorded as "
            "missing_periods in the sidecar(s)",
            FetchWarning,
            stacklevel=3,
        )
    if partial:
        shown = ", ".join(partial[:10]) + (
            f" and {len(partial) - 10} more" if len(partial) > 10 else ""
        )
        warnings.warn(
            f"Comtrade returned no records for some series (reporter/partner/flow/cmd/period): "
            f"{shown}; recorded as missing_series in the sidecar(s)",
            FetchWarning,
            stacklevel=3,
        )


def fetch(
    reporter: str | int | Iterable[str | int],
    partner: str | int | Iterable[str | int],
    periods: str | int | Iterable[str | int],
    *,
    freq: str = "A",
    flows: Sequence[str] = ("X", "M"),
    cmd: str | Sequence[str] = "TOTAL",
    key: str | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    transport: Transport | None = None,
    progress: bool = False,
    max_tries: int = 5,
    min_interval: float = MIN_INTERVAL,
) -> list[Path]:
    """Download Comtrade final data and save each response unchanged with a sidecar.

    Parameters
    ----------
    reporter, partner
        ISO3 codes or Comtrade numeric codes (a comma string or a list for several).
    periods
        Years (``2023``) for ``freq="A"``; months (``202305``, ``2023-05``) or whole years
        for ``freq="M"``. Comma string or list.
    freq
        ``"A"`` annual or ``"M"`` monthly.
    flows
        Comtrade flow codes (default exports and imports).
    cmd
        Commodity code(s): ``"TOTAL"`` (all goods), HS codes, or ``AG2``/``AG4``/``AG6``.
    key
        Subscription key; default from the environment (``COMTRADE_API_KEY`` or
        ``COMTRADE_SUBSCRIPTION_KEY``). Without one the keyless preview endpoint is used.
    out_dir
        Where to save (default ``data/raw/comtrade``).
    transport
        HTTP transport (default :class:`~tradecheck.fetch._transport.RequestsTransport`);
        tests pass a :class:`~tradecheck.fetch._transport.ReplayTransport`.
    progress
        Show a progress bar over the requests.
    max_tries
        Attempts per request when rate limited (HTTP 429) or on server errors.
    min_interval
        Seconds to wait between consecutive requests.

    Returns
    -------
    list of Path
        The saved JSON files, one per request (an unchanged earlier identical download is
        returned instead of a duplicate).

    Raises
    ------
    FetchError
        Bad key (401), rate limit still exceeded after ``max_tries``, an ``error`` in the
        answer, a truncated answer, or any failed request: a period is never dropped
        silently. Files saved before the failure are listed in the message.

    Warns
    -----
    FetchWarning
        Keyless preview in use; requested periods that came back without records (recorded
        as ``missing_periods`` in the sidecar); earlier downloads of the same query.

    Examples
    --------
    >>> fetch("CHN", "BLR", "2023,2024")  # doctest: +SKIP
    [PosixPath('.../data/raw/comtrade/comtrade_CHN_BLR_A_2023+2024_1a2b3c4d5e6f.json')]
    """
    q = _query(
        reporter, partner, periods, freq=freq, flows=flows, cmd=cmd, key=key, out_dir=out_dir
    )
    transport = transport or RequestsTransport()
    chunks = plan_requests(
        q.periods,
        per_period=_records_per_period(len(q.reps), len(q.pars), len(q.flows), q.cmds),
        max_records=q.max_records,
        url_for=lambda c: build_url(q.base, _params(q, c)),
    )
    saved: list[Path] = []
    no_data: list[str] = []
    partial: list[str] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(chunks), desc="comtrade", unit="request", leave=False)
    try:
        for i, chunk in enumerate(chunks):
            if i and min_interval > 0:
                transport.sleep(min_interval)
            path, gaps = _fetch_chunk(q, transport, chunk, max_tries=max_tries, saved=saved)
            saved.append(path)
            no_data.extend(gaps.missing)
            partial.extend(g for g in gaps.series if g.rsplit("/", 1)[1] not in gaps.missing)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    _warn_gaps(q, no_data, partial)
    return saved


def missing_series(
    records: list[dict[str, Any]],
    reps: list[tuple[int, str]],
    pars: list[tuple[int, str]],
    flows: list[str],
    cmds: list[str],
    periods: list[str],
) -> list[str]:
    """Requested reporter/partner/flow/commodity/period combinations without any record.

    Only explicit commodity codes are enumerated (``TOTAL``, ``27``); for ``AG2``-style
    aggregates the list is empty because the codes that should come back are not known.

    Examples
    --------
    >>> rec = [{"reporterCode": 156, "partnerCode": 112, "flowCode": "X", "cmdCode": "TOTAL",
    ...         "period": "2023"}]
    >>> missing_series(rec, [(156, "CHN")], [(112, "BLR")], ["X", "M"], ["TOTAL"], ["2023"])
    ['CHN/BLR/M/TOTAL/2023']
    """
    if any(c.upper() in _CMD_SIZE and c.upper() != "TOTAL" for c in cmds):
        return []
    seen = {
        (
            str(r.get("reporterCode")),
            str(r.get("partnerCode")),
            str(r.get("flowCode")),
            str(r.get("cmdCode")),
            str(r.get("period")),
        )
        for r in records
    }
    out = []
    for rc, rl in reps:
        for pc, pl in pars:
            for f in flows:
                for c in cmds:
                    for p in periods:
                        if (str(rc), str(pc), f, c, p) not in seen:
                            out.append(f"{rl}/{pl}/{f}/{c}/{p}")
    return out
