"""The teacher's view of a class (pages/classroom.py): live counts and the spread of answers, no names."""
import time

import altair as alt
import pandas as pd
import streamlit as st

from ..charts import CATEGORIES
from ..i18n import t
from . import CLASS, TOKEN, store, student_link

BAR_PX = 30  # the height of one answer's bar: the plot's own (fit-x), the axes and legend come on top of it
REFRESH_SECONDS = 3  # how often the counts are read again while the view is open
RIGHT, WRONG = CATEGORIES[1], CATEGORIES[6]  # a category, not a value: neither the app's red nor its blue


def show() -> None:
    """The class named by ?class=<id>&token=<token>, or how to start one. A missing or wrong token, or an
    ended class, gets a message and no data."""
    st.title(t("class.title"))
    class_id, token = st.query_params.get(CLASS), st.query_params.get(TOKEN)
    if class_id is None and token is None:
        st.markdown(t("class.how"))
        return
    try:
        klass = store.shared().teacher(class_id, token)
    except Exception:  # noqa: BLE001 - the database is down or unreachable
        st.warning(t("class.store_down"), icon=":material/cloud_off:")
        return
    if klass is None:
        st.warning(t("class.no_access"), icon=":material/lock:")
        st.markdown(t("class.how"))
        return
    minutes = max(0, round((klass.expires - time.time()) / 60))
    st.caption(t("class.about", page=klass.page, n=len(klass.exercises), hours=minutes // 60, minutes=minutes % 60))
    st.markdown(t("class.student_link"))
    st.code(student_link(klass), language=None)  # to show the class again (on the projector, say)
    if not _ended_now(class_id, token):
        _live(class_id, token)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(class_id: str, token: str) -> None:
    """The counts, read again every few seconds while the page is open."""
    tallies = store.shared().tallies(class_id, token)
    if tallies is None:
        st.info(t("class.ended_teacher"), icon=":material/event_busy:")
        return
    for tally in tallies:
        with st.container(border=True):
            _tally(tally)


def _tally(tally: store.Tally) -> None:
    st.subheader(tally.title, anchor=False)
    st.caption(t("class.exercise_key", name=tally.exercise))
    answered, right, attempts = st.columns(3)
    answered.metric(t("class.answered"), tally.answered)
    right.metric(t("class.right"), f"{tally.right} / {tally.answered}")
    attempts.metric(t("class.attempts"), tally.attempts)
    if not tally.answered:
        st.caption(t("class.waiting"))
        return
    st.altair_chart(spread_chart(tally), width="stretch")
    if tally.versions > 1:
        st.caption(t("class.versions", n=tally.versions))


def spread_chart(tally: store.Tally) -> alt.Chart:
    """Bars: each answer given (a student's latest), how many students gave it, green when right."""
    rows = pd.DataFrame([{"answer": answer, "students": n, "verdict": t("class.verdict_right" if ok else
                                                                        "class.verdict_wrong")}
                         for answer, n, ok in tally.spread])
    verdicts = [t("class.verdict_right"), t("class.verdict_wrong")]
    return alt.Chart(rows).mark_bar().encode(
        y=alt.Y("answer:N", sort="-x", title=None),  # the answers say it (and a turned Hangul title drew as boxes)
        x=alt.X("students:Q", title=t("class.students_axis"), axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("verdict:N", scale=alt.Scale(domain=verdicts, range=[RIGHT, WRONG]), title=None,
                        legend=alt.Legend(orient="top")),
        tooltip=["answer:N", "students:Q", "verdict:N"],
    ).properties(height=BAR_PX * len(rows), autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _ended_now(class_id: str, token: str) -> bool:
    """The End button: the class and its answers are deleted now (otherwise after the class's hours)."""
    pressed = st.button(t("class.end"), key="class_end", icon=":material/stop_circle:")
    if pressed and store.shared().end(class_id, token):
        st.success(t("class.ended_now"), icon=":material/delete:")
        return True
    return False
