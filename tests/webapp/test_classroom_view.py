"""The teacher's chart of a class's answers (webapp.classroom.view.spread_chart): one bar per answer, its
students counted, right and wrong told apart, tall enough for every answer."""
from webapp.classroom import view
from webapp.classroom.store import Tally


def tally(spread) -> Tally:
    answered = sum(n for _, n, _ in spread)
    return Tally("demo_sum", "Exercise 1: What is 3 + 1?", answered=answered,
                 right=sum(n for _, n, ok in spread if ok), attempts=answered, versions=1, spread=tuple(spread))


def test_one_bar_per_answer_with_its_students_and_verdict():
    chart = view.spread_chart(tally([("4", 2, True), ("5", 1, False)]))
    assert chart.data.to_dict("records") == [{"answer": "4", "students": 2, "verdict": "right"},
                                             {"answer": "5", "students": 1, "verdict": "not right"}]
    spec = chart.to_dict()
    assert spec["encoding"]["y"]["field"] == "answer" and spec["encoding"]["x"]["field"] == "students"
    assert spec["encoding"]["color"]["scale"]["domain"] == ["right", "not right"]


def test_the_plot_grows_with_the_answers_and_keeps_its_height_for_the_bars():
    one, five = (view.spread_chart(tally([(str(i), 1, i == 0) for i in range(n)])).to_dict() for n in (1, 5))
    assert five["height"] == 5 * one["height"] >= 5 * 24
    assert one["autosize"]["type"] == "fit-x"  # the axes and the legend come on top of the bars' height
