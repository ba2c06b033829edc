"""Decide one rubric point: find every group's mentions, drop the ones the
polarity rules out, and look for a scope unit (clause, sentence or the whole
answer) holding a mention of every group."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .answer import AnswerView, NeutralSpans
from .figures import is_figure
from .matches import EXACT_KINDS, FUZZY_KINDS, MAX_MENTIONS, own_potential
from .negation import NEGATING_CHARS, is_negator_term
from .rubric import CompiledPoint
from .terms import Term, TermGroup


class Mention:
    """One mention of a group's term: normalised offsets, found by a fuzzy kind or not, negated or not.
    ``conditional`` (in the condition of a hypothetical: 一道歉就等于承认责任) is judged on first use: most
    mentions belong to points that some other group already leaves unearned, and nothing asks.  So is ``negated``
    when given as None (``answer.is_negated``): a fault's mentions are read only in the units the matcher comes to,
    and a point that matches negators itself judges its mentions again with its own negators looked through."""

    __slots__ = ("start", "end", "fuzzy", "_negated", "_conditional", "_answer")

    def __init__(self, start: int, end: int, fuzzy: bool, negated: bool | None, conditional: bool | None = False,
                 answer: AnswerView | None = None) -> None:
        self.start, self.end, self.fuzzy = start, end, fuzzy
        self._negated = negated  # None: ask the answer
        self._conditional = conditional  # None: ask the answer
        self._answer = answer

    @property
    def negated(self) -> bool:
        if self._negated is None:
            self._negated = self._answer.is_negated(self.start, self.end)
        return self._negated

    @property
    def conditional(self) -> bool:
        if self._conditional is None:
            self._conditional = self._answer.is_conditional(self.start, self.end)
        return self._conditional

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, fuzzy={self.fuzzy}, negated={self.negated})"


@dataclass
class PointMatch:
    earned: bool
    mentions: list[Mention]  # one per group when earned, else []
    fuzzy: bool
    negated: bool  # positive point: a negated mention was seen; negative: earned by negation
    touched: bool  # some group had a mention at all (on-topic signal)
    covered: list[tuple[int, int]]  # every mention span, for the flags
    # For the review flag (flags.review_reasons): every group of the point has a usable mention (so a point not
    # earned was refused by a judgement: negation, stance, scope), and the act itself (the first group) has a
    # negated mention somewhere in the answer (read on positive points only: False for a fault).
    named: bool = False
    act_denied: bool = False


def _term_spans(answer: AnswerView, term: Term, fuzzy: bool) -> list[tuple[int, int]]:
    key = (term.text, fuzzy)
    spans = answer.mentions.get(key)
    if spans is None:
        spans = []
        if not fuzzy and not term.latin and not answer.characters.issuperset(term.text):
            # Every exact kind (whole, split, separable, filler, particle) finds all of a Chinese or mixed term's
            # characters in the answer; most terms of a part are absent from most answers.
            answer.mentions[key] = spans
            return spans
        for kind in FUZZY_KINDS if fuzzy else EXACT_KINDS:
            if kind.applies(term):
                spans.extend(kind.find(answer, term))
        answer.mentions[key] = spans
    return spans




def _negated_complement(text: str) -> bool:
    """达不到, 做不到, 执行不了: a verb whose complement is negated (the negator inside the term, not in front)."""
    return len(text) >= 3 and text[0] not in NEGATING_CHARS and any(c in NEGATING_CHARS for c in text[1:])


def group_mentions(answer: AnswerView, group: TermGroup) -> list[Mention]:
    for fuzzy in (False, True):
        spans = set()
        for term in group.terms:
            spans.update(_term_spans(answer, term, fuzzy))
        if spans:
            # Where two terms overlap (道歉 inside 赔礼道歉) keep the longer.
            ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
            kept: list[tuple[int, int]] = []
            for s, e in ordered:
                if kept and s < kept[-1][1] and e <= kept[-1][1]:
                    continue
                kept.append((s, e))
                if len(kept) == MAX_MENTIONS:
                    break
            # A potential negative of a term (传不到 for 传到) is denied by its own complement: negated, or affirmed
            # when a negator before it denies it in turn (不是传不到).  Other mentions are judged on first use.
            return [Mention(s, e, fuzzy, not answer.is_negated(s, e) if not fuzzy and "不" in answer.text[s + 1:e]
                            and own_potential(answer.text[s:e], group.terms) else None, None, answer)
                    for s, e in kept]
    return []


def _unit_key(answer: AnswerView, scope: str):
    if scope == "clause":
        return answer.norm.clause_of
    if scope == "sentence":
        return answer.norm.sentence_of
    return lambda pos: 0


def _pick(candidates: list[Mention], prefer_negated: bool, text: str = "") -> Mention:
    # Prefer exact over fuzzy, then (for faults) negated, then earliest; a figure gives way to a word of the same
    # rank (少数 over the 20 of 80/20).  Figures are rare: the others are looked at only when the first is one.
    def rank(m: Mention):
        return m.fuzzy, prefer_negated and not m.negated

    best = min(candidates, key=lambda m: (rank(m), m.start))
    if len(candidates) > 1 and is_figure(text[best.start:best.end]):
        words = [m for m in candidates if rank(m) == rank(best) and not is_figure(text[m.start:m.end])]
        if words:
            return min(words, key=lambda m: m.start)
    return best


def _barred_sentences(answer: AnswerView, point: CompiledPoint, barred_sentences) -> set[int] | None:
    """Sentences whose mentions may not earn the point: those that defend the conduct or shift the blame
    (``barred_sentences``), and those holding an un-negated ``not_with`` term of the point.  None: the whole
    answer (a ``scope: answer`` point whose not_with term is anywhere in it)."""
    sentences = set(barred_sentences)
    if point.not_with is not None:
        found = [m for m in group_mentions(answer, point.not_with) if not m.negated and not m.fuzzy]
        if found and point.scope == "answer":
            return None  # a point judged on the whole answer (a verdict) is barred by the whole answer
        sentences.update(answer.norm.sentence_of(m.start) for m in found)
    return sentences


# A term that names an error (记错, 误解, 遗漏, 歧义 …): where the part asks for acts, forbidding or avoiding it is the
# act (避免歧义, 别把客户的话搞错, 不能遗漏), not its refusal.  Only a prohibition or avoidance in the clause before it
# counts: 没有搞错 states a fact.
_ERROR_TERM = re.compile(r"错|误|漏|歧义|含糊|模糊|偏差|混乱|乱")
_FORBIDS = re.compile(r"(?:不要|别|不能|不可|不可以|不得|不许|切勿|千万别|千万不要|避免|防止|以免|免得|杜绝|谨防|不让|别让|不要让)"
                      r"[^，。；！？]{0,10}$")


def _guards_against(answer: AnswerView, m: Mention) -> bool:
    if not _ERROR_TERM.search(answer.text, m.start, m.end):
        return False
    start = answer.norm.span_bounds(answer.norm.span_of(m.start))[0]
    forbids = _FORBIDS.search(answer.text, max(start, m.start - 12), m.start)
    return forbids is not None and not _NOT_GUARDED.search(forbids.group())


# "Do not fear or mind the error" (不要怕出错, 别担心说错) dismisses it; "avoid what an error causes" (避免因个人失误造成
# 不良后果) names the error as a cause: neither guards against the error itself.
_NOT_GUARDED = re.compile(r"怕|担心|在乎|介意|计较|顾虑|管|理会|当回事|因|由于")


# What a point's own text forbids: the words after 不, 不要, 避免, 少用, 勿, 别 … up to the end of its clause (客户未讲完时不抢先
# 应答: 抢先应答; 多用肯定句，少用否定句和疑问句: 否定句和疑问句; 非客户要求不重复: 重复).
_FORBIDDING = re.compile(r"(?:不要|不能|不得|不宜|避免|少用|勿|别|(?<![未没])不)([\u4e00-\u9fff]{2,12})")


# A point whose text asks for measure (合理的利润率, 适当的频率, 简洁): "the more the better" after its mention contradicts it.
_MEASURE = re.compile(r"合理|适当|适度|适中|适量|恰当|简洁|精简|简明|控制|平衡|兼顾")
_REMOVING = re.compile(r"消除|减少|减轻|避免|降低|克服|防止|杜绝|缓解|排解|解决|改善|排除|化解|预防")


@lru_cache(maxsize=4096)
def _forbidden_by(text: str) -> tuple[str, ...]:
    """Read once per point text (rubrics are few), not on every grade."""
    return tuple(m.group(1) for m in _FORBIDDING.finditer(text))


def _forbids(chunks: tuple[str, ...], mention: str) -> bool:
    """Is ``mention`` what one of the point's forbidding ``chunks`` forbids (the words themselves, or a form of the
    same verb: 抢着 for 抢先应答)?"""
    return len(mention) >= 2 and any(mention in c or c[0] == mention[0] for c in chunks)


# A recommending frame right before what the point forbids (多用疑问句 where the point says 少用疑问句, 多重复几遍 where it
# says 不重复): the fault asked for in plain words.  Not after a word of excess (太多重复 names a harm).
_FRAMES = ("多用", "多使用", "多", "尽量用", "尽量多用", "尽量使用", "经常用", "常用", "要用", "应该用", "应当用", "最好用",
           "多说", "多加")
_EXCESS = "太很过许更最好"


def _framed(answer: AnswerView, pos: int) -> bool:
    """Does a recommending frame (多用, 尽量用 …) stand right before the forbidden words at ``pos``, in their clause?"""
    a = answer.norm.span_bounds(answer.norm.span_of(pos))[0]
    before = answer.text[max(a, pos - 5):pos]
    for frame in _FRAMES:
        if before.endswith(frame):
            k = len(before) - len(frame)
            return not (frame == "多" and k > 0 and before[k - 1] in _EXCESS)
    return False


_RIGHT_BEFORE = ("不", "没", "未", "别", "勿", "不能", "不可", "不会", "不予", "不得", "不要", "不用", "没有", "没法", "无法")


def _refuses_forbidden(answer: AnswerView, pos: int, chunks: tuple[str, ...]) -> bool:
    """Does the clause at ``pos`` itself refuse what the point forbids (客户没讲完不抢先应答: 不 + 抢先)?  Then praise
    after it (这样能节省时间) is praise of the norm, not of the fault."""
    a, b = answer.norm.span_bounds(answer.norm.span_of(pos))
    clause = answer.text[a:b]
    return any(negator + chunk[:2] in clause for chunk in chunks for negator in ("不", "别", "勿", "不要", "不能", "未", "没"))


# A negator of need or prohibition, then only light words before the mention (round 12): manner adverbs of doing it on
# purpose or in person, 去/来, and who would do it (不用去澄清, 高层领导不用亲自过问, 不用顾客来评分, 不要急着解释): the
# mention is still the clause's denied predicate, and an act before it in the clause does not lift it.
_DENIED_THROUGH = re.compile(r"(?:不用|不必|无须|无需|不需要|没必要|没有必要|用不着|不要|别|不能|不该|不应该)"
                             r"(?:顾客|客户|客人|用户|员工|领导|大家|他们|她们|他|她)?"
                             r"(?:再|专门|特意|特地|刻意|亲自|急着|急于|一一|逐一|过多|主动)?(?:去|来)?$")


def _act_negated(answer: AnswerView, acts: list[Mention], context: Mention) -> bool:
    """A negated mention of a later group (the object or circumstance: 维修, 耽误) only keeps the point from
    being earned when it is the act itself that is negated: no un-negated mention of the first group stands
    in the next clause or the same one.  In 没到货耽误了，再次说声对不起 the apology stands; in 打折的羽绒服不能退
    (for [羽绒服] + [可以退, 能退]) the negator right before 退 denies the clause's predicate, and an act before it in
    the same clause does not lift it."""
    clause = answer.norm.clause_of(context.start)
    # A negator right before the mention makes it the clause's denied predicate (羽绒服不能退); one further back
    # negates a verb of which the mention is the object (登记后不查找原因是不行的), and the act before still counts.
    denied = (answer.text[max(context.start - 2, 0):context.start].endswith(_RIGHT_BEFORE)
              or _DENIED_THROUGH.search(answer.text, max(context.start - 8, 0), context.start) is not None)
    # Negated only by what follows it (登记查原因也不必, 回访客户就不用了): the "no need" closing the clause takes the
    # act before it in the clause too.
    after = not answer.negated_before(context.start, context.end)

    def plain(a: Mention) -> bool:
        distance = answer.norm.clause_of(a.start) - clause
        return distance == 1 or (distance == 0 and (a.start >= context.end or not (denied or after)))

    return not any(not a.negated and plain(a) for a in acts)


# A criterion refused (不用管客户的评分, 不看满意度) while the act is tied to another one (按员工的销售业绩来奖惩, 根据出勤发奖金):
# the point's means swapped for another, not the act done as the point says.
_CRITERION_REFUSED = re.compile(r"(?:不用管|不用看|不必管|不必看|不管|别管|别看|不要看|不看|不以|不按|不根据|不再按|不再看)[^，。；]{0,6}$")
_OTHER_CRITERION = re.compile(r"(?:按|按照|根据|凭|依据|靠|看)[^，。；]{1,12}$")


def _criterion_swapped(answer: AnswerView, acts: list[Mention], context: Mention) -> bool:
    text, norm = answer.text, answer.norm
    start = norm.span_bounds(norm.span_of(context.start))[0]
    if not _CRITERION_REFUSED.search(text, start, context.start):
        return False
    clause = norm.clause_of(context.start)
    for a in acts:
        if a.negated or not 0 <= norm.clause_of(a.start) - clause <= 1 or a.start < context.end:
            continue
        a_start = norm.span_bounds(norm.span_of(a.start))[0]
        if _OTHER_CRITERION.search(text[max(a_start, context.end):a.start]):
            return True
    return False


def match_point(answer: AnswerView, point: CompiledPoint, barred_sentences=frozenset(), retold=None,
                faults_asked: bool = False, claimed=None, acts_asked: bool = False,
                harms_read: bool = False, bad_asked: bool = False) -> PointMatch:
    """``retold``: the stretches of the answer that retell the case's story (``retold.Retold``); a mention
    inside one is not evidence.  ``faults_asked``: the part asks for the faults of the case (存在哪些问题): a
    mention in a clause closing in praise (评分表简单明了也挺好) says the opposite of the point.  ``claimed``: a check
    of the mentions chosen in a unit (figures need their claim); a unit that fails it does not earn.  ``acts_asked``:
    the part asks for acts, methods or ideas, not for a critique of the case: a mention in a clause closing in
    condemnation or futility (选择题这些方式都不可取, 这些都是表面功夫) is refused, not proposed.  ``harms_read``: the part
    asks for acts and not about harms: a mention made the subject of a harm (弹性排班会打乱员工的作息) is warned against.
    ``bad_asked``: the part asks for bad things only (障碍, 弊端): "the more the better" after a mention (专业术语越多越好)
    praises it, as it contradicts a point whose text asks for measure (合理的利润率: 利润率越高越好) on every part."""
    per_group = [group_mentions(answer, g) for g in point.groups]
    negative = point.polarity == "negative"
    if not negative:
        # A potential negative (做不到 for 做到) serves only the faults: on a positive point it would stand for its own
        # act turned back as a circumstance (广告承诺24小时上门，实际做不到 is no promise kept).
        per_group = [[m for m in ms if not ("不" in answer.text[m.start + 1:m.end]
                                            and own_potential(answer.text[m.start:m.end], g.terms))]
                     for ms, g in zip(per_group, point.groups)]
    if retold:
        per_group = [[m for m in ms if not retold.covers(m.start, m.end)] for ms in per_group]
    covered = [(m.start, m.end) for ms in per_group for m in ms]
    touched = bool(covered)
    if point.explicit_negation and not negative:
        # The rubric matches negators itself ([插入] + [不需要, 很少]): those
        # mentions do not negate the point's other mentions.
        # Its own terms with a negated complement (达不到, 做不到, 落实不下去: the negator inside, not in front) are
        # what it matches too: they do not negate its other mentions (员工实际做的达不到标准).
        neutral = NeutralSpans(
            (m.start, m.end) for ms in per_group for m in ms
            if is_negator_term(answer.text[m.start:m.end]) or _negated_complement(answer.text[m.start:m.end])
        )
        per_group = [
            [
                Mention(
                    m.start,
                    m.end,
                    m.fuzzy,
                    (m.start, m.end) not in neutral and answer.is_negated(m.start, m.end, neutral),
                    m._conditional,
                    answer,
                )
                for m in ms
            ]
            for ms in per_group
        ]
    # A fault's mentions are judged only in the units below (its match is negated by definition when earned).
    any_negated = not negative and any(m.negated for ms in per_group for m in ms)
    if not negative and not point.explicit_negation and len(per_group) > 1 and per_group[0]:
        # The act named as the object of a negated phrase (没有把“多长时间内上门”定成明确标准 for [多长时间] + [明确]): the
        # object is not negated itself, but the phrase says the act was not done.
        per_group[0] = [Mention(m.start, m.end, m.fuzzy, True, m._conditional, answer)
                        if not m.negated and answer.negated_object(m.start, m.end) else m for m in per_group[0]]
        any_negated = any_negated or any(m.negated for m in per_group[0])
    if not all(per_group):
        return PointMatch(False, [], False, any_negated and not negative, touched, covered)
    act_denied = not negative and any(m.negated for m in per_group[0])

    unit_of = _unit_key(answer, point.scope)
    barred = _barred_sentences(answer, point, barred_sentences)
    if barred is None:
        return PointMatch(False, [], False, any_negated and not negative, touched, covered, True, act_denied)
    sentence_of = answer.norm.sentence_of
    negator_acts = any(is_negator_term(t.text) for t in point.groups[0].terms)
    # Per sentence: where the point's first negated mention stands, and whether one of its own negator terms
    # stands outside a condition (dicts, so that each mention is judged in constant time).
    first_negated: dict[int, int] = {}
    for ms in per_group if not negative else ():  # read by advised_against, on positive points only
        for m in ms:
            if m.negated:
                sentence = sentence_of(m.start)
                first_negated[sentence] = min(first_negated.get(sentence, m.start), m.start)
    drawback_sentences = {sentence_of(m.start) for ms in per_group for m in ms
                          if point.explicit_negation and not m.conditional
                          and is_negator_term(answer.text[m.start:m.end])}

    def stated_drawback(m: Mention) -> bool:
        """A point that matches negators itself ([数量] + [忽视]) may straddle a hypothetical: in 要是只考核数量，
        员工就会忽视服务质量 the condition and its result make the claim.  Its own negator mentions, and its
        other mentions when one of its negators stands outside the condition in the same sentence, count."""
        return is_negator_term(answer.text[m.start:m.end]) or sentence_of(m.start) in drawback_sentences

    # On a part that asks for acts, a sentence that praises what the point's own text forbids (直接打断、抢着回答效率更高,
    # 多重复几遍没坏处, 多用疑问句更好) recommends the fault: the point earns nothing from it.
    recommended: set[int] = set()
    if acts_asked and not negative:
        chunks = _forbidden_by(point.text)
        if chunks:
            recommended = {sentence_of(m.start) for ms in per_group for m in ms
                           if not m.negated and not m.conditional
                           and _forbids(chunks, answer.text[m.start:m.end])
                           and not _refuses_forbidden(answer, m.start, chunks)
                           and (answer.recommended(m.start, m.end) or _framed(answer, m.start))}

    # A point whose act removes a harm (消除导致服务态度差的压力因素) names the harm itself: its mentions as the cause of a
    # harm (加班太多会增加员工的压力) are the answer; so are the words a point's own text forbids (抢着回答会打断客户).
    removes = harms_read and _REMOVING.search(point.text) is not None
    forbidden = _forbidden_by(point.text) if harms_read else ()
    backfire_forbidden = _forbidden_by(point.text) if acts_asked and not negative else ()

    def advised_against(m: Mention) -> bool:
        """In a clause of feared consequence (否则, 免得 …) after a negated mention of this point in the same
        sentence: the trainee advises against the act and names it again as what they fear."""
        return first_negated.get(sentence_of(m.start), m.start) < m.start and answer.in_consequence(m.start)

    def circumstance_of_act(g: int, m: Mention) -> bool:
        """如果顾客生气，就要先道歉 for [道歉] + [生气]: a circumstance (a group after the first) in the condition
        of a hypothetical says when to do the act, which stands plainly after it in the same sentence."""
        if g == 0 or negative or point.explicit_negation or answer.warned(m.start, m.end):
            return False  # 提前通知居民只会让大家提前囤水: a cause warned against, not a circumstance
        sentence = sentence_of(m.start)
        return any(a.start > m.end and not a.conditional and not a.negated and sentence_of(a.start) == sentence
                   for a in per_group[0])

    measured = _MEASURE.search(point.text) is not None

    def usable(g: int, m: Mention) -> Mention | None:
        """The mention ``m`` of group ``g`` as it may earn the point (negation lifted or read otherwise), or None."""
        if barred and sentence_of(m.start) in barred:
            return None
        if recommended and sentence_of(m.start) in recommended:
            return None  # "直接打断、抢着回答效率更高" where the point forbids 抢先应答
        if faults_asked and answer.praised(m.start, m.end):
            return None  # "评分表两项简单明了也挺好" where the part asks what is wrong
        if (bad_asked or measured) and not negative and not m.negated and answer.extreme_praised(m.start, m.end):
            return None  # "专业术语越多越好" on the barriers, "利润率越高越好" for 合理的利润率
        if acts_asked and not negative and answer.condemned(m.start, m.end):
            return None  # "选择题和打分这些方式都不可取" where the part asks which ways to use
        if harms_read and not negative and not removes and answer.harm_named(m.start, m.end) \
                and not (forbidden and _forbids(forbidden, answer.text[m.start:m.end])):
            if not m.negated:
                return None  # "多项选择题限制了顾客的想法", "弹性排班会打乱员工的作息": the act warned against
            if answer.negated_before(m.start, m.end) and answer.text[m.start - 1:m.start] != "非":
                m = Mention(m.start, m.end, m.fuzzy, False, m._conditional, answer)  # "不回访会耽误客户的事" asks for it
        if acts_asked and not faults_asked and not negative and not m.negated \
                and answer.pointed_back(m.start, m.end):
            return None  # "先道歉。这样做只会让顾客得寸进尺", "…，所以不能这么做": the act warned against or refused
        if acts_asked and not faults_asked and not negative and not m.negated \
                and not (backfire_forbidden and _forbids(backfire_forbidden, answer.text[m.start:m.end])) \
                and answer.backfires(m.start, m.end):
            return None  # "奖惩那一套搞了反而人心浮动", "双手递反而拘谨": the act said to defeat its purpose
        if not faults_asked and answer.handed_over(m.start, m.end):
            return None  # "让张女士自己去找经销商安排上门维修就行": the step handed away
        if not faults_asked and answer.mocked(m.start, m.end):
            return None  # "按评分结果奖惩员工，真是“人性化”的管理": sarcasm after the step
        if answer.waved_away(m.start, m.end):
            return None  # "互相推诿很正常", "没有专人也没什么", "专门回访完全是浪费": accepted or dropped
        if m.conditional and not negative and not (
                point.explicit_negation and stated_drawback(m)) and not circumstance_of_act(g, m):
            if not (m.negated and answer.negated_before(m.start, m.end)):
                return None  # "一道歉就等于承认责任", "就算道歉也没用": a supposition, not a recommendation
            m = Mention(m.start, m.end, m.fuzzy, False, True)  # "如果不道歉，顾客就会更生气" asks for it
        if m.negated and not negative and acts_asked and _guards_against(answer, m):
            m = Mention(m.start, m.end, m.fuzzy, False, m._conditional, answer)  # 避免歧义, 别把客户的话搞错
        if m.negated and not negative and (g == 0 or negator_acts):
            return None  # "不要道歉" does not earn "道歉"
        if m.negated and not negative and not _act_negated(answer, per_group[0], m):
            if _criterion_swapped(answer, per_group[0], m):
                return None  # "不用管客户的评分，按员工的销售业绩来奖惩就行": the act tied to another criterion
            m = Mention(m.start, m.end, m.fuzzy, False, m._conditional, answer)  # 没到货耽误了，再次说声对不起
        elif m.negated and not negative:
            return None
        if not negative and not m.negated and advised_against(m):
            return None  # "不能给她退房费，否则谁都来要补偿": the feared consequence, not a recommendation
        if negative and m.negated and answer.is_dismissed(m.start, m.end):
            return None  # "用不着挽留" defends the conduct; it does not spot the fault
        return m

    # The filters above judge each mention on its own, and only the first unit (in text order) where every group keeps
    # a mention counts: mentions are sorted into units first, and a unit is filtered only when every group has a
    # mention there and no earlier unit has earned the point (the verdicts on later mentions could change nothing).
    units: dict[int, list[list[Mention]]] = {}
    for g, mentions in enumerate(per_group):
        for m in mentions:
            units.setdefault(unit_of(m.start), [[] for _ in per_group])[g].append(m)

    best: list[Mention] | None = None
    for unit in sorted(units):
        if not all(units[unit]):
            continue
        groups = []
        for g, ms in enumerate(units[unit]):
            kept = [u for m in ms if (u := usable(g, m)) is not None]
            if not kept:
                break
            groups.append(kept)
        if len(groups) < len(per_group):
            continue
        if negative and not any(m.negated for ms in groups for m in ms):
            continue  # a fault is earned only by a negated mention
        chosen = [_pick(ms, negative, answer.text) for ms in groups]
        if claimed is not None and not claimed(chosen):
            continue  # "80/20，考试常考": figures without their claim
        if best is None or (any(m.fuzzy for m in best) and not any(m.fuzzy for m in chosen)):
            best = chosen
        if not any(m.fuzzy for m in best):
            break
    if best is None:
        return PointMatch(False, [], False, any_negated and not negative, touched, covered, True, act_denied)
    return PointMatch(
        True,
        sorted(best, key=lambda m: m.start),
        any(m.fuzzy for m in best),
        any_negated if not negative else True,
        touched,
        covered,
        True,
        act_denied,
    )


# A concept named and misdefined (round 13).  A point earned by one span, the concept's name (技术质量 for "技术质量：服务
# 过程的产出", 排序法, 有形因素), followed by a definition whose content holds none of the point's other words, is a name the
# trainee gives another meaning: 排序法是按员工工号排, 有形因素是指价目表.  The name opens its clause (a list mark at most)
# and is followed right away by the definition; as written it may complete the term (排序|法, 开放式|提问) and must stand
# in the point's text.  A strong marker (是指, 指的是, 的意思是 …) defines any name; 就是 and a
# plain 是 only a concept's name (…法, …式提问, …质量, …因素 …) or when the content holds another point's words (职能质量是
# 顾客最后拿到了什么结果: two definitions swapped).  The definition's sentence does not earn the point, nor a point whose
# words stand in the definition's content (they describe it under the wrong name); the rest of the answer still may.
_DEFINITION = re.compile(r"(?:的(?:意思|含义|定义|概念))?(?:主要)?(是指|指的是|就是指|就是说|就是|是说|也就是说?|是)")
# Before the name in its clause: nothing, or a list mark or an opener (1. 排序法是…, 第二，…, 而…).
_NAME_OPENS = re.compile(r"^(?:[0-9]+[.、)）]?|[（(]?[一二三四五六七八九十]+[、.）)]|第[一二三四五六七八九十]+[、，]?|而|还有|另外|其次|最后|首先)?$")
_WEAK_MARKERS = ("就是", "是", "也就是", "也就是说")
_CONCEPT_NAME = re.compile(r"(?:法|式提问|式|质量|因素|差距|指标|法则|原则|定律|度|率|价值|瞬间|反应)$")
# A judgement, not a definition, after 是: 技术质量是很重要的, 排序法是最常用的, 是其中一种.
_JUDGED = re.compile(r"(?:很|非常|挺|最|十分|特别|相当|比较|更|极其|尤其|重要|关键|必要|必须|不可|核心|基础|首要|第一|其中|一种|一个|"
                     r"一项|一大|我们|大家|企业|公司)")
DEFINITION_REACH = 40  # characters of the definition read


def misdefined(answer: AnswerView, rubric, matches: list[PointMatch]) -> dict[int, set[int]]:
    """Point index -> the sentences that may not earn it: where its only evidence, its name, is misdefined, and where
    another point's name is misdefined with this point's words as its content (the definitions swapped)."""
    found: dict[int, set[int]] = {}
    text, norm = answer.text, answer.norm
    for i, (point, match) in enumerate(zip(rubric, matches)):
        if not match.earned or point.polarity == "negative" or not match.mentions:
            continue
        spans = {(m.start, m.end) for m in match.mentions}
        if len(spans) != 1:
            continue
        start, end = next(iter(spans))
        if not _NAME_OPENS.match(text[norm.span_bounds(norm.span_of(start))[0]:start].strip()):
            continue  # the concept is not what the clause is about (服务承诺也叫服务保证，就是…)
        m = None
        for pos in range(end, min(end + 3, len(text)) + 1):
            if pos > end and not ("\u4e00" <= text[pos - 1] <= "\u9fff"):
                break
            m = _DEFINITION.match(text, pos, pos + 12)
            if m is not None and text[start:pos] in point.text:
                break
            m = None
        if m is None:
            continue
        name = text[start:m.start()]
        weak = m.group(1) in _WEAK_MARKERS and not m.group().startswith("的")
        sentence = norm.sentence_of(start)
        # a plain 是 defines up to its clause's end (技术质量是很重要的，职能质量也是 judges two), the others up to the sentence's
        stop = norm.span_bounds(norm.span_of(start))[1] if m.group(1) == "是" else \
            (norm.sentence_ends[sentence] if sentence < len(norm.sentence_ends) else len(text))
        c0, c1 = m.end(), min(stop, m.end() + DEFINITION_REACH)
        if c1 - c0 < 2 or any(c0 <= a < c1 for a, _ in match.covered):
            continue  # the point's own words define it (技术质量就是顾客最后得到了什么)
        swapped = any(c0 <= a < c1 for j, other in enumerate(matches) if j != i for a, _ in other.covered)
        if weak and not swapped and (not _CONCEPT_NAME.search(name) or _JUDGED.match(text, c0)):
            continue  # 回访就是要让客户满意, 技术质量是很重要的: not a definition of a concept
        found.setdefault(i, set()).add(sentence)
        for j, other in enumerate(matches):
            if j != i and any(c0 <= a < c1 for a, _ in other.covered):
                found.setdefault(j, set()).add(sentence)  # 职能质量是顾客最后拿到了什么结果: not technical quality either
    return found
