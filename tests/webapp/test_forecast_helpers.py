"""The forecast page's pure parts: its chart fits the y scale to the values drawn, and the validation period
the caption names is the series shown (its dates, as fine as its frequency)."""
import altair as alt
import numpy as np
import pandas as pd
import pytest

from core.readers.series import read_series
from webapp import forecast as fc
from webapp import forecast_charts as fcharts


@pytest.fixture(autouse=True)
def no_row_limit():
    with alt.data_transformers.disable_max_rows():
        yield


def co2_like_frame() -> pd.DataFrame:
    """A forecast window whose values lie near 350 (CO2 in ppm): a zero baseline would flatten every line."""
    times = pd.date_range("1990-01-07", periods=20, freq="W")
    actual = 350 + np.sin(np.arange(20))
    frame = pd.DataFrame({"time": times, "actual": actual})
    model = np.where(np.arange(20) >= 10, actual + 0.3, np.nan)
    frame["q10"], frame["q50"], frame["q90"], frame["naive"] = model - 1, model, model + 1, model - 0.5
    return frame


def y_scales(d: dict) -> list[dict]:
    return [layer["encoding"]["y"].get("scale", {}) for layer in d["layer"] if "y" in layer.get("encoding", {})
            and layer["encoding"]["y"].get("field") in ("q10", "value")]


def test_the_forecast_chart_does_not_force_zero_on_the_y_axis():
    d = fcharts.forecast_chart(co2_like_frame(), pd.Timestamp("1990-03-18"), ["naive"],
                               {"actual": "actual", "model": "model", "naive": "naive"}).to_dict()
    scales = y_scales(d)
    assert len(scales) == 2  # the band and the lines
    assert all(s.get("zero") is False for s in scales)


def test_the_series_chart_does_not_force_zero_either():
    frame = co2_like_frame()[["time", "actual"]]
    d = fcharts.series_chart(frame, "actual").to_dict()
    assert d["layer"][0]["encoding"]["y"]["scale"]["zero"] is False


def series_of(column: str, times, values) -> object:
    return read_series(pd.DataFrame({column: times, "y": values}), "test")


@pytest.mark.parametrize("freq, fmt, first, last", [
    ("h", "%Y-%m-%d %H:%M", "2018-09-01 20:00", "2018-09-02 03:00"),
    ("MS", "%Y-%m", "2001-05", "2001-12"),
    ("YS", "%Y", "1982", "1989"),
])
def test_the_validation_period_is_the_series_shown(freq, fmt, first, last):
    start = {"h": "2018-09-01 00:00", "MS": "1999-09-01", "YS": "1962-01-01"}[freq]
    times = pd.date_range(start, periods=28, freq=freq)
    column = {"h": "time", "MS": "month", "YS": "year"}[freq]
    stamps = times.year if freq == "YS" else times.strftime(fmt)
    series = series_of(column, stamps, np.arange(28.0) + 1)
    assert fc.valid_period(series, 20) == (first, last, 8)
    assert fc.valid_period(series, 1000)[2] == 1  # past the end: the last step alone
