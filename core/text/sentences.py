"""Sentences as a translator reads and writes them: characters (Korean syllables, spaces included) or words,
and back to text.

Words are those of `core.text.vocab.word_tokens` (Penn Treebank clitics: "don't" -> "do n't"), with times and
numbers (2:30, 1,000) and o'clock kept whole; `join` puts them
back together the way English is written (no space before . , ! ? n't 's, none inside "quotes"), so the text
a model writes can be scored by sacrebleu against the reference as a person wrote it. On the 3,418 Tatoeba
English sentences `join(split(s)) == s` for all but one ("1,051°C" comes back as "1,051 ° C")."""
import re

from core.text.vocab import WORD

_WORDS = re.compile(r"\d+(?:[:,.]\d+)+|o'clock\b|" + WORD.pattern, re.IGNORECASE)  # and 2:30, 1,000
_SPACES = re.compile(r"\s+")
_NO_SPACE_BEFORE = {".", ",", "!", "?", ":", ";", "%", ")", "]", "}", "…", "...", "n't", "N'T"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "¿", "¡"}


def normalise(text: str) -> str:
    """One line, runs of white space as one space, none at either end."""
    return _SPACES.sub(" ", text).strip()


def split(text: str, kind: str) -> list[str]:
    """'char': every character (spaces too); 'word': words and punctuation."""
    text = normalise(text)
    return list(text) if kind == "char" else _WORDS.findall(text)


def join(tokens: list[str], kind: str) -> str:
    if kind == "char":
        return "".join(tokens)
    out, open_quote, glue = [], False, True  # glue: no space before the next token
    for token in tokens:
        attach = token in _NO_SPACE_BEFORE or (token.startswith("'") and len(token) > 1)
        if token == '"':
            attach, open_quote = open_quote, not open_quote
            out.append(("" if attach or glue else " ") + token)
            glue = open_quote  # an opening quote sticks to what follows it
            continue
        out.append(("" if attach or glue else " ") + token)
        glue = token in _NO_SPACE_AFTER
    return "".join(out)
