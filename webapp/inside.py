"""Looking inside a trained recurrent model: replay one text step by step (core's `trace`) and turn
what it recorded into arrays for the charts. Shared by every page that shows hidden states."""
from dataclasses import dataclass

import numpy as np
import torch

from core.tasks import TASKS, Bundle

MAX_TRACE = 400  # characters replayed at most: the step-by-step replay is for one short text


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
