"""The numbers and letters Word's automatic numbering shows but does not store in the paragraph's text.

A question list numbered by Word (``1.`` ``2.``, options ``A.`` ``B.``) holds only the stems in its text; the
label is made from the list definition (``numbering.xml``): the level's format, its text pattern (``%1、``)
and a counter per list. Bullets and anything unreadable give no label, and the text is read as it is.
"""
_CHINESE_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese(n: int) -> str:
    if n < 10:
        return _CHINESE_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    return str(n)


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographTraditional": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n),
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
}
MAX_LEVELS = 9


class ListLabels:
    """Labels for the numbered paragraphs of one document, in reading order."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> (format, text, start)
        self.counters: dict[str, list[int]] = {}
        try:
            self._read_definitions(document.part.numbering_part.element)
        except Exception:  # no numbering part, or a damaged one: no labels, the text is read as it is  # noqa: BLE001
            self.levels = {}

    def _read_definitions(self, numbering) -> None:
        abstract = {}
        for definition in numbering.findall("w:abstractNum", NS):
            levels = {}
            for level in definition.findall("w:lvl", NS):
                ilvl = int(level.get(_w("ilvl"), "0"))
                fmt = _value(level, "w:numFmt", "decimal")
                levels[ilvl] = (fmt, _value(level, "w:lvlText", ""), int(_value(level, "w:start", "1")))
            abstract[definition.get(_w("abstractNumId"))] = levels
        for num in numbering.findall("w:num", NS):
            num_id = num.get(_w("numId"))
            levels = dict(abstract.get(_value(num, "w:abstractNumId", ""), {}))
            for override in num.findall("w:lvlOverride", NS):
                ilvl = int(override.get(_w("ilvl"), "0"))
                start = _value(override, "w:startOverride", "")
                if start and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start))
            for ilvl, level in levels.items():
                self.levels[(num_id, ilvl)] = level

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` (``3、``, ``B.``), or ""."""
        try:
            num_id, ilvl = _numbering_of(paragraph)
        except Exception:  # a damaged paragraph or style: no label  # noqa: BLE001
            return ""
        if num_id is None or num_id == "0" or (num_id, ilvl) not in self.levels or not 0 <= ilvl < MAX_LEVELS:
            return ""
        counters = self.counters.setdefault(num_id, [0] * MAX_LEVELS)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counters[deeper] = 0
        text = self.levels[(num_id, ilvl)][1]
        for level in range(ilvl, -1, -1):
            fmt, _, start = self.levels.get((num_id, level), ("decimal", "", 1))
            if fmt not in FORMATS:
                return ""  # a bullet, or a format with no text of its own
            value = max(counters[level], 1) + start - 1
            text = text.replace(f"%{level + 1}", FORMATS[fmt](value))
        return text


def _numbering_of(paragraph) -> tuple[str | None, int]:
    """(numId, level) from the paragraph's own properties, else from its style's."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        if element is None:
            continue
        num_id = _value(element, "w:pPr/w:numPr/w:numId", "")
        if num_id:
            return num_id, int(_value(element, "w:pPr/w:numPr/w:ilvl", "0"))
    return None, 0


NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _w(name: str) -> str:
    return f"{{{NS['w']}}}{name}"


def _value(element, path: str, default: str) -> str:
    found = element.find(path, NS)
    return found.get(_w("val"), default) if found is not None else default
