"""Questions and papers for exam/API tests, with secret strings that must never reach a trainee early."""
from app.extensions import db
from app.models import Paper, Question, SynonymSet
from tests.conftest import case_content, single_content

SECRET_EXPLANATION = "解析秘密XPL"
SECRET_REFERENCE = "参考答案秘密REF"
SECRET_RUBRIC = "要点秘密RUB"
SECRET_SAMPLE = "样例秘密SMP"
SECRET_SOURCE = "来源秘密SRC"
SECRETS = (SECRET_EXPLANATION, SECRET_REFERENCE, SECRET_RUBRIC, SECRET_SAMPLE, SECRET_SOURCE)
SECRET_KEYS = {"correct_answer", "correct_labels", "explanation", "rubric", "reference", "samples", "source",
               "is_correct", "result", "missed"}

SIX = {"A": "选项甲", "B": "选项乙", "C": "选项丙", "D": "选项丁", "E": "选项戊", "F": "选项己"}


def add_question(content: dict) -> Question:
    question = Question(key=content["id"], type=content["type"], topic=content["topic"])
    question.revise(content)
    db.session.add(question)
    return question


def single(qid, topic="公用事业服务", difficulty=2, answer="C", tags=(), **extra):
    fields = {"difficulty": difficulty, "tags": list(tags), "options": dict(SIX), "source": SECRET_SOURCE,
              "explanation": f"{SECRET_EXPLANATION}-{qid}", "stem": f"题干 {qid}"}
    fields.update(extra)
    return single_content(qid, topic=topic, answer=answer, **fields)


def multiple(qid, topic="投诉处理", difficulty=3, answer=("A", "C"), tags=()):
    return {"id": qid, "type": "multiple", "topic": topic, "difficulty": difficulty, "tags": list(tags),
            "stem": f"多选题干 {qid}", "options": dict(SIX), "answer": list(answer), "points": 2,
            "explanation": f"{SECRET_EXPLANATION}-{qid}"}


def judge(qid, topic="服务礼仪", difficulty=1, answer=True):
    return {"id": qid, "type": "judge", "topic": topic, "difficulty": difficulty, "tags": [],
            "stem": f"判断题干 {qid}", "answer": answer, "points": 1, "explanation": f"{SECRET_EXPLANATION}-{qid}"}


def case(qid="complaints.case"):
    content = case_content(qid, rubric_points=(("apologize", "道歉", 4), ("listen", "倾听", 6)))
    part = content["parts"][0]
    part["reference"] = SECRET_REFERENCE
    for point in part["rubric"]:
        point["text"] = f"{SECRET_RUBRIC}-{point['id']}"
    part["samples"] = [{"answer": SECRET_SAMPLE, "expect": 0}]
    content["parts"].append({
        "id": "b", "prompt": "如何回访？", "points": 10, "reference": SECRET_REFERENCE + "-b",
        "rubric": [{"id": "call", "text": f"{SECRET_RUBRIC}-call", "points": 10, "match": [["回访", "电话"]]}],
    })
    content["source"] = SECRET_SOURCE
    return content


def seed_bank() -> dict:
    """6 single (2 topics, difficulties 2 and 4), 3 multiple, 3 judge, 1 case; a synonym set."""
    questions = {}
    for i in range(4):
        questions[f"gas.s{i}"] = add_question(single(f"gas.s{i}", tags=["燃气"] if i < 2 else []))
    for i in range(2):
        questions[f"quality.s{i}"] = add_question(single(f"quality.s{i}", topic="服务质量", difficulty=4))
    for i in range(3):
        questions[f"complaints.m{i}"] = add_question(multiple(f"complaints.m{i}"))
    for i in range(3):
        questions[f"etiquette.j{i}"] = add_question(judge(f"etiquette.j{i}", answer=(i % 2 == 0)))
    questions["complaints.case"] = add_question(case())
    db.session.add(SynonymSet(name="apologize", terms=["道歉", "致歉", "赔礼道歉"]))
    db.session.commit()
    return questions


def make_paper(key="mock-t", **definition) -> Paper:
    body = {"id": key, "title": "测试模拟卷", "kind": "mock", "time_limit": 60, "max_attempts": 3,
            "shuffle_options": False,
            "sections": [
                {"title": "单选", "draw": {"type": "single", "count": 2, "topic": "公用事业服务"}, "points_each": 1},
                {"title": "多选", "questions": ["complaints.m0"], "points_each": 2},
                {"title": "判断", "questions": ["etiquette.j0"]},
                {"title": "案例", "questions": ["complaints.case"]},
            ]}
    body.update(definition)
    paper = Paper(key=key, content_hash="")
    paper.update_from(body)
    db.session.add(paper)
    db.session.commit()
    return paper


def walk_keys(value):
    """Every mapping key anywhere in a JSON value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from walk_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from walk_keys(inner)
