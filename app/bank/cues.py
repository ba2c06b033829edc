"""Give-away cues in objective items: figures that show whether a candidate could pass without knowing anything.

A test-wise candidate picks the longest option, favours the position keys sit on most, and in a multiple-choice
item ticks everything but the one absurd option. ``cue_report`` counts these over a bank's questions so that
``flask bank stats`` can print them and a test can hold them under the thresholds below.

Pure Python: takes question mappings as the loader gives them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Thresholds a bank sold for mock exams should meet (issue 16).
MAX_LONGEST_KEY_SHARE = 0.35  # single-choice keys that are the one longest option
MIN_KEY_POSITION_SHARE = 0.20  # each of A-D among single-choice keys
MAX_ONE_WRONG_SHARE = 0.20  # multiple-choice items with exactly one wrong option
MIN_HARD_SHARE = 0.15  # objective items at difficulty 4-5
POSITIONS = ("A", "B", "C", "D")
# Sweeping words a test-wise candidate takes for "false" in a true/false statement.
ABSOLUTE_WORDS = ("一定", "只能", "只需", "只要", "任何", "一律", "所有", "完全", "绝对", "从不", "不必", "不需要",
                  "唯一", "总是", "永远")


def option_length(text) -> int:
    """Length a reader sees: characters without surrounding blanks."""
    return len(str(text).strip())


def key_is_only_longest(question: dict) -> bool:
    """True when a single-choice key is strictly longer than every other option."""
    options = question.get("options") or {}
    key = question.get("answer")
    if key not in options or len(options) < 2:
        return False
    key_length = option_length(options[key])
    return all(option_length(text) < key_length for letter, text in options.items() if letter != key)


def has_one_longest(question: dict) -> bool:
    """True when one option is strictly longer than every other (whether or not it is the key)."""
    lengths = sorted((option_length(text) for text in (question.get("options") or {}).values()), reverse=True)
    return len(lengths) >= 2 and lengths[0] > lengths[1]


def wrong_options(question: dict) -> int:
    """How many options of a multiple-choice item are not in its key."""
    options = question.get("options") or {}
    answer = question.get("answer") or []
    return sum(1 for letter in options if letter not in answer)


@dataclass
class CueReport:
    single: int = 0
    multiple: int = 0
    judge: int = 0
    longest_keys: list[str] = field(default_factory=list)  # ids of single items keyed on the one longest option
    key_positions: Counter = field(default_factory=Counter)
    one_longest: int = 0  # single items with one longest option: far below a quarter keyed there is a cue too
    one_wrong: list[str] = field(default_factory=list)  # ids of multiple items with exactly one wrong option
    keys_per_multiple: Counter = field(default_factory=Counter)  # how many right options, how many items
    last_option_wrong: int = 0  # multiple items whose last option is a wrong one (a cue when far above the base rate)
    options_in_multiple: int = 0
    wrong_in_multiple: int = 0
    judge_true: int = 0
    judge_absolute: int = 0  # true/false stems with a sweeping word
    judge_absolute_false: int = 0
    difficulty: Counter = field(default_factory=Counter)

    @property
    def objective(self) -> int:
        return self.single + self.multiple + self.judge

    @property
    def longest_key_share(self) -> float:
        return len(self.longest_keys) / self.single if self.single else 0.0

    def position_share(self, letter: str) -> float:
        return self.key_positions.get(letter, 0) / self.single if self.single else 0.0

    @property
    def one_wrong_share(self) -> float:
        return len(self.one_wrong) / self.multiple if self.multiple else 0.0

    @property
    def hard_share(self) -> float:
        hard = self.difficulty.get(4, 0) + self.difficulty.get(5, 0)
        return hard / self.objective if self.objective else 0.0

    def problems(self) -> list[str]:
        """Each threshold the bank misses, as a sentence; empty when every check holds."""
        found = []
        if self.single and self.longest_key_share >= MAX_LONGEST_KEY_SHARE:
            found.append(f"longest-option share of single-choice keys {self.longest_key_share:.0%} "
                         f"(must be under {MAX_LONGEST_KEY_SHARE:.0%})")
        for letter in POSITIONS:
            if self.single and self.position_share(letter) < MIN_KEY_POSITION_SHARE:
                found.append(f"single-choice key position {letter} {self.position_share(letter):.0%} "
                             f"(must be at least {MIN_KEY_POSITION_SHARE:.0%})")
        if self.multiple and self.one_wrong_share >= MAX_ONE_WRONG_SHARE:
            found.append(f"multiple-choice items with one wrong option {self.one_wrong_share:.0%} "
                         f"(must be under {MAX_ONE_WRONG_SHARE:.0%})")
        if self.objective and self.hard_share < MIN_HARD_SHARE:
            found.append(f"objective items at difficulty 4-5 {self.hard_share:.0%} "
                         f"(must be at least {MIN_HARD_SHARE:.0%})")
        return found

    def lines(self) -> list[str]:
        """The figures as `flask bank stats` prints them."""
        out = ["cue checks (objective items):"]
        if self.single:
            spread = ", ".join(f"{letter} {self.key_positions.get(letter, 0)} ({self.position_share(letter):.0%})"
                               for letter in sorted(set(POSITIONS) | set(self.key_positions)))
            out.append(f"  single-choice key positions: {spread}")
            out.append(f"  single-choice keys that are the one longest option: {len(self.longest_keys)} of "
                       f"{self.single} ({self.longest_key_share:.0%})")
            if self.one_longest:
                out.append(f"  single-choice items with one longest option: {self.one_longest}, keyed on it "
                           f"{len(self.longest_keys)} ({len(self.longest_keys) / self.one_longest:.0%})")
        if self.multiple:
            out.append(f"  multiple-choice items with one wrong option: {len(self.one_wrong)} of {self.multiple} "
                       f"({self.one_wrong_share:.0%})")
            spread = ", ".join(f"{right} right: {self.keys_per_multiple[right]}" for right in sorted(self.keys_per_multiple))
            out.append(f"  multiple-choice keys: {spread}")
            base = self.wrong_in_multiple / self.options_in_multiple if self.options_in_multiple else 0.0
            out.append(f"  multiple-choice last option wrong: {self.last_option_wrong} of {self.multiple} "
                       f"({self.last_option_wrong / self.multiple:.0%}; all options {base:.0%} wrong)")
        if self.judge:
            out.append(f"  true/false keys true: {self.judge_true} of {self.judge}")
            out.append(f"  true/false stems with a sweeping word (一定, 只能, 一律...): {self.judge_absolute}, "
                       f"false {self.judge_absolute_false}")
        if self.objective:
            spread = ", ".join(f"{level or 'unrated'}: {self.difficulty[level]}" for level in sorted(self.difficulty))
            out.append(f"  difficulty: {spread}; at 4-5: {self.hard_share:.0%}")
        problems = self.problems()
        out.extend(f"  MISS {problem}" for problem in problems)
        out.append(f"  cue checks: {'ok' if not problems else f'{len(problems)} missed'}")
        return out


def cue_report(questions) -> CueReport:
    """Count the cues over ``questions`` (mappings or a dict of id -> mapping); case questions are ignored."""
    items = questions.values() if isinstance(questions, dict) else questions
    report = CueReport()
    for question in items:
        qtype = question.get("type")
        if qtype not in ("single", "multiple", "judge"):
            continue
        level = question.get("difficulty")
        report.difficulty[level if isinstance(level, int) else 0] += 1  # 0: not rated
        if qtype == "single":
            report.single += 1
            report.key_positions[question.get("answer")] += 1
            if key_is_only_longest(question):
                report.longest_keys.append(question.get("id"))
            report.one_longest += has_one_longest(question)
        elif qtype == "multiple":
            report.multiple += 1
            wrong = wrong_options(question)
            if wrong == 1:
                report.one_wrong.append(question.get("id"))
            options = list(question.get("options") or {})
            answer = question.get("answer") or []
            report.keys_per_multiple[len(options) - wrong] += 1
            report.options_in_multiple += len(options)
            report.wrong_in_multiple += wrong
            report.last_option_wrong += bool(options) and options[-1] not in answer
        else:
            report.judge += 1
            report.judge_true += question.get("answer") is True
            if any(word in str(question.get("stem", "")) for word in ABSOLUTE_WORDS):
                report.judge_absolute += 1
                report.judge_absolute_false += question.get("answer") is False
    return report
