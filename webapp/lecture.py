"""The lecture as a path: one stop per page in the lecture's order, each with what to look at, its exercises,
Back/Next and the progress so far.

Lecture mode is the sidebar toggle `lecture` (bound to the URL, so a link keeps it). The exercises solved
(webapp.exercises.base.progress) are kept in the session and, in lecture mode, in the link's `solved`
parameter, so a copied link carries the progress too.
"""
import re

import streamlit as st

from .exercises.base import solved_keys
from .i18n import t

# The lecture's order: the hidden state and its shared weights, why gates, then one-to-many, many-to-one,
# many-to-many. (page file, its stop's string key)
STOPS = (
    ("pages/hello_rnn.py", "lecture.hello"),
    ("pages/memory.py", "lecture.memory"),
    ("pages/char_lm.py", "lecture.char_lm"),
    ("pages/captioning.py", "lecture.captioning"),
    ("pages/classifier.py", "lecture.classifier"),
    ("pages/forecast.py", "lecture.forecast"),
    ("pages/tagging.py", "lecture.tagging"),
    ("pages/translate.py", "lecture.translate"),
)
KEY = "lecture"  # the sidebar toggle's key, and its URL parameter
SOLVED = "solved"  # URL parameter: the exercise keys solved, comma-separated
MAX_SOLVED = 64  # exercise keys read from a link
EXERCISE_KEY = re.compile(r"[a-z0-9_]{1,40}")


def toggle():
    """The sidebar's Lecture mode switch. Call inside `with st.sidebar`. A link into the lecture
    (?lecture=true: the home page's, a copied one) turns it on, also in a session that has drawn it off."""
    if st.query_params.get(KEY) == "true" and not st.session_state.get(KEY):
        st.session_state[KEY] = True
    st.toggle(t("lecture.mode"), key=KEY, bind="query-params", help=t("lecture.mode.help"))


def on() -> bool:
    return bool(st.session_state.get(KEY))


def stop_of(path: str) -> int | None:
    """The stop (0-based) of the page file `path`, or None for a page off the path (home, class)."""
    return next((n for n, (page, _) in enumerate(STOPS) if page == path), None)


def solved_from_link() -> set[str]:
    """The exercise keys a link says were solved: well-formed keys only, at most MAX_SOLVED."""
    raw = st.query_params.get(SOLVED, "")
    keys = [key for key in raw.split(",")[:MAX_SOLVED] if EXERCISE_KEY.fullmatch(key)]
    return set(keys)


def banner(path: str):
    """At the top of a page in lecture mode: where we are, what to look at, Back/Next, the progress."""
    n = stop_of(path)
    if not on() or n is None:
        return
    solved = solved_keys() | solved_from_link()
    with st.container(border=True):
        st.caption(t("lecture.where", n=n + 1, of=len(STOPS), solved=len(solved)))
        st.progress((n + 1) / len(STOPS))
        st.markdown(t(STOPS[n][1]))
        st.markdown(t("lecture.exercises"))
        back, _, forward = st.columns([1, 2, 1])
        query = {KEY: "true", **({SOLVED: ",".join(sorted(solved))} if solved else {})}
        if n > 0:
            back.page_link(STOPS[n - 1][0], label=t("lecture.back"), icon=":material/arrow_back:", query_params=query)
        if n + 1 < len(STOPS):
            forward.page_link(STOPS[n + 1][0], label=t("lecture.next"), icon=":material/arrow_forward:",
                              query_params=query)
        else:
            forward.markdown(t("lecture.end"))


def start_link():
    """The home page's way in: the first stop, in lecture mode."""
    st.page_link(STOPS[0][0], label=t("lecture.start"), icon=":material/school:", query_params={KEY: "true"})


def keep_progress_in_link():
    """In lecture mode, after the page has run: the exercises solved so far go into the link."""
    if not on():
        return
    solved = solved_keys() | solved_from_link()
    value = ",".join(sorted(solved)) or None
    if st.query_params.get(SOLVED) != value:
        if value is None:
            del st.query_params[SOLVED]
        else:
            st.query_params[SOLVED] = value
