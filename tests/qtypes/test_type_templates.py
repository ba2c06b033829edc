"""Every question type names page templates that exist, and the trainee's pages never test a type's name
(they include the type's own templates)."""
import re
from pathlib import Path

import pytest

from app.qtypes import QUESTION_TYPES

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"


@pytest.mark.parametrize("name", sorted(QUESTION_TYPES))
def test_each_type_has_its_three_templates(name):
    page = QUESTION_TYPES[name].page
    for role in ("exam", "practice", "feedback"):
        assert (TEMPLATES / "exams" / "types" / f"{page}_{role}.html").is_file(), (name, role)


def test_no_trainee_page_branches_on_a_type_name():
    names = "|".join(QUESTION_TYPES)
    pattern = re.compile(rf"""\.type\s*[!=]=\s*['"]({names})['"]""")
    offenders = [str(path.relative_to(TEMPLATES)) for path in (TEMPLATES / "exams").rglob("*.html")
                 if pattern.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
