"""Tables: the one reader of CSV and TSV files, for the app and the command line alike, and labelled texts.

`read_table` decodes the bytes (UTF-8 with or without BOM; else Windows-1252, else Latin-1, said in
`Table.encoding`), finds the delimiter from the first line that is not blank (a tab; else a semicolon if it
has more semicolons than commas, as spreadsheets in much of Europe write; else a comma) and splits the rows:
TSV on tabs alone (quotes are ordinary characters: SMS texts are full of them), CSV with Python's csv module.
Blank rows are skipped; each row keeps its line number for messages. Whether the first row is a header is
the caller's to say, by the names it looks for.
"""
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from core.errors import DataError
from core.readers.text import decode_as, name_of, read_bytes, shown

TEXT_HEADERS = ("sentence", "text", "message", "sms", "review", "content", "tweet", "document")
LABEL_HEADERS = ("label", "labels", "class", "category", "sentiment", "target", "y")
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")  # Latin-1 reads any bytes: a table always decodes


@dataclass
class Table:
    name: str
    rows: list[list[str]]  # every row that is not blank, the header (if any) first
    lines: list[int]  # the line each row starts on, from 1
    delimiter: str  # "\t", ";" or ","
    encoding: str  # "utf-8", "cp1252" or "latin-1"
    text: str  # the decoded text, newlines as "\n"

    @property
    def header(self) -> list[str]:
        """The first row's cells, stripped and lower-cased: what callers match column names against."""
        return [c.strip().lower() for c in self.rows[0]]


def read_table(source: str | Path | bytes, name: str | None = None) -> Table:
    """A CSV or TSV file (path or bytes) as rows of cells; DataError with one line if it is none."""
    name = name or name_of(source)
    text, encoding = decode_as(read_bytes(source), name, ENCODINGS, "a CSV or TSV table")
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise DataError(f"{name} is empty")
    delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    if delimiter == "\t":
        numbered = [(n, line.split("\t")) for n, line in enumerate(lines, start=1) if line.strip()]
    else:
        try:
            reader = csv.reader(io.StringIO(text), delimiter=delimiter)
            numbered, start = [], 1
            for row in reader:
                if any(c.strip() for c in row):
                    numbered.append((start, row))
                start = reader.line_num + 1
        except csv.Error as e:  # e.g. a quoted field longer than the csv module allows
            raise DataError(f"{name} is not a readable CSV file ({e})") from None
    if not numbered:
        raise DataError(f"{name} is empty")
    return Table(name, [row for _, row in numbered], [n for n, _ in numbered], delimiter, encoding, text)


def read_labelled(source: str | Path | bytes, name: str | None = None) -> tuple[list[str], list[str]]:
    """(texts, labels) from TSV/CSV: a header naming the text and label columns (SST-2's
    `sentence<TAB>label`, `text,label`), or headerless `label<TAB>text` (the SMS Spam Collection)."""
    table = read_table(source, name)
    name, rows, header = table.name, table.rows, table.header
    text_col, label_col = _find(header, TEXT_HEADERS), _find(header, LABEL_HEADERS)
    lines = table.lines
    if text_col is not None and label_col is not None:
        rows, lines = rows[1:], lines[1:]
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
    for number, row in zip(lines, rows):
        if len(row) != width:
            raise DataError(f"{name}, line {number}: {len(row)} columns where the first row has {width} "
                            f"(mixed separators?)")
        if not row[label_col].strip():
            raise DataError(f"{name}, line {number}: the label is empty")
        texts.append(row[text_col].strip())
        labels.append(row[label_col].strip())
    if not texts:
        raise DataError(f"{name} has a header but no rows")
    return texts, labels


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)
