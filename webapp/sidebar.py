"""The sidebar every page shares: the interface language, Lecture mode and the device models run on."""
import streamlit as st

from . import i18n, lecture, urlstate
from .i18n import t


@st.cache_resource(show_spinner=False)
def device_name() -> str:
    from core.training.device import describe, pick_device  # imports torch: done after the first page is drawn
    return describe(pick_device())


def sidebar():
    """Draw the sidebar; call it once, from the app's entry script, before the pages. Returns the slot
    for `show_device`, to be filled after the page (so a first visit need not wait for torch)."""
    browser = i18n.browser_language()  # a first visit: the browser's language; ?lang= and the switch win
    urlstate.seed("lang", i18n.KEY, browser, valid=lambda v: v in i18n.LANGUAGES)
    with st.sidebar:
        st.radio(t("sidebar.language"), list(i18n.LANGUAGES), key=i18n.KEY, horizontal=True,
                 format_func=i18n.LANGUAGES.get)
        lecture.toggle()
        device = st.empty()
        st.caption(t("sidebar.about"))
    # In the link only when it is not the browser's language (publish leaves a default out): a switch of page
    # drops parameters not bound to a widget, and writing one back would add a history entry at every page.
    urlstate.publish({"lang": st.session_state[i18n.KEY]})
    return device


def show_device(slot):
    """Say in the sidebar which device models run on."""
    slot.caption(t("sidebar.device", device=device_name()))
