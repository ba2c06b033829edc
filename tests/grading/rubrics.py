"""Small helpers shared by the grading tests: a one-point part, and the score an answer earns on it."""


def one_point_part(terms, prompt="你会怎样做？", polarity="positive", points=2, text="要点"):
    """A part of one point of ``points`` that matches ``terms`` (a list of term groups)."""
    return {"points": points, "prompt": prompt,
            "rubric": [{"id": "p", "text": text, "points": points, "polarity": polarity, "match": terms}]}


def score(grader, part, answer):
    return grader.grade(part, answer).score
