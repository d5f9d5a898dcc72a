"""The sidebar every page shares: the interface language and the device models run on."""
import streamlit as st

from . import i18n, urlstate
from .i18n import t


@st.cache_resource(show_spinner=False)
def device_name() -> str:
    from core.training.device import describe, pick_device  # imports torch: done after the first page is drawn
    return describe(pick_device())


def sidebar():
    """Draw the sidebar; call it once, from the app's entry script, before the pages. Returns the slot
    for `show_device`, to be filled after the page (so a first visit need not wait for torch)."""
    urlstate.seed("lang", i18n.KEY, i18n.DEFAULT, valid=lambda v: v in i18n.LANGUAGES)
    with st.sidebar:
        st.radio(t("sidebar.language"), list(i18n.LANGUAGES), key=i18n.KEY, horizontal=True,
                 format_func=i18n.LANGUAGES.get)
        device = st.empty()
        st.caption(t("sidebar.about"))
    urlstate.publish({"lang": None if st.session_state[i18n.KEY] == i18n.DEFAULT else st.session_state[i18n.KEY]})
    return device


def show_device(slot):
    """Say in the sidebar which device models run on."""
    slot.caption(t("sidebar.device", device=device_name()))
