"""core.decoding.search over a small random decoder: greedy, beam, sampling and replay agree with each other and with
brute force."""
import itertools

import pytest
import torch

from core.decoding import search
from core.nn.decoder import Decoder

PAD, BOS, EOS = 0, 1, 2
BANNED = (PAD, BOS)


def random_decoder(seed, vocab=7, cell="gru", kind="additive", hidden=8):
    torch.manual_seed(seed)
    dec = Decoder(cell, vocab, 6, hidden, memory_size=5, attention=kind).eval()
    with torch.no_grad():  # sharper distributions than the initial ones, so the searches disagree sometimes
        dec.out.weight.mul_(6)
    return dec


def source(seed, B=1, S=4, hidden=8, cell="gru"):
    g = torch.Generator().manual_seed(seed)
    memory = torch.randn(B, S, 5, generator=g)
    mask = torch.ones(B, S, dtype=torch.bool)
    mask[-1, S - 1:] = False
    h = torch.randn(1, B, hidden, generator=g)
    return ((h, torch.zeros_like(h)) if cell == "lstm" else h), memory, mask


def options(**more):
    return dict(bos=BOS, eos=EOS, banned=BANNED, **more)


@pytest.mark.parametrize("seed", range(8))
def test_beam_of_one_is_greedy(seed):
    dec = random_decoder(seed, cell="lstm" if seed % 2 else "gru")
    state, memory, mask = source(seed, B=2, cell="lstm" if seed % 2 else "gru")
    greedy = search.greedy(dec, state, memory, mask, max_len=12, **options())
    beam = search.beam_search(dec, state, memory, mask, max_len=12, beam_size=1, alpha=0.0, **options())
    for g, b in zip(greedy, beam):
        assert b.tokens == g.tokens and b.logprob == pytest.approx(g.logprob, abs=1e-5)
        assert [s.token for s in b.steps] == [s.token for s in g.steps]


@pytest.mark.parametrize("alpha", [0.0, 0.6, 1.0])
def test_a_wider_beam_never_scores_lower_than_greedy(alpha):
    wins = 0
    for seed in range(12):
        dec = random_decoder(seed, vocab=9)
        state, memory, mask = source(seed)
        g = search.greedy(dec, state, memory, mask, max_len=10, **options())[0]
        for k in (2, 4):
            b = search.beam_search(dec, state, memory, mask, max_len=10, beam_size=k, alpha=alpha, **options())[0]
            assert b.score(alpha) >= g.score(alpha) - 1e-6
            wins += b.score(alpha) > g.score(alpha) + 1e-6
    assert wins > 0  # the beam finds something better than greedy at least sometimes


def test_a_beam_wide_enough_finds_the_most_probable_output():
    """With every prefix kept, beam search is exhaustive: compare with brute force over all outputs."""
    for seed in range(4):
        dec = random_decoder(seed, vocab=5)  # tokens 3 and 4 besides pad, bos, eos
        state, memory, mask = source(seed)
        max_len, best, best_tokens = 4, float("-inf"), None
        for n in range(max_len + 1):
            for body in itertools.product((3, 4), repeat=n):
                finished = n < max_len
                logprob = search.replay(dec, [list(body)], state, memory, mask, bos=BOS,
                                        eos=EOS if finished else None)[0].logprob
                if logprob > best:
                    best, best_tokens = logprob, list(body)
        b = search.beam_search(dec, state, memory, mask, max_len=max_len, beam_size=2 ** max_len, alpha=0.0,
                               **options())[0]
        assert b.tokens == best_tokens and b.logprob == pytest.approx(best, abs=1e-5)


def test_the_beam_record_holds_each_steps_hypotheses_and_the_winner():
    dec = random_decoder(5, vocab=9)
    state, memory, mask = source(5)
    b = search.beam_search(dec, state, memory, mask, max_len=10, beam_size=3, alpha=0.6, **options())[0]
    assert b.beams and all(len([h for h in step if not h.finished]) <= 3 for step in b.beams)
    for t, step in enumerate(b.beams):
        assert [h.score for h in step] == sorted((h.score for h in step), reverse=True)
        assert all(len(h.tokens) == t + 1 for h in step)
        if t:  # each hypothesis extends one kept at the step before
            before = [h for h in b.beams[t - 1] if not h.finished]
            assert all(h.tokens[:-1] == before[h.parent].tokens for h in step)
    assert b.winner.tokens[: len(b.tokens)] == b.tokens
    assert len(b.steps) == len(b.tokens) + b.finished
    assert all(abs(sum(p for _, p in s.candidates)) <= 1 + 1e-6 and len(s.candidates) == 5 for s in b.steps)
    again = search.replay(dec, [b.tokens], state, memory, mask, bos=BOS, eos=EOS if b.finished else None)[0]
    assert again.logprob == pytest.approx(b.logprob, abs=1e-5)


def test_greedy_records_what_it_chose_and_never_emits_banned_tokens():
    dec = random_decoder(6)
    state, memory, mask = source(6, B=3)
    for d in search.greedy(dec, state, memory, mask, max_len=15, **options()):
        assert not set(d.tokens) & set(BANNED) and EOS not in d.tokens
        for s in d.steps:
            assert s.token == s.candidates[0][0]
            assert s.attention.shape == (4,) and s.hidden.shape == (8,)
            assert s.attention.sum() == pytest.approx(1.0, abs=1e-5)
        assert d.steps[-1].token == EOS if d.finished else len(d.tokens) == 15
    assert (search.greedy(dec, state, memory, mask, max_len=15, **options())[2].steps[0].attention[-1]) == 0


def test_sampling_is_seeded_and_cold_or_top_one_sampling_is_greedy():
    dec = random_decoder(7)
    state, memory, mask = source(7, B=2)
    greedy = [d.tokens for d in search.greedy(dec, state, memory, mask, max_len=10, **options())]

    def draw(seed, **kw):
        return [d.tokens for d in search.sample(dec, state, memory, mask, max_len=10,
                                                generator=torch.Generator().manual_seed(seed), **options(**kw))]

    assert draw(0) == draw(0)
    assert len({str(draw(s, temperature=2.0)) for s in range(6)}) > 1
    assert draw(3, top_k=1) == greedy and draw(4, temperature=1e-4) == greedy
    with pytest.raises(ValueError, match="temperature"):
        draw(0, temperature=0)


def test_each_new_token_costs_one_step():
    dec = random_decoder(8)
    calls = []
    step = dec.step
    dec.step = lambda token, *a: calls.append(token.shape) or step(token, *a)
    state, memory, mask = source(8)
    out = search.greedy(dec, state, memory, mask, max_len=30, **options())[0]
    assert len(calls) == len(out.steps)
    assert all(shape == (1,) for shape in calls)


def test_without_attention_or_memory_the_searches_still_run():
    dec = random_decoder(9, kind="none")
    state, _, _ = source(9)
    g = search.greedy(dec, state, None, None, max_len=8, **options())[0]
    b = search.beam_search(dec, state, None, None, max_len=8, beam_size=3, **options())[0]
    assert b.score(0.6) >= g.score(0.6) - 1e-6
    assert g.steps[0].attention.numel() == 0
