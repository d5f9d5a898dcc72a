"""The captioning page's exercises (issue 24), checked against the captioner itself: where it looked for a
word (the attention weights of the caption decoded here again) and the word it was least sure of."""
import re

import numpy as np
import pytest
from app_helpers import answer_exercise, open_app, texts
from test_captioning import captioner_dir  # noqa: F401 - the stand-in captioner, a fixture

from webapp import captioning, loading
from webapp.i18n import t

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/captioning.py"
BANDS = (range(0, 2), range(2, 5), range(5, 7))  # the grid's rows (columns) in the 3 × 3 regions
REGIONS = ("top_left", "top", "top_right", "left", "centre", "right", "bottom_left", "bottom", "bottom_right")


@pytest.fixture
def bundle(captioner_dir, monkeypatch):  # noqa: F811 - the fixture imported above
    monkeypatch.setenv("RNNLAB_MODELS", str(captioner_dir))
    return loading.shipped(captioning.SHIPPED, "caption").bundle


def written(bundle, example: str, method: str = "beam", seed: int = 0):
    """The caption the page writes for an example, decoded here again."""
    picture = captioning.photo(captioning.example_bytes(example), f"{example}.jpg")
    return captioning.write(bundle, picture, method, 3, 1.0, seed)[method]


def question(at, number: int) -> str:
    return next(m for m in texts(at.markdown) if m.startswith(f"**{number}.**"))


check = answer_exercise  # tests/app/app_helpers.py


def region_means(weights) -> list[float]:
    grid = np.asarray(weights, dtype=float).reshape(7, 7)
    return [float(grid[np.ix_(rows, cols)].mean()) for rows in BANDS for cols in BANDS]


def test_where_it_looked_for_a_word_is_read_from_its_attention(bundle):
    at = open_app(PAGE, example="cat")
    number = int(re.search(r"\(word (\d+)\)", question(at, 1)).group(1))
    weights = np.asarray(written(bundle, "cat").decoded.steps[number - 1].attention, dtype=float)  # (49,)
    means = region_means(weights)
    peak = int(np.argmax(weights))
    holds_peak = REGIONS[3 * [peak // 7 in b for b in BANDS].index(True) + [peak % 7 in b for b in BANDS].index(True)]
    ranked = [REGIONS[i] for i in np.argsort(means)]  # the least looked at first
    wrong = next(r for r in ranked if r != holds_peak and r not in ranked[-2:])
    check(at, "cap_where", t(f"ex.captioning.region.{wrong}"))
    assert at.warning and "Move the word slider to word" in at.warning[-1].value
    best = ranked[-1]
    check(at, "cap_where", t(f"ex.captioning.region.{best}"))
    assert at.success and f"mean weight of {max(means):.3f} a cell" in at.success[-1].value


def probabilities(caption) -> list[float]:
    return [dict(s.candidates).get(s.token, min(p for _, p in s.candidates))
            for s, w in zip(caption.decoded.steps, caption.tokens) if w != captioning.END]


def test_the_least_certain_word_is_the_decoders(bundle):
    at = open_app(PAGE, example="coffee")
    caption = written(bundle, "coffee")
    words = [w for w in caption.tokens if w != captioning.END]
    probs = probabilities(caption)
    least = int(np.argmin(probs))
    surest = int(np.argmax(probs))
    check(at, "cap_unsure", f"{surest + 1}: {words[surest]}")
    assert at.warning and f"{probs[surest]:.3f}" in at.warning[-1].value
    check(at, "cap_unsure", f"{least + 1}: {words[least]}")
    assert at.success and f"{probs[least]:.3f}" in at.success[-1].value and "the lowest" in at.success[-1].value
    at.toggle(key="ex_cap_unsure_show").set_value(True).run()
    assert any(f"**{least + 1}: {words[least]}**" in i for i in texts(at.info))


def test_another_photo_or_seed_gives_other_exercises_and_korean_feedback(bundle, monkeypatch):
    at = open_app(PAGE, example="cat", method="sample")
    questions = {(question(at, 1), question(at, 2))}
    for seed in (1, 2):
        at.number_input(key="cap_seed").set_value(seed).run()
        questions.add((question(at, 1), question(at, 2)))
    assert len(questions) > 1  # another sampling seed: another caption or word
    at.radio(key="cap_example").set_value("rocket").run()
    assert (question(at, 1), question(at, 2)) not in questions
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")  # AppTest formats the options outside the session
    ko = open_app(PAGE, locale="ko", example="coffee")
    caption = written(bundle, "coffee")
    probs = probabilities(caption)
    least = int(np.argmin(probs))
    check(ko, "cap_unsure", f"{least + 1}: {[w for w in caption.tokens if w != captioning.END][least]}")
    assert ko.success and ko.success[-1].value.startswith("맞았습니다") and "확률" in ko.success[-1].value
