"""Charts shared by every session: built once for the same arguments, handed over unchecked unless validating."""
import altair as alt
import numpy as np
import pandas as pd
import pytest

from webapp import charts, shared_charts


def test_the_same_arguments_give_the_same_chart_object_and_other_arguments_another():
    heatmap = shared_charts.shared(getattr(charts.heatmap, "builder", charts.heatmap))
    values = np.arange(6, dtype=float).reshape(3, 2) / 6  # (T, U): 3 tokens, 2 units
    a, b = heatmap(values, list("abc"), title="h"), heatmap(values.copy(), list("abc"), title="h")
    assert a is b
    assert heatmap(values, list("abd"), title="h") is not a


def test_without_validation_the_schema_check_is_skipped(monkeypatch):
    def broken():  # a spec Vega-Lite's schema refuses: a mark type that does not exist
        chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
        chart.mark = "nonsense"
        return chart

    monkeypatch.setenv("RNNLAB_VALIDATE_CHARTS", "1")
    with pytest.raises(Exception, match="nonsense|mark"):
        shared_charts.shared(broken)().to_dict()
    monkeypatch.setenv("RNNLAB_VALIDATE_CHARTS", "0")
    spec = shared_charts.shared(lambda: broken())().to_dict()  # another function: a fresh cache
    assert spec["mark"] == {"type": "nonsense"}


def test_install_wraps_every_builder_once():
    shared_charts.install()
    wrapped = {name: getattr(module, name) for module, names in shared_charts.BUILDERS.items() for name in names}
    assert all(hasattr(f, "builder") for f in wrapped.values())
    shared_charts.install()
    assert all(getattr(module, name) is wrapped[name] for module, names in shared_charts.BUILDERS.items()
               for name in names)


def test_arguments_streamlit_cannot_hash_build_the_chart_afresh():
    class Opaque:  # no way for Streamlit to hash it
        def __reduce__(self):
            raise TypeError("no")

    calls = []

    def builder(thing):
        calls.append(thing)
        return alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")

    build = shared_charts.shared(builder)
    build(Opaque()), build(Opaque())
    assert len(calls) == 2
