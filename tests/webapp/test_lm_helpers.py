"""Corpora, looking inside, URL spans and the i18n table."""
from pathlib import Path

import numpy as np
import pytest
import torch

from core import fit
from core.checkpoint import to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import CheckpointError, DataError
from webapp import corpora, i18n, inside, lm, loading, urlstate


@pytest.fixture(scope="module")
def bundle():
    text = "hello world, hello there. " * 30
    b, trainer = fit.prepare("lm", text, None, ModelConfig(cell="lstm", embed_size=8, hidden_size=12),
                             TrainConfig(max_steps=5, batch_size=4, seq_len=16))
    trainer.run()
    return b


def test_shakespeare_and_a_korean_text_are_read_from_the_data_folder(tmp_path):
    assert corpora.DATA == Path(corpora.__file__).resolve().parent.parent / "data"
    assert corpora.available()[:2] == ["shakespeare", "korean_chat"]  # offered first
    shakespeare = corpora.builtin("shakespeare")
    assert shakespeare.text == (corpora.DATA / "tinyshakespeare" / "input.txt").read_text(encoding="utf-8")
    assert shakespeare.text.startswith("First Citizen:") and shakespeare.distinct == 65
    korean = corpora.builtin("korean_chat")
    assert korean.text.startswith("12시 땡!\n하루가 또 가네요.\n\n")  # a question, its answer, a blank line
    hangul = sum("가" <= ch <= "힣" for ch in korean.text)
    assert len(korean.text) > 300_000 and hangul > len(korean.text) / 2 and korean.distinct > 1000
    # a copy stripped of data/ offers the texts RNN Lab makes itself, and says what is missing if asked
    assert corpora.available(tmp_path) == ["hello", "project", "pydoc"]
    with pytest.raises(DataError, match="not in this copy"):
        corpora.read_data("shakespeare", tmp_path)


def test_builtin_corpora_are_texts_to_learn_from():
    for name in corpora.BUILTIN:
        c = corpora.builtin(name)
        assert len(c.text) >= corpora.MIN_CHARS and c.distinct >= 2
    project = corpora.project_text()
    assert project.count('"') % 2 == 0 and project.count("(") == project.count(")")
    assert project == corpora.project_text()  # the same every time


@pytest.mark.parametrize("text, message", [("", "empty"), ("   \n ", "empty"), ("hi", "at least")])
def test_unusable_texts_say_why(text, message):
    with pytest.raises(DataError, match=message):
        corpora.check(text, "the pasted text")


def test_korean_and_emoji_are_just_characters():
    c = corpora.check("안녕하세요 반갑습니다. 🙂 " * 5, "korean")
    assert c.distinct == len(set("안녕하세요 반갑습니다. 🙂"))


def test_long_texts_are_cut_with_a_note_and_one_character_texts_warned():
    c = corpora.check("ab" * (corpora.MAX_CHARS // 2 + 10), "big")
    assert len(c.text) == corpora.MAX_CHARS and c.notes[0][0] == "corpus.cut"
    assert corpora.check("a" * 50, "same").notes[0][0] == "corpus.one_char"


def test_uploads_must_be_utf8_text():
    with pytest.raises(DataError, match="binary"):
        corpora.from_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.txt")
    with pytest.raises(DataError, match="UTF-8"):
        corpora.from_upload("café au lait, s'il vous plaît".encode("latin-1"), "old.txt")
    assert corpora.from_upload("ÿ hello there, plain text".encode("utf-8"), "ok.txt").text.startswith("ÿ")


def test_trace_lm_records_every_state_and_the_top_5(bundle):
    looked = inside.trace_lm(bundle, "hello there")
    T = len("hello there")
    assert looked.tokens == list("hello there") and looked.layers == 1
    assert set(looked.states) == {"hidden", "cell", "input", "forget", "candidate", "output"}
    assert all(v.shape == (1, T, 12) for v in looked.states.values())
    assert looked.top_probs.shape == (T, 5) and np.all(np.diff(looked.top_probs, axis=1) <= 0)
    # the top-5 agree with the fused forward pass
    with torch.no_grad():
        logits, _ = bundle.model(torch.tensor([bundle.vocab.encode(list("hello there"))]))
    assert np.allclose(looked.top_probs[:, 0], torch.softmax(logits[0], -1).max(-1).values.numpy(), atol=1e-5)


def test_trace_lm_refuses_unseen_characters_and_cuts_long_texts(bundle):
    with pytest.raises(DataError, match="never saw"):
        inside.trace_lm(bundle, "hello 세계")
    looked = inside.trace_lm(bundle, "hello " * 100, max_tokens=50)
    assert looked.truncated and len(looked.tokens) == 50


def test_rank_units_finds_the_unit_that_is_on_in_the_span():
    values = np.zeros((10, 4))
    values[3:6, 2] = 0.9  # unit 2 fires inside the span
    values[:, 1] = -0.5  # unit 1 is constant: no difference
    ranked = inside.rank_units(values, 3, 5)
    assert ranked[0] == (2, pytest.approx(0.9))
    assert inside.rank_units(values, 0, 9)[0][0] == 1  # whole text: the mean itself
    with pytest.raises(ValueError):
        inside.rank_units(values, 5, 10)


def test_samples_repeat_with_the_same_seed(bundle):
    a = "".join(lm.sample_stream(bundle, "hel", 40, 0.9, 0, seed=7))
    b = "".join(lm.sample_stream(bundle, "hel", 40, 0.9, 0, seed=7))
    c = "".join(lm.sample_stream(bundle, "hel", 40, 0.9, 0, seed=8))
    assert a == b and len(a) == 40 and a != c


def test_uploaded_checkpoints_are_checked(bundle):
    assert loading.from_upload(to_bytes(bundle), "lm").cfg.hidden_size == 12
    with pytest.raises(CheckpointError, match="empty"):
        loading.from_upload(b"", "lm")
    with pytest.raises(CheckpointError):
        loading.from_upload(b"not a safetensors file at all", "lm")
    from safetensors.torch import save
    with pytest.raises(CheckpointError, match="not an RNN Lab checkpoint"):
        loading.from_upload(save({"w": torch.zeros(2)}), "lm", "stranger.safetensors")
    with pytest.raises(CheckpointError, match="needs a classifier"):
        loading.from_upload(to_bytes(bundle), "classify")


def test_shipped_model_missing_is_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    s = loading.shipped("char-shakespeare.safetensors", "lm")
    assert s.missing and s.bundle is None
    (tmp_path / "char-shakespeare.safetensors").write_bytes(b"garbage")
    s = loading.shipped("char-shakespeare.safetensors", "lm")
    assert not s.missing and "not a safetensors" in s.error


def test_url_span():
    assert urlstate.span("3-10") == (3, 10)
    for bad in ("10-3", "a-b", "3", "-1-2"):
        with pytest.raises(ValueError):
            urlstate.span(bad)


def test_every_string_has_both_languages_and_the_same_placeholders():
    import string
    for key, (en, ko) in i18n.STRINGS.items():
        assert en.strip() and ko.strip(), key
        names = [{f for _, f, _, _ in string.Formatter().parse(s) if f} for s in (en, ko)]
        assert names[0] == names[1], key
    assert i18n.t("lm.download", lang="ko") != i18n.t("lm.download", lang="en")
    assert i18n.t("no.such.key") == "no.such.key"


def test_the_model_cache_holds_every_shipped_model():
    """A class using every page never evicts and reloads a shipped model."""
    shipped = list((loading.REPO / "models").glob("*.safetensors"))
    assert 10 <= len(shipped) < loading.CACHED_MODELS


def test_a_shipped_models_result_is_computed_once_per_server_and_a_visitors_own_each_time():
    calls = []

    def compute():
        calls.append(1)
        return {"answer": len(calls)}

    first = loading.once_per_server("shipped:x.safetensors:1.0", ("a text", "beam"), compute)
    assert loading.once_per_server("shipped:x.safetensors:1.0", ("a text", "beam"), compute) is first
    assert len(calls) == 1
    loading.once_per_server("shipped:x.safetensors:2.0", ("a text", "beam"), compute)  # the file was replaced
    loading.once_per_server("own:123", ("a text", "beam"), compute)
    loading.once_per_server("own:123", ("a text", "beam"), compute)
    assert len(calls) == 4


# ---------------------------------------------------------------- the page's exercises (webapp.exercises.char_lm)
def test_a_greedy_loop_is_the_piece_a_text_ends_by_repeating():
    from webapp.exercises.char_lm import loop
    assert loop("the king, the king, the king, ") == "the king, "
    assert loop("abcabcabd") is None
    assert loop("to be or not    ") is None  # spaces alone are no loop
    assert loop("xx") == "x"


def test_the_context_of_the_unit_exercise_is_quotes_then_speakers_then_words():
    from webapp.exercises.char_lm import context_mask
    name, mask = context_mask(list('he said "hi there" and left'))
    assert name == "quotes" and "".join(c for c, m in zip('he said "hi there" and left', mask) if m) == "hi there"
    name, mask = context_mask(list("ROMEO:\nhello\nJULIET:\nhi\n"))
    assert name == "speakers" and mask.sum() == len("ROMEO") + len("JULIET")
    assert context_mask(list("ab, cd"))[0] == "words"
    assert context_mask(list("!?!")) is None and context_mask(list("abc")) is None


def test_a_unit_fires_when_it_is_among_the_highest_inside_against_outside():
    from webapp.exercises.char_lm import fires, unit_means
    rng = np.random.default_rng(0)
    values = rng.normal(0, 0.1, (40, 12))  # (T, H)
    mask = np.zeros(40, bool)
    mask[10:20] = True
    values[mask, 7] += 1.0  # unit 7 fires inside
    values[mask, 3] -= 1.0  # unit 3 goes quiet inside: it stands out, but does not fire
    means = unit_means(values, mask)
    assert means.ranking()[0] == 7 and means.ranking()[-1] == 3
    assert fires(means, 7) and not fires(means, 3)
    assert means.inside[7] == pytest.approx(values[10:20, 7].mean())


def test_the_next_character_is_asked_after_the_first_quarter_and_the_seed_moves_it():
    from webapp.exercises.char_lm import next_position
    places = {next_position(100, seed) for seed in range(20)}
    assert len(places) > 5 and all(25 <= p <= 98 for p in places)
    assert next_position(100, 3) == next_position(100, 3)
    assert next_position(2, 0) is None


def test_cold_samples_use_two_seeds_and_the_greedy_text_none(bundle):
    from webapp.exercises.char_lm import COLD_LENGTH, cold_samples
    cold = cold_samples(bundle, "hello", 5)
    assert cold.seeds == (5, 6) and all(len(s) == COLD_LENGTH for s in (*cold.samples, cold.greedy))
    assert cold_samples(bundle, "hello", 9).greedy == cold.greedy  # greedy: no seed in it
    assert cold.same == (cold.samples[0] == cold.samples[1])
    with pytest.raises(DataError):
        cold_samples(bundle, "héllo", 5)
    asked = []  # samples kept elsewhere (the page's): asked for by seed, the greedy text once
    kept = cold_samples(bundle, "hello", 5, sample=lambda s: asked.append(s) or cold.samples[s - 5],
                        greedy=lambda: cold.greedy)
    assert asked == [5, 6] and kept == cold


def test_the_run_book_finds_a_training_by_its_token_and_forgets_the_oldest():
    book = lm.RunBook(most=2)
    runs = [object(), object(), object()]
    tokens = [book.add(run) for run in runs[:2]]
    assert book.get(tokens[0]) is runs[0]  # looked at again: kept longer than the second
    third = book.add(runs[2])
    assert book.get(tokens[1]) is None and book.get(tokens[0]) is runs[0] and book.get(third) is runs[2]
    assert book.get("nope") is None and book.get(None) is None and len(set(tokens)) == 2
