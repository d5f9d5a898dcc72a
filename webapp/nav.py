"""Page plumbing: the first call of every page script."""
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def enter():
    """Call first in every page. On a fresh server, Streamlit's old `pages/` mode is on until the entry
    script has run once: a first visitor who opens a page's own link (a shared URL) would get that page
    run alone, without streamlit_app.py's navigation, sidebar and page config. Switch that mode off and
    rerun, so the entry script runs and routes to the page asked for."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
