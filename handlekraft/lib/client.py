"""The address a request came from, also behind the municipality's reverse proxy.

Behind nginx every request comes from the proxy's address. The proxy appends the address it saw to
X-Forwarded-For; we believe that header only when the request came from an address listed in
TRUSTED_PROXIES, and read it from the right, skipping further trusted proxies. Anything to the left of
the first untrusted hop was written by the client and is ignored, so a forged header changes nothing.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's address as text ("" when unknown)."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _trusted(_address(remote)):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # garbage in the header: stop at the last hop we could read
        if not _trusted(address):
            return str(address)
        remote = str(address)
    return remote
