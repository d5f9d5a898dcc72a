"""Looking inside a trained recurrent model: replay one text step by step (core's `trace`) and turn
what it recorded into arrays for the charts. Shared by every page that shows hidden states."""
import hashlib
from dataclasses import dataclass

import numpy as np
import torch

from core.tasks.base import Bundle
from core.tasks.registry import TASKS

MAX_TRACE = 400  # characters replayed at most: the step-by-step replay is for one short text
GATES = ("input", "forget", "output", "reset", "update")  # recorded values in [0, 1]


@dataclass
class Inside:
    tokens: list[str]
    states: dict[str, np.ndarray]  # "hidden", "cell" (LSTM), then each gate -> (L, T, H)
    top_tokens: list[list[str]] | None = None  # lm: at each position, the k most likely next tokens
    top_probs: np.ndarray | None = None  # lm: (T, k) their probabilities
    truncated: bool = False

    @property
    def layers(self) -> int:
        return next(iter(self.states.values())).shape[0]


def trace_lm(bundle: Bundle, text: str, k: int = 5, max_tokens: int = MAX_TRACE) -> Inside:
    """Replay a language model over `text` (its first max_tokens characters). DataError for characters
    the model never saw, or for an empty text."""
    spec = TASKS["lm"]
    ids = spec.encode(bundle, text[:max_tokens])  # (T,)
    if len(ids) == 0:
        from core.errors import DataError
        raise DataError("type some text first")
    model = bundle.model
    with torch.no_grad():
        logits, trace = model.trace(ids[None].to(bundle.device))  # (1, T, V)
    probs = torch.softmax(logits[0].float(), -1).cpu()  # (T, V)
    top = torch.topk(probs, min(k, probs.size(-1)), dim=-1)
    itos = bundle.vocab.itos
    return Inside(tokens=bundle.vocab.decode(ids.tolist()), states=states_of(trace),
                  top_tokens=[[itos[i] for i in row] for row in top.indices.tolist()],
                  top_probs=top.values.numpy(), truncated=len(text) > max_tokens)


def text_id(model_key, tokens: list[str]) -> str:
    """A short name for one model's look at one text (what a pick on that text belongs to)."""
    return hashlib.sha1(repr((model_key, tokens)).encode()).hexdigest()[:12]


def known_chars(bundle: Bundle) -> str:
    """The characters a character model can read, as one line (whitespace shown as names)."""
    chars = [c for c in bundle.vocab.itos if len(c) == 1]
    shown = {" ": "␣", "\n": "⏎", "\t": "⇥"}
    return "".join(shown.get(c, c) for c in sorted(chars))


def states_of(trace, batch: int = 0) -> dict[str, np.ndarray]:
    """Trace -> {"hidden": (L, T, H), "cell": ..., gate: ...} for one sequence of the batch."""
    out = {"hidden": trace.hidden[:, batch].float().cpu().numpy()}
    if trace.cell is not None:
        out["cell"] = trace.cell[:, batch].float().cpu().numpy()
    for name, values in trace.gates.items():
        out[name] = values[:, batch].float().cpu().numpy()
    return out


def rank_units(values: np.ndarray, start: int, end: int, n: int = 10) -> list[tuple[int, float]]:
    """The units (columns of values (T, U)) that stand out most in positions start..end (inclusive):
    the mean inside minus the mean outside, largest magnitude first (sign kept). With nothing outside,
    the mean inside."""
    values = np.asarray(values, dtype=float)
    T = values.shape[0]
    if not 0 <= start <= end < T:
        raise ValueError(f"selection {start}..{end} is outside 0..{T - 1}")
    inside = values[start:end + 1].mean(0)
    mask = np.ones(T, bool)
    mask[start:end + 1] = False
    score = inside - values[mask].mean(0) if mask.any() else inside
    order = np.argsort(-np.abs(score), kind="stable")[:n]
    return [(int(u), float(score[u])) for u in order]


# ---------------------------------------------------------------- spans of a text, for the neuron finder
QUOTES = "\"'"


def word_at(tokens: list[str], i: int) -> tuple[int, int]:
    """The word (letters and digits) around position i, or (i, i) for any other character."""
    if not tokens[i].isalnum():
        return i, i
    a, b = i, i
    while a > 0 and tokens[a - 1].isalnum():
        a -= 1
    while b + 1 < len(tokens) and tokens[b + 1].isalnum():
        b += 1
    return a, b


def words(tokens: list[str]) -> list[tuple[int, int]]:
    """Every word's (first, last) position."""
    out, i = [], 0
    while i < len(tokens):
        if tokens[i].isalnum():
            out.append(word_at(tokens, i))
            i = out[-1][1]
        i += 1
    return out


def quoted(tokens: list[str], longest: int = 80) -> list[tuple[int, int]]:
    """The stretches inside a pair of quotes (" or '), quotes left out, on one line: an opening quote
    follows a non-letter and precedes a letter, a closing one the reverse ('tis and o'er open nothing)."""
    out = []
    for q in QUOTES:
        start = None
        for i, c in enumerate(tokens):
            if c == "\n":
                start = None
            elif c == q:
                before = tokens[i - 1] if i else " "
                after = tokens[i + 1] if i + 1 < len(tokens) else " "
                if start is None and not before.isalnum() and after.isalnum():
                    start = i
                elif start is not None and before.isalnum() and not after.isalnum():
                    if i - start - 1 <= longest:
                        out.append((start + 1, i - 1))
                    start = None
    return sorted(out)


def speakers(tokens: list[str]) -> list[tuple[int, int]]:
    """Capitalised names at a line's start followed by ':' (a play's speakers: ROMEO:)."""
    out = []
    for a, b in words(tokens):
        name = "".join(tokens[a:b + 1])
        line_start = a == 0 or tokens[a - 1] == "\n"
        if line_start and len(name) >= 3 and name.isupper() and b + 1 < len(tokens) and tokens[b + 1] == ":":
            out.append((a, b))
    return out


def default_span(tokens: list[str]) -> tuple[int, int]:
    """Where the neuron finder starts: a quoted stretch, else a speaker's name, else the longest word
    (the first of them), else the first ten characters."""
    for found in (quoted(tokens), speakers(tokens)):
        if found:
            return found[0]
    found = words(tokens)
    if found:
        return max(found, key=lambda s: (s[1] - s[0], -s[0]))
    return 0, min(len(tokens) - 1, 9)


def span_of(picked: list[int], tokens: list[str]) -> tuple[int, int] | None:
    """Characters clicked on the text -> the span from the first one's word to the last one's."""
    picked = [i for i in picked if isinstance(i, int) and 0 <= i < len(tokens)]
    if not picked:
        return None
    return word_at(tokens, min(picked))[0], word_at(tokens, max(picked))[1]


def spans_to_offer(tokens: list[str], most: int = 300) -> list[tuple[int, int]]:
    """Spans a person may pick from a list: the quoted stretches, then the words, in text order."""
    return sorted(set(quoted(tokens)) | set(words(tokens)))[:most]
