"""Hello RNN: the lecture's example, live. Every number of a one-hot vanilla RNN on one word."""
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from core.lecture import MAX_WORD, HelloRNN
from webapp import charts, urlstate
from webapp.i18n import t
from webapp.nav import enter

PREV, INPUT, NOW = "#ff8c00", "#1f77b4", "#2ca02c"  # h_{t-1}, x_t, h_t: the same colours in charts and formula

enter()
st.title(t("hello.title"))
st.markdown(t("hello.intro"))

urlstate.seed("word", "hello_word", "hello", valid=lambda w: 0 < len(w) <= MAX_WORD)
urlstate.seed("hidden", "hello_hidden", 3, int, lambda v: 1 <= v <= 16)
urlstate.seed("seed", "hello_seed", 0, int, lambda v: 0 <= v < 2**31)
c1, c2, c3 = st.columns([2, 1, 1])
c1.text_input(t("hello.word"), key="hello_word", max_chars=MAX_WORD, help=t("hello.word.help"))
c2.number_input(t("hello.hidden"), min_value=1, max_value=16, key="hello_hidden")
c3.number_input(t("hello.seed"), min_value=0, max_value=2**31 - 1, key="hello_seed")
word, hidden, seed = st.session_state.hello_word, int(st.session_state.hello_hidden), int(st.session_state.hello_seed)
urlstate.publish({"word": word, "hidden": hidden, "seed": seed})

settings = (word, hidden, seed)
if st.session_state.get("hello_settings") != settings:
    try:
        st.session_state.hello_net = HelloRNN(word, hidden, seed)
        st.session_state.hello_settings = settings
    except RNNLabError as e:
        st.warning(t("hello.bad_word", error=e))
        if "hello_net" not in st.session_state:
            st.stop()
net: HelloRNN = st.session_state.hello_net


def reset():
    st.session_state.hello_net = HelloRNN(*st.session_state.hello_settings)


b1, b2, b3, _ = st.columns([2, 1.4, 1, 1.6], vertical_alignment="bottom")
st.session_state.setdefault("hello_steps", 20)  # defaults through session state: the value is kept (urlstate.keep)
steps = b1.select_slider(t("hello.steps"), options=[1, 5, 20, 50, 100], key="hello_steps")
b2.button(t("hello.train", n=steps), on_click=net.train, args=(steps,), type="primary", key="hello_train",
          icon=":material/fitness_center:", width="stretch")
b3.button(t("hello.reset"), on_click=reset, key="hello_reset", icon=":material/restart_alt:", width="stretch")

snap = net.snapshot()
T = len(snap.inputs)
left, right = st.columns([3, 2])
with left:
    st.markdown("**" + t("hello.loss", steps=net.steps, loss=f"{snap.loss:.4f}") + "**")
    st.altair_chart(charts.loss_curve(net.losses, names=(t("chart.train"), t("chart.valid")), y_title=t("chart.loss"),
                                      x_title=t("chart.step")),
                    width="stretch")
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
step = st.select_slider(t("hello.step"), options=list(range(T)), key="hello_t",
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
cols = st.columns(4)
layers = [
    (charts.heatmap(snap.x, snap.inputs, title=t("hello.input_layer"), scale="sequential", domain=(0, 1),
                    unit_labels=vocab, annotate=True, highlight={step: INPUT}, unit_title=None), "hello.input_layer.text"),
    (charts.heatmap(snap.h, snap.inputs, title=t("hello.hidden_layer"), unit_labels=[f"h{i + 1}" for i in range(hidden)],
                    annotate=True, highlight={**({step - 1: PREV} if step else {}), step: NOW}, unit_title=None),
     "hello.hidden_layer.text"),
    (charts.heatmap(snap.logits, snap.inputs, title=t("hello.output_layer"), unit_labels=vocab, annotate=True,
                    highlight={step: NOW}, unit_title=None), "hello.output_layer.text"),
    (charts.heatmap(snap.probs, snap.inputs, title=t("hello.softmax"), scale="sequential", domain=(0, 1),
                    unit_labels=vocab, annotate=True, highlight={step: NOW}, unit_title=None), "hello.softmax.text"),
]
for col, (chart, text) in zip(cols, layers):
    col.altair_chart(chart, width="stretch")
    col.caption(t(text))

st.header(t("hello.weights"))
hidden_names = [f"h{i + 1}" for i in range(hidden)]
w1, w2, w3, w4 = st.columns([len(vocab) + 1, hidden + 1, hidden + 1, 2])
w1.altair_chart(charts.matrix(snap.W_xh, hidden_names, vocab, title="W_xh"), width="stretch")
w2.altair_chart(charts.matrix(snap.W_hh, hidden_names, hidden_names, title="W_hh"), width="stretch")
w3.altair_chart(charts.matrix(snap.W_hy, vocab, hidden_names, title="W_hy"), width="stretch")
w4.altair_chart(charts.matrix(snap.b[:, None], hidden_names, ["b"], title="b"), width="stretch")
st.caption(t("hello.weights.text"))
