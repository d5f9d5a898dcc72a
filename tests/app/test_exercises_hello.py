"""Hello RNN's exercises on the live network: answers worked out here from the page's own network (its snapshot
and backward pass), wrong ones explained, another seed asks something else, and it speaks Korean."""
import re

import numpy as np
import pytest
from app_helpers import answer_exercise, open_app, texts

from core.lessons.hello import backward
from webapp.charts import show_token

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/hello_rnn.py"


def question(at, key: str) -> str:
    """The question above the exercise's answer widget (its markdown starts with the exercise's number)."""
    numbered = [m for m in texts(at.markdown) if re.match(r"\*\*\d\.\*\*", m)]
    keys = ["hello_unit", "hello_predict", "hello_grad"]
    return numbered[keys.index(key)]


def check(at, key: str, answer) -> tuple[list[str], list[str]]:
    """Type or pick `answer`, press Check: (success texts, warning texts)."""
    answer_exercise(at, key, answer)
    return texts(at.success), texts(at.warning)


def unit_answer(at) -> float:
    """h_t[i] for the t and i the question names, from the page's network."""
    found = re.search(r"At t = (\d+) .*Row (\d+) of W_hh", question(at, "hello_unit"))
    step, unit = int(found[1]) - 1, int(found[2]) - 1
    return float(at.session_state["hello_net"].snapshot().h[step, unit])


def test_computing_a_hidden_unit_by_hand():
    at = open_app(PAGE)
    right = unit_answer(at)
    success, warnings = check(at, "hello_unit", f"{right + 0.3:.2f}")
    assert not success and any("Multiply row" in w for w in warnings)
    success, _ = check(at, "hello_unit", f"{right:.2f}")
    assert any("tanh(" in s for s in success)


def test_the_predicted_letter_and_the_weight_that_changes_most():
    at = open_app(PAGE)
    at.button(key="hello_train").click().run()  # the exercises follow the network as it is now
    snap = at.session_state["hello_net"].snapshot()
    step = int(re.search(r"at t = (\d+)", question(at, "hello_predict"))[1]) - 1
    predicted = show_token(snap.predicted[step])
    wrong = next(show_token(c) for c in snap.vocab if show_token(c) != predicted)
    success, warnings = check(at, "hello_predict", wrong)
    assert not success and any("largest probability" in w for w in warnings)
    assert check(at, "hello_predict", predicted)[0]
    at.button(key="hello_train").click().run()  # the network has moved on: so has the question, and the verdict
    assert "After 40 training steps" in question(at, "hello_predict")
    assert not any("softmax(y_" in s for s in texts(at.success))
    at.button(key="hello_reset").click().run()
    snap = at.session_state["hello_net"].snapshot()

    grad = backward(snap).grads["W_hy"]  # (V, H)
    sizes = {}
    for option in at.radio(key="ex_hello_grad_answer").options:
        letter, unit = option.split(", h")
        sizes[option] = abs(grad[[show_token(c) for c in snap.vocab].index(letter), int(unit) - 1])
    smallest, largest = min(sizes, key=sizes.get), max(sizes, key=sizes.get)
    success, warnings = check(at, "hello_grad", smallest)
    assert not any("∂L/∂W_hy" in s for s in success) and any("whatever their sign" in w for w in warnings)
    success, _ = check(at, "hello_grad", largest)
    assert any(f"{grad.flat[np.argmax(np.abs(grad))]:+.4f}" in s for s in success)


def test_another_seed_asks_other_questions():
    asked = set()
    for seed in (0, 1, 2):
        at = open_app(PAGE, hello_seed=seed)
        asked.add((question(at, "hello_unit"), tuple(at.radio(key="ex_hello_grad_answer").options)))
    assert len(asked) == 3


def test_an_answer_checked_in_korean(monkeypatch):
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")  # the runs after the first go without the shell
    at = open_app(PAGE, locale="ko")
    assert "소수 둘째 자리까지" in " ".join(texts(at.markdown))
    snap = at.session_state["hello_net"].snapshot()
    found = re.search(r"t = (\d+)에서 .*W_hh의 (\d+)행", [m for m in texts(at.markdown) if m.startswith("**1.**")][0])
    right = float(snap.h[int(found[1]) - 1, int(found[2]) - 1])
    success, warnings = check(at, "hello_unit", f"{right:.2f}")
    assert any(s.startswith("맞았습니다") for s in success), (success, warnings)
