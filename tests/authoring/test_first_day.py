"""What a new instructor tripped over on a first day (walked on a phone, in Chinese and in English), server side:
counts said in words that agree with them, a Word file's problems counted in questions, not rows, ..."""
from tests.authoring.test_import import upload, word
from tests.authoring.test_form_words import choice_form, in_both_languages


def test_one_problem_is_one_problem_in_english(exam_bank, instructor_client):
    """'The question was not saved: 1 problems.'"""
    zh, en = in_both_languages(instructor_client, lambda: instructor_client.post(
        "/authoring/questions/new", data=choice_form(topic="")))
    assert "题目未保存：有 1 个问题。" in zh
    assert "The question was not saved: 1 problem." in en


def test_a_word_files_unreadable_items_are_counted_as_questions_not_rows(app, instructor_client):
    """A Word file has paragraphs, not rows: '有 1 行无法读取' beside a table saying 第 12 段."""
    document = word(["1、客户投诉时首先应当（ B ）。", "A.解释规定 B．耐心倾听", "解析：先处理情绪。", "知识点：投诉处理",
                     "2、投诉是客户给企业的第二次机会。（√）"])
    page = upload(instructor_client, "chapter.docx", document).get_data(as_text=True)
    assert "有 1 道题无法读取。没有导入任何题目" in page and "行无法读取" not in page
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    page = upload(instructor_client, "chapter.docx", document).get_data(as_text=True)
    assert "1 question could not be read. Nothing was imported" in page


def test_synonyms_written_without_brackets_are_refused_with_the_way_to_write_them(exam_bank, instructor_client):
    """`match: 道歉, 致歉` is one term, '道歉, 致歉', that no answer holds: the try panel gave 0 for 先向顾客致歉
    without a word, and the question was saved. It is refused, with the brackets to write."""
    from tests.authoring.test_form_words import RUBRIC, case_form

    rubric = RUBRIC.replace("match: [[道歉]]", "match: 道歉, 致歉").replace("match: [[倾听]]", "match: [[倾听，聆听]]")
    zh, en = in_both_languages(instructor_client, lambda: instructor_client.post(
        "/authoring/questions/new", data=case_form(rubric=rubric)))
    assert "评分要点“apologize”：词语“道歉, 致歉”中有逗号，而词语是连同逗号原样查找的：要让其中任一个词都能得分，" \
           "请把它们写成同一组里的几个词：[[道歉, 致歉]]" in zh
    assert "第 1 组匹配词：词语“倾听，聆听”中有逗号" in zh and "[倾听, 聆听]" in zh
    assert "point 'apologize': the term '道歉, 致歉' holds a comma" in en and "[[道歉, 致歉]]" in en



def _tried(client, rubric, answer="先向顾客致歉，然后退货。"):
    from tests.authoring.test_form_words import case_form

    form = dict(case_form(rubric=rubric, points="6"), try_part="a", try_answer=answer)
    return client.post("/authoring/try", data=form).get_json()


def test_the_try_panel_says_why_key_points_cannot_be_read(app, instructor_client):
    """A key point indented one space short: the panel said 'the part's key points must be a non-empty list' (they
    were written) with the flags 评分不确定 评分要点出错 and 'ask a person'; it now says what the save says: the
    YAML, its line and column."""
    reply = _tried(instructor_client, "- id: apologize\n text: 道歉\n  points: 2\n")
    assert reply["problems"] == ["小题“a”的评分要点：YAML 格式错误（第 2 列）：缩进与上面的列表没有对齐（第 2 行）"]
    assert reply["result"]["error"] is None and reply["result"]["flags"] == [] and reply["result"]["reasons"] == []


def test_the_try_panel_says_what_saving_would_refuse(app, instructor_client):
    """The rubric grades, but saving would refuse it: the panel says so while the author tries answers."""
    rubric = "- id: apologize\n  text: 道歉\n  points: 2\n  match: 道歉, 致歉\n- id: quality\n  text: 退换\n" \
             "  points: 4\n  match: [[退货]]\n"
    reply = _tried(instructor_client, rubric)
    assert reply["result"]["score"] == 4
    assert len(reply["problems"]) == 1 and "词语“道歉, 致歉”中有逗号" in reply["problems"][0]
    assert _tried(instructor_client, rubric.replace("道歉, 致歉", "[[道歉, 致歉]]"))["problems"] == []


def test_the_import_page_offers_a_word_template_that_imports_cleanly(app, instructor_client):
    """Only an Excel template was offered: nothing showed how a Word file must be written (numbers, options,
    答案：, 解析：). The Word template holds notes and one example of each type, and imports as it is."""
    page = instructor_client.get("/authoring/import").get_data(as_text=True)
    assert 'href="/authoring/import/template.docx"' in page and "下载 Word 模板" in page
    assert 'href="/authoring/import/template.xlsx" download id="template-xlsx"' in page  # each link its own file
    response = instructor_client.get("/authoring/import/template.docx")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith("question-template.docx")
    page = upload(instructor_client, "question-template.docx", response.data).get_data(as_text=True)
    assert page.count('class="row-ok"') == 3 and 'class="row-bad"' not in page and 'name="token"' in page


def test_a_changed_question_says_which_graded_answers_a_regrade_would_change(exam_paper, instructor_client, trainee,
                                                                               db):
    """Saving a new version of a question already answered said only '已保存为第 2 版。': nothing told a new
    instructor that the submitted answers keep the old grades until regraded, nor where to do it. The question
    page says how many, per paper, with the link to the regrade's dry run; after the regrade the notice is gone."""
    from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
    from app.models import Question
    from app.authoring.editor import save_question

    attempt, _ = start_attempt(trainee, exam_paper)
    save_answer(attempt, "complaints.case", {"a": "先道歉。"})
    submit_attempt(attempt)
    db.session.commit()
    question = Question.by_key("complaints.case")
    assert "旧版本" not in instructor_client.get("/authoring/questions/complaints.case").get_data(as_text=True)
    content = dict(question.current.content, stem="顾客在商场投诉，经理赶来。")
    save_question(content, None, question)
    db.session.commit()
    page = instructor_client.get("/authoring/questions/complaints.case").get_data(as_text=True)
    assert "“测试模拟卷”中有 1 份已交卷的作答是按这道题的旧版本评分的。" in page
    assert 'href="/review/regrade?paper=mock-t&amp;question=complaints.case&amp;preview=1">用第 2 版重新评分</a>' in page
    assert instructor_client.post("/review/regrade", data={"paper": "mock-t"}).status_code == 302
    assert "旧版本" not in instructor_client.get("/authoring/questions/complaints.case").get_data(as_text=True)
