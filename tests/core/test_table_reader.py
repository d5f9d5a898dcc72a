"""One table reader for the app and the command line: what one accepts the other accepts, the same way."""
import pytest

from core.errors import DataError
from core.readers.pairs import read_pairs
from core.readers.series import read_series
from core.readers.table import read_labelled, read_table
from core.tasks.caption.task import read_captions
from webapp import classify

ROWS = [(f"très bon café n°{i}" if i % 2 else f"pas bon, dit Zoë {i}", "pos" if i % 2 else "neg") for i in range(20)]


def cp1252_semicolons(rows, header=("text", "label")) -> bytes:
    lines = [";".join(header)] + [";".join(f'"{c}"' if ";" in c else c for c in row) for row in rows]
    return "\r\n".join(lines).encode("cp1252")


def test_a_cp1252_semicolon_file_reads_the_same_in_the_app_and_on_the_command_line():
    data = cp1252_semicolons(ROWS)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    texts, labels = read_labelled(data, "f.csv")  # what `python -m core train classify --data f.csv` reads
    table = classify.read_table(data, "f.csv")  # what the classifier page reads
    app, _ = classify.examples(table, table.text_col, table.label_col)
    assert list(zip(texts, labels)) == app == ROWS
    assert ("clf.data.latin1", {}) in table.notes


def test_the_delimiter_and_encoding_are_found_and_line_numbers_kept():
    t = read_table(b"a\tb\n\n1\t\"2\n3\t4\n", "t.tsv")  # TSV: quotes are characters, blank lines skipped
    assert t.delimiter == "\t" and t.encoding == "utf-8" and t.rows == [["a", "b"], ["1", '"2'], ["3", "4"]]
    assert t.lines == [1, 3, 4]
    t = read_table(b'q,a\n"two\nlines",x\n\ny,z\n', "t.csv")  # CSV: a quoted field may span lines
    assert t.delimiter == "," and t.rows == [["q", "a"], ["two\nlines", "x"], ["y", "z"]] and t.lines == [1, 2, 5]
    t = read_table("x;y\n1,5;2\n".encode("utf-8-sig"), "t.csv")
    assert t.delimiter == ";" and t.rows[1] == ["1,5", "2"]
    assert read_table("a;b\n\x81;b\n".encode("latin-1"), "t.csv").encoding == "latin-1"  # 0x81 is no cp1252


@pytest.mark.parametrize("data, message", [(b"", "is empty"), (b" \n\n", "is empty"), (b"a,b\x00c", "binary"),
                                           (b'"' + b"x" * 200_000, "not a readable CSV")])
def test_what_is_no_table_says_so_in_one_line(data, message):
    with pytest.raises(DataError, match=message):
        read_table(data, "t.csv")


def test_pairs_series_and_captions_read_semicolon_cp1252_files_too():
    pairs = read_pairs(cp1252_semicolons([("où est-il ?", "where is he?")] * 3, ("source", "target")), "p.csv")
    assert pairs[0].source == "où est-il ?" and len(pairs) == 3
    days = "\n".join(f"2020-01-{d:02d};{d},5" for d in range(1, 29))
    s = read_series(("date;température\n" + days).encode("cp1252"), "s.csv")
    assert s.target == "température" and len(s) == 28 and s.values[0] == 1.5  # a semicolon file's decimal comma
    caps = read_captions("image;caption\na.jpg;un café\na.jpg;deux cafés\n".encode("cp1252"), "c.csv")
    assert caps == [("a.jpg", ["un café", "deux cafés"])]
