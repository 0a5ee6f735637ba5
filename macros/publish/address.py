"""Whether ``site_url`` is the site's real address, or one that only works on this computer.

The local default in mkdocs.yml (http://127.0.0.1:8000/) suits `mkdocs serve`, but a published site
would carry it into its sitemap, its canonical links and the "Adres:" line of every printed checklist.
`toolkit headers` (the last check of a publication build) refuses it; the checklists leave the line out.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

EXAMPLE = "https://toolkit.jouwregio.nl/"


def is_local(site_url: str | None) -> bool:
    """True when site_url is missing, not a full address, or points at this computer (localhost,
    127.0.0.0/8, ::1, 0.0.0.0)."""
    host = _host(site_url)
    if not host:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    ip = getattr(ip, "ipv4_mapped", None) or ip
    return ip.is_loopback or ip.is_unspecified


def problem(site_url: str | None) -> str | None:
    """Why site_url cannot go into a published site (Dutch, for the region's host), or None."""
    if not is_local(site_url):
        return None
    fix = (f"Zet in mkdocs.yml (een regio: in mkdocs.regio.yml) bij site_url het echte adres van jullie site, zoals "
           f"{EXAMPLE}, en bouw de site opnieuw (bash scripts/build).")
    if not (site_url or "").strip():
        return f"site_url ontbreekt; de sitemap en de canonical-links hebben dan geen adres. {fix}"
    if not _host(site_url):
        return f"site_url '{site_url}' is geen volledig adres (met https:// ervoor). {fix}"
    return (f"site_url is {site_url}: een adres dat alleen op deze computer werkt. De sitemap en de canonical-links "
            f"van de gebouwde site wijzen daarheen, dus die site is niet klaar om te publiceren. {fix}")


def _host(site_url: str | None) -> str:
    try:
        return (urlsplit((site_url or "").strip()).hostname or "").lower()
    except ValueError:  # e.g. an unclosed [ in the host
        return ""
