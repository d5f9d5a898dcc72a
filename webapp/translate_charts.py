"""Charts of the translate page, pure functions (data in, `alt.Chart` out), on the colour rules of
`webapp.charts`: the attention map (source × output, sequential: weights lie in [0, 1]), the beam as a tree,
and "what attention buys" by source length."""
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from .charts import HIGHLIGHT, _lookup, label_angle, show_token, value_scale

CELL = 26  # pixels per token of the attention map


def attention_map(weights: np.ndarray, source: Sequence[str], output: Sequence[str], *, title: str = "",
                  x_title: str = "source", y_title: str = "output", value_title: str = "weight",
                  highlight_row: int | None = None) -> alt.Chart:
    """weights (T, S): row t is where the decoder looked while writing output token t (each row sums to 1).
    Source tokens along the top, output tokens down the side, the weight in the tooltip; `highlight_row`
    outlines one output step."""
    weights = np.asarray(weights, dtype=float)
    if weights.shape != (len(output), len(source)):
        raise ValueError(f"weights {weights.shape} do not match {len(output)} outputs × {len(source)} sources")
    T, S = weights.shape
    ys, xs = np.meshgrid(np.arange(T), np.arange(S), indexing="ij")
    src, out = [show_token(s) for s in source], [show_token(o) for o in output]
    df = pd.DataFrame({"x": xs.ravel(), "y": ys.ravel(), "weight": weights.ravel().round(4)})
    df["source"] = [src[i] for i in df.x]
    df["output"] = [out[i] for i in df.y]
    x = alt.X("x:O", title=x_title, axis=alt.Axis(labelExpr=_lookup(src, "value"), orient="top",
                                                    labelAngle=label_angle(src), labelOverlap=False))
    y = alt.Y("y:O", title=y_title, axis=alt.Axis(labelExpr=_lookup(out, "value"), labelOverlap=False))
    cells = alt.Chart(df).mark_rect().encode(
        x=x, y=y, color=alt.Color("weight:Q", scale=value_scale("sequential"), title=value_title),
        stroke=alt.condition(f"datum.y == {-1 if highlight_row is None else int(highlight_row)}",
                             alt.value(HIGHLIGHT), alt.value(None)),
        strokeWidth=alt.value(2),
        tooltip=[alt.Tooltip("output:N", title=y_title), alt.Tooltip("source:N", title=x_title),
                 alt.Tooltip("weight:Q", format=".3f", title=value_title)])
    return cells.properties(title=title, width=alt.Step(CELL), height=alt.Step(CELL))


def beam_tree(beams: Sequence[Sequence[dict]], path: Sequence[int], *, title: str = "", step_title: str = "step",
              rank_title: str = "rank", score_title: str = "score") -> alt.Chart:
    """Each step's kept hypotheses (best first: rank 0 on top), drawn as their last token, joined to the
    hypothesis they extend; the winner's prefixes (`path`: their rank at each step) outlined. A finished
    hypothesis (ended with </s>) is a square."""
    nodes, edges = [], []
    for t, step in enumerate(beams):
        live_before = [i for i, h in enumerate(beams[t - 1]) if not h["finished"]] if t else []
        for r, h in enumerate(step):
            nodes.append({"step": t + 1, "rank": r, "token": show_token(h["tokens"][-1]), "score": h["score"],
                          "logprob": h["logprob"], "text": " ".join(h["tokens"]), "finished": h["finished"],
                          "won": t < len(path) and path[t] == r})
            if t and 0 <= h["parent"] < len(live_before):
                edges.append({"step": t, "rank": live_before[h["parent"]], "step2": t + 1, "rank2": r,
                              "won": t < len(path) and path[t] == r and path[t - 1] == live_before[h["parent"]]})
    nodes, edges = pd.DataFrame(nodes), pd.DataFrame(edges, columns=["step", "rank", "step2", "rank2", "won"])
    x = alt.X("step:Q", title=step_title, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("rank:Q", title=rank_title, scale=alt.Scale(reverse=True), axis=alt.Axis(format="d", tickMinStep=1))
    lines = alt.Chart(edges).mark_rule().encode(
        x=x, y=y, x2="step2:Q", y2="rank2:Q",
        color=alt.condition("datum.won", alt.value(HIGHLIGHT), alt.value("#bbbbbb")),
        strokeWidth=alt.condition("datum.won", alt.value(3), alt.value(1)))
    points = alt.Chart(nodes).mark_point(filled=True, size=160, opacity=1).encode(
        x=x, y=y, shape=alt.condition("datum.finished", alt.value("square"), alt.value("circle")),
        color=alt.Color("score:Q", scale=alt.Scale(scheme="viridis"), title=score_title),
        stroke=alt.condition("datum.won", alt.value(HIGHLIGHT), alt.value(None)), strokeWidth=alt.value(3),
        tooltip=[alt.Tooltip("text:N", title="hypothesis"), alt.Tooltip("score:Q", format=".3f", title=score_title),
                 alt.Tooltip("logprob:Q", format=".3f", title="log p"), "finished:N"])
    labels = alt.Chart(nodes).mark_text(align="left", dx=9, dy=-9, fontSize=12).encode(x=x, y=y, text="token:N")
    n_steps, n_ranks = max(1, len(beams)), max((len(s) for s in beams), default=1)
    return alt.layer(lines, points, labels).properties(title=title, width=max(320, 95 * n_steps),
                                                       height=max(160, 36 * n_ranks))


def by_length(table: dict, metric: str, names: dict[str, str], *, title: str = "", x_title: str = "source length",
              y_title: str | None = None) -> alt.Chart:
    """A line per model: `metric` in each source-length bucket of the precomputed table
    ({"buckets": [{"label", "low", "high"}...], "models": {name: [{"n", metric...}...]}})."""
    rows = []
    for model, scores in table["models"].items():
        for bucket, score in zip(table["buckets"], scores):
            rows.append({"bucket": bucket["label"], "order": bucket["low"], "value": score[metric],
                         "n": score["n"], "model": names.get(model, model)})
    df = pd.DataFrame(rows)
    order = [b["label"] for b in table["buckets"]]
    chart = alt.Chart(df).mark_line(point=alt.OverlayMarkDef(size=60)).encode(
        x=alt.X("bucket:O", sort=order, title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=y_title or metric),
        color=alt.Color("model:N", legend=alt.Legend(title=None, orient="top", labelLimit=400)),
        tooltip=["model:N", "bucket:N", alt.Tooltip("value:Q", format=".1f"), "n:Q"])
    return chart.properties(title=title, height=280)
