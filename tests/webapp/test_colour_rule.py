"""One colour rule for every chart (webapp/charts.py): signed values diverging around 0, values in [0, 1]
sequential, categories in colours that are neither that red nor that blue; legends; no dropped labels."""
import numpy as np

from webapp import charts


def spec(chart) -> str:
    return str(chart.to_dict())


def test_the_scales_of_the_rule():
    diverging = charts.value_scale("diverging").to_dict()
    assert diverging["scheme"] == charts.DIVERGING and diverging["domainMid"] == 0 and diverging["reverse"]
    assert charts.value_scale("sequential").to_dict() == {"scheme": charts.SEQUENTIAL, "domain": [0.0, 1.0]}
    assert not {c.lower() for c in charts.CATEGORIES} & {charts._diverging_rgb(1), charts._diverging_rgb(-1)}


def test_probabilities_gates_and_counts_are_sequential_with_a_legend():
    top = charts.top_k([["a", "b"]] * 3, np.array([[0.9, 0.1]] * 3), ["x", "y", "z"], legend="probability")
    assert charts.SEQUENTIAL in spec(top) and "'title': 'probability'" in spec(top) and "blues" not in spec(top)
    confusion = charts.confusion([[3, 1], [0, 4]], ["ham", "spam"])
    assert charts.SEQUENTIAL in spec(confusion) and "'legend': None" not in spec(confusion)


def test_a_class_colour_is_a_category_colour_and_every_token_keeps_its_label():
    T = 120
    chart = charts.over_time(np.full((T, 2), 0.5), ["a"] * T, ["ham", "spam"])
    text = spec(chart)
    assert "category10" not in text and charts.CATEGORIES[0] in text and charts.CATEGORIES[1] in text
    assert "'labelOverlap': False" in text


def test_a_falling_loss_gets_a_log_axis():
    falling = [(s, 4.0 / (1 + s)) for s in range(200)]
    assert "'type': 'log'" in spec(charts.loss_curve(falling))
    flat = [(s, 0.8 + 0.01 * (s % 3)) for s in range(50)]  # an accuracy, say
    assert "'type': 'log'" not in spec(charts.loss_curve(flat))
    assert "'type': 'log'" not in spec(charts.loss_curve(falling, log=False))


def test_the_highlighted_text_says_what_its_colours_mean():
    html = charts.colored_text([0.5, -0.5], ["a", "b"], legend=("against <spam>", "towards spam"))
    assert "against &lt;spam&gt;" in html and "towards spam" in html and "linear-gradient" in html
    assert html.count("<span") == 2  # a span per token, the legend in divs


def test_the_text_strip_has_a_cell_per_character_and_a_click_selection():
    chart = charts.text_strip([0.1, -0.2, 0.3, 0.9], list("ab\nc"), span=(0, 1), select="pick", legend="unit 3")
    d = chart.to_dict()
    rows = next(iter(d["datasets"].values()))
    assert [r["row"] for r in rows] == [0, 0, 0, 1] and [r["in_span"] for r in rows] == [True, True, False, False]
    assert "pick" in str(d) and "unit 3" in str(d)
