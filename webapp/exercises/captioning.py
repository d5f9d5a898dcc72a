"""The captioning page's exercises, made from the caption the page shows: where the decoder looked for one
of its words (a region of the 7 × 7 attention grid, as a 3 × 3 choice), and which word it was least sure of.

The numbers come from plain functions (testable without Streamlit); `exercises` turns them into questions."""
import hashlib
import random

import numpy as np

from ..captioning import END, FUNCTION_WORDS, Written, attention_grid
from ..i18n import t
from .base import Exercise, Verdict

# the 7 rows (and columns) of the grid in three bands: top 2, middle 3, bottom 2
BANDS = ((0, 2), (2, 5), (5, 7))
REGIONS = ("top_left", "top", "top_right", "left", "centre", "right", "bottom_left", "bottom", "bottom_right")
TOP_REGIONS = 2  # a region among this many most attended (by mean weight, half the best at least) is right


# ---------------------------------------------------------------- where it looked
def region_means(weights) -> np.ndarray:
    """(49,) attention weights -> (9,) each region's mean weight per cell, in REGIONS' order."""
    grid = attention_grid(weights)  # (7, 7)
    return np.array([grid[r0:r1, c0:c1].mean() for r0, r1 in BANDS for c0, c1 in BANDS])


def region_of(row: int, col: int) -> int:
    """The region (index into REGIONS) that holds the grid's cell (row, col)."""
    band = [next(i for i, (a, b) in enumerate(BANDS) if a <= x < b) for x in (row, col)]
    return 3 * band[0] + band[1]


def peak(weights) -> tuple[int, int, float]:
    """The most attended cell: (row, col, its weight)."""
    grid = attention_grid(weights)
    row, col = np.unravel_index(int(np.argmax(grid)), grid.shape)
    return int(row), int(col), float(grid[row, col])


def looked_there(weights, region: int, top: int = TOP_REGIONS) -> bool:
    """Right: the region holds the most attended cell, or is among the `top` regions by mean weight with at
    least half the highest mean (a region barely looked at is not right because the rest is darker still)."""
    row, col, _ = peak(weights)
    means = region_means(weights)
    ranked = list(np.argsort(-means, kind="stable"))
    return region == region_of(row, col) or (region in ranked[:top] and means[region] >= means.max() / 2)


def word_to_find(written: Written, photo: str, seed: int) -> int | None:
    """The step of the caption to ask about, picked by the photo and the seed among its content words (not a
    function word, not <unk>; any word when it has none); None for an empty caption."""
    words = [i for i, w in enumerate(written.tokens) if w != END]
    content = [i for i in words if written.tokens[i] not in FUNCTION_WORDS and written.tokens[i].isalpha()] or words
    if not content:
        return None
    pick = int(hashlib.sha1(f"{photo}:{seed}".encode()).hexdigest()[:8], 16)
    return random.Random(pick).choice(content)


# ---------------------------------------------------------------- how sure it was
def word_probabilities(written: Written) -> list[float]:
    """Each written word's probability when the decoder wrote it (the end mark left out). A word outside the
    five recorded candidates (a sample, say) gets the fifth one's probability, an upper bound."""
    out = []
    for step, word in zip(written.decoded.steps, written.tokens):
        if word == END:
            continue
        probs = dict(step.candidates)
        out.append(probs.get(step.token, min(probs.values(), default=0.0)))
    return out


# ---------------------------------------------------------------- the page's exercises
def exercises(written: Written, photo: str, seed: int) -> list[Exercise]:
    """The exercises for the caption on the page (`written`, by the page's method), its photo's digest and the
    page's seed."""
    found = [where_exercise(written, photo, seed), unsure_exercise(written)]
    return [ex for ex in found if ex is not None]


def region_name(index: int) -> str:
    return t(f"ex.captioning.region.{REGIONS[index]}")


def where_exercise(written: Written, photo: str, seed: int) -> Exercise | None:
    step = word_to_find(written, photo, seed)
    if step is None:
        return None
    weights = np.asarray(written.decoded.steps[step].attention, dtype=float)
    means, (row, col, top_weight) = region_means(weights), peak(weights)
    word = written.tokens[step]
    options = [region_name(i) for i in range(len(REGIONS))]
    facts = dict(word=word, number=step + 1, row=row + 1, col=col + 1, weight=f"{top_weight:.3f}",
                 peak=region_name(region_of(row, col)))

    def check(answer) -> Verdict:
        if answer not in options:
            return Verdict(False, t("ex.empty"))
        region = options.index(answer)
        right = looked_there(weights, region)
        rank = list(np.argsort(-means, kind="stable")).index(region) + 1
        return Verdict(right, t("ex.captioning.where.right" if right else "ex.captioning.where.wrong", region=answer,
                                mean=f"{means[region]:.3f}", rank=rank, **facts))

    best = int(np.argmax(means))
    question = t("ex.captioning.where.question", **facts)
    solution = t("ex.captioning.where.solution", best=region_name(best), mean=f"{means[best]:.3f}", **facts)
    return Exercise("cap_where", question, check, solution, options=options)


def unsure_exercise(written: Written) -> Exercise | None:
    probs = word_probabilities(written)
    if len(probs) < 2:
        return None
    words = [w for w in written.tokens if w != END]  # as written, one a step (probs: the same order)
    options = [f"{i + 1}: {w}" for i, w in enumerate(words)]
    least = int(np.argmin(probs))

    def check(answer) -> Verdict:
        if answer not in options:
            return Verdict(False, t("ex.empty"))
        i = options.index(answer)
        key = "ex.captioning.unsure.right" if i == least else "ex.captioning.unsure.wrong"
        return Verdict(i == least, t(key, word=answer, p=f"{probs[i]:.3f}"))

    table = ", ".join(f"{w} {p:.3f}" for w, p in zip(words, probs))
    solution = t("ex.captioning.unsure.solution", word=options[least], p=f"{probs[least]:.3f}", table=table)
    question = t("ex.captioning.unsure.question", caption=written.text)
    return Exercise("cap_unsure", question, check, solution, options=options)
