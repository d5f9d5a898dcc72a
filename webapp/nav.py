"""Page plumbing: the first call of every page script, and links between pages."""
import sys
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

REPO = Path(__file__).resolve().parent.parent


def enter():
    """Call first in every page. On a fresh server, Streamlit's old `pages/` mode is on until the entry
    script has run once: a first visitor who opens a page's own link (a shared URL) would get that page
    run alone, without streamlit_app.py's navigation, sidebar and page config. Switch that mode off and
    rerun, so the entry script runs and routes to the page asked for. The charts the page draws are shared
    by every session (`shared_charts`); a page without charts (home) does not import the plotting library."""
    if {"webapp.charts", "webapp.forecast_charts", "webapp.translate_charts"} & sys.modules.keys():  # before it draws
        from . import shared_charts
        shared_charts.install()
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_link(path: str, label: str, icon: str | None = None):
    """A link to a page of the app, or a greyed note when that page is not there yet."""
    if (REPO / path).is_file():
        st.page_link(path, label=label, icon=icon)
    else:
        from .i18n import t
        st.caption(f"{label} · {t('home.soon')}")
