"""Objective types: single choice, multiple choice (all or nothing), true/false."""
from __future__ import annotations

from collections import Counter

from ..grading.messages import N_
from .base import DEFAULT_OBJECTIVE_POINTS, AnswerError, Outcome, QuestionType

OPTION_LETTERS = "ABCDEFGH"


class _Objective(QuestionType):
    fields = frozenset({"answer", "points", "explanation"})

    def check(self, checker, question: dict, what: str) -> None:
        checker.require_text(question, "explanation", what)
        checker.positive_number(question, "points", what)
        self.check_answer(checker, question, what)

    def check_answer(self, checker, question: dict, what: str) -> None:
        raise NotImplementedError

    def max_points(self, content: dict) -> float:
        return float(content.get("points", DEFAULT_OBJECTIVE_POINTS))

    def is_correct(self, content: dict, answer) -> bool:
        raise NotImplementedError

    def correct_answer(self, content: dict):
        return content.get("answer")

    def grade(self, content: dict, answer, grader=None) -> Outcome:
        maximum = self.max_points(content)
        correct = answer is not None and self.is_correct(content, answer)
        return Outcome(maximum if correct else 0.0, maximum, correct=correct, answered=answer is not None)

    def has_answer(self, content: dict, answer) -> bool:
        return answer is not None

    def solution(self, content: dict) -> dict:
        return {"correct_answer": self.correct_answer(content), "explanation": content.get("explanation", "")}

    def summarise(self, content: dict, answers: list) -> dict:
        given = [a for a in answers if a is not None]
        counts: Counter = Counter()
        for answer in given:
            for choice in (answer if isinstance(answer, list) else [answer]):
                counts[str(choice).lower() if isinstance(choice, bool) else choice] += 1
        right = sum(1 for a in given if self.is_correct(content, a))
        return {"responses": len(answers), "answered": len(given), "correct": right, "choices": dict(counts)}


class _Choice(_Objective):
    fields = _Objective.fields | {"options"}

    def check_answer(self, checker, question: dict, what: str) -> None:
        from ..bank.yamlsource import line_of  # the bank's line numbers (pure)

        options = question.get("options")
        letters: set = set()
        if not isinstance(options, dict) or not options:
            checker.add(line_of(question, "options") if "options" in question else line_of(question),
                        N_("%(what)s: needs 'options', a mapping such as {A: ..., B: ...}"), what=what)
        else:
            letters = set(options)
            if len(options) < 2:
                checker.add(line_of(question, "options"), N_("%(what)s: needs at least two options"), what=what)
            for letter, text in options.items():
                if not isinstance(letter, str) or letter not in OPTION_LETTERS:
                    checker.add(line_of(options, letter), N_("%(what)s: option keys must be letters A to H, got "
                                                             "%(value)s"), what=what, value=repr(letter))
                elif not checker.is_text(text) and not checker.is_number(text):
                    checker.add(line_of(options, letter), N_("%(what)s: option %(letter)s is empty"), what=what,
                                letter=letter)
        where = line_of(question, "answer") if "answer" in question else line_of(question)
        self.check_key(checker, question.get("answer"), letters, where, what)

    def check_key(self, checker, answer, letters: set, where: int, what: str) -> None:
        raise NotImplementedError

    def public(self, content: dict, option_order=None) -> dict:
        options = content.get("options") or {}
        order = list(option_order) if option_order and set(option_order) == set(options) else list(options)
        out = super().public(content)
        out["options"] = [{"value": letter, "label": OPTION_LETTERS[i], "text": options[letter]}
                          for i, letter in enumerate(order)]
        return out


class SingleChoice(_Choice):
    name = "single"

    def check_key(self, checker, answer, letters, where, what):
        if not isinstance(answer, str) or not answer.strip():  # the form's answer when no option is ticked: ""
            checker.add(where, N_("%(what)s: a single-choice 'answer' must be one letter"), what=what)
        elif letters and answer not in letters:
            checker.add(where, N_("%(what)s: answer '%(answer)s' is not among the options (%(letters)s)"), what=what,
                        answer=answer, letters=", ".join(sorted(map(str, letters))))

    def parse(self, content: dict, answer):
        if answer is None:
            return None
        if not isinstance(answer, str) or answer not in content.get("options", {}):
            raise AnswerError("Single choice: give one option letter.")
        return answer

    def from_form(self, content: dict, form):
        value = form.get("answer")
        return value if value else None

    def is_correct(self, content: dict, answer) -> bool:
        return isinstance(answer, str) and answer == content.get("answer")


class MultipleChoice(_Choice):
    name = "multiple"
    choice_input = "checkbox"

    def check_key(self, checker, answer, letters, where, what):
        if not isinstance(answer, list) or len(answer) < 2 or not all(isinstance(a, str) for a in answer):
            checker.add(where, N_("%(what)s: a multiple-choice 'answer' must be a list of two or more letters"),
                        what=what)
            return
        if len(set(answer)) != len(answer):
            checker.add(where, N_("%(what)s: answer lists a letter twice"), what=what)
        missing = [a for a in answer if letters and a not in letters]
        if missing:
            checker.add(where, N_("%(what)s: answer %(letters)s not among the options"), what=what,
                        letters=", ".join(missing))

    def parse(self, content: dict, answer):
        if answer is None:
            return None
        options = content.get("options", {})
        if not isinstance(answer, list) or not all(isinstance(a, str) and a in options for a in answer):
            raise AnswerError("Multiple choice: give a list of option letters.")
        if len(set(answer)) != len(answer):
            raise AnswerError("Multiple choice: each letter may be given once.")
        return sorted(answer)

    def from_form(self, content: dict, form):
        return sorted(form.getlist("answer"))

    def has_answer(self, content: dict, answer) -> bool:
        return bool(answer)

    def correct_answer(self, content: dict):
        return sorted(content.get("answer") or [])

    def is_correct(self, content: dict, answer) -> bool:
        expected = content.get("answer") or []
        return isinstance(answer, list) and set(answer) == set(expected) and len(answer) == len(set(answer))


class Judge(_Objective):
    name = "judge"

    def check_answer(self, checker, question: dict, what: str) -> None:
        from ..bank.yamlsource import line_of

        if not isinstance(question.get("answer"), bool):
            checker.add(line_of(question, "answer") if "answer" in question else line_of(question),
                        N_("%(what)s: a judge question's 'answer' must be true or false"), what=what)

    def parse(self, content: dict, answer):
        if answer is None:
            return None
        if not isinstance(answer, bool):
            raise AnswerError("True/false: give true or false.")
        return answer

    def from_form(self, content: dict, form):
        value = form.get("answer")
        return None if not value else value == "true"

    def is_correct(self, content: dict, answer) -> bool:
        return isinstance(answer, bool) and answer is content.get("answer")

    def public(self, content: dict, option_order=None) -> dict:
        return dict(super().public(content), options=[])

    def fixed_options(self) -> list[tuple[str, str, str]]:
        return [("true", "√", "True"), ("false", "×", "False")]
