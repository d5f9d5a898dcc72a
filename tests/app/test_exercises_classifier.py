"""The classifier page's exercises (issue 24): which word matters most and which flips the answer (leave one word
out), and whether adding a word raises a class's probability. The right answers are computed here from the
shipped sentiment model; a wrong one gets a hint, another exercise number another sentence, Korean works too."""
import re

import pytest
from app_helpers import answer_exercise, clean, open_app

from core.checkpoint import load_checkpoint
from webapp import loading
from webapp.exercises import classifier as ex

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/classifier.py"
FIRST = "not bad at all"  # the sentiment page's first example: the text in the box, so exercise 0's sentence
SECOND = "the acting was great but the plot made no sense"  # the second example: exercise 1's
NAMES = {"0": "negative", "1": "positive"}


@pytest.fixture(scope="module")
def model():
    return load_checkpoint(loading.models_dir() / "sentiment-sst2.safetensors", task="classify")


def ranked_words(model, sentence: str) -> list[str]:
    """The sentence's words, the one whose removal moves the predicted class's probability most first."""
    probs = model_probs(model, sentence)
    label = max(probs, key=probs.get)
    change = {w: abs(model_probs(model, ex.without(sentence, w))[label] - probs[label])
              for w in dict.fromkeys(sentence.split())}
    return sorted(change, key=lambda w: -change[w])


def model_probs(model, text: str) -> dict[str, float]:
    from core.tasks.registry import TASKS
    return TASKS["classify"].predict(model, text)


def question(at, key: str) -> str:
    """The exercise's question as the page shows it ("**2.** The model reads ...")."""
    number = {"clf_word": 1, "clf_flip": 2, "clf_add": 3}[key]
    found = [m.value for m in at.markdown if m.value.startswith(f"**{number}.** ")]
    assert len(found) == 1, found
    return found[0]


check = answer_exercise  # tests/app/app_helpers.py


def test_the_word_that_matters_most_is_found_by_leaving_each_word_out(model):
    at = open_app(PAGE, model="sentiment")
    clean(at)
    assert FIRST in question(at, "clf_word")
    best, *others = ranked_words(model, FIRST)
    check(at, "clf_word", others[-1])
    assert at.warning and "another word moves it more" in at.warning[0].value and not at.success
    check(at, "clf_word", best)
    assert at.success and f"Without «{best}»" in at.success[0].value
    at.toggle(key="ex_clf_word_show").set_value(True).run()
    shown = at.info[-1].value
    assert all(f"«{w}»" in shown for w in FIRST.split())  # every word's effect is listed


def test_the_flip_exercise_is_checked_by_running_the_model_without_each_word(model):
    at = open_app(PAGE, model="sentiment")
    probs = model_probs(model, FIRST)
    label = max(probs, key=probs.get)
    flips = [w for w in FIRST.split() if max((p := model_probs(model, ex.without(FIRST, w))), key=p.get) != label]
    none = at.radio(key="ex_clf_flip_answer").options[-1]
    right = flips[0] if flips else none
    wrong = none if flips else FIRST.split()[0]
    check(at, "clf_flip", wrong)
    assert at.warning and not at.success
    check(at, "clf_flip", right)
    assert at.success


def test_adding_a_word_is_checked_by_running_the_longer_sentence(model):
    at = open_app(PAGE, model="sentiment")
    asked = question(at, "clf_add")
    word = re.search(r"adding «(.+?)» at the end", asked).group(1)
    label = re.search(r"raise the probability of \*(\w+)\*", asked).group(1)
    target = {v: k for k, v in NAMES.items()}[label]
    raised = model_probs(model, f"{FIRST} {word}")[target] > model_probs(model, FIRST)[target]
    check(at, "clf_add", "No" if raised else "Yes")
    assert at.warning and "read p(" in at.warning[0].value
    check(at, "clf_add", "Yes" if raised else "No")
    assert at.success


def test_another_exercise_number_asks_about_another_sentence_and_the_link_keeps_it(model):
    at = open_app(PAGE, model="sentiment")
    first = question(at, "clf_word")
    at.number_input(key="ex_clf_seed").set_value(1).run()
    clean(at)
    assert question(at, "clf_word") != first and SECOND in question(at, "clf_word")
    linked = open_app(PAGE, model="sentiment", ex_clf_seed=1)  # a copied link with the exercise number
    clean(linked)
    assert linked.number_input(key="ex_clf_seed").value == 1 and SECOND in question(linked, "clf_word")
    best = ranked_words(model, SECOND)[0]
    check(linked, "clf_word", best)
    assert linked.success


def test_the_students_own_text_makes_the_exercises(model):
    at = open_app(PAGE, model="sentiment")
    mine = "what a dull and lifeless film"
    at.text_area(key="clf_text").set_value(mine).run()
    clean(at)
    assert mine in question(at, "clf_word")
    check(at, "clf_word", ranked_words(model, mine)[0])
    assert at.success


def test_a_right_answer_in_korean(model, monkeypatch):
    # AppTest calls the radios' format_func outside the page's run, where the sidebar's language is not known
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")
    at = open_app(PAGE, locale="ko", model="sentiment")
    clean(at)
    assert "어느 단어를 뺄 때" in question(at, "clf_word")
    check(at, "clf_word", ranked_words(model, FIRST)[0])
    assert at.success and "맞았습니다" in at.success[0].value
    check(at, "clf_word", ranked_words(model, FIRST)[-1])
    assert at.warning and "아쉽네요" in at.warning[0].value


def test_pure_helpers_pick_a_usable_sentence_and_rank_the_words(model):
    long = " ".join(f"w{i}" for i in range(ex.MAX_WORDS + 1))
    assert ex.pick_sentence(model, [long, "great", FIRST], 0) == FIRST  # too many words, then too few: skipped
    repeated = "what a film ! " * 30  # four words, but too long to run once per word
    assert ex.pick_sentence(model, [repeated, FIRST], 0) == FIRST
    assert ex.pick_sentence(model, [FIRST, SECOND], 1) == SECOND
    assert ex.pick_sentence(model, ["", "one"], 0) is None
    reading = ex.read(model, FIRST)
    assert reading.words == FIRST.split()
    exercise = ex.most_important(reading, NAMES.get)
    assert exercise.check(ranked_words(model, FIRST)[0]).right
    assert not exercise.check(ranked_words(model, FIRST)[-1]).right
