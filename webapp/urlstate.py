"""Shareable page state: widget values seeded from `st.query_params` and written back to them, so a
copied link opens the page as it was."""
from collections.abc import Callable
from typing import Any

import streamlit as st


def seed(param: str, key: str, default: Any, cast: Callable[[str], Any] = str,
         valid: Callable[[Any], bool] | None = None):
    """Before the widget `key` is drawn: give it the URL's value of `param` (or `default`) the first time
    the page runs in this session. A value that does not parse or fails `valid` is ignored."""
    if key in st.session_state:
        return
    value = default
    raw = st.query_params.get(param)
    if raw is not None:
        try:
            parsed = cast(raw)
            if valid is None or valid(parsed):
                value = parsed
        except (TypeError, ValueError):
            pass
    st.session_state[key] = value


def publish(params: dict[str, Any]):
    """Write the page's shareable values into the URL (None removes a parameter)."""
    for param, value in params.items():
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != str(value):
            st.query_params[param] = str(value)


def span(raw: str) -> tuple[int, int]:
    """'3-10' -> (3, 10): a selection of token positions in a URL."""
    a, b = raw.split("-")
    a, b = int(a), int(b)
    if not 0 <= a <= b:
        raise ValueError(raw)
    return a, b


def keep(keys):
    """Keep these widgets' values while their widgets are not drawn (another page, or a section of the
    page that is hidden): Streamlit forgets a widget's value when it is not drawn in a run, unless the
    value has been set through st.session_state. Only for value widgets (not buttons or uploaders)."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
