"""Hello RNN's building blocks: the training a link carries, and the grids drawn as the charts module draws them."""
import threading

import numpy as np
import pytest

from core.lessons.hello import HelloRNN
from webapp import charts, hello


def inlined(spec: dict) -> dict:
    """An Altair chart's dict with its named datasets written into the layers that use them (as grid_spec
    writes them), without Altair's config and schema URL."""
    spec = dict(spec)
    datasets = spec.pop("datasets", {})
    shared = spec.pop("data", None)  # (Altair puts the data all layers share at the top)
    spec.pop("config", None), spec.pop("$schema", None)
    spec["layer"] = [{**layer, "data": {"values": datasets[layer.get("data", shared)["name"]]}}
                     for layer in spec["layer"]]
    return spec


def test_a_weight_matrix_spec_is_the_charts_modules_matrix():
    values = np.array([[0.5, -1.25, 0.0], [2.0, 0.1, -0.3]])
    rows, cols = ["h1", "h2"], ["h", " ", "o"]
    want = inlined(getattr(charts.matrix, "builder", charts.matrix)(values, rows, cols, title="W").to_dict())
    assert hello.matrix_spec(values, rows, cols, title="W") == want


@pytest.mark.parametrize("scale,domain", [("sequential", (0, 1)), ("diverging", None)])
def test_a_layer_spec_is_the_charts_modules_annotated_heatmap(scale, domain):
    values = np.array([[0.9, 0.1], [0.2, 0.7], [0.5, 0.5]])  # (T, U)
    highlight = {1: "#2ca02c", 0: "#ff8c00"}
    heatmap = getattr(charts.heatmap, "builder", charts.heatmap)  # (the shared, cached one draws the same)
    chart = heatmap(values, list("hel"), title="x", scale=scale, domain=domain, unit_labels=["a", "b"],
                    annotate=True, highlight=highlight, unit_title=None)
    spec = hello.layer_spec(values, list("hel"), ["a", "b"], title="x", scale=scale, domain=domain, highlight=highlight)
    assert spec == inlined(chart.to_dict())


def test_the_error_bars_and_the_loss_curve_are_the_charts_modules():
    bars = getattr(charts.bars, "builder", charts.bars)
    want = inlined(bars([1.0, 0.5, 0.25], ["t=1", "t=2", "t=3"], title="δ", y_title="‖δ_t‖", highlight=1).to_dict())
    assert hello.bars_spec([1.0, 0.5, 0.25], ["t=1", "t=2", "t=3"], title="δ", y_title="‖δ_t‖", highlight=1) == want
    loss_curve = getattr(charts.loss_curve, "builder", charts.loss_curve)
    for losses in ([(0, 1.4), (1, 1.2), (2, 0.3)], [(0, 1.4), (1, 1.2)]):  # a log axis, and a linear one
        chart = loss_curve(losses, names=("train", "validation"), y_title="loss", x_title="step").to_dict()
        chart.pop("config"), chart.pop("$schema")
        chart["data"] = {"values": chart.pop("datasets")[chart["data"]["name"]]}
        assert hello.loss_spec(losses, name="train", y_title="loss", x_title="step") == chart


def test_the_training_a_link_carries_reads_back_and_refuses_what_it_cannot_replay():
    assert hello.recipe_text([(20, 0.1), (40, 0.3)]) == "20@0.1,40@0.3"
    assert hello.parse_recipe("20@0.1,40@0.3") == [(20, 0.1), (40, 0.3)] and hello.parse_recipe("") == []
    assert hello.recipe_text([(hello.MAX_LINK_STEPS + 1, 0.1)]) is None
    for bad in ("20", "20@0.2", "0@0.1", "x@0.1", f"{hello.MAX_LINK_STEPS}@0.1,1@0.1", "1@0.1," * 60):
        with pytest.raises(ValueError):
            hello.parse_recipe(bad)


def test_a_replayed_training_gives_the_same_network():
    net = HelloRNN("hello", 3, 5)
    for steps, lr in ((20, 0.1), (20, 0.1), (5, 1.0), (20, 0.1)):
        net.train(steps, lr)
    assert net.segments == [(40, 0.1), (5, 1.0), (20, 0.1)]
    again = hello.replay(HelloRNN("hello", 3, 5), hello.parse_recipe(hello.recipe_text(net.segments)))
    assert again.steps == 65
    assert np.array_equal(again.snapshot().W_hh, net.snapshot().W_hh) and again.losses == net.losses


def test_rapid_clicks_from_several_threads_train_every_click_once_in_turn():
    """Four Train clicks at once on one network: 80 steps, the loss curve has every step once, in order, and
    the training the link carries says 80 steps (the network's lock; without it the steps interleave)."""
    net = HelloRNN()
    start = threading.Barrier(4)

    def click():
        start.wait()
        net.train(20, 0.1)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert net.steps == 80 and [s for s, _ in net.losses] == list(range(81))
    assert net.segments == [(80, 0.1)]
    assert np.array_equal(net.snapshot().W_hh, hello.replay(HelloRNN(), [(80, 0.1)]).snapshot().W_hh)
