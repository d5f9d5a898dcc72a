"""Exercises on the Memory page, made from its live numbers: which cell stays at chance at the page's delay
(predicted before the race, checked against the race's last accuracies once a race at that delay has run),
and two readings of the gradient through time at initialisation (how many powers of ten a cell's gradient
falls between the answer and an early step; which cell's gradient is smallest some steps back). The page's
seed sets the networks the gradients come from and picks the steps asked about. Computing here; Streamlit
only through `t` and the shared `Exercise`."""
import math
from collections.abc import Sequence

import numpy as np

from core.lessons.gate_race import FirstSymbol, Race

from ..i18n import t
from .base import Exercise, Verdict, parse_number

AT_CHANCE = 0.10  # a final accuracy less than this above guessing is "at chance"
DECADES = 0.5  # powers of ten an answer read off the log-scale chart may be off by
SAME = 1e-9  # relative gap under which two gradient norms count as equally small


def picker(seed: int) -> np.random.Generator:
    """The exercises' own random choices, from the page's seed."""
    return np.random.default_rng([seed, 25])


def chance_exercise(delay: int, cells: Sequence[str], seconds: int, race: Race | None) -> Exercise:
    """Which cell stays at chance at this delay. Until a finished race at this delay with these cells is
    there, the feedback asks for one; then the race's last accuracies decide (several at chance: each is
    right; none: "none of them" is)."""
    chance = FirstSymbol(delay).chance
    none = t("ex.memory.chance.none")
    options = [c.upper() for c in cells] + [none]
    values = dict(delay=delay, chance=f"{chance:.0%}", seconds=seconds, limit=f"{chance + AT_CHANCE:.0%}")
    raced = race is not None and race.cfg.delay == delay and set(race.cfg.cells) == set(cells) and bool(race.history)
    if raced:
        last = race.history[-1][1]  # {cell: accuracy} at the race's last validation
        stuck = {c.upper() for c, acc in last.items() if acc < chance + AT_CHANCE}
        values.update(accuracies=" · ".join(f"{c.upper()} {acc:.0%}" for c, acc in last.items()),
                      stuck=", ".join(sorted(stuck)) or none, step=race.step)

    def check(answer) -> Verdict:
        if answer not in options:
            return Verdict(False, t("ex.empty"))
        if not raced:
            return Verdict(False, t("ex.memory.chance.race_first", answer=answer, **values))
        right = answer in stuck if answer != none else not stuck
        return Verdict(right, t("ex.memory.chance.right" if right else "ex.memory.chance.wrong", answer=answer,
                                **values))

    solution = t("ex.memory.chance.solution", **values) if raced else t("ex.memory.chance.unraced", **values)
    return Exercise("memory_chance", t("ex.memory.chance.q", **values), check, solution, options=options)


def decades_exercise(cell: str, norms: np.ndarray, delay: int, chart: str,
                     rng: np.random.Generator) -> Exercise | None:
    """log10(‖∂L/∂h_T‖ / ‖∂L/∂h_t0‖) for one cell at initialisation, t0 an early step the seed picks among
    those whose norm did not underflow to 0 (None when there is none)."""
    early = [i for i in range(max(1, delay // 2)) if norms[i] > 0 and math.isfinite(norms[i])]
    if not early or not norms[-1] > 0:
        return None
    i = int(rng.choice(early))
    expected = float(np.log10(norms[-1] / norms[i]))
    values = dict(cell=cell.upper(), t0=i + 1, delay=delay, chart=chart, at_t0=f"{norms[i]:.2e}",
                  at_T=f"{norms[-1]:.2e}", answer=f"{expected:.1f}", times=f"{10 ** expected:.2g}")

    def check(answer) -> Verdict:
        got = parse_number(answer)
        if got is None:
            return Verdict(False, t("ex.not_a_number"))
        if abs(got - expected) <= DECADES:
            return Verdict(True, t("ex.memory.decades.right", **values))
        if abs(got + expected) <= DECADES < abs(expected):
            return Verdict(False, t("ex.memory.decades.sign", **values))
        return Verdict(False, t("ex.memory.decades.wrong", **values))

    return Exercise("memory_decades", t("ex.memory.decades.q", **values), check,
                    t("ex.memory.decades.solution", **values))


def smallest_exercise(grads: dict[str, np.ndarray], delay: int, chart: str,
                      rng: np.random.Generator) -> Exercise | None:
    """Which cell's ‖∂L/∂h_t‖ at initialisation is smallest k steps before the answer (k by the seed); None
    with fewer than two cells."""
    if len(grads) < 2:
        return None
    k = int(rng.integers(1, delay))
    at = {cell.upper(): float(norms[delay - 1 - k]) for cell, norms in grads.items()}  # t = T - k
    low = min(at.values())
    smallest = {c for c, v in at.items() if v <= low * (1 + SAME)}
    values = dict(k=k, t=delay - k, delay=delay, chart=chart, smallest=", ".join(sorted(smallest)),
                  norms=" · ".join(f"{c} {v:.2e}" for c, v in at.items()))

    def check(answer) -> Verdict:
        if answer not in at:
            return Verdict(False, t("ex.empty"))
        if answer in smallest:
            return Verdict(True, t("ex.memory.smallest.right", **values))
        return Verdict(False, t("ex.memory.smallest.wrong", got=answer, got_norm=f"{at[answer]:.2e}", **values))

    return Exercise("memory_smallest", t("ex.memory.smallest.q", **values), check,
                    t("ex.memory.smallest.solution", **values), options=list(at))


def build(delay: int, cells: Sequence[str], seconds: int, at_init: dict[str, np.ndarray] | None,
          race: Race | None, seed: int, chart: str = "") -> list[Exercise]:
    """The page's exercises: the chance prediction (with `race`, the session's finished race, if any) and,
    with the gradients at initialisation ({cell: (T,) mean ‖∂L/∂h_t‖}), the two readings of them; the
    decades are asked of the RNN when it races, else of the first cell. `chart`: the settings the gradients
    were measured with, as the questions name them (so that a verdict is dropped when they change)."""
    if not cells:
        return []
    exercises = [chance_exercise(delay, cells, seconds, race)]
    if at_init:
        rng = picker(seed)
        cell = "rnn" if "rnn" in at_init else next(iter(at_init))
        exercises += [ex for ex in (decades_exercise(cell, at_init[cell], delay, chart, rng),
                                    smallest_exercise(at_init, delay, chart, rng)) if ex is not None]
    return exercises
