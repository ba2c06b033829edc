"""Bank YAML is untrusted: alias bombs and deep nesting are problems with a line, found in bounded time and
memory, not a 3 GB expansion or a crash."""
import time

from app.bank.yamlsource import MAX_DEPTH, read_yaml


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused():
    text = _alias_bomb()
    assert len(text) < 700
    started = time.process_time()
    data, problems = read_yaml(text, "bomb.yaml")
    assert data is None and len(problems) == 1
    assert "aliases expand" in problems[0].message
    assert time.process_time() - started < 30  # a bound on a runaway, not a benchmark


def test_many_aliases_are_refused_on_the_event_stream():
    text = "base: &b x\nlist: [" + ", ".join(["*b"] * 500) + "]\n"
    data, problems = read_yaml(text, "many.yaml")
    assert data is None and "aliases" in problems[0].message


def test_a_few_aliases_still_work():
    data, problems = read_yaml("base: &b {points: 2}\none: *b\ntwo: *b\n", "ok.yaml")
    assert problems == [] and data["one"] == {"points": 2} == data["two"]


def test_deep_nesting_is_a_problem_not_a_crash():
    for text in ("[" * 100_000 + "]" * 100_000, "{a: " * 100_000 + "1" + "}" * 100_000):
        data, problems = read_yaml(text, "deep.yaml")
        assert data is None and f"deeper than {MAX_DEPTH}" in problems[0].message


def test_block_nesting_reports_its_line():
    text = "".join("  " * n + f"k{n}:\n" for n in range(MAX_DEPTH + 5))
    data, problems = read_yaml(text, "deep.yaml")
    assert data is None and problems[0].line == MAX_DEPTH + 1
