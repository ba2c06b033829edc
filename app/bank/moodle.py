"""The bank as Moodle XML (Moodle's question import format). Pure: question dicts in, bytes out.

single -> multichoice (one answer); multiple -> multichoice with partial credit: each right option earns
100/k % (k right options) and each wrong one costs 100/w % (w wrong ones), so that ticking everything earns
nothing; judge -> truefalse; each part of a case question -> an essay whose grader information is the reference
answer and the key points. One category per area (``topic``). Text is Markdown rendered to sanitised HTML;
characters XML 1.0 cannot hold are dropped, so the output is always well-formed.
"""
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable


from .markdown_text import safe_html

CATEGORY_ROOT = "$course$/top"
MAX_IDNUMBER = 100  # Moodle's column width
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    return _NOT_XML_RE.sub("", str(value))


def html_of(markdown_text) -> str:
    text = xml_text(markdown_text or "")
    if not text.strip():
        return ""
    return safe_html(text)


def fraction(value: float) -> str:
    """Moodle writes fractions with at most five decimals: 33.33333, -50, 100."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(parent, tag: str, value, html: bool = False, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if html:
        element.set("format", "html")
    ET.SubElement(element, "text").text = html_of(value) if html else xml_text(value)
    return element


def _head(root, qtype: str, name: str, stem_html_source: str, points, feedback: str, idnumber: str,
          tags: list) -> ET.Element:
    question = ET.SubElement(root, "question", {"type": qtype})
    _text(question, "name", name)
    _text(question, "questiontext", stem_html_source, html=True)
    _text(question, "generalfeedback", feedback, html=True)
    ET.SubElement(question, "defaultgrade").text = fraction(float(points))
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = xml_text(idnumber)[:MAX_IDNUMBER]
    if tags:
        holder = ET.SubElement(question, "tags")
        for tag in tags:
            _text(holder, "tag", tag)
    return question


def _answer(question, fraction_value: float, text, feedback: str = "", html: bool = True) -> None:
    answer = _text(question, "answer", text, html=html, fraction=fraction(fraction_value))
    _text(answer, "feedback", feedback, html=True)


def _multichoice(root, content: dict) -> None:
    multiple = content["type"] == "multiple"
    right = set(content["answer"]) if multiple else {content["answer"]}
    options = content["options"]
    question = _head(root, "multichoice", content["id"], content["stem"], content.get("points", 1),
                     content.get("explanation", ""), content["id"], content.get("tags", []))
    ET.SubElement(question, "single").text = "false" if multiple else "true"
    ET.SubElement(question, "shuffleanswers").text = "true"
    ET.SubElement(question, "answernumbering").text = "ABCD"
    ET.SubElement(question, "showstandardinstruction").text = "0"
    wrong = len(options) - len(right)
    for letter, text in options.items():
        if letter in right:
            value = 100 / len(right)
        else:
            value = -100 / wrong if multiple else 0
        _answer(question, value, text)


def _truefalse(root, content: dict) -> None:
    question = _head(root, "truefalse", content["id"], content["stem"], content.get("points", 1),
                     content.get("explanation", ""), content["id"], content.get("tags", []))
    truth = bool(content["answer"])
    _answer(question, 100 if truth else 0, "true", html=False)
    _answer(question, 0 if truth else 100, "false", html=False)


def grader_information(part: dict) -> str:
    """The reference answer, then the key points with their points (Markdown)."""
    lines = [str(part.get("reference", "")).strip(), "", "**得分要点**", ""]
    for point in part.get("rubric", []):
        lines.append(f"- {point.get('text', '')}（{fraction(float(point.get('points', 0)))}分）")
    if part.get("order_points"):
        lines.append(f"- 顺序正确（{fraction(float(part['order_points']))}分）")
    return "\n".join(lines)


def _essays(root, content: dict) -> None:
    parts = content.get("parts", [])
    for index, part in enumerate(parts, start=1):
        name = f"{content['id']}/{part['id']}"
        heading = f"（{index}/{len(parts)}）" if len(parts) > 1 else ""
        text = f"{content['stem']}\n\n**{heading}{part.get('prompt', '')}**"
        question = _head(root, "essay", name, text, part.get("points", 10), "", name, content.get("tags", []))
        ET.SubElement(question, "responseformat").text = "editor"
        ET.SubElement(question, "responserequired").text = "1"
        ET.SubElement(question, "responsefieldlines").text = "15"
        ET.SubElement(question, "attachments").text = "0"
        ET.SubElement(question, "attachmentsrequired").text = "0"
        _text(question, "graderinfo", grader_information(part), html=True)
        _text(question, "responsetemplate", "", html=True)


WRITERS = {"single": _multichoice, "multiple": _multichoice, "judge": _truefalse, "case": _essays}


def moodle_xml(questions: Iterable[dict]) -> bytes:
    """A Moodle XML ``<quiz>`` of ``questions`` (the bank's stored form), grouped by area, UTF-8 bytes."""
    root = ET.Element("quiz")
    by_topic: dict[str, list[dict]] = {}
    for content in questions:
        by_topic.setdefault(str(content.get("topic", "")), []).append(content)
    for topic, contents in by_topic.items():
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(category, "category", f"{CATEGORY_ROOT}/{topic.replace('/', '／')}" if topic else CATEGORY_ROOT)
        for content in contents:
            WRITERS[content["type"]](root, content)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
