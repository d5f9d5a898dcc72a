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


def monthly_series(n: int = 48):
    months = pd.date_range("2000-01-01", periods=n, freq="MS")
    frame = pd.DataFrame({"month": months.strftime("%Y-%m"), "sales": 100.0 + np.arange(n)})
    return read_series(frame, "sales")


def test_the_forecast_exercises_read_the_baseline_the_page_draws_and_name_the_step_it_repeats():
    from core.tasks.forecast import baselines
    from webapp.exercises import forecast as fx

    series = monthly_series()
    origin, h = 36, 6
    drawn = baselines.seasonal_naive(series.values[:origin], h, series.season)  # what the page's chart draws
    frame = pd.DataFrame({"time": series.times[origin - 3:origin + h],
                          "seasonal_naive": np.concatenate([[np.nan] * 3, drawn])})
    scores = pd.DataFrame({"method": ["model", "seasonal_naive"], "mae": [2.0, 3.0]})
    view = fc.View(frame, series.times[origin], scores, "model")
    for step in range(1, h + 1):
        found = fx.baseline_step(view, series, origin, step, "seasonal_naive")
        assert found.value == drawn[step - 1] == found.source_value  # a season (12 months) back
        assert found.source_time == series.times[origin + step - 1 - 12]
    assert fx.rival(view) == "seasonal_naive" and fx.mae_of(view, "model") == 2.0
    assert [fx.pick_origin(np.array([10, 20, 30]), seed) for seed in range(4)] == [10, 20, 30, 10]
    near = fx.number_near(1234.5, 0.5)
    assert near("1,234.5") and near("1234.2") and near(" 1234,5 ") and not near("1,300") and near("x") is None
    exercise = fx.value(view, series, origin, 2, "seasonal_naive", str)
    assert exercise.check(f"{drawn[1]:.1f}").right and not exercise.check(f"{drawn[1] + 5:.1f}").right
    beat = fx.beat(view, "seasonal_naive", h, str)
    assert beat.check("Yes").right and not beat.check("No").right  # MAE 2 against 3: the network wins
