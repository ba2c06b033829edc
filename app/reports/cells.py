"""Cell values made safe for spreadsheets: a text cell starting with = + - @ tab or CR would be read as a formula
by Excel or LibreOffice (CSV injection), so it gets a leading apostrophe, which both show as text."""
from datetime import datetime, timedelta, timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHINA_TIME = timezone(timedelta(hours=8))


def neutralise(value):
    """Text that a spreadsheet would evaluate becomes inert text; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def china_time(value: datetime | None) -> datetime | None:
    """A stored UTC time as a naive China-time datetime (spreadsheets have no time zones)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(CHINA_TIME).replace(tzinfo=None)
