"""The sidebar every page shares: the interface language and the device models run on."""
import streamlit as st

from core.device import describe, pick_device

from . import i18n, urlstate
from .i18n import t


@st.cache_resource(show_spinner=False)
def device_name() -> str:
    return describe(pick_device())


def sidebar():
    """Draw the sidebar; call it once, from the app's entry script, before the pages."""
    urlstate.seed("lang", i18n.KEY, i18n.DEFAULT, valid=lambda v: v in i18n.LANGUAGES)
    with st.sidebar:
        st.radio(t("sidebar.language"), list(i18n.LANGUAGES), key=i18n.KEY, horizontal=True,
                 format_func=i18n.LANGUAGES.get)
        st.caption(t("sidebar.device", device=device_name()))
        st.caption(t("sidebar.about"))
    urlstate.publish({"lang": None if st.session_state[i18n.KEY] == i18n.DEFAULT else st.session_state[i18n.KEY]})
