"""Cell values made safe for spreadsheets: a text cell starting with = + - @ tab or CR would be read as a formula
by Excel or LibreOffice (CSV injection), so it gets a leading apostrophe, which both show as text. Spreadsheets
skip leading spaces, and a Chinese input method types the full-width forms (＝ ＋ － ＠), so those count too."""
import unicodedata
from datetime import datetime, timedelta, timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHINA_TIME = timezone(timedelta(hours=8))


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: a formula character first, after any spaces, in
    ASCII or full width (NFKC: ＝ and ﹦ are =)."""
    if text.startswith(FORMULA_STARTS):
        return True
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS)


def neutralise(value):
    """Text that a spreadsheet would evaluate becomes inert text; other values pass unchanged."""
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value


def china_time(value: datetime | None) -> datetime | None:
    """A stored UTC time as a naive China-time datetime (spreadsheets have no time zones)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(CHINA_TIME).replace(tzinfo=None)
