"""The translate task: pair files, the grouped split, the encoder-decoder learning, decoding, checkpoints, the
command line. Tiny data the tests make; one thread."""
import json
import random
import subprocess
import sys

import pytest
import torch

from core.checkpoint import load_checkpoint, save_checkpoint
from core.cli import main
from core.config import ModelConfig, TrainConfig
from core.errors import CheckpointError, DataError
from core.fit import prepare, run
from core.readers.pairs import Pair, grouped_split, read_pairs
from core.tasks.registry import TASKS
from core.text import sentences

TASK = TASKS["translate"]


def reversal_pairs(n, seed):
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefgh") for _ in range(rng.randint(3, 7))) for _ in range(n)]
    return [Pair(w, w[::-1]) for w in dict.fromkeys(words)]


def train(pairs, valid, steps, attention="additive", seed=0, **cfg):
    torch.set_num_threads(1)
    model_cfg = ModelConfig(task="translate", cell=cfg.pop("cell", "gru"), tokenizer="char", embed_size=32,
                            hidden_size=cfg.pop("hidden", 64), bidirectional=True, attention=attention,
                            target_tokenizer="char", decoding="greedy", **cfg)
    bundle, trainer = prepare("translate", pairs, valid, model_cfg,
                              TrainConfig(max_steps=steps, batch_size=32, lr=1e-2, eval_every=1.0, seed=seed))
    run(bundle, trainer)
    return bundle


@pytest.fixture(scope="module")
def reverser():
    pairs = reversal_pairs(1200, 0)
    return train(pairs[:-100], pairs[-100:], 350), pairs[-100:]


def test_the_encoder_decoder_learns_to_reverse_unseen_sequences(reverser):
    bundle, valid = reverser
    written = TASK.write(bundle, [p.source for p in valid], decoding="greedy")
    exact = sum(w == p.target for w, p in zip(written, valid)) / len(valid)
    assert exact > 0.8, list(zip(written, valid))[:5]
    beam = TASK.write(bundle, [p.source for p in valid], decoding="beam", beam_size=3)
    assert sum(w == p.target for w, p in zip(beam, valid)) / len(valid) >= exact - 0.05
    metrics = TASK.evaluate(bundle, valid)
    assert metrics["chrf"] > 80 and metrics["loss"] < 0.5 and metrics["perplexity"] == pytest.approx(
        2.718281828 ** metrics["loss"], rel=1e-6)
    assert "tok:13a" in metrics["bleu_signature"] and "chrF" not in metrics["bleu_signature"]


def test_without_attention_the_bottleneck_still_trains_and_decodes():
    pairs = reversal_pairs(300, 1)
    bundle = train(pairs[:-20], pairs[-20:], 30, attention="none", cell="lstm", hidden=32)
    assert not any("attention" in k for k in bundle.model.state_dict())
    out = TASK.decode(bundle, ["abc", "hgfe"], decoding="beam", beam_size=2, record_k=3)
    assert all(d.steps and d.steps[0].attention.numel() == 0 for d in out)


def test_decoding_records_attention_over_the_source_and_the_beam(reverser):
    bundle, _ = reverser
    [d] = TASK.decode(bundle, ["abcdef"], decoding="beam", beam_size=4, record_k=5)
    assert d.beams and d.winner is not None
    for step in d.steps:
        assert step.attention.shape == (6,) and step.attention.sum() == pytest.approx(1.0, abs=1e-5)
        assert len(step.candidates) == 5
    # reversing: the first output letter looks at the last input letter
    assert int(d.steps[0].attention.argmax()) == 5
    [g] = TASK.decode(bundle, ["abcdef"], decoding="beam", beam_size=1)
    [gg] = TASK.decode(bundle, ["abcdef"], decoding="greedy")
    assert g.tokens == gg.tokens
    samples = {TASK.write(bundle, ["abcdef"], decoding="sample", temperature=3.0,
                          generator=torch.Generator().manual_seed(s))[0] for s in range(6)}
    assert len(samples) > 1
    assert TASK.decode(bundle, ["", "ab"])[0].tokens == []


def test_trace_gives_both_networks_states(reverser):
    bundle, _ = reverser
    batch = TASK.tensors(bundle, [Pair("abcd", "dcba")])
    logits, attention, source, target = bundle.model.trace(batch["ids"], batch["inputs"], batch["lengths"])
    assert logits.shape[:2] == (1, 5) and attention.shape == (1, 5, 4)
    assert source.hidden.shape == (1, 1, 4, 128) and target.hidden.shape == (1, 1, 5, 64)
    assert set(source.gates) == {"reset", "update", "candidate"}
    forward, _ = bundle.model(**batch)
    assert torch.allclose(forward, logits, atol=1e-4)


def test_checkpoints_round_trip(reverser, tmp_path):
    bundle, valid = reverser
    path = tmp_path / "r.safetensors"
    save_checkpoint(bundle, path, torch.float16)
    again = load_checkpoint(path, task="translate")
    assert again.cfg == bundle.cfg and again.vocab.itos == bundle.vocab.itos and again.labels.itos == bundle.labels.itos
    texts = [p.source for p in valid[:20]]
    half = [d.tokens for d in TASK.decode(again, texts, decoding="greedy")]
    full = [d.tokens for d in TASK.decode(bundle, texts, decoding="greedy")]
    assert sum(a == b for a, b in zip(half, full)) >= 18  # float16 weights, the same outputs (nearly always)
    save_checkpoint(again, path)
    third = load_checkpoint(path)
    assert third.info == again.info and third.cfg == again.cfg
    assert all(torch.equal(a, b) for a, b in zip(third.model.state_dict().values(), again.model.state_dict().values()))
    with pytest.raises(CheckpointError, match="this needs a language model"):
        load_checkpoint(path, task="lm")


# ---- files of pairs
def test_reads_tsv_with_and_without_header_and_csv_by_name_or_position():
    tsv = "Go.\t가.\tCC-BY 2.0 #1\nHi.\t안녕.\tCC-BY 2.0 #2\n".encode()
    pairs = read_pairs(tsv)
    assert pairs[0] == Pair("Go.", "가.", "CC-BY 2.0 #1")
    assert read_pairs(tsv, source_column=2, target_column="1")[1] == Pair("안녕.", "Hi.", "CC-BY 2.0 #2")
    with_header = "english\tkorean\nGo.\t가.\n".encode()
    assert read_pairs(with_header) == [Pair("Go.", "가.")]
    assert read_pairs(with_header, source_column="Korean", target_column="english") == [Pair("가.", "Go.")]
    csv = 'Q,A,label\n"안녕, 반가워",반가워요.,0\n12시 땡!,하루가 또 가네요.,0\n'.encode()
    assert read_pairs(csv) == [Pair("안녕, 반가워", "반가워요.", "0"), Pair("12시 땡!", "하루가 또 가네요.", "0")]
    assert read_pairs(csv, source_column="A", target_column=1)[0].source == "반가워요."


@pytest.mark.parametrize("data,message", [
    (b"", "is empty"),
    (b"\n  \n", "is empty"),
    (b"just one column\nanother line\n", "one column"),
    (b"\x00\x01binary\x00", "binary"),
    (b"\xff\xfe bad", "one column"),  # not UTF-8: read as Windows-1252 (core.readers.table), then refused
    (("a\t" + "x" * 100_000 + "\n").encode(), "100,002 characters long"),
    ("Go.\t가.\nHi.\n".encode(), "line 2: 1 column"),
    ("Go.\t\n".encode(), "line 1: the target is empty"),
    ("Q,A\n".encode(), "no pairs"),
])
def test_malformed_pair_files_get_a_one_line_message(data, message):
    with pytest.raises(DataError, match=message) as e:
        read_pairs(data)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("columns,message", [
    (dict(source_column=5), "no column 5"),
    (dict(source_column="french"), "no column named 'french'"),
    (dict(source_column=1, target_column=1), "the same column"),
])
def test_bad_column_choices_get_a_message(columns, message):
    with pytest.raises(DataError, match=message):
        read_pairs("Go.\t가.\n".encode(), **columns)


def test_the_validation_split_never_shares_a_sentence_with_training():
    rng = random.Random(0)
    english = [f"sentence {i}" for i in range(300)]
    korean = [f"문장 {i}" for i in range(300)]
    pairs = [Pair(e, k) for e, k in zip(english, korean)]  # and a second translation of some sentences:
    pairs += [Pair(rng.choice(english), f"문장 {i}'") if i % 2 else Pair(f"sentence {i}'", rng.choice(korean))
              for i in range(100)]
    pairs += [Pair(p.source, p.target + "!") for p in pairs[300:320]]  # chains: a - b - c
    train_, valid = grouped_split(pairs, 0.1, seed=0)
    assert len(train_) + len(valid) == 420 and 35 <= len(valid) <= 60
    assert not {p.source for p in valid} & {p.source for p in train_}
    assert not {p.target for p in valid} & {p.target for p in train_}
    assert grouped_split(pairs, 0.1, seed=0) == (train_, valid)
    # a chatbot's stock replies: grouped by the question alone
    chat = [Pair(f"질문 {i}", f"답 {i % 5}") for i in range(200)]
    train_, valid = grouped_split(chat, 0.1, seed=0)
    assert len(valid) == 20 and not {p.source for p in valid} & {p.source for p in train_}
    with pytest.raises(DataError, match="leaking"):
        grouped_split([Pair("a", "b"), Pair("a", "c")], 0.1, 0)


def test_english_words_are_written_back_as_english_is_written():
    for text in ["I don't know.", 'He said, "Go (now)!" It\'s 2:30.', "Tom's here, isn't he?", "It costs $1,000, ok?"]:
        assert sentences.join(sentences.split(text, "word"), "word") == text
    assert sentences.split("  난  배고파. ", "char") == list("난 배고파.")


# ---- the command line
def core(*args):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_predict_decodes_as_the_command_line_asks(tmp_path, capsys):
    pairs = reversal_pairs(200, 3)
    bundle = train(pairs[:-20], pairs[-20:], 20, hidden=16)  # decodes greedily unless told otherwise
    save_checkpoint(bundle, tmp_path / "m.safetensors")
    texts, task = ["abc", "hhgg", "defab"], TASKS["translate"]
    generator = torch.Generator().manual_seed(1)  # one for all the inputs, as predict's --sample-seed
    sampled = [task.predict(bundle, t, decoding="sample", temperature=3.0, generator=generator) for t in texts]
    assert sampled != [task.predict(bundle, t) for t in texts]
    assert main(["predict", str(tmp_path / "m.safetensors"), *texts, "--decoding", "sample", "--temperature", "3",
                 "--sample-seed", "1"]) == 0
    assert capsys.readouterr().out.split("\n")[:-1] == sampled


def test_cli_trains_evaluates_and_scores_a_file_with_predict_input(tmp_path):
    pairs = reversal_pairs(200, 2)
    data = tmp_path / "pairs.csv"
    data.write_text("label,question,answer\n" + "".join(f"0,{p.source},{p.target}\n" for p in pairs))
    model = tmp_path / "m.safetensors"
    trained = core("train", "translate", "--data", data, "--source-column", "question", "--target-column", "answer",
                   "--target-tokenizer", "char", "--hidden", 16, "--embed", 8, "--max-steps", 20,
                   "--decoding", "greedy", "--out", model, "--threads", 1, "--half")
    assert trained.returncode == 0, trained.stderr
    assert load_checkpoint(model).cfg.source_column == "question"
    metrics = json.loads(core("evaluate", model, data, "--json").stdout)  # reads the columns it trained on
    assert {"bleu", "chrf", "loss"} <= set(metrics) and metrics["n"] == len(pairs)
    lines = ["abc", "", "hhgg", "  ", "defab"]
    (tmp_path / "in.txt").write_text("\n".join(lines) + "\n")
    out = core("predict", model, "--input", tmp_path / "in.txt")
    assert out.returncode == 0, out.stderr
    got = out.stdout.split("\n")[:-1]
    assert len(got) == len(lines) and got[1] == "" and got[3] == ""
    one_by_one = core("predict", model, "abc", "hhgg", "defab").stdout.split("\n")[:-1]
    assert [got[0], got[2], got[4]] == one_by_one
    bad = core("train", "translate", "--data", tmp_path / "in.txt", "--out", tmp_path / "x.safetensors")
    assert bad.returncode == 2 and bad.stderr.startswith("error:") and len(bad.stderr.splitlines()) == 1
