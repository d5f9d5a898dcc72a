"""A teacher's class in AppTest: the panel under a page's exercises opens a class and gives two links; a
student who came by the students' link sends checked answers; the Class page shows them only to the teacher's
link; forged links and answers get a message and change nothing. The exercises here are a small page of
their own (two exercises made from ?seed=), so these tests do not wait on any page's exercises."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from app_helpers import answer_exercise, clean, open_app, texts
from streamlit.testing.v1 import AppTest

from webapp.classroom import store

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py


def exercise_page():
    """A page with two exercises made from its seed, shown by the shared panel (webapp.exercises.base)."""
    import streamlit as st

    from webapp.exercises.base import Exercise, choice_check, number_check, show
    seed = int(st.query_params.get("seed", "3"))
    show("demo", [
        Exercise("demo_sum", f"What is {seed} + 1?", number_check(seed + 1, 0.01, "{expected} it is.",
                                                                    "Add one to {got}."), f"{seed + 1}"),
        Exercise("demo_pick", f"Pick the letter {'ab'[seed % 2]}.", choice_check("ab"[seed % 2], "Yes.", "No."),
                 "ab"[seed % 2], options=["a", "b"]),
    ])


@pytest.fixture(autouse=True)
def class_db(monkeypatch, tmp_path):
    """Each test's classes in a database of its own (a file, so the test can look inside)."""
    monkeypatch.setenv(store.ENV, f"sqlite:///{tmp_path / 'classes.db'}")
    store.shared.cache_clear()
    yield store.shared()
    store.shared().engine.dispose()
    store.shared.cache_clear()


def page(language: str | None = None, **query) -> AppTest:
    """The exercise page (no sidebar here: `language` is set as the sidebar's switch would)."""
    at = AppTest.from_function(exercise_page, default_timeout=30)
    if language:
        at.session_state["lang"] = language
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


def start_class(exercise: str = "demo_sum", **query) -> tuple[str, str]:
    """A teacher on the page with `query` opens a class on `exercise`: (students' link, teacher's link)."""
    at = page(**query)
    at.selectbox(key="class_demo_exercise").set_value(exercise)
    at.button(key="class_demo_start").click().run()
    clean(at)
    links = [str(c.value) for c in at.code]
    assert len(links) == 2, links
    return links[0], links[1]


def query_of(link: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(link).query).items()}


answer = answer_exercise  # tests/app/app_helpers.py


def teacher_view(teacher: str, locale: str | None = None) -> AppTest:
    at = open_app("pages/classroom.py", locale=locale, **query_of(teacher))
    clean(at)
    return at


def spread(at: AppTest) -> list[tuple[str, int, str]]:
    """(answer, students, verdict) in the teacher's chart(s), from the Arrow data sent to the browser."""
    import pyarrow as pa
    rows = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            table = pa.ipc.open_stream(dataset.data.data).read_pandas()
            rows += list(table[["answer", "students", "verdict"]].itertuples(index=False, name=None))
    return rows


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, str(m.value)) for m in at.metric]


def test_the_teacher_gets_a_students_link_with_the_view_and_a_teacher_link_with_a_token():
    student, teacher = start_class(seed=7, lang="en")
    s, tq = query_of(student), query_of(teacher)
    assert s["seed"] == "7" and s["ex"] == "demo_sum" and store.valid_class_id(s["class"]) and "token" not in s
    assert tq["class"] == s["class"] and re.fullmatch(r"[A-Za-z0-9_-]{32}", tq["token"])
    assert urlsplit(teacher).path.endswith("classroom")


def test_three_students_answer_and_the_teacher_sees_three_answers():
    student, teacher = start_class(seed=7)
    link = query_of(student)
    for typed in (8, 8, 5):  # the right answer is seed + 1
        at = answer(page(**link), "demo_sum", typed)
        assert "Sent to your class." in " ".join(texts(at.caption))
        assert not at.expander  # a student gets no teacher's panel
    view = teacher_view(teacher)
    assert metrics(view) == [("Students who answered", "3"), ("Right (latest answer)", "2 / 3"),
                             ("Answers checked", "3")]
    assert spread(view) == [("8", 2, "right"), ("5", 1, "not right")]  # the spread of answers
    assert [h.value for h in view.subheader] == ["Exercise 1: What is 7 + 1?"]  # as the teacher's page named it
    assert [c.value for c in view.code] == [student]  # the students' link again, to show the class


def test_the_class_view_counts_each_exercise_of_an_all_exercises_class():
    student, teacher = start_class("*", seed=4)
    link = query_of(student)
    assert "ex" not in link
    at = answer(page(**link), "demo_pick", "a")  # seed 4: 'a' is right
    answer(at, "demo_sum", 1)
    view = teacher_view(teacher)
    assert [m.value for m in view.metric] == ["1", "0 / 1", "1", "1", "1 / 1", "1"]  # demo_sum wrong, demo_pick right


def test_a_students_link_cannot_open_the_teachers_view(class_db):
    student, teacher = start_class()
    answer(page(**query_of(student)), "demo_sum", 4)
    for forged in (query_of(student), {"class": query_of(teacher)["class"], "token": "A" * 32},
                   {"class": "'; DROP TABLE rnnlab_answers; --", "token": query_of(teacher)["token"]}, {"token": "x"}):
        at = open_app("pages/classroom.py", **forged)
        clean(at)
        assert "does not open a class" in " ".join(texts(at.warning))
        assert not at.metric and not at.get("vega_lite_chart")
    assert class_db.counts() == (1, 1)


@pytest.mark.parametrize("class_id", ["AAAAAAAA", "'; DROP TABLE rnnlab_answers; --", "x" * 5000, ""])
def test_an_unknown_class_says_so_and_keeps_nothing(class_db, class_id):
    start_class()
    at = answer(page(**{"class": class_id, "ex": "demo_sum"}), "demo_sum", 4)
    assert any("has ended or is not known" in text for text in texts(at.info))
    assert at.success  # the answer is still checked here
    assert class_db.counts() == (1, 0)


def test_an_answer_to_another_exercise_than_the_class_is_refused(class_db):
    student, teacher = start_class("demo_sum")
    link = query_of(student) | {"ex": "demo_pick"}  # a student edits the link to answer another exercise
    at = answer(page(**link), "demo_pick", "b")
    assert "not part of the class" in " ".join(texts(at.warning))
    assert class_db.counts() == (1, 0)


def forged_answer_page():
    """A request no answer box sends: an answer far over the box's 200 characters, handed to the class."""
    from webapp import classroom
    classroom.record("demo", "demo_sum", "abc123", "9" * 5000, True)


def test_a_huge_answer_is_refused_and_keeps_nothing(class_db):
    student, _ = start_class()
    at = AppTest.from_function(forged_answer_page, default_timeout=30)
    at.query_params.update(query_of(student))
    at.run()
    clean(at)
    assert "longer than 200 characters" in " ".join(texts(at.warning))
    assert class_db.counts() == (1, 0)


def test_a_student_answering_too_fast_is_told_and_the_rest_is_not_kept(class_db):
    student, teacher = start_class()
    at = page(**query_of(student))
    for typed in range(store.ANSWERS_PER_MINUTE + 1):
        answer(at, "demo_sum", typed)
    assert "answers in a minute" in " ".join(texts(at.warning))
    assert class_db.counts() == (1, store.ANSWERS_PER_MINUTE)


def test_the_teacher_ends_the_class_and_its_links_open_nothing(class_db):
    student, teacher = start_class()
    answer(page(**query_of(student)), "demo_sum", 4)
    view = teacher_view(teacher)
    view.button(key="class_end").click().run()
    clean(view)
    assert "answers are deleted" in " ".join(texts(view.success))
    assert class_db.counts() == (0, 0)
    at = answer(page(**query_of(student)), "demo_sum", 4)
    assert any("has ended or is not known" in text for text in texts(at.info))


def test_the_class_page_explains_how_to_start_a_class_in_english_and_korean():
    at = open_app("pages/classroom.py")
    clean(at)
    assert "Teach this page to a class" in " ".join(texts(at.markdown))
    ko = open_app("pages/classroom.py", locale="ko")
    clean(ko)
    assert ko.title[0].value == "수업" and "이 페이지로 수업하기" in " ".join(texts(ko.markdown))


def test_the_panel_and_the_teachers_view_in_korean():
    at = page("ko")
    assert at.expander[0].label == "이 페이지로 수업하기"
    student, teacher = start_class()
    answer(page("ko", **query_of(student)), "demo_sum", 4)
    view = teacher_view(teacher, locale="ko")
    assert [m.label for m in view.metric] == ["답한 학생", "정답 (마지막 답)", "확인한 답"]
