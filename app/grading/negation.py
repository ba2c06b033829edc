"""Is a mention negated?  Decided on jieba tokens, looking backwards from the
mention within its clause.

Each negator has a weight: 1 for a plain negator (不, 没有, 忽视, not ...), 2
for words that are themselves a double negation (不能不, 别忘了).  A mention is
negated when the weights found before it add up to an odd number, so
"不要忘记道歉" (不要 + 忘记 = 2) and "务必不要忽视" count as positive.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .first_chars import compile_guarded

# Plain negators (weight 1).  Verbs of omission count: 忽视道歉 = no apology.
NEGATORS = {
    "不", "没", "没有", "未", "无", "别", "勿", "莫", "否",
    "切勿", "切忌", "避免", "不要", "不能", "不得", "不可", "不可以", "不会",
    "不用", "不必", "不需", "不需要", "无需", "无须", "毋须", "不应", "不应该",
    "不该", "不是", "并非", "并不", "并未", "并没有", "决不", "绝不", "从不",
    "从未", "从没", "毫不", "尚未", "未曾", "未能", "没能", "无法", "没法",
    "不一定", "未必", "不准", "禁止", "严禁", "拒绝", "忽视", "忽略", "缺乏",
    "缺少", "忘记", "忘了", "遗忘", "忘", "漏掉", "缺", "失去", "不再",
    # Negators that start with another character: "it is not worth / there is no need to".
    "谈不上", "说不上", "算不上", "没必要", "没有必要", "不必要", "用不着", "犯不着", "不值得", "大可不必", "何必",
    # Rhetorical dismissals: "why on earth would one …".
    "凭什么", "干嘛", "干吗", "何须", "何苦", "何需",
    # Putting the act off, "no hurry to": 先不急着道歉, 先别忙着道歉, 别急着表态 (jieba: 先不急|着, 先别|忙|着, 别急|着).
    "先不急", "别急", "先别", "别忙", "不忙", "暂不",
    # English (normalised: lower case, apostrophes removed)
    "not", "never", "no", "avoid", "avoids", "avoided", "avoiding", "dont",
    "didnt", "doesnt", "cannot", "cant", "wont", "isnt", "arent", "wasnt",
    "werent", "shouldnt", "mustnt", "neednt", "without", "fail", "fails",
    "failed", "failing", "neglect", "neglects", "neglected", "forget",
    "forgets", "forgot", "forgotten", "refuse", "refused", "lack", "lacks",
    "lacked", "nor", "neither",
}

# Double negation in one token (weight 2 = cancels).
DOUBLE_NEGATORS = {"不能不", "不得不", "不可不", "别忘了", "别忘", "勿忘", "不忘", "不会不", "没有不"}

# Tokens that start with a negating character but do not negate.
FALSE_NEGATORS = {
    "不断", "不仅", "不但", "不管", "不论", "不过", "不错", "不久", "不少",
    "不同", "不止", "不只", "不禁", "不妨", "不料", "不愧", "不时", "不光",
    "不外", "不已", "不然", "不堪", "不免", "不失为", "不懈", "不容易", "不胜",
    "无论", "无疑", "毫无疑问", "无比", "无数", "无限", "无穷", "无非", "无所谓",
    "未来", "非常", "非凡", "别的", "别人", "别处", "没准", "不一", "不等",
    "无论如何", "不论是", "不仅仅", "无关", "别说", "莫过于", "否则", "是否",
    "能否", "可否", "与否", "不如", "还不如", "倒不如",
    # Adjectives and nouns of discontent: 不良情绪 is bad mood, not "no mood".
    "不良", "不满", "不便", "不安", "不快", "不适", "不悦", "不足",
}
# Words of evaluation with 不 as a morpheme (不合格, 不达标, 不称职, 不当 …): they name a state of what follows them
# (考核不合格员工重新培训: the staff who failed), not a refusal of the act after it.  jieba keeps some whole (不当) and
# cuts others (不|合格): both forms are listed.  The state itself is still negated (员工不合格 does not earn 合格).
# Words that also serve as adverbs of manner (不认真, 不及时, 不规范, 不合理) are left out: 不认真倾听 is a fault.
STATE_WORDS = frozenset({"合格", "及格", "达标", "称职", "过关", "胜任", "合规", "到位", "妥当", "恰当", "得当", "当", "妥",
                         "佳"})
STATE_NEGATIVES = frozenset("不" + w for w in STATE_WORDS)


def _state_negative(words: list[str], i: int, index: int) -> bool:
    """Is the negator at ``i`` a morpheme of a word of evaluation that stands before the mention at ``index``?"""
    token = words[i]
    if token in STATE_NEGATIVES:
        return True
    return token == "不" and i + 1 < index and words[i + 1] in STATE_WORDS


# 非 is not among them: it makes non-predicate modifiers (非空表, 非结尾处, 非正式), while 并非 is listed above.
_NEGATING_PREFIXES = ("不", "没", "未", "无", "别", "勿")
NEGATING_CHARS = frozenset("不没未无别勿非忌免禁拒忽缺忘")

# Words that open a new predicate: a negator before them does not reach the
# mention after them ("不是 A 而是 B", "不移动元素，只需修改指针").
SCOPE_BREAKERS = {
    "但", "但是", "而", "而是", "却", "只", "只要", "只需", "只需要", "仅",
    "仅需", "就", "才", "然后", "再", "而且", "并且", "可是", "反而", "反倒",
    "就会", "便会", "才会", "就能", "才能", "就可以",
    "but", "instead", "rather", "only", "then", "however",
}
# 再 after one of these is "again" (不用|再|核对, 别|再|推诿): the negator reaches the act after it.  After anything
# else 再 is "then" and opens a new predicate (不行再换, 先道歉再解释).
NEGATORS_BEFORE_AGAIN = {
    "不用", "不要", "别", "不必", "不能", "不会", "没", "没有", "不需要", "无需", "无须", "不该", "不应", "不应该",
    "不可", "不准", "不许", "不得", "没必要", "用不着", "千万别", "不想", "没法", "无法", "不肯", "不愿",
}


def _negated_before_again(words: list[str], i: int) -> bool:
    """A negator right before the 再 at ``i``, also when jieba cut it in two (不|需要|再定)."""
    return i > 0 and (words[i - 1] in NEGATORS_BEFORE_AGAIN
                      or (i > 1 and words[i - 2] + words[i - 1] in NEGATORS_BEFORE_AGAIN))


# English phrases whose "not"/"no" does not negate.
_ENGLISH_FALSE = {("not", "only"), ("no", "matter"), ("no", "doubt"), ("not", "just")}

# How many tokens before a mention a negator may stand and still govern it.
WINDOW = 6
# Function words between a negator and its verb do not use up the window: the directional 去/来, aspect particles,
# 的 and the prepositions of a phrase before the verb (不要让答题的人去做计算, 没给他把事情办成).
LIGHT = frozenset({"去", "来", "了", "着", "过", "地", "得", "的", "往"} | {"对", "对于", "把", "将", "向", "给", "跟", "与", "同",
                                                                  "在", "从", "被", "让", "由", "用", "为", "替"})
# How many tokens the look-back may visit in all, skipped ones (list commas, the rubric's own negators)
# included: bounded so that the cost of one mention never depends on the answer's length.
MAX_VISITED = 4 * WINDOW

# A mention right after a preposition is the object of a phrase, not the
# negated predicate: in 无需对第一个节点进行特殊处理 the negator governs 处理,
# not 第一个节点 (while in 没有将顾客带离现场 it still reaches 带离).
PREPOSITIONS = {"对", "对于", "把", "将", "向", "给", "跟", "与", "同", "在", "从", "被", "让", "由", "用", "以", "为", "替", "关于"}


# A subject pronoun starts a new predicate: a negator before it belongs to another clause
# (客户说不注销了她也没挽留: 不 is the customer's, 没 is hers).
SUBJECT_PRONOUNS = {"他", "她", "我", "你", "您", "他们", "她们", "我们", "你们"}

# "Also / again" between two negated predicates: the negator before it governs the predicate before it.
COORDINATORS = {"也", "又", "亦"}

# Prepositions of cause: negators between one of them and the mention describe the reason, not the act
# (为送货不及时道歉 is an apology; 不为小事道歉 still is not).
CAUSE_PREPOSITIONS = {"为", "因", "因为", "由于"}


def _a_not_a(words: list[str], i: int) -> bool:
    """能不能 / 在没在 / 是不是: the negator asks a question, it does not deny."""
    token = words[i]
    if token in ("不", "没") and 0 < i < len(words) - 1:
        before = words[i - 1][1:] if words[i - 1][:1] == "还" else words[i - 1]  # 还能不能, 还会不会
        return bool(before) and (before == words[i + 1] or words[i + 1].startswith(before))
    if len(token) > 1 and token[0] in "不没" and i > 0:
        before = words[i - 1][1:] if words[i - 1][:1] == "还" else words[i - 1]  # 还有没有别的事
        return bool(before) and (before == token[1:] or token[1:].startswith(before))
    return False


# Modal verbs open a new predicate: in 不想用了可以转给亲友 the negator belongs to
# 不想用, and 可以 starts what the trainee recommends.  A modal that is itself
# negated (不应该道歉, 不 需要 道歉) stays inside the negator's scope.
MODALS = {
    "可以", "可", "能", "能够", "应", "应该", "应当", "该", "要", "需要", "需", "须", "必须", "得以", "会", "就要", "便",
}

# A negator before 的 with a head noun between 的 and the mention sits inside
# a modifier (不懂的地方问清楚, 未解决的问题回访): it does not reach the verb
# after the head noun.  Negators that are verbs taking the whole noun phrase as
# object (没有明确的时限, 忽视客户的真实需求) still do.
NP_NEGATORS = {
    "没有", "没", "无", "缺乏", "缺少", "缺", "失去", "忽视", "忽略", "拒绝", "避免", "忘记", "忘了",
    "遗忘", "漏掉", "不是", "并非", "并没有", "禁止", "严禁", "不要", "不能", "不得", "切勿", "切忌",
    "别", "勿", "不准", "不可",
}


# Words that begin with 的 without being 的 + a head noun (的话 closes a supposition, 的确 is "indeed").
_DE_WORDS = {"的话", "的确", "的确是", "的士", "的哥", "的姐"}


# Adverbs jieba glues onto a negator (尽量避免, 千万别, 切记不要): the negator still governs.
MODAL_ADVERBS = ("尽量", "尽可能", "千万", "万万", "切记", "绝对", "坚决", "一定", "务必", "应当", "应该", "必须")


# Before 别说 these make it a prohibition (也别说资料保密), not "let alone" (别说X，连Y都…).
_TELLS_NOT = {"也", "千万", "万万", "就", "可", "都", "你", "你们", "大家", "我们", "还是", "绝对", "最好", "先", "更", "就更"}


# Pure in its arguments and called for every token walked over: remembered, within a bound (tokens come from
# answers, so they are unbounded).
# Adverbs of time or degree jieba glues onto a negator (从来不往上报, 从来不跟业主商量): the negator still governs.
GLUED_ADVERBS = ("从来", "向来", "一向", "根本", "压根", "始终", "一直", "再也", "完全", "总是", "丝毫", "永远")


@lru_cache(maxsize=1 << 16)
def negator_weight(token: str, next_token: str = "") -> int:
    for adverb in MODAL_ADVERBS + GLUED_ADVERBS:
        if token.startswith(adverb) and len(token) > len(adverb):
            rest = token[len(adverb):]
            if rest in NEGATORS or rest in DOUBLE_NEGATORS:
                return negator_weight(rest, next_token)
    if token in DOUBLE_NEGATORS:
        return 2
    if token == "不过" and next_token.startswith("问"):
        return 1  # 不过问 (leave alone), not 不过 (however)
    if token in FALSE_NEGATORS:
        return 0
    if len(token) == 2 and token[1] == "未":
        return 1  # jieba glues 未 to the word before it: 制定时未征求 = 时|未征求
    if token in NEGATORS:
        if (token, next_token) in _ENGLISH_FALSE:
            return 0
        return 1
    if len(token) > 1 and token.startswith(_NEGATING_PREFIXES) and "\u4e00" <= token[0] <= "\u9fff":
        # Compounds jieba keeps whole: 不连续, 没移动, 无需移动 ... negate,
        # unless listed above as a false negator.
        if token[:2] in FALSE_NEGATORS or token[:3] in FALSE_NEGATORS:
            return 0
        if "的" in token[1:]:
            return 0  # a rubric phrase kept whole (不懂的地方) is a noun phrase, not a negator
        return 1
    return 0


# 一点 X 都没有: the quantifier before the mention, 都/也 + negator closing the clause after it.
_ANY_QUANTIFIERS = {"一点", "一点儿", "丝毫", "任何", "什么", "一丝", "半点", "一些", "一点点",
                    "一句", "半句", "一声", "一个", "一次", "一回", "一字",
                    # "not even": 连道歉都没有, 连句道歉都没有, 连个电话也没打 (the 一 dropped, as speech does)
                    "连", "连句", "连声", "连个", "连次", "连回"}
# 一句对不起都没说, 一个电话也没打: after 都/也 + negator, a verb of saying or doing may close the clause.
_SAID_OR_DONE = {"说", "讲", "提", "做", "给", "打", "问", "道", "回", "听", "表示", "说过", "讲过", "提过", "打过",
                 "问过", "做过", "给过"}
_CLOSERS = ("，", "。", "、", "了", "的", "啊", "呀", " ", "！", "？", "；", "就")


def _negated_after(words: list[str], index: int) -> bool:
    if not any(w in _ANY_QUANTIFIERS for w in words[max(index - 3, 0):index]):
        return False
    tail = words[index + 1:index + 6]
    if len(tail) > 2 and tail[0] not in ("都", "也") and tail[0] not in _CLOSERS and tail[1] in ("都", "也"):
        tail = tail[1:]  # one noun between: 一个回访电话都没打
    if len(tail) < 2 or tail[0] not in ("都", "也"):
        return False
    negator = tail[1]
    if negator not in ("没有", "没", "不", "无"):
        # jieba glues the verb to the negator: 一句对不起都没说
        if not (len(negator) > 1 and negator[0] in "没不" and negator[1:] in _SAID_OR_DONE):
            return False
        return len(tail) == 2 or tail[2] in _CLOSERS
    if len(tail) == 2 or tail[2] in _CLOSERS:
        return True
    if tail[2] in _TO_WHOM:
        # to whom, between the negator and the verb: 连句对不起都不跟周女士说, 一个电话也没给客户打
        rest = words[index + 4:index + 8]
        for k, token in enumerate(rest[:3]):
            if token in _SAID_OR_DONE:
                return k + 1 == len(rest) or rest[k + 1] in _CLOSERS or rest[k + 1] == "过"
            if token in _CLOSERS or negator_weight(token):
                return False
        return False
    return tail[2] in _SAID_OR_DONE and (len(tail) == 3 or tail[3] in _CLOSERS)


_TO_WHOM = {"跟", "向", "给", "对", "和", "同", "与", "替"}


# "No need" placed after the act it dismisses (道歉也没必要, 宽容也谈不上是…, 回访就不必了, 回访是多余的): adverbs may
# stand between.
# The strong ones dismiss whatever follows them; the weak ones (不用, 不必 …) only when they close the clause, since
# 回访不用太频繁 still asks for the follow-up.
DISMISS_AFTER = {"没必要", "没有必要", "用不着", "犯不着", "谈不上", "说不上", "算不上", "大可不必", "不值得", "何必",
                 "不必要", "多余", "多此一举", "没用", "没有用", "没什么用", "不管用", "没意义", "没有意义", "没什么意义",
                 "白费", "徒劳", "浪费时间", "是多余的", "多余的", "不如", "还不如", "倒不如",
                 "用不上", "用不到", "派不上用场", "不顶用", "没多大用", "没太大用", "没啥用", "无济于事", "起不了作用",
                 "起不到作用", "不起作用",
                 "有什么用", "有啥用", "能有什么用", "有什么意义", "有何用", "干什么", "干嘛", "干吗"}
DISMISS_AFTER_AT_END = {"不必", "不用", "无须", "无需", "毋须", "不需要", "不需", "免了", "就免了", "省了", "可免",
                        # a prohibition of the act itself: 送水车就别安排了, 回访也别安排了
                        "别", "就别", "也别", "就不要", "也不要"}
_BETWEEN = {"也", "都", "就", "更", "倒", "则", "又", "根本", "完全", "实在", "真的", "是", "就更", "的话", "了", "其实", "确实",
            "大可", "那就", "就是", "倒是", "当然"}
_CLAUSE_END = {"", "，", "。", "、", "了", "的", "吧", "啦", "啊", "呀", " "}
# The head of the mention's phrase may stand between it and the dismissal: 80/20法则没什么意义, 回访这一步没必要.
_HEADS = {"法则", "原则", "定律", "理论", "制度", "环节", "这一步", "这步", "这一条", "这条", "这个", "这种", "这些", "做法",
          "办法", "方法", "规定", "措施", "一套", "之类", "什么的", "这一套", "这件事", "这事", "的事", "这一环",
          # a meeting named by its purpose (校准|会其实不用开): as a modal (道歉会没什么用) it dismisses all the same
          "会", "会议"}
# A weak "no need" (不用, 不必 …) with a verb of bothering that closes the clause dismisses too: 身份证也不用管,
# 回访就不必安排了 (but 回访不用做得太频繁 still asks for it).
_BOTHER = {"管", "理", "理会", "在意", "操心", "安排", "考虑", "搞", "弄", "做", "办", "提", "说", "费心", "当回事",
           "放在心上", "在乎", "计较", "动", "去动", "改", "改动", "碰", "挂钩",
           # a meeting not to be held: 校准会其实不用开
           "开", "召开", "组织"}


# "Cannot be done": 想解决也解决不了, 回访也回访不了 (the same verb after 也/都, with 不了/不到/不成).
_CANNOT = ("不了", "不到", "不成", "不来")


def cannot_after(words: list[str], last: int) -> bool:
    """Is the mention ending in token ``last`` followed by 也/都 and the same verb made impossible (想解决也解决不了)?"""
    if len(words[last]) >= 4 and words[last].endswith(_CANNOT):
        return True  # jieba keeps the verb whole: 解决不了
    if last + 2 >= len(words) or words[last + 1] not in ("也", "都"):
        return False
    verb = words[last]
    rest = "".join(words[last + 2:last + 4])
    return any(rest.startswith(verb + c) for c in _CANNOT)


def dismissed_after(words: list[str], last: int) -> bool:
    """Is the mention ending in token ``last`` followed by a "no need" word that dismisses it (道歉也没必要)?"""
    if cannot_after(words, last):
        return True
    i = last + 1
    if i < len(words) and words[i] in _HEADS:
        i += 1
    elif i + 1 < len(words) and words[i] + words[i + 1] in _HEADS:  # 这|一步
        i += 2
    i = _past_conjuncts(words, i)
    skipped = 0
    while i < len(words) and skipped < 3:
        if words[i] in _BETWEEN:
            i += 1
        elif "".join(words[i:i + 2]) in _OPINION:
            i += 2  # 道歉这一步我|看|可以免了: the trainee's opinion before the verdict
        else:
            break
        skipped += 1
    if i >= len(words):
        return False
    spared = _spared_at(words, i)
    if spared and (spared >= len(words) or words[spared] in _CLAUSE_END):
        return True  # 道歉这一步我看可以免了, 回访可以省掉
    if words[i] not in DISMISS_AFTER_AT_END and _topic_refused(words, last):
        return True
    token = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if any("".join(words[i:i + n]) in DISMISS_AFTER for n in (1, 2, 3, 4)):
        return True  # however jieba cut it (没有|必要, 没|什么|用), on word boundaries (not 没用心)
    if _light_dismissal_after_object(words, last):
        return True
    if token not in DISMISS_AFTER_AT_END:
        if token + following not in DISMISS_AFTER_AT_END:
            return False
        i += 1  # jieba glued an adverb to it: 道歉|就免|了
        following = words[i + 1] if i + 1 < len(words) else ""
    if following in _BOTHER:
        following = words[i + 2] if i + 2 < len(words) else ""
    return following in _CLAUSE_END or _topic_refused(words, last)


# "It can be spared": 可以省掉, 可以免了, 省去 (道歉这一步，我看可以省掉).
_SPARED = r"(?:(?:完全|也|就|都)?(?:可以|可))?(?:省掉|省去|免掉|免去|省了|免了|省)"
_OPINION = {"我看", "我觉得", "我认为", "依我看", "在我看来"}
_SPARED_AFTER = re.compile(_SPARED + r"$")


def _spared_at(words: list[str], i: int) -> int:
    """Where "it can be spared" (可以省掉, 可|免|了, 省去) starting at token ``i`` ends (0: none there)."""
    joined = ""
    for k in range(i, min(i + 4, len(words))):
        joined += words[k]
        if len(joined) > 6:
            break
        if _SPARED_AFTER.match(joined) and joined not in ("省", "可省") and not joined.endswith("省"):
            return k + 1
    return 0


# A topic fronted before its refusal may be a list: 回复方式和电话也不必跟客户确定, 道歉和赔偿都没必要 (each conjunct is
# the topic).  Up to three conjuncts of one token each.
_CONJUNCTIONS = {"和", "与", "及", "以及", "、", "或", "或者"}


def _past_conjuncts(words: list[str], i: int) -> int:
    for _ in range(3):
        if i + 1 >= len(words) or words[i] not in _CONJUNCTIONS:
            break
        nxt = words[i + 1]
        if not ("\u4e00" <= nxt[:1] <= "\u9fff") or negator_weight(nxt) or nxt in MODALS or nxt in _BETWEEN:
            break
        i += 2
    return i


# The topic fronted, refused with whom the act would be done: 回复方式也不必跟客户确定, 价格就别跟顾客提.  A weak "no need"
# or a prohibition, a phrase of to whom (跟/向/给/和/对 + one word, or jieba's 跟客户), then one verb closing the clause.
_PARTIES = ("客户", "顾客", "客人", "用户", "他", "她", "他们", "她们", "对方", "人家", "业主", "居民", "会员", "患者", "家属")


def _content_word(token: str) -> bool:
    return "\u4e00" <= token[:1] <= "\u9fff" and not negator_weight(token) and token not in MODALS \
        and token not in _BETWEEN and token not in _CONJUNCTIONS and token not in _CLAUSE_END


def _topic_refused(words: list[str], last: int) -> bool:
    """Is the mention ending in token ``last`` (with at most one head word after it: 回复|方式) the topic of a refusal
    with whom it would be done (回复方式和电话也不必跟客户确定)?"""
    for start in (last + 1, last + 2):
        if start == last + 2 and not (start <= len(words) and _content_word(words[last + 1])):
            break
        i = _past_conjuncts(words, start)
        skipped = 0
        while i < len(words) and words[i] in _BETWEEN and skipped < 3:
            i += 1
            skipped += 1
        if i < len(words) and words[i] in DISMISS_AFTER_AT_END and _to_whom_verb(words, i + 1):
            return True
    return False


def _to_whom_verb(words: list[str], j: int) -> bool:
    if j < len(words) and words[j] in ("再", "去", "专门", "特意", "特地"):
        j += 1
    if j >= len(words):
        return False
    token = words[j]
    if token in _TO_WHOM:
        j += 2
    elif token[:1] in _TO_WHOM and token[1:] in _PARTIES:
        j += 1  # jieba keeps the phrase whole: 跟客户
    else:
        return False
    if j >= len(words):
        return False
    if not _content_word(words[j]):
        return False
    after = words[j + 1] if j + 1 < len(words) else ""
    return after in _CLAUSE_END or (after in ("一下", "清楚") and (words[j + 2] if j + 2 < len(words) else "") in _CLAUSE_END)


# "No need" with a light verb after it, past the act's object (one or two words): 分析问题原因没必要特意去开会, 回访客户用不着
# 专门去做.  The strong ones take 去 too (没必要去); the weak ones (不用, 不必 …) only 特意/专门/特地/刻意, since 回访客户不用去
# 上门，打电话就行 still asks for the follow-up.
_STRONG_NO_NEED = {"没必要", "没有必要", "用不着", "犯不着", "大可不必", "不值得"}
_WEAK_NO_NEED = {"不用", "不必", "无须", "无需", "不需要"}
_ON_PURPOSE = {"特意", "专门", "特地", "刻意", "非得", "特别"}


def _light_dismissal_after_object(words: list[str], last: int) -> bool:
    i = last + 1
    for _ in range(2):
        if i >= len(words):
            return False
        token = words[i]
        if _no_need_at(words, i):
            break
        if not ("\u4e00" <= token[:1] <= "\u9fff") or negator_weight(token) or token in MODALS or token in _BETWEEN:
            return False
        i += 1
    while i < len(words) and words[i] in _BETWEEN:
        i += 1
    if i + 1 >= len(words) or i == last + 1:
        return False  # right after the act the rules above decide
    width = _no_need_at(words, i)
    if not width or i + width >= len(words):
        return False
    token, following = "".join(words[i:i + width]), words[i + width]
    if token in _STRONG_NO_NEED:
        return following in _ON_PURPOSE or following in ("去", "再去")
    return token in _WEAK_NO_NEED and following in _ON_PURPOSE


def _no_need_at(words: list[str], i: int) -> int:
    """How many tokens a "no need" word starting at token ``i`` takes, however jieba cut it (没|必要): 0 for none."""
    for width in (1, 2):
        joined = "".join(words[i:i + width])
        if joined in _STRONG_NO_NEED or joined in _WEAK_NO_NEED:
            return width
    return 0


def _link_refused(words: list[str], last: int) -> bool:
    """跟考核不用挂钩: the object of 跟/和/与 refused with the link itself ("no need" + 挂钩 closing the clause)."""
    return "挂钩" in words[last + 1:last + 5] and dismissed_after(words, last)


# A negated amount is a bound, not a denial: 不超过30日, 还没过一个礼拜, 不到7天 (within the time), 未满一年.
BOUND_NEGATORS = ("不超过", "不得超过", "不能超过", "不会超过", "没超过", "未超过", "不超出", "不到", "没到", "未到",
                  "没过", "未过", "未满", "不满", "不出")
_NUMERALS = set("0123456789一二两三四五六七八九十百千半几")


def _bounded_figure(words: list[str], index: int, glued: str) -> bool:
    """Does the mention, a figure (7天, 一个礼拜, 30日), stand right after 不超过/不到/没过 …?"""
    if words[index][len(glued):][:1] not in _NUMERALS:
        return False
    before = "".join(words[max(index - 2, 0):index]) + glued
    return before.endswith(BOUND_NEGATORS)


def _comparative(words: list[str], i: int) -> bool:
    """没有什么比真诚道歉更重要, 没有比道歉更有用的: "nothing is more … than X" praises X."""
    if words[i] not in ("没有", "没"):
        return False
    rest = words[i + 1:i + 3]
    return bool(rest) and (rest[0] == "比" or (rest[0] in ("什么", "任何", "啥") and rest[1:] == ["比"]))


def _negates_modal(token: str, modal: str) -> bool:
    """Does ``token`` negate the modal after it (不|可以, 不能, 千万不要)?  A negated verb jieba keeps whole (不服, 不满,
    没空) is a predicate of its own, the condition of what the modal opens: in 不服可以申诉 the appeal is offered."""
    if not negator_weight(token, modal):
        return False
    return token in NEGATORS or token in DOUBLE_NEGATORS or token.startswith(MODAL_ADVERBS)


def _nothing_to(words: list[str], modal: int) -> bool:
    """没有什么需要道歉的, 没有什么要解释的: the modal after 没有 + 什么 belongs to the negated "nothing to"."""
    return modal > 1 and words[modal - 1] in ("什么", "啥", "任何") and words[modal - 2] in ("没有", "没", "无")


# 非 right before a term makes the compound that is its opposite: 非增值 (non-value-adding), 非核心流程, 非中立.  It is
# no negator on its own (并非 is, 无非 "nothing but", 除非 "unless" and 是非 are words of their own), and a term that holds
# 非 itself (非物质, 非个人) is matched whole.
_NON_WORDS = ("无非", "除非", "莫非", "是非", "似非")


def _non_prefix(glued: str) -> bool:
    return glued.endswith("非") and not glued.endswith(_NON_WORDS)


# The loser of a comparison is the option set aside, as with 不如: X before 比不上/赶不上 (教室培训的效果比不上实战), and X
# after 比 when the comparison praises the other side (先给他换货比道歉更实在, 说“嗯嗯”比用“是”更亲切).  A comparison denied
# before 比 (没有什么比道歉更有效) or one that praises nothing (道歉要比平时更真诚: 真诚 is no word of gain) is not.
_OUTDONE_BY = {"比不上", "比不过", "赶不上", "不及", "比不了", "抵不上"}
_GAIN = {"实在", "管用", "有效", "好", "强", "亲切", "灵活", "高效", "方便", "省事", "实用", "有用", "靠谱", "划算", "接地气",
         "自然", "快", "省时", "省心", "有效果", "见效"}
_GAIN_BEFORE = ("更", "还", "要", "都", "更加", "还要")
_GAIN_AFTER = ("得多", "多了", "一些", "些", "了", "点", "一点")
_COMPARED = ("比", "比起", "相比")
_CLAUSE_MARKS = {"，", "。", "；", "！", "？", "：", ",", ";", "!", "?", ":"}


def _gain(token: str) -> bool:
    for prefix in _GAIN_BEFORE:
        if token.startswith(prefix) and token[len(prefix):] in _GAIN:
            return True
    for suffix in _GAIN_AFTER:
        if token.endswith(suffix) and token[:-len(suffix)] in _GAIN:
            return True
    return token in _GAIN


def _outdone(words: list[str], index: int, last: int) -> bool:
    """Is the mention (tokens ``index``..``last``) the loser of a comparison?"""
    for j in range(last + 1, min(last + 6, len(words))):
        token = words[j]
        if token in _OUTDONE_BY:
            return True
        if token in _CLAUSE_MARKS or token in _COMPARED or negator_weight(token):
            break
    for k in range(index - 1, max(index - 4, -1), -1):
        if words[k] in _CLAUSE_MARKS:
            return False
        if words[k] in _COMPARED:
            break
    else:
        return False
    before = []
    for t in reversed(words[:k]):
        if t in _CLAUSE_MARKS:
            break
        before.append(t)
    if not before or any(negator_weight(t) for t in before):
        return False  # 没有什么比道歉更有效; nothing compared with: 比起道歉更…
    for j in range(last + 1, min(last + 5, len(words))):
        token = words[j]
        if token in _CLAUSE_MARKS:
            return False
        if _gain(token) or (token in _GAIN_BEFORE and j + 1 < len(words) and _gain(words[j + 1])):
            return True
    return False


def is_negated(words: list[str], index: int, glued: str = "", neutral=None, last: int | None = None,
               after: bool = True, objects: bool = True) -> bool:
    """``words`` are the tokens of one negation span; the mention starts in
    token ``index`` (and ends in token ``last``, by default ``index``).  ``after``: also count negators after
    the mention (一点责任都没有, 道歉也没必要).  ``glued`` is the part of that token before the mention
    when jieba glued a negator to the term (不连续 for the term 连续).
    Tokens for which ``neutral(k)`` is true are skipped (negators the rubric
    itself asked for)."""
    if _bounded_figure(words, index, glued):
        return False
    if glued:
        weight = negator_weight(glued) if words[index] not in FALSE_NEGATORS else 0
        weight = weight or (1 if _non_prefix(glued) else 0)
    else:
        weight = 0
    if objects and not weight and index > 0 and _object_of_phrase(words, index) and not _perspective(words, index, last) \
            and not (after and _link_refused(words, index if last is None else last)):
        return False
    if not glued:
        if index > 0 and words[index - 1] == "非":
            weight = 1  # 非|增值: the term's opposite (the token 非 is not a negator in the walk below)
    # A negator after the mention: 一点责任都没有, 什么错也没有 (所以 不能说商场一点责任都没有 asserts it).
    if after and (_negated_after(words, index) or dismissed_after(words, index if last is None else last)
                  or _outdone(words, index, index if last is None else last)):
        weight += 1
    seen = 0
    negators = 0  # negators counted so far
    past_modifier = False  # walked back over "的 + head noun"
    own_modifier = False  # walked back over a 的 right before the mention (the mention is that modifier's head)
    modifier_closed = False  # walked back over "的 + head noun" after a negator was counted
    i = index - 1
    lowest = max(index - MAX_VISITED, 0)
    while i >= lowest and seen < WINDOW:
        if neutral is not None and neutral(i):
            i -= 1
            continue
        token = words[i]
        if token in SCOPE_BREAKERS and not (token == "再" and _negated_before_again(words, i)):
            break
        if token in ("、", " "):
            i -= 1
            continue
        if (token in MODALS and i > 0 and not _negates_modal(words[i - 1], token) and not _nothing_to(words, i)
                and not (i > 1 and (words[i - 2], words[i - 1]) in _RHETORICAL_PAIRS)):
            break  # an un-negated modal opens a new predicate (not after 凭|什么: 凭什么要道歉)
        if (token == "的" and index - i > 1) or (len(token) > 1 and token[0] == "的" and token not in _DE_WORDS):
            past_modifier = True  # 的 + head noun, also glued by jieba (不开心|的事)
            # A negator already counted stands between the modifier and the mention: the modifier's own negators
            # describe its head (客户没说清楚的地方|不用去|澄清), they do not negate the mention a second time (round 12).
            modifier_closed = modifier_closed or bool(negators)
        elif token == "的":
            own_modifier = True  # the mention is the head noun: 不署名|的|通知, 顾客不熟悉|的|专业术语
        if token in _OBJECT_PREPOSITIONS and past_modifier and negators == 0:
            past_modifier = False  # the 的 was inside the phrase's object: 不|把|客人|的要求|当回事
        if token in CAUSE_PREPOSITIONS:
            weight = 0  # what came between it and the mention was the reason
        if token in SUBJECT_PRONOUNS and negators:
            if i > 0 and words[i - 1] == "难道" and negators % 2:
                weight += 1  # 难道我们还不该道歉吗
            break
        if token in COORDINATORS and negators:
            break  # 不用道歉也不用解释: the first 不用 is 道歉's, not a second negator of 解释
        w = 0 if _a_not_a(words, i) or _comparative(words, i) else \
            negator_weight(token, words[i + 1] if i + 1 < len(words) else "")
        if w and _state_negative(words, i, index):
            w = 0  # 不合格员工重新培训: the 不 belongs to the state word, not to the act
        if not w and _rhetorical(words, i, index):
            w = 1
        if token == "难道" and negators % 2:
            w = 1  # 难道不应该先道歉吗: a rhetorical question that demands the act
        if token == "别说" and i > 0 and words[i - 1] in _TELLS_NOT:
            w = 1  # 也别说资料保密, 千万别说: a prohibition, not "let alone" (别说资料保密，连密码都要保密)
        if past_modifier and w and (modifier_closed or not _takes_object(token)):
            w = 0  # a negator inside a 的-modifier: 不懂的地方问清楚
        elif own_modifier and w and token in _VERB_NEGATORS:
            w = 0  # 不 / 未 negates the modifier's verb, not the mention it describes: 发一份不署名的通知
        weight += w
        negators += 1 if w else 0
        seen += 0 if token in LIGHT else 1
        i -= 1
    return weight % 2 == 1


# A negator jieba glues to the preposition after it (不把, 没把, 没向, 不跟): the mention after it is still the
# phrase's object (不把客人的要求当回事: the requirement is neglected, not denied; the negator reaches 当回事).
_GLUED_PREPOSITIONS = frozenset(n + p for n in ("不", "没", "没有", "未", "从不", "从没", "从未", "从来不", "从来没")
                                for p in ("把", "将", "向", "跟", "与", "同", "让", "替"))
# 给 and 被 may stand right before the verb with their object left out (没给解决, 不被重视): a mention right after them,
# with a negator right before them, is that verb, not an object.
_BARE_BEFORE_VERB = ("给", "被")


# Prepositions whose object a noun phrase may fill (不把|客人|的要求|当回事, 没跟|业主|的代表|商量).
_OBJECT_PREPOSITIONS = frozenset({"把", "将", "跟", "向", "与", "同", "让", "替"}) | _GLUED_PREPOSITIONS


def negated_object(words: list[str], index: int, glued: str = "", last: int | None = None) -> bool:
    """Is the mention at token ``index`` the object of a phrase (把, 跟, 向 …) whose verb a negator before it denies
    (没有把|多长时间|内|上门|定成|明确|标准)?  The object is not negated itself, but the act it names is not done."""
    if index == 0 or (glued and negator_weight(glued)) or not _object_of_phrase(words, index):
        return False
    if words[index - 1] in PREPOSITIONS and words[index - 1] not in _OBJECT_PREPOSITIONS:
        return False  # 无需对第一个节点进行特殊处理: a circumstance of the treatment refused, not the act itself
    return is_negated(words, index, glued, None, last, after=False, objects=False)


def _object_of_phrase(words: list[str], index: int) -> bool:
    """Is the mention at token ``index`` the object of a preposition: right after it (对第一个节点, 不把|客人的要求), or
    the head of a noun phrase (after 的) that fills it (不把|客人|提|的|需求|当回事)?"""
    before = words[index - 1]
    if before in _GLUED_PREPOSITIONS:
        return True
    if before in PREPOSITIONS:
        return not (before in _BARE_BEFORE_VERB and index > 1 and negator_weight(words[index - 2], before))
    if not (before == "的" or words[index].startswith("的")):
        return False
    for k in range(index - 1, max(index - 5, 0) - 1, -1):  # a short modifier: 客人|提|的
        token = words[k]
        if token in _OBJECT_PREPOSITIONS:
            return True
        if token in _CLAUSE_MARKS or negator_weight(token) or token in MODALS:
            return False
    return False


# A point of view after 从/以 (从顾客的角度, 以客户的立场) is how the act is done, not a thing the act is done to: a
# dismissal right before the preposition refuses it with the act (没必要从顾客的角度去审视), unlike an object (无需对
# 第一个节点进行特殊处理, where only the treatment is refused).  Other negators there keep the object reading: 不能说从
# 顾客角度审视流程没什么意义 takes back the verdict, not the act.
_PERSPECTIVE_PREPOSITIONS = {"从", "以"}
_PERSPECTIVE_NOUNS = ("角度", "立场", "视角", "眼光", "观点")
_NO_NEED_WORDS = ("不用", "不必", "无需", "无须", "不需要", "用不着", "没必要", "没有必要", "犯不着", "何必")


def _perspective(words: list[str], index: int, last: int | None) -> bool:
    # Read as text: jieba may cut 没|必要.
    if words[index - 1] not in _PERSPECTIVE_PREPOSITIONS or not "".join(words[max(index - 4, 0):index - 1]).endswith(
            _NO_NEED_WORDS):
        return False
    stop = min(len(words), (index if last is None else last) + 3)
    return any(words[k].endswith(_PERSPECTIVE_NOUNS) for k in range(index, stop))


# Negators that only ever negate the verb right after them (不署名, 未付款); 没/没有, 不要, 不用 … may take the whole
# noun phrase (没有真诚的道歉, 不用先去问顾客的预期).
_VERB_NEGATORS = {"不", "未"}


# Rhetorical dismissals jieba cuts in two: 凭|什么, 哪|用得着, 哪有|必要, and 有什么好 X 的 (X right after 好).
_RHETORICAL_PAIRS = {("凭", "什么"), ("哪", "用得着"), ("哪", "需要"), ("哪有", "必要"), ("哪里", "需要"), ("哪儿", "用得着")}


def _rhetorical(words: list[str], i: int, index: int) -> bool:
    if i > 0 and (words[i - 1], words[i]) in _RHETORICAL_PAIRS:
        return True
    return words[i] == "好" and i == index - 1 and i > 0 and words[i - 1] in ("什么", "啥")


def _takes_object(token: str) -> bool:
    if token in NP_NEGATORS or token in DOUBLE_NEGATORS:
        return True
    for adverb in MODAL_ADVERBS:
        if token.startswith(adverb) and token[len(adverb):] in NP_NEGATORS:
            return True
    return not ("\u4e00" <= token[:1] <= "\u9fff")  # English negators are not affected


# Dismissive negators: the speaker holds the act unnecessary.  Under them a mention is a defence of the
# conduct (在收银区处理是正常程序，没必要请她去办公室), never the spotting of a fault, so they do not earn a
# `negative` point.  不必/无须/不需要 are left out: textbooks use them for "do not" advice (不需要回答者计算).
DISMISSIVE = {"没必要", "没有必要", "用不着", "犯不着", "谈不上", "说不上", "算不上", "何必", "大可不必", "不值得"}


def is_dismissed(words: list[str], index: int, last: int | None = None) -> bool:
    """Is the mention in token ``index`` governed by a dismissive negator (没必要, 用不着 …), before it or after it
    (请她去办公室没必要)?"""
    if dismissed_after(words, index if last is None else last):
        return True
    for i in range(index - 1, max(index - WINDOW, 0) - 1, -1):
        token = words[i]
        if token in SCOPE_BREAKERS:
            return False
        if token in DISMISSIVE or (token == "必要" and i > 0 and words[i - 1] in ("没", "没有")):
            return True
        # "even less need" (更不用去挽留, 就更不必说): a weak "no need" after 更 dismisses, in a chain of dismissals
        if token in _WEAK_NO_NEED and i > 0 and words[i - 1] in ("更", "就更", "更是"):
            return True
        if token in ("更不用", "更不必", "就更不用"):
            return True
    return False


# A mention inside the condition of a hypothetical is not a recommendation: 一道歉就等于承认责任,
# 要是向她道歉，商场就等于认了, 一旦表示理解他就会得寸进尺.  The condition ends at its result word.
HYPOTHETICALS = {"如果", "假如", "要是", "一旦", "万一", "若", "倘若", "假若", "假设", "如若", "若是", "假使", "如果说",
                 "与其"}
RESULT_WORDS = {"就", "则", "那么", "便", "那", "就会", "便会", "才会", "就能", "才能", "就可以", "就要", "不如", "还不如",
                "倒不如"}
# Concessions: 即使道歉，顾客也不会满意 supposes the act; 就算顾客骂人也要道歉 asks for it (the result after 也).
CONCESSIVES = {"即使", "就算", "哪怕", "即便", "纵然", "纵使"}
CONCESSION_RESULTS = {"也", "都", "还是", "仍然", "依然", "照样", "照常", "仍"}


# After the act, words that make it the cause of a harm: a warning against it (道歉只会让他得寸进尺,
# 道歉就等于承认责任), not a recommendation.
WARNING_AFTER = ("只会", "无异于")
_ADMITS = ("承认", "认错", "认了", "认输", "示弱", "自认", "默认", "理亏", "心虚")
_LOOKS_BETWEEN = {"我们", "自己", "咱们", "商场", "公司", "超市", "酒店", "店里", "企业", "饭店", "卖场", "商家", "很", "更", "特别",
                  "有点", "太"}
_WARNING_BETWEEN = {"也", "都", "就", "的话", "了", "反而", "反倒", "这样", "这么做", "这样做"}
# 显得 + a look of guilt or weakness: 道歉就显得我们心虚了, 道歉反倒显得我们心里有鬼, 承担责任反倒显得酒店不专业.
_LOOKS_BAD = _ADMITS + ("软弱", "好欺负", "心里有鬼", "有鬼", "不专业", "没面子", "掉价", "低声下气")
# Openers of a feared consequence ("不能退房费，否则谁都来要补偿").
CONSEQUENCE_OPENERS = {"否则", "不然", "要不然", "要不", "免得", "以免", "省得", "以防"}
_AS_SOON = ("就", "就会", "便", "便会", "就等于")


def is_conditional(words: list[str], index: int, last: int | None = None) -> bool:
    """Does the mention in token ``index`` stand in the condition of a hypothetical ("if ..., then"), or is it
    the cause in a warning (道歉只会让…, 道歉等于承认…)?"""
    return _in_condition(words, index) or warned_after(words, index if last is None else last)


# A verb of saying right before X的话 makes it "the words of X" (多说积极的话, 先说几句道歉的话), not "if one does X".
_SAYING = ("说", "讲", "用", "说些", "讲些", "说点", "讲点", "多说", "少说", "多讲", "少讲", "多用", "少用", "几句", "一些")


# X说的话 / X讲过的话 (the mention's own token ends in the verb of saying: 听客户说|的话) is "what X says", not "if
# one does X".
_SAID_BY = ("说", "讲")


def _said_before(words: list[str], index: int) -> bool:
    return index > 0 and (words[index - 1] in _SAYING or words[index - 1].endswith(_SAID_BY))


def _in_condition(words: list[str], index: int) -> bool:
    i = index - 1
    lowest = max(index - MAX_VISITED, 0)
    concession_result = False  # walked back over 也/都/还是: the result of 即使/哪怕 … (就算骂人也要道歉)
    while i >= lowest:
        token = words[i]
        if token in RESULT_WORDS or token in SCOPE_BREAKERS:
            return False
        if token in CONCESSION_RESULTS:
            concession_result = True
        if token in CONCESSIVES:
            return not concession_result
        if token in HYPOTHETICALS:
            return True
        i -= 1
    # X的话，…: "if one does X" (道歉的话，顾客会觉得我们理亏); 道歉的话要真诚 (the words of apology) is not a condition.
    after = words[index + 1:index + 4]
    if "的话" in after and not _said_before(words, index):
        k = after.index("的话")
        said = words[index + k] if k == 0 or words[index + k] not in ("了", "过") else words[index + k - 1]
        if all(w in ("了", "过") for w in after[:k]) and (index + 2 + k >= len(words) or words[index + 2 + k] in "，、 ") \
                and not said.endswith(_SAID_BY):
            return True
    # 一 + verb + 就: "as soon as one apologises, ..." (一道歉就等于承认责任); jieba may glue 就 to the word before
    # it (一回访客户就会…).
    if index > 0 and words[index - 1] == "一":
        after = words[index + 1:index + 1 + WINDOW]
        return any(w in _AS_SOON or w.startswith("就") or (len(w) > 1 and w.endswith("就")) for w in after)
    return False


def warned_after(words: list[str], last: int) -> bool:
    i = last + 1
    while i < len(words) and words[i] in _WARNING_BETWEEN and i - last <= 3:
        i += 1
    if i >= len(words):
        return False
    token = words[i]
    if token.startswith(WARNING_AFTER) or _object_then_warning(words, i):
        return True
    if token.endswith(("等于", "相当于")) or token in ("等于", "相当于"):
        rest = "".join(words[i + 1:i + 3])
        return rest.startswith(_ADMITS)
    if token == "显得":  # 道歉就显得我们心虚了: the act shown as an admission
        k = i + 1
        while k < len(words) and k <= i + 3 and words[k] in _LOOKS_BETWEEN:
            k += 1
        return k < len(words) and "".join(words[k:k + 2]).startswith(_LOOKS_BAD)
    return _harm_after(words, last)


def _object_then_warning(words: list[str], i: int) -> bool:
    """The act's object (one or two words) between the act and 只会: 考虑问题只会让我们吃亏, 回访客户只会让客户更烦;
    not past a negator or a modal (回访客户不只会…: "not only")."""
    for k in range(i, min(i + 3, len(words))):
        token = words[k]
        if token.startswith(WARNING_AFTER):
            return k > i
        if not ("\u4e00" <= token[:1] <= "\u9fff") or negator_weight(token) or token in MODALS:
            return False
    return False


# The act as a harm: 回访纯属添乱, 道歉只会适得其反, and after 反而 (counter to what one expects) a harm:
# 挽留他反而显得我们死缠烂打, 回访反而会惹顾客烦 (but 回访反而能赢得信任 is a gain).
_HARMS = ("适得其反", "得不偿失", "添乱", "帮倒忙", "坏事", "误事", "得寸进尺", "蹬鼻子上脸", "惯坏")
_HARMS_AFTER_CONTRARY = _HARMS + ("耽误", "浪费", "添麻烦", "麻烦", "惹", "激怒", "得罪", "放不开", "死缠烂打", "纠缠",
                                  "打扰", "骚扰", "多事", "啰嗦", "招人烦", "让人烦", "引起反感", "让人反感", "更生气",
                                  "更乱", "更糟", "乱", "坐实", "束手束脚", "被动",
                                  # the agent distracted: 边听边记反而分心, 做笔记反而容易走神
                                  "分心", "分神", "走神", "分散注意力", "顾此失彼",
                                  # something drawn in, or a harm to health or order: 发消息反而招来更多电话, 反而伤身体
                                  "招来", "招致", "引来", "惹来", "伤", "不清", "不明", "混乱", "束缚")
# After 反而 the harm may have a subject of its own, one word: 互相合作反而职责不清, 硬憋着微笑反而伤身体.
_BEFORE_HARM = {"会", "可能", "更", "还", "也", "就", "只会", "纯属", "就是", "完全是", "是", "容易", "显得", "我们",
                "让", "使", "顾客", "客户", "他", "她", "人家", "觉得", "感到", "感觉", "被"}


def _harm_after(words: list[str], last: int) -> bool:
    contrary = 0  # the index of 反而 when found
    i = last + 1
    end = min(len(words), last + 8)  # bounded: a pronoun or object, 反而, and a few adverbs
    while i < end and words[i] not in ("，", "。"):
        token = words[i]
        if token in ("反而", "反倒"):
            contrary = i
        elif token.startswith(_HARMS_AFTER_CONTRARY if contrary else _HARMS):
            return True
        elif i == last + 1 and len(token) == 1 and "\u4e00" <= token <= "\u9fff" and not negator_weight(token):
            pass  # the one-character verb that completes the act: 边听边|记|反而分心, 随手|记|反而走神
        elif not (token in _BEFORE_HARM or (i <= last + 2 and not contrary and token in SUBJECT_PRONOUNS)
                  or (contrary and i == contrary + 1 and "\u4e00" <= token[:1] <= "\u9fff" and not negator_weight(token))):
            return False
        i += 1
    return False


# The act named as the subject of a harm without 反而 (on parts that ask for acts: the matcher reads it there): 多项选择题
# 限制了顾客的想法, 倾听客户抱怨会浪费大量时间, 弹性排班会打乱员工的作息, 规定时限会给维修部门增加压力, 明确责任人会让员工
# 互相推脱.  A prediction (会, 容易, 势必 …) or a past 了 links the act (and its object, up to three words) to a verb of harm
# or delay, a burden added, or someone made to feel or act badly.  回访会让客户觉得受重视 (a gain), 不回访会耽误事 (the
# act negated) and 做笔记会占用一点时间，但能避免记错 (a turn after it) are not read so.
_PREDICTS = {"会", "只会", "容易", "可能", "还会", "也会", "就会", "都会", "势必", "必然", "必定", "肯定会", "反而会", "难免",
             "往往会", "总会", "都", "也", "还", "就"}
_HARM_VERBS = ("限制", "妨碍", "阻碍", "干扰", "打断", "打乱", "拖慢", "拖累", "拖延", "耽误", "浪费", "占用", "削弱", "挤占",
               # money, customers or name lost, in everyday words: 补偿酒店会亏钱, 会砸了招牌, 会丢客人
               "亏钱", "亏本", "亏损", "赔钱", "赔本", "倒贴", "白花钱", "砸了", "砸招牌", "砸牌子", "丢客", "丢了客", "丢掉客",
               "丢顾客", "丢了顾客", "坏了名声", "坏名声", "丢脸", "丢面子",
               "分散", "打扰", "扰乱", "影响正常")
_BURDEN_VERBS = ("增加", "加重", "增添", "加大", "徒增", "白白增加")
_BURDENS = ("负担", "成本", "压力", "工作量", "麻烦", "开支", "开销", "难度", "负荷", "工作负担")
_MADE_TO = ("紧张", "反感", "厌烦", "烦", "不满", "不高兴", "生气", "不舒服", "吃亏", "亏", "推脱", "推诿", "懒散", "不公平",
            "赔钱", "赔本", "倒贴", "破费", "丢客", "丢顾客", "丢脸", "丢面子", "砸了",
            "更累", "累", "心烦", "抵触", "尴尬", "为难")
_HARM_ADVERBS = {"更", "大大", "严重", "很", "白白", "大量", "额外", "极大", "一定", "多少", "明显", "直接", "反而", "还", "也",
                 "都", "再"}
_TURNED = ("但", "但是", "可是", "不过", "然而", "却", "其实", "只要")
TURNED_CLAUSE = re.compile(r"^(?:但|可是|不过|然而|却|其实|只要|可它|可这)")
# Parts that ask about harms (影响倾听的障碍因素有哪些, 有什么风险): naming what a factor hinders is the answer there.
HARMS_ASKED = re.compile(r"障碍|因素|影响|弊|坏处|害处|风险|不利|后果|危害|阻碍|干扰")
# The prompt asks for bad things only (障碍, 弊端, 缺点 …; not 因素 or 影响, which may be good): there "the more the better"
# praises what it names (专业术语越多越好 denies the jargon is a barrier).
BAD_ASKED = re.compile(r"障碍|阻碍|弊端|弊病|坏处|害处|风险|缺点|缺陷|危害")
# "The more the better" (越多越好, 越高越好, 越多越全面) after the mention in its clause: the extreme recommended.  Not
# denied (不是越多越好 asks for measure).
_MORE_THE_BETTER = re.compile(r"(?<!不是)(?<!并不是)(?<!并非)(?<!未必)(?<!不一定)(?<!不见得)越[\u4e00-\u9fff]{1,2}?越"
                              r"(?:好|全面|有效|专业|保险|安全|稳妥|省事|高端|有面子|显得专业|有水平|划算|有利)")
MORE_REACH = 16  # characters read after the mention


def more_the_better(after: str) -> bool:
    """Does ``after`` (the rest of the mention's clause) praise the extreme (越多越好)?"""
    return _MORE_THE_BETTER.search(after, 0, MORE_REACH) is not None


def _harm_verb_at(words: list[str], i: int) -> bool:
    """Does a verb of harm, a burden added or someone made to feel badly start at token ``i``?"""
    end = min(len(words), i + 5)
    token = words[i]
    if token.startswith(_HARM_VERBS):
        return True
    if token.startswith(_BURDEN_VERBS):
        return any(w.startswith(_BURDENS) or w.endswith(_BURDENS) for w in words[i + 1:end] if w not in ("，", "。"))
    if token.startswith(("让", "使", "令", "弄得", "搞得")):
        rest = "".join(words[i:end])
        return any(harm in rest[1:] for harm in _MADE_TO)
    return False


def harm_predicted(words: list[str], first: int, last: int) -> bool:
    """Is the mention in tokens ``first``..``last`` the subject of a harm predicted or stated (弹性排班会打乱员工的
    作息, 多项选择题限制了顾客的想法)?"""
    i = last + 1
    glued = False  # jieba glued the prediction to the object: 随时|调人会|干扰
    objects = 0
    for _ in range(8):  # the act's object, up to three words (倾听|客户|抱怨|会…), or a list of acts (咖啡|、|散步|会…)
        if i >= len(words):
            return False
        token = words[i]
        if token == "、":
            i += 1
            objects = 0
            continue
        if objects == 3:
            break
        if token == "会" and i == last + 1 and any(w in _PREDICTS for w in words[i + 1:i + 6]):
            i += 1  # 校准|会|一起听|录音|会|占用: the first 会 names a meeting, the second predicts
            continue
        if len(token) > 1 and token[0] == "会" and "".join([token[1:]] + words[i + 1:i + 3]).startswith(_HARM_VERBS):
            return not any(w in _TURNED for w in words[i + 1:])  # jieba glued the prediction to the harm: 酒店|会亏|钱
        if token in _PREDICTS or token.startswith(_HARM_VERBS) or not ("\u4e00" <= token[:1] <= "\u9fff") \
                or negator_weight(token) or token in MODALS:
            break
        i += 1
        objects += 1
        if len(token) > 1 and token.endswith("会") and not token.endswith(("不会", "机会", "学会", "开会", "体会", "理会")):
            glued = True
            break
    if i >= len(words):
        return False
    predicted = glued or words[i] in _PREDICTS
    while i < len(words) and words[i] in _PREDICTS:
        i += 1
    # adverbs, or a phrase with 给/对 before a burden: 会|给|维修|部门|增加|压力
    prepositional = False
    for _ in range(4):
        if i >= len(words) or _harm_verb_at(words, i):
            break
        token = words[i]
        if token in ("给", "对"):
            prepositional = True
        elif not (token in _HARM_ADVERBS or (prepositional and "\u4e00" <= token[:1] <= "\u9fff"
                                             and not negator_weight(token))):
            return False
        i += 1
    if i >= len(words) or not _harm_verb_at(words, i):
        return False
    if not predicted and not (i + 1 < len(words) and words[i + 1] == "了" and words[i].startswith(_HARM_VERBS)):
        return False  # without a prediction, only a harm done: 限制|了
    return not any(w in _TURNED for w in words[i + 1:])


def in_consequence(words: list[str], index: int) -> bool:
    """Does the mention in token ``index`` stand in a clause of feared consequence (否则 …, 免得 …)?"""
    for i in range(index - 1, max(index - MAX_VISITED, 0) - 1, -1):
        if words[i] in CONSEQUENCE_OPENERS:
            return True
    return False


def is_negator_term(term: str) -> bool:
    """A rubric term that is itself a negator word (不需要, 无需, 没有, not)."""
    return len(term) <= 3 and negator_weight(term) == 1


# A verdict that closes a clause waves away what the clause names: 部门之间互相推诿很正常, 有形因素这些根本不重要,
# 从顾客角度审视流程没什么意义, 投诉拖三个月也不算久.  Matched on the normalised text of one negation span (between
# ，and 。), anchored at its end, over a bounded tail: linear in the answer.
_VERDICT_TAIL = 24
_PARTICLES = r"[了的吧嘛啊呀啦呢]*$"
# "It is normal / common / no problem": a state of affairs (the fault) accepted.
_NORMALISED = (r"(?:很|挺|也|都|蛮|非常|十分|再|太)正常(?:不过)?(?:的事情?)?|(?:很|挺|也|都|是)?(?:常见|普遍)(?:的事情?)?"
               r"|(?:是)?(?:常有的事|常事|家常便饭|司空见惯|在所难免|难免的|到处都是|比比皆是|多的是|多得是)"
               r"|不算(?:什么)?大?(?:问题|事|错|毛病|久|多|晚|慢)|算不上(?:什么)?(?:问题|错|毛病)?|不是(?:什么)?大?问题"
               r"|没(?:什么|啥)大不了(?:的)?|影响不大|不影响大局|是(?:个人|她的|他的|人家的|个人的)?(?:自由|私事|个人习惯|个性)"
               # "a matter of taste": 长指甲和大耳环是年轻人的审美, 戴大耳环是她的个人风格
               r"|是(?:她|他|人家|个人|年轻人|女孩子|小姑娘|现在年轻人)?的?(?:个人)?(?:审美|喜好|爱好|风格|品味|穿衣风格|打扮风格)"
               # "a trifle": 名片单手递、接个电话这些都是小节
               r"|(?:都是|是|只是|属于|不过是)(?:些)?(?:小节|小事|小问题|细枝末节|鸡毛蒜皮(?:的小事)?)")
# Futility closing a clause: 道歉了也是白道歉, 讲了也是白讲, 也白搭, 无济于事.  As a clause of its own it may repeat the
# verb before it (做了也白做, 挽留了也是白挽留): see _BARE.
_FUTILE = r"(?:也|都)(?:是)?白(?:白)?[\u4e00-\u9fff]{1,4}|(?:也|都)?(?:白搭|无济于事|不管用|不顶用|徒劳无功|徒劳)"
# "It is pointless / unimportant": the named act dismissed (not adjacent to it: 流程没什么意义 after 顾客角度).
_POINTLESS = (r"没(?:什么|啥)?(?:意义|必要|用)|没有(?:什么)?(?:意义|必要|用处)|多余|多此一举|白费(?:力气|功夫)?"
              r"|(?:是|纯属|完全是|就是|都是|纯粹是|太|太过)浪费(?:钱|时间|精力)?|(?:纯属|就是|是|完全是|太|瞎|白)折腾"
              r"|(?:都是|是|只是|纯属|全是)(?:空话|空谈|套话|客套话?)|(?:都是|是|只是)?虚的|靠不住|不重要|无关紧要|用不着|犯不着|犯不上|大可不必"
              r"|没(?:这个|那个)必要|可有可无|可做可不做|可以省掉|可以省了|能省则省|能省就省|可以不做"
              # "it may be left out": 标题、落款这些是形式，可以不写; 可写可不写 (a verb of doing or writing, closing)
              r"|(?:完全)?可以不(?:写|要|搞|弄|填|加|放|提|安排)|可(?:写|要|搞|填|加|提)可不(?:写|要|搞|填|加|提)"
              # "of little use": 报表顶多当个参考，没什么大用
              r"|没(?:什么|啥|多)大(?:用|用处|意义)"
              r"|(?:等(?:到)?)?(?:以后|回头|有空|改天|过段时间|哪天|有时间)(?:有空|有时间)?再(?:说|补|弄|搞)"
              r"|(?:就|也)算了|不是(?:重点|关键)|是次要的"
              # "not that important": 反应快不快、出不出差错也没那么重要
              r"|没(?:有)?(?:那么|多么|多|太)重要|不(?:太|那么|是很|怎么|算)重要"
              # a weak "no need" with a verb of reckoning closing the clause: 利润率、回报这些不用算
              r"|(?:不用|不必|无须|无需|不需要)(?:再|去)?(?:算|计算|管|考虑|操心|研究)"
              # Futility: the act done for nothing (道歉了也是白道歉, 深呼吸几下也白搭, 讲了也是白讲).
              r"|" + _FUTILE)
# "It does not matter": accepting a fault (晚点回电话也没什么, 只看数量也没关系), but permitting an act (多回一次电话也
# 没关系): counted only when the clause holds a negator or a word of the fault's manner before it.
# "Whether or not, all the same": 发不发都行, 孩子发现的还是大人发现的也没多大区别 (also after alternatives listed: _SAME).
_ALL_SAME = r"(?:也|都|倒)一样|(?:也|都|倒)?(?:没|没有)(?:多大|什么|啥|太大)?(?:区别|差别|两样)|没差|(?:也|都)一个样|都行"
_NO_MATTER = (r"(?:也|都|倒)(?:没什么|没啥|没关系|没有关系|无所谓|不要紧|不碍事|无妨|不打紧)|无所谓|不碍事|无伤大雅"
              r"|(?:跟|和|与|同)[^，。]{1,8}(?:无关|没有?(?:什么)?关系|不相干)"
              r"|" + _ALL_SAME +
              # Faint approval and "still in time": 没有挽留也说得过去, 没有预案也还行, 月底再反馈也来得及.
              r"|(?:也|倒也|还|倒还|也还)?(?:算|算是)(?:合理|正常|可以|清楚|亲切|高效|到位|及时|周到|规范|过得去|说得过去"
              # the fault accepted as a virtue: 客户还没说完就抢先回答也算效率高 (a fault word before it is required)
              r"|效率高|有效率|讲效率|快捷|灵活|省事|省时间?|省力)"
              r"|(?:也|倒也|还|倒)?说得过去|(?:也|还|倒也)过得去|(?:也|倒也)还行|还凑合|(?:也|倒也|还)来得及|也不(?:晚|迟)")
# A fault named (a negator, a word of the fault's manner) or alternatives weighed (还是, 或者; 发不发 holds 不).
_FAULT_MARK = re.compile(r"[不没未无晚慢迟只光拖差少漏]|还是|或者|或是")
# "Already enough": the practice as it stands needs nothing more (评分表两项已经够细了, 已经够有针对性了, 已经做得够多了,
# 已经足够了); read on every part, and what it names inside (针对性 in 已经够有针对性了) is waved away too.
# Minimising: "only a handful" (影响到的顾客没几个, 推诿也就那么一两次, 一个差评而已) makes what it names negligible;
# read on every part, what it names inside (差评 in 一个差评而已) included.
_FEW = (r"(?:(?:也就|也就是|就|才|不过|顶多|最多|只有|只)(?:是)?(?:那么|这么)?|那么|这么)"
        r"(?:几|一两|两三|三两|三五|一点|一点点|一丁点)(?:个|次|回|件|位|家|条|通|种|天|人)?(?:人|而已|罢了)?"
        r"|没(?:有)?几(?:个|次|回|件|位|家|条|通|种)人?|寥寥(?:无几|几个)|屈指可数|少得可怜|微乎其微|没多少"
        r"|[一两几](?:个|次|回|件|条|点)?(?:(?![，。不没])[\u4e00-\u9fff]){1,4}(?:而已|罢了)")
_ENOUGH = r"(?:已经|早就|本来就)(?:(?![不没])[\u4e00-\u9fff]){0,3}?(?:够|足够)(?:(?![不没])[\u4e00-\u9fff]){0,5}?了|已经足够"
_WHATEVER = re.compile(r"不管|不论|无论")  # 不管什么时候服务水平都一样 names no fault
# "Whichever, all the same": an indefinite before 都一样/都行 (写在工单哪一栏都一样, 什么时候回都行, 怎么定都一样).
_ANY = re.compile(r"哪|什么|怎么|随便")
# A weak "no need" makes a clause of its own (送水车成本太高，不用安排), with a verb of bothering at most.
_NO_NEED = (r"(?:不用|不必|不需要|无须|无需|免了|就免了|算了|省了|" + _SPARED + r")了?(?:再|去)?"
            r"(?:安排|搞|弄|做|办|管|理会|考虑|考察|折腾|准备|费这个劲|花这个钱|动|改|改动|碰|写|填)?")
_SUBJECT = (r"^(?:这|这个|这些|这种事|这种情况|这事|那|其实|我看|我觉得|说实话|本来|反正|这样|那样|这种做法|这个做法|这样做|这么做|这一步"
            # in practice, or for a firm like ours: (…都是书本上的说法，)实际没有意义, (…，)一般企业没必要
            r"|实际上?|实际中|现实中|事实上|(?:一般|普通|小|中小)?(?:企业|公司|门店|单位|我们|咱们)(?:来说|来讲)?)*")
_ADVERBS = r"(?:也|都|就|倒|其实|本来|根本|完全|确实|实在|真的|还|是|算|更|就是|当然)*"
# "These are all excuses / self-deception": a set of named items dismissed (口音、术语这些都是借口, 保持微笑、深呼吸都是
# 自欺欺人).  借口 needs the summing 这些/那些: alone it is how trainees name a fault (推给系统只是借口).  In-clause only.
_EXCUSES = (r"(?:(?:这些|那些|这种|那种)(?:东西)?(?:都|全|全都|不过|只)?(?:是|算)?(?:找)?(?:借口|托词|托辞|推托之词)"
            r"|(?:都是|全是|纯属|就是|是|无非是|不过是)自欺欺人(?:的(?:做法|说法|东西|话|把戏))?)(?:罢了|而已)?")
_CLOSES = compile_guarded(f"(?:{_NORMALISED}|{_POINTLESS}|{_EXCUSES})" + _PARTICLES)
_CLOSES_NO_MATTER = compile_guarded(f"(?:{_NO_MATTER})" + _PARTICLES)
# "Nobody can tell" after the alternatives weighed (A不A): 真诚不真诚谁看得出来, 回复快不快客户也感觉不到.  Only then: after
# a fault named (通知九点才挂到网上，谁看得到) the same words say the fault did harm.
_CLOSES_CANNOT_TELL = compile_guarded(r"(?:谁(?:能|会|又)?(?:看|听|分|感觉|觉察)得(?:出来?|清|到)|(?:也|都|根本|压根|哪)"
                                      r"(?:看不出来?|听不出来?|分不清|感觉不到|察觉不到|觉察不到|看不到|注意不到))" + _PARTICLES)
_A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")
# "All the same" after alternatives listed (书面语、口语都一样, 用书面语和用口语都一样) weighs them like 还是/或者.
_SAME = re.compile(f"(?:{_ALL_SAME})")
_LISTED = re.compile(r"、|和|跟|与|同")
_CLOSES_ENOUGH = compile_guarded(f"(?:{_ENOUGH}|{_FEW})" + _PARTICLES)
_NO_NEED_RE = re.compile(_NO_NEED)
_FUTILE_RE = re.compile(f"(?:{_FUTILE})" + _PARTICLES)
_BARE_NORMALISED = re.compile(_SUBJECT + _ADVERBS + f"(?:{_NORMALISED})" + _PARTICLES)
_BARE = re.compile(_SUBJECT + _ADVERBS + f"(?:{_NORMALISED}|{_POINTLESS}|{_NO_MATTER}|{_NO_NEED}|{_ENOUGH}|{_FEW}"
                   f"|[\u4e00-\u9fff]{{1,4}}?(?:了|过)(?:{_FUTILE}))" + _PARTICLES)
# Before the verdict, words that deny it (不能说道歉没必要, 谁说推诿很正常) keep the clause's point.
_DENIED = re.compile(r"不能说|不是说|谁说|并非|不认为|不觉得|别以为|不代表|难道|并不是|不能认为|不等于|看似|表面上")
# A clause after the verdict that turns on it (很正常，但是…; 成本高也没关系，一定要安排) keeps the point.
# A verdict right after these is not one: 避免浪费, 不是没必要, 以免多余.
_UNDONE = ("避免", "防止", "减少", "杜绝", "以免", "免得", "不是", "并非", "不", "别", "不能", "不会", "不应", "不该")
TURNS = re.compile(r"^(?:我们|我|你|大家|员工|坐席|客服|企业|公司)?(?:但|可是|不过|然而|只是|还是|仍|一定|必须|也要|都要|要|应该|"
                   r"应当|得|却|所以|因此|因而|会|可能|容易|更要|关键|重要的是|先|首先|马上|立即)")


def closing_verdict(span: str, following: str = "") -> int:
    """Where the verdict closing ``span`` (one clause) starts, when it waves away what the clause names before it;
    -1 when there is none.  ``following``: the next clause of the same sentence ('' at a sentence end)."""
    cut = max(len(span) - _VERDICT_TAIL, 0)
    tail = span[cut:]
    if _WHAT_COUNTS.match(following):
        m = _CLOSES_UNIMPORTANT.search(tail)
        if m is not None and m.start() and not tail[:m.start()].endswith(_UNDONE) \
                and not _DENIED.search(tail, 0, m.start()):
            return cut + m.start()  # 说话方式不重要，关键看规定: what counts is elsewhere
    m = _CLOSES.search(tail)
    if m is None:
        enough = _enough(tail, cut, following)
        if enough >= 0:
            return enough
        m = _CLOSES_NO_MATTER.search(tail)
        if m is None:
            m = _CLOSES_CANNOT_TELL.search(tail)
            if m is None or not _A_NOT_A.search(tail, 0, m.start()):
                return -1
        elif not _FAULT_MARK.search(_WHATEVER.sub("", tail[:m.start()])) and not (
                _SAME.match(m.group()) and (_LISTED.search(tail, 0, m.start())
                                            or (_ANY.search(tail, 0, m.start()) and not _WHATEVER.search(tail)))):
            return -1
    elif _FUTILE_RE.match(m.group()) and _standing(tail, cut, m.start(), following) >= 0:
        return len(span)  # 道歉了也是白道歉: the act named again inside the verdict is waved away too
    return _standing(tail, cut, m.start(), following)


# "It does not matter; what counts is …": a verdict of unimportance closing the clause, and the next clause naming what
# counts instead (关键是, 关键看, 重要的是, 主要看, 重点是).  The turn that keeps a point after other verdicts (很正常，关键是
# 要先安抚) here confirms the dismissal: 说话方式无所谓，关键是坚持原则 / 道歉不重要，关键是赔钱.
_CLOSES_UNIMPORTANT = compile_guarded(r"(?:也|都|倒|其实|根本|完全|并)?(?:无所谓|不重要|不太重要|不那么重要|没那么重要|不是很重要|"
                                      r"无关紧要|不要紧|是次要的|次要|不是重点|不是关键)" + _PARTICLES)
_WHAT_COUNTS = re.compile(r"^(?:而|但|但是|可是)?(?:最)?(?:关键|重要的|重点|主要|要紧的)(?:是|在于|在|看|要看|得看|还是)")


# A bare 这么/那么 + 几 (no 就, 才, 只 before it) after a list counts the items named, it does not belittle them.
_SUMMED = re.compile(r"(?:这么|那么)几")
_LIST_MARK = "、"


def _enough(tail: str, cut: int, following: str) -> int:
    """"Already enough" or "only a handful" closing the clause: the end of the verdict (what it names inside is waved
    away too: 已经够有针对性了, 一个差评而已), or -1.  It needs nothing before it: its own words say what it judges."""
    m = _CLOSES_ENOUGH.search(tail)
    if m is None:
        return -1
    before = tail[:m.start()]
    if before.endswith(_UNDONE) or _DENIED.search(before) or TURNS.match(following):
        return -1
    if _SUMMED.match(tail, m.start()) and _LIST_MARK in before:
        return -1  # 有收益导向、生产导向、顾客导向这么几种: a list summed up by its count, not belittled
    return cut + m.end()


def _standing(tail: str, cut: int, at: int, following: str) -> int:
    """``cut + at`` when the verdict found at ``tail[at:]`` stands: something before it for it to judge, not undone
    or denied before it (避免浪费, 不能说…), and no clause after it turning on it; else -1."""
    before = tail[:at]
    if not before or before.endswith(_UNDONE) or _DENIED.search(before) or TURNS.match(following):
        return -1
    return cut + at


# A statistic (20%, 八成, 80/20): "it is common" after one affirms it (约20%的顾客带来了80%的利润，这很常见).
_STATISTIC = re.compile(r"[0-9]%|百分之|[0-9]+/[0-9]+|[一二两三四五六七八九]成")


# "Did no good" as a clause of its own after the act (发通知，说了也没用); not after 这样/那样, which name the conduct the
# case criticises (念了一遍，这样说了也没用).
_DID_NO_GOOD = re.compile(r"(?![这那])[\u4e00-\u9fff]{1,2}(?:了|过)(?:也|都)(?:是)?(?:没(?:什么|啥)?用|没有用)" + _PARTICLES)


def bare_verdict(span: str, covered: str) -> bool:
    """Is ``span`` a clause that is nothing but a verdict (用不着, 不用安排, 这很正常), waving away the clause before
    it (``covered``)?  "It does not matter" counts only after a clause that names a fault, "it is normal / common"
    not after a statistic."""
    if len(span) > 12:
        return False
    if _DID_NO_GOOD.match(span):
        return True
    if _TOPIC_HEAD.search(covered) and _REFUSED_WITH_WHOM.match(span):
        return True  # 客户资料保不保密这个问题，我看没必要跟他解释
    m = _BARE.match(span)
    if m is None:
        return False
    if _BARE_NORMALISED.match(span) and _STATISTIC.search(covered):
        return False
    if (_CLOSES_NO_MATTER.search(span) and not _CLOSES.search(span) and not _NO_NEED_RE.search(span)
            and not _CLOSES_ENOUGH.search(span)):
        return bool(_FAULT_MARK.search(_WHATEVER.sub("", covered)))
    return True


# A clause that names a topic (closing on 这个问题, 这件事, 这一步, 这方面 …), then a bare refusal of doing it with someone
# (我看没必要跟他解释, 不用跟客户确认): the topic is refused.  After an act (先道歉，没必要跟他争) the refusal is of
# something else, so the clause before must close on a topic head.
_TOPIC_HEAD = re.compile(r"(?:这个|这|那个|这些|这一|这种|这类)(?:问题|事|事情|件事|一步|步|一块|一点|点|方面|环节|东西)$|的(?:事|问题)$")
_REFUSED_WITH_WHOM = re.compile(_SUBJECT + _ADVERBS + r"(?:不用|不必|没必要|没有必要|用不着|无须|无需|不需要|犯不着|别|不要)(?:再|去|专门)?"
                                r"(?:跟|向|给|和|对)(?:他|她|他们|她们|客户|顾客|客人|对方|人家|业主|居民|用户)"
                                r"[\u4e00-\u9fff]{1,2}" + _PARTICLES)


# On a part that asks for faults (存在哪些问题, 有哪些不妥, 错误之处), a clause closing in praise says the practice the
# case criticises is fine: 评分表两项简单明了也挺好, 每人抽两通录音就够了.  (Elsewhere praise affirms an act: 回访挺好的.)
_PRAISE = (r"(?:挺|很|蛮|非常|相当|还算|也挺|也很|都挺|都很|倒挺|其实挺)(?:好|合理|到位|规范|合适|恰当|正确|明智|简单明了|清楚|"
           r"随和|亲切|自然|大方|得体|专业|热情|周到|方便|省事|高效|实用|有亲和力|接地气)"
           r"|(?:是|算是|显得|图个)(?:更|很|挺|比较)?(?:[^不没，。、]{1,2}、?)?(?:随和|亲切|亲民|接地气|有亲和力|方便|省事|放松|自然)"
           r"|不错|没(?:什么|啥|有)?毛病|没有(?:什么)?毛病|无可挑剔|挑不出(?:什么|啥)?(?:毛病|问题|错)|(?:已经|就|也)?(?:够了|足够了|够用了)"
           # the fault found better or harmless: 一边开票一边接待，反而更省事 / 效率更高 / 没什么坏处
           r"|(?:反而|倒|倒是|其实)?(?:效率|速度)(?:更|还|反而|倒)?高|(?:反而|倒|倒是|其实)?更(?:高效|快|省事|省时间?|方便|灵活|有效率)"
           r"|反而(?:更)?(?:好|快|高效|省事)|没(?:什么|啥|有)?(?:坏处|害处)|有益无害"
           r"|没(?:什么|啥|有)?(?:不妥|不对|不礼貌|不好|不合适|不规范|错)(?:的)?(?:地方)?"
           # the fault justified by what it makes easy: 穿运动鞋方便在大厅走动, 便于走动, 走动起来方便 (round 13)
           r"|(?<![不很挺更也])(?:方便|便于)(?:在[^，。、不没]{1,6}?)?(?:走动|走路|行动|活动|干活|做事|办事|操作|工作|联系|招呼|"
           r"接待|照应|处理)"
           r"|(?:走动|走路|行动|活动|干活|做事|办事|操作|工作)(?:起来)?(?:也|更|很|挺|比较)?方便")
_CLOSES_PRAISE = compile_guarded(f"(?:{_PRAISE})" + _PARTICLES)
FAULTS_ASKED = re.compile(r"(?<!询问)(?<!问)哪些(?:不足|问题|不妥|毛病|错误|失误|不符合)|错误之处|问题出在")


# The same, in a clause of its own after the fact, in the same sentence: praise (小刘一边开发票一边接待，挺高效的), the
# fault named a virtue (这叫效率高) or "no problem", and a question that refuses the fault (有什么不对？, 怎么能算一心二用？).
# 难道 is left out (难道这就是一心二用吗 refuses the fault, 难道这样做对吗 the conduct), and 哪里是 (哪里是问题的根源？ asks).
_VIRTUE = (r"(?:就|才|也)?(?:叫|叫做|算|算是|说明(?:她|他|小刘|小陈|小赵|店员|员工|前台|坐席员?|经理)?|体现了?(?:她|他)?的?)(?:效率高|高效|讲效率|有效率|负责|尽责|认真|灵活|敬业|能干|麻利|周到|专业|会办事|"
           r"省事|方便|随机应变)")
# The conduct held up as an example, or as serving two ends: 值得其他店员学习, 两头都不耽误.
_EXEMPLARY = r"值得[^，。不没]{0,6}?(?:学习|推广|表扬|提倡|肯定|效仿|借鉴)|两头都不耽误|两不误|一举两得"
_BARE_PRAISE = re.compile(_SUBJECT + _ADVERBS + f"(?:{_PRAISE}|{_VIRTUE}|{_EXEMPLARY}|没(?:什么|啥|有)?大?问题)" + _PARTICLES)
_REFUSES_FAULT = re.compile(_SUBJECT + _ADVERBS + r"(?:(?:又|能)?有(?:什么|啥)(?:不对|错|问题|不妥|不好|不行|可指责)[吗呢]?"
                            r"|(?:怎么|哪|哪里|哪儿)(?:能|能够|可以|会)?(?:算|叫|说是|说成)[^，。]{0,8})" + _PARTICLES)


def bare_praise(span: str, question: bool = False) -> bool:
    """Is ``span`` a clause that is nothing but praise of the clause before it, or, when it ends with a question mark
    (``question``), a question refusing that clause's fault?"""
    if len(span) > 12:
        return False
    return (_REFUSES_FAULT if question else _BARE_PRAISE).match(span) is not None


def closing_praise(span: str, following: str = "") -> int:
    """Where praise closing ``span`` starts (-1: none), when the clause names something before it and no clause
    turning on it follows (挺好的，但是…)."""
    cut = max(len(span) - _VERDICT_TAIL, 0)
    tail = span[cut:]
    m = _CLOSES_PRAISE.search(tail) or _CLOSES_NO_MATTER.search(tail)  # 名片单手递也无所谓: the part names the fault
    if m is None:
        return _enough(tail, cut, following)
    return _standing(tail, cut, m.start(), following)


# Praise of what the clause names, read against what a point's own text forbids (on parts that ask for acts): the praise
# above (效率更高, 没坏处, 也没关系 …), 更好, and a look of skill (反而显得专业, 显得有水平).
_RECOMMENDS = (r"(?:反而|倒|倒是|其实|会)?更好|(?:反而|倒|倒是|其实|更)?显得(?:更|很|比较)?(?:专业|有水平|正规|高级|有档次|"
               r"亲切|随和|灵活)")
_CLOSES_RECOMMENDS = compile_guarded(f"(?:{_RECOMMENDS})" + _PARTICLES)


# A clause of its own after the fault that praises it as saving time or effort: (抢先回答，)这样能节省通话时间, 提高效率,
# 省时省力.  Read after a mention of what a point's own text forbids.
_BARE_GAIN = re.compile(r"^(?:这样|这么做|这样做|这样子|这样一来)?(?:反而|其实|也|还|既|就)?(?:能|可以|就能|才能|还能|会|能够)?"
                        r"(?:(?:节省|节约|省|缩短|减少)了?[^，。不没]{0,6}?(?:时间|时长|工夫|功夫|精力)|(?:提高|提升|加快)了?"
                        r"[^，。不没]{0,4}?(?:效率|速度)|效率(?:更|最|很)?高|省时省力|省时省事|又快又好|更快"
                        # or as a show of skill: (抢先回答，)显得反应快、业务熟
                        r"|显得(?:很|更|比较)?(?:反应快|专业|干练|熟练|业务熟练?|有水平|有效率|利索|麻利)(?:、[^，。不没]{1,6})*)"
                        + _PARTICLES)


def bare_gain(clause: str) -> bool:
    """Is ``clause`` nothing but praise of saving time or effort (这样能节省通话时间, 提高效率)?"""
    return len(clause) <= 16 and _BARE_GAIN.match(clause) is not None


def closing_recommends(span: str, following: str = "") -> int:
    """Where praise of what ``span`` names, closing it, starts (-1: none)."""
    at = closing_praise(span, following)
    if at >= 0:
        return at
    cut = max(len(span) - _VERDICT_TAIL, 0)
    tail = span[cut:]
    m = _CLOSES_RECOMMENDS.search(tail)
    return -1 if m is None else _standing(tail, cut, m.start(), following)


# On a part that asks for acts, methods or ideas (not for a critique of the case: CRITIQUE_ASKED), a clause closing in
# condemnation or futility refuses what it names: 选择题和打分这些方式都不可取, 环境设施这些都是表面功夫, (排序、关键事件这些
# 方法太复杂，)营业厅用不上.  Where the part asks what is wrong, the same words criticise the case (质检只是走过场).
_CONDEMNED = (r"不可取|要不得|不足取|(?:都是|是|只是|纯属|就是)?(?:走(?:个)?形式|走过场|流于形式|形式主义|表面功夫|表面文章|花架子|"
              r"面子工程|做样子|摆设)|(?:根本|完全)?(?:不(?:太|大)?现实|不切实际|行不通|用不上|派不上用场|不适用|不实用)"
              # too dear: 多渠道发成本太高, 代价太大 (round 13)
              r"|(?:成本|代价|开销|花费|费用|投入)(?:也|实在|未免)?(?:太|过)(?:高|大)(?:了)?"
              r"|(?<!有)没(?:有)?(?:什么|啥)?(?:参考)?价值"
              # hollow or idle: 跟客户交朋友太虚了, 上班喝咖啡就是偷懒
              r"|(?<![不能])(?:太|过于)虚(?:了)?|(?:就是|纯属|是在|等于)偷懒"
              # a burden, an affectation or a thing of the past: 做笔记太耽误事, 五指并拢太做作了, 日记簿早就过时了, 多此一举
              r"|(?<![不没别])(?<!不算)(?<!不要)(?<!不能)(?<!不可)(?<!不宜)(?<!避免)(?:也|实在|未免|简直)?(?:太|过于)(?:耽误事|耽误工夫|耽误时间|浪费时间|费时间|费时|费事|费劲|"
              r"麻烦|花钱|费钱|费人力|费精力|做作|生硬|拘谨|零碎|死板|主观|复杂|繁琐|烦琐|耗时间|耗时|占时间|费工夫)"
              r"|(?:纯属|完全是|就是|是|简直是)?(?:多此一举|画蛇添足)|(?<![不没超])(?:早就|早已|已经)?过时(?:了)?"
              # someone else's job: 记录相关信息是后台的事, 那是其他部门的事, 这是技术部的事, 是厂家和质检部门的事 (a party
              # named by a staff or organisation noun; not the trainee's own side: 是我们客服的事, 是每个员工的事, 各部门共同的事)
              r"|(?<!不)(?<!不只)(?<!并不)是(?![^，。的]{0,10}?(?:客服|坐席|我们|咱们|自己|大家|每个|每一个|全员|全体|所有|各|共同|一起))"
              r"(?:[\u4e00-\u9fffa-z]{0,8}?(?:后台|别人|其他人|其它人|别的人|领导|上级|上面|主管|经理|店长|保安|师傅|厂家|厂商|供应商|"
              r"部门|部|公司|站|科|中心|营业厅|物业|质检员?|后勤|二线|组长|班长|"
              # a function named for its department: 新产品开发是销售和研发的事, 提高服务质量是基层员工的事
              r"销售|研发|财务|人事|技术|市场|售后|生产|采购|物流|行政|基层(?:员工)?|下面(?:的人)?)"
              r"(?:考虑|操心|去管|管|关心|负责|去想|想)?)的事(?:情|儿)?"
              # only others need it: 商誉是大企业才讲的, 服务承诺是大商场才需要的 (round 12)
              r"|(?<!不)是[\u4e00-\u9fff]{1,8}?才(?:讲|讲究|需要|用得着|要|搞|做|考虑|在乎)的?"
              # mere talk: 把投诉看成礼物，那是书上的漂亮话; 大道理; 场面话 (round 12)
              r"|(?:是|都是|只是|不过是|无非是|全是)?(?:书上|书本上|课本上|教材上|理论上|纸面上|嘴上)?(?:的|说的)?(?:漂亮话|场面话|大道理|官话|高调)"
              # unreliable or a waste of money: 靠它预测销售前景根本不靠谱, 员工培训更是花冤枉钱 (round 12)
              r"|(?:根本|完全|也|都|更)?不靠谱|(?:是|更是|纯属|就是)?(?:花|白花)?冤枉钱"
              r"|(?:那|这|这些)?(?:都)?(?:是)?(?:纸上谈兵|形同虚设|空谈)"
              r"|(?:只是|只不过是|不过是|都是|就是|纯属|无非是)(?:一种|个)?(?:心理安慰|自我安慰|客套|客套话|做做样子|装装样子|嘴上说说|"
              r"说说而已|喊喊口号|喊口号|一句口号|口号)"
              r"|(?<![没不])(?:是|根本|完全|也)(?:做不到|办不到)(?:的)?"
              # done for nothing, with a potential negative: 新人培训了也记不住, 跟他说了也听不进去
              r"|(?:了|过)(?:也|都)(?:根本|还是)?[\u4e00-\u9fff]{1,2}不(?:住|会|进去|进|了|上|动)"
              # a mere form, cost or theory: 职位说明书、招聘计划都是形式, 这些都是成本, 都是书本上的说法, 所谓商誉是虚的
              r"|(?:都|也|只|就|全|无非|不过|只不过)(?:是|算)(?:一种|个|些)?(?:形式|摆设|噱头|负担|书本上的说法)"
              r"|(?:都|全)是(?:成本|开销|花钱的事)|(?:书本上|教科书上|课本上|纸面上)的(?:说法|东西|概念|理论)"
              # of no use or effect: 精神奖励没有实际作用, 对经营帮助不大, 参考价值不大, 拿来预测并不可靠
              r"|(?<!不是)(?:没有?|没什么|没啥|起不到(?:什么)?)(?:实际|多大|什么|啥|太大|实质性?)?的?(?:作用|效果|帮助|效用)"
              r"|(?:作用|帮助|意义|用处|效果|价值|参考价值|意思)(?:也|都)?(?:不大|有限|不明显|难说|甚微|很小|不太大)"
              r"|(?<![不没])(?:并|也|都|根本|完全)?不(?:可靠|靠谱|管用|可信)"
              # unimportant to the customer, or beside the job: 有形因素顾客不太在意, 团队协作跟客服工作无关, 表情都无所谓
              r"|(?:不太|不怎么|并不|根本不|都不|也不|不大)(?:在意|在乎|关心|看重)"
              r"|(?:跟|和|与|同)[^，。]{1,10}(?:无关|没有?(?:什么|啥|多大)?关系|不相干|关系不大)|(?:都|也)无所谓"
              # the staff's own business, or a chore to satisfy inspectors: 工作条件是顾问自己的事, 计划用来应付检查
              r"|(?<!不)(?<!不只)(?<!并不)(?<!不光)是[\u4e00-\u9fff]{0,6}?自己的事(?:情|儿)?"
              r"|(?:用来|为了|只为|就是为了|只是为了|主要是|只是|无非是)应付(?:检查|上级|领导|考核|上面|差事)"
              # not to be used or relied on: 不宜采用, 不能作为考核依据
              r"|不宜(?:采用|使用|采纳|推广|用)|不(?:能|可|应)(?:作为|当作|当成)[^，。]{0,6}?(?:依据|标准|参考)"
              # inborn, not taught: 服务意识是天生的, 培训不出来
              r"|(?:是)?(?:天生的|与生俱来的)|(?:学|教|培训|练)不(?:来|出来|会)(?:的)?"
              # not counted as what the prompt asks for: 口音、习惯用语都不算障碍, 线上课程也不算竞争者 (not 不算太复杂: mild)
              r"|(?:都|也|根本|并|就)不算(?:是|作|做)?(?!太|很|难|多|贵|复杂|久|晚|慢|大|什么|啥)[\u4e00-\u9fff]{1,5}")
CRITIQUE_ASKED = re.compile(r"(?<!询问)(?<!问)(?:哪些|什么|主要|存在的?)(?:问题|不足|不妥|毛病|错误|失误|缺点|缺陷|弊端|漏洞)"
                            r"|问题(?:在于|出在|在哪)|错误之处|差距|诊断|点评|评析|怎么看|看法|不符合|违反|教训|缺点|原因|对吗|对不对"
                            r"|是否(?:正确|妥当|合理|恰当)")
_CLOSES_CONDEMNED = compile_guarded(f"(?:{_CONDEMNED})" + _PARTICLES)
# A clause of its own, with a short subject at most, refuses the clause before: 营业厅用不上, 根本不现实, 这几种方式都不适用,
# 以上这些都行不通.  After a list (a clause before it that holds 、) only when it is about the list: no subject, a word
# summing up what was listed, or the place or party where it does not hold (营业厅, 在我们这里).  A subject naming some
# other thing is what the verdict is about: in 先道歉、再倾听、然后补偿，标准话术不适用 the steps stand.
_SUMMING_SUBJECT = (r"(?:(?:以上|上述|前面(?:说的)?)?(?:这|那)?(?:几|些|一些|两|三|四)?(?:种|个|条|项|样|类|点)?"
                    r"(?:做法|方法|方式|办法|措施|招|招数|步骤|手段|东西|建议)?)")
_VERDICT_PLACE = (r"(?:在|对|对于)?(?:[\u4e00-\u9fff]{0,2}?(?:营业厅|门店|店里|本店|我们|咱们|公司|企业|单位|酒店|饭店|商场|超市|"
                  r"银行|中心|部门|现实中|实际中|工作中|平时|一线|新人|员工|坐席|客服))?(?:这里|这儿|这边|那里|身上|来说|来讲)?")
_ABOUT_THE_LIST = re.compile(r"^" + _SUMMING_SUBJECT + r"?" + _VERDICT_PLACE + _ADVERBS + f"(?:{_CONDEMNED})" + _PARTICLES)
_BARE_CONDEMNED = re.compile(r"^(?:(?![不没这那])[\u4e00-\u9fff]){0,4}?" + _ADVERBS + f"(?:{_CONDEMNED})" + _PARTICLES)


def closing_condemned(span: str, following: str = "") -> int:
    """Where condemnation or futility closing ``span`` starts (-1: none); read only on parts that ask for acts."""
    cut = max(len(span) - _VERDICT_TAIL, 0)
    tail = span[cut:]
    m = _CLOSES_CONDEMNED.search(tail)
    return -1 if m is None else _standing(tail, cut, m.start(), following)


_CONCEDING = ("虽然", "虽说", "尽管", "即使", "即便", "哪怕", "就算", "固然")


def bare_condemned(span: str, covered: str = "") -> bool:
    """Is ``span`` a clause that is nothing but condemnation or futility (营业厅用不上, 跟他说了也没用), says that staff
    need not bother (客服不用管, 值班经理不用操心), or that it is better not used here (问卷里最好别用), refusing the clause
    before?"""
    if len(span) > 12 or span.startswith(_CONCEDING):
        return False  # 要多渠道通知，虽然成本太高: a concession, the act stands
    if _ABOUT_THE_LIST.match(span) is not None:
        return True
    return ((_BARE_CONDEMNED.match(span) is not None and "、" not in covered) or _SUBJECTED.match(span) is not None
            or _IN_VAIN_TO.match(span) is not None or _NOT_OUR_JOB.match(span) is not None
            or _NOT_HERE.match(span) is not None)


# Better not used here, as a clause of its own: (让人只能在几个选项里挑，)问卷里最好别用.  No subject but a place (专业术语最好别用
# names what not to use).
_NOT_HERE = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}(?:里|中|上))?(?:最好|千万|还是|就|也|干脆)?(?:别用|不要用|别搞|不要搞)(?:了|吧|啦)*$")


# Staff told they need not bother, as a clause of its own after a step: …是技术部的事，客服不用管; …交给质检部门去做就行，营业厅
# 不用管.  Staff nouns only (客户骂人不用管 is advice about the customer, not a step handed off).
_NOT_OUR_JOB = re.compile(r"^(?:我们|咱们|我|这边)?(?:的)?(?:客服(?:中心|部|人员|代表)?|坐席(?:员|代表)?|营业厅|门店|店里|员工|店员|服务员|"
                          r"前台|值班经理|经理|质检员?|接线员|话务员|一线|我们|咱们|我)(?:员工|人员)?" + _ADVERBS +
                          r"(?:不用|不必|无须|无需|用不着|不需要|犯不着)(?:去|再)?(?:管|操心|插手|过问|费心)" + _PARTICLES)
_SUBJECTED = re.compile(_SUBJECT + _ADVERBS + f"(?:{_CONDEMNED})" + _PARTICLES)
# Telling someone said to be in vain (跟王经理讲了也是白讲, 跟他说了也没用).  Only where the part asks for acts (where it asks
# what is wrong, the words criticise the conduct), and only with whom it is told to: 这样说了也没用 judges what was said.
_IN_VAIN_TO = re.compile(r"^(?:跟|和|对|向|给)[\u4e00-\u9fff]{1,4}?[\u4e00-\u9fff]{1,4}?(?:了|过)"
                         f"(?:{_FUTILE}|(?:也|都)没(?:什么|啥|有)?用(?:处)?)" + _PARTICLES)


# A question refused outright by the next sentence: 高峰时段人手不足？我看不存在.  需要道歉吗？当然要 asks for it, and
# 投诉是坏事吗？不是，是机会 (a bare 不是) is an answer, not a refusal.
_REFUSED = re.compile(_SUBJECT + _ADVERBS + r"(?:不存在|没有的事|没这回事|哪有的事|不可能|谈不上|算了吧|用不着|没必要|没有必要|"
                      r"不需要|不用|不必|免了|(?:不用|不必|没必要|用不着)(?:这么|那么)(?:麻烦|费事|费劲|复杂|讲究|折腾)|那是[^，。]{0,8}自己的事|那是[^，。]{0,8}才(?:讲究|需要|做|搞|有)的?)" + _PARTICLES)
# Sarcasm in the trainee's text: 真是“贴心”, 真够“周到”的, 好一个“人性化” (a quoted word of praise).
SARCASM = re.compile(r"(?:真是|真够|可真是|真可谓|好一个|多么)[“\"‘「『']")


# A rhetorical question that refuses: 难道还要道歉吗？ (难道 not followed by a negator: 难道不应该道歉吗 demands it),
# X有什么不对？, 怎么能算X？.  Read on the sentence up to its question mark, over a bounded window.
_DEMANDING = re.compile(r"^(?:我们|你|咱们|还|就|也|真的|真)*(?:不|没)")
_REFUSING_Q = re.compile(r"(?:(?<!还)有什么|(?<!还)有啥|哪里|哪儿|又有什么)(?:不对|错|问题|不妥|不好|不行|不可以)[吗呢]?$|"
                         r"(?:怎么|哪|哪里|哪儿)(?:能|能够|可以|会)?算")
QUESTION_WINDOW = 60


def rhetorical_refusal(before: str, clause: str, tail: str) -> bool:
    """In a sentence ending with a question mark, does the clause ``clause`` sit in a rhetorical question that
    refuses what it names?  ``before``: the sentence before the clause; ``tail``: the rest of the sentence after
    it (up to the question mark)."""
    question = before + clause + tail
    at = question.find("难道")
    if 0 <= at < len(before) + len(clause):
        return not _DEMANDING.match(question[at + 2:])
    return not tail and _REFUSING_Q.search(clause) is not None


# The last clause of a question that is nothing but a refusal of what the question names (round 12): 有什么好问的,
# 又有什么不可以, 有什么大不了的, 何必呢, 有什么用, 有必要吗, 又怎么了, 能说明什么, 谁会当真.  A class of rhetorical
# formulas whose answer is "none": asked of the act or fault the question names, they refuse it.  Not 有什么问题 (请问还有
# 什么问题吗 asks) nor a bare 为什么 (asks for the reason).
_REFUSING_CLOSE = re.compile(
    r"(?:(?:有|有个)(?:什么|啥)好[\u4e00-\u9fff]{1,3}的"
    r"|(?:又|还)?有(?:什么|啥)(?:不可以|不行|不对|不妥|错|大不了|要紧|可指责|可怕|好怕)(?:的)?"
    r"|(?:又|还|能)?有(?:什么|啥|何)(?:用|意义|必要|价值|好处)(?:呢)?|有(?:必要|用|意义)(?:吗|么)"
    r"|何必(?:呢)?|何苦(?:呢)?|何须[\u4e00-\u9fff]{0,6}|(?:又|能)(?:怎么了|怎样|怎么样|如何)|(?:又|还)?能说明(?:什么|啥)"
    r"|谁(?:会|还|又)?(?:当真|在乎|在意|信|相信|理会)"
    r"|至于(?:吗|么|这样吗|这么麻烦吗)"
    r")[吗呢啊呀嘛]*$")
# The question quoted after a verb of saying (店员说：有什么好问的？): someone's words, not the trainee's refusal.
SAID_BEFORE_QUOTE = re.compile(r"(?:说|问|讲|道|答|回答|喊|嘟囔|抱怨)(?:了|着)?(?:一句|句)?，")


ANSWERED = re.compile(r"^(?:答案是肯定的|当然|肯定|必须|绝对|很有|非常有|有必要|有用|有意义|是的|需要|要)")


# An act said to backfire (round 12): 反而/反倒 after it, then a harm (奖惩搞了反而人心浮动, 双手递反而拘谨, 同理心太强反而
# 不适合做客服, 主动介绍套餐反而显得在推销).  The counter-expectation marker says the act defeats its own purpose when what
# follows is bad: a harm word or a negator, but not both (反而不紧张, 反而不会出错 are gains) and not a gain (反而能减少麻烦,
# 反而更有效).  Between the act and 反而: no negator (不道歉反而… is the act's absence) and no turn.
_CONTRARY = re.compile(r"反而|反倒")
_BEFORE_CONTRARY = re.compile(r"[不没别未]|但|可是|不过|然而|如果|要是|否则|不然")
_BACKFIRE_HARM = re.compile(r"烦|反感|麻烦|被动|浮动|乱|累|慢|拖|耽误|浪费|推诿|推脱|负担|成本|心虚|理亏|得寸进尺|生气|不满|紧张|拘谨|"
                            r"做作|啰嗦|束缚|限制|意见|糟|坏|误事|添乱|吃亏|纠缠|没完没了|推销|怀疑|尴尬|分心|出错|差|低|难|虚伪|假|"
                            r"别扭|生分|疏远|冷淡|矛盾|激化|升级|闹大|失控|流失|亏|漏|忘|走神|遗漏")
_PREVENTED = re.compile(r"不会|不再|不至于|不容易|不易")
_WELCOMED = re.compile(r"满意|信任|理解|放心|相信|配合|领情|买账|接受|喜欢|感激|高兴|认可|有效|成功|解决")
_BACKFIRE_NEG = re.compile(r"[不没]|未必|无法|难以")
_NEGATED_GAIN = re.compile(r"[不没](?:能|可以|会更|更)")
_BACKFIRE_GAIN = re.compile(r"能|可以|更(?:好|快|高|省|有效|高效|专业|满意|放心|信任|顺|稳|安心|容易)|有助|有利|节省|节约|提高|提升|"
                            r"避免|防止|减少|减轻|降低|缓和|化解|赢得|消除")


CONTRARY_REACH = 40  # characters read after the mention or 反而


def contrary_at(text: str, opening: bool = False) -> int:
    """Where 反而/反倒 stands in ``text`` (the rest of the act's clause; with ``opening``, the next clause, where a
    short subject may precede it), with no negator or turn before it; -1 when none."""
    m = _CONTRARY.search(text, 0, 5 if opening else _VERDICT_TAIL)
    if m is None or _BEFORE_CONTRARY.search(text, 0, m.start()):
        return -1
    if opening and not re.match(r"^(?:(?:这样|这么)(?:做|一来)?|客户|顾客|客人|用户|对方|员工|他们|她们|大家|人家|他|她)?(?:就|也|都|还)?$",
                                text[:m.start()]):
        return -1
    return m.end()


def backfire(after: str) -> bool:
    """Is ``after`` (what follows 反而, to the clause end) a harm: a harm word or a negator but not both, and no
    gain not negated?"""
    after = after[:12]
    prevented = _PREVENTED.search(after)
    if prevented:  # 反而不会漏, 反而不再生气: the act prevents a harm; 反而不会让客户满意 withholds a good
        return _WELCOMED.search(after, prevented.end()) is not None
    gain = _BACKFIRE_GAIN.search(_NEGATED_GAIN.sub("", after)) is not None
    harm = _BACKFIRE_HARM.search(after) is not None
    negator = _BACKFIRE_NEG.search(after) is not None
    if gain:
        return negator and not harm and _NEGATED_GAIN.search(after) is not None
    return harm != negator


def refusing_close(clause: str) -> bool:
    """Is ``clause`` (the last clause of a question) nothing but a rhetorical refusal (有什么好问的, 又有什么不可以)?"""
    return len(clause) <= 24 and _REFUSING_CLOSE.search(clause) is not None


def refuses_question(sentence: str) -> bool:
    """Is ``sentence`` (the one after a question) a rhetorical question that refuses it (难道商场有错吗？)?"""
    return sentence.startswith("难道") and not _DEMANDING.match(sentence[2:])


# A claim reported (有人说, 都说, 书上说 …) and refuted in one of the next two clauses of the sentence (其实根本没必要,
# 信的人没几个, 我看未必, 说得好听): what the report names is not the trainee's claim.
_REPORTED = re.compile(r"^(?:也|还|常)?(?:有人|很多人|不少人|有些人|人们|大家|别人|书上|教材上?|课本上?|老师|网上|专家|领导|同事)"
                       r"(?:常|都|也|总|一直|常常)?(?:说|认为|觉得|讲|主张|建议|提倡)|^(?:都说|据说|听说|常言道|人们常说)"
                       # with no subject, 说 before whom the claim is about (说他们能帮企业宣传; not 说明, 说服)
                       r"|^(?:要)?说(?=他|她|它|这|那|客户|顾客|忠诚|老客户)")
_REFUTES = re.compile(r"^(?:但|可|可是|不过|然而)?(?:其实|实际上|事实上|说实话|我看|我觉得|在我看来)?(?:根本|完全|压根|并)?"
                      r"(?:没必要|没有必要|用不着|不见得|未必|不对|不然|不是这样|没用|是错的|错了|是瞎说|是胡说|站不住脚|没道理|"
                      r"行不通|不可信|靠不住|信的人没几个|信的人不多|没人信|谁信|说得好听|不同意|不这么看|不敢苟同)")
REPORT_REACH = 2  # clauses


def reported(clause: str) -> bool:
    return _REPORTED.match(clause) is not None


def refutes(clause: str) -> bool:
    return len(clause) <= 16 and _REFUTES.match(clause) is not None


# A condition that never holds: 除非 … 才需要 (送水车除非停水超过三天才需要安排) refuses the step but in an extreme case.
# 才 must be followed by a word of need (临时才通知 is a fault named, not a refusal).
_ONLY_THEN = re.compile(r"才(?:需要|要|得|用得着|有必要|值得|考虑|必须|应该|该|会去|去管|给)")


def only_then(clause: str) -> int:
    """Where 才 + a word of need stands in ``clause`` (-1: nowhere)."""
    m = _ONLY_THEN.search(clause)
    return m.start() if m else -1


# A step handed to someone else: 让她自己去找经销商, 回复方式让客户自己看着办, 让厂家自己派人去对付.  Not when negated
# (不能再让她自己去找, 别让老人自己去提水), when staff are its subject (前台让周女士自己去找住处: the conduct described),
# or when the clause or the next one criticises it (…，这是推卸责任).
_HANDED = re.compile(r"让[\u4e00-\u9fff]{1,5}?自己(?:去)?(?:找|联系|解决|看着办|打|想办法|对付|派|交涉|谈|商量|处理|办|负责|查|问|跑|跟)")
_HANDED_LEAD = re.compile(r"^(?:就|那就|直接|干脆|只要|只管)?让")
_NOT_HANDED = re.compile(r"[不没别勿莫甭]|前台|接线员|坐席|客服|店员|经理|员工|服务员|营业员|话务员|小刘|小陈|小赵|[\u4e00-\u9fff]部")
_STAFF_BEFORE = re.compile(r"前台|接线员|坐席|客服|店员|经理|员工|服务员|营业员|话务员|小刘|小陈|小赵")
_CRITICISED = re.compile(r"推卸|推诿|推给|推到|推脱|踢皮球|不对|错误|错了|不妥|不负责|不应该|不该|失职")


def handed_away(clause: str, following: str = "", before: str = "") -> bool:
    """Does ``clause`` hand the step to someone else (让 … 自己去找 …), not negated, not said of the staff (in it
    before 让, or in the clause ``before`` it when 让 opens it), not criticised?"""
    m = _HANDED.search(clause)
    if m is None:
        return False
    lead = clause[max(m.start() - 4, 0):m.start()]
    if _NOT_HANDED.search(lead) or (m.start() <= 4 and _STAFF_BEFORE.search(before)):
        return False  # 别让老人自己去提水; 前台却没有帮她安排住处，让她自己去找酒店
    return not _CRITICISED.search(clause) and not _CRITICISED.search(following)


def hands_away_before(clause: str, following: str = "", before: str = "") -> bool:
    """Is ``clause`` one that opens with the hand-over (让厂家自己派人去对付), waving away the clause before it?"""
    return _HANDED_LEAD.match(clause) is not None and handed_away(clause, following, before)


def refused(clause: str) -> bool:
    """Is ``clause`` (the first of the sentence after a question) nothing but a refusal?"""
    return len(clause) <= 12 and _REFUSED.match(clause) is not None


# The act, then a clause or sentence that points back to it (这样做, 这么做, 这样一来 …) and warns against it or refuses
# it: 先道歉。这样做只会让顾客得寸进尺 / 给她联系附近的酒店。这样做…，所以不能这么做 / 事后回访。千万别这样做.  Read by the
# matcher on parts that ask for acts (where the part asks what is wrong, the words criticise the conduct described).
_BACK = r"(?:这样做|这么做|这样子做|这样一来|这么一来|这样的话|那样做|这么干|这样干|这么办|这样办)"
_WARNS_BACK = re.compile(
    r"^(?:但是?|可是|不过|然而|而且|可)?(?:" + _BACK + r"|这样|这么)(?:的话)?(?:其实|反而|反倒|也|就|都)?"
    r"(?:只会|只能|无异于|适得其反|得不偿失|帮倒忙|添乱|是自找麻烦|等于(?:是)?(?:承认|认错|认了|示弱|默认|自找麻烦|纵容)"
    r"|(?:反而|反倒)(?:会|还会|更|只会)?(?:让|使|令)?[^，。不没]{0,6}?(?:烦|生气|不满|反感|麻烦|被动|得寸进尺|激怒|糟|坏事|误事|"
    r"吃亏|心虚|理亏|耽误|浪费|打扰|纠缠)"
    r"|(?:会|就会|还会)(?:让|使|令)[^，。不没]{0,6}?(?:得寸进尺|蹬鼻子上脸|心虚|理亏|更生气|更烦|反感|没完没了))")
_REFUSES_BACK = re.compile(
    r"^(?:所以|因此|因而|那就|还是|但是?|可是|不过)?(?:我们|我|大家)?(?:千万|绝对|最好|可|也|就)?"
    r"(?:不能|不要|别|不该|不应该|不应|不可以|不宜|不可|没必要|不必|不用|用不着)(?:再)?(?:这么|这样|那样|那么)"
    r"(?:做|干|办|处理|搞)?(?:了|啊|吧|呀)?$")
_OPENS_BACK = re.compile(r"^(?:但是?|可是|不过|而且|可)?" + _BACK)


def warns_back(clause: str) -> bool:
    """Does ``clause`` point back to the act before it and warn against it (这样做只会让顾客得寸进尺) or refuse it
    (所以不能这么做, 千万别这样做)?"""
    return _WARNS_BACK.match(clause) is not None or (len(clause) <= 12 and _REFUSES_BACK.match(clause) is not None)


def opens_back(clause: str) -> bool:
    """Does ``clause`` open by pointing back to what came before (这样做等于…)?"""
    return _OPENS_BACK.match(clause) is not None


# A step conceded, then rejected by a bare turn: 虽然给补偿能让她消气，但没必要 / 各部门相互合作说起来好听，但没必要 /
# 书上说要先表示歉意，但实际工作中没必要.  Only a bare verdict after the turn (但光道歉没用 names its own object; 但没必要
# 每天打 limits the step; 但不能说没必要 defends it).
# The refusal may name when it fails (可实际上班时根本顾不上, 但真忙起来就顾不过来).
# One list of refusal words feeds both readings: all of them after a bare turn (但没必要), the first ones also as a
# clause of their own after a turn that gives a reason (可施工计划经常变，实际做不到).
_REFUSALS = ("做不到", "办不到", "不现实", "不切实际", "行不通", "没必要", "用不着", "顾不上", "来不及")
_TURNED_REFUSALS = ("没有必要", "犯不着", "大可不必", "没用", "没什么用", "没啥用", "不必", "不需要", "没那个必要", "多此一举",
                    "多余", "顾不过来", "用不上", "派不上用场")
_REFUSAL_BODY = (r"(?:在)?(?:实际工作中|实际操作中|实际中|实际上|实际|现实中|事实上|其实|说实话|我看|我觉得|在我看来)?"
                 r"(?:[\u4e00-\u9fff]{1,5}?(?:时|时候|起来))?(?:根本|完全|真的|实在|也|就|都|往往|经常)*"
                 r"(?:" + "|".join(_REFUSALS + _TURNED_REFUSALS) + r")(?:了|的|吧|啊)*$")
_TURNED_REFUSAL = re.compile(r"^(?:但|但是|可是|不过|然而|可)" + _REFUSAL_BODY)
_TURN_ONLY = re.compile(r"^(?:但|但是|可是|不过|然而|可)")
# After a turn that gives a reason (…当然好，可施工计划经常变，实际做不到): the refusal in the clause after it, with no
# circumstance (…，但有时候做不到 only limits the step).
_BARE_REFUSAL = re.compile(r"^(?:实际上?|现实中|事实上|其实)(?:根本|完全|也|就|都|往往)*(?:" + "|".join(_REFUSALS) +
                           r")(?:了|的|吧|啊)*$")


def turned_refusal(clause: str) -> bool:
    """Is ``clause`` a bare turn that rejects what the clause before it conceded (但没必要, 可是根本不现实)?"""
    return len(clause) <= 16 and _TURNED_REFUSAL.match(clause) is not None


def refused_after_reason(turn: str, clause: str) -> bool:
    """Is ``clause`` a bare refusal after a clause ``turn`` that opens with a turn and gives a reason (可施工计划经常变，
    实际做不到)?"""
    return len(clause) <= 10 and _TURN_ONLY.match(turn) is not None and (
        _BARE_REFUSAL.match(clause) is not None or _DONE_IN_VAIN.match(clause) is not None)


# Done in vain, as the clause after the reason (…这些当然都重要，但卖场员工流动大，培训了也白培训): the step conceded is
# refused.  The act repeated (X了也白X) or a bare "did no good" (说了也没用).
_DONE_IN_VAIN = re.compile(r"^(?![这那])[\u4e00-\u9fff]{1,4}?(?:了|过)(?:" + _FUTILE + r"|(?:也|都)(?:是)?(?:没(?:什么|啥)?用|没有用))"
                           + _PARTICLES)


# A topic fronted (至于, 关于, 对于, 说到, 谈到 opening the sentence) whose sentence closes in a bare refusal of dealing with
# it: 至于苍蝇是在哪里发现的、酸奶盒开没开，这些细节问了会让顾客觉得我们怀疑她，最好不要问.  The refusal is a clause of its own
# (a demonstrative subject at most: 这些细节最好不要问) or closes the topic's own clause (至于在哪里发现的就不用问了); its verb is
# one or two characters (not a causative: 别让她等 asks for speed) or none (免了, 算了).  A clause between them that
# recommends (要, 应该, 一定 …) makes the topic something to act on.
_TOPIC_OPENS = re.compile(r"^(?:而|那么|另外|再|还有)?(?:至于|关于|对于|说到|谈到|讲到)")
_TOPIC_REFUSAL = (r"(?:最好|还是|就|也|都|千万|根本|完全|可以|干脆|倒|那就)*"
                  r"(?:(?:不要|别|不用|不必|没必要|没有必要|用不着|无须|无需|不需要|犯不着|大可不必)(?:再|去|专门|特意)?"
                  r"(?![让使叫给])[\u4e00-\u9fff]{1,2}?|省掉|省了|免了|算了)(?:了|吧|啦)*$")
_TOPIC_REFUSED_CLAUSE = re.compile(r"^(?:(?:这些|那些|这个|那个|这种|这类|这)[\u4e00-\u9fff]{0,3}?)?" + _TOPIC_REFUSAL)
_TOPIC_REFUSED_TAIL = re.compile(_TOPIC_REFUSAL)
_RECOMMENDS = re.compile(r"(?<![不没想只主重])要|(?<![不没])(?:应该|应当|必须|一定|务必)")
TOPIC_REACH = 6  # clauses from the topic to the refusal


def opens_topic(clause: str) -> bool:
    return _TOPIC_OPENS.match(clause) is not None


def topic_refusal(clause: str, own: bool) -> bool:
    """Is ``clause`` the bare refusal that closes a fronted topic's sentence (``own``: the topic's own clause, which
    must close in it)?"""
    if own:
        return _TOPIC_REFUSED_TAIL.search(clause[-12:]) is not None
    return len(clause) <= 10 and _TOPIC_REFUSED_CLAUSE.match(clause) is not None


def recommends(clause: str) -> bool:
    return _RECOMMENDS.search(clause) is not None
