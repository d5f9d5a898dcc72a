"""Named-entity tagging: IOB1 -> IOB2, decoding that never emits an orphan I- tag (checked against brute
force), entity-level scores on hand-made cases, malformed CoNLL files, and CoNLL-like tokenisation."""
import itertools

import pytest
import torch
from safetensors import safe_open

from core.checkpoint import load_checkpoint, save_checkpoint
from core.config import ModelConfig
from core.decoding.viterbi import allowed_transitions, entities, orphans, viterbi
from core.errors import DataError
from core.readers.conll import iob2, read_conll
from core.tasks.registry import TASKS
from core.text.segment import sentences, tokens
from core.training.metrics import entity_metrics

TAGS = ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]


# ---------------------------------------------------------------- IOB1 -> IOB2


@pytest.mark.parametrize("iob1,expected", [
    (["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),  # IOB1 starts entities with I-
    (["I-LOC", "B-LOC", "I-LOC"], ["B-LOC", "B-LOC", "I-LOC"]),  # B- only between two same-type entities
    (["I-ORG", "I-PER", "O", "I-MISC"], ["B-ORG", "B-PER", "O", "B-MISC"]),  # a type change starts one
    (["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-LOC"]),  # IOB2 stays as it is
])
def test_iob1_to_iob2(iob1, expected):
    assert iob2(iob1) == expected
    assert orphans(iob2(iob1)) == []


def test_reading_conll_converts_iob1_to_iob2(tmp_path):
    path = tmp_path / "train.txt"
    path.write_text("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
                    "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n")
    assert read_conll(path) == [(["EU", "rejects", "German"], ["B-ORG", "O", "B-MISC"]),
                                (["Peter", "Blackburn"], ["B-PER", "I-PER"])]


# ---------------------------------------------------------------- malformed CoNLL


@pytest.mark.parametrize("content,match", [
    ("EU NNP I-NP B-ORG\nrejects VBZ O\n", r"line 2: 3 columns where earlier lines have 4"),
    ("EU NNP ORG\n", r"'ORG' is not in the IOB scheme"),
    ("EU NNP B-\n", r"'B-' is not in the IOB scheme"),
    ("EU NNP E-ORG\n", r"'E-ORG' is not in the IOB scheme"),
    ("-DOCSTART- -X- O O\n\n-DOCSTART- -X- O O\n\n", "no sentences"),
    ("", "no sentences"),
    ("EU\n", "line 1: a token without a tag"),
])
def test_malformed_conll_gives_a_clear_error(tmp_path, content, match):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(DataError, match=match):
        read_conll(path)
    with pytest.raises(DataError, match=match):  # the same from an upload's bytes
        read_conll(content.encode())


# ---------------------------------------------------------------- decoding


def path_score(log_probs, path):
    return sum(float(log_probs[t, k]) for t, k in enumerate(path))


def brute_force(log_probs, tags):
    """The best IOB2-valid path by trying every path."""
    T, K = log_probs.shape
    valid = (p for p in itertools.product(range(K), repeat=T) if not orphans([tags[k] for k in p]))
    return max(valid, key=lambda p: path_score(log_probs, p))


def test_allowed_transitions():
    start, follow = allowed_transitions(TAGS)
    assert start.tolist() == [True, True, False, True, False]
    i = {t: n for n, t in enumerate(TAGS)}
    assert follow[i["B-LOC"], i["I-LOC"]] and follow[i["I-LOC"], i["I-LOC"]]
    assert not follow[i["O"], i["I-LOC"]] and not follow[i["B-PER"], i["I-LOC"]] and not follow[i["I-PER"], i["I-LOC"]]
    assert follow[:, i["O"]].all() and follow[:, i["B-PER"]].all()


@pytest.mark.parametrize("seed", range(20))
def test_viterbi_finds_the_best_valid_path(seed):
    gen = torch.Generator().manual_seed(seed)
    lengths = torch.tensor([5, 3, 1, 4])
    log_probs = torch.randn(4, 5, len(TAGS), generator=gen).mul(3).log_softmax(-1)  # (B, T, K)
    log_probs[1, 3:] = 0.0  # padding must not matter
    start, follow = allowed_transitions(TAGS)
    paths = viterbi(log_probs, lengths, start, follow)
    for b, n in enumerate(lengths.tolist()):
        assert len(paths[b]) == n
        assert orphans([TAGS[k] for k in paths[b]]) == []
        expected = brute_force(log_probs[b, :n], TAGS)
        assert path_score(log_probs[b, :n], paths[b]) == pytest.approx(path_score(log_probs[b, :n], expected))


def test_decoding_repairs_what_argmax_gets_wrong():
    """Argmax would give O I-PER I-PER (an orphan); the decoder picks the best valid path instead."""
    bundle = tiny_bundle()
    labels = bundle.labels.itos
    probs = torch.full((3, len(labels)), 0.01)
    for t, (tag, p) in enumerate([("O", 0.9), ("I-PER", 0.6), ("I-PER", 0.9)]):
        probs[t, labels.index(tag)] = p
    probs[1, labels.index("B-PER")] = 0.3
    probs = probs / probs.sum(-1, keepdim=True)
    assert orphans(bundle.labels.decode(probs.argmax(-1).tolist())) == [1]
    assert TASKS["tag"].decode(bundle, [probs]) == [["O", "B-PER", "I-PER"]]


def test_an_untrained_tagger_never_emits_an_orphan():
    bundle = tiny_bundle()
    words = [["Peter", "Blackburn", "visited", "Paris", "."] * 4, ["EU"], ["a", "b"]]
    for tags in TASKS["tag"].decode(bundle, TASKS["tag"].tag_probabilities(bundle, words)):
        assert orphans(tags) == []


# ---------------------------------------------------------------- entity-level scores


def test_entity_scores_count_exact_spans_and_types_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]  # PER span too short, ORG typed as LOC
    m = entity_metrics(gold, pred)
    assert (m["precision"], m["recall"], m["f1"]) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert m["per_type"]["LOC"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1})
    assert m["per_type"]["PER"]["f1"] == 0 and m["per_type"]["ORG"]["recall"] == 0


def test_entity_scores_perfect_and_empty():
    gold = [["B-MISC", "I-MISC", "O"]]
    assert entity_metrics(gold, gold)["f1"] == 1.0
    nothing = entity_metrics(gold, [["O", "O", "O"]])
    assert (nothing["precision"], nothing["recall"], nothing["f1"]) == (0.0, 0.0, 0.0)


def test_entity_scores_read_an_orphan_as_conlleval_does():
    """conlleval starts an entity at an I- tag after O: the orphan here counts as a correct PER."""
    assert entity_metrics([["O", "B-PER"]], [["O", "I-PER"]])["f1"] == 1.0


# ---------------------------------------------------------------- free text


def test_tokens_are_conll_like_and_keep_their_spans():
    text = "The U.S. envoy didn't meet O'Brien's team on 1996-08-22 (3.5% up) at https://x.org/a?b=1."
    found = tokens(text)
    assert [t.text for t in found] == ["The", "U.S.", "envoy", "did", "n't", "meet", "O'Brien", "'s", "team",
                                       "on", "1996-08-22", "(", "3.5", "%", "up", ")", "at",
                                       "https://x.org/a?b=1", "."]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_sentences_split_paragraphs_but_not_abbreviations():
    text = "Mr. Smith went to Washington D.C. on Monday. He met the U.S. envoy!\n\"Why?\" she asked.\nNo dot here"
    assert [[t.text for t in s] for s in sentences(text)] == [
        ["Mr.", "Smith", "went", "to", "Washington", "D.C.", "on", "Monday", "."],
        ["He", "met", "the", "U.S.", "envoy", "!"],
        ['"', "Why", "?", '"', "she", "asked", "."],
        ["No", "dot", "here"],
    ]


@pytest.mark.parametrize("text,n", [("", 0), ("   \n\t ", 0), ("😀 🎉", 2), ("WOW!!!", 4)])
def test_odd_text(text, n):
    assert len(tokens(text)) == n


def test_predict_tokenises_free_text():
    bundle = tiny_bundle()
    result = TASKS["tag"].predict(bundle, "Peter met the U.S. envoy. Then he left.")
    assert [w for w, _ in result] == ["Peter", "met", "the", "U.S.", "envoy", ".", "Then", "he", "left", "."]
    with pytest.raises(DataError, match="type some text"):
        TASKS["tag"].predict(bundle, "  \n ")


def tiny_bundle():
    torch.manual_seed(0)
    train = [(["Peter", "Blackburn", "visited", "Paris"], ["B-PER", "I-PER", "O", "B-LOC"]),
             (["EU", "rejects", "German", "call"], ["B-ORG", "O", "B-MISC", "O"])]
    cfg = ModelConfig(task="tag", tokenizer="word", hidden_size=8, embed_size=8, char_embed_size=4,
                      char_hidden_size=4, bidirectional=True)
    bundle = TASKS["tag"].build(train, train, cfg)
    bundle.model.eval()
    return bundle


@pytest.mark.parametrize("seed", range(10))
def test_entities_are_read_as_seqeval_reads_them(seed):
    from seqeval.metrics.sequence_labeling import get_entities
    rng = torch.Generator().manual_seed(seed)
    tags = [["O", "B-PER", "I-PER", "B-LOC", "I-LOC"][int(i)] for i in torch.randint(5, (30,), generator=rng)]
    assert entities(tags) == [(kind, start, end + 1) for kind, start, end in get_entities(tags)]


def test_a_half_precision_checkpoint_tags_as_the_full_one(tmp_path):
    bundle = tiny_bundle()
    save_checkpoint(bundle, tmp_path / "full.safetensors")
    save_checkpoint(bundle, tmp_path / "half.safetensors", torch.float16)
    half = load_checkpoint(tmp_path / "half.safetensors", task="tag")
    with safe_open(str(tmp_path / "half.safetensors"), framework="pt") as f:
        assert {f.get_tensor(k).dtype for k in f.keys()} == {torch.float16}
    assert next(half.model.parameters()).dtype == torch.float32
    words = [["Peter", "Blackburn", "visited", "Paris"]]
    a = TASKS["tag"].tag_probabilities(bundle, words)[0]
    b = TASKS["tag"].tag_probabilities(half, words)[0]
    torch.testing.assert_close(a, b, atol=2e-3, rtol=0)
