"""Charts built once per server and shared by every session.

A class opening the same page sees the same charts (a shipped model's default view): each chart builder of
`charts`, `forecast_charts` and `translate_charts` is wrapped, once at the server's start (`install`), in a
`st.cache_resource` keyed by its arguments, so the second visitor gets the first one's chart object. That
object is converted to Streamlit's Vega-Lite spec once, without Altair's schema check (about 35 ms a chart),
and every later draw reuses the spec: Streamlit converts charts under one lock that every session queues
for. The tests set RNNLAB_VALIDATE_CHARTS=1, and there every chart is checked and converted as before. The
builders stay pure functions, tested as such.
"""
import functools
import os

import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec  # st.altair_chart's own
from streamlit.errors import StreamlitAPIException

from webapp import charts, forecast_charts, translate_charts

BUILDERS = {
    charts: ("heatmap", "matrix", "loss_curve", "top_k", "unit_scores", "text_strip", "over_time", "confusion",
             "bars", "lines"),
    forecast_charts: ("series_chart", "forecast_chart", "time_heatmap", "unit_against"),
    translate_charts: ("attention_map", "beam_tree", "by_length"),
}
MAX_ENTRIES = 512  # charts kept a builder (a default view has a few dozen; a class's own inputs add more)


def validating() -> bool:
    return os.environ.get("RNNLAB_VALIDATE_CHARTS") == "1"


def shared(builder):
    """`builder`, cached per server by its arguments; its charts skip the schema check unless validating.
    Arguments Streamlit cannot hash build the chart afresh, as before."""
    @st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
    @functools.wraps(builder)
    def cached(*args, **kwargs):
        chart = builder(*args, **kwargs)
        if not validating():
            converted(chart)
        return chart

    @functools.wraps(builder)
    def build(*args, **kwargs):
        try:
            return cached(*args, **kwargs)
        except StreamlitAPIException:  # UnhashableParamError: an argument of a type Streamlit cannot hash
            return builder(*args, **kwargs)

    build.builder, build.clear = builder, cached.clear
    return build


def converted(chart):
    """Convert `chart` to Streamlit's Vega-Lite spec once (its data as Arrow bytes, no schema check) and make
    its `to_dict`, which Streamlit calls on every draw, hand out copies of that spec: a shared chart costs a
    draw no conversion. Altair keeps a chart's attributes in its _kwds, so object.__setattr__ sets a plain one."""
    object.__setattr__(chart, "to_dict", functools.partial(type(chart).to_dict, chart, validate=False))
    spec = _convert_altair_to_vega_lite_spec(chart)  # what st.altair_chart makes of it, under Streamlit's lock
    object.__setattr__(chart, "to_dict", lambda *a, **k: {**spec, "datasets": dict(spec.get("datasets") or {})})


def install():
    """Wrap every builder once per process (a second call changes nothing)."""
    for module, names in BUILDERS.items():
        for name in names:
            if not hasattr(getattr(module, name), "builder"):
                setattr(module, name, shared(getattr(module, name)))
