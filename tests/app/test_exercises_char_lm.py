"""The character LM page's exercises (issue 24), checked against the model itself: its samples near
temperature 0, the units of a traced text, its softmax after a position of the text."""
import re

import numpy as np
import pytest
import torch
from app_helpers import answer_exercise, clean, open_app, texts

from core.decoding.generate import sample
from webapp import charts, inside, loading
from webapp.i18n import t

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/char_lm.py"
TEXT = 'ROMEO: hello there, "quoted" juliet.\nJULIET: hello romeo (and bracketed).\n'


@pytest.fixture
def bundle(with_shipped):
    return loading.shipped("char-shakespeare.safetensors", "lm").bundle


check = answer_exercise  # tests/app/app_helpers.py


def question(at, number: int) -> str:
    return next(m for m in texts(at.markdown) if m.startswith(f"**{number}.**"))


def cold(bundle, prime: str, seed: int) -> str:
    return "".join(sample(bundle.model, bundle.vocab, prime, 80, 1e-6, None, torch.Generator().manual_seed(seed)))


def test_temperature_near_zero_is_checked_by_sampling_the_model(bundle):
    at = open_app(PAGE, prime="ROMEO:", lm_seed=4)
    first, second = cold(bundle, "ROMEO:", 4), cold(bundle, "ROMEO:", 5)  # what the model writes near 0
    right = t("ex.char_lm.temp.option.same" if first == second else "ex.char_lm.temp.option.varied")
    wrong = t("ex.char_lm.temp.option.random")
    check(at, "lm_temperature", wrong)
    assert at.warning and "Move the temperature slider" in at.warning[-1].value
    shown = "".join(map(charts.show_token, first))
    assert shown in at.warning[-1].value  # the feedback shows the samples
    check(at, "lm_temperature", right)
    assert at.success and shown in at.success[-1].value and "seed no longer matters" in at.success[-1].value


def test_the_unit_that_fires_inside_the_quotes_is_the_models(bundle):
    at = open_app(PAGE, view="text", text=TEXT, state="hidden")
    values = inside.trace_lm(bundle, TEXT).states["hidden"][0]  # (T, H): the page's one layer
    quoted = np.zeros(len(TEXT), bool)
    quoted[TEXT.index('"') + 1:TEXT.rindex('"')] = True  # inside "quoted"
    difference = values[quoted].mean(0) - values[~quoted].mean(0)
    assert "inside the quotes" in question(at, 2)
    check(at, "lm_unit", int(np.argmin(difference)))  # the unit most *lower* inside
    assert at.warning and "Pick such a stretch in the neuron finder" in at.warning[-1].value
    check(at, "lm_unit", "ninety")
    assert at.warning and "whole number from 0 to 15" in at.warning[-1].value
    best = int(np.argmax(difference))
    check(at, "lm_unit", best)
    means = f"Unit {best} averages {values[quoted, best].mean():+.3f} inside the quotes"
    assert at.success and means in at.success[-1].value
    at.toggle(key="ex_lm_unit_show").set_value(True).run()
    assert any(f"Unit **{best}**" in i for i in texts(at.info))


def softmax_top(bundle, text: str) -> str:
    """The character the model finds most likely after `text`."""
    ids = torch.tensor([bundle.vocab.encode(list(text))])
    with torch.no_grad():
        logits, _ = bundle.model.step(ids)  # (1, T, V)
    return bundle.vocab.itos[int(logits[0, -1].argmax())]


def test_the_most_likely_next_character_comes_from_the_softmax_and_the_seed_moves_it(bundle):
    at = open_app(PAGE, view="text", text=TEXT)
    position = int(re.search(r"up to character (\d+)", question(at, 3)).group(1))
    best = charts.show_token(softmax_top(bundle, TEXT[:position + 1]))
    options = at.radio(key="ex_lm_next_answer").options
    check(at, "lm_next", next(o for o in options if o != best))
    assert at.warning and f"position {position} in the top-5 chart" in at.warning[-1].value
    check(at, "lm_next", best)
    assert at.success and "its highest" in at.success[-1].value
    questions = {question(at, 3)}
    for seed in (1, 2, 3):  # another seed: another place in the text
        at.number_input(key="lm_seed").set_value(seed).run()
        questions.add(question(at, 3))
    assert len(questions) > 1


def test_another_seed_gives_other_exercises_and_korean_feedback(bundle, monkeypatch):
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")  # AppTest formats the options outside the session
    at = open_app(PAGE, locale="ko", prime="ROMEO:")
    before = [question(at, n) for n in (1, 2, 3)]
    at.button(key="lm_again").click().run()
    clean(at)
    after = [question(at, n) for n in (1, 2, 3)]
    assert before[0] != after[0] and before[2] != after[2]  # the seeds sampled, the place in the new sample
    first, second = cold(bundle, "ROMEO:", 1), cold(bundle, "ROMEO:", 2)
    right = t("ex.char_lm.temp.option.same" if first == second else "ex.char_lm.temp.option.varied", lang="ko")
    check(at, "lm_temperature", right)
    assert at.success and at.success[-1].value.startswith("맞았습니다") and "시드" in at.success[-1].value
