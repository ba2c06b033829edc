"""The list judgement reads each mention a bounded number of times, whatever the answer's length (it used to
scan every mention for every item: quadratic on a long list of terms)."""
from app.grading.lists import judge


class CountingSpans(list):
    read = 0

    def __iter__(self):
        for item in super().__iter__():
            CountingSpans.read += 1
            yield item


def test_judging_a_long_list_reads_each_mention_a_bounded_number_of_times():
    for items in (200, 2000):
        text = "、".join(["道歉"] * items)
        spans = CountingSpans((3 * k, 3 * k + 2) for k in range(items))
        CountingSpans.read = 0
        verdict = judge(text, spans, ["道歉"])
        assert verdict.is_list
        assert CountingSpans.read <= 3 * items, (items, CountingSpans.read)
