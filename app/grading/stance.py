"""The trainee's position: sentences that defend the conduct the case criticises, or put the fault on the
customer, earn no rubric point (they use the case's words to say the opposite of the key point).

Recognised on the normalised text with a few patterns, each a whole claim rather than a single word, so that
"没关系，我来帮您办" (comfort) or "确认客户没有问题了" are not taken for a defence.
"""
from __future__ import annotations

import re

from .first_chars import compile_guarded

# Who the case is about: the staff (or the firm) and the customer.
_STAFF = r"(?:我们|商场|公司|本店|饭店|酒店|超市|物业|企业|卖场|门店|店里|厂家|部门|她|他|小刘|小陈|小赵|坐席员?|客服代表?|店员|营业员|接线员|话务员|服务员|前台|同事|经理|[\u4e00-\u9fff]{0,2}部|员工|(?:营销|销售|客服|服务|工作|质检|安装|维修)(?:人员|员|代表|师傅))"
_CUSTOMER_NAMED = r"顾客|客户|业主|客人|用户|消费者|刘先生|王先生|张女士|张小姐|李先生|这位(?:女士|先生|母亲|妈妈)"
# Named by a noun only: 她/他 may be the staff (and 王经理, a customer in one case, a manager in others).
_CUSTOMER_NOUN = r"(?:" + _CUSTOMER_NAMED + r"|周女士)"
_CUSTOMER = r"(?:" + _CUSTOMER_NAMED + r"|她|他|王经理)"

DEFENCE_PATTERNS = [
    # the conduct was right
    r"(?:做法|处理|做得|答复|回答|这样做|这么做|做的|办得|应对)[^。]{0,4}(?:没有|没|并无|并没有|谈不上有?)(?:什么|任何)?(?:错|问题|不妥|不对|毛病)",
    r"(?:做得|做的|处理得|答得)(?:很|非常|完全|没)?(?:对|正确|没错|合理|恰当|到位)",
    r"(?:做法|处理|答复|回答|决定|这样做|这么做)(?:是|也是|完全是|都是)?(?:对的|正确的|合理的|恰当的|没错的|可以理解的|应该的)",
    r"(?:处理|做法|答复|回答)?(?:是|属于)?正常(?:的)?(?:程序|做法|流程|操作)",
    r"(?:完全|都|也)?(?:符合|按照?|依照|遵照)(?:公司|企业|店里|商场)?的?(?:规定|流程|程序|制度|规矩|单子)(?:办事?|做|来|处理|答复)?(?:的)?(?:，|。|$)",
    r"无可厚非|情有可原|合情合理",
    # a verdict of praise on the conduct, with no "but" after it: 质检做得挺好：… (not 做得很好的员工, 做得很好，但是…)
    r"(?:做得|做的|处理得|办得|搞得)(?:挺|很|还|蛮|非常|相当|已经很|都很|也很)(?:好|不错|到位|规范|周到)(?:的|了)?"
    r"(?=[，。：:；！]|$)(?![^。]{0,8}?(?:但|可是|不过|然而|只是|就是|可惜))",
    r"(?:跟|和|与|同)" + _STAFF + r"{1,2}[^。，]{0,3}(?:没有?(?:什么)?关系|无关|不相干|不相关)",
    r"不(?:是|怪|能怪|该怪)" + _STAFF + r"的?(?:错|责任|问题)",
    r"(?:是|怪|因为)" + _CUSTOMER + r"自己(?:没|不|找错|弄错|搞错|说错|看错|造成|惹)",
    r"" + _CUSTOMER + r"自己(?:没|不|没有)(?:说|讲|问|看|弄)(?:清楚|明白|清)",
    r"(?<!不是)(?<!并非)(?<!不全是)" + _CUSTOMER + r"(?:自己)?的(?:错|责任)(?:，|。|$)",
    # the blame laid wholly on the customer: 责任全在顾客 (a noun, not 她/他, who may be the staff)
    r"(?:责任|错|过错|问题)(?:全|都|完全|全部|主要)在(?:于)?" + _CUSTOMER_NOUN + r"(?:自己)?(?:身上|一方|那边|那里)?(?:，|。|$)",
    # the rule as the answer, in the trainee's own voice (not quoted: 只会说这是公司规定 describes the fault)
    r"(?<![说称答以拿用句])(?:这|那)是(?:公司|店里|商场|我们|酒店|物业|厂家)的?规定(?:，|。|$)",
    # the customer's own business: 密码被别人知道是您自己的事 (not 这不是您自己的事)
    r"(?<!不是)(?<!并非)(?:您|你|顾客|客户|业主|客人|用户|消费者|人家)自己的(?:事|问题)(?:，|。|$)",
]
_DEFENCE = compile_guarded("|".join(f"(?:{p})" for p in DEFENCE_PATTERNS))  # see first_chars.py
# Every pattern holds one of these words: the full patterns run only in a window around them (a scan of the
# whole text with the full alternation costs several ms on a long answer).
_TRIGGER = re.compile(r"错|问题|不妥|不对|毛病|正确|合理|恰当|到位|做得对|是对的|得对|正常|规定|流程|程序|制度|规矩|单子|做得|做的|处理得|办得|搞得|"
                      r"无可厚非|情有可原|合情合理|关系|无关|不相干|不相关|责任|自己")
# Defences with words of their own, each scanned only around its own trigger words (a common trigger such as 说明 or
# 办法 must not make the whole alternation above run over most of a long answer).
EXTRA_DEFENCES = [
    (r"没有什么错|没什么错|没有错|也没错|都没错|并没错|没做错|没有做错|不妥|不对", [
    # the staff declared not at fault: 小刘这样处理没有错.  Here, not above: who is named may be any department
    # (客服部), so its matches can start with any character, which would keep the look-ahead off the whole list.
    _STAFF + r"(?:(?!" + _CUSTOMER_NAMED + r")[^。，]){0,6}(?:没有什么错|没什么错|没有错|也没错|都没错|并没错|没做错|没有做错)",
    # (round 12) the staff's conduct named at more length, then cleared at the clause's end: 营销人员滔滔不绝地介绍没有错
    # (no customer named in between: 小刘说顾客没有错 clears the customer)
    _STAFF + r"(?:(?!" + _CUSTOMER_NAMED + r")[^。，]){0,14}?(?:没有什么错|没什么错|没有错|并没有错|没做错|没有做错)(?:什么)?(?=，|。|$)",
    # 小刘没什么不妥, 前台并无不妥 (a clause of its own: not 小刘没什么不妥的地方吗)
    _STAFF + r"[^。，]{0,4}(?:没有?什么不妥|并无不妥|没有不妥|没什么不对|没有什么不对)(?:的)?(?=，|。|$)",
    ]),
    (r"说明|可见|表明|证明|看来|意味着", [
    # a small share of complaints read as general satisfaction: 只有4%的人投诉，说明96%的人都满意 (the silent unhappy
    # customers denied); 并不说明其余的人都满意, 说明96%不满意的人没有投诉 are not recognised
    r"(?:只有|仅有|仅|才|不到)[^。]{0,10}(?:投诉|抱怨|不满|提意见)[^。]{0,10}(?<![不没])(?<!不能)(?<!无法)"
    r"(?:说明|可见|表明|证明|看来|意味着)[^。不没非]{0,12}(?:满意|没有?(?:意见|问题)|认可|挺好|不错)",
    ]),
    (r"怪|道理|难处|苦衷|办法|不容易|尽力|够努力|够好", [
    # the staff excused: 不能怪小刘, 同事挂电话也有她的道理, 前台也是没办法 (not after 说: a quoted excuse)
    r"(?:不能|不该|不应该|怎么能|哪能)怪" + _STAFF + r"(?:，|。|$)",
    r"(?<![说称答])" + _STAFF + r"[^。，说称答]{0,8}也(?:有(?:她|他|其|自己|人家)的(?:道理|难处|苦衷)|是没办法(?:的事)?|没办法|不容易)(?:，|。|$)",
    r"(?<![说称答])" + _STAFF + r"[^。，说称答]{0,6}(?:已经|都)(?:很)?(?:尽力|够努力|够好)了",
    ]),
    (r"要求太高|太挑剔|难伺候|太较真|太计较", [
    # (round 12) the customer made out too demanding: 顾客不满意那是他自己要求太高, 客户越来越难伺候 (not the staff's view
    # described: 店员觉得顾客要求太高)
    r"(?<!觉得)(?<!认为)(?<!以为)" + _CUSTOMER + r"[^。，认觉说以]{0,10}(?<!不)(?:要求太高|太挑剔|难伺候|太较真|太计较)",
    ]),
    (r"无理取闹|找茬|刁难|胡搅蛮缠|小题大做|挑骨头", [
    # the customer made out a troublemaker (not the staff's view described: 经理觉得顾客是来找茬的)
    r"(?<!觉得)(?<!认为)(?<!以为)(?<!当成)(?<!当作)(?<!看成)(?<!说)" + _CUSTOMER + r"[^。，认觉当说以]{0,10}(?<!不)(?:是|纯属|就是|更是|属于|都是)(?:来|在)?(?:无理取闹|找茬|故意刁难|胡搅蛮缠|小题大做|"
    r"鸡蛋里挑骨头)",
    ]),
    (r"(?:没有|没|并无)(?:什么|任何)?大?(?:问题|毛病|漏洞|不妥)", [
    # the organisation declared sound: 饭店的管理本身没什么问题, 制度上并没有什么毛病
    r"(?:管理|制度|流程|体系|机制)(?:本身|上|方面)?(?:并)?(?:没有|没|并无)(?:什么|任何)?大?(?:问题|毛病|漏洞|不妥)",
    ]),
    (r"不归|义务|分内|该管|轮不到", [
    # not our business or duty
    r"(?<!不是)不归(?:我们|我|咱们|本店|商场|公司|酒店|前台|客服|部门|她|他)管",
    # (the firm may be named in full: 送水不是自来水公司该管的事, 不是供水企业的义务)
    r"(?<!并)(?<!认为)(?<!觉得)(?<!以为)(?<![说称])不是(?:[\u4e00-\u9fff]{1,3}?)?" + _STAFF + r"(?:的(?:义务|分内的?事)|分内的?事|该管的?事(?:情|儿)?|该操心的?事?)"
    r"|轮不到" + _STAFF,
    ]),
]
# Words that deny the defence after them (within 8 characters).
_DENIED = re.compile(r"不能说|谁说|不是说|不能认为|不要以为|别以为|并不是说")
# A defence that only seems so (表面上没有什么不妥，实际上…), before it or inside it, is none; nor is a question (做法没有问题吗).
_SEEMING = re.compile(r"表面上|看似|看起来|看上去|乍看|似乎")
_QUESTION_AFTER = ("吗", "么", "呢")
_BEFORE, _AFTER = 30, 24  # after: the praise verdict's look for a "but" reaches 8 characters past it


_EXTRA_TRIGGER = re.compile("|".join(trigger for trigger, _ in EXTRA_DEFENCES))
_EXTRA = re.compile("|".join(f"(?:{p})" for _, patterns in EXTRA_DEFENCES for p in patterns))
_SCANS = ((_TRIGGER, _DEFENCE), (_EXTRA_TRIGGER, _EXTRA))


def defended_sentences(text: str, sentence_of) -> dict[int, str]:
    """Sentence index -> the words that defend the conduct or shift the blame, for each such sentence (the first
    such words in the sentence)."""
    found: dict[int, tuple[int, str]] = {}
    for triggers, defences in _SCANS:
        scanned = 0  # windows overlap: never scan a position twice
        for trigger in triggers.finditer(text):
            start = max(trigger.start() - _BEFORE, scanned)
            end = min(trigger.end() + _AFTER, len(text))
            if end <= start:
                continue
            for m in defences.finditer(text, start, end):
                if _DENIED.search(text, max(m.start() - 8, 0), m.start()):
                    continue  # 不能说这件事不归我们管, 谁说小刘做得对: the defence is denied
                if _SEEMING.search(text, max(m.start() - 8, 0), m.end()) or text.startswith(_QUESTION_AFTER, m.end()):
                    continue
                sentence = sentence_of(m.start())
                if sentence not in found or m.start() < found[sentence][0]:
                    found[sentence] = (m.start(), m.group())
            scanned = end
    return {sentence: words for sentence, (_, words) in found.items()}


# The answer's thesis.  On a part that asks what was wrong with the conduct (有哪些不妥, 存在哪些问题, 这样处理对吗), an
# answer that opens by declaring the conduct right (小刘没有什么不妥。, 整体表现还可以：, 程序上没有问题；) argues the case's
# side in every sentence that follows: the reasons it gives (就在服务台当场处理，显得公开透明) name the faults only to excuse
# them.  Those sentences earn nothing, up to one that turns (但…, 不过…, 就是…, 唯一的不足是…); from there on the answer
# concedes faults and is read as usual.
THESIS_ASKED = re.compile(r"(?<!询问)(?<!问)(?:哪些|什么)(?:不足|问题|不妥|毛病|错误|失误|不当|地方不)|错误之处|问题出在"
                          r"|存在(?:的)?(?:问题|不足)|对吗|对不对|是否(?:正确|妥当|合理|恰当|得当)|不符合")
# "No fault", or praise of the conduct, in the opening sentence (the customer's own blamelessness, 顾客没有错, is no
# thesis: see _thesis_at).
_NO_FAULT = re.compile(
    r"(?:没有?|并无|并没有|谈不上有?|算不上有?)(?:什么|任何|多大|太大)?大?的?(?:问题|毛病|错误?|不妥|过错|过失|失误|不对)(?!意识)"
    r"|(?:表现|做得|做的|处理得|答得|办得|做法|处理|答复|回答)(?:(?![不没])[\u4e00-\u9fff]){0,4}?"
    r"(?:还可以|还行|不错|挺好|很好|对|正确|合理|得当|到位|恰当|没错)"
    # the staff praised as a worker (小赵挺接地气, 这个营销人员其实很敬业): words that only judge a person's conduct well
    r"|(?:挺|很|非常|其实很|真|特别|十分|相当|其实挺)(?:接地气|敬业|尽职|尽责|称职|能干|专业|负责|有亲和力)")
# Words in the opening sentence that undo a thesis: a concession or a turn (虽然…但, 表面上…实际上) or a fault named.
_THESIS_UNDONE = re.compile(r"但|不过|可是|然而|却|实际上|事实上|看似|看起来|看上去|表面|虽然|虽|不妥之|欠妥|不当|不足|缺点|错在|"
                            r"问题是|问题在|不该|不应|做得不好|不够")
# A later sentence that turns away from the thesis and concedes a fault.
_THESIS_TURN = re.compile(r"(?:[0-9]+[.、)]?)?(?:但|但是|不过|可是|然而|只是|就是|唯一|要说|如果说|如果非要说|非要说|稍|美中不足|"
                          r"问题是|不足的是|当然|需要改进|可以改进|有待)")
# Someone else's view reported (有人认为小刘没有什么不妥, 很多人以为报表只是应付检查，其实…) is no thesis of the trainee's.
_HEARSAY = re.compile(r"有人|很多人|不少人|一些人|有些人|别人|以为")
# A later sentence that names a fault in so many words ends the thesis too: faint praise first, then the critique
# (小赵整体表现还可以。在服务台当场处理不妥。).
_FAULT_NAMED = re.compile(r"不妥|欠妥|不当|不足|错误|失误|不应该|不该|应该|应当|本应|没做到|没有做到|做得不好|不规范|不礼貌|不符合|"
                          r"违反|缺乏|问题在于|问题是|毛病|缺点")
_THESIS_HEAD = 200  # the opening sentence is read over at most this many characters: linear in the answer


# The same on a part that asks what a practice is good for (有哪些作用, 有什么意义, 为什么要制定): an answer that opens by
# denying its use (统计报表主要是用来应付检查的，对经营帮助不大。, 我觉得没有必要专门制定投诉管理政策。) lists the uses only to
# wave them away.
VALUE_ASKED = re.compile(r"作用|意义|为什么要|好处|优点|必要性|重要性")
_NO_VALUE = re.compile(
    r"(?:作用|帮助|意义|用处|价值|好处)(?:也|都)?(?:不大|有限|不明显|甚微|很小|不太大)"
    r"|没(?:有|什么|啥)?(?:实际|多大|太大)?的?(?:作用|用处|意义|价值|好处|帮助)"
    r"|应付(?:检查|上级|领导|考核|上面)|(?:只是|就是|都是|无非是)(?:走)?(?:个)?形式|摆设|走过场"
    r"|(?:^|觉得|认为|其实|根本|我看)[^，。]{0,6}?(?:就|也)?(?:没有?|没什么)必要")
_NOT_ONLY = re.compile(r"不只|不仅|不光|不单|不止|不是|并非")  # 作用不只是应付检查: more than that


def thesis_sentences(text: str, sentence_ends: list[int], defended: dict[int, str], value: bool = False) -> set[int]:
    """The sentences barred by an opening thesis that the conduct was right (see above); empty when there is none.
    ``defended``: ``defended_sentences`` of the same text (a defence in the opening sentence is a thesis too).
    ``value``: the part asks what a practice is good for; the thesis is then a denial of its use."""
    first_end = sentence_ends[0] if sentence_ends else len(text)
    opening = text[:min(first_end, _THESIS_HEAD)]
    if value:
        m = _NO_VALUE.search(opening)
        at = None if m is None or opening.startswith(_QUESTION_AFTER, m.end()) \
            or _NOT_ONLY.search(opening, max(m.start() - 6, 0), m.start()) else (m.start(), m.end())
    else:
        at = _thesis_at(opening)
    if at is None and 0 in defended and not value:
        at = opening.find(defended[0])
        at = (at, at + len(defended[0])) if at >= 0 else None
    if at is None:
        return set()
    rest = opening[:at[0]] + opening[at[1]:]
    if _THESIS_UNDONE.search(rest) or _DENIED.search(opening, 0, at[0]) or _SEEMING.search(opening, 0, at[1]) \
            or _HEARSAY.search(opening, 0, at[0]) or "其实" in opening[at[1]:]:
        return set()
    barred = {0}
    for index, start in enumerate(sentence_ends, 1):
        end = sentence_ends[index] if index < len(sentence_ends) else len(text)
        if _THESIS_TURN.match(text, start + 1) or (not value and _FAULT_NAMED.search(text, start + 1, end)):
            break
        if start + 1 < len(text):
            barred.add(index)
    return barred


def _thesis_at(opening: str) -> tuple[int, int] | None:
    for m in _NO_FAULT.finditer(opening):
        if opening.startswith(_QUESTION_AFTER, m.end()):
            continue  # a question: 小刘的做法没有问题吗
        clause_start = max(opening.rfind("，", 0, m.start()), opening.rfind("。", 0, m.start())) + 1
        if re.search(_CUSTOMER_NOUN, opening[clause_start:m.start()]):
            continue  # 顾客本身没有错: the customer's blamelessness, not the staff's
        return m.start(), m.end()
    return None
