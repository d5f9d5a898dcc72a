"""Texts to train a language model on: built-in ones, and a person's own, checked and cut to size."""
import random
from dataclasses import dataclass, field

from core.errors import DataError
from core.readers.text import decode

BUILTIN = ("hello", "project", "pydoc")
MAX_CHARS = 2_000_000  # longer texts are cut: more would only slow the vocabulary and validation down
MIN_CHARS = 20  # the last 10% validates, and needs a few characters of its own


@dataclass
class Corpus:
    text: str
    name: str
    notes: list[str] = field(default_factory=list)  # what was done to it, for the person (i18n keys + values)

    @property
    def distinct(self) -> int:
        return len(set(self.text))


def hello() -> str:
    """The lecture's toy, repeated so there is something to validate on."""
    return "hello " * 200


def project_text(seed: int = 0, lines: int = 2500) -> str:
    """A text RNN Lab writes itself, with structure a small network can find: quotes that open and close,
    parentheses, counting line numbers, and a few words in a simple grammar."""
    rng = random.Random(seed)
    names = ["ada", "alan", "grace", "claude", "edsger", "barbara", "ken", "dennis"]
    verbs = ["says", "writes", "asks", "thinks", "sings"]
    nouns = ["the network", "a cell", "the gate", "every state", "the loss", "a vector", "the weights"]
    moods = ["learns slowly", "forgets nothing", "remembers the quote", "opens and closes", "counts to ten"]
    out = []
    for n in range(1, lines + 1):
        who, verb = rng.choice(names), rng.choice(verbs)
        said = f"{rng.choice(nouns)} {rng.choice(moods)}"
        if rng.random() < 0.4:
            said += f" ({rng.choice(nouns)} {rng.choice(moods)})"
        out.append(f"{n}. {who} {verb} \"{said}.\"" if rng.random() < 0.7 else f"{n}. {who} {verb}: {said}.")
    return "\n".join(out) + "\n"


def pydoc() -> str:
    """The Python documentation's topics that ship with the standard library (pydoc_data)."""
    from pydoc_data.topics import topics
    return "\n\n".join(topics[k].strip() for k in sorted(topics))


def builtin(name: str) -> Corpus:
    texts = {"hello": hello, "project": project_text, "pydoc": pydoc}
    if name not in texts:
        raise DataError(f"no built-in text called {name!r}")
    return check(texts[name](), name)


def from_upload(data: bytes, name: str) -> Corpus:
    """An uploaded file: UTF-8 text, else a DataError saying what is wrong with it."""
    return check(decode(bytes(data), name), name)


def check(text: str, name: str) -> Corpus:
    """A text fit to train on, or a DataError that says why not. Long texts are cut (with a note)."""
    notes = []
    if not text.strip():
        raise DataError(f"{name} is empty")
    if len(text) > MAX_CHARS:
        notes.append(("corpus.cut", {"n": f"{len(text):,}", "kept": f"{MAX_CHARS:,}"}))
        text = text[:MAX_CHARS]
    if len(text) < MIN_CHARS:
        raise DataError(f"{name} has {len(text)} characters; a language model needs at least {MIN_CHARS} "
                        f"(the last tenth is kept aside to check it)")
    if len(set(text)) < 2:
        notes.append(("corpus.one_char", {}))
    return Corpus(text, name, notes)
