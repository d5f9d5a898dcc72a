"""The translate page's pure helpers: what the model reads of a long text, which language a text looks like,
what the box holds after the direction changes, and the interface language a browser gets."""
from types import SimpleNamespace

import numpy as np
import pytest

from core.tasks.translate.task import MAX_SOURCE_TOKENS
from core.text import sentences
from webapp import translate as tr
from webapp.exercises import translate as ex_translate
from webapp.i18n import default_language


def bundle(tokenizer):
    return SimpleNamespace(cfg=SimpleNamespace(tokenizer=tokenizer))


def test_a_short_text_is_read_whole():
    r = tr.reading(bundle("char"), "나는 학생이야.")
    assert (r.text, r.cut, r.tokens, r.chars, r.total) == ("나는 학생이야.", False, 8, 8, 8)


@pytest.mark.parametrize("tokenizer,text", [
    ("char", "가" * 199 + " " + "나" * 50),  # the 200th token a space: joined and split again it was 199
    ("char", "나는 그냥 쉬고 싶어. 이건 중대한 문제야. " * 100),
    ("word", "I just want to rest. This is a serious problem. " * 500),
    ("word", "word " * 4000),
    ("char", "가" * 20_000),
])
def test_a_long_text_is_cut_to_at_most_the_tokens_the_model_reads(tokenizer, text):
    r = tr.reading(bundle(tokenizer), text)
    assert r.cut and text.startswith(r.text) and r.total == len(text) and r.chars == len(r.text)
    assert r.tokens == len(sentences.split(r.text, tokenizer)) <= MAX_SOURCE_TOKENS
    assert r.tokens >= MAX_SOURCE_TOKENS // 2  # not needlessly short
    if "." in text:
        assert r.text.endswith(".")  # whole sentences


@pytest.mark.parametrize("text,seen", [
    ("I am hungry.", "en"), ("나는 배고파.", "ko"), ("나는 iPhone을 샀어", "ko"), ("I like 김치 a lot", "en"),
    ("こんにちは、元気ですか", "other"), ("123 !?", None)])
def test_looks_like(text, seen):
    assert tr.looks_like(text) == seen


def test_the_wrong_language_is_noticed_for_the_direction():
    assert tr.wrong_language("I am hungry.", "ko-en") == "en"
    assert tr.wrong_language("I am hungry.", "en-ko") is None
    assert tr.wrong_language("나는 배고파.", "en-ko") == "ko"
    assert tr.wrong_language("Привет, как дела?", "en-ko") == "other"
    assert tr.wrong_language("2024", "ko-en") is None


def test_switching_the_direction_swaps_the_text():
    [(ko, _), *_] = tr.EXAMPLES["ko-en"]
    [(en, _), *_] = tr.EXAMPLES["en-ko"]
    assert tr.swapped_text(ko, "ko-en", "en-ko") == en  # an example: the other side of its pair
    assert tr.swapped_text(tr.EXAMPLES["en-ko"][3][0], "en-ko", "ko-en") == tr.EXAMPLES["ko-en"][3][0]
    assert tr.swapped_text("I am hungry.", "ko-en", "en-ko") == "I am hungry."  # already fits the new direction
    assert tr.swapped_text("나는 배고파.", "ko-en", "en-ko", "I am hungry.") == "I am hungry."  # its translation
    assert tr.swapped_text("나는 배고파.", "ko-en", "en-ko") == en  # no translation: the new example
    assert tr.swapped_text("", "ko-en", "en-ko") == ""


@pytest.mark.parametrize("locale,lang", [("ko", "ko"), ("ko-KR", "ko"), ("ko_KR", "ko"), ("KO-kr", "ko"),
                                         ("en-US", "en"), ("en", "en"), ("ja-JP", "en"), ("", "en"), (None, "en")])
def test_default_language(locale, lang):
    assert default_language(locale) == lang


# ---------------------------------------------------------------- the exercises' answers (webapp.exercises.translate)


def written_stub(attention, steps, candidates, source=("나", "는", "␣", "학")):
    """The parts of a tr.Written the exercises read."""
    return SimpleNamespace(attention=np.asarray(attention, dtype=float), steps=list(steps), source=list(source),
                           candidates=candidates, text=" ".join(s for s in steps if s != "</s>"))


def test_the_step_asked_about_has_one_clear_maximum_and_is_never_the_end():
    attention = [[0.5, 0.48, 0.01, 0.01],  # a tie, nearly: not asked
                 [0.1, 0.7, 0.1, 0.1],
                 [0.9, 0.05, 0.05, 0.0]]  # </s>: not a word
    assert ex_translate.clear_steps(np.asarray(attention), ["I", "am", "</s>"]) == [1]
    written = written_stub(attention, ["I", "am", "</s>"], [[("I", 0.9)], [("am", 0.6)], [("</s>", 0.9)]])
    for seed in range(5):
        exercise = ex_translate.looked_at(written, seed, "translate_looked")
        assert "(step 2)" in exercise.question and exercise.check("2: 는").right
        assert not exercise.check("1: 나").right


def test_without_attention_there_is_nothing_to_ask():
    written = written_stub(np.zeros((2, 4)), ["I", "</s>"], [[("I", 0.9)], [("</s>", 0.9)]])
    assert ex_translate.looked_at(written, 0, "k") is None


def test_the_least_likely_word_counts_only_words_among_their_steps_top_five():
    candidates = [[("I", 0.9)], [("was", 0.5), ("am", 0.3)], [("a", 0.2), ("the", 0.1)], [("</s>", 0.05)]]
    written = written_stub(np.eye(4), ["I", "am", "cat", "</s>"], candidates)  # "cat" is not among its five
    assert ex_translate.kept_probabilities(written) == {0: 0.9, 1: 0.3}
    exercise = ex_translate.least_likely(written, 0, "translate_unlikely")
    assert exercise.options == ["1: I", "2: am"] and exercise.check("2: am").right
    assert "(“was” had 0.500)" in exercise.check("2: am").feedback  # not the step's first choice: the beam kept it


def test_the_chat_winner_is_the_best_score_even_when_the_reply_was_drawn_at_a_temperature():
    from core.tasks.translate.rerank import Candidate, Reranked
    candidates = [Candidate("푹 쉬세요.", [], "retrieved", 0.8, "피곤해", logprob=-1.0, score=-0.2),
                  Candidate("좋아요.", [], "greedy", 0.0, "", logprob=-0.5, score=-0.5),
                  Candidate("영화 보세요.", [], "beam", 0.0, "", logprob=-0.9, score=-0.9)]
    decoded = Reranked(tokens=[], logprob=0.0, finished=True, candidates=candidates, chosen=1)  # drawn: not the best
    written = SimpleNamespace(decoded=decoded, text="좋아요.")
    exercise = ex_translate.reply_winner(written, "피곤해", 0, "translate_chat_winner", weight=1.0, mmi=0.0)
    right = next(o for o in exercise.options if o.endswith("푹 쉬세요."))
    verdict = exercise.check(right)
    assert verdict.right and "log p -1.000 + 1 × similarity 0.800 = **-0.200**" in verdict.feedback
    assert "“좋아요.”" in verdict.feedback  # the reply this time, drawn by the scores
    assert not exercise.check(next(o for o in exercise.options if o != right)).right
