"""Every string the interface shows, in English and Korean: one table, kept in one module per page or area.

`t(key, **values)` gives the string in the language picked in the sidebar, formatted with `values`. A first
visit opens in the browser's language when it is one of LANGUAGES (`default_language`), else in English; the
sidebar's switch and a link's ?lang= win over it.
A page's strings live in its module here (key -> (English, Korean)); a new page adds a module and its
line in AREAS. Messages from `core` (bad data, bad checkpoints) stay in English and are shown after a
translated lead-in.
"""
import streamlit as st

from . import (captioning, char_lm, classifier, classroom, ex_captioning, ex_char_lm, ex_classifier, ex_forecast, ex_hello,
               ex_memory, ex_tagging, ex_translate, exercises, forecast, hello, home, lecture, memory, shell, tagging,
               training, translate)

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
KEY = "lang"  # the sidebar widget's key in st.session_state

AREAS = (shell, home, hello, training, char_lm, classifier, tagging, forecast, memory, captioning, translate, exercises,
         lecture, classroom, ex_hello, ex_memory, ex_char_lm, ex_captioning, ex_classifier, ex_forecast, ex_tagging,
         ex_translate)
STRINGS: dict[str, tuple[str, str]] = {}
for area in AREAS:
    clash = STRINGS.keys() & area.STRINGS.keys()
    assert not clash, f"{area.__name__} defines strings defined elsewhere: {sorted(clash)}"
    STRINGS |= area.STRINGS



def default_language(locale: str | None) -> str:
    """The interface language for a first visit from a browser whose language is `locale` (st.context.locale,
    the browser's navigator.language: "ko", "ko-KR", "en-US"...): Korean for Korean, English otherwise."""
    primary = (locale or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT


def browser_language() -> str:
    """default_language of this visitor's browser (English outside a Streamlit run or without a locale)."""
    try:
        return default_language(st.context.locale)
    except Exception:  # noqa: BLE001 - no session (plain Python, unit tests)
        return DEFAULT


def language() -> str:
    """The language picked in the sidebar (English until one is picked, or outside a Streamlit run)."""
    try:
        lang = st.session_state.get(KEY, DEFAULT)
    except Exception:  # noqa: BLE001 - no session (plain Python, unit tests)
        lang = DEFAULT
    return lang if lang in LANGUAGES else DEFAULT


def t(key: str, lang: str | None = None, **values) -> str:
    """The string `key` in `lang` (default: the sidebar's), with {placeholders} filled from `values`.
    A key missing from the table shows as itself, so a gap is visible rather than fatal."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[list(LANGUAGES).index(lang or language())]
    return text.format(**values) if values else text
