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


def test_every_class_string_the_code_asks_for_is_there_in_both_languages():
    import re
    from pathlib import Path

    from webapp.classroom import store
    from webapp.i18n import STRINGS
    from webapp.i18n import classroom as strings
    code = "".join(p.read_text() for p in Path(view.__file__).parent.glob("*.py"))
    asked = set(re.findall(r't\("(class\.[a-z_.]+)"', code))
    asked |= {f"class.refused.{why}" for why in (store.FOREIGN, store.TOO_LONG, store.TOO_FAST, store.FULL, store.BAD)}
    asked |= {f"class.not_opened.{why}" for why in (store.BUSY, store.TOO_MANY, store.TOO_LONG_QUERY, store.BAD)}
    assert len(asked) > 30 and asked <= STRINGS.keys(), sorted(asked - STRINGS.keys())
    assert strings.STRINGS.keys() <= asked | {"class.verdict_right", "class.verdict_wrong"}  # none left unused
    for key in asked:
        english, korean = STRINGS[key]
        assert english.strip() and re.search("[가-힣]", korean), key
