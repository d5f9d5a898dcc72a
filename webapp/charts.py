"""Pure chart functions: arrays and tokens in, an `alt.Chart` (or an SVG/HTML/DOT string) out.

No Streamlit here, so every function can be unit-tested. Heatmaps put the tokens on x and the units
on y, with the value in the tooltip; values in [-1, 1] (hidden states, tanh) get a diverging scale
centred on 0, gates in [0, 1] a sequential one. Big grids are cut down before drawing.
"""
import html
import json
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from .diagrams import usage_diagram  # noqa: F401 - its old home: pages that import it from here keep working

# One colour rule for every chart of the app (DESIGN.md):
# - a value with a sign (hidden and cell states, tanh, how much a token speaks for or against the answer):
#   DIVERGING, centred on 0: blue below, white at 0, red above;
# - a value in [0, 1] (gates, probabilities) or a count: SEQUENTIAL, dark purple for low to yellow for high;
# - a category (a class, a tag, a series): CATEGORIES, which use neither that red nor that blue, so a class's
#   colour never reads as "negative" or "high".
# Every chart that colours by value draws its legend (or has that value on an axis, as the unit scores do).
DIVERGING = "redblue"  # reversed below: blue for negative, red for positive
SEQUENTIAL = "viridis"
CATEGORIES = ["#7570b3", "#1b9e77", "#e6ab02", "#a6761d", "#e7298a", "#66a61e", "#666666", "#17becf"]


def value_scale(scale: str = "diverging", domain: Sequence[float] | None = None) -> alt.Scale:
    """The colour scale of the rule above: "diverging" (centred on 0; domain default [-1, 1]) or
    "sequential" (domain default [0, 1])."""
    if scale == "diverging":
        return alt.Scale(scheme=DIVERGING, domain=list(domain or (-1.0, 1.0)), reverse=True, domainMid=0)
    if scale == "sequential":
        return alt.Scale(scheme=SEQUENTIAL, domain=list(domain or (0.0, 1.0)))
    raise ValueError(f"unknown scale {scale!r}")
MAX_UNITS = 64  # rows of a heatmap beyond which the most variable units are kept
MAX_TOKENS = 400  # columns beyond which a heatmap is cut
HIGHLIGHT = "#ff8c00"  # outline of highlighted columns (a dict {column: colour} picks others)
CELL_PX = 14  # width of one token's column when a chart is wider than the page


def show_token(token: str) -> str:
    """How a token reads as an axis label: visible whitespace."""
    return {"\n": "⏎", " ": "␣", "\t": "⇥", "": "∅"}.get(token, token)


def most_variable(values: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n columns of values (T, U) that vary most over time, in their original order."""
    if values.shape[1] <= n:
        return np.arange(values.shape[1])
    return np.sort(np.argsort(-values.var(axis=0), kind="stable")[:n])


def label_angle(labels: Sequence[str]) -> int:
    """Column labels upright when they are single characters, slanted when they are words (upright words
    under narrow columns run together: "PeteBlackburn")."""
    return 0 if all(len(str(label)) <= 2 for label in labels) else -45


def _label_expr(labels: Sequence[str]) -> str:
    """A Vega expression that turns an integer axis value into its label."""
    return _lookup(labels, "value")


def _lookup(labels: Sequence[str], field: str) -> str:
    """A Vega expression: the label of the integer in datum[field] (keeps labels out of the data rows)."""
    return f"{json.dumps([str(s) for s in labels], ensure_ascii=False)}[datum[{json.dumps(field)}]]"


def _grid(values: np.ndarray, x_labels: Sequence[str], y_labels: Sequence[str], *, title: str = "",
          x_title: str | None = None, y_title: str | None = None, scale: str = "diverging",
          domain: tuple[float, float] | None = None, annotate: bool = False, highlight: Sequence[int] | dict[int, str] = (),
          tooltip_names: tuple[str, str] = ("token", "unit"), focus: tuple[int, int] | None = None) -> alt.Chart:
    """values (Y, X) as coloured cells, x_labels under the columns, y_labels beside the rows. `highlight`
    outlines single columns; `focus` (first, last) fades every column outside that span."""
    values = np.asarray(values, dtype=float)
    n_y, n_x = values.shape
    ys, xs = np.meshgrid(np.arange(n_y), np.arange(n_x), indexing="ij")
    x_name, y_name = tooltip_names
    df = pd.DataFrame({"x": xs.ravel(), "y": ys.ravel(), "value": values.ravel()})  # labels are looked up in Vega
    if domain is None:
        finite = values[np.isfinite(values)]
        if scale == "diverging":
            m = float(np.abs(finite).max()) if finite.size else 1.0
            domain = (-max(m, 1e-6), max(m, 1e-6))
        else:
            domain = (float(finite.min()) if finite.size else 0.0, float(finite.max()) if finite.size else 1.0)
            if domain[0] == domain[1]:
                domain = (domain[0], domain[0] + 1.0)
    color_scale = value_scale(scale, domain)
    x = alt.X("x:O", axis=alt.Axis(labelExpr=_label_expr(x_labels), labelAngle=label_angle(x_labels), title=x_title,
                                   labelOverlap=False))
    y = alt.Y("y:O", axis=alt.Axis(labelExpr=_label_expr(y_labels), title=y_title, labelOverlap=False))
    if annotate:  # white numbers on dark cells
        middle, half = (domain[0] + domain[1]) / 2, (domain[1] - domain[0]) / 2 or 1.0
        df["dark"] = (np.abs(df["value"] - middle) / half > 0.55) if scale == "diverging" else \
            ((df["value"] - domain[0]) / (2 * half) < 0.45)
    base = alt.Chart(df).transform_calculate(**{x_name: _lookup(x_labels, "x"), y_name: _lookup(y_labels, "y")})
    rects = base.mark_rect().encode(
        x=x, y=y, color=alt.Color("value:Q", scale=color_scale, legend=alt.Legend(title=None)),
        tooltip=[alt.Tooltip(f"{x_name}:N"), alt.Tooltip(f"{y_name}:N"), alt.Tooltip("value:Q", format=".3f")],
    )
    layers = [rects]
    if annotate:
        layers.append(base.mark_text(fontSize=11).encode(
            x=x, y=y, text=alt.Text("value:Q", format=".2f"),
            color=alt.condition("datum.dark", alt.value("white"), alt.value("black"))))
    if len(highlight):
        colors = highlight if isinstance(highlight, dict) else {i: HIGHLIGHT for i in highlight}
        marks = pd.DataFrame({"x": list(colors), "color": list(colors.values())})
        layers.append(alt.Chart(marks).mark_rect(fill=None, strokeWidth=3).encode(
            x=x, stroke=alt.Stroke("color:N", scale=None)))
    if focus is not None:
        outside = [i for i in range(n_x) if not focus[0] <= i <= focus[1]]
        if outside:
            layers.append(alt.Chart(pd.DataFrame({"x": outside})).mark_rect(fill="white", opacity=0.6).encode(x=x))
    chart = alt.layer(*layers) if len(layers) > 1 else rects
    size = {"height": alt.Step(18 if annotate else 12)}
    return chart.properties(title=title, **size)


def heatmap(values: np.ndarray, tokens: Sequence[str], *, title: str = "", scale: str = "diverging",
            domain: tuple[float, float] | None = None, unit_labels: Sequence[str] | None = None,
            max_units: int = MAX_UNITS, max_tokens: int = MAX_TOKENS, annotate: bool = False,
            highlight: Sequence[int] | dict[int, str] = (), unit_title: str | None = "unit",
            focus: tuple[int, int] | None = None) -> alt.Chart:
    """values (T, U): one column per token, one row per unit. More than max_units units: the most
    variable ones are drawn (their numbers kept); more than max_tokens tokens: the first ones.
    `scale` "diverging" (centred on 0; default domain [-1, 1] for |values| <= 1) or "sequential"."""
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[0] != len(tokens):
        raise ValueError(f"values must be (T, U) with T = {len(tokens)} tokens, not {values.shape}")
    values, tokens = values[:max_tokens], list(tokens)[:max_tokens]
    keep = most_variable(values, max_units)
    labels = [str(u) for u in (unit_labels if unit_labels is not None else range(values.shape[1]))]
    if domain is None and values.size and np.abs(values).max() <= 1:
        domain = (-1.0, 1.0) if scale == "diverging" else (0.0, 1.0)
    return _grid(values[:, keep].T, [show_token(t) for t in tokens], [labels[u] for u in keep], title=title,
                 y_title=unit_title, scale=scale, domain=domain, annotate=annotate, highlight=highlight, focus=focus)


def matrix(values: np.ndarray, row_labels: Sequence[str], col_labels: Sequence[str], *, title: str = "",
           annotate: bool = True, domain: tuple[float, float] | None = None) -> alt.Chart:
    """A weight matrix (R, C) with labelled rows and columns and its numbers written in the cells."""
    values = np.asarray(values, dtype=float)
    if values.shape != (len(row_labels), len(col_labels)):
        raise ValueError(f"values {values.shape} do not match {len(row_labels)} rows × {len(col_labels)} columns")
    return _grid(values, [show_token(c) for c in col_labels], list(row_labels), title=title, annotate=annotate,
                 domain=domain, tooltip_names=("column", "row")).properties(width=alt.Step(44))


LOSS_HEIGHT = 200  # px of plot for a loss curve, legend and axes outside it


def loss_curve(train: Sequence[tuple[int, float]], valid: Sequence[tuple[int, float]] = (), *,
               title: str = "", names: tuple[str, str] = ("train", "validation"), y_title: str = "loss",
               x_title: str = "step", log: bool | None = None) -> alt.Chart:
    """Training (and validation) loss against the step: a line each, points on the validation line. `log`
    (default: when the values span more than a factor of 3, as a loss does once it has fallen) puts y on a
    log axis, so the later steps are not a flat line under the first ones."""
    rows = [(s, v, names[0]) for s, v in train if np.isfinite(v)] + \
           [(s, v, names[1]) for s, v in valid if np.isfinite(v)]
    df = pd.DataFrame(rows, columns=["step", "loss", "series"])
    low, high = (float(df["loss"].min()), float(df["loss"].max())) if len(df) else (1.0, 1.0)
    log = bool(low > 0 and high / low > 3) if log is None else log and low > 0
    colours = dict(zip(names, CATEGORIES[:2]))
    shown = [n for n, part in zip(names, (train, valid)) if len(part)] or list(names[:1])  # legend: lines drawn
    color = alt.Color("series:N", scale=alt.Scale(domain=shown, range=[colours[n] for n in shown]),
                      legend=alt.Legend(title=None, orient="top"))
    line = alt.Chart(df).mark_line(point=alt.OverlayMarkDef(size=20)).encode(
        x=alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("loss:Q", title=y_title, axis=alt.Axis(format=".2~f" if log else ".2f", tickCount=6),
                scale=alt.Scale(type="log", nice=False, domain=[0.95 * low, 1.05 * high]) if log
                else alt.Scale(zero=False)),
        color=color, tooltip=["series:N", "step:Q", alt.Tooltip("loss:Q", format=".4f")])
    # the height is the plot's own (autosize fit-x): with Streamlit's default (fit), 220 px held the legend, the
    # axes and their titles too, and the lines got about 60 px of it
    return line.properties(title=title, height=LOSS_HEIGHT, autosize=alt.AutoSizeParams(type="fit-x",
                                                                                        contains="padding"))


def top_k(chars: Sequence[Sequence[str]], probs: np.ndarray, tokens: Sequence[str], *, title: str = "",
          max_tokens: int = MAX_TOKENS, rank_title: str = "rank", legend: str | None = None) -> alt.Chart:
    """For each position (x, under its token), the k most likely next tokens (rows by rank), coloured by
    probability with the candidate written in the cell. chars (T, k), probs (T, k)."""
    probs = np.asarray(probs, dtype=float)[:max_tokens]
    tokens = list(tokens)[:max_tokens]
    T, k = probs.shape
    df = pd.DataFrame({
        "x": np.repeat(np.arange(T), k), "rank": np.tile(np.arange(1, k + 1), T),
        "next": [show_token(chars[t][r]) for t in range(T) for r in range(k)], "p": probs.ravel(),
        "after": [show_token(tokens[t]) for t in range(T) for _ in range(k)],
    })
    x = alt.X("x:O", axis=alt.Axis(labelExpr=_label_expr([show_token(t) for t in tokens]), labelAngle=label_angle(tokens),
                                   title=None, labelOverlap=False))
    y = alt.Y("rank:O", title=rank_title)
    base = alt.Chart(df)
    rects = base.mark_rect().encode(x=x, y=y, color=alt.Color("p:Q", scale=value_scale("sequential"),
                                                              legend=alt.Legend(title=legend)),
                                    tooltip=["after:N", "rank:O", "next:N", alt.Tooltip("p:Q", format=".3f")])
    text = base.mark_text(fontSize=14, font="monospace").encode(  # dark cells (low p) get white letters
        x=x, y=y, text="next:N", color=alt.condition("datum.p < 0.55", alt.value("white"), alt.value("black")))
    size = {"height": alt.Step(24)}
    return alt.layer(rects, text).properties(title=title, **size)


def unit_scores(scores: Sequence[tuple[int, float]], *, title: str = "", x_title: str = "score",
                unit_label: str = "unit {unit}", chosen: int | None = None, select: str | None = None) -> alt.Chart:
    """Horizontal bars: how much each unit stands out in a selection (signed, on the diverging scale);
    the `chosen` unit's bar outlined; `select`: the name of a click selection of a bar (field "unit")."""
    df = pd.DataFrame(scores, columns=["unit", "score"])
    df["label"] = df["unit"].map(lambda u: unit_label.format(unit=u))
    df["chosen"] = df["unit"] == chosen
    m = max(float(df["score"].abs().max()) if len(df) else 1.0, 1e-6)
    chart = alt.Chart(df)
    if select:
        chart = chart.add_params(alt.selection_point(name=select, fields=["unit"], on="click", clear=False))
    return chart.mark_bar(strokeWidth=2, cursor="pointer").encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
        x=alt.X("score:Q", title=x_title),
        color=alt.Color("score:Q", scale=value_scale("diverging", (-m, m)), legend=None),
        stroke=alt.condition("datum.chosen", alt.value(HIGHLIGHT), alt.value(None)),
        tooltip=["unit:Q", alt.Tooltip("score:Q", format=".3f")],
    ).properties(title=title, height=alt.Step(22))


def text_strip(values: Sequence[float], tokens: Sequence[str], *, span: tuple[int, int] | None = None,
               scale: str = "diverging", width: int = 60, select: str | None = None, title: str = "",
               legend: str | None = None, domain: tuple[float, float] | None = None) -> alt.Chart:
    """The text written out, a cell per character (a new row at each line break or after `width`), each
    cell coloured by one value there (one unit's state: Karpathy et al. 2015's view of a neuron), the
    `span` (first, last) outlined. `select`: the name of a click selection over the characters (field
    "i", their positions; shift-click adds one) for st.altair_chart(on_select=...)."""
    values = np.asarray(values, dtype=float)
    if len(values) != len(tokens):
        raise ValueError(f"{len(values)} values for {len(tokens)} tokens")
    rows, cols, row, col = [], [], 0, 0
    for token in tokens:
        if col == width:
            row, col = row + 1, 0
        rows.append(row)
        cols.append(col)
        col += 1
        if token == "\n":
            row, col = row + 1, 0
    df = pd.DataFrame({"i": np.arange(len(tokens)), "row": rows, "col": cols, "value": values,
                       "char": ["⏎" if t == "\n" else t for t in tokens]})
    if domain is None and scale == "diverging":
        m = float(np.nanmax(np.abs(values))) if values.size else 1.0
        domain = (-max(m, 1.0), max(m, 1.0)) if m > 1 else (-1.0, 1.0)
    a, b = span if span is not None else (-1, -1)
    df["in_span"] = (df["i"] >= a) & (df["i"] <= b)
    x = alt.X("col:O", axis=None)
    y = alt.Y("row:O", axis=None)
    base = alt.Chart(df)
    cells = base.mark_rect(stroke="white", strokeWidth=0.5).encode(
        x=x, y=y, color=alt.Color("value:Q", scale=value_scale(scale, domain),
                                  legend=alt.Legend(title=legend, orient="right", gradientLength=120)),
        tooltip=[alt.Tooltip("i:Q", title="#"), alt.Tooltip("char:N"), alt.Tooltip("value:Q", format=".3f")])
    if select:
        pick = alt.selection_point(name=select, fields=["i"], on="click", clear=False, toggle="event.shiftKey")
        cells = cells.add_params(pick)
    outline = base.transform_filter("datum.in_span").mark_rect(fill=None, stroke=HIGHLIGHT, strokeWidth=2).encode(
        x=x, y=y)
    letters = base.mark_text(fontSize=14, font="monospace").encode(x=x, y=y, text="char:N")
    return alt.layer(cells, outline, letters).properties(title=title, width=alt.Step(16), height=alt.Step(22))


def over_time(probs: np.ndarray, tokens: Sequence[str], classes: Sequence[str], *, title: str = "",
              y_title: str = "probability", max_tokens: int = MAX_TOKENS) -> alt.Chart:
    """A classifier's class probabilities after each token: probs (T, C), one line per class in the
    categories' colours, the tokens under x (many-to-one read as it goes; the last point is the answer).
    Every token keeps its label (a long text gets smaller ones) rather than losing every other one."""
    probs = np.asarray(probs, dtype=float)[:max_tokens]
    tokens = [show_token(t) for t in list(tokens)[:max_tokens]]
    if probs.ndim != 2 or probs.shape != (len(tokens), len(classes)):
        raise ValueError(f"probs must be (T, C) = ({len(tokens)}, {len(classes)}), not {probs.shape}")
    T, C = probs.shape
    df = pd.DataFrame({"x": np.repeat(np.arange(T), C), "p": probs.ravel(),
                       "class": [str(c) for _ in range(T) for c in classes],
                       "after": [tokens[i] for i in range(T) for _ in range(C)]})
    angle = label_angle(tokens) if T > 12 else 0
    x = alt.X("x:O", axis=alt.Axis(labelExpr=_label_expr(tokens), labelAngle=angle, title=None, labelOverlap=False,
                                   labelFontSize=11 if T <= 60 else 9))
    line = alt.Chart(df).mark_line(point=True).encode(
        x=x, y=alt.Y("p:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("class:N", sort=[str(c) for c in classes],
                        scale=alt.Scale(domain=[str(c) for c in classes],
                                        range=[CATEGORIES[i % len(CATEGORIES)] for i in range(C)]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("after:N"), alt.Tooltip("class:N"), alt.Tooltip("p:Q", format=".3f")])
    half = alt.Chart(pd.DataFrame({"p": [1 / C]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y="p:Q")
    return alt.layer(line, half).properties(title=title, height=260)


def confusion(counts: Sequence[Sequence[int]], labels: Sequence[str], *, title: str = "",
              gold_title: str = "true", predicted_title: str = "predicted") -> alt.Chart:
    """A confusion matrix: counts[gold][predicted] as cells shaded by count, the count written in each."""
    counts = np.asarray(counts, dtype=int)
    n = len(labels)
    if counts.shape != (n, n):
        raise ValueError(f"counts {counts.shape} do not match {n} labels")
    gold, pred = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    df = pd.DataFrame({"gold": [str(labels[i]) for i in gold.ravel()], "predicted": [str(labels[j]) for j in pred.ravel()],
                       "n": counts.ravel()})
    df["dark"] = df["n"] < counts.max() * 0.55  # viridis is dark at the low end: white numbers there
    order = [str(x) for x in labels]
    x = alt.X("predicted:N", sort=order, title=predicted_title, axis=alt.Axis(labelAngle=0, orient="top"))
    y = alt.Y("gold:N", sort=order, title=gold_title)
    base = alt.Chart(df)
    cells = base.mark_rect().encode(x=x, y=y, color=alt.Color("n:Q", scale=alt.Scale(scheme=SEQUENTIAL),
                                                              legend=alt.Legend(title=None)),
                                    tooltip=["gold:N", "predicted:N", "n:Q"])
    text = base.mark_text(fontSize=13).encode(x=x, y=y, text="n:Q",
                                              color=alt.condition("datum.dark", alt.value("white"), alt.value("black")))
    return alt.layer(cells, text).properties(title=title, width=alt.Step(48), height=alt.Step(32))


def _diverging_rgb(v: float) -> str:
    """-1 -> blue, 0 -> white, +1 -> red (the heatmaps' scale), as a CSS colour."""
    v = 0.75 * (float(np.clip(v, -1, 1)) if np.isfinite(v) else 0.0)  # at most 75% colour: text stays legible
    blue, red = np.array([33, 102, 172]), np.array([178, 24, 43])
    rgb = 255 + (red - 255) * v if v >= 0 else 255 + (blue - 255) * (-v)
    return "rgb({},{},{})".format(*np.round(rgb).astype(int))


def colored_text(values: Sequence[float], tokens: Sequence[str], *, scale: float | None = None,
                 marked: tuple[int, int] | None = None, legend: tuple[str, str] | None = None) -> str:
    """HTML: the text with each character's background showing one unit's value there (Karpathy et al.
    2015's view of a single neuron). Values are divided by `scale` (default: their largest magnitude);
    tokens in `marked` (start, end inclusive) are underlined; `legend` (what blue means, what red means)
    draws the scale under the text."""
    values = np.asarray(values, dtype=float)
    if len(values) != len(tokens):
        raise ValueError(f"{len(values)} values for {len(tokens)} tokens")
    finite = values[np.isfinite(values)]
    scale = scale or (float(np.abs(finite).max()) if finite.size and np.abs(finite).max() > 0 else 1.0)
    spans = []
    for i, (token, v) in enumerate(zip(tokens, values)):
        shown = "⏎" if token == "\n" else token
        style = f"background:{_diverging_rgb(v / scale)}"
        if marked and marked[0] <= i <= marked[1]:
            style += ";text-decoration:underline;text-decoration-thickness:2px"
        spans.append(f'<span title="{i}: {v:.3f}" style="{style}">{html.escape(shown)}</span>'
                     + ("<br>" if token == "\n" else ""))
    key = ""
    if legend:
        low, high = (html.escape(str(x)) for x in legend)
        key = ('<div style="display:flex;align-items:center;gap:8px;font-size:13px;margin-top:6px">'
               f'<div>{low}</div><div style="width:160px;height:12px;border:1px solid #ccc;background:'
               f'linear-gradient(to right,{_diverging_rgb(-1)},#fff,{_diverging_rgb(1)})"></div>'
               f'<div>{high}</div></div>')
    return ('<div style="font-family:monospace;font-size:15px;line-height:1.7;white-space:pre-wrap;'
            'word-break:break-all">' + "".join(spans) + "</div>" + key)


def tex_vector(values: Sequence[float], digits: int = 2, color: str | None = None) -> str:
    """A column vector in LaTeX (KaTeX), optionally coloured: for formulas with the actual numbers."""
    body = r" \\ ".join(f"{float(v):.{digits}f}" for v in values)
    tex = r"\begin{bmatrix}" + body + r"\end{bmatrix}"
    return f"\\textcolor{{{color}}}{{{tex}}}" if color else tex


TEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "%": r"\%", "#": r"\#", "&": r"\&",
                "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def tex_text(text: str) -> str:
    """A person's text for LaTeX's \\text{...}: its special characters as themselves, not commands
    ("%" would comment out the rest of the formula)."""
    return "".join(TEX_SPECIALS.get(c, c) for c in text)


CELL_COLOURS = {"rnn": "#8c564b", "lstm": "#9467bd", "gru": "#17becf"}  # one colour per cell on every chart


def bars(values: Sequence[float], labels: Sequence[str], *, title: str = "", y_title: str = "",
         highlight: int | None = None, color: str = "#1f77b4") -> alt.Chart:
    """One bar per label (in order), its value on top; `highlight` outlines one bar."""
    df = pd.DataFrame({"x": np.arange(len(labels)), "value": np.asarray(values, dtype=float),
                       "label": [str(s) for s in labels]})
    x = alt.X("x:O", axis=alt.Axis(labelExpr=_label_expr(labels), labelAngle=0, title=None, labelOverlap=False))
    base = alt.Chart(df).encode(x=x, y=alt.Y("value:Q", title=y_title))
    chart = base.mark_bar(color=color).encode(
        stroke=alt.condition(f"datum.x == {-1 if highlight is None else int(highlight)}", alt.value(HIGHLIGHT),
                             alt.value(None)),
        strokeWidth=alt.value(3), tooltip=["label:N", alt.Tooltip("value:Q", format=".4f")])
    text = base.mark_text(dy=-6, fontSize=10).encode(text=alt.Text("value:Q", format=".2f"))
    return alt.layer(chart, text).properties(title=title, height=160)


def lines(series: dict[str, Sequence[tuple[float, float]]], *, title: str = "", x_title: str = "",
          y_title: str = "", log: bool = False, colours: dict[str, str] | None = None,
          y_domain: tuple[float, float] | None = None, chance: float | None = None, points: bool = False,
          height: int = 240) -> alt.Chart:
    """Several named curves of (x, y) on one chart, a colour each (`colours`, else CELL_COLOURS, else
    Vega's); `log`: a logarithmic y axis (values <= 0 are left out); `chance`: a dashed line at that y."""
    rows = [(x, y, name) for name, pts in series.items() for x, y in pts
            if np.isfinite(y) and (not log or y > 0)]
    df = pd.DataFrame(rows, columns=["x", "y", "series"])
    names = list(series)
    palette = colours or CELL_COLOURS
    scale = alt.Scale(domain=names, range=[palette[n] for n in names]) if all(n in palette for n in names) \
        else alt.Scale(domain=names)
    y_scale = alt.Scale(type="log") if log else alt.Scale(domain=list(y_domain) if y_domain else alt.Undefined,
                                                          zero=False)
    line = alt.Chart(df).mark_line(point=alt.OverlayMarkDef(size=25) if points else False).encode(
        x=alt.X("x:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("y:Q", title=y_title, scale=y_scale, axis=alt.Axis(format=".0e") if log else alt.Undefined),
        color=alt.Color("series:N", scale=scale, legend=alt.Legend(title=None, orient="top")),
        tooltip=["series:N", alt.Tooltip("x:Q"), alt.Tooltip("y:Q", format=".3g")])
    layers = [line]
    if chance is not None:
        layers.append(alt.Chart(pd.DataFrame({"y": [chance]})).mark_rule(strokeDash=[4, 4], color="gray")
                      .encode(y="y:Q"))
    return alt.layer(*layers).properties(title=title, height=height)


def tex_matrix(values: np.ndarray, digits: int = 2) -> str:
    """A matrix in LaTeX (KaTeX): rows (R, C), or a vector (R,) as a column."""
    values = np.asarray(values, dtype=float)
    rows = values[:, None] if values.ndim == 1 else values
    body = r" \\ ".join(" & ".join(f"{v:.{digits}f}" for v in row) for row in rows)
    return r"\begin{bmatrix}" + body + r"\end{bmatrix}"
