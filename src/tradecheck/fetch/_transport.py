"""A small injectable HTTP transport, so the fetchers can be tested without a network.

The fetchers only need one operation: ``GET url`` with some headers, returning the status,
the body bytes and the response headers. :class:`RequestsTransport` does that with a
:class:`requests.Session` (the default for online users); :class:`ReplayTransport` answers
from recorded responses and records every call, which is what the tests use. Waiting
(between requests, and the back-off after HTTP 429) also goes through the transport's
``sleep``, so a replay never really sleeps and the tests can check the back-off schedule.

Examples
--------
>>> t = ReplayTransport([Response(200, b'{"count": 0}')])
>>> t.get("https://example.org/x", headers={}).json()
{'count': 0}
>>> t.calls[0].url
'https://example.org/x'
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from tradecheck import __version__
from tradecheck.errors import FetchError

USER_AGENT = f"tradecheck/{__version__} (python-requests; trade statistics research)"


class TransportError(FetchError):
    """The request did not produce an HTTP response (DNS, connection, timeout)."""


@dataclass(frozen=True)
class Response:
    """One HTTP response as the fetchers see it.

    Attributes
    ----------
    status
        HTTP status code.
    body
        The body, exactly as received (bytes; saved unchanged as the source of record).
    headers
        Response headers (case-insensitive lookups via :meth:`header`).
    """

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """A response header by case-insensitive name, or None."""
        low = name.lower()
        for k, v in self.headers.items():
            if k.lower() == low:
                return v
        return None

    def text(self) -> str:
        """The body decoded as UTF-8 (with replacement of undecodable bytes)."""
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON (raises :class:`ValueError` when it is not JSON)."""
        return json.loads(self.body.decode("utf-8-sig"))


class Transport(Protocol):
    """What a fetcher needs from the network."""

    def get(self, url: str, *, headers: Mapping[str, str], timeout: float = 60.0) -> Response:
        """GET ``url`` (query string included) and return the response, whatever its status.

        Raises :class:`TransportError` when there is no HTTP response at all.
        """
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (rate limiting, back-off)."""
        ...


class RequestsTransport:
    """The default transport: a :class:`requests.Session` with a tradecheck User-Agent.

    Headers passed to :meth:`get` (including a subscription key) are sent but never logged;
    exceptions are re-raised as :class:`TransportError` with the URL (which never holds a key)
    and the exception type only.
    """

    def __init__(self, session: Any | None = None) -> None:
        import requests

        self._requests = requests
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT

    def get(self, url: str, *, headers: Mapping[str, str], timeout: float = 60.0) -> Response:
        try:
            r = self.session.get(url, headers=dict(headers), timeout=timeout)
        except self._requests.RequestException as exc:
            raise TransportError(f"no response from {url}: {type(exc).__name__}") from None
        return Response(r.status_code, r.content, dict(r.headers))

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class Call:
    """One request a :class:`ReplayTransport` received."""

    url: str
    headers: dict[str, str]


Responder = Callable[[str, Mapping[str, str]], Response]


class ReplayTransport:
    """A transport that answers from recorded responses, for tests and offline demos.

    Parameters
    ----------
    responses
        Either a sequence of :class:`Response` (returned in order, one per request; running
        out is an error) or a function ``(url, headers) -> Response``.

    Attributes
    ----------
    calls
        Every request received, in order.
    sleeps
        Every requested wait in seconds (nothing actually sleeps).
    """

    def __init__(self, responses: Iterable[Response] | Responder) -> None:
        self._fn: Responder | None = None
        self._queue: list[Response] = []
        if callable(responses):
            self._fn = responses
        else:
            self._queue = list(responses)
        self.calls: list[Call] = []
        self.sleeps: list[float] = []

    def get(self, url: str, *, headers: Mapping[str, str], timeout: float = 60.0) -> Response:
        self.calls.append(Call(url, dict(headers)))
        if self._fn is not None:
            return self._fn(url, headers)
        if not self._queue:
            raise TransportError(f"replay transport has no recorded response left for {url}")
        return self._queue.pop(0)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(float(seconds))


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def get_with_backoff(
    transport: Transport,
    url: str,
    *,
    headers: Mapping[str, str],
    what: str,
    max_tries: int = 5,
    base_delay: float = 2.0,
    max_delay: float = 60.0,
    timeout: float = 60.0,
) -> Response:
    """GET with exponential back-off on HTTP 429/5xx and on connection failures.

    The wait before retry ``n`` (1-based) is ``min(max_delay, base_delay * 2**(n-1))``, or the
    server's ``Retry-After`` seconds when given (still capped at ``max_delay``).

    Parameters
    ----------
    transport
        Where the request goes.
    url
        Full URL with query string (must not contain a key).
    headers
        Request headers (may contain a key; never logged or put in a message).
    what
        Short description for error messages ("Comtrade request for periods 2023,2024").
    max_tries
        Attempts in total before giving up.

    Returns
    -------
    Response
        The first response whose status is not retryable (may still be an error status: the
        caller decides what 401 or 404 means for its API).

    Raises
    ------
    FetchError
        When every attempt was rate limited (429), failed on the server side (5xx) or got no
        response at all.

    Examples
    --------
    >>> t = ReplayTransport([Response(429, b""), Response(200, b"{}")])
    >>> get_with_backoff(t, "https://example.org", headers={}, what="demo").status
    200
    >>> t.sleeps
    [2.0]
    """
    last = ""
    for attempt in range(1, max_tries + 1):
        retry_after: str | None = None
        try:
            resp = transport.get(url, headers=headers, timeout=timeout)
        except TransportError as exc:
            last = str(exc)
        else:
            if resp.status not in RETRY_STATUSES:
                return resp
            kind = "rate limit exceeded" if resp.status == 429 else "server error"
            last = f"HTTP {resp.status} ({kind})"
            retry_after = resp.header("Retry-After")
        if attempt == max_tries:
            break
        delay = base_delay * 2 ** (attempt - 1)
        if retry_after:
            try:
                delay = float(retry_after)
            except ValueError:
                pass
        transport.sleep(min(max_delay, max(0.0, delay)))
    raise FetchError(
        f"{what} failed after {max_tries} attempts with exponential back-off; last answer: "
        f"{last}. Try again later, or request fewer periods at a time."
    )


def key_from_env(key: str | None, env_vars: Iterable[str]) -> str | None:
    """An API key: ``key`` if given (non-empty), else the first of ``env_vars`` that is set
    to something other than blanks (stripped), else ``None``.

    Examples
    --------
    >>> key_from_env("abc", ["NO_SUCH_VARIABLE_SET"])
    'abc'
    >>> key_from_env(None, ["NO_SUCH_VARIABLE_SET"]) is None
    True
    """
    if key:
        return key
    for var in env_vars:
        v = os.environ.get(var, "").strip()
        if v:
            return v
    return None
