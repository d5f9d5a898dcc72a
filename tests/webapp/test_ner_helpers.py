"""The tagger page's helpers: entities found with their character spans, highlighting that escapes the
text, the data sets shipped in data/ (never CoNLL-2003) found only where they are, uploads checked, and the
report's worst sentences."""
from pathlib import Path

import pytest
import torch

from core.config import ModelConfig
from core.errors import DataError
from core.tasks.registry import TASKS
from webapp import tagging

TRAIN = [(["Peter", "Blackburn", "visited", "Paris", "."], ["B-PER", "I-PER", "O", "B-LOC", "O"]),
         (["EU", "rejects", "German", "call"], ["B-ORG", "O", "B-MISC", "O"])]


def tiny_bundle():
    torch.manual_seed(0)
    cfg = ModelConfig(task="tag", tokenizer="word", hidden_size=8, embed_size=8, char_embed_size=4,
                      char_hidden_size=4, bidirectional=True)
    bundle = TASKS["tag"].build(TRAIN, TRAIN, cfg)
    bundle.model.eval()
    return bundle


def forced(bundle, tags_by_word: dict[str, str]):
    """Make the tagger answer `tags_by_word` (else O) whatever it has learnt: a stub of tag_probabilities."""
    labels = bundle.labels.itos

    def probs(_task, _bundle, sentences, batch_size=128):
        out = []
        for words in sentences:
            p = torch.full((len(words), len(labels)), 0.01)
            for i, w in enumerate(words):
                p[i, labels.index(tags_by_word.get(w, "O"))] = 0.9
            out.append(p / p.sum(-1, keepdim=True))
        return out
    return probs


def test_entities_have_their_character_spans_and_highlighting_escapes(monkeypatch):
    bundle = tiny_bundle()
    monkeypatch.setattr(type(TASKS["tag"]), "tag_probabilities",
                        forced(bundle, {"Peter": "B-PER", "Blackburn": "I-PER", "Paris": "B-LOC"}))
    text = "<b>Peter Blackburn visited Paris & <i>Rome</i>."
    tagged = tagging.tag_text(bundle, text)
    found = [(e.kind, e.text, text[e.char_start:e.char_end]) for e in tagged.entities]
    assert found == [("PER", "Peter Blackburn", "Peter Blackburn"), ("LOC", "Paris", "Paris")]
    html = tagging.highlight(tagged, tagging.entity_types(bundle))
    assert "<b>" not in html and "<i>" not in html and "&lt;i&gt;Rome&lt;/i&gt;" in html and "&amp;" in html
    assert html.count("<mark") == len(tagged.entities)
    assert tagging.entity_types(bundle) == ["PER", "ORG", "LOC", "MISC"]


def test_too_long_and_empty_texts_are_refused():
    bundle = tiny_bundle()
    with pytest.raises(DataError, match="at most"):
        tagging.tag_text(bundle, "a " * tagging.MAX_TEXT_CHARS)
    with pytest.raises(DataError, match="type some text"):
        tagging.tag_text(bundle, " \n ")


def test_the_data_sets_offered_are_those_shipped_in_data():
    assert tagging.DATA == Path(tagging.__file__).resolve().parent.parent / "data"
    found = tagging.datasets()
    assert list(found) == ["wnut17", "ud_ewt", "ud_korean_gsd"]  # never CoNLL-2003: it is not shipped
    assert all(path.is_file() and tagging.DATA in path.parents for pair in found.values() for path in pair)
    assert {name for names in tagging.TASK_DATASETS.values() for name in names} == set(found)
    wnut = tagging.read_conll(found["wnut17"][0].read_bytes(), "train.txt", "ner")
    assert len(wnut) == 3394 and "B-person" in {tag for _, tags in wnut for tag in tags}


def test_data_sets_are_offered_only_where_both_files_exist(tmp_path):
    assert tagging.datasets(tmp_path) == {}
    (tmp_path / "wnut17").mkdir()
    (tmp_path / "wnut17" / "train.txt").write_text("EU B-group\n")
    assert tagging.datasets(tmp_path) == {}  # no validation file yet
    (tmp_path / "wnut17" / "dev.txt").write_text("EU B-group\n")
    assert list(tagging.datasets(tmp_path)) == ["wnut17"]


@pytest.mark.parametrize("data,message", [(b"", "empty"), (b"a O\nb O\n", "no entities"),
                                          (b"-DOCSTART- -X- O O\n", "no sentences")])
def test_uploads_without_anything_to_learn_are_refused(data, message):
    with pytest.raises(DataError, match=message):
        tagging.read_conll(data, "x.conll")


def test_report_lists_the_sentences_with_most_wrong_tags_first(monkeypatch):
    bundle = tiny_bundle()
    monkeypatch.setattr(type(TASKS["tag"]), "tag_probabilities", forced(bundle, {"Peter": "B-PER", "Blackburn": "I-PER"}))
    rep = tagging.report(bundle, TRAIN)
    assert [row["errors"] for row in rep["worst"]] == [2, 1]  # EU and German missed; then Paris
    assert rep["worst"][0]["words"] == ["EU", "rejects", "German", "call"]
    assert rep["worst"][1]["pred"] == ["B-PER", "I-PER", "O", "O", "O"]
    assert rep["n"] == 2 and (rep["precision"], rep["recall"]) == (1.0, 0.25)
    html = tagging.side_by_side(["<x>"], ["B-PER"], ["O"])
    assert "&lt;x&gt;" in html and "#c0392b" in html


# ---------------------------------------------------------------- the exercises' sentences (webapp.exercises.tagging)


def test_gold_tags_are_used_only_where_the_dev_files_tags_are_the_taggers():
    from core.checkpoint import load_checkpoint
    from webapp.exercises import tagging as ex_tagging
    models = Path(__file__).resolve().parents[2] / "models"
    found = tagging.datasets()
    ner = load_checkpoint(models / tagging.SHIPPED["ner"])  # CoNLL-2003's types: WNUT-17's gold does not fit
    assert ex_tagging.gold_sentences(ner, "ner", found["wnut17"][1]) == []
    assert ex_tagging.dev_sentences(ner, "ner", found["wnut17"][1])  # its words still serve
    pos = load_checkpoint(models / tagging.SHIPPED["pos_en"])
    gold = ex_tagging.gold_sentences(pos, "pos_en", found["ud_ewt"][1])
    assert gold and all(ex_tagging.SHORTEST <= len(w) <= ex_tagging.LONGEST and set(g) <= set(pos.labels.itos)
                        for w, g in gold)
    picked = ex_tagging.practice(pos, "pos_en", 3, [], found["ud_ewt"][1])
    assert (picked.words, picked.gold) in [(w, g) for w, g in gold] and picked.origin == "UD English-EWT"
    assert ex_tagging.practice(ner, "ner", 3, ["EU rejects German call."], found["wnut17"][1]).gold is None


def test_the_least_sure_sentences_have_one_word_clearly_below_the_rest():
    from webapp.exercises import tagging as ex_tagging
    bundle = tiny_bundle()  # untrained: unsure everywhere, so the least sure sentences are offered
    unsure = ex_tagging.unsure_sentences(bundle, "ner", ["Peter visited Paris.", "EU rejects German call."], None)
    assert unsure and all(len(p.words) == len(p.model) == p.probs.shape[0] for p in unsure)
    for p in unsure:
        low = sorted(p.chosen_p)
        clear = low[0] < ex_tagging.UNSURE and (len(low) < 2 or low[1] - low[0] >= ex_tagging.GAP)
        assert clear or len(unsure) <= ex_tagging.FALLBACK
    exercise = ex_tagging.least_sure(unsure[0])
    at = int(unsure[0].chosen_p.argmin())
    assert exercise.check(exercise.options[at]).right and not exercise.check("nonsense").right
