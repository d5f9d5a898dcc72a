"""Hello RNN's building blocks: the training a link carries (its steps and learning rates, replayed on the
network it names) and the page's charts as Vega-Lite specs built directly.

Why specs by hand: after a Train click every chart on the page has new numbers (the loss curve, the four
layers, ‖δ_t‖, the four gradients, the four weights, the update's three), and building each as an Altair
chart cost 50-70 ms of schema work (more on a busy server), most of the click's second. `grid_spec`,
`bars_spec` and `loss_spec` write the very specs `charts.heatmap`, `charts.matrix`, `charts.bars` and
`charts.loss_curve` make (the tests compare them) in about a millisecond, the data inline in the layers,
where Streamlit passes it on as it is (a spec's top-level data it converts to Arrow through pandas, 7 ms a
chart; the loss curve, one view, keeps it there).
"""
import re
from collections.abc import Sequence

import numpy as np

from core.lessons.hello import LEARNING_RATES, HelloRNN

from . import charts

MAX_LINK_STEPS = 2000  # steps a link may ask to replay (about 2 s of CPU when the link is opened)
MAX_LINK_CHARS = 200  # characters of training history a link may carry
SEGMENT = re.compile(r"(\d{1,5})@(\d+(?:\.\d+)?)")


def recipe_text(segments: Sequence[tuple[int, float]]) -> str | None:
    """The training done, for a link: [(20, 0.1), (40, 0.3)] -> '20@0.1,40@0.3' ('' when untrained);
    None when it is too long to share (more steps than a link replays, or too many changes of η)."""
    text = ",".join(f"{steps}@{lr:g}" for steps, lr in segments)
    if sum(steps for steps, _ in segments) > MAX_LINK_STEPS or len(text) > MAX_LINK_CHARS:
        return None
    return text


def parse_recipe(text: str) -> list[tuple[int, float]]:
    """'20@0.1,40@0.3' -> [(20, 0.1), (40, 0.3)]; ValueError when it is not one a link may carry (a learning
    rate the page does not offer, more than MAX_LINK_STEPS steps in all)."""
    text = (text or "").strip()
    if not text:
        return []
    segments = []
    for part in text.split(","):
        found = SEGMENT.fullmatch(part.strip())
        if found is None:
            raise ValueError(f"not steps@rate: {part!r}")
        steps, lr = int(found[1]), float(found[2])
        if steps < 1 or lr not in LEARNING_RATES:
            raise ValueError(f"not a training step the page offers: {part!r}")
        segments.append((steps, lr))
    if sum(steps for steps, _ in segments) > MAX_LINK_STEPS or len(text) > MAX_LINK_CHARS:
        raise ValueError("longer than a link may replay")
    return segments


def replay(net: HelloRNN, segments: Sequence[tuple[int, float]]) -> HelloRNN:
    """Train `net` as the segments say, in order (full-batch gradient descent is deterministic: the same
    start and the same steps give the same weights). Returns net."""
    for steps, lr in segments:
        net.train(steps, lr)
    return net


def scale_spec(scale: str, domain: tuple[float, float]) -> dict:
    """charts.value_scale(scale, domain).to_dict(), without building the Altair object (1.6 ms)."""
    low, high = float(domain[0]), float(domain[1])
    if scale == "diverging":
        return {"domain": [low, high], "domainMid": 0, "reverse": True, "scheme": charts.DIVERGING}
    if scale == "sequential":
        return {"domain": [low, high], "scheme": charts.SEQUENTIAL}
    raise ValueError(f"unknown scale {scale!r}")


def grid_spec(values: np.ndarray, x_labels: Sequence[str], y_labels: Sequence[str], *, title: str = "",
              scale: str = "diverging", domain: tuple[float, float] | None = None,
              tooltip_names: tuple[str, str] = ("token", "unit"), highlight: dict[int, str] | None = None,
              step_width: int | None = None) -> dict:
    """values (Y, X) as the annotated grid `charts._grid` draws (coloured cells with their numbers, labels
    looked up in Vega, `highlight` {column: colour} outlined), as a Vega-Lite spec with its data inline.
    `domain` None: [-max|v|, max|v|] on the diverging scale, [min, max] on the sequential one, as there."""
    values = np.asarray(values, dtype=float)  # (Y, X)
    if domain is None:
        finite = values[np.isfinite(values)]
        if scale == "diverging":
            m = max(float(np.abs(finite).max()) if finite.size else 1.0, 1e-6)
            domain = (-m, m)
        else:
            domain = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            if domain[0] == domain[1]:
                domain = (domain[0], domain[0] + 1.0)
    middle, half = (domain[0] + domain[1]) / 2, (domain[1] - domain[0]) / 2 or 1.0
    ys, xs = np.meshgrid(np.arange(values.shape[0]), np.arange(values.shape[1]), indexing="ij")  # (Y, X) each
    flat = values.ravel()
    dark = np.abs(flat - middle) / half > 0.55 if scale == "diverging" else (flat - domain[0]) / (2 * half) < 0.45
    rows = [{"x": int(x), "y": int(y), "value": float(v), "dark": bool(d)}
            for x, y, v, d in zip(xs.ravel(), ys.ravel(), flat, dark)]
    x_name, y_name = tooltip_names
    x = {"axis": {"labelAngle": charts.label_angle(x_labels), "labelExpr": charts._label_expr(x_labels),
                  "labelOverlap": False, "title": None}, "field": "x", "type": "ordinal"}
    y = {"axis": {"labelExpr": charts._label_expr(y_labels), "labelOverlap": False, "title": None},
         "field": "y", "type": "ordinal"}
    transform = [{"calculate": charts._lookup(x_labels, "x"), "as": x_name},
                 {"calculate": charts._lookup(y_labels, "y"), "as": y_name}]
    colour = {"field": "value", "legend": {"title": None}, "type": "quantitative", "scale": scale_spec(scale, domain)}
    tooltip = [{"field": x_name, "type": "nominal"}, {"field": y_name, "type": "nominal"},
               {"field": "value", "format": ".3f", "type": "quantitative"}]
    data = {"values": rows}  # in the layers, not at the top (see the module's docstring)
    layers = [
        {"data": data, "mark": {"type": "rect"}, "encoding": {"color": colour, "tooltip": tooltip, "x": x, "y": y},
         "transform": transform},
        {"data": data, "mark": {"type": "text", "fontSize": 11}, "transform": transform, "encoding": {
            "color": {"condition": {"test": "datum.dark", "value": "white"}, "value": "black"},
            "text": {"field": "value", "format": ".2f", "type": "quantitative"}, "x": x, "y": y}},
    ]
    if highlight:
        layers.append({"data": {"values": [{"x": int(i), "color": c} for i, c in highlight.items()]},
                       "mark": {"type": "rect", "fill": None, "strokeWidth": 3},
                       "encoding": {"stroke": {"field": "color", "scale": None, "type": "nominal"}, "x": x}})
    spec = {"layer": layers, "height": {"step": 18}, "title": title}
    if step_width is not None:
        spec["width"] = {"step": step_width}
    return spec


def layer_spec(values: np.ndarray, tokens: Sequence[str], unit_labels: Sequence[str], *, title: str,
               scale: str = "diverging", domain: tuple[float, float] | None = None,
               highlight: dict[int, str] | None = None) -> dict:
    """One layer of the network over the steps, values (T, U): as charts.heatmap(..., annotate=True,
    unit_title=None) draws it, for the few units of this page (no units left out, no tokens cut)."""
    values = np.asarray(values, dtype=float)
    if domain is None and values.size and np.abs(values).max() <= 1:
        domain = (-1.0, 1.0) if scale == "diverging" else (0.0, 1.0)
    return grid_spec(values.T, [charts.show_token(t) for t in tokens], [str(u) for u in unit_labels], title=title,
                     scale=scale, domain=domain, highlight=highlight)


def matrix_spec(values: np.ndarray, row_labels: Sequence[str], col_labels: Sequence[str], *, title: str) -> dict:
    """A weight matrix (R, C), as charts.matrix draws it: 44 px a column, its numbers in the cells."""
    return grid_spec(values, [charts.show_token(c) for c in col_labels], list(row_labels), title=title,
                     tooltip_names=("column", "row"), step_width=44)


def bars_spec(values: Sequence[float], labels: Sequence[str], *, title: str, y_title: str, highlight: int) -> dict:
    """One bar a label with its value on top, bar `highlight` outlined: charts.bars(...) as a spec."""
    rows = [{"x": i, "value": float(v), "label": str(label)} for i, (v, label) in enumerate(zip(values, labels))]
    x = {"axis": {"labelAngle": 0, "labelExpr": charts._label_expr(labels), "labelOverlap": False, "title": None},
         "field": "x", "type": "ordinal"}
    y = {"field": "value", "title": y_title, "type": "quantitative"}
    data = {"values": rows}  # in the layers (see the module's docstring)
    bar = {"data": data, "mark": {"type": "bar", "color": "#1f77b4"}, "encoding": {
        "stroke": {"condition": {"test": f"datum.x == {int(highlight)}", "value": charts.HIGHLIGHT}, "value": None},
        "strokeWidth": {"value": 3}, "x": x, "y": y,
        "tooltip": [{"field": "label", "type": "nominal"},
                    {"field": "value", "format": ".4f", "type": "quantitative"}]}}
    text = {"data": data, "mark": {"type": "text", "dy": -6, "fontSize": 10}, "encoding": {
        "text": {"field": "value", "format": ".2f", "type": "quantitative"}, "x": x, "y": y}}
    return {"layer": [bar, text], "height": 160, "title": title}


def loss_spec(losses: Sequence[tuple[int, float]], *, name: str, y_title: str, x_title: str) -> dict:
    """The training loss against the step, one line: charts.loss_curve(losses, names=(name, ...)) as a spec,
    on a log axis once the loss spans more than a factor of 3."""
    rows = [{"step": int(step), "loss": float(loss), "series": name} for step, loss in losses if np.isfinite(loss)]
    low, high = (min(r["loss"] for r in rows), max(r["loss"] for r in rows)) if rows else (1.0, 1.0)
    log = low > 0 and high / low > 3
    y = {"axis": {"format": ".2~f" if log else ".2f", "tickCount": 6}, "field": "loss", "title": y_title,
         "type": "quantitative",
         "scale": {"domain": [0.95 * low, 1.05 * high], "nice": False, "type": "log"} if log else {"zero": False}}
    return {"data": {"values": rows}, "mark": {"type": "line", "point": {"size": 20}},
            "autosize": {"contains": "padding", "type": "fit-x"}, "height": charts.LOSS_HEIGHT, "title": "",
            "encoding": {
                "color": {"field": "series", "legend": {"orient": "top", "title": None}, "type": "nominal",
                          "scale": {"domain": [name], "range": [charts.CATEGORIES[0]]}},
                "tooltip": [{"field": "series", "type": "nominal"}, {"field": "step", "type": "quantitative"},
                            {"field": "loss", "format": ".4f", "type": "quantitative"}],
                "x": {"axis": {"format": "d", "tickMinStep": 1}, "field": "step", "title": x_title,
                      "type": "quantitative"},
                "y": y}}
