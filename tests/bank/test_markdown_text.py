"""Bank Markdown as Chinese authors write it: a list straight under its lead-in line, and paragraphs broken
between Chinese characters (found reading the references on a trainee's result page at 375 px: the items of
callcentre.cancel-number-retention ran on as '存在的问题 - 坐席员… - 王先生…', and the KFC stem read '营业额。 为此')."""
import markdown

from app.bank.markdown_text import plain_excerpt, prepare
from app.bank.moodle import html_of


def html(text: str) -> str:
    return markdown.markdown(prepare(text), extensions=["tables", "sane_lists"])


def test_a_list_under_its_lead_in_line_is_a_list():
    assert html("**存在的问题**\n- 照本宣科\n- 没有挽留\n\n**正确的做法**\n1. 问清原因") == (
        "<p><strong>存在的问题</strong></p>\n<ul>\n<li>照本宣科</li>\n<li>没有挽留</li>\n</ul>\n"
        "<p><strong>正确的做法</strong></p>\n<ol>\n<li>问清原因</li>\n</ol>")
    assert "<table>" in html("对比如下：\n| 项 | 值 |\n|---|---|\n| 甲 | 1 |")


def test_a_break_between_chinese_characters_is_no_space_and_other_breaks_stay():
    assert html("营业额。\n为此，留住他们，\n同时努力") == "<p>营业额。为此，留住他们，同时努力</p>"
    assert html("- 第一条\n  接着写\n- 第二条") == "<ul>\n<li>第一条接着写</li>\n<li>第二条</li>\n</ul>"
    assert html("Hello\nworld") == "<p>Hello\nworld</p>"  # Latin words keep their space
    assert html("2024 年\n1999 年") == "<p>2024 年\n1999 年</p>"
    assert html("第一行  \n第二行") == "<p>第一行<br />\n第二行</p>"  # a hard break is kept
    assert html("# 标题\n正文") == "<h1>标题</h1>\n<p>正文</p>"


def test_fenced_code_and_quotes_are_left_alone():
    assert prepare("```\n代码\n- 不是列表\n```") == "```\n代码\n- 不是列表\n```"
    assert html("> 坐席员：您好。\n>\n> 客户：我要投诉！") == (
        "<blockquote>\n<p>坐席员：您好。</p>\n<p>客户：我要投诉！</p>\n</blockquote>")


def test_the_moodle_export_reads_the_text_the_same_way():
    assert "<li>照本宣科</li>" in html_of("**存在的问题**\n- 照本宣科")


def test_a_plain_excerpt_has_no_markdown_marks():
    """The lists of questions (bank browser, regrade, import preview) showed '大致如下： > 坐席员：… > > 王经理'."""
    stem = "某公司热线，通话内容大致如下：\n\n> 坐席员：“您好！”\n>\n> 王经理：“我要**投诉**！”"
    assert plain_excerpt(stem, 80) == "某公司热线，通话内容大致如下： 坐席员：“您好！” 王经理：“我要投诉！”"
    assert plain_excerpt("# 标题\n- 甲\n1. 乙\n| a | b |\n|---|---|\n| 1 | 2 |", 80) == "标题 甲 乙 a b 1 2"
    assert plain_excerpt("营业额。\n为此", 80) == "营业额。为此"
    assert plain_excerpt("长" * 100, 10) == "长" * 10 + "…" and plain_excerpt(None, 10) == ""
