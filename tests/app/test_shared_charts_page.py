"""The charts a page draws are the same whether Streamlit converts each one (as the tests run, validating)
or the shared, converted-once specs are reused (as a server runs): same specs, same data."""
import json

import pytest
from app_helpers import clean, open_app

from webapp import shared_charts


def charts_of(at) -> list[tuple[dict, list[bytes]]]:
    found = []
    for element in at.get("vega_lite_chart"):
        proto = element.proto
        spec = json.loads(proto.spec)
        spec.pop("params", None)  # selection names may carry the element's id
        found.append((spec, sorted(d.data.data for d in proto.datasets)))
    return found


def clear():
    shared_charts.install()
    for module, names in shared_charts.BUILDERS.items():
        for name in names:
            getattr(module, name).clear()


@pytest.mark.parametrize("page", ["pages/hello_rnn.py", "pages/forecast.py"])
def test_shared_specs_draw_what_streamlit_converts(page, monkeypatch):
    clear()
    checked = open_app(page)  # validating: Streamlit converts every chart itself
    clean(checked)
    monkeypatch.setenv("RNNLAB_VALIDATE_CHARTS", "0")
    clear()
    try:
        shared = open_app(page)  # as a server runs: each chart converted once...
        again = open_app(page)  # ... and its spec reused for the next visitor
    finally:
        clear()  # later tests validate their charts again
    clean(shared)
    assert len(charts_of(checked)) >= 3
    assert charts_of(shared) == charts_of(checked) == charts_of(again)
