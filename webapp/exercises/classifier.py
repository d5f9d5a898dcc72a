"""Exercises on the classifier page, made from the live model: which word matters most for the prediction and
which word flips it (leave one word out: every occurrence of it removed, the sentence run again), and whether
adding a word raises a class's probability (the longer sentence run). The sentence is the visitor's text or an
example the exercise seed picks. Computing here, Streamlit only through `t` and the shared `Exercise`."""
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.tasks.base import Bundle
from core.tasks.registry import TASKS

from ..i18n import t
from .base import Exercise, Verdict, choice_check

MAX_WORDS = 25  # distinct words: each is a choice on the screen and one more run of the model
MIN_WORDS = 2  # a sentence of one word has nothing to compare
MAX_CHARS = 300  # a longer text (a repeated sentence, say) would be run once per word and per word added
MIN_CHANGE = 0.005  # a word whose adding moves the probability less than this is not asked about
TIE = 1e-6  # words whose removal changes the probability this close to the largest are all right

Namer = Callable[[str], str]  # a class as it reads on the page (0/1 -> negative/positive)


@dataclass(frozen=True)
class WordEffect:
    """What removing every occurrence of `word` does: the probabilities then, and the change in the
    probability of the sentence's predicted class (without minus with)."""
    word: str
    probs: dict[str, float]
    change: float

    @property
    def label(self) -> str:
        return max(self.probs, key=self.probs.get)


@dataclass(frozen=True)
class Reading:
    """A sentence as the model reads it: its class probabilities and each distinct word's effect."""
    sentence: str
    probs: dict[str, float]
    effects: list[WordEffect]

    @property
    def label(self) -> str:
        return max(self.probs, key=self.probs.get)

    @property
    def words(self) -> list[str]:
        return [e.word for e in self.effects]


def words_of(sentence: str) -> list[str]:
    """The distinct words of a sentence (split at spaces), in the order they first come."""
    return list(dict.fromkeys(sentence.split()))


def usable(bundle: Bundle, sentence: str) -> bool:
    """Can the exercises ask about this sentence: at most MAX_CHARS characters, between MIN_WORDS and MAX_WORDS
    distinct words, each of which leaves something for the model to read when it is removed?"""
    if len(sentence) > MAX_CHARS:
        return False
    words = words_of(sentence)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    task = TASKS["classify"]
    return all(task.tokens(bundle.cfg, without(sentence, w)) for w in words)


def pick_sentence(bundle: Bundle, pool: Sequence[str], seed: int) -> str | None:
    """The sentence the exercises ask about: pool[seed % len(pool)] (pool[0] is the visitor's text), or the
    next usable one after it; None when none is usable."""
    pool = [s for s in dict.fromkeys(pool) if s.strip()]
    for shift in range(len(pool)):
        sentence = pool[(seed + shift) % len(pool)]
        if usable(bundle, sentence):
            return sentence
    return None


def without(sentence: str, word: str) -> str:
    """The sentence with every occurrence of `word` removed."""
    return " ".join(w for w in sentence.split() if w != word)


def probabilities(bundle: Bundle, texts: Sequence[str]) -> list[dict[str, float]]:
    """Class -> probability for each text, in one batch of the model."""
    task = TASKS["classify"]
    ids = [bundle.vocab.encode(task.tokens(bundle.cfg, text)) for text in texts]
    probs = task.probabilities(bundle, ids)  # (N, C)
    return [dict(zip(bundle.labels.itos, row.tolist())) for row in probs]


def read(bundle: Bundle, sentence: str) -> Reading:
    """The sentence and, for each distinct word, the sentence without it, all run through the model."""
    words = words_of(sentence)
    full, *rest = probabilities(bundle, [sentence, *(without(sentence, w) for w in words)])
    label = max(full, key=full.get)
    effects = [WordEffect(w, p, p[label] - full[label]) for w, p in zip(words, rest)]
    return Reading(sentence, full, effects)


def effects_table(reading: Reading, name: Namer) -> str:
    """Each word's effect as markdown lines, the largest change first; the words that flip the label marked."""
    label = reading.label
    lines = []
    for e in sorted(reading.effects, key=lambda e: -abs(e.change)):
        flip = " " + t("ex.classifier.flips", label=name(e.label)) if e.label != label else ""
        lines.append(t("ex.classifier.effect", word=e.word, p=f"{e.probs[label]:.3f}", change=f"{e.change:+.3f}")
                     + flip)
    return "\n".join(f"- {line}" for line in lines)


def most_important(reading: Reading, name: Namer) -> Exercise:
    """Which word, removed, moves the probability of the predicted class most (either way)?"""
    label, p = reading.label, reading.probs[reading.label]
    top = max(abs(e.change) for e in reading.effects)
    best = [e for e in reading.effects if abs(e.change) >= top - TIE]
    by_word = {e.word: e for e in reading.effects}
    facts = dict(label=name(label), p=f"{p:.3f}")

    def check(answer) -> Verdict:
        e = by_word.get(answer)
        if e is None:
            return Verdict(False, t("ex.classifier.pick"))
        moved = dict(facts, word=e.word, without=f"{e.probs[label]:.3f}", change=f"{e.change:+.3f}")
        if e in best:
            return Verdict(True, t("ex.classifier.word.right", **moved))
        return Verdict(False, t("ex.classifier.word.wrong", **moved))

    question = t("ex.classifier.word.q", sentence=reading.sentence, **facts)
    solution = t("ex.classifier.word.solution", words=", ".join(f"«{e.word}»" for e in best),
                 change=f"{best[0].change:+.3f}", **facts) + "\n\n" + effects_table(reading, name)
    return Exercise("clf_word", question, check, solution, options=reading.words)


def flipper(reading: Reading, name: Namer) -> Exercise:
    """Which word, removed, changes the model's answer to another class (or none does)?"""
    label = reading.label
    none = t("ex.classifier.flip.none")
    flips = [e for e in reading.effects if e.label != label]
    by_word = {e.word: e for e in reading.effects}
    facts = dict(label=name(label), p=f"{reading.probs[label]:.3f}")

    def check(answer) -> Verdict:
        if answer == none:
            if not flips:
                return Verdict(True, t("ex.classifier.flip.right_none", **facts))
            return Verdict(False, t("ex.classifier.flip.wrong_none", n=len(flips), **facts))
        e = by_word.get(answer)
        if e is None:
            return Verdict(False, t("ex.classifier.pick"))
        moved = dict(facts, word=e.word, without=f"{e.probs[label]:.3f}", other=name(e.label))
        if e in flips:
            return Verdict(True, t("ex.classifier.flip.right", **moved))
        return Verdict(False, t("ex.classifier.flip.wrong", **moved))

    question = t("ex.classifier.flip.q", sentence=reading.sentence, **facts)
    found = ", ".join(f"«{e.word}»" for e in flips)
    solution = (t("ex.classifier.flip.solution", words=found, **facts) if flips else
                t("ex.classifier.flip.solution_none", **facts)) + "\n\n" + effects_table(reading, name)
    return Exercise("clf_flip", question, check, solution, options=[*reading.words, none])


@dataclass(frozen=True)
class Addition:
    """The sentence with `word` added at its end: the probability of `target` before and after."""
    word: str
    target: str
    before: float
    after: float


def pick_addition(bundle: Bundle, reading: Reading, candidates: Sequence[str], seed: int) -> Addition:
    """A word to add and a class to ask about, drawn with `seed`: the first word (in the seed's order) that moves
    that class's probability by MIN_CHANGE or more, else the one that moves it most. Candidates already in the
    sentence are left out unless there is no other."""
    rng = random.Random(seed)
    target = rng.choice(list(reading.probs))
    present = set(reading.words)
    words = [w for w in dict.fromkeys(candidates) if w not in present] or reading.words
    rng.shuffle(words)
    after = [p[target] for p in probabilities(bundle, [f"{reading.sentence} {w}" for w in words])]
    before = reading.probs[target]
    moved = [i for i, p in enumerate(after) if abs(p - before) >= MIN_CHANGE]
    i = moved[0] if moved else max(range(len(words)), key=lambda i: abs(after[i] - before))
    return Addition(words[i], target, before, after[i])


def adding(reading: Reading, addition: Addition, name: Namer) -> Exercise:
    """Will adding the word at the end raise the class's probability? Yes or no, checked by the run."""
    yes, no = t("ex.classifier.yes"), t("ex.classifier.no")
    raised = addition.after > addition.before
    facts = dict(word=addition.word, label=name(addition.target), before=f"{addition.before:.3f}",
                 after=f"{addition.after:.3f}", sentence=reading.sentence,
                 moved=t("ex.classifier.add.up" if raised else "ex.classifier.add.down"))
    check = choice_check(yes if raised else no, t("ex.classifier.add.right", **facts),
                         t("ex.classifier.add.wrong", **facts))
    return Exercise("clf_add", t("ex.classifier.add.q", **facts), check, t("ex.classifier.add.solution", **facts),
                    options=[yes, no])


@dataclass(frozen=True)
class Prepared:
    """What the exercises of one seed are made of (the model's numbers, no words of any language)."""
    reading: Reading
    addition: Addition


def prepare(bundle: Bundle, pool: Sequence[str], candidates: Sequence[str], seed: int) -> Prepared | None:
    """The sentence picked from `pool` (the visitor's text first) for `seed`, read by the model, and the word to
    add (drawn from `candidates`, the examples' words). None: no sentence in the pool is usable."""
    sentence = pick_sentence(bundle, pool, seed)
    if sentence is None:
        return None
    reading = read(bundle, sentence)
    return Prepared(reading, pick_addition(bundle, reading, candidates, seed))


def build(prepared: Prepared, name: Namer) -> list[Exercise]:
    """The page's exercises, in the visitor's language."""
    reading = prepared.reading
    return [most_important(reading, name), flipper(reading, name), adding(reading, prepared.addition, name)]
