"""The tagging page's exercises, made from the live tagger: tag a short sentence yourself (checked against the
annotators' gold tags where the sentence comes from the task's shipped dev file, else against the model's),
and say which word the model is least sure of (the lowest probability of a chosen tag). The exercise seed
picks the sentence. No Streamlit here but the strings (`t`)."""
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from core.errors import RNNLabError
from core.tasks.base import Bundle
from core.tasks.registry import TASKS
from core.text import segment

from ..i18n import t
from ..tagging import read_conll
from .base import Exercise, Verdict

SHORTEST, LONGEST = 4, 9  # words of a dev sentence to tag by hand
LONGEST_EXAMPLE = 14  # words of a page example's sentence, when there is no dev file that fits
FITS = 0.9  # a dev file's tags fit a tagger when this share of its tag set is among the tagger's tags
UNSURE, GAP = 0.9, 0.05  # "least sure" sentences: one word's tag below 0.9, every other one at least 0.05 higher
FALLBACK = 20  # else the 20 least sure sentences
DEV_NAMES = {"ud_ewt": "UD English-EWT", "ud_korean_gsd": "UD Korean-GSD", "wnut17": "WNUT-17"}  # data/ folders


@dataclass(frozen=True)
class Practice:
    """One sentence to tag: its words, the model's tags and their probabilities (T, K) over `labels`, and the
    annotators' tags (None when the sentence has none that fit the model). `origin`: the dev file's name, or
    "" for one of the page's examples."""
    words: list[str]
    model: list[str]
    probs: np.ndarray
    labels: list[str]
    gold: list[str] | None
    origin: str

    @property
    def chosen_p(self) -> np.ndarray:
        """(T,): the probability the model gave the tag it chose for each word."""
        index = {tag: k for k, tag in enumerate(self.labels)}
        return self.probs[np.arange(len(self.words)), [index[tag] for tag in self.model]]

    def p(self, i: int, tag: str) -> float:
        """The probability the model gave word i the tag `tag`."""
        return float(self.probs[i, self.labels.index(tag)])


@lru_cache(maxsize=8)
def short_sentences(path: Path, task: str, column: str, mtime: float) -> tuple:
    """The short sentences of a dev file with their gold tags, ((words), (tags)) each (read once per file
    and version)."""
    sentences = read_conll(path.read_bytes(), path.name, task, column)
    return tuple((tuple(w), tuple(g)) for w, g in sentences if SHORTEST <= len(w) <= LONGEST)


def dev_sentences(bundle: Bundle, task: str, dev: Path | None) -> list[tuple[list[str], list[str]]]:
    """The dev file's short sentences with their gold tags ([] without a file that can be read)."""
    if dev is None or not dev.is_file():
        return []
    try:
        found = short_sentences(dev, task, bundle.cfg.tag_column or "upos", dev.stat().st_mtime)
    except (RNNLabError, OSError):
        return []
    return [(list(w), list(g)) for w, g in found]


def gold_sentences(bundle: Bundle, task: str, dev: Path | None) -> list[tuple[list[str], list[str]]]:
    """The dev file's short sentences whose gold tags the tagger knows, or [] when the file's tag set is not
    the tagger's (CoNLL-2003's entity types against WNUT-17's, UPOS against Sejong tags)."""
    found = dev_sentences(bundle, task, dev)
    labels = set(bundle.labels.itos)
    tags = {tag for _, gold in found for tag in gold}
    if not tags or len(tags & labels) < FITS * len(tags):
        return []
    return [(w, g) for w, g in found if set(g) <= labels]


def example_sentences(examples: Sequence[str]) -> list[list[str]]:
    """The page's examples cut into sentences of words, the short ones (all of them if none is short)."""
    found = [[tok.text for tok in s] for text in examples for s in segment.sentences(text)]
    short = [words for words in found if len(words) <= LONGEST_EXAMPLE]
    return short or found


def tag_sentences(bundle: Bundle, sentences: list[list[str]], gold: Sequence[list[str] | None] | None = None,
                  origin: str = "") -> list[Practice]:
    """The tagger's tags and probabilities for each sentence of words, in one batch."""
    task = TASKS["tag"]
    probs = task.tag_probabilities(bundle, sentences)  # [(T, K)]
    labels = list(bundle.labels.itos)
    gold = gold or [None] * len(sentences)
    return [Practice(words, tags, p.numpy(), labels, g, origin)
            for words, tags, p, g in zip(sentences, task.decode(bundle, probs), probs, gold)]


def practice(bundle: Bundle, task: str, seed: int, examples: Sequence[str], dev: Path | None) -> Practice:
    """The sentence to tag by hand that the exercise seed picks (from the dev file's short sentences with
    gold tags when they fit the tagger, else from the page's examples), tagged by the model."""
    pool = gold_sentences(bundle, task, dev)
    origin = DEV_NAMES.get(dev.parent.name, dev.parent.name) if pool and dev is not None else ""
    if not pool:
        pool = [(words, None) for words in example_sentences(examples)]
    words, gold = pool[random.Random(seed).randrange(len(pool))]
    return tag_sentences(bundle, [words], [gold], origin)[0]


def unsure_sentences(bundle: Bundle, task: str, examples: Sequence[str], dev: Path | None,
                     below: float = UNSURE, gap: float = GAP) -> list[Practice]:
    """The short sentences (the dev file's words, gold or not, and the page's examples) where the model is
    unsure of one word, clearly more than of any other: its chosen tag below `below`, the next lowest at
    least `gap` higher. When none is, the least sure sentences."""
    sentences = [w for w, _ in dev_sentences(bundle, task, dev)] + example_sentences(examples)
    tagged = tag_sentences(bundle, sentences)
    lows = [np.sort(p.chosen_p) for p in tagged]  # each (T,), lowest first
    clear = [p for p, low in zip(tagged, lows) if low[0] < below and (len(low) < 2 or low[1] - low[0] >= gap)]
    return clear or [tagged[i] for i in np.argsort([low[0] for low in lows], kind="stable")[:FALLBACK]]


def pick(candidates: Sequence[Practice], seed: int) -> Practice:
    """The candidate the exercise seed picks (another stream than the sentence to tag by hand)."""
    return candidates[random.Random(f"unsure:{seed}").randrange(len(candidates))]


def plain(text: str) -> str:
    """`text` shown as it is in markdown: the characters markdown (or Streamlit's $ for maths) would read
    escaped. For words and sentences put into the exercises' texts."""
    return re.sub(r"([\\`*_\[\]<>~|$#])", r"\\\1", str(text))


# ---------------------------------------------------------------- 1. tag it yourself


def parse_tags(answer, labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """An answer typed as tags separated by spaces or commas -> (the tags, spelled as the tagger spells them;
    the words typed that are none of its tags). Case does not matter."""
    by_upper = {label.upper(): label for label in labels}
    typed = [w for w in re.split(r"[\s,]+", str(answer or "").strip()) if w]
    return [by_upper.get(w.upper(), w) for w in typed], [w for w in typed if w.upper() not in by_upper]


def meanings(tags: Sequence[str], explain: Callable[[str], str]) -> str:
    """What each of these tags stands for, once each, where that is known: '`VERB` verb: run, eat; ...'."""
    known = [(tag, explain(tag)) for tag in dict.fromkeys(tags)]
    return "; ".join(f"`{tag}` {meaning}" for tag, meaning in known if meaning)


def differences(p: Practice, tags: list[str], explain: Callable[[str], str], key: str | None = None) -> str:
    """Markdown lines, one per word where `tags` differ from the reference (gold, else the model's): what
    each side said and the probabilities the model gave; then what those tags mean. `key`: the string of a
    line (default: the visitor's answer against gold, or against the model)."""
    reference = p.gold or p.model
    key = key or ("ex.tagging.tag.diff.gold" if p.gold else "ex.tagging.tag.diff.model")
    lines, named = [], []
    for i, (word, yours, ref) in enumerate(zip(p.words, tags, reference)):
        if yours != ref:
            lines.append(t(key, word=plain(word), yours=f"`{yours}`", model=f"`{p.model[i]}`", gold=f"`{ref}`",
                           p_yours=f"{p.p(i, yours):.3f}", p_model=f"{p.p(i, p.model[i]):.3f}",
                           p_gold=f"{p.p(i, ref):.3f}"))
            named += [yours, ref, p.model[i]]
    told = meanings(named, explain)
    listed = "\n".join(f"- {line}" for line in lines)
    return listed + ("\n\n" + t("ex.tagging.tag.meanings", meanings=told) if told else "")


def check_tags(p: Practice, explain: Callable[[str], str]) -> Callable[[object], Verdict]:
    """Right when every tag is the annotators' (the model's when there is no gold); the feedback counts the
    agreements with both and lists the words that differ."""
    def check(answer) -> Verdict:
        tags, unknown = parse_tags(answer, p.labels)
        n = len(p.words)
        if unknown:
            return Verdict(False, t("ex.tagging.tag.unknown", tags=", ".join(f"`{u}`" for u in dict.fromkeys(unknown)),
                                    known=", ".join(p.labels)))
        if len(tags) != n:
            return Verdict(False, t("ex.tagging.tag.count", got=len(tags), n=n))
        model = sum(a == b for a, b in zip(tags, p.model))
        if p.gold:
            agree = sum(a == b for a, b in zip(tags, p.gold))
            model_right = sum(a == b for a, b in zip(p.model, p.gold))
            if agree == n:
                slips = differences(p, p.model, explain, "ex.tagging.tag.diff.slip") if model_right < n else ""
                return Verdict(True, "\n\n".join(filter(None, [t("ex.tagging.tag.right.gold", n=n, model=model_right),
                                                                  slips])))
            return Verdict(False, t("ex.tagging.tag.wrong.gold", ok=agree, model=model, n=n)
                           + "\n\n" + differences(p, tags, explain))
        if model == n:
            return Verdict(True, t("ex.tagging.tag.right.model", n=n, p=f"{p.chosen_p.min():.3f}"))
        return Verdict(False, t("ex.tagging.tag.wrong.model", model=model, n=n)
                       + "\n\n" + differences(p, tags, explain))
    return check


def tag_yourself(p: Practice, explain: Callable[[str], str], key: str = "tagging_tag") -> Exercise:
    """Exercise 1: one tag per word, typed."""
    sentence = plain(" ".join(p.words))
    source = t("ex.tagging.tag.from.gold", data=p.origin) if p.gold else t("ex.tagging.tag.from.example")
    question = t("ex.tagging.tag.question", n=len(p.words), sentence=sentence, source=source,
                 tags=", ".join(f"`{tag}`" for tag in p.labels))
    probs = ", ".join(f"{plain(w)} {tag} {q:.3f}" for w, tag, q in zip(p.words, p.model, p.chosen_p))
    solution = (t("ex.tagging.tag.solution.gold", gold=" ".join(p.gold), model=" ".join(p.model), probs=probs) if p.gold
                else t("ex.tagging.tag.solution.model", model=" ".join(p.model), probs=probs))
    return Exercise(key, question, check_tags(p, explain), solution)


# ---------------------------------------------------------------- 2. the least sure word


def option(i: int, word: str) -> str:
    """A word as a choice: its place first, so that repeated words ("I can can a can") stay apart."""
    return f"{i + 1}: {plain(word)}"


def least_sure(p: Practice, key: str = "tagging_unsure") -> Exercise:
    """Exercise 2: which word's chosen tag got the lowest probability; the feedback gives the margin to the
    runner-up tag."""
    chosen = p.chosen_p  # (T,)
    options = [option(i, w) for i, w in enumerate(p.words)]
    at = int(np.argmin(chosen))
    ranked = np.sort(p.probs[at])[::-1]  # (K,) most probable first
    second = p.labels[int(np.argsort(-p.probs[at], kind="stable")[1])] if len(p.labels) > 1 else p.model[at]
    right = t("ex.tagging.unsure.right", word=plain(p.words[at]), tag=p.model[at], p=f"{chosen[at]:.3f}", second=second,
              p2=f"{ranked[1] if len(ranked) > 1 else 0:.3f}")

    def check(answer) -> Verdict:
        if answer == options[at]:
            return Verdict(True, right)
        if answer not in options:
            return Verdict(False, t("ex.tagging.unsure.pick"))
        i = options.index(answer)
        return Verdict(False, t("ex.tagging.unsure.wrong", word=plain(p.words[i]), tag=p.model[i],
                                p=f"{chosen[i]:.3f}"))

    rows = ", ".join(f"{plain(w)} `{tag}` {q:.3f}" for w, tag, q in zip(p.words, p.model, chosen))
    question = t("ex.tagging.unsure.question", sentence=plain(" ".join(p.words)))
    solution = t("ex.tagging.unsure.solution", rows=rows, word=plain(p.words[at]), p=f"{chosen[at]:.3f}")
    return Exercise(key, question, check, solution, options=options)


def exercises(task: str, to_tag: Practice, unsure: Practice, explain: Callable[[str], str]) -> list[Exercise]:
    """The page's exercises for `task` ("ner", "pos_en", "pos_ko": each keeps its own answers): tag `to_tag`
    by hand; the least sure word of `unsure`."""
    return [tag_yourself(to_tag, explain, f"tagging_{task}_tag"), least_sure(unsure, f"tagging_{task}_unsure")]
