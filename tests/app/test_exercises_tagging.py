"""The tagging page's exercises (issue 24) on the shipped taggers: tag a sentence by hand (checked against the
treebank's gold tags, or the model's where there are none) and the word the model is least sure of. The
right answers are worked out here from the dev files and the models themselves; another seed gives another
sentence; Korean too. And the page's shareable view (issue 25): a long text stays out of the link, a link
with its sentence, state and seed opens the same view, and leaving the page and coming back keeps it."""
import re
from pathlib import Path

import numpy as np
import pytest
from app_helpers import answer_exercise, clean, open_app
from streamlit.testing.v1 import AppTest

from core.checkpoint import load_checkpoint
from core.tasks.registry import TASKS
from webapp import i18n, tagging, urlstate
from webapp.exercises import tagging as ex_tagging

REPO = Path(__file__).resolve().parents[2]
PAGE = "pages/tagging.py"


def page(**query) -> AppTest:
    """The page alone, without streamlit_app.py's navigation and sidebar (the tests of a link and of another page
    use open_app)."""
    at = AppTest.from_file(str(REPO / PAGE), default_timeout=180)
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


@pytest.fixture(scope="module")
def taggers():
    return {task: load_checkpoint(REPO / "models" / name) for task, name in tagging.SHIPPED.items()}


def question(at, key: str) -> str:
    """The exercise's question (tagging_tag, tagging_unsure): the markdown before its answer box."""
    number = {"tagging_tag": 1, "tagging_unsure": 2}[key]
    return next(m.value for m in at.markdown if m.value.startswith(f"**{number}.**"))


def sentence_of(text: str) -> list[str]:
    """The words of the sentence in bold in a question."""
    after_number = re.sub(r"^\*\*\d+\.\*\* ", "", text)
    sentence = re.findall(r"\*\*(.+?)\*\*", after_number)[0]
    return re.sub(r"\\(.)", r"\1", sentence).split(" ")  # as typed: markdown's escapes undone


def dev_gold(task: str, words: list[str]) -> list[str]:
    """The gold tags of `words` in the task's dev file, read here."""
    dev = tagging.datasets()[tagging.TASK_DATASETS[task][0]][1]
    for w, g in tagging.read_conll(dev.read_bytes(), dev.name, task, "upos"):
        if w == words:
            return g
    raise AssertionError(f"{words} is not in {dev}")


def model_tags(bundle, words: list[str]) -> tuple[list[str], np.ndarray]:
    """The tagger's tags of `words` and the probability of each chosen tag (T,), computed here."""
    task = TASKS["tag"]
    [probs] = task.tag_probabilities(bundle, [words])
    [tags] = task.decode(bundle, [probs])
    return tags, probs.numpy()[np.arange(len(tags)), [bundle.labels.stoi[tag] for tag in tags]]


def check(at, key: str, answer, task: str = "pos_en") -> None:
    """Answer the exercise `key` (tagging_tag: typed; tagging_unsure: picked) of `task` and press Check."""
    answer_exercise(at, key.replace("tagging_", f"tagging_{task}_"), answer)


def test_tagging_a_gold_sentence_by_hand_is_checked_against_the_treebank_and_the_model(taggers):
    at = page(task="pos_en")
    clean(at)
    text = question(at, "tagging_tag")
    assert "UD English-EWT" in text and "people tagged by hand" in text
    words = sentence_of(text)
    gold = dev_gold("pos_en", words)
    wrong = ["X" if tag != "X" else "NOUN" for tag in gold]
    check(at, "tagging_tag", " ".join(wrong))
    [warning] = at.warning
    assert f"0 of {len(words)} tags are the annotators'" in warning.value
    assert all(f"“{ex_tagging.plain(w)}”" in warning.value for w in words)  # every word differs, and says why
    assert "`X` other: foreign words, typos" in warning.value  # what the tags stand for, once each
    assert warning.value.count("other: foreign words, typos") == 1
    check(at, "tagging_tag", " ".join(gold[:-1]))
    assert f"{len(words) - 1} tags for {len(words)} words" in at.warning[0].value
    check(at, "tagging_tag", " ".join(tag.lower() for tag in gold))  # case does not matter
    [success] = at.success
    model, _ = model_tags(taggers["pos_en"], words)
    assert f"The model gets {sum(a == b for a, b in zip(model, gold))} of the {len(words)} right" in success.value


def test_the_least_sure_word_is_the_models_lowest_tag_probability(taggers):
    at = page(task="pos_en")
    words = sentence_of(question(at, "tagging_unsure"))
    _, chosen = model_tags(taggers["pos_en"], words)
    options = at.radio(key="ex_tagging_pos_en_unsure_answer").options
    assert options == [f"{i + 1}: {ex_tagging.plain(w)}" for i, w in enumerate(words)]
    sure = int(np.argmax(chosen))
    check(at, "tagging_unsure", options[sure])
    assert f"p = {chosen[sure]:.3f}" in at.warning[0].value
    check(at, "tagging_unsure", options[int(np.argmin(chosen))])
    assert f"p = {chosen.min():.3f}, the lowest" in at.success[0].value
    at.toggle(key="ex_tagging_pos_en_unsure_show").set_value(True).run()
    assert any(f"“{ex_tagging.plain(words[int(np.argmin(chosen))])}” ({chosen.min():.3f})" in i.value for i in at.info)


def test_another_seed_gives_other_sentences_and_a_link_keeps_the_seed():
    at = page(task="pos_en")
    first = question(at, "tagging_tag"), question(at, "tagging_unsure")
    at.number_input(key="ex_tagging_seed").set_value(5).run()
    clean(at)
    assert question(at, "tagging_tag") != first[0] and question(at, "tagging_unsure") != first[1]
    again = page(task="pos_en", ex_tagging_seed=5)
    assert again.number_input(key="ex_tagging_seed").value == 5
    assert question(again, "tagging_tag") == question(at, "tagging_tag")


def test_named_entities_without_gold_are_checked_against_the_model(taggers):
    at = page()  # the shipped CoNLL-2003 tagger: WNUT-17's types are not its own, so no gold
    text = question(at, "tagging_tag")
    assert "no person tagged" in text
    words = sentence_of(text)
    tags, _ = model_tags(taggers["ner"], words)
    check(at, "tagging_tag", " ".join(["B-PER"] * len(words)), "ner")
    assert "are the model's. Where you differ" in at.warning[0].value
    check(at, "tagging_tag", " ".join(tags), "ner")
    assert f"All {len(words)} tags are the model's" in at.success[0].value


def test_korean_exercises_are_checked_in_korean(taggers, monkeypatch):
    # Korean on both sides: AppTest formats the page's radios' options in the test's thread, where there is no
    # session (English), and a second run would find no such option
    monkeypatch.setattr(i18n, "language", lambda: "ko")
    at = page(task="pos_ko")
    clean(at)
    text = question(at, "tagging_tag")
    assert "UD Korean-GSD" in text and "직접 태깅해 보세요" in text
    words = sentence_of(text)
    check(at, "tagging_tag", " ".join(dev_gold("pos_ko", words)), "pos_ko")
    assert at.success[0].value.startswith("맞았습니다.") and "사람이 붙인 정답과 같습니다" in at.success[0].value
    unsure = sentence_of(question(at, "tagging_unsure"))
    _, chosen = model_tags(taggers["pos_ko"], unsure)
    check(at, "tagging_unsure", ex_tagging.option(int(np.argmax(chosen)), unsure[int(np.argmax(chosen))]), "pos_ko")
    assert at.warning[0].value.startswith("아쉽네요.")


def test_answers_are_parsed_as_the_tagger_spells_its_tags():
    assert ex_tagging.parse_tags(" noun, Verb  punct ", ["NOUN", "VERB", "PUNCT"]) == (["NOUN", "VERB", "PUNCT"], [])
    assert ex_tagging.parse_tags("b-per O zz", ["O", "B-PER"]) == (["B-PER", "O", "zz"], ["zz"])



def test_words_are_shown_as_they_are_in_markdown():
    """A treebank sentence with $ signs or asterisks is not read as maths or emphasis."""
    assert ex_tagging.plain("$ 5 or $ 6 *now*") == "\\$ 5 or \\$ 6 \\*now\\*"
    assert ex_tagging.plain("Antigua was awesome .") == "Antigua was awesome ."


# ---------------------------------------------------------------- the shareable view (issue 25)


def test_a_long_text_stays_out_of_the_link_and_the_page_says_so():
    at = page(task="pos_en")
    long = "I can can a can. " * 40  # 680 characters
    at.text_area(key="pos_en_text").input(long).run()
    clean(at)
    assert "text" not in at.query_params
    assert any("too long to share" in c.value for c in at.caption)
    at.text_area(key="pos_en_text").input("Time flies like an arrow.").run()
    assert at.query_params["text"] == "Time flies like an arrow."
    assert not any("too long to share" in c.value for c in at.caption)


TWO = "I can can a can. Time flies like an arrow."


def test_a_link_with_sentence_state_and_seed_opens_that_view():
    at = open_app(PAGE, task="pos_en", text=TWO, sentence=2, state="cell", ex_tagging_seed=4)
    clean(at)
    assert at.selectbox(key="pos_en_sentence").value == 1 and at.radio(key="pos_en_state").value == "cell"
    assert at.number_input(key="ex_tagging_seed").value == 4
    assert at.query_params["sentence"] == "2" and at.query_params["state"] == "cell"
    at.radio(key="tag_task").set_value("ner").run()  # another task's view does not take these
    clean(at)
    assert at.radio(key="ner_state").value == "hidden" and "sentence" not in at.query_params


def test_leaving_the_page_and_coming_back_keeps_the_view(monkeypatch):
    monkeypatch.setattr(urlstate, "keep", lambda keys: None)  # the page's own widgets keep it (persist_state)
    at = open_app(PAGE, task="pos_en")
    at.text_area(key="pos_en_text").input(TWO).run()
    at.selectbox(key="pos_en_sentence").set_value(1).run()
    at.radio(key="pos_en_state").set_value("cell").run()
    at.number_input(key="ex_tagging_seed").set_value(7).run()
    clean(at)
    at.switch_page("pages/home.py").run()
    at.query_params.clear()  # what comes back is the session's, not the link's
    at.switch_page(PAGE).run()
    clean(at)
    assert at.text_area(key="pos_en_text").value == TWO and at.selectbox(key="pos_en_sentence").value == 1
    assert at.radio(key="pos_en_state").value == "cell" and at.number_input(key="ex_tagging_seed").value == 7
