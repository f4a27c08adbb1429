"""Live download of IMF IMTS (International Trade in Goods by partner, formerly DOTS) as SDMX-CSV.

One request to the SDMX 3.0 API
(``https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/{key}``) with
``Accept: application/vnd.sdmx.data+csv;version=2.0.0`` and the key in the order
``COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY`` (e.g. ``CHN.XG_FOB_USD+MG_CIF_USD.BLR.M``).
The CSV is saved **unchanged** under ``data/raw/imf/`` as
``imf_imts_<reporter>_<partner>_<freq>_<start>-<end>_<sha12>.csv`` with a sidecar
``<file>.meta.json``; the IMF loader reads it like any other SDMX-CSV file.

Why ``requests`` and not ``sdmx1``: sdmx1 requests and parses SDMX-ML into its own objects,
while we want the SDMX-CSV bytes the IMF sent saved as the source of record and read by the
same loader as a file downloaded by hand. The request is one GET with two headers, which
does not need a client library.

Rate limits: the IMF allows about 50 requests per second per application (User-Agent) plus a
global limit; this module makes one request per call, identifies itself with a tradecheck
User-Agent and backs off exponentially on HTTP 429/5xx. An optional key
(``IMF_API_KEY`` / ``IMF_SUBSCRIPTION_KEY``) goes in the ``Ocp-Apim-Subscription-Key`` header
and, like the Comtrade key, is never written anywhere.

Examples
--------
>>> sdmx_key("CHN", "BLR", ("XG_FOB_USD", "MG_CIF_USD"), "M")
'CHN.XG_FOB_USD+MG_CIF_USD.BLR.M'
>>> time_bound("2015", "M", end=False), time_bound("2024", "M", end=True)
('2015-M01', '2024-M12')
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradecheck import __version__, paths
from tradecheck.errors import FetchError
from tradecheck.fetch._sidecar import redact, safe_token, save_response, utc_now, warn_on_resave
from tradecheck.fetch._transport import RequestsTransport, Transport, get_with_backoff, key_from_env
from tradecheck.fetch.comtrade import FetchWarning

BASE_URL = "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/"
ACCEPT = "application/vnd.sdmx.data+csv;version=2.0.0"
KEY_ENV_VARS = ("IMF_API_KEY", "IMF_SUBSCRIPTION_KEY")
KEY_HEADER = "Ocp-Apim-Subscription-Key"
#: IMTS indicator codes (the legacy DOT names TXG_FOB_USD/TMG_CIF_USD are not valid here).
KNOWN_INDICATORS = ("XG_FOB_USD", "MG_CIF_USD", "MG_FOB_USD", "TBG_USD")
_AREA = re.compile(r"^[A-Z][A-Z0-9]{2,3}$")


def _codes(value: str | Iterable[str], what: str) -> list[str]:
    items = re.split(r"[+,]", value) if isinstance(value, str) else list(value)
    out = [str(i).strip().upper() for i in items if str(i).strip()]
    if not out:
        raise FetchError(f"no {what} given")
    for c in out:
        if not _AREA.match(c):
            raise FetchError(
                f"{what} {c!r}: expected an ISO3 code (BLR, CHN) or an IMF group code (G001)"
            )
    return out


def sdmx_key(
    reporter: str | Iterable[str],
    partner: str | Iterable[str],
    indicators: Sequence[str],
    freq: str,
) -> str:
    """The IMTS series key ``COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY``.

    Several values of one dimension are joined with ``+``.
    """
    inds = [i.strip().upper() for i in indicators if i.strip()]
    for i in inds:
        if i.startswith("T") and i[1:] in KNOWN_INDICATORS:
            raise FetchError(f"indicator {i!r} is a legacy DOTS name; in IMTS it is {i[1:]!r}")
        if not re.fullmatch(r"[A-Z0-9_]+", i):
            raise FetchError(f"indicator {i!r}: expected a code like XG_FOB_USD")
    if not inds:
        raise FetchError("no indicator given")
    return ".".join(
        [
            "+".join(_codes(reporter, "reporter")),
            "+".join(inds),
            "+".join(_codes(partner, "partner")),
            freq,
        ]
    )


def time_bound(value: str | int, freq: str, *, end: bool) -> str:
    """A start or end period in IMTS ``TIME_PERIOD`` form for the ``c[TIME_PERIOD]`` filter.

    Monthly ``YYYY-Mmm``, quarterly ``YYYY-Qn``, annual ``YYYY-A1`` (the form used in
    saved IMF SDMX 3.0 requests of the imfp tests). A bare year stands for its first (start)
    or last (end) month or quarter.

    Raises
    ------
    FetchError
        If the value is not a year, month or quarter.
    """
    s = str(value).strip().upper()
    m = re.fullmatch(r"(\d{4})(?:-?M?(\d{1,2})|-?Q([1-4])|-?A1?)?", s)
    if not m:
        raise FetchError(f"period {value!r}: expected YYYY, YYYY-MM, YYYY-Mmm or YYYY-Qn")
    year, month, quarter = m.group(1), m.group(2), m.group(3)
    if freq == "A":
        return f"{year}-A1"
    if freq == "Q":
        if quarter:
            return f"{year}-Q{quarter}"
        if month:
            return f"{year}-Q{(int(month) - 1) // 3 + 1}"
        return f"{year}-Q{4 if end else 1}"
    if quarter:
        q = int(quarter)
        return f"{year}-M{(3 * q if end else 3 * q - 2):02d}"
    if month:
        if not 1 <= int(month) <= 12:
            raise FetchError(f"period {value!r}: month out of range")
        return f"{year}-M{int(month):02d}"
    return f"{year}-M{12 if end else 1:02d}"


def expected_periods(lo: str, hi: str, freq: str) -> list[str]:
    """Every ``TIME_PERIOD`` between two bounds of :func:`time_bound`, as the data spell them
    (``2023``, ``2023-Q1``, ``2023-M01``).

    Examples
    --------
    >>> expected_periods("2023-M11", "2024-M02", "M")
    ['2023-M11', '2023-M12', '2024-M01', '2024-M02']
    >>> expected_periods("2020-A1", "2022-A1", "A")
    ['2020', '2021', '2022']
    """
    y0, y1 = int(lo[:4]), int(hi[:4])
    if freq == "A":
        return [str(y) for y in range(y0, y1 + 1)]
    step = 3 if freq == "Q" else 1
    n0 = y0 * 12 + (int(lo[6:]) - 1) * step
    n1 = y1 * 12 + (int(hi[6:]) - 1) * step
    out = []
    for n in range(n0, n1 + 1, step):
        y, m = divmod(n, 12)
        out.append(f"{y}-Q{m // 3 + 1}" if freq == "Q" else f"{y}-M{m + 1:02d}")
    return out


def resolve_key(key: str | None = None) -> str | None:
    """The optional IMF key: ``key`` if given, else the first set of :data:`KEY_ENV_VARS`."""
    return key_from_env(key, KEY_ENV_VARS)


@dataclass(frozen=True)
class _Request:
    """Per-call context of :func:`fetch`: the checked series request.

    Attributes
    ----------
    freq, series_key
        ``"A"``/``"Q"``/``"M"`` and the SDMX key (``CHN.XG_FOB_USD+MG_CIF_USD.BLR.M``).
    reporters, partners
        The area codes, for the file name.
    lo, hi
        The time bounds in ``TIME_PERIOD`` form, or None for open.
    requested
        The indicator codes asked for, as the answer spells them.
    key
        Optional subscription key (sent only as a header).
    """

    freq: str
    series_key: str
    reporters: list[str]
    partners: list[str]
    lo: str | None
    hi: str | None
    requested: list[str]
    key: str | None

    @property
    def filters(self) -> list[str]:
        """The ``c[TIME_PERIOD]`` filter terms (``ge:2023-M01``, ``le:2023-M02``)."""
        return [f"ge:{self.lo}"] * bool(self.lo) + [f"le:{self.hi}"] * bool(self.hi)

    @property
    def url(self) -> str:
        """The request URL: the series key, then the time filter when bounded."""
        query = "?c[TIME_PERIOD]=" + "+".join(self.filters) if self.filters else ""
        return BASE_URL + self.series_key + query

    @property
    def what(self) -> str:
        """How messages name the request."""
        return f"IMF IMTS request {self.series_key}"

    def headers(self) -> dict[str, str]:
        """The request headers; the key travels only here."""
        return {"Accept": ACCEPT, **({KEY_HEADER: self.key} if self.key else {})}


def _request(
    reporter: str | Iterable[str],
    partner: str | Iterable[str],
    indicators: Sequence[str],
    *,
    freq: str,
    start: str | int | None,
    end: str | int | None,
    key: str | None,
) -> _Request:
    """Check :func:`fetch`'s arguments (frequency, codes, indicators, bounds) in that order.

    Examples
    --------
    >>> r = _request("chn", "BLR", ["XG_FOB_USD"], freq="m", start=2023, end="2023-02", key=None)
    >>> r.url.removeprefix(BASE_URL)
    'CHN.XG_FOB_USD.BLR.M?c[TIME_PERIOD]=ge:2023-M01+le:2023-M02'
    >>> _request("CHN", "BLR", ["MG_CIF_USD"], freq="A", start=None, end=2020, key=None).filters
    ['le:2020-A1']
    """
    # read once: a generator is consumed by the key and would be empty for the file name
    reporter = reporter if isinstance(reporter, str) else list(reporter)
    partner = partner if isinstance(partner, str) else list(partner)
    indicators = list(indicators)
    freq = freq.upper()
    if freq not in ("A", "Q", "M"):
        raise FetchError(f"freq must be 'A', 'Q' or 'M', got {freq!r}")
    series_key = sdmx_key(reporter, partner, indicators, freq)
    lo = time_bound(start, freq, end=False) if start is not None else None
    hi = time_bound(end, freq, end=True) if end is not None else None
    return _Request(
        freq,
        series_key,
        _codes(reporter, "reporter"),
        _codes(partner, "partner"),
        lo or None,
        hi or None,
        [i.strip().upper() for i in indicators],
        resolve_key(key),
    )


def _check_status(req: _Request, resp: Any) -> None:
    """Raise a FetchError naming the request for any answer but HTTP 200."""
    if resp.status == 404:
        raise FetchError(
            f"{req.what}: HTTP 404, the IMF found no data for this key and period "
            "(check the codes; IMTS indicators are XG_FOB_USD, MG_CIF_USD, MG_FOB_USD)"
        )
    if resp.status in (401, 403):
        raise FetchError(
            f"{req.what}: HTTP {resp.status}: access refused"
            + ("; the key in IMF_API_KEY was rejected" if req.key else "; this flow may need a key")
        )
    if resp.status != 200:
        snippet = redact(resp.text()[:300], [req.key]).strip()
        raise FetchError(f"{req.what}: HTTP {resp.status}: {snippet or 'no body'}")


def _sdmx_rows(req: _Request, body: bytes) -> tuple[list[dict[str, str]], list[str]]:
    """The answer's rows and header; FetchError when it is not SDMX-CSV."""
    text = body.decode("utf-8-sig", errors="replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    header = next(csv.reader(io.StringIO(text)), [])
    if "TIME_PERIOD" not in header or "OBS_VALUE" not in header:
        raise FetchError(
            f"{req.what}: the answer is not SDMX-CSV (no TIME_PERIOD/OBS_VALUE columns; "
            f"starts with {redact(text[:80], [req.key])!r})"
        )
    return rows, header


@dataclass(frozen=True)
class _Found:
    """What the answer holds against the request: indicators returned and missing, the
    periods present, and per indicator the expected periods without an observation."""

    returned: list[str]
    missing: list[str]
    periods: list[str]
    gaps: dict[str, list[str]]


def _found(req: _Request, rows: list[dict[str, str]], header: list[str]) -> _Found:
    """Compare the answer with the request (period gaps only when both bounds are given and
    the answer has an INDICATOR column)."""
    returned = sorted({r.get("INDICATOR", "") for r in rows} - {""})
    by_ind = "INDICATOR" in header
    missing = [i for i in req.requested if i not in returned] if by_ind else []
    periods = sorted({r["TIME_PERIOD"] for r in rows if r.get("TIME_PERIOD")})
    gaps: dict[str, list[str]] = {}
    if req.lo and req.hi and by_ind:
        expected = expected_periods(req.lo, req.hi, req.freq)
        for ind in req.requested:
            have = {r.get("TIME_PERIOD") for r in rows if r.get("INDICATOR") == ind}
            if ind not in missing and (lacking := [p for p in expected if p not in have]):
                gaps[ind] = lacking
    return _Found(returned, missing, periods, gaps)


def _sidecar_meta(req: _Request, status: int, n_rows: int, found: _Found) -> dict[str, Any]:
    """The sidecar of the saved answer: what was asked, when, and what came back."""
    retrieved = utc_now()
    return {
        "title": f"IMF International Trade in Goods by partner (IMTS), key {req.series_key}",
        "publisher": "International Monetary Fund, IMTS (formerly Direction of Trade Statistics)",
        "source": "imf_imts",
        "url": req.url,
        "parameters": {
            "dataflow": "IMF.STA:IMTS (latest version)",
            "key": req.series_key,
            "key_order": "COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY",
            "time_filter": "+".join(req.filters) or None,
            "accept": ACCEPT,
        },
        "reported_by": "COUNTRY column of each row",
        "retrieved_at": retrieved.isoformat().replace("+00:00", "Z"),
        "vintage": retrieved.date().isoformat(),
        "http_status": status,
        "record_count": n_rows,
        "indicators_requested": req.requested,
        "indicators_returned": found.returned,
        "missing_indicators": found.missing,
        "missing_periods": found.gaps,
        "first_period": found.periods[0] if found.periods else None,
        "last_period": found.periods[-1] if found.periods else None,
        "units": "see the SCALE and UNIT columns of the file",
        "tool": f"tradecheck {__version__} (tradecheck.fetch.imf)",
    }


def _stem(req: _Request) -> str:
    """The saved file's name stem: ``imf_imts_<reporters>_<partners>_<freq>_<lo>-<hi>``.

    Examples
    --------
    >>> _stem(_request("CHN", "BLR", ["XG_FOB_USD"], freq="A", start=2019, end=None, key=None))
    'imf_imts_CHN_BLR_A_2019-A1-end'
    """
    span = f"{req.lo or 'start'}-{req.hi or 'end'}"
    return "_".join(
        [
            "imf_imts",
            safe_token("+".join(req.reporters)),
            safe_token("+".join(req.partners)),
            req.freq,
            safe_token(span),
        ]
    )


def _warn_found(req: _Request, n_rows: int, found: _Found) -> None:
    """Warn (at the caller of :func:`fetch`) about an empty answer, missing indicators and
    periods without observations."""
    if not n_rows:
        warnings.warn(f"{req.what}: the answer has no observations", FetchWarning, stacklevel=3)
    if found.missing:
        warnings.warn(
            f"{req.what}: no series came back for indicator(s) {', '.join(found.missing)}; "
            "recorded as missing_indicators in the sidecar",
            FetchWarning,
            stacklevel=3,
        )
    if found.gaps:
        listed = "; ".join(
            f"{k}: {', '.join(v[:6])}{' ...' if len(v) > 6 else ''}" for k, v in found.gaps.items()
        )
        warnings.warn(
            f"{req.what}: periods without observations ({listed}); recorded as missing_periods "
            "in the sidecar",
            FetchWarning,
            stacklevel=3,
        )


def fetch(
    reporter: str | Iterable[str],
    partner: str | Iterable[str],
    *,
    indicators: Sequence[str] = ("XG_FOB_USD", "MG_CIF_USD"),
    freq: str = "M",
    start: str | int | None = None,
    end: str | int | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    transport: Transport | None = None,
    key: str | None = None,
    max_tries: int = 5,
) -> Path:
    """Download IMTS series as SDMX-CSV and save the answer unchanged with a sidecar.

    Parameters
    ----------
    reporter, partner
        ISO3 codes (or IMF group codes such as ``G001`` World); several joined with ``+``.
    indicators
        IMTS indicator codes (default goods exports FOB and imports CIF, in US$).
    freq
        ``"M"``, ``"Q"`` or ``"A"``.
    start, end
        Optional bounds (``2015``, ``2015-03``, ``2015-M03``, ``2015-Q1``).
    out_dir
        Where to save (default ``data/raw/imf``).
    transport
        HTTP transport (tests pass a replay transport).
    key
        Optional subscription key (default from ``IMF_API_KEY``); never written anywhere.
    max_tries
        Attempts when rate limited (HTTP 429) or on server errors.

    Returns
    -------
    Path
        The saved CSV file (an identical earlier download is returned instead of a copy).

    Raises
    ------
    FetchError
        HTTP 404 (the IMF found no series for the key), 401/403, rate limit still exceeded,
        or an answer that is not SDMX-CSV.

    Warns
    -----
    FetchWarning
        Indicators requested but absent from the answer (recorded as ``missing_indicators``
        in the sidecar), an answer without observations, earlier downloads of the same query.

    Examples
    --------
    >>> fetch("CHN", "BLR", start=2015, end=2024)  # doctest: +SKIP
    PosixPath('.../data/raw/imf/imf_imts_CHN_BLR_M_2015-M01-2024-M12_0a1b2c3d4e5f.csv')
    """
    req = _request(reporter, partner, indicators, freq=freq, start=start, end=end, key=key)
    transport = transport or RequestsTransport()
    resp = get_with_backoff(
        transport, req.url, headers=req.headers(), what=req.what, max_tries=max_tries
    )
    _check_status(req, resp)
    rows, header = _sdmx_rows(req, resp.body)
    found = _found(req, rows, header)
    meta = _sidecar_meta(req, resp.status, len(rows), found)
    stem = _stem(req)
    out = Path(out_dir) if out_dir is not None else paths.download_dir() / "imf"
    path, new = save_response(out, stem, ".csv", resp.body, meta, secrets=[req.key])
    _warn_found(req, len(rows), found)
    warn_on_resave(out, stem, ".csv", path, new, category=FetchWarning)
    return path
