import json
import pickle
import struct
import time
import tracemalloc
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from core.checkpoint import FORMAT, load_checkpoint, save_checkpoint, task_of, to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import CheckpointError
from core.fit import prepare

SENTENCES = [(["Peter", "lives", "in", "Paris"], ["B-PER", "O", "O", "B-LOC"])] * 4


@pytest.fixture(scope="module")
def tagger():
    bundle, trainer = prepare("tag", SENTENCES, SENTENCES, ModelConfig(hidden_size=8, embed_size=8, bidirectional=True),
                              TrainConfig(max_steps=3, batch_size=2, device="cpu"))
    trainer.run()
    return bundle


def logits(bundle, words=("Anna", "lives", "in", "Rome")):
    from core.tasks.registry import TASKS
    return torch.cat(TASKS["tag"].tag_probabilities(bundle, [list(words)]))


def test_round_trip_gives_identical_outputs(tmp_path, tagger):
    path = tmp_path / "ner.safetensors"
    save_checkpoint(tagger, path)
    loaded = load_checkpoint(path, task="tag")
    assert torch.equal(logits(loaded), logits(tagger))
    assert loaded.vocab.itos == tagger.vocab.itos and loaded.labels.itos == tagger.labels.itos
    assert loaded.chars.itos == tagger.chars.itos and loaded.cfg == tagger.cfg
    assert loaded.info["train"]["max_steps"] == 3
    assert not loaded.model.training
    assert torch.equal(logits(load_checkpoint(to_bytes(tagger))), logits(tagger))  # from an upload's bytes


def test_a_checkpoint_for_another_task_is_refused(tmp_path, tagger):
    with pytest.raises(CheckpointError, match="holds a tagger; this needs a language model"):
        load_checkpoint(to_bytes(tagger), task="lm")


def test_task_of_reads_the_header_alone(tmp_path, tagger):
    path = tmp_path / "ner.safetensors"
    save_checkpoint(tagger, path)
    assert task_of(path) == "tag"
    (tmp_path / "junk.safetensors").write_bytes(b"not a checkpoint")
    with pytest.raises(CheckpointError, match="not a safetensors checkpoint"):
        task_of(tmp_path / "junk.safetensors")


class Exploit:
    def __reduce__(self):
        import os
        return (os.system, ("touch /tmp/rnnlab-pwned-by-checkpoint",))


def test_a_pickle_is_refused_and_its_code_never_runs(tmp_path):
    marker = "/tmp/rnnlab-pwned-by-checkpoint"
    import os
    if os.path.exists(marker):
        os.remove(marker)
    path = tmp_path / "evil.safetensors"
    path.write_bytes(pickle.dumps({"weights": Exploit()}))
    with pytest.raises(CheckpointError, match="not a safetensors checkpoint"):
        load_checkpoint(path)
    torch_style = tmp_path / "evil.pt"
    torch.save({"x": torch.zeros(2)}, torch_style)
    with pytest.raises(CheckpointError):
        load_checkpoint(torch_style)
    assert not os.path.exists(marker)


def test_files_that_are_not_ours(tmp_path):
    foreign = tmp_path / "foreign.safetensors"
    save_file({"w": torch.zeros(2)}, foreign)
    with pytest.raises(CheckpointError, match="not an RNN Lab checkpoint"):
        load_checkpoint(foreign)
    with pytest.raises(CheckpointError, match="does not exist"):
        load_checkpoint(tmp_path / "missing.safetensors")
    with pytest.raises(CheckpointError):
        load_checkpoint(b"")


def forged(tagger, **meta_changes):
    """A checkpoint whose metadata was edited by hand: a key to None leaves it out, a dict for "config"
    changes those settings."""
    tensors = {k: v.contiguous() for k, v in tagger.model.state_dict().items()}
    meta = {"format": FORMAT, "version": "1", "config": json.dumps(tagger.cfg.to_dict()),
            "vocab": json.dumps(tagger.vocab.to_dict()), "labels": json.dumps(tagger.labels.to_dict()),
            "chars": json.dumps(tagger.chars.to_dict()), "info": "{}"}
    meta.update(meta_changes)
    meta = {k: v for k, v in meta.items() if v is not None}  # None: leave the key out
    if isinstance(meta.get("config"), dict):  # settings to change
        meta["config"] = json.dumps({**tagger.cfg.to_dict(), **meta["config"]})
    if meta.get("config") == "hidden_size=9":
        meta["config"] = json.dumps({**tagger.cfg.to_dict(), "hidden_size": 9})
    from safetensors.torch import save
    return save(tensors, metadata=meta)


@pytest.mark.parametrize("changes,match", [
    ({"config": "{not json"}, "not valid JSON"),
    ({"config": json.dumps({"task": "tag", "hidden_size": 10**9})}, "invalid"),
    ({"config": json.dumps({"task": "tag", "evil": 1})}, "not ones RNN Lab knows"),
    ({"config": json.dumps({"task": "tag", "hidden_size": 9})}, "cannot be built"),
    ({"config": "hidden_size=9"}, "wrong shape"),  # settings that build, but not the file's tensors
    ({"vocab": json.dumps({"itos": ["<pad>", "<unk>", "a"], "specials": True})}, "vocabulary does not match"),
    ({"vocab": json.dumps({"itos": 5})}, "malformed"),
    ({"version": "99"}, "version"),
])
def test_forged_metadata_gives_a_clear_message(tagger, changes, match):
    with pytest.raises(CheckpointError, match=match):
        load_checkpoint(forged(tagger, **changes))


@pytest.mark.parametrize("changes,match", [
    ({"config": "[1, 2]"}, "not ones RNN Lab knows"),  # a list where a dict is
    ({"config": "[" * 5000 + "]" * 5000}, "not valid JSON"),  # nested too deep for the parser
    ({"config": "{" + " " * 20_000 + "}"}, "too large"),
    ({"config": {"hidden_size": "64"}}, "hidden_size must be a whole number"),
    ({"config": {"hidden_size": 8.0}}, "hidden_size must be a whole number"),
    ({"config": {"bidirectional": 1}}, "bidirectional must be true or false"),
    ({"config": {"dropout": "0.1"}}, "dropout must be a number"),
    ({"config": {"num_labels": -3}}, "invalid"),
    ({"config": {"vocab_size": -1}}, "invalid"),
    ({"labels": json.dumps({"itos": ["O", "B PER", "LOC"], "specials": False})}, "not tag names"),  # a space
    ({"labels": json.dumps({"itos": ["O", "", "LOC"], "specials": False})}, "not tag names"),
    ({"labels": json.dumps({"itos": ["O", "B-" + "X" * 200, "LOC"], "specials": False})}, "not tag names"),
    ({"labels": json.dumps({"itos": ["O", "B-\u0000", "LOC"], "specials": False})}, "not tag names"),
    ({"labels": json.dumps({"itos": ["O", "O", "B-PER"], "specials": False})}, "malformed"),  # duplicates
    ({"labels": "{}"}, "malformed"),  # missing keys
    ({"labels": "[]"}, "malformed"),  # a list where a dict is
    ({"labels": None}, "lacks its labels"),
    ({"chars": None}, "lacks its chars"),
    ({"config": None}, "lacks its config"),
    ({"info": "[1]"}, "info is not a JSON object"),
    ({"info": "{"}, "info is not valid JSON"),
])
def test_forged_settings_types_and_vocabularies_give_a_clear_message(tagger, changes, match):
    with pytest.raises(CheckpointError, match=match):
        load_checkpoint(forged(tagger, **changes), task="tag")


def test_a_vocabulary_of_ten_million_entries_is_refused_before_it_is_parsed(tagger):
    itos = '{"itos": ["<pad>", "<unk>", ' + '"w", ' * 10_000_000 + '"w"], "specials": true}'  # 50 MB of JSON
    data = forged(tagger, vocab=itos)
    del itos
    tracemalloc.start()
    with pytest.raises(CheckpointError, match="vocab is too large"):
        load_checkpoint(data, task="tag")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200e6  # the header's own string (50 MB), never ten million Python strings (~600 MB)


def test_absurd_sizes_allocate_nothing(tagger):
    """The largest settings the config allows are built on the meta device only: refused in a moment,
    though real weights would take tens of gigabytes."""
    start = time.perf_counter()
    with pytest.raises(CheckpointError, match="wrong shape|do not match"):
        load_checkpoint(forged(tagger, config={"hidden_size": 8192, "num_layers": 16, "embed_size": 8192,
                                               "vocab_size": 2_000_000}), task="tag")
    assert time.perf_counter() - start < 5
    with pytest.raises(CheckpointError, match="invalid"):
        load_checkpoint(forged(tagger, config={"hidden_size": 10**9}), task="tag")


def test_a_header_that_declares_more_data_than_the_file_holds():
    """A hand-made header: a 10^12-element tensor in a file of a few bytes; safetensors refuses it."""
    header = json.dumps({"__metadata__": {"format": FORMAT, "version": "1"},
                         "w": {"dtype": "F32", "shape": [10**6, 10**6], "data_offsets": [0, 4 * 10**12]}}).encode()
    with pytest.raises(CheckpointError, match="not a safetensors checkpoint"):
        load_checkpoint(struct.pack("<Q", len(header)) + header + b"\0" * 8)
    with pytest.raises(CheckpointError, match="not a safetensors checkpoint"):
        load_checkpoint(struct.pack("<Q", 10**15) + b"{}")  # a header length beyond the file


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[2] / "models").glob("*.safetensors")),
                         ids=lambda p: p.stem)
def test_every_shipped_model_loads(path):
    """The files in models/ (some made before core/tasks/ was a package) load as a task of the registry,
    and their card names them."""
    from core.tasks.registry import TASKS
    bundle = load_checkpoint(path)
    assert bundle.cfg.task in TASKS and not bundle.model.training
    assert path.name in (path.parent / "README.md").read_text()
