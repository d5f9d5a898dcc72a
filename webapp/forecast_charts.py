"""The forecast page's charts: pure functions, data in, `alt.Chart` out (the colour rules of charts.py)."""
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from .charts import DIVERGING, MAX_UNITS, SEQUENTIAL, most_variable

MAX_POINTS = 5000  # a long series is thinned to about this many points before drawing
ACTUAL, MODEL, ORIGIN = "#222222", "#1f77b4", "#d62728"
BASELINE_COLOURS = ["#7570b3", "#1b9e77", "#e6ab02", "#a6761d"]  # neither the model's blue nor the origin's red


def value_scale(scale: str) -> alt.Scale:
    """Hidden states on the diverging scale centred on 0, gates on the sequential one (charts.py's rule)."""
    if scale == "diverging":
        return alt.Scale(scheme=DIVERGING, domain=[-1.0, 1.0], reverse=True, domainMid=0)
    return alt.Scale(scheme=SEQUENTIAL, domain=[0.0, 1.0])


def series_chart(frame: pd.DataFrame, target: str, valid_start=None, *, title: str = "",
                 valid_label: str = "") -> alt.Chart:
    """The whole series; drag to pick a span (zoom with the wheel); the validation part's start marked."""
    step = max(1, len(frame) // MAX_POINTS)
    data = pd.DataFrame({"time": frame["time"].iloc[::step], "value": frame[target].iloc[::step]})
    brush = alt.selection_interval(encodings=["x"], name="span")
    line = alt.Chart(data).mark_line(color=ACTUAL, strokeWidth=1).encode(
        x=alt.X("time:T", title=None), y=alt.Y("value:Q", title=target, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("time:T", format="%Y-%m-%d %H:%M"), alt.Tooltip("value:Q", format=",.2f")])
    layers = [line.add_params(brush)]
    if valid_start is not None:
        rule = pd.DataFrame({"time": [valid_start], "label": [valid_label]})
        layers.append(alt.Chart(rule).mark_rule(color=ORIGIN, strokeDash=[4, 3]).encode(x="time:T"))
        layers.append(alt.Chart(rule).mark_text(color=ORIGIN, align="left", dx=4, dy=-6, baseline="top").encode(
            x="time:T", y=alt.value(0), text="label:N"))
    return alt.layer(*layers).properties(title=title, height=220)


def forecast_chart(frame: pd.DataFrame, origin, shown: Sequence[str], names: dict[str, str], *, title: str = "",
                   y_title: str = "", origin_label: str = "") -> alt.Chart:
    """Actuals, the model's median with its 10-90% band, the baselines in `shown` (dashed), the origin marked.
    The y scale fits the values drawn (zero is not forced: CO2 near 350 ppm would otherwise be a flat line).
    `names`: method -> its label in the legend (actual, model, baselines)."""
    base = alt.Chart(frame).encode(x=alt.X("time:T", title=None))
    band = base.mark_area(opacity=0.25, color=MODEL).encode(
        y=alt.Y("q10:Q", title=y_title, scale=alt.Scale(zero=False)), y2="q90:Q",
        tooltip=[alt.Tooltip("time:T", format="%Y-%m-%d %H:%M"), alt.Tooltip("q10:Q", format=",.1f", title="10%"),
                 alt.Tooltip("q90:Q", format=",.1f", title="90%")])
    lines = ["actual", "q50", *shown]
    long = frame.melt(id_vars="time", value_vars=lines, var_name="method", value_name="value").dropna()
    long["method"] = long["method"].map(lambda m: names.get("model" if m == "q50" else m, m))
    order = [names.get("model" if m == "q50" else m, m) for m in lines]
    colors = [ACTUAL, MODEL] + BASELINE_COLOURS[: len(shown)]
    dashed = {names.get(m, m): [5, 3] for m in shown}
    drawn = alt.Chart(long).mark_line(strokeWidth=2).encode(
        x="time:T", y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False)),
        color=alt.Color("method:N", scale=alt.Scale(domain=order, range=colors),
                        legend=alt.Legend(title=None, orient="top")),
        strokeDash=alt.StrokeDash("method:N", scale=alt.Scale(domain=order, range=[[1, 0], [1, 0]] +
                                                              [dashed[o] for o in order[2:]]), legend=None),
        tooltip=[alt.Tooltip("time:T", format="%Y-%m-%d %H:%M"), "method:N", alt.Tooltip("value:Q", format=",.1f")])
    marks = pd.DataFrame({"time": [origin], "label": [origin_label]})
    rule = alt.Chart(marks).mark_rule(color=ORIGIN, strokeWidth=2).encode(x="time:T")
    text = alt.Chart(marks).mark_text(color=ORIGIN, align="left", dx=4, baseline="top").encode(
        x="time:T", y=alt.value(2), text="label:N")
    return alt.layer(band, drawn, rule, text).properties(title=title, height=320)


def time_heatmap(values: np.ndarray, times: pd.DatetimeIndex, origin: int, *, title: str = "",
                 scale: str = "diverging", unit_title: str = "unit", max_units: int = MAX_UNITS) -> alt.Chart:
    """values (T, H) with time on x (under the forecast chart's axis) and units on y; the origin outlined.
    More than max_units units: the most variable ones."""
    values = np.asarray(values, dtype=float)
    keep = most_variable(values, max_units)
    T = len(times)
    ys, xs = np.meshgrid(keep, np.arange(T), indexing="ij")
    df = pd.DataFrame({"time": np.asarray(times)[xs.ravel()], "unit": ys.ravel(), "value": values[:, keep].T.ravel()})
    step = pd.Series(times).diff().median() if T > 1 else pd.Timedelta(hours=1)
    df["end"] = df["time"] + step
    rects = alt.Chart(df).mark_rect().encode(
        x=alt.X("time:T", title=None), x2="end:T",
        y=alt.Y("unit:O", title=unit_title, axis=alt.Axis(labelOverlap=True)),
        color=alt.Color("value:Q", scale=value_scale(scale), legend=alt.Legend(title=None)),
        tooltip=[alt.Tooltip("time:T", format="%Y-%m-%d %H:%M"), "unit:O", alt.Tooltip("value:Q", format=".3f")])
    rule = alt.Chart(pd.DataFrame({"time": [times[origin]]})).mark_rule(color=ORIGIN, strokeWidth=2).encode(x="time:T")
    return alt.layer(rects, rule).properties(title=title, height=alt.Step(8) if len(keep) > 24 else alt.Step(12))


def unit_against(times: pd.DatetimeIndex, unit: np.ndarray, signal: np.ndarray, *, unit_name: str,
                 signal_name: str) -> alt.Chart:
    """One unit's state and a signal over the window, each scaled to [-1, 1] so their shapes compare."""
    def norm(v):
        v = np.asarray(v, float) - np.nanmean(v)
        m = np.nanmax(np.abs(v)) or 1.0
        return v / m
    df = pd.DataFrame({"time": list(times) * 2, "value": np.concatenate([norm(unit), norm(signal)]),
                       "what": [unit_name] * len(times) + [signal_name] * len(times)})
    return alt.Chart(df).mark_line().encode(
        x=alt.X("time:T", title=None), y=alt.Y("value:Q", title=None),
        color=alt.Color("what:N", scale=alt.Scale(range=[MODEL, BASELINE_COLOURS[2]]),
                        legend=alt.Legend(title=None, orient="top")),
    ).properties(height=180)
