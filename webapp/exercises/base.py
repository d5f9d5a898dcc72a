"""One exercise: a question made from the numbers on the screen, an answer box or a choice, a Check button,
feedback that explains, and Show me.

A page builds its `Exercise`s from what it has just drawn (the model, the seed, the input) and hands them to
`show`. Nothing here knows a right answer: each exercise's `check` computes it. Every widget key starts with
`ex_`. A checked answer is kept in the session (`progress`) and, when the visitor came by a class link,
handed to the class (webapp.classroom).
"""
import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from ..i18n import t

MAX_ANSWER = 200  # characters: an answer is a number, a word or a short phrase
PROGRESS = "ex_progress"  # session key: {page: {exercise key: solved?}}


@dataclass(frozen=True)
class Verdict:
    """A checked answer: right or not, and why (right: what makes it right; wrong: what to look at)."""
    right: bool
    feedback: str


@dataclass(frozen=True)
class Exercise:
    """`key` is unique on its page (its widgets are ex_<key>_answer, ex_<key>_check, ex_<key>_show).
    `question` and `solution` are markdown in the visitor's language, with the numbers the page shows; a
    solution that costs work to make may be a function, called only when the student asks to be shown.
    `check(answer) -> Verdict` is given the answer as typed (str) or the option picked.
    `options`: a choice of these (a radio); None: a text box."""
    key: str
    question: str
    check: Callable[[object], Verdict]
    solution: str | Callable[[], str]
    options: Sequence[str] | None = None

    @property
    def fingerprint(self) -> str:
        """Changes when the exercise does (another seed, model or input): an old verdict is then dropped."""
        text = "\x1f".join([self.key, self.question, *(self.options or ())])
        return hashlib.sha1(text.encode()).hexdigest()[:12]


def parse_number(answer) -> float | None:
    """A number typed as a person would: '0.42', ' -.5 ', '0,42' (a decimal comma), '1,234.5' (thousands),
    '1e-3'; None when it is not one."""
    text = str(answer or "").strip().replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):  # thousands separated by commas
        text = text.replace(",", "")
    elif re.fullmatch(r"[+-]?\d+,\d+", text):  # a decimal comma
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_check(expected: float, tolerance: float, right: str, wrong: str) -> Callable[[object], Verdict]:
    """Right when the answer is within `tolerance` of `expected`. `right`/`wrong` may use {expected} and {got}."""
    def check(answer) -> Verdict:
        got = parse_number(answer)
        if got is None:
            return Verdict(False, t("ex.not_a_number"))
        ok = abs(got - expected) <= tolerance
        return Verdict(ok, (right if ok else wrong).format(expected=expected, got=got))
    return check


def choice_check(expected: str, right: str, wrong: str) -> Callable[[object], Verdict]:
    """Right when the option picked is `expected`. `right`/`wrong` may use {expected} and {got}."""
    def check(answer) -> Verdict:
        ok = answer == expected
        return Verdict(ok, (right if ok else wrong).format(expected=expected, got=answer))
    return check


def progress() -> dict[str, dict[str, bool]]:
    """This session's checked exercises: {page: {exercise key: solved?}}."""
    return st.session_state.setdefault(PROGRESS, {})


def solved_keys() -> set[str]:
    """The keys of the exercises solved in this session, on any page."""
    return {key for page in progress().values() for key, solved in page.items() if solved}


def show(page: str, exercises: Sequence[Exercise]):
    """Draw the page's exercises. With ?ex=KEY in the link (a class link), only that exercise."""
    focus = st.query_params.get("ex")
    if focus in {ex.key for ex in exercises}:
        exercises = [ex for ex in exercises if ex.key == focus]
    st.header(t("ex.title"), anchor="exercises")
    st.caption(t("ex.intro"))
    for number, exercise in enumerate(exercises, 1):
        with st.container(border=True):
            _one(page, number, exercise)
    from .. import classroom
    classroom.teacher_panel(page, exercises)  # a teacher starts a class on this view from here


def _press(flag: str):
    st.session_state[flag] = True


def _one(page: str, number: int, ex: Exercise):
    st.markdown(f"**{number}.** {ex.question}")
    answer_key, verdict_key = f"ex_{ex.key}_answer", f"ex_{ex.key}_verdict"
    if ex.options is not None:
        if st.session_state.get(answer_key) not in (None, *ex.options):
            del st.session_state[answer_key]  # an option of an exercise that has changed since
        answer = st.radio(t("ex.answer"), list(ex.options), index=None, key=answer_key, horizontal=len(ex.options) <= 4)
    else:
        answer = st.text_input(t("ex.answer"), key=answer_key, max_chars=MAX_ANSWER, placeholder=t("ex.placeholder"))
    check_col, show_col = st.columns([1, 3])
    pressed = f"ex_{ex.key}_pressed"  # set by the click itself, so a rerun before this line does not lose it
    check_col.button(t("ex.check"), key=f"ex_{ex.key}_check", type="primary", on_click=_press, args=(pressed,))
    checked = st.session_state.pop(pressed, False)
    reveal = show_col.toggle(t("ex.show"), key=f"ex_{ex.key}_show")
    if checked:
        if answer is None or not str(answer).strip():
            st.session_state[verdict_key] = (ex.fingerprint, answer, Verdict(False, t("ex.empty")), False)
        else:
            verdict = ex.check(answer)
            st.session_state[verdict_key] = (ex.fingerprint, answer, verdict, True)
            progress().setdefault(page, {})[ex.key] = progress().get(page, {}).get(ex.key, False) or verdict.right
            from .. import classroom  # only once an answer is checked
            classroom.record(page, ex.key, ex.fingerprint, str(answer), verdict.right)
    held = st.session_state.get(verdict_key)
    if held and held[0] == ex.fingerprint and held[1] == answer:  # the verdict on the answer shown
        verdict = held[2]
        if verdict.right:
            st.success(t("ex.right", why=verdict.feedback), icon=":material/check_circle:")
        else:
            st.warning(t("ex.wrong", why=verdict.feedback) if held[3] else verdict.feedback,
                       icon=":material/lightbulb:")
    if reveal:
        st.info(ex.solution() if callable(ex.solution) else ex.solution, icon=":material/visibility:")
