"""core.nn.attention and core.nn.decoder: masking, the teacher-forced path against the one-step path."""
import pytest
import torch

from core.nn.attention import Attention
from core.nn.decoder import Decoder


def padded_batch(seed=0, B=3, S=6, K=5):
    g = torch.Generator().manual_seed(seed)
    keys = torch.randn(B, S, K, generator=g)
    lengths = torch.tensor([S, 3, 1])[:B]
    mask = torch.arange(S)[None, :] < lengths[:, None]  # (B, S)
    return keys, mask


@pytest.mark.parametrize("kind", ["additive", "general"])
def test_weights_sum_to_one_over_real_positions_and_are_zero_on_padding(kind):
    torch.manual_seed(0)
    attn = Attention(kind, query_size=4, key_size=5, size=7)
    keys, mask = padded_batch()
    query = torch.randn(3, 4)
    context, weights = attn(query, keys, mask)
    assert weights.shape == (3, 6) and context.shape == (3, 5)
    assert torch.allclose(weights.sum(-1), torch.ones(3), atol=1e-6)
    assert (weights[~mask] == 0).all()
    assert (weights[mask] > 0).all()
    assert torch.allclose(context, (weights[..., None] * keys).sum(1), atol=1e-6)
    # padding's values never matter
    garbage = keys.masked_fill(~mask[..., None], 1e4)
    assert torch.allclose(attn(query, garbage, mask)[0], context, atol=1e-5)


@pytest.mark.parametrize("kind", ["additive", "general"])
def test_a_time_axis_and_prepared_keys_give_the_same_numbers(kind):
    torch.manual_seed(1)
    attn = Attention(kind, 4, 5, 7)
    keys, mask = padded_batch()
    queries = torch.randn(3, 2, 4)
    context, weights = attn(queries, keys, mask)  # (B, T, K), (B, T, S)
    for t in range(2):
        c, w = attn(queries[:, t], keys, mask, prepared=attn.prepare(keys))
        assert torch.allclose(c, context[:, t], atol=1e-6) and torch.allclose(w, weights[:, t], atol=1e-6)


def test_no_attention_and_an_all_padding_row_give_zeros():
    keys, mask = padded_batch()
    context, weights = Attention("none", 4, 5)(torch.randn(3, 4), keys, mask)
    assert not context.any() and not weights.any()
    mask[1] = False
    context, weights = Attention("general", 4, 5)(torch.randn(3, 4), keys, mask)
    assert not weights[1].any() and not context[1].any() and torch.isfinite(weights).all()
    with pytest.raises(ValueError, match="attention must be one of"):
        Attention("dot product", 4, 5)


@pytest.mark.parametrize("cell,layers,kind", [("gru", 1, "additive"), ("lstm", 2, "general"),
                                              ("rnn", 1, "none"), ("lstm", 1, "additive")])
def test_step_by_step_decoding_equals_teacher_forcing(cell, layers, kind):
    torch.manual_seed(2)
    dec = Decoder(cell, vocab_size=11, embed_size=6, hidden_size=8, num_layers=layers, memory_size=5,
                  attention=kind).eval()
    keys, mask = padded_batch()
    h0 = torch.randn(layers, 3, 8)
    state = (h0, torch.randn(layers, 3, 8)) if cell == "lstm" else h0
    tokens = torch.randint(2, 11, (3, 4))
    logits, attention = dec(tokens, keys, mask, state)
    assert logits.shape == (3, 4, 11) and attention.shape == (3, 4, 6)
    s, prepared = state, dec.prepare(keys)
    for t in range(4):
        step_logits, s, weights, hidden = dec.step(tokens[:, t], s, keys, mask, prepared)
        assert hidden.shape == (3, 8)
        assert torch.allclose(step_logits, logits[:, t], atol=1e-5)
        assert torch.allclose(weights, attention[:, t], atol=1e-6)
    traced_logits, traced_attention, trace = dec.trace(tokens, keys, mask, state)
    assert torch.allclose(traced_logits, logits, atol=1e-5) and trace.hidden.shape == (layers, 3, 4, 8)
    if kind != "none":
        assert torch.allclose(attention.sum(-1), torch.ones(3, 4), atol=1e-6)
        assert (attention.masked_select(~mask[:, None, :].expand(3, 4, 6)) == 0).all()


def test_without_attention_the_memory_is_never_read():
    torch.manual_seed(3)
    dec = Decoder("gru", 11, 6, 8, memory_size=5, attention="none").eval()
    tokens = torch.randint(2, 11, (2, 3))
    state = torch.randn(1, 2, 8)
    keys, mask = padded_batch(B=2)
    with_memory, _ = dec(tokens, keys, mask, state)
    without, _ = dec(tokens, None, None, state)
    assert torch.equal(with_memory, without)
    assert not torch.allclose(dec(tokens, None, None, torch.randn(1, 2, 8))[0], without)  # the state carries it
