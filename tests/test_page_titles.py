"""Every page names itself in the browser's tab and history: most instructor and administrator pages (and the
trainee's dashboard) were all '客户服务管理师考试训练', the marking pages only '批阅' without the site."""
import re

import pytest

SITE = "客户服务管理师考试训练"
PAGES = ["/admin/", "/admin/users", "/admin/users/new", "/admin/users/import", "/admin/classes", "/admin/pass-rules",
         "/admin/audit", "/reports/", "/reports/dashboard", "/authoring/", "/authoring/papers", "/authoring/import",
         "/authoring/exchange", "/authoring/attempts", "/authoring/questions/new", "/authoring/papers/new", "/password",
         "/review/", "/review/queue", "/review/regrade"]


def _title_and_heading(html: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
    return title, heading


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_named_by_its_heading_and_the_site(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200, path
    title, heading = _title_and_heading(response.get_data(as_text=True))
    assert title.endswith(" · " + SITE), title
    assert heading.split()[0] in title, (title, heading)


def test_the_sign_in_page_and_the_trainee_dashboard_are_named(client, trainee_client):
    assert _title_and_heading(client.get("/login").get_data(as_text=True))[0] == "登录 · " + SITE
    assert _title_and_heading(trainee_client.get("/dashboard").get_data(as_text=True))[0] == "我的考试 · " + SITE
