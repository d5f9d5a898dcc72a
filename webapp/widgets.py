"""Streamlit pieces several pages draw the same way: the training form's Train button and its choice of
a model to start from, the live training panel (and its place in the server's line), sliders capped by the
server's settings, and the heatmap explorer for a traced text."""
from collections.abc import Callable

import streamlit as st

from core.errors import RNNLabError
from core.tasks.base import Bundle

from . import charts, settings, urlstate
from .guard import friendly_errors
from .i18n import t
from .runner import DONE, STOPPED, Start, TrainingRun, steps_trained

MAX_MODEL_MB = 16  # a model file to go on training (as .streamlit/config.toml's upload limit)
STARTS = ("new", "file", "last")  # a new model, an uploaded file, the model this session just trained


def remembered(key: str, ident, compute: Callable):
    """compute(), kept in st.session_state[key] while `ident` (what it was computed from) stays the same: a
    rerun that changes nothing it depends on does not compute it again. What compute() raises is not kept."""
    held = st.session_state.get(key)
    if held is None or held[0] != ident:
        held = st.session_state[key] = (ident, compute())
    return held[1]


def start_from(prefix: str, task: str, run_key: str, keep: tuple[str, ...] = ()) -> tuple[bool, Start | None]:
    """The training form's first choice: a new model, or go on training a saved one: an uploaded .safetensors
    or (after a run in this session) the model just trained, its settings shown read-only. Returns
    (new, start): (True, None) for a new model; else (False, the model to start from), or (False, None) while
    there is none to use (nothing uploaded yet; a file that cannot be used, with an st.error that says why).
    The model-size widgets `keep` are hidden meanwhile; their values are kept."""
    run: TrainingRun | None = st.session_state.get(run_key)
    if run is not None and run.snapshot().state in (DONE, STOPPED):
        st.session_state[f"{prefix}_last"] = run.checkpoint()  # the newest good model (a failed run after it loses nothing)
    last: bytes | None = st.session_state.get(f"{prefix}_last")
    options = STARTS if last is not None else STARTS[:2]
    key = f"{prefix}_from"
    if st.session_state.get(key) not in options:
        st.session_state[key] = "new"
    choice = st.radio(t("start.from"), options, key=key, horizontal=True, format_func=lambda o: t(f"start.from.{o}"),
                      help=t("start.from.help"))
    if choice == "new":
        return True, None
    urlstate.keep(keep)
    if choice == "file":
        upload = st.file_uploader(t("start.file"), type=["safetensors"], key=f"{prefix}_from_file",
                                  max_upload_size=MAX_MODEL_MB)
        if upload is None:
            return False, None
        found = _opened(f"{prefix}_from_held", upload.file_id, lambda: Start(upload.name, upload.getvalue(), task))
    else:
        found = _opened(f"{prefix}_from_held", last, lambda: Start(t("start.from.last"), last, task))
    if isinstance(found, str):
        st.error(t("start.bad", error=found))
        return False, None
    start, bundle = found
    st.caption(model_card(bundle, start.name))
    return False, start


def _opened(key: str, ident, make) -> tuple[Start, Bundle] | str:
    """The start `make()` with its model loaded once (kept in st.session_state[key] while `ident`, an upload's
    id or a file's bytes, is the same), or why it cannot be used."""
    held = st.session_state.get(key)
    if held is None or held[0] != ident:
        start = make()
        try:
            held = (ident, (start, start.load()))
        except RNNLabError as e:
            held = (ident, str(e))
        st.session_state[key] = held
    return held[1]


def model_card(bundle: Bundle, name: str) -> str:
    """A saved model's settings in a line (e.g. 2×256 LSTM, vocabulary 80, trained 1,234 steps), and whether
    its file kept AdamW's state."""
    cfg = bundle.cfg
    cell = t("start.bidirectional", cell=cfg.cell.upper()) if cfg.bidirectional else cfg.cell.upper()
    labels = ""
    if cfg.task == "classify":
        labels = t("start.card.classes", labels=", ".join(bundle.labels.itos[:10]))
    elif cfg.task == "tag":
        kinds = sorted({tag[2:] for tag in bundle.labels.itos if tag != "O"})
        labels = t("start.card.tags", labels=", ".join(kinds[:10]))
    card = t("start.card", name=name, layers=cfg.num_layers, hidden=cfg.hidden_size, cell=cell,
             vocab=f"{len(bundle.vocab):,}", labels=labels, steps=f"{steps_trained(bundle.info):,}")
    return card + " " + t("start.optimizer" if bundle.optimizer else "start.no_optimizer")


def train_control(key: str, run_key: str, label: str, *, ready: bool, start: Callable[[], None]):
    """The form's Train button and what pressing it does. The press only asks: `start()` (which puts a run
    in st.session_state[run_key], or raises RNNLabError, shown here) runs in the page's next run, from the
    values on the screen then, not from those bound when the button was drawn. One run at a time: the button
    is disabled while a run goes on (a second click before the page redrew does nothing) or while the form
    is not `ready`."""
    asked = st.session_state.pop(f"{key}_asked", False)
    error = None
    if asked and ready and not _busy(run_key):
        try:
            start()
        except RNNLabError as e:  # a model trained before is kept
            error = str(e)
    st.button(label, type="primary", disabled=not ready or _busy(run_key), key=key, icon=":material/play_arrow:",
              on_click=lambda: st.session_state.update({f"{key}_asked": True}))
    if error:
        st.error(t("train.bad", error=error))


def _busy(run_key: str) -> bool:
    run: TrainingRun | None = st.session_state.get(run_key)
    return run is not None and run.snapshot().active


def run_controls(run: TrainingRun, snap, key: str):
    """The head of a live run's panel: Stop while it runs; Cancel and its place in the server's line while it
    waits (then None: nothing more to draw); else its state. -> the [left, right] columns, the right free."""
    cols = st.columns([1, 4], vertical_alignment="center")
    if snap.state == "running":
        cols[0].button(t("train.stop"), key=f"{key}_stop", on_click=run.stop, type="primary",
                       icon=":material/stop_circle:", width="stretch")
    elif snap.state == "queued":
        cols[0].button(t("train.cancel"), key=f"{key}_cancel", on_click=run.stop, icon=":material/cancel:",
                       width="stretch")
        cols[1].info(t("train.queued", place=place(snap.position), slots=settings.load().max_training_jobs),
                     icon=":material/hourglass_top:")
        return None
    else:
        cols[0].markdown(f"**{t('train.state.' + snap.state)}**")
    return cols


def training_panel(key: str, *, sample_label: str | None = None, metric: str | None = None,
                   loss_title: str | None = None):
    """The run kept in st.session_state[key], drawn live: its place in the server's line and a Cancel
    button while it waits; then progress, loss curve, the latest probe output and a Stop button. Redrawn
    every half second while the run is active; when it ends, the whole page reruns once, so the rest of the
    page sees the new model. `metric` (e.g. "accuracy"): a validation
    score drawn under the loss, its best shown in the status line."""
    run: TrainingRun | None = st.session_state.get(key)
    if run is None:
        return

    @st.fragment(run_every=0.5 if run.snapshot().active else None)
    def panel():
        with friendly_errors("the training panel"):  # a fragment reruns outside the page's own guard
            draw(run.snapshot())

    def draw(snap):
        cols = run_controls(run, snap, key)
        if cols is None:
            return
        unit = t("train.unit.step" if run.bundle.cfg.task == "forecast" else
                 "train.unit.char" if run.bundle.cfg.tokenizer == "char" else "train.unit.word")
        status = t("train.status", step=snap.step, seconds=f"{snap.elapsed:.0f}", speed=f"{snap.tokens_per_s:,.0f}",
                   unit=unit)
        if snap.best and "loss" in snap.best:
            status += " · " + t("train.best", loss=f"{snap.best['loss']:.3f}")
        if metric and snap.best and metric in snap.best:
            status += " · " + t("train.best_metric", name=t(f"metric.{metric}"), value=f"{snap.best[metric]:.3f}")
        cols[1].progress(min(1.0, snap.fraction), text=status)
        if snap.error:
            st.error(snap.error)
        if snap.losses:
            valid = [(step, m["loss"]) for step, m in snap.valid if "loss" in m]
            st.altair_chart(charts.loss_curve(snap.losses, valid, names=(t("chart.train"), t("chart.valid")),
                                              y_title=loss_title or t("chart.loss"), x_title=t("chart.step")),
                            width="stretch")
        scores = [(step, m[metric]) for step, m in snap.valid if metric in m] if metric else []
        if scores:
            st.altair_chart(charts.loss_curve([], scores, names=(t("chart.train"), t("chart.valid")),
                                              y_title=t(f"metric.{metric}")), width="stretch")
        if sample_label and snap.samples:
            step, text = snap.samples[-1]
            st.caption(sample_label.format(step=step))
            st.code(text, language=None, wrap_lines=True)
        if snap.finished and not run.acknowledged:
            run.acknowledged = True
            st.rerun()

    panel()


def place(n: int) -> str:
    """A place in line: 1st, 2nd, 11th, 23rd ... (1번째, 2번째 ...)."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return t(f"train.place.{suffix}", n=n)


def capped_select_slider(where, label: str, options: tuple, *, cap: int, default, key: str, **kwargs):
    """`where.select_slider` over the options up to `cap`, a server setting (the cap itself is offered
    when it falls between two options). A value above the cap (kept from before the cap was lowered, say)
    comes down to it. Without `value` in kwargs the value lives in st.session_state[key], starting at
    `default`; with it (a widget bound to the URL or persisting by itself) the widget keeps its own, and
    st.session_state is written only to bring a value down (else Streamlit warns of a value set twice)."""
    allowed = (*(o for o in options if o < cap), cap) if cap < options[-1] else tuple(options)

    def fit(value):
        return value if value in allowed else max((o for o in allowed if o <= value), default=allowed[0])

    held = st.session_state.get(key)
    if "value" in kwargs:
        kwargs["value"] = fit(kwargs["value"])
        if held is not None and held not in allowed:
            st.session_state[key] = fit(held)
    elif held is None or held not in allowed:
        st.session_state[key] = fit(default if held is None else held)
    return where.select_slider(label, allowed, key=key, **kwargs)


def state_heatmap(values, tokens, name: str, *, highlight=(), focus=None):
    """One recorded state (T, H) under its tokens, on the scale that suits it; `focus` (first, last)
    fades the columns outside that span."""
    sequential = name in ("input", "forget", "output", "reset", "update")
    domain = None if name == "cell" else ((0.0, 1.0) if sequential else (-1.0, 1.0))
    chart = charts.heatmap(values, tokens, title=t("inside.state." + name), domain=domain,
                           scale="sequential" if sequential else "diverging", highlight=highlight,
                           unit_title=t("chart.unit"), focus=focus)
    st.altair_chart(chart, width="stretch")
    if values.shape[1] > charts.MAX_UNITS:
        st.caption(t("inside.downsampled", shown=charts.MAX_UNITS, total=values.shape[1]))

