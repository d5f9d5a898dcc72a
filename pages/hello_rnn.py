"""Hello RNN: the lecture's example, live. Every number of a one-hot vanilla RNN on one word."""
import numpy as np
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from core.lessons.hello import LEARNING_RATES, MAX_WORD, HelloRNN, backward
from webapp import charts, hello, urlstate
from webapp.exercises import hello as hello_exercises
from webapp.exercises.base import show as show_exercises
from webapp.i18n import t
from webapp.nav import enter

PREV, INPUT, NOW = "#ff8c00", "#1f77b4", "#2ca02c"  # h_{t-1}, x_t, h_t: the same colours in charts and formula
# (walking back: orange is what comes from the neighbouring step, t+1; green is step t's own)
WEIGHTS = ("W_hy", "W_hh", "W_xh", "b")
TEX = {"W_hy": "W_{hy}", "W_hh": "W_{hh}", "W_xh": "W_{xh}", "b": "b"}
PAGE_UNITS = 26  # matrix columns (44 px each) that fit side by side on a wide page
BOUND = {"bind": "query-params", "persist_state": "session"}  # in a copied link, and kept while on other pages
# Links made before the widgets were bound named the network ?word=&hidden=&seed=: read under today's keys.
OLD_PARAMS = (urlstate.Field("word", "hello_word", "hello", valid=lambda w: 0 < len(w) <= MAX_WORD),
              urlstate.Field("hidden", "hello_hidden", 3, int, lambda v: 1 <= v <= 16),
              urlstate.Field("seed", "hello_seed", 0, int, lambda v: 0 <= v < 2**31))


def in_rows(widths: list[int], budget: int) -> list[list[int]]:
    """Indices of items of these widths, grouped into rows no wider than `budget` (an item a row at least)."""
    rows, used = [[]], 0
    for i, w in enumerate(widths):
        if rows[-1] and used + w > budget:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += w
    return rows


def draw_matrices(specs_and_widths: list[tuple]):
    """Matrix charts at their own width (a cell is 44 px), as many side by side as fit."""
    for row in in_rows([w for _, w in specs_and_widths], PAGE_UNITS):
        widths = [specs_and_widths[i][1] for i in row]
        spare = PAGE_UNITS - sum(widths)
        cols = st.columns(widths + ([spare] if spare > 0 else []))
        for col, i in zip(cols, row):
            col.vega_lite_chart(specs_and_widths[i][0], width="content")


def linked_training(net: HelloRNN) -> HelloRNN:
    """The first network of a session: trained as the link says (?hello_trained=20@0.1,40@0.3), or as it is
    when the link carries no training or one that cannot be read (marked, for a warning)."""
    try:
        return hello.replay(net, hello.parse_recipe(st.query_params.get("hello_trained", "")))
    except (ValueError, RNNLabError):
        st.session_state.hello_bad_link = net
        return net


def network(settings: tuple[str, int, int]) -> HelloRNN:
    """The session's network for these settings: kept while they stay; new (untrained) when they change;
    the link's when the session starts. Settings that make no network (a one-letter word) keep the one there
    is, with a warning."""
    held: HelloRNN | None = st.session_state.get("hello_net")
    if held is not None and held.settings == settings:
        return held
    try:
        fresh = HelloRNN(*settings)
    except RNNLabError as e:
        st.warning(t("hello.bad_word", error=e))
        if held is None:
            st.stop()
        return held
    if held is None:
        fresh = linked_training(fresh)
    elif held.word != fresh.word:  # the time-step sliders walked the old word: start them afresh, through
        st.session_state.hello_t = 0  # session state, so the slider shows the step that is used
        st.session_state.hello_back_t = len(fresh.word) - 2
    st.session_state.hello_net = fresh
    return fresh


STEPS_DEFAULT, LR_DEFAULT = 20, 0.1  # Train's steps per click and learning rate, until the sliders move


def train():
    """Train's click: the session's network takes the steps at the rate on the screen now (the network's
    lock puts a second click's steps after the first's). A click whose message carries no slider values (a
    client other than the browser) trains at the sliders' defaults rather than failing."""
    state = st.session_state
    state.hello_net.train(int(state.get("hello_steps", STEPS_DEFAULT)), float(state.get("hello_lr", LR_DEFAULT)))


def reset():
    st.session_state.hello_net = HelloRNN(*st.session_state.hello_net.settings)


enter()
st.title(t("hello.title"))
st.markdown(t("hello.intro"))

urlstate.read_old(OLD_PARAMS)
c1, c2, c3 = st.columns([2, 1, 1])
c1.text_input(t("hello.word"), value="hello", key="hello_word", max_chars=MAX_WORD, help=t("hello.word.help"),
              **BOUND)
c2.number_input(t("hello.hidden"), min_value=1, max_value=16, value=3, key="hello_hidden", **BOUND)
c3.number_input(t("hello.seed"), min_value=0, max_value=2**31 - 1, value=0, key="hello_seed", **BOUND)
net = network((st.session_state.hello_word, int(st.session_state.hello_hidden), int(st.session_state.hello_seed)))
word, hidden, seed = net.settings

b1, b0, b2, b3, _ = st.columns([2, 2, 1.4, 1, 0.6], vertical_alignment="bottom")
steps = b1.select_slider(t("hello.steps"), options=[1, 5, 20, 50, 100], value=STEPS_DEFAULT, key="hello_steps",
                         **BOUND)
lr = b0.select_slider(t("hello.lr"), options=LEARNING_RATES, value=LR_DEFAULT, key="hello_lr", help=t("hello.lr.help"),
                      **BOUND)
b2.button(t("hello.train", n=steps), on_click=train, type="primary", key="hello_train",
          icon=":material/fitness_center:", width="stretch")
b3.button(t("hello.reset"), on_click=reset, key="hello_reset", icon=":material/restart_alt:", width="stretch")
shared = hello.recipe_text(net.segments)  # the training a copied link replays (None: too long for a link)
if st.session_state.get("hello_trained") != (shared or ""):  # (a session's first run shows the link's own
    st.session_state.hello_trained = shared or ""  # text all the same: a bound widget's URL value wins then)
st.text_input(t("hello.trained"), key="hello_trained", disabled=True, help=t("hello.trained.help"),
              placeholder=t("hello.trained.none"), **BOUND)
if shared is None:
    st.caption(t("hello.trained.too_long", limit=hello.MAX_LINK_STEPS))
if st.session_state.get("hello_bad_link") is net and net.steps == 0:
    st.warning(t("hello.bad_link", limit=hello.MAX_LINK_STEPS))

snap = net.snapshot()
T = len(snap.inputs)
left, right = st.columns([3, 2])
with left:
    st.markdown("**" + t("hello.loss", steps=net.steps, loss=f"{snap.loss:.4f}") + "**")
    st.vega_lite_chart(hello.loss_spec(net.losses, name=t("chart.train"), y_title=t("hello.loss_axis"),
                                       x_title=t("chart.step")), width="stretch")
with right:
    table = pd.DataFrame({
        t("hello.col.input"): snap.inputs, t("hello.col.target"): snap.targets,
        t("hello.col.predicted"): snap.predicted,
        t("hello.col.right"): [p == g for p, g in zip(snap.predicted, snap.targets)],
        t("hello.col.p_target"): [float(snap.probs[i, snap.vocab.index(g)]) for i, g in enumerate(snap.targets)],
    }, index=[f"t={i + 1}" for i in range(T)])
    st.markdown("**" + t("hello.predictions") + "**")
    st.dataframe(table, column_config={t("hello.col.p_target"): st.column_config.ProgressColumn(
        min_value=0.0, max_value=1.0, format="%.3f")}, width="stretch")

st.header(t("hello.walk"))
step = st.select_slider(t("hello.step"), options=list(range(T)), value=0, key="hello_t", **BOUND,
                        format_func=lambda i: f"t={i + 1} · {charts.show_token(snap.inputs[i])}")
p = snap.parts(step)
x_char = charts.tex_text(charts.show_token(snap.inputs[step]))
st.latex(rf"h_t = \tanh(W_{{hh}}\,\textcolor{{{PREV}}}{{h_{{t-1}}}} + W_{{xh}}\,\textcolor{{{INPUT}}}{{x_t}} + b)")
st.latex(r"\tanh\Big(W_{hh}" + charts.tex_vector(snap.h_prev[step], color=PREV) + r" + W_{xh}"
         + charts.tex_vector(snap.x[step], 0, color=INPUT) + r"_{\text{“" + x_char + r"”}} + b\Big) = \tanh\Big("
         + charts.tex_vector(p["hh"]) + " + " + charts.tex_vector(p["xh"]) + " + " + charts.tex_vector(p["b"])
         + r"\Big) = " + charts.tex_vector(p["h"], color=NOW))
st.latex(r"y_t = W_{hy}\," + charts.tex_vector(p["h"], color=NOW) + " = " + charts.tex_vector(snap.logits[step])
         + r" \quad \operatorname{softmax}(y_t) = " + charts.tex_vector(snap.probs[step], 3)
         + r" \quad \to \text{“" + charts.tex_text(charts.show_token(snap.predicted[step])) + r"”}")
st.caption(t("hello.walk.caption", target=charts.show_token(snap.targets[step])))

vocab = snap.vocab
per_row = 4 if T <= 4 else 2 if T <= 10 else 1  # beyond 4 letters the cells' numbers need the room
units = [f"h{i + 1}" for i in range(hidden)]
layers = [
    (hello.layer_spec(snap.x, snap.inputs, vocab, title=t("hello.input_layer"), scale="sequential", domain=(0, 1),
                      highlight={step: INPUT}), "hello.input_layer.text"),
    (hello.layer_spec(snap.h, snap.inputs, units, title=t("hello.hidden_layer"),
                      highlight={**({step - 1: PREV} if step else {}), step: NOW}), "hello.hidden_layer.text"),
    (hello.layer_spec(snap.logits, snap.inputs, vocab, title=t("hello.output_layer"), highlight={step: NOW}),
     "hello.output_layer.text"),
    (hello.layer_spec(snap.probs, snap.inputs, vocab, title=t("hello.softmax"), scale="sequential", domain=(0, 1),
                      highlight={step: NOW}), "hello.softmax.text"),
]
for first in range(0, len(layers), per_row):
    for col, (chart, text) in zip(st.columns(per_row), layers[first:first + per_row]):
        col.vega_lite_chart(chart, width="stretch")
        col.caption(t(text))

# ---------------------------------------------------------------- backpropagation through time
back = backward(snap)
SHAPES = {"W_xh": (units, vocab), "W_hh": (units, units), "W_hy": (vocab, units), "b": (units, ["b"])}


def weight_chart(values, name: str, title: str):
    rows, cols = SHAPES[name]
    return hello.matrix_spec(values.reshape(len(rows), len(cols)), rows, cols, title=title), len(cols) + 2


st.header(t("hello.back"))
st.markdown(t("hello.back.intro", T=T, loss=f"{back.loss:.4f}"))
st.latex(r"\frac{\partial L}{\partial y_t} = \operatorname{softmax}(y_t) - \operatorname{onehot}(\text{target}_t)"
         r"\qquad \delta_t = \frac{\partial L}{\partial h_t} = W_{hy}^\top \textcolor{" + NOW + r"}{\frac{\partial L}{\partial y_t}}"
         r" + W_{hh}^\top \big(\textcolor{" + PREV + r"}{\delta_{t+1}} \odot (1 - \textcolor{" + PREV + r"}{h_{t+1}}^2)\big)")
back_step = st.select_slider(t("hello.back.step"), options=list(range(T - 1, -1, -1)), value=T - 1,
                             key="hello_back_t", **BOUND,
                             format_func=lambda i: f"t={i + 1} · {charts.show_token(snap.inputs[i])}")
k = back_step
target = charts.tex_text(charts.show_token(snap.targets[k]))
onehot = (np.arange(len(vocab)) == snap.target_ids[k]).astype(float)
st.latex(r"\frac{\partial L}{\partial y_{" + str(k + 1) + r"}} = " + charts.tex_vector(snap.probs[k], 3)
         + " - " + charts.tex_vector(onehot, 0) + r"_{\text{“" + target + r"”}} = "
         + charts.tex_vector(back.dy[k], 3, color=NOW))
if k == T - 1:
    future = r"\underbrace{0}_{\text{" + charts.tex_text(t("hello.back.no_future")) + "}}"
else:
    future = (r"W_{hh}^\top\left(" + charts.tex_vector(back.delta[k + 1], 3, color=PREV) + r" \odot \left(1 - "
              + charts.tex_vector(snap.h[k + 1], 2, color=PREV) + r"^2\right)\right)")
st.latex(r"\delta_{" + str(k + 1) + r"} = W_{hy}^\top" + charts.tex_vector(back.dy[k], 3, color=NOW) + " + " + future
         + " = " + charts.tex_vector(back.from_output[k], 3) + " + " + charts.tex_vector(back.from_future[k], 3)
         + " = " + charts.tex_vector(back.delta[k], 3))
st.latex(r"\delta_{" + str(k + 1) + r"} \odot (1 - h_{" + str(k + 1) + r"}^2) = " + charts.tex_vector(back.delta[k], 3)
         + r" \odot \left(1 - " + charts.tex_vector(snap.h[k], 2, color=NOW) + r"^2\right) = "
         + charts.tex_vector(back.local[k], 3))
st.caption(t("hello.back.caption", target=charts.show_token(snap.targets[k])))
bar_col, text_col = st.columns([2, 3])
bar_col.vega_lite_chart(hello.bars_spec(back.norms, [f"t={i + 1}" for i in range(T)], title=t("hello.back.norms"),
                                        y_title="‖δ_t‖", highlight=k), width="stretch")
text_col.markdown(t("hello.back.norms.text", T=T))
own = np.linalg.norm(back.from_output, axis=1)  # what the chart shows, split: each step's own error ...
future = np.linalg.norm(back.from_future, axis=1)  # ... and the part from the later steps (0 at the last)
share = float(np.max(future[:-1] / np.maximum(own[:-1], 1e-12))) if T > 1 else 0.0
if net.steps == 0:
    text_col.caption(t("hello.back.norms.start", share=f"{share:.0%}"))
else:
    tallest = int(np.argmax(back.norms))
    text_col.caption(t("hello.back.norms.trained", steps=net.steps, tallest=tallest + 1, own=f"{own[tallest]:.3f}",
                       future=f"{future[tallest]:.3f}", share=f"{share:.0%}"))
st.markdown("**" + t("hello.back.grads") + "**")
st.latex(r"\frac{\partial L}{\partial W_{hy}} = \sum_t \frac{\partial L}{\partial y_t} h_t^\top \quad "
         r"\frac{\partial L}{\partial W_{hh}} = \sum_t \big(\delta_t \odot (1 - h_t^2)\big) h_{t-1}^\top \quad "
         r"\frac{\partial L}{\partial W_{xh}} = \sum_t \big(\delta_t \odot (1 - h_t^2)\big) x_t^\top \quad "
         r"\frac{\partial L}{\partial b} = \sum_t \delta_t \odot (1 - h_t^2)")
draw_matrices([weight_chart(back.grads[name], name, f"∂L/∂{name}") for name in WEIGHTS])
st.caption(t("hello.back.grads.text"))

# ---------------------------------------------------------------- the weights, and one step of descent
st.header(t("hello.weights"))
draw_matrices([weight_chart(getattr(snap, name), name, name) for name in WEIGHTS])
st.caption(t("hello.weights.text"))
st.subheader(t("hello.update"))
which = st.radio(t("hello.update.which"), WEIGHTS, horizontal=True, key="hello_update_w", **BOUND)
now, grad = getattr(snap, which), back.grads[which]
w_tex = TEX[which]
st.latex(w_tex + r" \leftarrow " + w_tex + r" - \eta \frac{\partial L}{\partial " + w_tex + r"}, \quad \eta = " + f"{lr:g}")
draw_matrices([weight_chart(now, which, t("hello.update.now", name=which)),
               weight_chart(-lr * grad, which, t("hello.update.change", lr=f"{lr:g}", name=which)),
               weight_chart(now - lr * grad, which, t("hello.update.after", name=which))])
st.caption(t("hello.update.text", lr=f"{lr:g}"))

show_exercises("hello", hello_exercises.build(snap, back, seed, lr, net.steps))
