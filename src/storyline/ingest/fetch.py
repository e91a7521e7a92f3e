"""URLs -> bytes, carefully: a timeout, a size cap, at most 5 redirects, and no private addresses.

Every hop of a redirect chain is checked. A host is refused (``blocked_address``) when it is ``localhost`` or
an IP literal, or (on the real network) a name resolving to, a loopback, private, link-local, reserved,
multicast or unspecified address - unless ``allow_private_urls`` is on. With an injected ``transport`` (tests,
proxies) names are not resolved: the transport decides where a name goes.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import FetchFailed, InputRejected

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True)
class Fetched:
    body: bytes
    url: str  # the final URL, after redirects
    charset: str | None  # from the Content-Type header


def _addresses(host: str, resolve: bool) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:  # legacy IPv4 spellings: 127.1, 2130706433, 0x7f000001
        return [ipaddress.ip_address(socket.inet_aton(host))]
    except OSError:
        pass
    if not resolve:
        return []
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(host, f"cannot resolve host {host!r}: {exc}") from exc
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _private_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "reserved", "multicast", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-global"


def check_host(url: str, resolve: bool) -> None:
    """Raise ``blocked_address`` if ``url``'s host is local or private (see the module docstring)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        raise FetchFailed(url, f"{host} is this machine; set allow_private_urls to fetch it", "blocked_address")
    for ip in _addresses(host, resolve):
        kind = _private_kind(ip)
        if kind:
            raise FetchFailed(url, f"{host} is a {kind} address ({ip}); set allow_private_urls to fetch it",
                              "blocked_address")


class Fetcher:
    """Fetches URLs for one ``read_sources`` run with one ``httpx.Client``; call ``close`` when done."""

    def __init__(self, settings: dict, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self.transport = transport
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                transport=self.transport, timeout=httpx.Timeout(float(self.settings["fetch_timeout"])),
                headers={"User-Agent": self.settings["user_agent"], "Accept": ACCEPT}, follow_redirects=False)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Fetched:
        """The body of ``url`` after at most ``MAX_REDIRECTS`` redirects; raises ``InputRejected``."""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise InputRejected(url, "unsupported", "only http:// and https:// URLs are fetched")
        try:
            return self._follow(url)
        except httpx.TimeoutException as exc:
            raise FetchFailed(url, f"timed out after {self.settings['fetch_timeout']}s "
                                   f"({type(exc).__name__}); raise fetch_timeout or try later") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchFailed(url, f"{type(exc).__name__}: {exc}") from exc

    def _follow(self, url: str) -> Fetched:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if not self.settings.get("allow_private_urls"):
                check_host(current, resolve=self.transport is None)
            with self.client.stream("GET", current) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location:
                    current = str(response.url.join(location))
                    if urlsplit(current).scheme.lower() not in ("http", "https"):
                        raise FetchFailed(url, f"redirected to a non-HTTP URL {current!r}")
                    continue
                return self._body(url, response)
        raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects")

    def _body(self, url: str, response: httpx.Response) -> Fetched:
        if response.status_code >= 300:
            raise FetchFailed(url, f"HTTP {response.status_code} {response.reason_phrase} from {response.url}")
        limit = int(self.settings["max_bytes"])
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputRejected(url, "too_large", f"Content-Length {declared} > max_bytes {limit}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputRejected(url, "too_large", f"body over max_bytes {limit}; raise max_bytes to read it")
            chunks.append(chunk)
        return Fetched(b"".join(chunks), str(response.url), response.charset_encoding)
