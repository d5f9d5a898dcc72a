"""The memory page's building blocks: a race of RNN, LSTM and GRU as one background job (the shared runner,
one training slot for the three cells), its live panel, the gradient-through-time and accuracy-against-delay
charts, and the shipped accuracy table."""

import numpy as np
import streamlit as st
from torch import nn

from core.lessons.gate_race import Race, RaceConfig
from core.tasks.base import Bundle
from core.text.vocab import Vocab

from . import charts
from .guard import friendly_errors
from .i18n import t
from .loading import models_dir, shipped_json
from .runner import TrainingRun
from .widgets import remembered, run_controls

ACCURACY_FILE = "memory-accuracy.json"  # made by benchmarks/memory.py --sweep


def race_run(cfg: RaceConfig) -> TrainingRun:
    """A race ready to start (TrainingRun.start joins the server's line; the three cells share one slot)."""
    race = Race(cfg)
    models = nn.ModuleDict({cell: lane.model for cell, lane in race.lanes.items()})
    return TrainingRun(Bundle(model=models, vocab=Vocab(race.task.vocab, specials=False)), race)


def curves(history: list) -> dict[str, list[tuple[int, float]]]:
    """(step, {cell: accuracy}) -> {cell: [(step, accuracy)]}."""
    out: dict[str, list] = {}
    for step, metrics in history:
        for cell, acc in metrics.items():
            out.setdefault(cell, []).append((step, acc))
    return out


def accuracy_chart(history: list, chance: float, title: str = ""):
    return charts.lines({c.upper(): pts for c, pts in curves(history).items()}, title=title,
                        x_title=t("chart.step"), y_title=t("mem.accuracy"), y_domain=(0.0, 1.0), chance=chance,
                        colours=upper_colours(), points=True)


def upper_colours() -> dict[str, str]:
    return {c.upper(): colour for c, colour in charts.CELL_COLOURS.items()}


def gradient_chart(grads: dict[str, np.ndarray], title: str):
    """‖∂L/∂h_t‖ against t (log scale), one line a cell."""
    series = {cell.upper(): [(i + 1, float(v)) for i, v in enumerate(norms)] for cell, norms in grads.items()}
    return charts.lines(series, title=title, x_title=t("mem.grad.x"), y_title="‖∂L/∂h_t‖", log=True,
                        colours=upper_colours(), height=260)


@st.cache_data(max_entries=32, show_spinner=False)
def gradients_at_init(delay: int, cells: tuple[str, ...], hidden: int, radius: float | None,
                      seed: int) -> dict[str, np.ndarray]:
    """The gradient through time of freshly initialised cells (what the race starts from)."""
    probe = RaceConfig.probe_size  # the 32 sequences the page says the gradient is averaged over (8 were)
    race = Race(RaceConfig(delay=delay, cells=cells, hidden=hidden, rnn_radius=radius, seed=seed, max_steps=1,
                           eval_size=probe))
    return {cell: lane.grads_init for cell, lane in race.lanes.items()}


def shipped_accuracy() -> dict | None:
    """The benchmark's accuracy-against-delay table, or None when the file is missing or unreadable."""
    data = shipped_json(models_dir() / ACCURACY_FILE)
    return data if data is not None and isinstance(data.get("points"), list) else None


def delay_chart(table: dict):
    """Final accuracy against the delay, one line a cell, the chance level dashed."""
    series: dict[str, list] = {}
    for point in table["points"]:
        for cell, result in point["cells"].items():
            series.setdefault(cell.upper(), []).append((point["delay"], result["accuracy"]))
    return charts.lines(series, x_title=t("mem.delay.x"), y_title=t("mem.accuracy"), y_domain=(0.0, 1.0),
                        chance=table.get("chance"), colours=upper_colours(), points=True)


def race_settings(cfg: RaceConfig) -> str:
    """The settings a race runs with, in a line (the levers above may have moved since it started)."""
    radius = t("mem.scale.torch") if cfg.rnn_radius is None else f"{cfg.rnn_radius:g}"
    return t("mem.race.settings", delay=cfg.delay, cells=", ".join(c.upper() for c in cfg.cells), hidden=cfg.hidden,
             seconds=f"{cfg.seconds:g}", radius=radius, seed=cfg.seed,
             clip=t("mem.race.clip_on" if cfg.clip is not None else "mem.race.clip_off"))


def race_panel(key: str):
    """The race in st.session_state[key], live: its settings; its place in line (and Cancel) while it waits;
    then Stop, progress and the three accuracy curves. When it ends, the whole page reruns once."""
    run: TrainingRun | None = st.session_state.get(key)
    if run is None:
        return
    race: Race = run.trainer
    st.caption(race_settings(race.cfg))

    @st.fragment(run_every=1.0 if run.snapshot().active else None)
    def panel():
        with friendly_errors("the race panel"):  # a fragment reruns outside the page's own guard
            draw(run.snapshot())

    def draw(snap):
        cols = run_controls(run, snap, key)
        if cols is None:
            return
        latest = snap.valid[-1][1] if snap.valid else {}
        scores = " · ".join(f"{c.upper()} {latest[c]:.2f}" for c in latest)
        cols[1].progress(min(1.0, snap.fraction), text=t("mem.status", step=snap.step, seconds=f"{snap.elapsed:.0f}",
                                                         scores=scores))
        if snap.error:
            st.error(snap.error)
        for cell, lane in race.lanes.items():
            if lane.diverged:
                st.warning(t("mem.diverged", cell=cell.upper(), why=lane.diverged))
        if snap.valid:  # built once per new validation (a chart costs ~0.1 s of the training thread's CPU)
            title = t("mem.race.chart")
            spec = remembered(f"{key}_chart", (id(run), len(snap.valid), title),
                              lambda: accuracy_chart(snap.valid, race.task.chance, title).to_dict())
            st.vega_lite_chart(spec, width="stretch")
        if snap.finished and not run.acknowledged:
            run.acknowledged = True
            st.rerun()

    panel()
