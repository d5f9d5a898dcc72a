"""Sequence-to-sequence ensembles: K translators as one, whose next-token distribution is the normalised
geometric mean of theirs, decoded by core.decoding.search unchanged and saved as one ordinary checkpoint; with models
of the other direction, the beam rescored by them (decoding "channel", core.tasks.translate.channel)."""
import dataclasses

import pytest
import torch

from core.checkpoint import load_checkpoint, save_checkpoint, to_bytes
from core.cli import main
from core.config import ModelConfig
from core.decoding import search
from core.errors import DataError, RNNLabError
from core.readers.pairs import Pair
from core.tasks.base import Bundle, pad
from core.tasks.registry import TASKS, build_model
from core.tasks.translate.ensemble import Seq2SeqEnsemble, pack
from core.tasks.translate.rerank import logprobs
from core.text.vocab import Vocab

SOURCE = Vocab(["<pad>", "<unk>", *"abcdefgh"])
TARGET = Vocab(["<pad>", "<unk>", "<s>", "</s>", *"abcdefgh"])
TASK = TASKS["translate"]


def member(seed: int, **kw) -> Bundle:
    torch.manual_seed(seed)
    cfg = ModelConfig(task="translate", tokenizer="char", target_tokenizer="char", vocab_size=len(SOURCE),
                      num_labels=len(TARGET), embed_size=6, hidden_size=5, bidirectional=True, **kw)
    model = build_model(cfg)
    with torch.no_grad():  # far from the initial weights, so that members differ and a mix-up shows
        for p in model.parameters():
            p.normal_(0, 0.8)
    return Bundle(model.eval(), SOURCE, TARGET, info={"minutes": 1.0})


def batch():
    texts = ["abcde", "hg", "cafe"]
    ids = pad([SOURCE.encode(list(t)) for t in texts])  # (3, 5)
    return ids, torch.tensor([len(t) for t in texts])


CASES = [dict(cell="lstm", attention="additive"), dict(cell="gru", attention="general", num_layers=2),
         dict(cell="rnn", attention="none")]


@pytest.mark.parametrize("kw", CASES)
def test_the_ensemble_is_the_geometric_mean_of_its_members_distributions(kw):
    members = [member(seed, **kw) for seed in range(3)]
    ensemble = pack(members).model
    ids, lengths = batch()
    inputs = torch.tensor([[2, 4, 5, 6], [2, 7, 3, 0], [2, 8, 9, 4]])
    with torch.no_grad():
        logp = torch.stack([m.model(ids, lengths=lengths, inputs=inputs)[0].log_softmax(-1) for m in members])
        want = logp.mean(0).exp() / logp.mean(0).exp().sum(-1, keepdim=True)  # (B, T, V) the geometric mean
        want = want.log()
        got, _ = ensemble(ids, lengths=lengths, inputs=inputs)
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
        traced, attention, encoder, decoder = ensemble.trace(ids, inputs, lengths)
        torch.testing.assert_close(traced, want, atol=1e-5, rtol=1e-5)
        if kw["attention"] != "none":  # the mean attention: 1 over the real source, 0 on padding
            torch.testing.assert_close(attention.sum(-1), torch.ones(3, 4))
            assert attention[1, :, 2:].abs().max() == 0
        assert encoder.hidden.shape[-1] == 10 and decoder.hidden.shape[-1] == 5  # the first member's

        enc = ensemble.encode(ids, lengths)
        memory = None if kw["attention"] == "none" else enc.memory
        for d, k in zip(search.greedy(ensemble.decoder, enc.state, memory, enc.mask, bos=2, eos=3, max_len=6,
                                      banned=(0, 1, 2)), range(3)):  # step by step = teacher forced
            tokens = d.tokens + [3] * d.finished
            forced, _ = ensemble(ids[k:k + 1, :lengths[k]], inputs=torch.tensor([[2] + tokens[:-1]]))
            assert forced[0].gather(1, torch.tensor(tokens)[:, None]).sum().item() == pytest.approx(d.logprob, abs=1e-4)


def test_beam_search_over_an_ensemble_is_greedy_at_1_and_never_worse_wider():
    bundle = pack([member(seed, cell="lstm") for seed in range(2)])
    texts = ["abcde", "hg", "cafe", "bad", "gg"]
    greedy = TASK.decode(bundle, texts, decoding="greedy")
    assert [d.tokens for d in TASK.decode(bundle, texts, decoding="beam", beam_size=1)] == [d.tokens for d in greedy]
    wide = TASK.decode(bundle, texts, decoding="beam", beam_size=4, length_alpha=0.6)
    assert all(w.score(0.6) >= g.score(0.6) - 1e-6 for w, g in zip(wide, greedy))


def test_an_ensemble_is_one_checkpoint_and_the_command_line_makes_it(tmp_path, capsys):
    members = [member(seed, cell="gru") for seed in range(2)]
    for k, m in enumerate(members):
        save_checkpoint(m, tmp_path / f"m{k}.safetensors")
    pairs = tmp_path / "valid.tsv"
    pairs.write_text("abc\tcba\nhhg\tghh\nfed\tdef\n")
    out = tmp_path / "both.safetensors"
    assert main(["ensemble", "--out", str(out), str(tmp_path / "m0.safetensors"), str(tmp_path / "m1.safetensors"),
                 "--valid", str(pairs), "--half"]) == 0
    assert "valid BLEU" in capsys.readouterr().out
    again = load_checkpoint(out, task="translate")
    assert isinstance(again.model, Seq2SeqEnsemble) and again.cfg.members == 2 and again.cfg.decoding == "beam"
    assert main(["ensemble", "--out", str(tmp_path / "channel.safetensors"), str(tmp_path / "m0.safetensors"), "--reverse",
                 str(tmp_path / "m1.safetensors"), "--beam-size", "3", "--channel-weight", "0.5"]) == 0
    channel = load_checkpoint(tmp_path / "channel.safetensors").cfg
    assert (channel.decoding, channel.beam_size, channel.channel_weight, channel.reverse_members) == ("channel", 3, 0.5, 1)
    assert len(again.info["ensemble"]) == 2 and {"bleu", "chrf", "loss"} <= set(again.info["valid"])
    direct = pack(members)
    texts = ["abc", "hhg", "fed"]
    assert TASK.write(load_checkpoint(to_bytes(direct)), texts) == TASK.write(direct, texts)


def test_members_whose_vocabularies_are_in_another_order_are_aligned():
    a, b = member(0, cell="gru"), member(1, cell="gru")
    source, target = Vocab(["<pad>", "<unk>", *"hgfedcba"]), Vocab(["<pad>", "<unk>", "<s>", "</s>", *"hgfedcba"])
    moved = [SOURCE.stoi[t] for t in source.itos], [TARGET.stoi[t] for t in target.itos]
    state = b.model.state_dict()
    for key, rows in (("embed.weight", moved[0]), ("decoder.embed.weight", moved[1]),
                      ("decoder.out.weight", moved[1]), ("decoder.out.bias", moved[1])):
        state[key] = state[key][rows]
    shuffled = build_model(b.cfg).eval()
    shuffled.load_state_dict(state)
    texts = ["abc", "hhg", "fed", "ab"]
    assert TASK.write(Bundle(shuffled, source, target), texts) == TASK.write(b, texts)  # the same model
    assert TASK.write(pack([a, Bundle(shuffled, source, target)]), texts) == TASK.write(pack([a, b]), texts)


def test_members_that_do_not_fit_together_are_refused_with_a_message(tmp_path, capsys):
    gru, lstm = member(0, cell="gru"), member(1, cell="lstm")
    with pytest.raises(RNNLabError, match="differ in shape"):
        pack([gru, lstm])
    other = dataclasses.replace(member(2, cell="gru"), vocab=Vocab(["<pad>", "<unk>", *"abcdefgx"]))
    with pytest.raises(RNNLabError, match="vocabulary"):
        pack([gru, other])
    with pytest.raises(RNNLabError, match="not ensembles"):
        pack([pack([gru, member(3, cell="gru")]), gru])
    for k, m in enumerate((gru, lstm)):
        save_checkpoint(m, tmp_path / f"m{k}.safetensors")
    assert main(["ensemble", "--out", str(tmp_path / "x.safetensors"), str(tmp_path / "m0.safetensors"),
                 str(tmp_path / "m1.safetensors")]) == 2
    assert main(["ensemble", "--out", str(tmp_path / "x.safetensors"), str(tmp_path / "m0.safetensors"), "--beam-size", "0"]) == 2
    for err in capsys.readouterr().err.splitlines():
        assert err.startswith("error: ")
    assert not (tmp_path / "x.safetensors").exists()


# ---- decoding "channel": the beam rescored by models of the other direction
def channel_model(**kw) -> tuple[Bundle, Bundle]:
    forward, backward = member(0, cell="lstm"), member(1, cell="lstm")  # char -> char: either way round
    bundle = pack([forward], [backward])
    for field, value in dict(decoding="channel", beam_size=4, length_alpha=1.0, **kw).items():
        setattr(bundle.cfg, field, value)
    return bundle, backward


def test_the_channel_score_is_the_reverse_models_log_probability_of_the_source():
    bundle, backward = channel_model()
    texts = ["abcde", "hg", "cafe", "bad"]
    for text, out in zip(texts, TASK.decode(bundle, texts)):
        assert out.nbest and out.tokens == out.nbest[0].tokens
        assert [s.score for s in out.nbest] == sorted((s.score for s in out.nbest), reverse=True)
        for s in out.nbest[:3]:
            hypothesis = TASK.text(bundle, s.tokens) or "<unk>"
            want = logprobs(TASK, backward, [Pair(hypothesis, text)])[0] if s.tokens else None
            if want is not None:
                assert s.backward == pytest.approx(want, abs=1e-4)
            assert s.score == pytest.approx(s.forward + 1.0 * s.backward)


def test_without_the_channel_weight_the_beam_decides_and_with_a_large_one_the_reverse_model():
    bundle, _ = channel_model()
    texts = ["abcde", "hg", "cafe", "bad", "ggg"]
    beam = TASK.decode(bundle, texts, decoding="beam", beam_size=4, length_alpha=1.0)
    assert [d.tokens for d in TASK.decode(bundle, texts, channel_weight=0.0)] == [d.tokens for d in beam]
    for out in TASK.decode(bundle, texts, channel_weight=100.0):
        assert out.nbest[0].backward == max(s.backward for s in out.nbest)
    [recorded] = TASK.decode(bundle, ["cafe"], record_k=3)  # the page replays the output's steps
    assert [s.token for s in recorded.steps][:len(recorded.tokens)] == recorded.tokens and recorded.beams


def test_channel_decoding_needs_reverse_models_and_round_trips(tmp_path):
    plain = member(0, cell="lstm")
    with pytest.raises(DataError, match="other direction"):
        TASK.decode(plain, ["abc"], decoding="channel")
    bundle, _ = channel_model(channel_weight=0.5)
    again = load_checkpoint(to_bytes(bundle), task="translate")
    assert again.cfg.reverse_members == 1 and again.cfg.channel_weight == 0.5
    assert TASK.write(again, ["abc", "", "hhg"]) == TASK.write(bundle, ["abc", "", "hhg"])
