"""Free text -> sentences of tokens as CoNLL-2003 writes them ("U.S." and "1996-08-22" stay one token,
"'s" and "n't" are split off), each token with its character span in the text."""
import re
from dataclasses import dataclass

ABBREVIATIONS = ("Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Inc|Corp|Co|Ltd|Plc|Bros|Jr|Sr|vs|etc|No|Gen|Gov|Sen|Rep|Lt|Col|"
                 "Capt|Sgt|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
CLITIC = r"(?:s|re|ve|ll|d|m)\b"
_TOKEN = re.compile("|".join([
    r"(?:https?://|www\.)\S*[^\s.,;:!?)\]'\"]",  # a URL, without the punctuation after it
    # an e-mail address, tried only where a run of its characters begins: from inside "+a+a+a…" every start
    # would scan the rest of the run again (quadratic time: 50,000 such characters took minutes)
    r"(?<![\w.+-])[\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+",
    r"(?:[A-Za-z]\.){2,}",  # U.S., a.m., F.C.
    rf"\b(?:{ABBREVIATIONS})\.",  # Mr., Inc., Sept.
    r"\d+(?:[.,:/-]\d+)*(?![\d\uac00-\ud7a3])",  # 1996-08-22, 3.5, 1,000 (not the 4 of 4일)
    r"\w+(?=n't\b)|n't\b",  # do n't, ca n't
    rf"'{CLITIC}",  # 's, 're
    r"\w*[\uac00-\ud7a3\u3131-\u318e]\w*",  # a Korean word (eojeol) stays whole, digits too: 4일만에, 45개의
    rf"\w+(?:(?:[-&]|'(?!{CLITIC}|t\b))\w+)*",  # words: EU-wide, O'Brien, AT&T
    r"\.{2,}|-{2,}",  # ... and --
    r"[^\w\s]",  # any other single character: punctuation, symbols, emoji
]), re.IGNORECASE)
ENDS = {".", "!", "?", "..."}
CLOSERS = {'"', "'", ")", "]", "”", "’", "»"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # character offsets in the text: text[start:end] == self.text
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[list[Token]]:
    """Tokens grouped into sentences: a sentence ends at a line break, or after . ! ? (and any closing
    quotes or brackets) when the next token does not start in lower case."""
    out, current = [], []
    found = tokens(text)
    for i, token in enumerate(found):
        current.append(token)
        after = found[i + 1] if i + 1 < len(found) else None
        if after is None:
            break
        line_break = "\n" in text[token.end:after.start]
        ended = any(t.text in ENDS for t in _trailing(current)) and after.text not in CLOSERS | ENDS
        if line_break or (ended and not after.text[0].islower()):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _trailing(current: list[Token]) -> list[Token]:
    """The last token, or, when it closes a quote or bracket, the token it closes after."""
    last = current[-1]
    if last.text in CLOSERS and len(current) > 1:
        return [current[-2]]
    return [last]
