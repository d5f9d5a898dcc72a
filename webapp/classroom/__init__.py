"""A teacher's class: answers to exercises from the students' links, counted for the teacher's view.

Under a page's exercises, a teacher opens a class on the view they see (`teacher_panel`) and gets two links:
the students' (the page, its settings and seed, `class=<id>` and, for one exercise, `ex=<key>`) and their own
(the Class page, `class=<id>&token=<token>`). A student who came by the students' link sends each checked
answer to the class (`record`), anonymously; only the teacher's link reads them (pages/classroom.py).
The answers are kept in `store` (SQLAlchemy: SQLite by default, PostgreSQL for several servers).
"""
import logging
import re
import time
from urllib.parse import urlencode

import streamlit as st

from ..i18n import t

log = logging.getLogger(__name__)
CLASS, EXERCISE, TOKEN = "class", "ex", "token"  # URL parameters of the two links
SESSION = "class_session_id"  # session key: this visitor's anonymous id
TEACHER_PAGE = "classroom"  # the teacher's view: pages/classroom.py
ALL = "*"  # the exercise picker's "all of them"


def record(page: str, exercise: str, fingerprint: str, answer: str, right: bool) -> None:
    """An answer checked in this session. Kept only when the visitor came by a class link (?class=<id>) for
    this page and exercise; says so in a line under the answer, and why when it is not kept."""
    class_id = st.query_params.get(CLASS)
    if class_id is None:
        return
    from . import store
    try:
        outcome = store.shared().record(class_id, session_id(), page, exercise, fingerprint, answer, right)
    except Exception:  # noqa: BLE001 - the database is down or unreachable: the page goes on without it
        log.exception("class store: an answer could not be recorded")
        st.warning(t("class.store_down"), icon=":material/cloud_off:")
        return
    if outcome == store.STORED:
        st.caption(t("class.sent"))
    elif outcome != store.UNKNOWN:  # an unknown or ended class: the note under the exercises says so
        st.warning(t(f"class.refused.{outcome}", limit=_limit(outcome)), icon=":material/block:")


def teacher_panel(page: str, exercises) -> None:
    """Under a page's exercises: for a teacher, "Teach this page to a class" (pick an exercise, Start, the
    two links); for a student who came by a class link, a line saying where their answers go."""
    if not exercises:
        return
    if CLASS in st.query_params:
        _student_note(st.query_params.get(CLASS))
        return
    with st.expander(t("class.panel"), icon=":material/groups:"):
        st.caption(t("class.panel_intro"))
        keys = [ex.key for ex in exercises]
        labels = {ALL: t("class.all"), **{ex.key: t("class.number", n=number, question=_gist(ex.question))
                                          for number, ex in enumerate(exercises, 1)}}
        options = [ALL, *keys] if len(keys) > 1 else keys
        pick = st.selectbox(t("class.which"), options, key=f"class_{page}_exercise", format_func=labels.get)
        if st.button(t("class.start"), key=f"class_{page}_start", icon=":material/play_arrow:"):
            chosen = keys if pick == ALL else [pick]
            _open(page, chosen, [labels[key] for key in chosen])
        opened = st.session_state.get(f"class_{page}_opened")
        if opened and opened[2] > time.time():  # the links of the class started here, while it lasts
            _links(*opened)


def _gist(question: str, limit: int = 60) -> str:
    """A question's start as plain text, for the picker: no markdown marks, one line, at most `limit` characters."""
    text = " ".join(re.sub(r"[*_`$#>]", "", question).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def session_id() -> str:
    """This visitor's anonymous id, the same for the whole session (a class counts it as one student)."""
    from .store import new_session_id
    if SESSION not in st.session_state:
        st.session_state[SESSION] = new_session_id()
    return st.session_state[SESSION]


def page_url(path: str) -> str:
    """The URL of the app's page `path` ('classroom', 'hello_rnn'), without a query: beside this page's own
    address in the browser (st.context.url) when there is one, else relative ('classroom')."""
    here = _url_path()
    address = (st.context.url or "").rstrip("/")
    base = address[: -len(here) - 1] if here and address.endswith("/" + here) else (address if not here else "")
    return f"{base}/{path}" if base else path


def _url_path() -> str:
    """This page's path in the app's URLs ('hello_rnn'), '' for the home page or outside a run."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx()
    if ctx is None:
        return ""
    info = ctx.pages_manager.get_pages().get(ctx.page_script_hash) or {}
    return str(info.get("url_pathname") or "")


def view_query() -> str:
    """The page's settings now, as a URL query, without the class links' own parameters."""
    params = {k: v for k, v in st.query_params.to_dict().items() if k not in (CLASS, EXERCISE, TOKEN)}
    return urlencode(params)


def student_link(klass) -> str:
    """The students' link: the class's page with its settings, the class and, for one exercise, that one."""
    one = klass.exercises[0] if len(klass.exercises) == 1 else None
    extra = {CLASS: klass.id, **({EXERCISE: one} if one else {})}
    query = "&".join(part for part in (klass.query, urlencode(extra)) if part)
    return f"{page_url(klass.page_path)}?{query}"


def teacher_link(klass, token: str) -> str:
    """The teacher's link: the Class page with the class and its token (whoever holds it sees the answers)."""
    return f"{page_url(TEACHER_PAGE)}?{urlencode({CLASS: klass.id, TOKEN: token})}"


def _open(page: str, keys: list[str], titles: list[str]) -> None:
    from . import store
    try:
        klass, token = store.shared().open_class(page, keys, view_query(), session_id(), titles, _url_path())
    except store.ClassError as refused:
        st.warning(t(f"class.not_opened.{refused.reason}", limit=_limit(refused.reason)), icon=":material/block:")
        return
    except Exception:  # noqa: BLE001 - the database is down or unreachable
        log.exception("class store: a class could not be opened")
        st.warning(t("class.store_down"), icon=":material/cloud_off:")
        return
    st.session_state[f"class_{page}_opened"] = (student_link(klass), teacher_link(klass, token), klass.expires)


def _links(student: str, teacher: str, expires: float) -> None:
    minutes = max(0, round((expires - time.time()) / 60))
    st.success(t("class.opened", hours=minutes // 60, minutes=minutes % 60), icon=":material/groups:")
    st.markdown(t("class.student_link"))
    st.code(student, language=None)
    st.markdown(t("class.teacher_link"))
    st.code(teacher, language=None)
    st.link_button(t("class.open_view"), teacher, icon=":material/open_in_new:")


def _student_note(class_id) -> None:
    from . import store
    try:
        live = store.shared().live(class_id)
    except Exception:  # noqa: BLE001
        log.exception("class store: a class could not be looked up")
        st.warning(t("class.store_down"), icon=":material/cloud_off:")
        return
    if live is None:  # a malformed, unknown or ended class: once, under the exercises
        st.info(t("class.ended"), icon=":material/event_busy:")
    else:
        st.caption(t("class.student_note"))


def _limit(reason: str) -> int:
    from . import store
    return {store.TOO_LONG: store.MAX_ANSWER_CHARS, store.TOO_FAST: store.ANSWERS_PER_MINUTE,
            store.FULL: store.MAX_ANSWERS_PER_CLASS, store.BUSY: store.MAX_LIVE_CLASSES,
            store.TOO_MANY: store.CLASSES_PER_HOUR, store.TOO_LONG_QUERY: store.MAX_QUERY_CHARS}.get(reason, 0)
