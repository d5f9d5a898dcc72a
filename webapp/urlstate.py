"""Shareable page state, typed and checked in one place.

A page's widget values are seeded from `st.query_params` and written back to them, so a copied link opens
the page as it was. Every value that comes back (from the URL, or from a widget through st.session_state)
is checked here against its field's type and rule before a page uses it: the browser sends a radio's or a
select box's *label*, and when the labels have changed since it drew them (a new text, another language)
st.session_state holds that stale label string in place of the value until the widget is drawn again.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

DEFAULTS = "urlstate_defaults"  # session key: {URL parameter: its field's default, as a string} for this run


@dataclass(frozen=True)
class Field:
    """One piece of page state: the URL parameter `param` (None: not in the URL) for the widget `key`.
    `cast` turns a URL string into a value; `kind`, the type a value must have (default: `cast` when it is
    a type, such as int, that the default has); `valid` says whether a value may be used."""
    param: str | None
    key: str
    default: Any
    cast: Callable[[str], Any] = str
    valid: Callable[[Any], bool] | None = None
    kind: type | None = None

    def ok(self, value) -> bool:
        """Is `value` one this field may hold (of its type, and passing its rule)?"""
        kind = self.kind or (self.cast if isinstance(self.cast, type) and isinstance(self.default, self.cast) else None)
        if kind is not None:
            allowed = (int, float) if kind is float else kind
            if not isinstance(value, allowed) or (isinstance(value, bool) and kind in (int, float)):
                return False
        try:
            return self.valid is None or bool(self.valid(value))
        except (TypeError, ValueError, IndexError, KeyError):
            return False

    def parse(self, raw):
        """A value from a string (a URL's, or a stale label): the parsed value, or None."""
        try:
            value = self.cast(raw)
        except (TypeError, ValueError, KeyError):
            return None
        return value if self.ok(value) else None

    def seed(self):
        """Before the widget is drawn: the first time, the URL's value (or the default); afterwards, the
        value held, or the default in place of one that is not this field's (a stale label, a value out of
        range). Returns the value the widget will show."""
        state = st.session_state
        if self.param:
            state.setdefault(DEFAULTS, {})[self.param] = str(self.default)
        if self.key not in state:
            raw = st.query_params.get(self.param) if self.param else None
            parsed = self.parse(raw) if raw is not None else None
            state[self.key] = self.default if parsed is None else parsed
        elif not self.ok(state[self.key]):
            held = state[self.key]
            parsed = self.parse(held) if isinstance(held, str) else None
            state[self.key] = self.default if parsed is None else parsed
        return state[self.key]

    def get(self):
        """The value now (in a callback, say), checked: the default if what is held is not this field's."""
        value = st.session_state.get(self.key, self.default)
        return value if self.ok(value) else self.default


def seed(param: str, key: str, default: Any, cast: Callable[[str], Any] = str,
         valid: Callable[[Any], bool] | None = None):
    """Field(param, key, default, cast, valid).seed(): call before the widget `key` is drawn."""
    return Field(param, key, default, cast, valid).seed()


def choice(param: str | None, key: str, options, default=None):
    """A radio's or select box's field, seeded (see Field.seed): one of `options` (the first by default),
    written in a URL as str(option)."""
    options = list(options)
    by_name = {str(o): o for o in options}
    return Field(param, key, options[0] if default is None else default, cast=lambda raw: by_name[raw],
                 valid=lambda v: v in options, kind=object).seed()


def read_old(fields):
    """An old link's parameters (`fields`: Field(old name, today's widget key, ...)), read into the keys of the
    bound widgets that replaced them on the session's first run (a value that is not valid is dropped, as a
    bound widget drops one). The old parameter stays in the URL, which so still opens this view, until the
    widget has written its own."""
    for field in fields:
        raw = st.query_params.get(field.param)
        if raw is None:
            continue
        if field.key in st.query_params:
            del st.query_params[field.param]
        elif field.key not in st.session_state and (value := field.parse(raw)) is not None:
            st.session_state[field.key] = value


def begin_run():
    """Call once per run, before the page: forget the defaults of the page run before (see `publish`)."""
    st.session_state[DEFAULTS] = {}


def publish(params: dict[str, Any]):
    """Write the page's shareable values into the URL: None, or a field's default (see Field.seed), removes a
    parameter, so a page opened with its defaults adds no entry to the browser's history. Every change goes
    in one message: each message the browser gets from Python is an entry of its history (Back)."""
    defaults = st.session_state.get(DEFAULTS, {})
    wanted = {param: None if value is None or str(value) == defaults.get(param) else str(value)
              for param, value in params.items()}
    for param in [p for p, value in wanted.items() if value is None and p in st.query_params]:
        del st.query_params[param]
    changed = {p: value for p, value in wanted.items() if value is not None and st.query_params.get(p) != value}
    if changed:
        st.query_params.update(changed)


def span(raw: str) -> tuple[int, int]:
    """'3-10' -> (3, 10): a selection of token positions in a URL."""
    a, b = str(raw).split("-")
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
