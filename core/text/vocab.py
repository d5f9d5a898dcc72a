"""Vocabularies (token <-> id) and the tokenizers that feed them."""
import re
from collections import Counter
from collections.abc import Iterable

from core.errors import CheckpointError

PAD, UNK = "<pad>", "<unk>"

# Words, numbers and punctuation, with English clitics split off as in the Penn Treebank
# (SST-2's style: "don't" -> "do n't", "it's" -> "it 's").
WORD = re.compile(r"\w+(?=n't\b)|n't\b|'(?:s|re|ve|ll|d|m)\b|\w+(?:[-.]\w+)*|[^\w\s]", re.IGNORECASE)


def word_tokens(text: str) -> list[str]:
    return WORD.findall(text)


def tokenize(text: str, kind: str) -> list[str]:
    """'char': every character; 'word': words and punctuation."""
    return list(text) if kind == "char" else word_tokens(text)


def detokenize(tokens: Iterable[str], kind: str) -> str:
    return "".join(tokens) if kind == "char" else " ".join(tokens)


class Vocab:
    """A fixed list of tokens. With specials, id 0 is padding and id 1 stands for unknown tokens."""

    def __init__(self, itos: list[str], specials: bool = True):
        self.specials = specials
        self.itos = list(itos)
        self.stoi = {s: i for i, s in enumerate(self.itos)}
        if len(self.stoi) != len(self.itos):
            raise ValueError("vocabulary has duplicate tokens")
        if specials and self.itos[:2] != [PAD, UNK]:
            raise ValueError(f"a vocabulary with specials starts with {PAD} and {UNK}")

    @classmethod
    def build(cls, sequences: Iterable[Iterable[str]], specials: bool = True, min_count: int = 1,
              max_size: int | None = None, lower: bool = False) -> "Vocab":
        """Tokens by frequency (ties in first-seen order), those seen fewer than min_count times left out."""
        counts = Counter(t.lower() if lower else t for seq in sequences for t in seq)
        tokens = [t for t, n in counts.most_common(max_size) if n >= min_count and t not in (PAD, UNK)]
        return cls(([PAD, UNK] if specials else []) + tokens, specials)

    @property
    def pad_id(self) -> int:
        return 0

    @property
    def unk_id(self) -> int | None:
        return 1 if self.specials else None

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, token: str) -> bool:
        return token in self.stoi

    def unknown(self, tokens: Iterable[str]) -> list[str]:
        """The tokens this vocabulary lacks, each once, in order."""
        return list(dict.fromkeys(t for t in tokens if t not in self.stoi))

    def encode(self, tokens: Iterable[str]) -> list[int]:
        """Unknown tokens become <unk>; a vocabulary without specials refuses them (KeyError)."""
        if self.specials:
            return [self.stoi.get(t, 1) for t in tokens]
        return [self.stoi[t] for t in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.itos[i] for i in ids]

    def to_dict(self) -> dict:
        return {"itos": self.itos, "specials": self.specials}

    @classmethod
    def from_dict(cls, d) -> "Vocab":
        try:
            itos, specials = d["itos"], d["specials"]
            if not (isinstance(itos, list) and all(isinstance(t, str) for t in itos) and isinstance(specials, bool)):
                raise TypeError
            return cls(itos, specials)
        except (KeyError, TypeError, ValueError):
            raise CheckpointError("the checkpoint's vocabulary is malformed") from None
