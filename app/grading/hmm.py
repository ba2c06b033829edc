"""jieba's HMM word guesser (``jieba.finalseg``) for one run of Chinese characters, computed with the same model,
the same arithmetic and the same tie-breaks, in a third of the time.

jieba's ``viterbi`` keeps a dict per position, a list of candidate tuples per state and copies every path at every
step; the run segmenter (``segment.Segmenter``) calls it on most clauses of an answer.  Here the four states are
four floats, each step keeps one back-pointer per state, and each character's four emission log-probabilities are
looked up once.  ``tests/grading/test_hmm.py`` checks the words against ``finalseg.cut`` on random text.
"""
from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*pkg_resources is deprecated.*")  # see segment.py
    from jieba import finalseg

_MISSING = finalseg.MIN_FLOAT
_START = tuple(finalseg.start_P[s] for s in "BMES")
_T = finalseg.trans_P
# Transitions jieba allows (finalseg.PrevStatus): B after E or S, M after M or B, E after B or M, S after S or E.
_EB, _SB = _T["E"]["B"], _T["S"]["B"]
_MM, _BM = _T["M"]["M"], _T["B"]["M"]
_BE, _ME = _T["B"]["E"], _T["M"]["E"]
_SS, _ES = _T["S"]["S"], _T["E"]["S"]


def _emissions() -> dict[str, tuple[float, float, float, float]]:
    emit = finalseg.emit_P
    chars = set().union(*(emit[s] for s in "BMES"))
    return {c: tuple(emit[s].get(c, _MISSING) for s in "BMES") for c in chars}


_EMIT = _emissions()
_NONE = (_MISSING,) * 4


def _states(run: str) -> list[str]:
    """The most likely B/M/E/S tag of each character (``finalseg.viterbi``'s path)."""
    emit = _EMIT.get
    eb, em, ee, es = emit(run[0], _NONE)
    b, m, e, s = _START[0] + eb, _START[1] + em, _START[2] + ee, _START[3] + es
    back = []  # per position after the first: the previous state chosen for B, M, E, S
    for char in run[1:]:
        eb, em, ee, es = emit(char, _NONE)
        # Same sums in the same order as jieba; on a tie max() of (prob, state) tuples takes the later letter.
        from_e, from_s = e + _EB + eb, s + _SB + eb
        nb, pb = (from_s, "S") if from_s >= from_e else (from_e, "E")
        from_m, from_b = m + _MM + em, b + _BM + em
        nm, pm = (from_m, "M") if from_m >= from_b else (from_b, "B")
        from_b, from_m = b + _BE + ee, m + _ME + ee
        ne, pe = (from_m, "M") if from_m >= from_b else (from_b, "B")
        from_s, from_e = s + _SS + es, e + _ES + es
        ns, ps = (from_s, "S") if from_s >= from_e else (from_e, "E")
        b, m, e, s = nb, nm, ne, ns
        back.append({"B": pb, "M": pm, "E": pe, "S": ps})
    state = "S" if s >= e else "E"
    tags = [state]
    for step in reversed(back):
        state = step[state]
        tags.append(state)
    tags.reverse()
    return tags


def hmm_cut(run: str) -> list[str]:
    """The words ``finalseg.cut(run)`` gives for ``run``, a non-empty string of characters U+4E00..U+9FD5."""
    words = []
    begin = after = 0
    for i, tag in enumerate(_states(run)):
        if tag == "B":
            begin = i
        elif tag == "E":
            words.append(run[begin:i + 1])
            after = i + 1
        elif tag == "S":
            words.append(run[i])
            after = i + 1
    if after < len(run):
        words.append(run[after:])
    split = finalseg.Force_Split_Words
    if split:
        words = [piece for word in words for piece in ((word,) if word not in split else word)]
    return words
