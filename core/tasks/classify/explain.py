"""Why a classifier said what it said: how its answer formed token by token, and which tokens mattered.

Both work on one text at a time, given as the classifier's token ids (see `encode`):

- `over_time`: the class probabilities after each prefix of the text. For a one-way network this is the
  head applied to the pooled hidden states up to each step (one pass); a two-way network's backward
  direction reads the future, so it is run again on every prefix. The last row is the model's answer.
- `saliency`: one signed score per token, positive where the token pushes towards the class asked about:
  gradient × input (the gradient of the class's log-probability with respect to the token's input
  vector, dotted with that vector), or leave-one-out (how much the class's probability falls when
  the token is left out).
"""
import torch
from torch import Tensor

from core.errors import DataError
from core.nn.rnn import Trace
from core.tasks.base import Bundle
from core.tasks.classify.mixture import Mixture
from core.tasks.classify.task import ClassifyTask

MAX_EXPLAIN_TOKENS = 400  # longer texts are cut for explanations (a two-way net reruns every prefix)
SALIENCY_METHODS = ("gradient", "leave-one-out")


def encode(bundle: Bundle, text: str, max_tokens: int = MAX_EXPLAIN_TOKENS) -> tuple[list[str], Tensor, bool]:
    """The tokens the classifier reads (cut to max_tokens), their ids (T,), and whether the text was cut."""
    _require_classifier(bundle)
    tokens = ClassifyTask().tokens(bundle.cfg, text or "")
    if not tokens:
        raise DataError("type some text first (it has no words or characters the model could read)")
    cut = len(tokens) > max_tokens
    tokens = tokens[:max_tokens]
    return tokens, torch.tensor(bundle.vocab.encode(tokens), dtype=torch.long), cut


def over_time(bundle: Bundle, ids: Tensor) -> Tensor:
    """ids (T,) -> (T, C): row t holds the class probabilities after reading tokens 0..t."""
    model = _require_classifier(bundle).model
    ids = ids.to(bundle.device)
    T = ids.numel()
    with torch.no_grad():
        if model.rnn.num_directions == 1 and not isinstance(model, Mixture):  # a mixture's words: other steps
            out, _ = model.rnn(model.embed(ids[None]))  # (1, T, H): h_t depends on tokens 0..t only
            out = out[0]
            steps = torch.arange(1, T + 1, device=out.device)[:, None]  # (T, 1)
            pooled = {"last": lambda: out,
                      "mean": lambda: out.cumsum(0) / steps,
                      "max": lambda: out.cummax(0).values}[bundle.cfg.pooling]()  # (T, H)
            logits = model.head(pooled)  # (T, C)
        else:
            lengths = torch.arange(1, T + 1)
            prefixes = ids[None, :].expand(T, T).masked_fill(torch.arange(T, device=ids.device)[None, :]
                                                            >= lengths.to(ids.device)[:, None], 0)  # (T, T)
            logits = torch.cat([model(prefixes[i:i + 64], lengths=lengths[i:i + 64])[0]
                                for i in range(0, T, 64)])  # (T, C)
    return torch.softmax(logits.float(), -1).cpu()


def saliency(bundle: Bundle, ids: Tensor, target: int | None = None, method: str = "gradient") -> Tensor:
    """ids (T,) -> (T,) scores for class `target` (default: the predicted class); positive = for it."""
    model = _require_classifier(bundle).model
    if method not in SALIENCY_METHODS:
        raise ValueError(f"saliency method must be one of {', '.join(SALIENCY_METHODS)}, not {method!r}")
    ids = ids.to(bundle.device)
    T = ids.numel()
    lengths = torch.tensor([T])
    if target is None:
        with torch.no_grad():
            target = int(model(ids[None], lengths=lengths)[0][0].argmax())
    if method == "gradient":
        x = model.embed(ids[None]).detach().requires_grad_(True)  # (1, T, E)
        with torch.enable_grad(), torch.backends.cudnn.flags(enabled=False):  # cuDNN's RNN backward needs train mode
            log_p = torch.log_softmax(model.classify(x, lengths).float(), -1)[0, target]
            (grad,) = torch.autograd.grad(log_p, x)
        return (grad * x).sum(-1)[0].detach().cpu()  # (T,)
    with torch.no_grad():
        full = torch.softmax(model(ids[None], lengths=lengths)[0].float(), -1)[0, target]
        if T == 1:
            return (full - 1 / model.cfg.num_labels).reshape(1).cpu()  # without it: no evidence at all
        keep = ~torch.eye(T, dtype=torch.bool, device=ids.device)  # (T, T): row t leaves token t out
        without = ids[None, :].expand(T, T)[keep].view(T, T - 1)  # (T, T-1)
        probs = torch.cat([torch.softmax(model(without[i:i + 64])[0].float(), -1)[:, target]
                           for i in range(0, T, 64)])  # (T,)
    return (full - probs).cpu()


def trace(bundle: Bundle, ids: Tensor) -> Trace:
    """Every hidden state (and cell state and gate) while reading the text, for heatmaps."""
    model = _require_classifier(bundle).model
    with torch.no_grad():
        return model.trace(ids[None].to(bundle.device))[1]


def _require_classifier(bundle: Bundle) -> Bundle:
    if bundle.cfg.task != "classify":
        raise DataError("explanations are for classifiers; this model is a " + bundle.cfg.task + " model")
    return bundle


__all__ = ["MAX_EXPLAIN_TOKENS", "SALIENCY_METHODS", "encode", "over_time", "saliency", "trace"]
