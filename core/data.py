"""Readers for the three kinds of data (plain text, labelled text, CoNLL columns)."""
import csv
import io
from pathlib import Path

from .errors import DataError

TEXT_HEADERS = ("sentence", "text", "message", "sms", "review", "content", "tweet", "document")
LABEL_HEADERS = ("label", "labels", "class", "category", "sentiment", "target", "y")


def decode(data: bytes, name: str = "the file") -> str:
    """UTF-8 (with or without BOM), else a clear error; NUL bytes mean a binary file."""
    if b"\x00" in data[:8192]:
        raise DataError(f"{name} looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(f"{name} is not UTF-8 text (byte {e.start}): save it as UTF-8 and try again") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(source: str | Path | bytes, name: str | None = None) -> str:
    """Plain UTF-8 text from a path or raw bytes."""
    return decode(_bytes(source), name or _name(source))


def read_labelled(source: str | Path | bytes, name: str | None = None) -> tuple[list[str], list[str]]:
    """(texts, labels) from TSV/CSV: a header naming the text and label columns (SST-2's
    `sentence<TAB>label`, `text,label`), or headerless `label<TAB>text` (the SMS Spam Collection)."""
    name = name or _name(source)
    text = read_text(source, name)
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise DataError(f"{name} is empty")
    delimiter = "\t" if "\t" in lines[0] else ","
    if delimiter == "\t":
        rows = [line.split("\t") for line in lines]
    else:
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines))))
        except csv.Error as e:  # e.g. a quoted field longer than the csv module allows
            raise DataError(f"{name} is not a readable CSV file ({e})") from None
    header = [c.strip().lower() for c in rows[0]]
    text_col, label_col = _find(header, TEXT_HEADERS), _find(header, LABEL_HEADERS)
    first = 1  # the line number of rows[0]
    if text_col is not None and label_col is not None:
        rows, first = rows[1:], 2
    elif text_col is not None or label_col is not None:
        missing = "label" if label_col is None else "text"
        raise DataError(f"{name} has a header ({shown(', '.join(rows[0]))}) but no {missing} column: "
                        f"name one '{missing}'")
    elif len(header) == 2:
        label_col, text_col = 0, 1  # headerless label<TAB>text
        if len({r[1] for r in rows if len(r) == 2}) < len({r[0] for r in rows if len(r) == 2}):
            label_col, text_col = 1, 0  # text<TAB>label
    else:
        raise DataError(f"{name}: no header with 'text' and 'label' columns, and not two columns (label, text)")
    width = len(header)
    texts, labels = [], []
    for number, row in enumerate(rows, start=first):
        if len(row) != width:
            raise DataError(f"{name}, line {number}: {len(row)} columns where the first row has {width} "
                            f"(mixed separators?)")
        texts.append(row[text_col].strip())
        labels.append(row[label_col].strip())
    if not texts:
        raise DataError(f"{name} has a header but no rows")
    if "" in labels:
        raise DataError(f"{name}, line {labels.index('') + first}: the label is empty")
    return texts, labels


def read_conll(source: str | Path | bytes, name: str | None = None) -> list[tuple[list[str], list[str]]]:
    """[(tokens, tags)] from CoNLL columns: token first, tag last, whitespace-only lines between
    sentences, `-DOCSTART-` lines skipped; IOB1 tags are converted to IOB2."""
    name = name or _name(source)
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


def shown(text: str, limit: int = 80) -> str:
    """A piece of a file quoted in a message: on one line, and cut to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)


def _bytes(source: str | Path | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as e:
        raise DataError(f"cannot read {source}: {e.strerror}") from None


def _name(source) -> str:
    return "the upload" if isinstance(source, bytes) else str(source)
