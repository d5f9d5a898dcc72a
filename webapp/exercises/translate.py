"""The translate page's exercises, made from what the live model just wrote (a `webapp.translate.Written`):
which source token the decoder looked at most when it wrote a word (the attention row's maximum), which
written word the decoder found least likely (each step's probabilities), and for the chatbot which
reranked candidate scores highest and why. The exercise seed picks the step and the choices. No Streamlit
here but the strings (`t`)."""
import random
from collections.abc import Callable

import numpy as np

from ..charts import show_token
from ..chat import chosen
from ..i18n import t
from .base import Exercise, Verdict
from .tagging import plain

EOS = "</s>"
MAX_OPTIONS = 8  # source tokens offered (the most attended ones, in source order)
CLEAR = 0.05  # an attention row's maximum must beat the runner-up by this much to be asked about
SHOWN_WORDS = 4  # written words offered in "least likely"
SHOWN_CANDIDATES = 4  # reranked candidates offered


def shown(token: str) -> str:
    """A token as the page shows it (a space as ␣), safe in markdown."""
    return plain(show_token(token))


def option(i: int, token: str) -> str:
    """A token as a choice, its place first (a character-level source repeats its tokens)."""
    return f"{i + 1}: {shown(token)}"


def _choice(options: list[str], right: int, right_text: str, wrong_text: Callable[[int], str]) -> Callable:
    """check(answer): right for options[right]; wrong_text(i) explains the option i picked."""
    def check(answer) -> Verdict:
        if answer == options[right]:
            return Verdict(True, right_text)
        if answer not in options:
            return Verdict(False, t("ex.translate.pick"))
        return Verdict(False, wrong_text(options.index(answer)))
    return check


# ---------------------------------------------------------------- 1. where the decoder looked


def clear_steps(attention: np.ndarray, steps: list[str]) -> list[int]:
    """The written steps (not </s>) whose attention row has one clear maximum (all such steps if none has)."""
    written = [k for k, token in enumerate(steps) if token != EOS]
    clear = [k for k in written if len(attention[k]) < 2 or np.diff(np.sort(attention[k])[-2:])[0] >= CLEAR]
    return clear or written


def looked_at(written, seed: int, key: str) -> Exercise | None:
    """Exercise: which source token the decoder looked at most while writing the step the seed picks (None
    without attention or without a written word)."""
    attention = np.asarray(written.attention, dtype=float)  # (T, S)
    if attention.size == 0 or not attention.any():
        return None
    steps = clear_steps(attention, written.steps)
    if not steps:
        return None
    k = random.Random(f"{key}:{seed}").choice(steps)
    row = attention[k]  # (S,)
    top = int(row.argmax())
    offered = sorted(np.argsort(-row, kind="stable")[:MAX_OPTIONS].tolist())  # the most attended, in source order
    options = [option(i, written.source[i]) for i in offered]
    ranked = np.argsort(-row, kind="stable")
    runner = int(ranked[1]) if len(row) > 1 else top
    word = shown(written.steps[k])
    right = t("ex.translate.looked.right", step=k + 1, word=word, token=shown(written.source[top]),
              w=f"{row[top]:.3f}", second=shown(written.source[runner]), w2=f"{row[runner]:.3f}")

    def wrong(i: int) -> str:
        s = offered[i]
        return t("ex.translate.looked.wrong", step=k + 1, token=shown(written.source[s]), w=f"{row[s]:.3f}")

    weights = ", ".join(f"{shown(written.source[i])} {row[i]:.3f}" for i in ranked[:MAX_OPTIONS])
    question = t("ex.translate.looked.question", word=word, step=k + 1)
    solution = t("ex.translate.looked.solution", step=k + 1, weights=weights, token=shown(written.source[top]))
    return Exercise(key, question, _choice(options, offered.index(top), right, wrong), solution, options=options)


# ---------------------------------------------------------------- 2. the least likely word


def kept_probabilities(written) -> dict[int, float]:
    """Step -> the probability the decoder gave the word it kept there, for the written words (not </s>)
    that are among their step's top candidates (the page's bars show these)."""
    found = {}
    for k, (token, candidates) in enumerate(zip(written.steps, written.candidates)):
        p = next((p for c, p in candidates if c == token), None)
        if token != EOS and p is not None:
            found[k] = float(p)
    return found


def least_likely(written, seed: int, key: str) -> Exercise | None:
    """Exercise: of a few written words the seed picks, which one the decoder gave the lowest probability
    when it wrote it (None with fewer than two such words)."""
    kept = kept_probabilities(written)
    if len(kept) < 2:
        return None
    steps = sorted(random.Random(f"{key}:{seed}").sample(sorted(kept), min(SHOWN_WORDS, len(kept))))
    low = min(steps, key=lambda k: kept[k])
    options = [option(k, written.steps[k]) for k in steps]
    top, p_top = written.candidates[low][0]
    how = (t("ex.translate.unlikely.top") if top == written.steps[low] else
           t("ex.translate.unlikely.not_top", top=shown(top), p_top=f"{p_top:.3f}"))
    right = t("ex.translate.unlikely.right", step=low + 1, word=shown(written.steps[low]), p=f"{kept[low]:.3f}",
              how=how)

    def wrong(i: int) -> str:
        k = steps[i]
        return t("ex.translate.unlikely.wrong", step=k + 1, word=shown(written.steps[k]), p=f"{kept[k]:.3f}")

    rows = ", ".join(f"{k + 1}: {shown(written.steps[k])} {kept[k]:.3f}" for k in steps)
    question = t("ex.translate.unlikely.question", output=plain(written.text))
    solution = t("ex.translate.unlikely.solution", rows=rows, word=shown(written.steps[low]))
    return Exercise(key, question, _choice(options, steps.index(low), right, wrong), solution, options=options)


# ---------------------------------------------------------------- 3. the chatbot's reranking


def reply_winner(written, question_asked: str, seed: int, key: str, weight: float, mmi: float) -> Exercise | None:
    """Exercise: of a few reranked candidates (the best one and others the seed picks), which scores highest,
    the reply at temperature 0; the solution adds up its score. None for a reply that was not reranked."""
    if chosen(written) is None:
        return None
    candidates = written.decoded.candidates  # best score first
    texts = list(dict.fromkeys(c.text for c in candidates))  # one choice per reply
    if len(texts) < 2:
        return None
    best = {text: max((c for c in candidates if c.text == text), key=lambda c: c.score) for text in texts}
    others = random.Random(f"{key}:{seed}").sample(texts[1:], min(SHOWN_CANDIDATES - 1, len(texts) - 1))
    offered = sorted([texts[0], *others], key=lambda text: random.Random(f"{key}:{seed}:{text}").random())
    options = [f"{i + 1}: {plain(text)}" for i, text in enumerate(offered)]

    def sum_of(text: str) -> str:
        c = best[text]
        prior = t("ex.translate.winner.prior", mmi=f"{mmi:g}", prior=f"{c.prior:.3f}") if mmi else ""
        return t("ex.translate.winner.sum", reply=plain(text), logprob=f"{c.logprob:.3f}", prior=prior,
                 weight=f"{weight:g}", similarity=f"{c.similarity:.3f}", score=f"{c.score:.3f}",
                 origin=t(f"tr.chat.origin.{c.origin}"))

    right = t("ex.translate.winner.right", sum=sum_of(texts[0]), reply=plain(written.text))
    question = t("ex.translate.winner.question", asked=plain(question_asked))
    solution = "\n".join(f"- {sum_of(text)}" for text in sorted(offered, key=lambda x: -best[x].score))
    wrong = lambda i: t("ex.translate.winner.wrong", sum=sum_of(offered[i]))  # noqa: E731
    return Exercise(key, question, _choice(options, offered.index(texts[0]), right, wrong), solution, options=options)


def exercises(written, seed: int, mode: str, asked: str = "", weight: float = 0.0, mmi: float = 0.0) -> list[Exercise]:
    """The exercises on one written output: where it looked and the least likely word (translate, your own
    model); where it looked and the reranking's winner (chat)."""
    prefix = "translate" if mode == "translate" else f"translate_{mode}"
    found = [looked_at(written, seed, f"{prefix}_looked")]
    if mode == "chat" and chosen(written) is not None:
        found.append(reply_winner(written, asked, seed, f"{prefix}_winner", weight, mmi))
    else:
        found.append(least_likely(written, seed, f"{prefix}_unlikely"))
    return [e for e in found if e is not None]
