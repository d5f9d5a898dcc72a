"""Why gates: RNN, LSTM and GRU race on a task that needs a long memory; the gradient through time shows why."""
import streamlit as st

from core.config import CELLS
from core.errors import RNNLabError
from core.lessons.gate_race import MAX_DELAY, FirstSymbol, RaceConfig
from webapp import memory, settings, urlstate, widgets
from webapp.i18n import t
from webapp.nav import enter

TASKS = ("first",)
DELAYS = (10, 200)
RADII = (None, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0)  # None: torch's initialisation (radius about 0.58)
HIDDEN = (16, 32, 64, 128)
SECONDS = (15, 30, 60, 120, 300)
SEED = 0

enter()
st.title(t("mem.title"))
st.markdown(t("mem.intro"))

limits = settings.load()
urlstate.seed("task", "mem_task", "first", valid=lambda v: v in TASKS)
urlstate.seed("delay", "mem_delay", 50, int, lambda v: DELAYS[0] <= v <= min(DELAYS[1], MAX_DELAY))


def cell_list(raw: str) -> list[str]:
    """'lstm,rnn' -> ['lstm', 'rnn'] (a list with none of the cells is not one)."""
    found = [c for c in dict.fromkeys(raw.split(",")) if c in CELLS]
    if not found:
        raise ValueError(raw)
    return found


urlstate.seed("cells", "mem_cells", list(CELLS), cell_list, lambda v: isinstance(v, list) and set(v) <= set(CELLS))
urlstate.seed("scale", "mem_scale", None, lambda v: None if v == "torch" else float(v), lambda v: v in RADII)
urlstate.seed("hidden", "mem_hidden", 64, int, lambda v: v in HIDDEN)
urlstate.seed("clip", "mem_clip", True, lambda v: v == "1", lambda v: isinstance(v, bool))

c1, c2, c3 = st.columns([2, 2, 3])
task_name = c1.radio(t("mem.task"), TASKS, key="mem_task", format_func=lambda k: t(f"mem.task.{k}"))
delay = c2.slider(t("mem.delay"), *DELAYS, key="mem_delay", help=t("mem.delay.help"))
cells = c3.multiselect(t("mem.cells"), CELLS, key="mem_cells", format_func=str.upper)
c4, c5, c6, c7 = st.columns([3, 2, 2, 2])
radius = c4.select_slider(t("mem.scale"), RADII, key="mem_scale", help=t("mem.scale.help"),
                          format_func=lambda r: t("mem.scale.torch") if r is None else f"{r:g}")
hidden = widgets.capped_select_slider(c5, t("mem.hidden"), HIDDEN, cap=limits.max_hidden, default=64,
                                      key="mem_hidden")
seconds = widgets.capped_select_slider(c6, t("mem.seconds"), SECONDS, cap=limits.max_seconds, default=60,
                                       key="mem_seconds")
clip = c7.toggle(t("mem.clip"), key="mem_clip", help=t("mem.clip.help"))
cells = [c for c in CELLS if c in cells]  # in the usual order
urlstate.publish({"task": task_name, "delay": delay, "cells": ",".join(cells) or None, "scale": radius or "torch",
                  "hidden": hidden, "clip": int(clip)})

task = FirstSymbol(delay)
text, answer = task.example(seed=delay)
st.caption(t("mem.example", text=text[:60] + ("…" if delay > 60 else ""), answer=answer, chance=f"{task.chance:.0%}"))


def settings_now() -> RaceConfig:
    return RaceConfig(delay=delay, cells=tuple(cells), hidden=hidden, seconds=float(seconds), max_steps=None,
                      clip=1.0 if clip else None, rnn_radius=radius, seed=SEED, eval_every=10, eval_size=256)


def start():
    st.session_state.mem_run = memory.race_run(settings_now())
    st.session_state.mem_run.start()


# ---------------------------------------------------------------- the race
st.header(t("mem.race"))
widgets.train_control("mem_train", "mem_run", t("mem.train", seconds=seconds), ready=bool(cells), start=start)
if not cells:
    st.info(t("mem.no_cells"))
memory.race_panel("mem_run")
run = st.session_state.get("mem_run")

# ---------------------------------------------------------------- the gradient through time
st.header(t("mem.grad"))
st.markdown(t("mem.grad.intro"))
left, right = st.columns(2)
if cells:
    try:
        at_init = memory.gradients_at_init(delay, tuple(cells), hidden, radius, SEED)
        left.altair_chart(memory.gradient_chart(at_init, t("mem.grad.init", delay=delay)), width="stretch")
    except RNNLabError as e:
        left.warning(str(e))
if run is not None and run.snapshot().finished:
    race = run.trainer
    trained = {c: lane.grads_end for c, lane in race.lanes.items() if lane.grads_end is not None}
    if trained:
        right.altair_chart(memory.gradient_chart(trained, t("mem.grad.end", delay=race.cfg.delay, step=race.step)),
                           width="stretch")
        right.caption(t("mem.grad.ratios", ratios=" · ".join(
            f"{c.upper()} {lane.ratio_init:.1e} → {lane.ratio_end:.1e}" for c, lane in race.lanes.items())))
else:
    right.info(t("mem.grad.after"))
st.caption(t("mem.grad.text"))

# ---------------------------------------------------------------- accuracy against delay
st.header(t("mem.delays"))
table = memory.shipped_accuracy()
if table is None:
    st.warning(t("mem.delays.missing", path=memory.ACCURACY_FILE))
else:
    st.altair_chart(memory.delay_chart(table), width="stretch")
    st.caption(t("mem.delays.text", hidden=table.get("hidden", "?"), steps=table.get("steps", "?"),
                 command=table.get("command", "")))
