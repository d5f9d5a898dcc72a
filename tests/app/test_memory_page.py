"""The memory lab: a tiny race starts, runs live and stops; the levers, the URL and the charts."""
import json
import time

from app_helpers import clean, open_app, texts

PAGE = "pages/memory.py"


def chart_titles(at) -> list[str]:
    titles = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        title = spec.get("title")
        titles.append(title.get("text") if isinstance(title, dict) else title)
    return titles


TABLE = {"task": "first", "chance": 0.25, "hidden": 8, "steps": 10, "seed": 0, "command": "python benchmarks/memory.py",
         "points": [{"delay": d, "cells": {c: {"accuracy": a, "grad_ratio": 0.1} for c, a in zip(("rnn", "lstm", "gru"), acc)}}
                    for d, acc in ((10, (1.0, 1.0, 1.0)), (100, (0.25, 0.9, 1.0)))]}


def test_it_opens_with_the_gradient_at_initialisation_and_the_shipped_delay_chart(tmp_path, monkeypatch):
    (tmp_path / "memory-accuracy.json").write_text(json.dumps(TABLE))
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    at = open_app(PAGE)
    clean(at)
    assert at.slider(key="mem_delay").value == 50 and at.multiselect(key="mem_cells").value == ["rnn", "lstm", "gru"]
    assert "At initialisation (T = 50)" in chart_titles(at)
    assert len(at.get("vega_lite_chart")) == 2  # the gradient at initialisation, accuracy against the delay
    assert "mem_delay" not in at.query_params and "delay" not in at.query_params  # defaults stay out of the link
    assert any("hidden size 8, 10 steps" in c for c in texts(at.caption))


def test_without_the_table_the_page_says_how_to_make_it(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    at = open_app(PAGE)
    assert not at.exception and any("benchmarks/memory.py --sweep" in w for w in texts(at.warning))


def test_a_tiny_race_runs_live_and_stops_on_request():
    at = open_app(PAGE)
    at.slider(key="mem_delay").set_value(10)
    at.multiselect(key="mem_cells").set_value(["rnn", "gru"])
    at.select_slider(key="mem_hidden").set_value(16)
    at.button(key="mem_train").click().run()
    clean(at)
    run = at.session_state["mem_run"]
    race = run.trainer
    assert race.cfg.delay == 10 and race.cfg.cells == ("rnn", "gru") and race.cfg.hidden == 16
    deadline = time.monotonic() + 30
    while run.snapshot().step < 30 and time.monotonic() < deadline:
        time.sleep(0.2)
    at.run()  # the live panel: a Stop button and the accuracy curves
    clean(at)
    assert at.button(key="mem_run_stop")
    assert "Accuracy on fresh sequences (dashed: guessing)" in chart_titles(at)
    at.button(key="mem_run_stop").click().run()
    assert run.join(10)
    at.run()
    clean(at)
    snap = run.snapshot()
    assert snap.state == "stopped" and snap.step >= 30
    assert any(title.startswith("After the race (T = 10") for title in chart_titles(at))
    assert any("RNN" in c and "→" in c for c in texts(at.caption))  # the gradient ratios, before and after


def test_the_url_sets_the_levers_and_a_bad_value_is_ignored():
    at = open_app(PAGE, delay=120, cells="lstm,rnn", scale="2.0", hidden=32, clip=0)
    clean(at)
    assert at.slider(key="mem_delay").value == 120
    assert at.multiselect(key="mem_cells").value == ["lstm", "rnn"]
    assert at.select_slider(key="mem_scale").value == 2.0 and at.toggle(key="mem_clip").value is False
    assert "At initialisation (T = 120)" in chart_titles(at)
    at = open_app(PAGE, delay="lots", cells="transformer", scale="7")
    clean(at)
    assert at.slider(key="mem_delay").value == 50 and at.select_slider(key="mem_scale").value is None
    assert at.multiselect(key="mem_cells").value == ["rnn", "lstm", "gru"]


def test_no_cells_cannot_race_and_korean_works():
    at = open_app(PAGE)
    at.multiselect(key="mem_cells").set_value([]).run()
    clean(at)
    assert at.button(key="mem_train").disabled
    at.radio(key="lang").set_value("ko").run()
    clean(at)
    assert at.title[0].value == "메모리: LSTM이 있는 이유"


def wait_for_steps(run, steps: int, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while run.snapshot().step < steps and time.monotonic() < deadline:
        time.sleep(0.2)


def test_a_copied_link_opens_the_same_levers():
    """The widgets are bound to the URL under their keys (the browser writes a choice's label)."""
    at = open_app(PAGE, mem_delay=120, mem_cells="GRU", mem_scale="2", mem_hidden=32, mem_seconds=15,
                  mem_clip="false", mem_seed=7)
    clean(at)
    assert at.slider(key="mem_delay").value == 120 and at.multiselect(key="mem_cells").value == ["gru"]
    assert at.select_slider(key="mem_scale").value == 2.0 and at.select_slider(key="mem_hidden").value == 32
    assert at.select_slider(key="mem_seconds").value == 15 and at.toggle(key="mem_clip").value is False
    assert at.number_input(key="mem_seed").value == 7
    assert "At initialisation (T = 120)" in chart_titles(at)


def test_leaving_during_a_race_and_coming_back_shows_the_race_and_its_settings():
    """Issue 25: back on the page, the levers showed delay 50 and 60 s beside a race run at 40 and 15 s."""
    at = open_app(PAGE)
    at.slider(key="mem_delay").set_value(40)
    at.select_slider(key="mem_seconds").set_value(15)
    at.multiselect(key="mem_cells").set_value(["rnn"])
    at.select_slider(key="mem_hidden").set_value(16)
    at.button(key="mem_train").click().run()
    run = at.session_state["mem_run"]
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    clean(at)
    assert at.session_state["mem_run"] is run
    assert at.slider(key="mem_delay").value == 40 and at.select_slider(key="mem_seconds").value == 15
    assert at.multiselect(key="mem_cells").value == ["rnn"] and at.select_slider(key="mem_hidden").value == 16
    assert any(c.startswith("This race: T = 40 · RNN · hidden size 16 · 15 s") for c in texts(at.caption))
    at.slider(key="mem_delay").set_value(60).run()  # the levers move on: the race keeps its own, and says so
    assert any("have changed since this race started" in i for i in texts(at.info))
    run.stop()
    assert run.join(20)
