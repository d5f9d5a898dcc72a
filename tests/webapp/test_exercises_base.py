"""The exercise panel: numbers read as people type them; Check gives a verdict on the answer shown, which a
changed exercise drops; progress is kept; a class link's record is called only for a checked answer."""
import pytest
from streamlit.testing.v1 import AppTest

from webapp.exercises.base import number_check, parse_number


@pytest.mark.parametrize("typed, value", [("0.42", 0.42), (" -.5 ", -0.5), ("0,42", 0.42), ("1,234", 1234.0),
                                          ("1,234.5", 1234.5), ("1e-3", 0.001), ("\u22120.3", -0.3),
                                          ("abc", None), ("inf", None), ("", None), (None, None)])
def test_numbers_as_people_type_them(typed, value):
    assert parse_number(typed) == value


def test_number_check_uses_its_tolerance():
    check = number_check(0.25, 0.005, "yes {expected}", "no {got}")
    assert check("0.254").right and not check("0.26").right
    assert check("0.26").feedback == "no 0.26"
    assert not check("zero").right


def page():
    import streamlit as st

    from webapp.exercises.base import Exercise, choice_check, number_check, progress, show
    target = st.session_state.get("target", 2.0)
    show("demo", [Exercise("demo_add", f"1 + {target - 1:g} = ?", number_check(target, 0.01, "because", "look"),
                           f"It is {target:g}."),
                  Exercise("demo_pick", "Pick b", choice_check("b", "b it is", "not {got}"), "b", options=("a", "b"))])
    st.write(f"progress={progress()}")


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_check_gives_feedback_on_the_answer_shown_and_keeps_progress():
    at = run(AppTest.from_function(page))
    at.button(key="ex_demo_add_check").click()
    run(at)
    assert "first" in at.warning[0].value.lower()  # nothing typed yet
    at.text_input(key="ex_demo_add_answer").input("3")
    at.button(key="ex_demo_add_check").click()
    run(at)
    assert at.warning[0].value.endswith("look") and not at.success
    at.text_input(key="ex_demo_add_answer").input("2")
    at.button(key="ex_demo_add_check").click()
    run(at)
    assert at.success[0].value.endswith("because")
    assert "'demo_add': True" in at.markdown[-1].value
    at.radio(key="ex_demo_pick_answer").set_value("a")
    at.button(key="ex_demo_pick_check").click()
    run(at)
    assert any(w.value.endswith("not a") for w in at.warning)
    at.toggle(key="ex_demo_pick_show").set_value(True)
    run(at)
    assert any(i.value == "b" for i in at.info)


def test_a_changed_exercise_drops_the_old_verdict():
    at = run(AppTest.from_function(page))
    at.text_input(key="ex_demo_add_answer").input("2")
    at.button(key="ex_demo_add_check").click()
    run(at)
    assert at.success
    at.session_state["target"] = 5.0  # another seed: another question, another answer
    run(at)
    assert not at.success and not at.warning
