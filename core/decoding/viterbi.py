"""Tag sequences from per-token tag probabilities: Viterbi over the IOB2 transitions, so an `I-X` tag only
ever follows `B-X` or `I-X` (never an orphan `I-` that starts an entity of its own)."""
import torch
from torch import Tensor


def is_iob(tags) -> bool:
    """Whether a tag set is IOB (O, B-TYPE, I-TYPE: entities, decoded with Viterbi below); any other tag set
    (parts of speech) is decoded token by token."""
    tags = list(tags)
    return bool(tags) and all(t == "O" or (t[:2] in ("B-", "I-") and len(t) > 2) for t in tags)


def allowed_transitions(tags: list[str]) -> tuple[Tensor, Tensor]:
    """(K,) which tags may start a sentence, and (K, K) which tag j may follow tag i, under IOB2."""
    def may_follow(prev: str | None, tag: str) -> bool:
        if not tag.startswith("I-"):
            return True
        return prev is not None and prev[:2] in ("B-", "I-") and prev[2:] == tag[2:]

    start = torch.tensor([may_follow(None, t) for t in tags])
    follow = torch.tensor([[may_follow(p, t) for t in tags] for p in tags])
    return start, follow


def viterbi(log_probs: Tensor, lengths: Tensor, start: Tensor, follow: Tensor) -> list[list[int]]:
    """For each sentence, the most probable tag path (sum of per-token log probabilities) that obeys the
    transitions. log_probs (B, T, K) padded; lengths (B,); start (K,) bool; follow (K, K) bool."""
    B, T, K = log_probs.shape
    if T == 0:
        return [[] for _ in range(B)]
    forbid = torch.tensor(float("-inf"))
    trans = torch.where(follow, 0.0, forbid)  # (K prev, K next)
    score = torch.where(start, log_probs[:, 0], forbid)  # (B, K)
    stay = torch.arange(K).expand(B, K)  # past a sentence's end its path stays where it is
    back = []
    for t in range(1, T):
        best_score, best = (score[:, :, None] + trans).max(1)  # (B, K next)
        real = (t < lengths)[:, None]  # (B, 1)
        score = torch.where(real, best_score + log_probs[:, t], score)
        back.append(torch.where(real, best, stay))
    path = [score.argmax(-1)]  # (B,)
    for best in reversed(back):
        path.append(best.gather(1, path[-1][:, None])[:, 0])
    paths = torch.stack(path[::-1], 1).tolist()  # (B, T)
    return [p[:n] for p, n in zip(paths, lengths.tolist())]


def orphans(tags: list[str]) -> list[int]:
    """Positions of I- tags that do not continue an entity of their type (none in valid IOB2)."""
    return [i for i, t in enumerate(tags)
            if t.startswith("I-") and (i == 0 or tags[i - 1] == "O" or tags[i - 1][2:] != t[2:])]


def entities(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, start, end) of each entity in IOB2 tags, end exclusive, read as conlleval reads them
    (an orphan I-X starts an entity)."""
    found = []
    for i, tag in enumerate(tags + ["O"]):
        inside = found and found[-1][2] == i and tag.startswith("I-") and tag[2:] == found[-1][0]
        if inside:
            found[-1][2] = i + 1
        elif tag != "O":
            found.append([tag[2:], i, i + 1])
    return [tuple(e) for e in found]
