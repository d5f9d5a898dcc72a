"""Tagged sentences: CoNLL columns (token first, tag last, IOB tags) and CoNLL-U (Universal Dependencies)."""
import re
from pathlib import Path

from core.errors import DataError
from core.readers.text import decode, name_of, read_bytes, read_text, shown


def read_conll(source: str | Path | bytes, name: str | None = None) -> list[tuple[list[str], list[str]]]:
    """[(tokens, tags)] from CoNLL columns: token first, tag last, whitespace-only lines between
    sentences, `-DOCSTART-` lines skipped; IOB1 tags are converted to IOB2."""
    name = name or name_of(source)
    sentences, tokens, tags, width = [], [], [], None
    for number, line in enumerate(read_text(source, name).split("\n"), start=1):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, iob2(tags, f"{name}, sentence ending at line {number}")))
            tokens, tags = [], []
            continue
        if len(cols) < 2:
            raise DataError(f"{name}, line {number}: a token without a tag ({shown(line.strip(), 40)!r})")
        if width is None:
            width = len(cols)
        elif len(cols) != width:
            raise DataError(f"{name}, line {number}: {len(cols)} columns where earlier lines have {width}")
        tokens.append(cols[0])
        tags.append(cols[-1])
    if tokens:
        sentences.append((tokens, iob2(tags, f"{name}, last sentence")))
    if not sentences:
        raise DataError(f"{name} has no sentences (only blank or -DOCSTART- lines?)")
    return sentences


CONLLU_COLUMNS = {"upos": 3, "xpos": 4}  # 0-based: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
_CONLLU_ID = re.compile(r"\d+(?:-\d+|\.\d+)?")  # a word (7), a multi-word token (3-4), an empty node (8.1)
_CONLLU_COMMENT = re.compile(r"#\s*(?:\w[\w.: -]*=|newdoc\b|newpar\b)")  # "# sent_id = 1", "# newdoc id = d"
BOM = b"\xef\xbb\xbf"


def read_tags(source: str | Path | bytes, name: str | None = None,
              column: str = "upos") -> list[tuple[list[str], list[str]]]:
    """[(words, tags)] from either format, told apart by the file itself: CoNLL-U (`column` picks UPOS or
    XPOS) or CoNLL columns (tag last, IOB)."""
    name = name or name_of(source)
    raw = read_bytes(source)
    text = decode(raw, name)
    if is_conllu(text):
        if raw.startswith(BOM):
            raise DataError(f"{name} starts with a byte-order mark (BOM), which CoNLL-U does not allow: "
                            f"save it as UTF-8 without BOM")
        return conllu_sentences(text, name, column)
    return read_conll(raw, name)


def is_conllu(text: str) -> bool:
    """CoNLL-U rather than CoNLL: the first line that is not blank is a `# key = value` comment, or a
    tab-separated line of six or more columns whose first is a word ID."""
    for line in text.split("\n"):
        if not line.strip():
            continue
        if _CONLLU_COMMENT.match(line):
            return True
        cols = line.split("\t")
        return len(cols) >= 6 and _CONLLU_ID.fullmatch(cols[0]) is not None
    return False


def read_conllu(source: str | Path | bytes, name: str | None = None,
                column: str = "upos") -> list[tuple[list[str], list[str]]]:
    """[(words, tags)] from a CoNLL-U file (BOM refused), `column` "upos" (column 4) or "xpos" (column 5)."""
    name = name or name_of(source)
    raw = read_bytes(source)
    if raw.startswith(BOM):
        raise DataError(f"{name} starts with a byte-order mark (BOM), which CoNLL-U does not allow: "
                        f"save it as UTF-8 without BOM")
    return conllu_sentences(decode(raw, name), name, column)


def conllu_sentences(text: str, name: str, column: str = "upos") -> list[tuple[list[str], list[str]]]:
    """CoNLL-U text -> [(words, tags)]: ten tab-separated columns, `#` comments, a blank line after every
    sentence (the last one too). Multi-word tokens (3-4) and empty nodes (8.1) are skipped, as the standard
    evaluation skips them; word IDs must count 1, 2, 3 ... within each sentence."""
    if column not in CONLLU_COLUMNS:
        raise DataError(f"no CoNLL-U column {column!r}: pick upos or xpos")
    at = CONLLU_COLUMNS[column]
    sentences, words, tags = [], [], []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise DataError(f"{name}, line {number}: {len(cols)} tab-separated columns where CoNLL-U has 10 "
                            f"({shown(line, 40)!r})")
        if _CONLLU_ID.fullmatch(cols[0]) is None:
            raise DataError(f"{name}, line {number}: the ID {shown(cols[0], 20)!r} is not a whole number "
                            f"(nor a range such as 3-4, nor an empty node such as 8.1)")
        if not cols[0].isdigit():
            continue  # a multi-word token or an empty node: not a word of its own
        if int(cols[0]) != len(words) + 1:
            raise DataError(f"{name}, line {number}: word ID {cols[0]} where {len(words) + 1} comes next "
                            f"(a missing blank line between sentences?)")
        if cols[at] in ("", "_"):
            raise DataError(f"{name}, line {number}: no {column.upper()} tag (column {at + 1} is "
                            f"{cols[at] or 'empty'!r})" + (": train on upos instead" if column == "xpos" else ""))
        if any(c.isspace() or not c.isprintable() for c in cols[at]) or len(cols[at]) > 100:
            raise DataError(f"{name}, line {number}: the {column.upper()} tag {shown(cols[at], 40)!r} is not a tag "
                            f"name (no spaces, at most 100 characters)")
        words.append(cols[1])
        tags.append(cols[at])
    if words:
        raise DataError(f"{name}: the last sentence (ending at line {len(lines)}) has no blank line after it, "
                        f"which CoNLL-U requires")
    if not sentences:
        raise DataError(f"{name} has no sentences (only comments or blank lines?)")
    return sentences


def iob2(tags: list[str], where: str = "tags") -> list[str]:
    """IOB1 or IOB2 -> IOB2: an I-X that does not continue an X entity becomes B-X."""
    out = []
    for i, tag in enumerate(tags):
        if tag != "O" and (len(tag) < 3 or tag[:2] not in ("B-", "I-")):
            raise DataError(f"{where}: tag {shown(tag, 40)!r} is not in the IOB scheme (O, B-TYPE, I-TYPE)")
        if tag.startswith("I-") and (i == 0 or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out
