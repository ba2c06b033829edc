"""One trainee answer, analysed lazily: normalised text, Latin words and
stems, and jieba tokens per negation span (only for spans where a term was
found, so off-topic text is never segmented)."""
from __future__ import annotations

import bisect
import re

from . import negation
from .normalize import CLAUSE_BREAK, SENTENCE_END, NormalizedText, normalize
from .pinyin_slips import LazyReadingIndex
from .segment import Segmenter
from .terms import stem

_LATIN_WORD = re.compile(r"[a-z0-9]+")


class SpanTokens:
    """jieba tokens of one negation span, in absolute normalised offsets."""

    __slots__ = ("starts", "ends", "words", "_boundaries")

    def __init__(self, offset: int, cut: tuple[list[int], list[int], list[str]]) -> None:
        """``cut``: the tokens of the span that starts at ``offset`` (``Segmenter.words``: starts and ends relative to
        it, and the words, shared by every span of the same text: read, never changed)."""
        starts, ends, self.words = cut
        self.starts = [offset + s for s in starts] if offset else starts
        self.ends = [offset + e for e in ends] if offset else ends
        self._boundaries: set[int] | None = None

    @property
    def boundaries(self) -> set[int]:
        """Every token's start and end (built on first use: only the split and filler matches ask)."""
        if self._boundaries is None:
            self._boundaries = set(self.starts) | set(self.ends)
        return self._boundaries

    def index_at(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)


class AnswerView:
    def __init__(self, original: str, segmenter: Segmenter) -> None:
        self.norm: NormalizedText = normalize(original)
        self.text = self.norm.text
        self.segmenter = segmenter
        self._latin: list[tuple[int, int, str]] | None = None
        self._stem_index: dict[str, list[int]] | None = None
        self._readings: LazyReadingIndex | None = None
        self._spans: dict[int, SpanTokens] = {}
        self._cuts: dict[str, tuple] = {}  # span text -> its tokens (Segmenter.words): a repeated span is cut once
        self._verdicts: dict[tuple, object] = {}  # every verdict on a mention or a clause, computed once
        self.mentions: dict[tuple[str, bool], list] = {}  # per-answer cache for the matcher
        self.characters = frozenset(self.text)  # a term with a character the answer lacks is found by no exact kind

    # Latin words -------------------------------------------------------
    def latin_words(self) -> list[tuple[int, int, str]]:
        if self._latin is None:
            self._latin = [(m.start(), m.end(), m.group()) for m in _LATIN_WORD.finditer(self.text)]
        return self._latin

    def stem_index(self) -> dict[str, list[int]]:
        if self._stem_index is None:
            index: dict[str, list[int]] = {}
            for i, (_, _, word) in enumerate(self.latin_words()):
                index.setdefault(stem(word), []).append(i)
            self._stem_index = index
        return self._stem_index

    def reading_index(self) -> LazyReadingIndex:
        """Toneless pinyin reading -> positions, for the homophone match (each reading looked up on first use)."""
        if self._readings is None:
            self._readings = LazyReadingIndex(self.text, self.characters)
        return self._readings

    # Tokens --------------------------------------------------------------
    def span_tokens(self, pos: int) -> SpanTokens:
        index = self.norm.span_of(pos)
        tokens = self._spans.get(index)
        if tokens is None:
            start, end = self.norm.span_bounds(index)
            piece = self.text[start:end]
            cut = self._cuts.get(piece)
            if cut is None:
                cut = self._cuts[piece] = self.segmenter.words(piece)
            tokens = SpanTokens(start, cut)
            self._spans[index] = tokens
        return tokens

    def straddles(self, start: int, end: int) -> bool:
        """True when [start, end) clearly cuts across words: it begins inside
        one multi-character token and ends inside another, e.g. 表头 in
        链表|头结点.  A match inside one token (道歉 in 赔礼道歉), or one that
        only leaves a single-character token (链表 in 单链|表), or cuts a word
        that is not in the dictionary, is fine."""
        tokens = self.span_tokens(start)
        i = tokens.index_at(start)
        j = tokens.index_at(end - 1)
        if i == j:
            return False
        cuts_first = tokens.starts[i] < start
        cuts_last = tokens.ends[j] > end
        # A token jieba's HMM made up (栈到 in 并入|栈到) is a guess, weaker evidence than the rubric's term.
        known = self.segmenter.tokenizer.FREQ
        return cuts_first and cuts_last and bool(known.get(tokens.words[i])) and bool(known.get(tokens.words[j]))

    def on_boundaries(self, start: int, end: int) -> bool:
        bounds = self.span_tokens(start).boundaries
        return start in bounds and end in bounds

    def is_negated(self, start: int, end: int, neutral: "NeutralSpans | None" = None) -> bool:
        """Is the mention [start, end) negated?  Tokens inside the ``neutral``
        spans (negators the rubric point itself matches) do not count."""
        def judge(tokens, i, glued, last):
            return negation.is_negated(tokens.words, i, glued, neutral.token_test(tokens) if neutral else None, last)
        return self._token_verdict(("negated", neutral), start, end, judge)

    def negated_object(self, start: int, end: int) -> bool:
        """Is the mention the object of a phrase whose verb is negated (没有把多长时间内上门定成明确标准)?"""
        return self._token_verdict("object", start, end, lambda tokens, i, glued, last: negation.negated_object(
            tokens.words, i, glued, last))

    def negated_before(self, start: int, end: int) -> bool:
        """Is the mention negated by what stands before it (如果不道歉), leaving aside what follows it?"""
        return self._token_verdict("before", start, end, lambda tokens, i, glued, last: negation.is_negated(
            tokens.words, i, glued, after=False))

    def _token_verdict(self, kind, start: int, end: int, judge) -> bool:
        """``judge(tokens, i, glued, last)`` on the tokens of the mention's span, once per answer and ``kind`` (any
        hashable): ``i`` and ``last`` the tokens where the mention starts and ends, ``glued`` what jieba glued
        before it in its first token."""
        key = (kind, start, end)
        cached = self._verdicts.get(key)
        if cached is None:
            tokens = self.span_tokens(start)
            if not tokens.words:
                cached = False
            else:
                i = tokens.index_at(start)
                glued = self.text[tokens.starts[i]:start] if tokens.starts[i] < start else ""
                cached = judge(tokens, i, glued, max(tokens.index_at(end - 1), i))
            self._verdicts[key] = cached
        return cached

    def is_conditional(self, start: int, end: int | None = None) -> bool:
        """Is the mention [start, end) in the condition of a hypothetical (如果/一旦/要是 … 就), or the cause in a
        warning (道歉只会让…)?"""
        return self._span_verdict("if", start, end, negation.is_conditional)

    def in_consequence(self, start: int) -> bool:
        """Is the mention at ``start`` in a clause of feared consequence (否则 …, 免得 …)?"""
        key = ("otherwise", start)
        cached = self._verdicts.get(key)
        if cached is None:
            tokens = self.span_tokens(start)
            cached = bool(tokens.words) and negation.in_consequence(tokens.words, tokens.index_at(start))
            self._verdicts[key] = cached
        return cached

    def is_dismissed(self, start: int, end: int | None = None) -> bool:
        """Is the mention [start, end) under a dismissive negator (没必要, 用不着, 犯不着 …), before or after it?"""
        return self._span_verdict("dismissed", start, end, negation.is_dismissed)

    def warned(self, start: int, end: int) -> bool:
        """Is the mention [start, end) the cause in a warning (道歉只会让…, 道歉等于承认…), not in a condition?"""
        return self._span_verdict("warned", start, end, lambda words, first, last: negation.warned_after(words, last))

    def harm_named(self, start: int, end: int) -> bool:
        """Is the mention [start, end) the subject of a harm predicted or stated (弹性排班会打乱员工的作息, 多项选择题限制了
        顾客的想法), with no turn opening the next clause (…会占用一点时间，但能避免记错)?  Read by the matcher on parts
        that ask for acts and not about harms (影响倾听的障碍因素: there the harm is the answer)."""
        if not self._span_verdict("harm", start, end, negation.harm_predicted):
            return False
        clause_end = self.norm.span_bounds(self.norm.span_of(start))[1]
        return not negation.TURNED_CLAUSE.match(self._next_clause(clause_end))

    def waved_away(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in a clause that a verdict waves away: one closing the clause (推诿很正常,
        有形因素根本不重要) or a clause of its own after it (送水车成本太高，用不着)?"""
        return self._clause_verdict("waved", start, end, self._verdict_on)

    def condemned(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in a clause that condemnation or futility refuses, closing it (选择题和打分
        这些方式都不可取) or in a clause of its own after it (这些方法太复杂，营业厅用不上)?  Read only on parts that ask
        for acts, methods or ideas: where a part asks what is wrong, the same words criticise the case."""
        return self._clause_verdict("condemned", start, end, lambda index: self._verdict_on(
            index, negation.closing_condemned, negation.bare_condemned))

    def praised(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in a clause closing in praise (评分表两项简单明了也挺好, 抽两通就够了), or before a
        clause of its own that praises it or refuses its fault (小刘一边开发票一边接待，这叫效率高 / 有什么不对？)?"""
        return self._clause_verdict("praised", start, end, self._praise_on)

    def extreme_praised(self, start: int, end: int) -> bool:
        """Is the mention [start, end) followed in its clause by "the more the better" (利润率越高越好, 专业术语越多越好)?"""
        b = self.norm.span_bounds(self.norm.span_of(start))[1]
        return negation.more_the_better(self.text[end:min(b, end + negation.MORE_REACH)])

    def recommended(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in a clause closing in praise of what it names (抢着回答效率更高, 多重复几遍没坏处,
        多用疑问句更好, 用专业术语反而显得专业)?  Read on parts that ask for acts, for what a point's own text forbids."""
        return self._clause_verdict("recommended", start, end, self._recommends_on)

    def _recommends_on(self, index: int) -> int:
        a, b = self.norm.span_bounds(index)
        if self._question(b):
            return -1
        at = negation.closing_recommends(self.text[a:b], self._next_clause(b))
        if at >= 0:
            return a + at
        for k in (1, 2):  # 抢先回答，这样能节省通话时间，提高效率: praise in a clause of its own after it
            if not self._same_sentence(index + k - 1):
                break
            clause = self._clause_in_sentence(index + k)
            if negation.bare_gain(clause):
                turned = negation.TURNED_CLAUSE.match(self._next_clause(self.norm.span_bounds(index + k)[1]))
                return -1 if turned else b
            if negation.TURNED_CLAUSE.match(clause) or self._question(self.norm.span_bounds(index + k)[1]):
                break
        return -1

    def _praise_on(self, index: int) -> int:
        a, b = self.norm.span_bounds(index)
        if not self._question(b):
            at = negation.closing_praise(self.text[a:b], self._next_clause(b))
            if at >= 0:
                return a + at
        for k in (1, 2):  # a clause of its own up to two clauses on in the sentence
            if not self._same_sentence(index + k - 1):
                break
            clause = self._clause_in_sentence(index + k)
            end = self.norm.span_bounds(index + k)[1]
            question = self._question(end)
            if negation.bare_praise(clause, question):
                return -1 if negation.TURNS.match(self._next_clause(end)) else b  # 挺高效的，但是…: not praise
            if question or (k == 1 and (negation.TURNS.match(clause) or negation.closing_praise(clause) >= 0)):
                break  # the clause between turns or has its own verdict
        return -1

    def _clause_verdict(self, kind: str, start: int, end: int, where) -> bool:
        """Does the mention [start, end) stand before the verdict ``where(clause index)`` finds in its clause (the
        verdict's start; -1: none)?  Each clause is judged once per answer."""
        index = self.norm.span_of(start)
        key = (kind, index)
        at = self._verdicts.get(key)
        if at is None:
            at = self._verdicts[key] = where(index)
        return 0 <= at and end <= at

    def _verdict_on(self, index: int, closing_of=negation.closing_verdict, bare_of=negation.bare_verdict) -> int:
        text, norm = self.text, self.norm
        start, end = norm.span_bounds(index)
        spans = []  # this clause and up to two after it in the same sentence
        while len(spans) < 3:
            a, b = norm.span_bounds(index + len(spans))
            spans.append((a, b))
            if b >= len(text) or text[b] != CLAUSE_BREAK:
                break
        texts = [text[a:b] for a, b in spans]
        if self._rhetorical(start, end):
            return end  # 难道还要跟他道歉吗？, 小陈挂电话有什么不对？
        if self._refuted_report(index):
            return end  # 有人说要先道歉，其实根本没必要
        if self._only_if(index):
            return end  # 除非王经理闹到消协去，才需要提醒他修改密码
        if self._topic_refused(index):
            return end  # 至于苍蝇是在哪里发现的，这些细节问了会让顾客觉得我们怀疑她，最好不要问
        if self._question(spans[0][1]):
            # 高峰人手不足？我看不存在 / 向她道歉？难道商场有错吗？: a question the next sentence refuses outright
            following = self._next_clause(end, sentence=True)
            refused = (negation.refused(following) or negation.refuses_question(self._next_sentence(end))
                       or negation.hands_away_before(following) or self._sarcastic(end + 1))
            return end if len(spans) == 1 and refused else -1
        closing = closing_of(texts[0], texts[1] if len(texts) > 1 else "")
        if closing >= 0:
            return start + closing
        for k in (1, 2):
            if k >= len(texts) or self._question(spans[k][1]):
                break
            if bare_of(texts[k], texts[0]):
                after = self._next_clause(spans[k][1])
                return -1 if negation.TURNS.match(after) else end  # 这很正常，我们要先安抚他: not waved
            if k == 1 and negation.turned_refusal(texts[1]):
                return end  # 虽然给补偿能让她消气，但没必要: conceded, then rejected
            if k == 1 and len(texts) > 2 and negation.refused_after_reason(texts[1], texts[2]):
                return end  # 提前通知当然好，可施工计划经常变，实际做不到
            if k == 1 and (negation.TURNS.match(texts[1]) or closing_of(texts[1]) >= 0):
                break  # the clause between turns or has its own verdict
        return -1

    def _clause_in_sentence(self, index: int) -> str | None:
        """The text of clause ``index`` when it exists (None past the end)."""
        if index < 0 or index > len(self.norm.span_breaks):
            return None
        a, b = self.norm.span_bounds(index)
        return self.text[a:b]

    def _same_sentence(self, index: int) -> bool:
        """Does clause ``index`` go on (after a clause break) into clause ``index + 1``?"""
        b = self.norm.span_bounds(index)[1]
        return b < len(self.text) and self.text[b] == CLAUSE_BREAK

    def _opener_before(self, index: int, reach: int, opens, stop=None) -> int | None:
        """The clause that ``opens`` (a claim reported, a topic fronted): ``index`` itself or up to ``reach`` clauses
        before it in its sentence; walking back ends at an earlier clause that ``stop``s.  None if there is none."""
        for back in range(reach + 1):
            j = index - back
            if j < 0 or (back and not self._same_sentence(j)):
                return None
            clause = self._clause_in_sentence(j)
            if back and stop is not None and stop(clause):
                return None
            if opens(clause):
                return j
        return None

    def _refuted_report(self, index: int) -> bool:
        """Is clause ``index`` a claim reported (有人说, 都说 …, in it or up to two clauses before it in the sentence)
        and refuted in one of the next two clauses (其实根本没必要, 信的人没几个)?"""
        reach = negation.REPORT_REACH
        if self._opener_before(index, reach, negation.reported, stop=negation.refutes) is None:
            return False
        for k in range(1, reach + 1):
            if not self._same_sentence(index + k - 1):
                return False
            clause = self._clause_in_sentence(index + k)
            if clause is None or negation.reported(clause):
                return False
            if negation.refutes(clause):
                return True
        return False

    def _topic_refused(self, index: int) -> bool:
        """Is clause ``index`` in a sentence that fronts a topic (至于 …, in it or up to a few clauses before it) and
        closes in a bare refusal of dealing with it (…，最好不要问), with no clause between that recommends?"""
        reach = negation.TOPIC_REACH
        opening = self._opener_before(index, reach, negation.opens_topic)
        if opening is None:
            return False
        j = index
        for _ in range(reach - (index - opening) + 1):
            clause = self._clause_in_sentence(j)
            if not self._same_sentence(j):
                return negation.topic_refusal(clause, own=(j == opening))
            if j > opening and negation.recommends(clause):
                return False
            j += 1
        return False

    def _only_if(self, index: int) -> bool:
        """Is clause ``index`` the 才-clause of 除非 … 才需要 (除非 in it before 才, or up to two clauses before it in
        the sentence)?"""
        clause = self._clause_in_sentence(index)
        at = negation.only_then(clause)
        if at < 0:
            return False
        if "除非" in clause[:at]:
            return True
        for back in range(1, negation.REPORT_REACH + 1):
            j = index - back
            if j < 0 or not self._same_sentence(j):
                return False
            if "除非" in self._clause_in_sentence(j):
                return True
        return False

    def pointed_back(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in an act that a later clause of its sentence, or the first clause of the next
        sentence, points back to and warns against or refuses (先道歉。这样做只会让顾客得寸进尺 / 给她联系附近的酒店。
        这样做等于…，所以不能这么做)?  Only the last three clauses of a sentence are reached, and a clause that turns
        (但 …) in between or after the warning stops it.  Read by the matcher on parts that ask for acts."""
        index = self.norm.span_of(start)
        key = ("back", index)
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = self._points_back(index)
        return found

    def _points_back(self, index: int) -> bool:
        j = index
        for _ in range(3):  # the clauses after it in the sentence
            if not self._same_sentence(j):
                break
            j += 1
            clause = self._clause_in_sentence(j)
            if negation.warns_back(clause):
                return not self._turns_after(j)
            if negation.TURNED_CLAUSE.match(clause):
                return False
        else:
            return False
        b = self.norm.span_bounds(j)[1]
        if b >= len(self.text) or self.text[b] != SENTENCE_END:
            return False
        first = j + 1
        clause = self._clause_in_sentence(first)
        if clause is None:
            return False
        if negation.warns_back(clause):
            return not self._turns_after(first)
        if not negation.opens_back(clause):
            return False
        j = first
        for _ in range(2):  # 这样做等于…，以后人人都来闹，所以不能这么做
            if not self._same_sentence(j):
                return False
            j += 1
            clause = self._clause_in_sentence(j)
            if negation.TURNED_CLAUSE.match(clause):
                return False
            if negation.warns_back(clause):
                return not self._turns_after(j)
        return False

    def _turns_after(self, index: int) -> bool:
        """Does the clause after clause ``index`` in its sentence turn (…，但还是要道歉)?"""
        if not self._same_sentence(index):
            return False
        following = self._clause_in_sentence(index + 1) or ""
        return negation.TURNED_CLAUSE.match(following) is not None

    def backfires(self, start: int, end: int) -> bool:
        """Is the mention [start, end) an act said to backfire: 反而/反倒 after it in its clause, or opening the next clause
        of its sentence after a short subject, with a harm after it (奖惩搞了反而人心浮动, 双手递反而拘谨, 主动介绍，客户反而
        会反感; not 反而能赢得信任, 反而不紧张)?  Read by the matcher on parts that ask for acts."""
        index = self.norm.span_of(start)
        b = self.norm.span_bounds(index)[1]
        text, reach = self.text, negation.CONTRARY_REACH  # bounded slices: linear however long the clause
        at = negation.contrary_at(text[end:min(b, end + reach)])
        if at >= 0:
            return negation.backfire(text[end + at:min(b, end + at + reach)])
        if not self._same_sentence(index):
            return False
        a2, b2 = self.norm.span_bounds(index + 1)
        following = text[a2:min(b2, a2 + reach)]
        at = negation.contrary_at(following, opening=True)
        return at >= 0 and negation.backfire(following[at:])

    def handed_over(self, start: int, end: int) -> bool:
        """Is the mention [start, end) in a clause that hands the step to someone else (让张女士自己去找经销商安排上门
        维修), or in the clause before one that opens with it (安装师傅人手不够，让厂家自己派人去对付)?  Read by the
        matcher on parts that do not ask for faults (there it describes the conduct)."""
        index = self.norm.span_of(start)
        key = ("handed", index)
        found = self._verdicts.get(key)
        if found is None:
            clause = self._clause_in_sentence(index)
            before = self._clause_in_sentence(index - 1) if index > 0 and self._same_sentence(index - 1) else ""
            after = self._clause_in_sentence(index + 1) if self._same_sentence(index) else ""
            later = self._clause_in_sentence(index + 2) if after and self._same_sentence(index + 1) else ""
            found = (negation.handed_away(clause, after or "", before or "")
                     or bool(after) and negation.hands_away_before(after, later or "", clause))
            self._verdicts[key] = found
        return found

    def mocked(self, start: int, end: int) -> bool:
        """Is the mention [start, end) mocked by sarcasm opening the next clause of its sentence (按评分结果奖惩员工，
        真是“人性化”的管理)?  Read by the matcher on parts that do not ask for faults (there sarcasm criticises the
        conduct named)."""
        b = self.norm.span_bounds(self.norm.span_of(start))[1]
        return b < len(self.text) and self.text[b] == CLAUSE_BREAK and self._sarcastic(b + 1)

    def _sarcastic(self, pos: int) -> bool:
        """Does the sentence starting at ``pos`` open with sarcasm (真是“贴心”), read in the trainee's text?"""
        if pos >= len(self.text):
            return False
        at = self.norm.origin[pos]
        return negation.SARCASM.match(self.norm.original, at, at + 8) is not None

    def _rhetorical(self, start: int, end: int) -> bool:
        """Is the clause [start, end) in a rhetorical question that refuses what it names (难道还要道歉吗？)?  The
        sentence is read over a bounded window on each side."""
        text, w = self.text, negation.QUESTION_WINDOW
        stop = text.find(SENTENCE_END, end, end + w)
        stop = len(text) if stop < 0 and len(text) - end <= w else stop
        if stop < 0 or not self._question(stop):
            return False
        begin = text.rfind(SENTENCE_END, max(start - w, 0), start) + 1
        if begin == 0 and start > w:
            return False
        if negation.rhetorical_refusal(text[begin:start], text[start:end], text[end:stop]):
            return True
        # A question closed by a formula that only refuses (有什么好问的？, 接一下又有什么不可以？, 何必呢？): every clause of
        # the question is refused, not only the formula's own, unless the question is someone's words quoted.
        last = text.rfind(CLAUSE_BREAK, begin, stop) + 1 or begin
        return (negation.refusing_close(text[last:stop]) and not self._quoted(begin, stop)
                and not negation.SAID_BEFORE_QUOTE.search(text, begin, last)
                and not negation.ANSWERED.match(self._next_sentence(stop)))  # 有必要吗？当然有: asked and answered

    def _quoted(self, start: int, end: int) -> bool:
        """Does the trainee's text hold a quotation mark within [start, end) of the normalised text?"""
        origin, original = self.norm.origin, self.norm.original
        a = origin[start] if start < len(origin) else len(original)
        b = origin[end] if end < len(origin) else len(original)
        return any(c in original[a:b] for c in "“”\"「」『』‘’")

    def _next_sentence(self, pos: int) -> str:
        """The sentence after the sentence end at ``pos`` (at most a window of it)."""
        if pos >= len(self.text) or self.text[pos] != SENTENCE_END:
            return ""
        stop = self.text.find(SENTENCE_END, pos + 1, pos + 1 + negation.QUESTION_WINDOW)
        return self.text[pos + 1:stop if stop >= 0 else pos + 1 + negation.QUESTION_WINDOW]

    def _next_clause(self, pos: int, sentence: bool = False) -> str:
        """The clause after the separator at ``pos``, in the same sentence ('' at a sentence end), or with
        ``sentence`` the first clause of the next sentence."""
        if pos >= len(self.text) or self.text[pos] != (SENTENCE_END if sentence else CLAUSE_BREAK):
            return ""
        a, b = self.norm.span_bounds(self.norm.span_of(pos + 1))
        return self.text[a:b]

    def _question(self, pos: int) -> bool:
        """Does the clause ending at ``pos`` end with a question mark in the trainee's text?"""
        if pos >= len(self.text):
            return False
        return self.norm.original[self.norm.origin[pos]] in "？?"

    def _span_verdict(self, kind: str, start: int, end: int | None, check) -> bool:
        """``check(words, first, last)`` on the tokens of the mention [start, end), cached per answer."""
        key = (kind, start, end)
        cached = self._verdicts.get(key)
        if cached is None:
            tokens = self.span_tokens(start)
            i = tokens.index_at(start)
            last = max(tokens.index_at(end - 1), i) if end is not None else i
            cached = bool(tokens.words) and check(tokens.words, i, last)
            self._verdicts[key] = cached
        return cached


class NeutralSpans:
    """Spans of one answer that negation must look through (a point's own negator mentions).  Hashed by
    identity, so it is a cheap cache key however many spans it holds; a token is inside a span when the
    furthest end among the spans starting at or before it reaches the token's end (bisect, no scan)."""

    __slots__ = ("starts", "reach", "spans")

    def __init__(self, spans) -> None:
        self.spans = frozenset(spans)
        ordered = sorted(self.spans)
        self.starts = [s for s, _ in ordered]
        self.reach = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __contains__(self, span) -> bool:
        return span in self.spans

    def covers(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and self.reach[k] >= end

    def token_test(self, tokens: SpanTokens):
        return lambda k: self.covers(tokens.starts[k], tokens.ends[k])
