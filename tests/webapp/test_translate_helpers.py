"""The translate page's pure helpers: what the model reads of a long text, which language a text looks like,
what the box holds after the direction changes, and the interface language a browser gets."""
from types import SimpleNamespace

import pytest

from core.tasks.translate.task import MAX_SOURCE_TOKENS
from core.text import sentences
from webapp import translate as tr
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
