"""Errors are messages: bad input gets its message where it is typed; anything else is a bug, whose detail
goes to the server's log (logger "rnnlab") while the visitor sees one line with a reference to find it there,
and keeps their session and inputs."""
import logging
import uuid
from contextlib import contextmanager

import streamlit as st
from streamlit.errors import FragmentHandledException

from .i18n import t

log = logging.getLogger("rnnlab")


@contextmanager
def friendly_errors(where: str):
    """Run part of a page (`where` names it in the log). st.stop, st.rerun and st.switch_page raise
    BaseExceptions and pass through untouched, as does a fragment's error Streamlit has handled already."""
    try:
        yield
    except FragmentHandledException:
        raise
    except Exception:
        ref = uuid.uuid4().hex[:8]
        log.exception("unexpected error in %s (reference %s)", where, ref)
        st.error(t("app.error", ref=ref), icon=":material/error:")
