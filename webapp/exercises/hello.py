"""Exercises on the Hello RNN page, made from the live network (its snapshot and its backward pass): compute
one unit of h_t by hand, name the letter it predicts at a step, and say which entry of W_hy the next step of
gradient descent changes most. The network's seed picks the step, the unit and the entries asked about, and
the weights the answers come from, so another seed gives other exercises. Computing here; Streamlit only
through `t` and the shared `Exercise`."""
import numpy as np

from core.lessons.hello import Backward, Snapshot

from ..charts import show_token
from ..i18n import t
from .base import Exercise, Verdict, parse_number

SHOWN = 3  # decimals of the numbers a question shows
ROUNDED = 0.005  # an answer to two decimals is this far from the exact value at most
ENTRIES = 4  # entries of W_hy offered as choices


def picker(seed: int) -> np.random.Generator:
    """The exercises' own random choices, from the network's seed."""
    return np.random.default_rng([seed, 24])


def row(values: np.ndarray) -> str:
    """A vector as the question writes it: [0.123, -0.456]."""
    return "[" + ", ".join(f"{float(v):.{SHOWN}f}" for v in values) + "]"


def unit_tolerance(snap: Snapshot, t_: int, i: int) -> float:
    """How far a careful answer for h_t[i] may be from the network's own number: two decimals of rounding,
    plus what the question's rounded numbers (SHOWN decimals) can shift the sum inside the tanh (tanh's
    slope is at most 1)."""
    half = 0.5 * 10 ** -SHOWN
    products = np.abs(snap.W_hh[i]).sum() + np.abs(snap.h_prev[t_]).sum() + snap.h_prev.shape[1] * half
    return ROUNDED + half * (float(products) + 2) + 1e-9  # + W_xh's entry and b_i


def unit_exercise(snap: Snapshot, rng: np.random.Generator) -> Exercise:
    """h_t[i] = tanh(W_hh[i] · h_{t-1} + W_xh[i, x_t] + b[i]) from the numbers in the question."""
    T, H = snap.h.shape
    t_ = int(rng.integers(1, T)) if T > 1 else 0  # a step with an h_{t-1} that is not all zeros, when there is one
    i = int(rng.integers(H))
    letter = snap.inputs[t_]
    column = snap.vocab.index(letter)
    expected = float(snap.h[t_, i])
    inside = float(snap.W_hh[i] @ snap.h_prev[t_] + snap.W_xh[i, column] + snap.b[i])
    values = dict(t=t_ + 1, unit=i + 1, letter=show_token(letter), h_prev=row(snap.h_prev[t_]), w_hh=row(snap.W_hh[i]),
                  w_xh=f"{snap.W_xh[i, column]:.{SHOWN}f}", b=f"{snap.b[i]:.{SHOWN}f}", inside=f"{inside:.4f}",
                  h=f"{expected:.4f}", answer=f"{expected:.2f}")
    tolerance = unit_tolerance(snap, t_, i)

    def check(answer) -> Verdict:
        got = parse_number(answer)
        if got is None:
            return Verdict(False, t("ex.not_a_number"))
        if abs(got - expected) <= tolerance:
            return Verdict(True, t("ex.hello.unit.right", **values))
        if abs(got - inside) <= tolerance and abs(inside - expected) > tolerance:
            return Verdict(False, t("ex.hello.unit.no_tanh", **values))
        return Verdict(False, t("ex.hello.unit.wrong", **values))

    return Exercise("hello_unit", t("ex.hello.unit.q", **values), check, t("ex.hello.unit.solution", **values))


def predict_exercise(snap: Snapshot, steps: int, rng: np.random.Generator) -> Exercise:
    """The letter the network predicts after reading step t's input (its largest softmax probability), after
    `steps` steps of training (in the question, so that a verdict is dropped once the network has trained)."""
    t_ = int(rng.integers(len(snap.inputs)))
    probs = snap.probs[t_]
    predicted = snap.vocab[int(probs.argmax())]
    values = dict(t=t_ + 1, steps=steps, letter=show_token(snap.inputs[t_]), target=show_token(snap.targets[t_]),
                  predicted=show_token(predicted), p=f"{probs.max():.3f}",
                  probs=", ".join(f"{show_token(c)} {p:.3f}" for c, p in zip(snap.vocab, probs)))
    options = [show_token(c) for c in snap.vocab]

    def check(answer) -> Verdict:  # (not choice_check: its str.format would read a letter "{" as a placeholder)
        right = answer == show_token(predicted)
        return Verdict(right, t("ex.hello.predict.right" if right else "ex.hello.predict.wrong", **values))

    return Exercise("hello_predict", t("ex.hello.predict.q", **values), check,
                    t("ex.hello.predict.solution", **values), options=options)


def entry_name(vocab: list[str], r: int, c: int) -> str:
    """W_hy's entry (row r: a letter, column c: a hidden unit) as the choices name it: 'l, h2'."""
    return f"{show_token(vocab[r])}, h{c + 1}"


def gradient_exercise(snap: Snapshot, back: Backward, lr: float, steps: int, rng: np.random.Generator) -> Exercise:
    """Which of a few entries of W_hy the next step changes most: the largest |∂L/∂W_hy|, since each weight
    moves by −η ∂L/∂W. The choices: the largest entry of all and others the seed picks, in the seed's order."""
    grad = back.grads["W_hy"]  # (V, H)
    size = np.abs(grad)
    top = np.unravel_index(int(size.argmax()), grad.shape)
    others = [ix for ix in np.ndindex(grad.shape) if ix != top]
    chosen = [top] + [others[j] for j in rng.permutation(len(others))[:ENTRIES - 1]]
    chosen = [chosen[j] for j in rng.permutation(len(chosen))]
    names = {entry_name(snap.vocab, r, c): (r, c) for r, c in chosen}
    best = max(size[ix] for ix in chosen)
    values = dict(best=entry_name(snap.vocab, *top), lr=f"{lr:g}", steps=steps, grad=f"{grad[top]:+.4f}",
                  change=f"{-lr * grad[top]:+.4f}",
                  all=", ".join(f"{name} {grad[ix]:+.4f}" for name, ix in names.items()))

    def check(answer) -> Verdict:
        ix = names.get(answer)
        if ix is None:
            return Verdict(False, t("ex.empty"))
        if size[ix] >= best - 1e-12:  # (a tie for the largest: either is right)
            return Verdict(True, t("ex.hello.grad.right", **values))
        return Verdict(False, t("ex.hello.grad.wrong", got=answer, got_grad=f"{grad[ix]:+.4f}", **values))

    return Exercise("hello_grad", t("ex.hello.grad.q", **values), check, t("ex.hello.grad.solution", **values),
                    options=list(names))


def build(snap: Snapshot, back: Backward, seed: int, lr: float, steps: int) -> list[Exercise]:
    """The page's exercises on the network as it is now (snapshot and backward pass, after `steps` steps of
    training), picked by its seed; `lr`: the learning rate on the screen, which the next step uses."""
    rng = picker(seed)
    return [unit_exercise(snap, rng), predict_exercise(snap, steps, rng),
            gradient_exercise(snap, back, lr, steps, rng)]
