"""Every list of papers follows the bank's order (mock before practice, then by key), as the trainee's dashboard and
the bank's paper list do. The instructor's and administrator's lists were sorted by title, character by character:
模拟考试（一）, （三）, （二）, （四）, and the practice papers before the mock exams."""
import re

import pytest

PAGES = ["/review/", "/review/queue", "/review/regrade", "/reports/", "/admin/pass-rules"]


@pytest.fixture
def papers(exam_bank, make_paper):
    # made in a shuffled order, so that neither the id nor the title gives the bank's order
    for key, title, kind in (("mock-3", "模拟考试（三）", "mock"), ("practice-a", "专项练习：A", "practice"),
                             ("mock-1", "模拟考试（一）", "mock"), ("mock-2", "模拟考试（二）", "mock")):
        make_paper(key, title=title, kind=kind)
    return ["模拟考试（一）", "模拟考试（二）", "模拟考试（三）", "专项练习：A"]


@pytest.mark.parametrize("path", PAGES)
def test_papers_are_listed_in_the_banks_order(admin_client, papers, path):
    page = admin_client.get(path)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    titles = [t for t in re.findall("|".join(map(re.escape, papers)), html)]
    first_seen = list(dict.fromkeys(titles))
    assert first_seen == papers, first_seen


def test_a_class_page_lists_its_papers_in_the_banks_order(admin_client, papers):
    from app.admin.classes import save_cohort
    from app.auth.services import find_user
    from app.extensions import db

    cohort = save_cohort(find_user("admin1"), None, "一班")
    db.session.commit()
    html = admin_client.get(f"/admin/classes/{cohort.id}").get_data(as_text=True)
    first_seen = list(dict.fromkeys(re.findall("|".join(map(re.escape, papers)), html)))
    assert first_seen == papers, first_seen
