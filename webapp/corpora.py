"""Texts to train a language model on: built-in ones (two of them shipped in data/: tiny Shakespeare and
Korean chatbot dialogue), and a person's own, checked and cut to size."""
import csv
import functools
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import DataError
from core.readers.text import decode

DATA = Path(__file__).resolve().parent.parent / "data"  # shipped with the repository (data/README.md)
# name -> the data/ file it is read from (public domain; MIT): see data/README.md for sources and licences
DATA_FILES = {"shakespeare": "tinyshakespeare/input.txt", "korean_chat": "chatbot_ko/train.csv"}
BUILTIN = ("shakespeare", "korean_chat", "hello", "project", "pydoc")
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


@functools.lru_cache(maxsize=2)
def shakespeare(root: Path | None = None) -> str:
    """Tiny Shakespeare (char-rnn's corpus, the text the shipped model learnt): 1.1 million characters."""
    return read_data("shakespeare", root)


@functools.lru_cache(maxsize=2)
def korean_chat(root: Path | None = None) -> str:
    """The Korean chatbot pairs (songys/Chatbot_data, MIT) as a dialogue: each question on a line, its answer
    on the next, a blank line between pairs; about 330,000 characters, some 1,200 of them different."""
    rows = csv.DictReader(io.StringIO(read_data("korean_chat", root)))
    return "".join(f"{row['Q'].strip()}\n{row['A'].strip()}\n\n" for row in rows)


def read_data(name: str, root: Path | None = None) -> str:
    path = (root or DATA) / DATA_FILES[name]
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"data/{DATA_FILES[name]} is not in this copy of the app ({e.strerror})") from None


def available(root: Path | None = None) -> list[str]:
    """The built-in texts this copy of the app has (a data/ file missing from a stripped copy is left out)."""
    return [name for name in BUILTIN if name not in DATA_FILES or ((root or DATA) / DATA_FILES[name]).is_file()]


def builtin(name: str) -> Corpus:
    texts = {"shakespeare": shakespeare, "korean_chat": korean_chat, "hello": hello, "project": project_text,
             "pydoc": pydoc}
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
