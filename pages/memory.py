"""Why gates: RNN, LSTM and GRU race on a task that needs a long memory; the gradient through time shows why."""
import streamlit as st

from core.config import CELLS
from core.errors import RNNLabError
from core.lessons.gate_race import MAX_DELAY, FirstSymbol, RaceConfig
from webapp import memory, settings, urlstate, widgets
from webapp.exercises import memory as memory_exercises
from webapp.exercises.base import show as show_exercises
from webapp.i18n import t
from webapp.nav import enter

TASKS = ("first",)
DELAYS = (10, 200)
RADII = (None, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0)  # None: torch's initialisation (radius about 0.58)
HIDDEN = (16, 32, 64, 128)
SECONDS = (15, 30, 60, 120, 300)
SEEDS = (0, 9999)
BOUND = {"bind": "query-params", "persist_state": "session"}  # in a copied link, and kept while on other pages


def cell_list(raw: str) -> list[str]:
    """'lstm,rnn' -> ['lstm', 'rnn'] (a list with none of the cells is not one)."""
    found = [c for c in dict.fromkeys(raw.split(",")) if c in CELLS]
    if not found:
        raise ValueError(raw)
    return found


# Links made before the widgets were bound used short names (?delay=40&cells=rnn,gru): read under today's keys.
OLD_PARAMS = (
    urlstate.Field("task", "mem_task", "first", valid=lambda v: v in TASKS),
    urlstate.Field("delay", "mem_delay", 50, int, lambda v: DELAYS[0] <= v <= min(DELAYS[1], MAX_DELAY)),
    urlstate.Field("cells", "mem_cells", list(CELLS), cell_list,
                   lambda v: isinstance(v, list) and set(v) <= set(CELLS)),
    urlstate.Field("scale", "mem_scale", None, lambda v: None if v == "torch" else float(v), lambda v: v in RADII,
                   kind=object),
    urlstate.Field("hidden", "mem_hidden", 64, int, lambda v: v in HIDDEN),
    urlstate.Field("clip", "mem_clip", True, lambda v: v == "1", lambda v: isinstance(v, bool)),
)


enter()
st.title(t("mem.title"))
st.markdown(t("mem.intro"))

limits = settings.load()
urlstate.read_old(OLD_PARAMS)
c1, c2, c3 = st.columns([2, 2, 3])
task_name = c1.radio(t("mem.task"), TASKS, key="mem_task", format_func=lambda k: t(f"mem.task.{k}"), **BOUND)
delay = c2.slider(t("mem.delay"), *DELAYS, value=50, key="mem_delay", help=t("mem.delay.help"), **BOUND)
cells = c3.multiselect(t("mem.cells"), CELLS, default=list(CELLS), key="mem_cells", format_func=str.upper, **BOUND)
c4, c5, c6, c7, c8 = st.columns([3, 2, 2, 2, 1.2])
radius = c4.select_slider(t("mem.scale"), RADII, value=None, key="mem_scale", help=t("mem.scale.help"),
                          format_func=lambda r: t("mem.scale.torch") if r is None else f"{r:g}", **BOUND)
# (value: the bound widget's default, which stays out of the URL; the capped slider offers the cap itself)
hidden = widgets.capped_select_slider(c5, t("mem.hidden"), HIDDEN, cap=limits.max_hidden, default=64,
                                      key="mem_hidden", value=min(64, limits.max_hidden), **BOUND)
seconds = widgets.capped_select_slider(c6, t("mem.seconds"), SECONDS, cap=limits.max_seconds, default=60,
                                       key="mem_seconds", value=min(60, limits.max_seconds), **BOUND)
clip = c7.toggle(t("mem.clip"), value=True, key="mem_clip", help=t("mem.clip.help"), **BOUND)
seed = int(c8.number_input(t("mem.seed"), *SEEDS, value=0, key="mem_seed", help=t("mem.seed.help"), **BOUND))
cells = [c for c in CELLS if c in cells]  # in the usual order

task = FirstSymbol(delay)
text, answer = task.example(seed=delay)
st.caption(t("mem.example", text=text[:60] + ("…" if delay > 60 else ""), answer=answer, chance=f"{task.chance:.0%}"))


def settings_now() -> RaceConfig:
    return RaceConfig(delay=delay, cells=tuple(cells), hidden=hidden, seconds=float(seconds), max_steps=None,
                      clip=1.0 if clip else None, rnn_radius=radius, seed=seed, eval_every=10, eval_size=256)


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
if run is not None and cells and run.trainer.cfg != settings_now():  # the levers moved since it started
    st.info(t("mem.race.other_settings"), icon=":material/tune:")

# ---------------------------------------------------------------- the gradient through time
st.header(t("mem.grad"))
st.markdown(t("mem.grad.intro"))
left, right = st.columns(2)
at_init = None
if cells:
    try:
        at_init = memory.gradients_at_init(delay, tuple(cells), hidden, radius, seed)
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

finished = run.trainer if run is not None and run.snapshot().finished else None
chart = t("ex.memory.chart", hidden=hidden, seed=seed, radius=t("mem.scale.torch") if radius is None else f"{radius:g}")
show_exercises("memory", memory_exercises.build(delay, cells, seconds, at_init, finished, seed, chart))
