"""The character LM page's exercises, made from the model and the text the page shows: what a temperature
near 0 does to the sample (the model sampled at once with two seeds), a unit that fires inside a context of
the text (quotes, a speaker's name, words), and the most likely next character somewhere in the text.

The numbers come from plain functions (testable without Streamlit); `exercises` turns them into questions."""
import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.tasks.base import Bundle

from .. import charts, inside
from ..i18n import t
from ..lm import sample_stream
from .base import Exercise, Verdict, choice_check, parse_number

NEAR_ZERO = 1e-6  # the "temperature → 0" the first exercise samples at: at 0.001 the shipped model's two
# most likely characters after "\nThe s" (logits 0.0004 apart) still came out either way
COLD_LENGTH = 80  # characters of each cold sample
TEMPERATURE_OPTIONS = ("same", "varied", "random")
TOP_UNITS = 5  # a unit among this many best of the context is right
PREFIX_SHOWN = 40  # characters of text shown before the "next character" question's gap


# ---------------------------------------------------------------- temperature → 0
@dataclass(frozen=True)
class ColdSamples:
    """Two samples at a temperature near 0 with two seeds, and the greedy text (the most likely character
    at every step)."""
    seeds: tuple[int, int]
    samples: tuple[str, str]
    greedy: str

    @property
    def same(self) -> bool:
        return self.samples[0] == self.samples[1]

    @property
    def is_greedy(self) -> bool:
        return all(s == self.greedy for s in self.samples)


def cold_sample(bundle: Bundle, prime: str, seed: int, length: int = COLD_LENGTH) -> str:
    """`length` characters after `prime` at NEAR_ZERO with `seed` (DataError: characters the model never saw)."""
    return "".join(sample_stream(bundle, prime, length, NEAR_ZERO, 0, seed))


def greedy_text(bundle: Bundle, prime: str, length: int = COLD_LENGTH) -> str:
    """`length` characters after `prime`, the most likely one every time (top-k 1: no seed matters)."""
    return "".join(sample_stream(bundle, prime, length, 1.0, 1, 0))


def cold_samples(bundle: Bundle, prime: str, seed: int, sample: Callable[[int], str] | None = None,
                 greedy: Callable[[], str] | None = None) -> ColdSamples:
    """Sample after `prime` near temperature 0 with seeds `seed` and `seed + 1`, and greedily. `sample(seed)`
    and `greedy()`: the same computed elsewhere (kept by the page, so that the next seed samples once)."""
    seeds = (seed, (seed + 1) % 2**31)
    sample = sample or (lambda s: cold_sample(bundle, prime, s))
    greedy = greedy or (lambda: greedy_text(bundle, prime))
    return ColdSamples(seeds, (sample(seeds[0]), sample(seeds[1])), greedy())


def loop(text: str, shortest: int = 1) -> str | None:
    """The shortest piece the text ends by repeating at least twice in a row (a greedy sample's loop), or
    None when its end does not repeat."""
    for size in range(shortest, len(text) // 2 + 1):
        if text[-size:] == text[-2 * size:-size] and text[-size:].strip():
            return text[-size:]
    return None


# ---------------------------------------------------------------- a unit that fires in a context
def context_mask(tokens: list[str]) -> tuple[str, np.ndarray] | None:
    """The first context the text has: inside quotes, else speakers' names (ROMEO:), else inside words
    (letters and digits against the rest). -> (its name, a (T,) boolean mask), or None (nothing to tell
    apart)."""
    T = len(tokens)
    for name, spans in (("quotes", inside.quoted(tokens)), ("speakers", inside.speakers(tokens))):
        if spans:
            mask = np.zeros(T, bool)
            for a, b in spans:
                mask[a:b + 1] = True
            return name, mask
    mask = np.array([c.isalnum() for c in tokens], bool)
    return ("words", mask) if mask.any() and not mask.all() else None


@dataclass(frozen=True)
class UnitMeans:
    """Every unit's mean value inside a context and outside it."""
    inside: np.ndarray  # (H,)
    outside: np.ndarray  # (H,)

    @property
    def score(self) -> np.ndarray:
        return self.inside - self.outside

    def ranking(self) -> list[int]:
        """The units, the one firing most inside (highest inside − outside) first."""
        return [int(u) for u in np.argsort(-self.score, kind="stable")]


def unit_means(values: np.ndarray, mask: np.ndarray) -> UnitMeans:
    """values (T, H) of one state over a text; mask (T,) the context's positions (some in, some out)."""
    values = np.asarray(values, dtype=float)
    return UnitMeans(values[mask].mean(0), values[~mask].mean(0))


def fires(means: UnitMeans, unit: int, top: int = TOP_UNITS) -> bool:
    """Right: the unit is among the `top` that fire most inside, and it is higher inside than outside."""
    return unit in means.ranking()[:top] and means.score[unit] > 0


# ---------------------------------------------------------------- the next character
def next_position(n_tokens: int, seed: int) -> int | None:
    """A position of the text, picked by the seed, after which the next character is asked (not in the first
    quarter: the model needs something to go on); None for a text too short."""
    first, last = max(1, n_tokens // 4), n_tokens - 2
    return random.Random(seed).randint(first, last) if last >= first else None


# ---------------------------------------------------------------- the page's exercises
def exercises(*, prime: str, seed: int, cold: Callable[[], ColdSamples | None], tokens: list[str],
              values: np.ndarray, state: str, layer: int, top_tokens, top_probs) -> list[Exercise]:
    """The exercises for what the page shows: the priming text and seed of the sample, `cold()` giving its
    `cold_samples` (None: the prime cannot be sampled; called only when the student checks or asks to be
    shown: sampling them is most of the page's own work for a visitor), the text looked at (`tokens`) with one
    state's values (T, H) and the top-5 next characters after each position (T lists of 5, (T, 5) probabilities)."""
    found = [temperature_exercise(prime, seed, cold),
             unit_exercise(tokens, values, state, layer),
             next_char_exercise(tokens, top_tokens, top_probs, seed)]
    return [ex for ex in found if ex is not None]


def quoted(text: str) -> str:
    """Text shown inside an exercise's question: whitespace visible, in code."""
    return "`" + "".join(map(charts.show_token, text)).replace("`", "'") + "`"


def temperature_exercise(prime: str, seed: int, cold: Callable[[], ColdSamples | None]) -> Exercise:
    labels = {o: t(f"ex.char_lm.temp.option.{o}") for o in TEMPERATURE_OPTIONS}
    options = random.Random(seed).sample(list(labels.values()), len(labels))  # the order follows the seed
    seeds = (seed, (seed + 1) % 2**31)

    def expected(samples: ColdSamples) -> str:
        return labels["same" if samples.same else "varied"]

    def shown(samples: ColdSamples) -> str:
        repeated = loop(samples.greedy)
        return t("ex.char_lm.temp.samples", a=samples.seeds[0], b=samples.seeds[1], first=quoted(samples.samples[0]),
                 second=quoted(samples.samples[1]), greedy=quoted(samples.greedy),
                 same=t("ex.char_lm.temp.same" if samples.same else "ex.char_lm.temp.differ"),
                 greedy_too=t("ex.char_lm.temp.is_greedy" if samples.is_greedy else "ex.char_lm.temp.not_greedy"),
                 loop=t("ex.char_lm.temp.loop", piece=quoted(repeated)) if repeated else "")

    def check(answer) -> Verdict:
        samples = cold()
        if samples is None:
            return Verdict(False, t("ex.char_lm.temp.unsampled"))
        said = shown(samples)
        return choice_check(expected(samples), t("ex.char_lm.temp.right") + " " + said,
                            t("ex.char_lm.temp.wrong") + " " + said)(answer)

    def solution() -> str:
        samples = cold()
        if samples is None:
            return t("ex.char_lm.temp.unsampled")
        return t("ex.char_lm.temp.solution", expected=expected(samples)) + " " + shown(samples)

    start = quoted(prime) if prime else t("ex.char_lm.temp.no_prime")
    question = t("ex.char_lm.temp.question", prime=start, a=seeds[0], b=seeds[1], t=f"{NEAR_ZERO:.6f}")
    return Exercise("lm_temperature", question, check, solution, options=options)


def unit_exercise(tokens: list[str], values: np.ndarray, state: str, layer: int) -> Exercise | None:
    found = context_mask(tokens)
    if found is None:
        return None
    context, mask = found
    means = unit_means(values, mask)
    best = means.ranking()[0]
    H = values.shape[1]
    where = dict(state=t(f"inside.state.{state}"), layer=layer + 1, context=t(f"ex.char_lm.unit.context.{context}"))

    def check(answer) -> Verdict:
        unit = parse_number(answer)
        if unit is None or unit != int(unit) or not 0 <= unit < H:
            return Verdict(False, t("ex.char_lm.unit.not_a_unit", H=H, last=H - 1))
        unit = int(unit)
        facts = dict(unit=unit, inside=f"{means.inside[unit]:+.3f}", outside=f"{means.outside[unit]:+.3f}",
                     rank=means.ranking().index(unit) + 1, H=H, top=TOP_UNITS, **where)
        return Verdict(fires(means, unit), t("ex.char_lm.unit.right" if fires(means, unit) else "ex.char_lm.unit.wrong",
                                             **facts))

    solution = t("ex.char_lm.unit.solution", best=best, inside=f"{means.inside[best]:+.3f}",
                 outside=f"{means.outside[best]:+.3f}", top=", ".join(map(str, means.ranking()[:TOP_UNITS])), **where)
    question = t("ex.char_lm.unit.question", n=int(mask.sum()), H=H, last=H - 1, **where)
    return Exercise("lm_unit", question, check, solution)


def next_char_exercise(tokens: list[str], top_tokens, top_probs, seed: int) -> Exercise | None:
    p = next_position(len(tokens), seed)
    if p is None or top_tokens is None:
        return None
    candidates = [charts.show_token(c) for c in top_tokens[p]]
    probs = {label: float(q) for label, q in zip(candidates, top_probs[p])}
    expected = candidates[0]  # the top-5 are most probable first
    options = random.Random(seed).sample(candidates, len(candidates))
    prefix = "".join(tokens[max(0, p + 1 - PREFIX_SHOWN):p + 1])

    def check(answer) -> Verdict:
        got = probs.get(answer, 0.0)
        key = "ex.char_lm.next.right" if answer == expected else "ex.char_lm.next.wrong"
        return Verdict(answer == expected, t(key, got=answer, p=f"{got:.3f}", best=expected,
                                             best_p=f"{probs[expected]:.3f}", position=p))

    table = ", ".join(f"{label} {q:.3f}" for label, q in probs.items())
    question = t("ex.char_lm.next.question", prefix=quoted(prefix), position=p)
    solution = t("ex.char_lm.next.solution", best=expected, p=f"{probs[expected]:.3f}", table=table, position=p)
    return Exercise("lm_next", question, check, solution, options=options)
