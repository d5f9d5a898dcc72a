"""Tables: CSV or TSV files of labelled texts."""
import csv
import io
from pathlib import Path

from core.errors import DataError
from core.readers.text import name_of, read_text, shown

TEXT_HEADERS = ("sentence", "text", "message", "sms", "review", "content", "tweet", "document")
LABEL_HEADERS = ("label", "labels", "class", "category", "sentiment", "target", "y")


def read_labelled(source: str | Path | bytes, name: str | None = None) -> tuple[list[str], list[str]]:
    """(texts, labels) from TSV/CSV: a header naming the text and label columns (SST-2's
    `sentence<TAB>label`, `text,label`), or headerless `label<TAB>text` (the SMS Spam Collection)."""
    name = name or name_of(source)
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


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)
