"""Time-series forecasting: a series (built-in or uploaded), the shipped Seoul bike model or your own trained
in the background, the forecast from an origin you move with its band beside the baselines, and the
network's state over time."""
from pathlib import Path

import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from core.readers.series import DEFAULT_CONTEXT, DEFAULT_HORIZON
from webapp import charts, loading, settings, urlstate, widgets
from webapp import forecast as fc
from webapp import forecast_charts as fcharts
from webapp.exercises import base as exercises
from webapp.exercises import forecast as fc_exercises
from webapp.i18n import t
from webapp.nav import enter

SERIES = (*fc.available(), "upload")
MODELS = ("shipped", "train", "upload")
BASELINES = ("naive", "seasonal_naive", "holt_winters", "sarima")
BOUND = {"bind": "query-params", "persist_state": "session"}  # in a copied link (the key is the parameter), and
# kept while the visitor is on other pages: for widgets whose values read the same in every language


@st.cache_resource(show_spinner=False, max_entries=8)
def builtin(name: str, root: str):  # shared by every session, never mutated (the helpers copy)
    return fc.builtin(name, Path(root))


NO_BASELINE = "none"  # in a link: no baseline drawn


def baselines_of(raw: str) -> list[str]:
    """The baselines drawn, from a link's 'seasonal_naive,sarima' (or 'none')."""
    return [] if raw == NO_BASELINE else [b for b in raw.split(",") if b in BASELINES]


def form_params() -> dict:
    """The training form's horizon and context, in a link while the form is shown."""
    train = st.session_state.get("fc_model") == "train"
    return {"h": st.session_state.get("fc_horizon") if train else None,
            "ctx": st.session_state.get("fc_context") if train else None}


def method_name(m: str) -> str:
    return t(f"fc.method.{m}")


def table(scores: pd.DataFrame):
    shown = scores.assign(method=scores["method"].map(method_name)).rename(columns={
        "method": t("fc.scores.method"), "mae": "MAE", "rmse": "RMSE", "mase": "MASE", "mape": "MAPE %"})
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        c: st.column_config.NumberColumn(format="%.3g" if c == "MASE" else "%.1f") for c in shown.columns[1:]})


enter()
st.title(t("fc.title"))
st.markdown(t("fc.intro"))

# ---------------------------------------------------------------- 1. the series
# the first view: Seoul bikes (data/seoul_bike), the series the shipped forecaster was trained on
urlstate.seed("series", "fc_series", "seoul_bike" if "seoul_bike" in SERIES else SERIES[0], valid=lambda v: v in SERIES)
name = st.selectbox(t("fc.series"), SERIES, key="fc_series", format_func=lambda s: t(f"fc.series.{s}"))
series, series_key = None, None
try:
    if name == "upload":
        upload = st.file_uploader(t("fc.upload"), type=["csv", "txt"], key="fc_file", max_upload_size=fc.MAX_UPLOAD_MB)
        if upload is not None:
            data = upload.getvalue()
            columns = fc.numeric_columns(data)
            if st.session_state.get("fc_target") not in columns:  # another file (or a stale label)
                st.session_state.pop("fc_target", None)
            target = st.selectbox(t("fc.target"), columns, key="fc_target") if len(columns) > 1 else None
            series_key = f"upload:{upload.file_id}:{target}"
            series = widgets.remembered("fc_upload_held", series_key, lambda: fc.from_upload(data, upload.name, target))
            st.session_state.fc_upload_name = upload.name
        elif "fc_upload_held" in st.session_state:  # the uploader forgot the file (the visitor left the page):
            series_key, series = st.session_state.fc_upload_held  # the series read from it, and its training, stay
            st.caption(t("fc.upload.kept", name=st.session_state.get("fc_upload_name", "")))
    else:
        series, series_key = builtin(name, str(fc.DATA)), name
except RNNLabError as e:
    st.error(t("fc.data.bad", error=e))
if series is None:
    st.info(t("fc.no_series"))
    st.stop()

st.caption(t("fc.stats", rows=f"{len(series):,}", frequency=t(f"fc.freq.{series.frequency}"), target=series.target,
             first=series.times[0].date(), last=series.times[series.observed - 1].date(),
             covariates=len(series.covariates.columns)))
for note in series.notes:
    st.caption(t("fc.note", note=note))

# ---------------------------------------------------------------- 2. the model
model_options = MODELS if name == "seoul_bike" else MODELS[1:]
urlstate.seed("model", "fc_model", model_options[0], valid=lambda v: v in model_options)
if st.session_state.fc_model not in model_options:
    st.session_state.fc_model = model_options[0]
source = st.radio(t("fc.model"), model_options, key="fc_model", horizontal=True,
                  format_func=lambda s: t(f"fc.model.{s}"))
bundle, model_key, valid_start = None, None, None
default_h = DEFAULT_HORIZON[series.frequency]
_, default_valid = fc.split(series, default_h)
chosen_start = st.session_state.get("fc_valid_start", {}).get(series_key)  # from a span dragged on the chart

if source == "shipped":
    shipped = loading.shipped(fc.SHIPPED, "forecast")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{shipped.path.stat().st_mtime}"
        cfg, valid = bundle.cfg, shipped.bundle.info.get("valid") or {}
        _, default_valid = fc.split(series, cfg.horizon)
        valid_start = default_valid.start
        st.caption(t("fc.shipped.card", layers=cfg.num_layers, hidden=cfg.hidden_size, cell=cfg.cell.upper(),
                     context=cfg.context, horizon=cfg.horizon, minutes=bundle.info.get("minutes", "?"),
                     mae=f"{valid.get('mae', float('nan')):.0f}"))
        band = bundle.info.get("calibration")
        if band:
            st.caption(t("fc.shipped.band", after=f"{band['after']:.0%}", before=f"{band['before']:.0%}"))
    elif shipped.missing:
        st.warning(t("fc.shipped.missing", path=fc.SHIPPED))
    else:
        st.error(t("fc.shipped.bad", error=shipped.error))

elif source == "train":
    limits = settings.load()
    valid_start = chosen_start or default_valid.start
    new, start = widgets.start_from("fc", "forecast", "fc_run", keep=("fc_cell", "fc_hidden"))
    c = st.columns(5)
    model = {}
    if st.session_state.get("fc_form_for") not in (None, series_key):  # another series: its own defaults
        st.session_state.fc_horizon, st.session_state.fc_context = default_h, DEFAULT_CONTEXT[series.frequency]
    st.session_state.fc_form_for = series_key
    if new:
        model["cell"] = c[0].selectbox(t("fc.cell"), ("lstm", "gru", "rnn"), key="fc_cell", format_func=str.upper)
        model["hidden"] = widgets.capped_select_slider(c[1], t("fc.hidden"), (8, 16, 32, 64, 128),
                                                       cap=limits.max_hidden,
                                                       default=64, key="fc_hidden")
        urlstate.seed("h", "fc_horizon", default_h, int, lambda v: 1 <= v <= 500)
        model["horizon"] = c[2].number_input(t("fc.horizon"), 1, 500, key="fc_horizon")
        urlstate.seed("ctx", "fc_context", DEFAULT_CONTEXT[series.frequency], int, lambda v: 1 <= v <= 2000)
        model["context"] = c[3].number_input(t("fc.context"), 1, 2000, key="fc_context")
    seconds = widgets.capped_select_slider(c[4], t("fc.seconds"), (5, 10, 20, 30, 60, 120, 300), cap=limits.max_seconds,
                                           default=20, key="fc_seconds")

    def start_run():
        model_cfg, train_cfg = fc.configs(seconds=seconds, **model)
        st.session_state.fc_run = fc.start_training(series, model_cfg, train_cfg, valid_start=chosen_start, start=start,
                                                    data=name)
        st.session_state.fc_run_series = series_key

    widgets.train_control("fc_start", "fc_run", t("fc.train.start"), ready=new or start is not None, start=start_run)
    widgets.training_panel("fc_run", metric="mae", loss_title=t("fc.loss"))
    run = st.session_state.get("fc_run")
    ours = st.session_state.get("fc_run_series") == series_key  # trained on this series
    if run is not None and run.snapshot().state in ("done", "stopped") and ours:
        bundle, model_key = run.bundle, f"own:{id(run)}"
        st.download_button(t("fc.download"), data=run.checkpoint(), file_name="my-forecaster.safetensors",
                           mime="application/octet-stream", icon=":material/download:", key="fc_download")
    elif run is not None and run.snapshot().active:
        st.info(t("fc.train.wait"))
        st.stop()

else:
    valid_start = chosen_start or default_valid.start
    held = loading.uploaded_model("fc", "forecast", t("fc.upload.label"))
    if held is not None:
        bundle, model_key = held.bundle, held.key
        cfg = bundle.cfg
        st.caption(t("fc.upload.card", name=held.name, layers=cfg.num_layers, hidden=cfg.hidden_size,
                     cell=cfg.cell.upper(), horizon=cfg.horizon, frequency=t(f"fc.freq.{cfg.frequency}"),
                     target=cfg.target))

# the series, with the start of validation marked; a span dragged on it moves that start
valid_time = series.times[min(valid_start or default_valid.start, len(series) - 1)]
event = st.altair_chart(fcharts.series_chart(series.frame(), series.target, valid_time, title=t("fc.chart.series"),
                                             valid_label=t("fc.valid.start")),
                        width="stretch", on_select="rerun", key="fc_span", selection_mode="span")
picked = ((getattr(event, "selection", None) or {}).get("span") or {}).get("time")
if picked and source != "shipped":
    when = pd.Timestamp(picked[0]) if isinstance(picked[0], str) else pd.Timestamp(float(picked[0]), unit="ms")
    index = int(series.times.searchsorted(when))
    starts = st.session_state.setdefault("fc_valid_start", {})
    if 0 < index < series.observed and starts.get(series_key) != index:
        starts[series_key] = index
        st.rerun()
st.caption(t("fc.valid.caption", start=valid_time))

if bundle is None:
    st.info(t("fc.no_model"))
    urlstate.publish({"series": name, "model": source, **form_params()})
    st.stop()

# ---------------------------------------------------------------- 3. the forecast
st.header(t("fc.forecast"))
try:
    origins = fc.origins(bundle, series, valid_start or default_valid.start)
except RNNLabError as e:
    st.error(t("fc.mismatch", error=e))
    st.stop()
labels = [str(series.times[o]) for o in origins]
if "fc_origin" not in st.session_state and st.query_params.get("origin") in labels:  # a link from before
    st.session_state.fc_origin = st.query_params["origin"]  # the slider was bound to the URL: ?origin=
elif st.session_state.get("fc_origin", labels[0]) not in labels:  # another series or model: its first origin
    st.session_state.fc_origin = labels[0]
origin_label = (st.select_slider(t("fc.origin"), labels, key="fc_origin", **BOUND) if len(labels) > 1 else
                labels[0])
origin = int(origins[labels.index(origin_label)])

try:
    shown_view = widgets.remembered("fc_view", (model_key, series_key, origin),
                                    lambda: fc.view(bundle, series, origin, fc.shown_before(bundle)))
    overall, winner = widgets.remembered("fc_overall", (model_key, series_key, tuple(origins)),
                                         lambda: fc.overall(bundle, series, origins))
except RNNLabError as e:
    st.error(t("fc.mismatch", error=e))
    st.stop()

present = [b for b in BASELINES if b in shown_view.frame.columns]
drawn_first = [b for b in present if b != "naive"]
urlstate.Field("baselines", "fc_baselines", drawn_first, cast=baselines_of, kind=list,
               valid=lambda v: all(b in present for b in v)).seed()
chosen = st.multiselect(t("fc.baselines"), present, key="fc_baselines", format_func=method_name)
names = {m: method_name(m) for m in ("actual", "model", *present)}
st.altair_chart(fcharts.forecast_chart(shown_view.frame, shown_view.origin, [b for b in chosen if b in present], names,
                                       title=t("fc.chart.title", origin=shown_view.origin), y_title=series.target,
                                       origin_label=t("fc.origin.mark")), width="stretch")
first, last, steps = fc.valid_period(series, valid_start or default_valid.start)
frequency = t(f"fc.freq.{series.frequency}")
st.caption(t("fc.chart.caption", steps=f"{steps:,}", frequency=frequency, first=first, last=last))
calibrated = bundle.info.get("calibration")
if calibrated:  # where this model's band was calibrated (from 2018-09-01 for the shipped bike model)
    facts = dict(steps=f"{calibrated.get('steps', 0):,}",
                 frequency=t(f"fc.freq.{bundle.cfg.frequency or series.frequency}"))
    window = (t("fc.chart.calibrated.from", start=calibrated["start"], **facts) if calibrated.get("start") else
              t("fc.chart.calibrated.last", **facts))
    st.caption(t("fc.chart.calibrated", window=window, before=f"{calibrated['before']:.0%}",
                 after=f"{calibrated['after']:.0%}"))
if series.off is not None:
    off = int(series.off[origin:origin + bundle.cfg.horizon].sum())
    if off:
        st.caption(t("fc.chart.off", n=off))

c = st.columns(2)
with c[0]:
    st.markdown(f"**{t('fc.scores.here')}**")
    table(shown_view.scores)
with c[1]:
    st.markdown(f"**{t('fc.scores.all', n=len(origins))}**")
    table(overall)
model_mae = float(overall.loc[overall["method"] == "model", "mae"].iloc[0])
best_baseline = overall[overall["method"] != "model"].iloc[0]
if winner != "model":
    st.warning(t("fc.wins.baseline", method=method_name(winner), baseline=f"{best_baseline['mae']:,.2f}",
                 model=f"{model_mae:,.2f}"))
else:
    st.success(t("fc.wins.model", model=f"{model_mae:,.2f}", baseline=f"{best_baseline['mae']:,.2f}",
                 method=method_name(best_baseline["method"])))
st.caption(t("fc.scores.caption"))

# ---------------------------------------------------------------- 4. look inside


def look_inside() -> str | None:
    """The network's state over the window and the unit finder; returns the signal the finder follows (None
    when the model cannot be traced on this series: the exercises below are still drawn)."""
    st.header(t("fc.inside"))
    st.markdown(t("fc.inside.intro"))
    try:
        looked = widgets.remembered("fc_inside", (model_key, series_key, origin),
                                    lambda: fc.inside(bundle, series, origin, fc.shown_before(bundle)))
    except RNNLabError as e:
        st.warning(t("fc.inside.bad", error=e))
        return None
    times = pd.Series(looked.times)  # the charts are cached by their arguments: a Series hashes, a DatetimeIndex not
    st.altair_chart(fcharts.time_heatmap(looked.hidden, times, looked.origin, title=t("fc.inside.hidden"),
                                         unit_title=t("chart.unit")), width="stretch")
    if looked.forget is not None:
        st.altair_chart(fcharts.time_heatmap(looked.forget, times, looked.origin, title=t("fc.inside.forget"),
                                             scale="sequential", unit_title=t("chart.unit")), width="stretch")
    if looked.hidden.shape[1] > charts.MAX_UNITS:
        st.caption(t("fc.inside.downsampled", shown=charts.MAX_UNITS, total=looked.hidden.shape[1]))

    st.subheader(t("fc.finder"))
    st.markdown(t("fc.finder.intro"))
    signals = list(looked.signals)
    urlstate.seed("signal", "fc_signal", signals[-1] if "daily" not in signals else "daily",
                  valid=lambda v: v in signals)
    if st.session_state.fc_signal not in signals:
        st.session_state.fc_signal = signals[0]
    signal = st.radio(t("fc.finder.signal"), signals, key="fc_signal", horizontal=True,
                      format_func=lambda s: t(f"fc.signal.{s}"))
    scores = fc.follow(looked.hidden, looked.signals[signal])
    H = looked.hidden.shape[1]
    if st.session_state.get("fc_unit_for") != (model_key, signal):  # another model or signal: its top unit
        st.session_state.pop("fc_unit", None)
        st.session_state.fc_unit_for = (model_key, signal)
    urlstate.Field(None, "fc_unit", scores[0][0], int, lambda v: 0 <= v < H).seed()
    ranked = dict(scores)
    c = st.columns([1, 2])
    with c[0]:
        st.altair_chart(charts.unit_scores(scores, title=t("fc.finder.top"), x_title=t("fc.finder.score"),
                                           unit_label=t("fc.finder.unit.label", unit="{unit}")), width="stretch")
    with c[1]:
        unit = st.selectbox(t("fc.finder.unit"), range(H), key="fc_unit",
                            format_func=lambda u: t("fc.finder.unit.ranked", unit=u, score=f"{ranked[u]:+.2f}")
                            if u in ranked else t("fc.finder.unit.label", unit=u))
        st.altair_chart(fcharts.unit_against(times, looked.hidden[:, unit], looked.signals[signal],
                                             unit_name=t("fc.finder.unit.label", unit=unit),
                                             signal_name=t(f"fc.signal.{signal}")), width="stretch")
    return signal


# ---------------------------------------------------------------- 5. exercises


def show_exercises():
    """The exercises about the origin the exercise number picks (its forecast computed as the slider's would be)."""
    seed = st.number_input(t("ex.forecast.seed"), 0, 999, key="ex_fc_seed", help=t("ex.forecast.seed.help"),
                           **BOUND)
    asked = fc_exercises.pick_origin(origins, seed)
    try:
        asked_view = shown_view if asked == origin else widgets.remembered(
            "fc_ex_view", (model_key, series_key, asked),
            lambda: fc.view(bundle, series, asked, fc.shown_before(bundle)))
    except RNNLabError as e:
        st.warning(t("fc.mismatch", error=e))
        return
    exercises.show("forecast", fc_exercises.build(asked_view, series, asked, bundle.cfg.horizon, seed, method_name))


signal = look_inside()
show_exercises()
urlstate.publish({"series": name, "model": source, "origin": None, "signal": signal,
                  **form_params(),
                  "baselines": None if chosen == drawn_first else ",".join(chosen) or NO_BASELINE})
