"""Chart functions: the data they draw and the encodings a person relies on (scales, labels, tooltips)."""
import json

import altair as alt
import numpy as np
import pytest

from webapp import charts, diagrams


@pytest.fixture(autouse=True)
def no_row_limit():
    with alt.data_transformers.disable_max_rows():
        yield


def spec(chart) -> dict:
    return chart.to_dict()


def layers(d: dict) -> list[dict]:
    return d.get("layer", [d])


def rows(d: dict) -> list[dict]:
    """The rows of the chart's first dataset."""
    return next(iter(d["datasets"].values()))


def test_heatmap_draws_every_value_under_its_token():
    values = np.arange(12, dtype=float).reshape(4, 3) / 12  # (T=4, U=3)
    d = spec(charts.heatmap(values, ["h", "e", "l", "l"], scale="sequential"))
    data = rows(d)
    assert len(data) == 12
    cell = next(r for r in data if r["x"] == 2 and r["y"] == 1)
    assert cell["value"] == pytest.approx(values[2, 1])
    enc = layers(d)[0]["encoding"]
    assert '["h", "e", "l", "l"][datum["value"]]' in enc["x"]["axis"]["labelExpr"]
    assert [t["field"] for t in enc["tooltip"]] == ["token", "unit", "value"]


def test_heatmap_scales_diverging_for_states_and_sequential_for_gates():
    h = charts.heatmap(np.zeros((2, 2)), ["a", "b"])
    g = charts.heatmap(np.full((2, 2), 0.5), ["a", "b"], scale="sequential")
    h_color = layers(spec(h))[0]["encoding"]["color"]["scale"]
    g_color = layers(spec(g))[0]["encoding"]["color"]["scale"]
    assert h_color["domain"] == [-1.0, 1.0] and h_color["scheme"] == charts.DIVERGING
    assert g_color["domain"] == [0.0, 1.0] and g_color["scheme"] == charts.SEQUENTIAL


def test_heatmap_keeps_the_most_variable_units_with_their_numbers():
    T, U = 20, 100
    values = np.zeros((T, U))
    busy = [3, 50, 97]
    values[:, busy] = np.random.default_rng(0).normal(size=(T, 3))
    d = spec(charts.heatmap(values, ["x"] * T, max_units=3))
    assert len(rows(d)) == T * 3
    assert '["3", "50", "97"]' in layers(d)[0]["encoding"]["y"]["axis"]["labelExpr"]


def test_heatmap_refuses_mismatched_tokens():
    with pytest.raises(ValueError):
        charts.heatmap(np.zeros((3, 2)), ["a", "b"])


def test_whitespace_tokens_are_visible_labels():
    assert [charts.show_token(c) for c in " \n\ta"] == ["␣", "⏎", "⇥", "a"]


def test_highlight_outlines_the_given_columns_in_their_colours():
    d = spec(charts.heatmap(np.zeros((4, 2)), list("abcd"), highlight={1: "#ff8c00", 2: "#2ca02c"}))
    outline = layers(d)[-1]
    outline_rows = d["datasets"][outline["data"]["name"]]
    assert {(r["x"], r["color"]) for r in outline_rows} == {(1, "#ff8c00"), (2, "#2ca02c")}


def test_matrix_writes_its_numbers_in_the_cells():
    d = spec(charts.matrix(np.array([[0.5, -1.0]]), ["h1"], ["h", "e"], title="W"))
    text = [layer for layer in layers(d) if layer["mark"]["type"] == "text"]
    assert text and text[0]["encoding"]["text"]["format"] == ".2f"
    with pytest.raises(ValueError):
        charts.matrix(np.zeros((2, 2)), ["a"], ["b", "c"])


def test_loss_curve_has_a_line_per_series_and_skips_nan():
    d = spec(charts.loss_curve([(1, 2.0), (2, float("nan")), (3, 1.0)], [(3, 1.5)]))
    data = rows(d)
    assert sorted((r["series"], r["step"]) for r in data) == [("train", 1), ("train", 3), ("validation", 3)]


def test_loss_curve_height_is_the_plots_own():
    """Streamlit's default autosize (fit) counted the legend and the axes in the 220 px: the lines had about
    60 px in a browser. fit-x keeps the width fitting the column and gives the plot its own height."""
    d = spec(charts.loss_curve([(1, 2.0), (2, 1.0)], [(2, 1.5)]))
    assert d["height"] == charts.LOSS_HEIGHT >= 200
    assert d["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_top_k_puts_each_candidate_in_its_cell():
    probs = np.array([[0.7, 0.2], [0.6, 0.3]])
    d = spec(charts.top_k([["e", "a"], ["l", " "]], probs, ["h", "e"]))
    data = rows(d)
    assert {(r["x"], r["rank"], r["next"]) for r in data} == {(0, 1, "e"), (0, 2, "a"), (1, 1, "l"), (1, 2, "␣")}


def test_colored_text_colours_each_character_and_escapes_html():
    html = charts.colored_text([1.0, -1.0, 0.0], ["<", "b", "\n"])
    assert html.count("<span") == 3
    assert "&lt;" in html and "<br>" in html
    red, blue, white = charts._diverging_rgb(1.0), charts._diverging_rgb(-1.0), charts._diverging_rgb(0.0)
    assert red in html and blue in html and white == "rgb(255,255,255)"
    with pytest.raises(ValueError):
        charts.colored_text([1.0], ["a", "b"])


def test_usage_diagrams_are_dot_with_the_labels():
    dot = diagrams.usage_diagram("many-to-one", ["a", "film"], ["", "😊"])
    assert dot.startswith("digraph") and dot.count("->") == 2 + 1 + 1  # inputs, one output, one recurrence
    assert json.dumps("film") in dot and "😊" in dot
    with pytest.raises(ValueError):
        diagrams.usage_diagram("sideways", [], [])


def test_tex_vector():
    assert charts.tex_vector([1, -0.5]) == r"\begin{bmatrix}1.00 \\ -0.50\end{bmatrix}"
    assert charts.tex_vector([1], 0, color="#f00").startswith(r"\textcolor{#f00}{")


def test_focus_fades_the_columns_outside_the_span():
    d = spec(charts.heatmap(np.zeros((6, 2)), list("abcdef"), focus=(2, 3)))
    fade = layers(d)[-1]
    assert fade["mark"]["fill"] == "white"
    assert sorted(r["x"] for r in d["datasets"][fade["data"]["name"]]) == [0, 1, 4, 5]
    assert len(layers(spec(charts.heatmap(np.zeros((6, 2)), list("abcdef"), focus=(0, 5))))) == 1  # all in focus
