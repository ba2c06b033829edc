"""The catalogues: every message of the source in both languages, no empty translation, the same placeholders,
and no English left in the Chinese trainee pages (the default language)."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = {lang: ROOT / "app" / "translations" / lang / "LC_MESSAGES" / "messages.po" for lang in ("zh", "en")}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%%")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "pgettext": ((1, "c"), 2)}
METHODS = [("**.py", "python"), ("app/templates/**.html", "jinja2")]


def _catalogue(lang):
    with open(CATALOGUES[lang], "rb") as fh:
        return read_po(fh)


def _forms(text) -> tuple[str, ...]:
    """A message's id or translation as a tuple: one string, or the forms of a plural (ngettext) entry."""
    return text if isinstance(text, tuple) else (text,)


def _source_messages() -> dict[str, str]:
    """msgid -> where it is used, for every message the application's code and templates ask for."""
    found = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "app"), method_map=[("**.py", "python"), ("**.html", "jinja2")], keywords=KEYWORDS):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, filename)
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_message_of_the_source_is_in_the_catalogue(lang):
    catalogue = _catalogue(lang)
    missing = {msgid: where for msgid, where in _source_messages().items() if msgid not in catalogue}
    assert missing == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_translation_is_empty_or_fuzzy(lang):
    catalogue = _catalogue(lang)
    empty = [m.id for m in catalogue if m.id and not m.string]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert empty == [] and fuzzy == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_message_is_defined_twice(lang):
    """Appended blocks of parallel branches can repeat a msgid; Babel would silently keep only one of them."""
    text = CATALOGUES[lang].read_text(encoding="utf-8")
    active = [m.group(1) for m in re.finditer(r'^msgid ("(?:.*)"\n(?:".*"\n)*)', text, re.M)]
    seen, twice = set(), []
    for msgid in active:
        if msgid in seen and msgid != '""\n':
            twice.append(msgid)
        seen.add(msgid)
    assert twice == []


def test_both_catalogues_hold_the_same_messages():
    zh, en = _catalogue("zh"), _catalogue("en")
    assert {m.id for m in zh if m.id} == {m.id for m in en if m.id}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_translations_keep_the_placeholders(lang):
    """Every form keeps the placeholders of its message; of a plural entry, the singular may drop the number
    ('your only attempt') but no form brings one the plural does not have."""
    def held(text):
        return sorted(PLACEHOLDER.findall(text))

    wrong = []
    for m in _catalogue(lang):
        if not m.id:
            continue
        if not m.pluralizable:
            if held(m.id) != held(m.string):
                wrong.append(m.id)
            continue
        plural = set(held(m.id[1]))
        forms = _forms(m.string)
        if held(forms[-1]) != held(m.id[1]) or any(not set(held(form)) <= plural for form in forms):
            wrong.append(m.id)
    assert wrong == []


def test_chinese_translations_are_chinese():
    """A Chinese msgstr that still reads as English (three English words in a row), outside of commands and
    placeholders, leaks English into the Chinese interface."""
    allowed = {"flask bank import question_bank"}
    leaks = []
    for m in _catalogue("zh"):
        if not m.id:
            continue
        text = PLACEHOLDER.sub("", " / ".join(_forms(m.string)))
        for phrase in allowed:
            text = text.replace(phrase, "")
        if re.search(r"[A-Za-z]+[ ,:;'’-]+[A-Za-z]+[ ,:;'’-]+[A-Za-z]+", text):
            leaks.append((m.id, m.string))
    assert leaks == []


# ------------------------------------------------------------------------------------ the rendered pages
class _VisibleText(HTMLParser):
    """Text a trainee sees or hears: text nodes (not script/style) and the title, aria-label, placeholder and
    alt attributes; JSON blocks of UI texts (``type=application/json``) too, as the page's script shows them."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        for attr in ("title", "aria-label", "placeholder", "alt"):
            if names.get(attr):
                self.parts.append(names[attr])
        if tag == "style" or (tag == "script" and names.get("type") != "application/json"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _visible(html: str) -> str:
    import json

    parser = _VisibleText()
    parser.feed(html)
    texts = []
    for part in parser.parts:
        stripped = part.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                texts.extend(str(v) for v in json.loads(stripped).values() if isinstance(v, str))
                continue
            except ValueError:
                pass
        texts.append(part)
    return "\n".join(texts)


def _english_fragments() -> set[str]:
    """Literal pieces (placeholders cut out) of every msgid the Chinese catalogue translates differently, long
    enough to be English and not a coincidence."""
    fragments = set()
    for m in _catalogue("zh"):
        if not m.id or _forms(m.string) == _forms(m.id)[-1:]:
            continue
        for piece in (piece for form in _forms(m.id) for piece in PLACEHOLDER.split(form)):
            piece = piece.strip(" .,:;()·")
            if len(piece) >= 6 and re.search(r"[A-Za-z]{3}", piece):
                fragments.add(piece)
    return fragments


@pytest.fixture
def trainee_pages(trainee_client, trainee, exam_paper, db):
    """The HTML of every trainee page (in the default language, Chinese) with something in it: the intro, an
    open exam, its result, the 错题本 and its printable list, practice with feedback, history, dashboard."""
    from app.exams import lifecycle

    pages = {"/papers/mock-t/start": trainee_client.get("/papers/mock-t/start")}
    start = trainee_client.post("/papers/mock-t/start")
    attempt_id = int(start.headers["Location"].rsplit("/", 1)[1])
    attempt = lifecycle.get_attempt_for(trainee, attempt_id)
    lifecycle.save_answer(attempt, "complaints.case", {"a": "先道歉"})
    db.session.commit()
    pages["exam"] = trainee_client.get(f"/attempts/{attempt_id}")
    lifecycle.save_answer(attempt, "complaints.m0", ["B"])
    lifecycle.submit_attempt(attempt)
    db.session.commit()
    pages["result"] = trainee_client.get(f"/attempts/{attempt_id}/result")
    for path in ("/dashboard", "/mistakes", "/mistakes/print", "/history", "/practice?question=complaints.case",
                 "/practice?question=etiquette.j0"):
        pages[path] = trainee_client.get(path)
    pages["practice feedback"] = trainee_client.post("/practice/complaints.case", data={"part-a": "道歉", "part-b": ""})
    pages["practice empty"] = trainee_client.post("/practice/etiquette.j0", data={})
    pages["404"] = trainee_client.get("/attempts/999999")
    for name, response in pages.items():
        assert response.status_code in (200, 400, 404), (name, response.status_code)
    return {name: response.get_data(as_text=True) for name, response in pages.items()}


def test_the_chinese_trainee_pages_show_no_untranslated_message(trainee_pages):
    fragments = _english_fragments()
    assert len(fragments) > 100  # the check has something to find
    leaks = {name: sorted(f for f in fragments if f in _visible(html)) for name, html in trainee_pages.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_the_chinese_trainee_pages_have_no_english_sentence(trainee_pages):
    """Whatever its source (a message outside the catalogue, a code shown raw), no three English words in a row
    on a Chinese page."""
    english = re.compile(r"[A-Za-z]{2,}(?:[ ,:;'’-]+[A-Za-z]{2,}){2,}")
    found = {name: english.findall(_visible(html)) for name, html in trainee_pages.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_chinese_pages_show_no_raw_codes(trainee_pages):
    codes = re.compile(r"(?<![\w.-])(judge|single|multiple|case|submitted|expired|started|trainee|instructor|admin)"
                       r"(?![\w.-])")
    found = {name: codes.findall(_visible(html)) for name, html in trainee_pages.items()}
    assert {name: words for name, words in found.items() if words} == {}
