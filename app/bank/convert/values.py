"""Reading the loose values found in centres' files: types, answers, difficulty, points, letters, text.

Every function here is total: it returns a value or None (or raises nothing), so that a converter turns any
input into either a question or a reason.
"""
import datetime
import re
import unicodedata

from ...grading.messages import Message, N_
from ...qtypes.objective import OPTION_LETTERS as LETTERS

# Characters that cannot live in the bank's YAML or that hide in pasted text: C0 controls other than tab and
# newline, DEL, zero-width marks, byte-order marks, and lone surrogates (which UTF-8 cannot encode).
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
_SPACES_RE = re.compile("[ \t\u00a0\u3000]+")


def clean_text(value) -> str:
    """Text safe to store: no control characters or surrogates, Windows line ends made plain, ends trimmed."""
    if value is None:
        return ""
    text = cell_text(value) if not isinstance(value, str) else value
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    return "\n".join(line.strip(" \t\u00a0\u3000") for line in text.split("\n")).strip("\n")


def cell_text(value) -> str:
    """A spreadsheet cell as the author sees it: 3.0 is "3", dates as YYYY-MM-DD, booleans as TRUE/FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def folded(text: str) -> str:
    """For comparing words only: full-width to half-width, upper case, no spaces."""
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", text)).upper()


TYPE_WORDS = {
    "single": ("单选", "单选题", "单项选择", "单项选择题", "单择题", "SINGLE", "SINGLECHOICE", "RADIO"),
    "multiple": ("多选", "多选题", "多项选择", "多项选择题", "多择题", "MULTIPLE", "MULTIPLECHOICE", "MULTI",
                 "CHECKBOX"),
    "judge": ("判断", "判断题", "是非题", "对错题", "正误题", "JUDGE", "TRUEFALSE", "TRUE/FALSE", "TF", "T/F"),
    None: ("不定项", "不定项选择", "不定项选择题", "选择", "选择题", "CHOICE", "MULTICHOICE"),  # decided by the answer
}
_TYPE_BY_WORD = {word: qtype for qtype, words in TYPE_WORDS.items() for word in words}
UNSUPPORTED_TYPE_WORDS = ("填空", "简答", "问答", "论述", "案例", "计算", "综合", "材料", "作文", "连线", "排序", "数值", "配对", "匹配")


_BRACKETED_RE = re.compile(r"[(（\[【][^()（）\[\]【】]{0,40}[)）\]】]")
MAX_WORD = 100


class UnknownType(ValueError):
    pass


def question_type(text: str) -> str | None:
    """``single``, ``multiple``, ``judge``, or None (choose by the answer); raises UnknownType with a reason."""
    word = folded(text[:MAX_WORD])
    word = (_BRACKETED_RE.sub("", word) or word).strip("[]【】()（）:：")  # 单选题（1分） is 单选题; 【多选】 is 多选
    if word == "":
        return None
    word = word.replace("类型", "")
    if word in _TYPE_BY_WORD:
        return _TYPE_BY_WORD[word]
    if any(w in word for w in UNSUPPORTED_TYPE_WORDS):
        raise UnknownType(Message(N_("题型“%(word)s”不能从文件导入（只支持单选、多选、判断；案例分析题请在题库中编写）"),
                                  word=text.strip()[:MAX_WORD]))
    raise UnknownType(Message(N_("不认识的题型“%(word)s”（可写：单选、多选、判断）"), word=text.strip()[:MAX_WORD]))


JUDGE_TRUE = ("对", "正确", "是", "√", "✓", "✔", "T", "TRUE", "Y", "YES", "V", "RIGHT", "CORRECT")
JUDGE_FALSE = ("错", "错误", "否", "不对", "不正确", "×", "✗", "✘", "╳", "X", "F", "FALSE", "N", "NO", "WRONG",
               "INCORRECT")


def judge_answer(text: str) -> bool | None:
    word = folded(text).strip("。.()（）[]【】")
    if word in JUDGE_TRUE:
        return True
    if word in JUDGE_FALSE:
        return False
    return None


_LETTER_SEPARATORS_RE = re.compile(r"[\s,，、;；/|+和与及]+")


def answer_letters(text: str) -> list[str] | None:
    """``ABD``, ``A,B,D``, ``A、B、D``, ``ａｂｄ`` -> ``[A, B, D]`` in the order written; None if not letters."""
    word = _LETTER_SEPARATORS_RE.sub("", unicodedata.normalize("NFKC", text).upper()).strip("。.()[]【】")
    if not word or any(ch not in LETTERS for ch in word):
        return None
    return list(word)


def option_letter(text: str) -> str | None:
    letter = unicodedata.normalize("NFKC", text).strip().upper()
    return letter if len(letter) == 1 and letter in LETTERS else None


_DIFFICULTY_WORDS = {
    "很易": 1, "很容易": 1, "非常容易": 1, "易": 1, "容易": 1, "简单": 1, "EASY": 1,
    "较易": 2, "较容易": 2, "较简单": 2, "偏易": 2,
    "中": 3, "中等": 3, "一般": 3, "适中": 3, "普通": 3, "MEDIUM": 3, "NORMAL": 3,
    "较难": 4, "偏难": 4, "稍难": 4,
    "难": 5, "困难": 5, "很难": 5, "HARD": 5, "DIFFICULT": 5,
}


def difficulty(text: str) -> int | None:
    """1 to 5 from ``3``, ``3.0``, ``易``/``中``/``难`` (and their neighbours) or stars ``★★★``; None if unreadable."""
    word = folded(text)
    if word in _DIFFICULTY_WORDS:
        return _DIFFICULTY_WORDS[word]
    if word and set(word) <= {"☆", "★"}:
        stars = word.count("★")
        return stars if 1 <= stars <= 5 else None
    number = number_value(word)
    if number is not None and number.is_integer() and 1 <= number <= 5:
        return int(number)
    return None


_NUMBER_RE = re.compile(r"^\d{1,6}(?:\.\d{1,4})?$")


def number_value(text: str) -> float | None:
    word = folded(text).removesuffix("分")
    return float(word) if _NUMBER_RE.match(word) else None


def points(text: str) -> int | float | None:
    """``2``, ``2.0``, ``1.5``, ``2分`` -> a number > 0; None if unreadable."""
    value = number_value(text)
    if value is None or value <= 0:
        return None
    return int(value) if value.is_integer() else value


_TAG_SPLIT_RE = re.compile(r"[,，、;；\s]+")


def tags(text: str) -> list[str]:
    return [t for t in _TAG_SPLIT_RE.split(text) if t]
