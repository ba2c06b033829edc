"""Redirect targets taken from the request: only paths on this site."""
from urllib.parse import urlsplit


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a same-site path, else None (never redirect to another host)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
