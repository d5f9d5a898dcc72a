"""The Memory page's exercises: the chance prediction waits for a race and is then checked against it, the two
readings of the gradient through time are checked against gradients worked out here from fresh networks, another
seed asks something else, and it speaks Korean."""
import math
import re
import time

import numpy as np
import pytest
from app_helpers import answer_exercise, clean, open_app, texts

from core.lessons.gate_race import FirstSymbol, Race, RaceConfig

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/memory.py"
LEVERS = dict(mem_delay=12, mem_cells="RNN", mem_hidden=16, mem_seconds=15)  # a small, quick page
TWO_CELLS = {**{k: v for k, v in LEVERS.items() if k != "mem_cells"}, "cells": "rnn,gru"}  # (an old link's way:
# open_app writes one value a parameter, and a bound multiselect takes one value a cell)
KEYS = ["memory_chance", "memory_decades", "memory_smallest"]


def question(at, key: str) -> str:
    numbered = [m for m in texts(at.markdown) if re.match(r"\*\*\d\.\*\*", m)]
    shown = [k for k in KEYS if any(r.key == f"ex_{k}_answer" for r in (*at.radio, *at.text_input))]
    return numbered[shown.index(key)]


def check(at, key: str, answer) -> tuple[list[str], list[str]]:
    answer_exercise(at, key, answer)
    return texts(at.success), texts(at.warning)


def gradients(delay: int, cells: tuple[str, ...], seed: int) -> dict[str, np.ndarray]:
    """‖∂L/∂h_t‖ at initialisation, from fresh networks as the page builds them (hidden 16, torch's radius)."""
    race = Race(RaceConfig(delay=delay, cells=cells, hidden=16, seed=seed, max_steps=1, eval_size=32))
    return {cell: lane.grads_init for cell, lane in race.lanes.items()}


def test_the_chance_prediction_waits_for_a_race_then_is_checked_against_it():
    at = open_app(PAGE, **LEVERS)
    clean(at)
    options = at.radio(key="ex_memory_chance_answer").options
    assert options[0] == "RNN" and len(options) == 2
    success, warnings = check(at, "memory_chance", "RNN")
    assert not success and any("Now run the race at T = 12" in w for w in warnings)
    at.button(key="mem_train").click().run()
    run = at.session_state["mem_run"]
    deadline = time.monotonic() + 30
    while run.snapshot().step < 20 and time.monotonic() < deadline:
        time.sleep(0.2)
    run.stop()
    assert run.join(20)
    at.run()
    race = run.trainer
    last = race.history[-1][1]["rnn"]
    stuck = last < FirstSymbol(12).chance + 0.10
    right, wrong = ("RNN", options[1]) if stuck else (options[1], "RNN")
    success, warnings = check(at, "memory_chance", wrong)
    assert not any("ended at" in s for s in success) and any(f"RNN {last:.0%}" in w for w in warnings)
    success, _ = check(at, "memory_chance", right)
    assert any(f"RNN {last:.0%}" in s for s in success)


def test_the_gradient_readings_are_checked_against_fresh_networks():
    at = open_app(PAGE, **TWO_CELLS)
    clean(at)
    grads = gradients(12, ("rnn", "gru"), 0)
    t0 = int(re.search(r"and at t = (\d+)\.", question(at, "memory_decades"))[1])
    rnn = grads["rnn"]
    decades = math.log10(rnn[-1] / rnn[t0 - 1])
    success, warnings = check(at, "memory_decades", f"{decades + 2:.1f}")
    assert not success and any("logarithmic" in w for w in warnings)
    success, _ = check(at, "memory_decades", f"{decades:.1f}")
    assert any("powers of ten" in s for s in success)
    at.select_slider(key="mem_hidden").set_value(32).run()  # other networks: another question, no old verdict
    assert "hidden size 32" in question(at, "memory_decades")
    assert not any("powers of ten" in s for s in texts(at.success))
    at.select_slider(key="mem_hidden").set_value(16).run()

    step = int(re.search(r"\(t = (\d+)\)", question(at, "memory_smallest"))[1])
    at_step = {cell.upper(): norms[step - 1] for cell, norms in grads.items()}
    smallest, largest = min(at_step, key=at_step.get), max(at_step, key=at_step.get)
    success, warnings = check(at, "memory_smallest", largest)
    assert not any("The smallest is" in s for s in success) and any("which line is lowest" in w for w in warnings)
    success, _ = check(at, "memory_smallest", smallest)
    assert any(f"The smallest is {smallest}" in s for s in success)


def test_another_seed_asks_other_questions():
    asked = set()
    for seed in (0, 1, 2):
        at = open_app(PAGE, **TWO_CELLS, mem_seed=seed)
        asked.add((question(at, "memory_decades"), question(at, "memory_smallest")))
    assert len(asked) == 3


def test_a_gradient_reading_checked_in_korean(monkeypatch):
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")  # the runs after the first go without the shell
    at = open_app(PAGE, locale="ko", **LEVERS)
    found = re.search(r"t = (\d+)에서 읽으세요", " ".join(texts(at.markdown)))
    rnn = gradients(12, ("rnn",), 0)["rnn"]
    success, _ = check(at, "memory_decades", f"{math.log10(rnn[-1] / rnn[int(found[1]) - 1]):.1f}")
    assert any(s.startswith("맞았습니다") for s in success)
