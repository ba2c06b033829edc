"""Speed and memory of the grading engine.

Grades N synthetic answers (~300 characters, deterministic seed) against
6-point rubrics through the real CLI, ``flask --app app grade -`` (one
subprocess, one batch of JSON lines with inline parts), and prints:

* answers per second for the whole subprocess (start-up included) and for
  grading alone (start-up measured separately with an empty batch and
  subtracted);
* the median and 95th-percentile time per answer, timed in this process
  around ``Grader.grade_compiled`` (the CLI cannot time single lines);
* peak RSS of the child for 1,000 and for N answers (flat = no leak, no
  per-answer growth);
* jieba segmentation alone (``Tokenizer.lcut`` of the same texts, same
  dictionary) in this process, and the ratio grading / segmentation, both timed
  in interleaved rounds on the same answers (CPU time).

    .venv/bin/python bench/grading.py             # 10,000 answers via flask grade
    .venv/bin/python bench/grading.py --inproc    # child runs grade_lines, not flask
    .venv/bin/python bench/grading.py -n 2000
    .venv/bin/python bench/grading.py --sweep     # only the length sweep (below)

The length sweep grades answers of 300, 1,000 and 5,000 characters against every case part of the bundled
bank (the Grader knowing the bank, as the site's does): natural text, and adversarial repetitions (one negated
term, the rubric's own negators, one-line sentences, list commas, single characters for jieba's HMM, a
homophone slip, zero-width and surrogate debris, and the case's stem repeated), each part graded with its
case's stem as the site does, the Grader's objects frozen out of the garbage collector as the site's server does
(``--no-freeze``: not).  Per kind and length it prints the median and the worst part's
time (best of three runs per part, so a garbage-collection pause is not taken for the grader's cost), in the
process's CPU time: on a shared machine another process's work would otherwise count as the grader's.  The
last line gives the worst part at 5,000 characters in CPU time and, for the same runs, in wall-clock time.
"""
from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240601

# Mixed vocabulary: customer-service words, everyday words, function words,
# a few negators and some Latin, so every code path gets exercised.
CS_WORDS = (
    "顾客 客户 店员 经理 投诉 商品 质量 服务 态度 问题 处理 解决 方案 意见 建议 需求 期望 情绪 心情 "
    "道歉 致歉 倾听 安抚 补偿 退货 换货 退款 赔偿 回访 跟踪 记录 登记 调查 核实 说明 解释 沟通 "
    "现场 人群 接待室 办公室 柜台 电话 热线 短信 系统 流程 标准 规范 制度 培训 考核 员工 团队 "
    "满意 信任 忠诚 形象 口碑 品牌 损失 责任 原因 结果 措施 步骤 方法 技巧 能力 效率 时间"
).split()
EVERYDAY = (
    "今天 明天 我们 他们 这个 那个 一些 很多 非常 比较 可能 已经 立即 马上 首先 然后 最后 同时 另外 "
    "如果 因为 所以 但是 而且 并且 或者 以及 对于 关于 通过 根据 按照 为了 由于 虽然 还是 就是 "
    "公司 商店 超市 银行 医院 学校 城市 天气 问题 事情 情况 地方 东西 时候 工作 生活 学习 发展"
).split()
FUNCTION = "的 了 是 在 和 与 要 会 对 把 将 向 给 就 都 也 并 而 应 该 能 让 使 被 从 到".split()
NEGATORS = "不 没有 未 不要 不能 避免 不断 不仅 无论 不要忘记".split()
LATIN = "ok VIP app 400 CRM email".split()
PUNCT = list("，，，、。。！？；：")

RUBRICS = [
    {
        "points": 10,
        "rubric": [
            {"id": "apologize", "text": "道歉", "points": 2, "match": [["道歉", "致歉", "赔礼道歉", "表示歉意"]]},
            {"id": "listen", "text": "倾听", "points": 2, "match": [["倾听", "聆听", "耐心听"]]},
            {"id": "relocate", "text": "带离现场", "points": 2, "match": [["带离", "请到", "引到"], ["接待室", "办公室", "僻静"]]},
            {"id": "compensate", "text": "补偿", "points": 1.5, "match": [["补偿", "赔偿", "退款", "退货", "换货"]]},
            {"id": "follow-up", "text": "回访", "points": 1.5, "match": [["回访", "跟踪"]], "scope": "answer"},
            {"id": "no-blame", "text": "没有推诿", "points": 1, "polarity": "negative", "match": [["推诿", "推卸"]]},
        ],
    },
    {
        "points": 10,
        "rubric": [
            {"id": "record", "text": "记录", "points": 2, "match": [["记录", "登记"], ["投诉", "问题", "意见"]]},
            {"id": "verify", "text": "核实", "points": 2, "match": [["核实", "调查", "了解"]]},
            {"id": "explain", "text": "解释", "points": 2, "match": [["解释", "说明"]], "scope": "clause"},
            {"id": "solution", "text": "方案", "points": 2, "match": [["方案", "措施", "办法"], ["解决", "处理"]]},
            {"id": "satisfy", "text": "满意", "points": 1, "match": [["满意", "信任", "忠诚"]]},
            {"id": "train", "text": "培训", "points": 1, "match": [["培训", "考核"], ["员工", "团队"]], "scope": "answer"},
        ],
    },
]


def make_answers(n: int, length: int = 300) -> list[str]:
    rng = random.Random(SEED)
    rubric_terms = [t for part in RUBRICS for p in part["rubric"] for g in p["match"] for t in g]
    answers = []
    for _ in range(n):
        pieces: list[str] = []
        size = 0
        clause = 0
        while size < length:
            r = rng.random()
            if r < 0.06:
                word = rng.choice(rubric_terms)
            elif r < 0.35:
                word = rng.choice(CS_WORDS)
            elif r < 0.65:
                word = rng.choice(EVERYDAY)
            elif r < 0.9:
                word = rng.choice(FUNCTION)
            elif r < 0.96:
                word = rng.choice(NEGATORS)
            else:
                word = rng.choice(LATIN)
            pieces.append(word)
            size += len(word)
            clause += len(word)
            if clause > rng.randint(6, 18):
                pieces.append(rng.choice(PUNCT))
                size += 1
                clause = 0
        answers.append("".join(pieces)[:length])
    return answers


def make_lines(answers: list[str]) -> list[str]:
    return [
        json.dumps({"part": RUBRICS[i % len(RUBRICS)], "answer": a}, ensure_ascii=False) for i, a in enumerate(answers)
    ]


def child_command(inproc: bool) -> list[str]:
    if inproc:
        return [sys.executable, str(Path(__file__).resolve()), "--child"]
    return [sys.executable, "-m", "flask", "--app", "app", "grade", "-"]


def run_child(lines: list[str], inproc: bool) -> tuple[float, int, int]:
    """(wall seconds, output lines, peak RSS in KiB of the children so far)."""
    payload = "".join(line + "\n" for line in lines)
    start = time.perf_counter()
    proc = subprocess.run(child_command(inproc), input=payload, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"grader failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}\nUse --inproc until `flask grade` exists.")
    outputs = [line for line in proc.stdout.splitlines() if line.strip()]
    errors = [o for o in outputs if '"error"' in o]
    if errors:
        sys.exit(f"{len(errors)} error lines, e.g. {errors[0]}")
    return wall, len(outputs), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def child_main() -> None:
    from app.grading import Grader
    from app.grading.batch import grade_lines

    grader = Grader({})
    write = sys.stdout.write
    for result in grade_lines(sys.stdin, grader):
        write(json.dumps(result, ensure_ascii=False) + "\n")


CHUNK = 200  # answers per round of the interleaved timing


def time_in_process(answers: list[str]) -> tuple[list[float], list[float], float, float, list[float]]:
    """Per-answer times of grading and of jieba segmentation, and the ratio of each round: the two are timed on the
    same chunk of answers one right after the other (the order alternating), so a change in the machine's load
    during the run weighs on both sides of every ratio."""
    from app.grading import Grader

    grader = Grader({})
    parts = [grader.compile(p) for p in RUBRICS]
    tokenizer = grader.segmenter.tokenizer  # same dictionary, rubric terms included
    # Warm-up (first use of caches, jieba's lazy structures).
    for i, a in enumerate(answers[:200]):
        grader.grade_compiled(parts[i % len(parts)], a)
        tokenizer.lcut(a)

    def segment(chunk: list[str], times: list[float]) -> float:
        start = time.process_time()
        for a in chunk:
            t = time.perf_counter()
            tokenizer.lcut(a)
            times.append(time.perf_counter() - t)
        return time.process_time() - start

    def grade(chunk: list[str], offset: int, times: list[float]) -> float:
        start = time.process_time()
        for i, a in enumerate(chunk, offset):
            t = time.perf_counter()
            grader.grade_compiled(parts[i % len(parts)], a)
            times.append(time.perf_counter() - t)
        return time.process_time() - start

    seg_times: list[float] = []
    grade_times: list[float] = []
    seg_total = grade_total = 0.0
    ratios = []
    for round_, offset in enumerate(range(0, len(answers), CHUNK)):
        chunk = answers[offset:offset + CHUNK]
        if round_ % 2:
            g = grade(chunk, offset, grade_times)
            s = segment(chunk, seg_times)
        else:
            s = segment(chunk, seg_times)
            g = grade(chunk, offset, grade_times)
        seg_total += s
        grade_total += g
        ratios.append(g / max(s, 1e-9))
    return grade_times, seg_times, grade_total, seg_total, ratios


SWEEP_LENGTHS = (300, 1000, 5000)
SWEEP_UNITS = {
    "one negated term": "没有道歉",
    "rubric's own negators": "不需要插入没有移动",
    "one-line sentences": "道歉\n",
    "list commas": "道歉、倾听、安抚、",
    "single characters": "不",
    "homophone slip": "至歉",
    "mixed negation": "客户说不注销了她也没挽留，没有道歉也没有解释原因、不要推诿。",
    "invisible debris": "道\u200b歉\ud83d\x00",
}


def sweep(no_freeze: bool = False) -> None:
    from app.bank.loader import load_bank
    from app.grading import Grader

    bank = load_bank(ROOT / "question_bank")
    parts = list(bank.case_parts())
    # Each part is graded with its case's stem, as the app does (text copied from the stem is not evidence).
    stems = [content.get("stem") or "" for content in bank.questions.values() if content
             for _ in content.get("parts", [])]
    grader = Grader(bank.synonyms, parts=parts)
    compiled = [grader.compile(p) for p in parts]
    if not no_freeze:
        # As gunicorn.conf.py does in the master: the Grader and jieba's dictionary (about a million objects) leave
        # the collector's generations, so a collection during a grade no longer walks them.
        gc.collect()
        gc.freeze()
    natural = make_answers(1, max(SWEEP_LENGTHS))[0]
    kinds = {"natural text": natural, **SWEEP_UNITS, "retold stem": None}
    print(f"length sweep: {len(compiled)} bank parts; CPU ms per part, median / worst part")
    print(f"{'kind':24}" + "".join(f"{n:>20,}" for n in SWEEP_LENGTHS))
    worst_5000 = worst_5000_wall = 0.0
    for kind, unit in kinds.items():
        cells = []
        for length in SWEEP_LENGTHS:
            times = []
            for part, stem in zip(compiled, stems):
                source = unit if unit is not None else (stem or "空")  # "retold stem": the answer repeats the stem
                text = (source * (length // len(source) + 1))[:length]
                best = best_wall = float("inf")
                for _ in range(3):
                    start, start_wall = time.process_time(), time.perf_counter()
                    grader.grade_compiled(part, text, stem)
                    best = min(best, time.process_time() - start)
                    best_wall = min(best_wall, time.perf_counter() - start_wall)
                times.append(best * 1000)
                if length == 5000:
                    worst_5000_wall = max(worst_5000_wall, best_wall * 1000)
            cells.append(f"{statistics.median(times):7.2f} / {max(times):7.2f}")
            if length == 5000:
                worst_5000 = max(worst_5000, max(times))
        print(f"{kind:24}" + "".join(f"{c:>20}" for c in cells), flush=True)
    print(f"worst part at 5,000 characters, any kind: {worst_5000:.1f} ms CPU ({worst_5000_wall:.1f} ms wall-clock)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000, help="answers in the big batch (default 10,000)")
    ap.add_argument("--inproc", action="store_true", help="child runs grade_lines directly instead of flask grade")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--sweep", action="store_true", help="only the length sweep against the bank's parts")
    ap.add_argument("--no-freeze", action="store_true", help="sweep without gc.freeze() (a process that does not freeze)")
    args = ap.parse_args()
    if args.child:
        child_main()
        return
    if args.sweep:
        sweep(args.no_freeze)
        return

    answers = make_answers(args.n)
    lines = make_lines(answers)
    mean_len = sum(len(a) for a in answers) / len(answers)
    how = "child running grade_lines" if args.inproc else "flask --app app grade -"
    print(f"{args.n} answers, mean {mean_len:.0f} characters, 6-point rubrics ({len(RUBRICS)} inline parts), via {how}")

    startup, _, _ = run_child([], args.inproc)
    small_n = min(1000, args.n)
    wall_small, out_small, rss_small = run_child(lines[:small_n], args.inproc)
    wall_big, out_big, rss_big = run_child(lines, args.inproc)
    assert out_small == small_n and out_big == args.n, (out_small, out_big)

    grading_only = max(wall_big - startup, 1e-9)
    print(f"child start-up (empty batch):        {startup:8.2f} s")
    print(f"{args.n} answers, whole subprocess:   {wall_big:8.2f} s  = {args.n / wall_big:8.0f} answers/s")
    print(f"{args.n} answers, start-up subtracted:{grading_only:8.2f} s  = {args.n / grading_only:8.0f} answers/s")
    print(f"peak RSS of the child, {small_n} answers:   {rss_small / 1024:8.1f} MiB")
    print(f"peak RSS of the child, {args.n} answers:  {rss_big / 1024:8.1f} MiB")

    grade_times, seg_times, grade_total, seg_total, ratios = time_in_process(answers)
    med_grade = statistics.median(grade_times) * 1000
    p95_grade = statistics.quantiles(grade_times, n=20)[-1] * 1000
    med_seg = statistics.median(seg_times) * 1000
    print(f"in this process (same texts, after warm-up; {len(ratios)} rounds of {CHUNK} answers, each graded and "
          "segmented in turn):")
    print(f"  grading: median {med_grade:.3f} ms/answer, p95 {p95_grade:.3f} ms, {args.n / grade_total:8.0f} answers/s "
          "(CPU)")
    print(f"  jieba lcut alone: median {med_seg:.3f} ms/answer, {args.n / seg_total:8.0f} answers/s (CPU)")
    print(f"  ratio grading / segmentation: {grade_total / seg_total:.2f}x (CPU total), {med_grade / med_seg:.2f}x "
          f"(median answer), {statistics.median(ratios):.2f}x (median round, range {min(ratios):.2f}-{max(ratios):.2f})")
    if wall_big > startup:
        print(f"  ratio flask batch (start-up subtracted, wall-clock) / segmentation: {grading_only / seg_total:.2f}x")
    else:  # a busy machine made the empty batch slower than the full one: no figure rather than a false one
        print("  ratio flask batch / segmentation: not measured (start-up took longer than the whole batch)")
    print()
    sweep(args.no_freeze)


if __name__ == "__main__":
    main()
