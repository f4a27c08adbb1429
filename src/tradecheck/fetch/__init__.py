"""Live downloads from UN Comtrade and the IMF (IMTS SDMX), saved unchanged under data/raw.

Modules
-------
:mod:`tradecheck.fetch.comtrade`
    ``fetch(reporter, partner, periods, *, freq="A", flows=("X", "M"), cmd="TOTAL", ...)``.
:mod:`tradecheck.fetch.imf`
    ``fetch(reporter, partner, *, indicators=("XG_FOB_USD", "MG_CIF_USD"), freq="M", ...)``.

Every saved response gets a ``<file>.meta.json`` sidecar (URL without key, parameters,
retrieval time, SHA-256, HTTP status, record count, missing periods). Existing files are never
overwritten and subscription keys are never written anywhere. The tests replay recorded
responses through :class:`tradecheck.fetch._transport.ReplayTransport`; nothing here is used
by the test suite against the network.

Library choice: plain ``requests`` (behind an injectable transport). The official Comtrade
client ``comtradeapicall`` silently drops periods whose request failed, prints instead of
raising and returns DataFrames, not the response bytes; ``sdmx1`` reads SDMX-ML into its own
objects, while we keep the IMF's SDMX-CSV file unchanged as the source of record.
"""
