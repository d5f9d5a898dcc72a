"""Tag sequences from per-token tag probabilities: Viterbi over the IOB2 transitions, so an `I-X` tag only
ever follows `B-X` or `I-X` (never an orphan `I-` that starts an entity of its own)."""
import torch
from torch import Tensor


def allowed_transitions(tags: list[str]) -> tuple[Tensor, Tensor]:
    """(K,) which tags may start a sentence, and (K, K) which tag j may follow tag i, under IOB2."""
    def may_follow(prev: str | None, tag: str) -> bool:
        if not tag.startswith("I-"):
            return True
        return prev is not None and prev[:2] in ("B-", "I-") and prev[2:] == tag[2:]

    start = torch.tensor([may_follow(None, t) for t in tags])
    follow = torch.tensor([[may_follow(p, t) for t in tags] for p in tags])
    return start, follow


def viterbi(log_probs: Tensor, start: Tensor, follow: Tensor) -> list[int]:
    """The most probable tag path (sum of per-token log probabilities) that obeys the transitions.
    log_probs (T, K); start (K,) bool; follow (K, K) bool -> T tag ids."""
    T, K = log_probs.shape
    if T == 0:
        return []
    forbid = torch.tensor(float("-inf"))
    trans = torch.where(follow, 0.0, forbid)  # (K, K)
    score = torch.where(start, log_probs[0], forbid)  # (K,)
    back = []
    for t in range(1, T):
        total = score[:, None] + trans  # (K prev, K next)
        score, best = total.max(0)
        score = score + log_probs[t]
        back.append(best)
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


def orphans(tags: list[str]) -> list[int]:
    """Positions of I- tags that do not continue an entity of their type (none in valid IOB2)."""
    return [i for i, t in enumerate(tags)
            if t.startswith("I-") and (i == 0 or tags[i - 1] == "O" or tags[i - 1][2:] != t[2:])]
