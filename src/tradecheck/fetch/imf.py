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
from pathlib import Path

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


def fetch(  # noqa: C901  a flat list of cases
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
    freq = freq.upper()
    if freq not in ("A", "Q", "M"):
        raise FetchError(f"freq must be 'A', 'Q' or 'M', got {freq!r}")
    series_key = sdmx_key(reporter, partner, indicators, freq)
    filters: list[str] = []
    lo = time_bound(start, freq, end=False) if start is not None else None
    hi = time_bound(end, freq, end=True) if end is not None else None
    if lo:
        filters.append(f"ge:{lo}")
    if hi:
        filters.append(f"le:{hi}")
    url = BASE_URL + series_key
    if filters:
        url += "?c[TIME_PERIOD]=" + "+".join(filters)
    key = resolve_key(key)
    headers = {"Accept": ACCEPT}
    if key:
        headers[KEY_HEADER] = key
    transport = transport or RequestsTransport()
    what = f"IMF IMTS request {series_key}"
    resp = get_with_backoff(transport, url, headers=headers, what=what, max_tries=max_tries)
    if resp.status == 404:
        raise FetchError(
            f"{what}: HTTP 404, the IMF found no data for this key and period "
            "(check the codes; IMTS indicators are XG_FOB_USD, MG_CIF_USD, MG_FOB_USD)"
        )
    if resp.status in (401, 403):
        raise FetchError(
            f"{what}: HTTP {resp.status}: access refused"
            + ("; the key in IMF_API_KEY was rejected" if key else "; this flow may need a key")
        )
    if resp.status != 200:
        snippet = redact(resp.text()[:300], [key]).strip()
        raise FetchError(f"{what}: HTTP {resp.status}: {snippet or 'no body'}")
    text = resp.body.decode("utf-8-sig", errors="replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    header = next(csv.reader(io.StringIO(text)), [])
    if "TIME_PERIOD" not in header or "OBS_VALUE" not in header:
        raise FetchError(
            f"{what}: the answer is not SDMX-CSV (no TIME_PERIOD/OBS_VALUE columns; "
            f"starts with {redact(text[:80], [key])!r})"
        )
    requested = [i.strip().upper() for i in indicators]
    got_ind = sorted({r.get("INDICATOR", "") for r in rows} - {""})
    missing = [i for i in requested if i not in got_ind] if "INDICATOR" in header else []
    periods = sorted({r["TIME_PERIOD"] for r in rows if r.get("TIME_PERIOD")})
    gaps: dict[str, list[str]] = {}
    if lo and hi and "INDICATOR" in header:
        expected = expected_periods(lo, hi, freq)
        for ind in requested:
            have = {r.get("TIME_PERIOD") for r in rows if r.get("INDICATOR") == ind}
            if ind not in missing and (lacking := [p for p in expected if p not in have]):
                gaps[ind] = lacking
    retrieved = utc_now()
    meta = {
        "title": f"IMF International Trade in Goods by partner (IMTS), key {series_key}",
        "publisher": "International Monetary Fund, IMTS (formerly Direction of Trade Statistics)",
        "source": "imf_imts",
        "url": url,
        "parameters": {
            "dataflow": "IMF.STA:IMTS (latest version)",
            "key": series_key,
            "key_order": "COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY",
            "time_filter": "+".join(filters) or None,
            "accept": ACCEPT,
        },
        "reported_by": "COUNTRY column of each row",
        "retrieved_at": retrieved.isoformat().replace("+00:00", "Z"),
        "vintage": retrieved.date().isoformat(),
        "http_status": resp.status,
        "record_count": len(rows),
        "indicators_requested": requested,
        "indicators_returned": got_ind,
        "missing_indicators": missing,
        "missing_periods": gaps,
        "first_period": periods[0] if periods else None,
        "last_period": periods[-1] if periods else None,
        "units": "see the SCALE and UNIT columns of the file",
        "tool": f"tradecheck {__version__} (tradecheck.fetch.imf)",
    }
    span = f"{lo or 'start'}-{hi or 'end'}"
    stem = "_".join(
        [
            "imf_imts",
            safe_token("+".join(_codes(reporter, "reporter"))),
            safe_token("+".join(_codes(partner, "partner"))),
            freq,
            safe_token(span),
        ]
    )
    out = Path(out_dir) if out_dir is not None else paths.download_dir() / "imf"
    path, new = save_response(out, stem, ".csv", resp.body, meta, secrets=[key])
    if not rows:
        warnings.warn(f"{what}: the answer has no observations", FetchWarning, stacklevel=2)
    if missing:
        warnings.warn(
            f"{what}: no series came back for indicator(s) {', '.join(missing)}; recorded as "
            "missing_indicators in the sidecar",
            FetchWarning,
            stacklevel=2,
        )
    if gaps:
        listed = "; ".join(
            f"{k}: {', '.join(v[:6])}{' ...' if len(v) > 6 else ''}" for k, v in gaps.items()
        )
        warnings.warn(
            f"{what}: periods without observations ({listed}); recorded as missing_periods "
            "in the sidecar",
            FetchWarning,
            stacklevel=2,
        )
    warn_on_resave(out, stem, ".csv", path, new, category=FetchWarning)
    return path
