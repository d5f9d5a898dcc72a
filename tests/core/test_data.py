import pytest

from core.errors import DataError
from core.readers.conll import iob2, read_conll
from core.readers.table import read_labelled
from core.readers.text import read_text


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_sst2_style_tsv_with_header(tmp_path):
    path = write(tmp_path, "sst.tsv", "sentence\tlabel\nit 's a charming film \t1\nno wit , only labored gags \t0\n")
    assert read_labelled(path) == (["it 's a charming film", "no wit , only labored gags"], ["1", "0"])


def test_sms_style_headerless_label_first(tmp_path):
    path = write(tmp_path, "sms.tsv", "ham\tsee you at 5\nspam\tWIN a prize! txt 8007\nham\tok \"cool\"\n")
    texts, labels = read_labelled(path)
    assert labels == ["ham", "spam", "ham"] and texts[1] == "WIN a prize! txt 8007" and texts[2] == 'ok "cool"'


def test_csv_with_quoted_commas(tmp_path):
    path = write(tmp_path, "reviews.csv", 'text,label\n"great, really great",pos\nawful,neg\n')
    assert read_labelled(path) == (["great, really great", "awful"], ["pos", "neg"])


def test_csv_header_without_label_column_is_a_clear_error(tmp_path):
    path = write(tmp_path, "x.csv", "text,stars_given_by_reviewer,comment\na,1,b\n")
    with pytest.raises(DataError, match="no label column"):
        read_labelled(path)


@pytest.mark.parametrize("content,match", [
    ("", "empty"),
    ("sentence\tlabel\n", "no rows"),
    ("ham\tok\nspam\tcall now\textra column\n", "line 2: 3 columns"),
    ("text\tlabel\ngood film\t\n", "label is empty"),
    ("ham\tok\nspam call now\n", "line 2: 1 columns"),  # a space where the tab should be
])
def test_malformed_labelled_files(tmp_path, content, match):
    with pytest.raises(DataError, match=match):
        read_labelled(write(tmp_path, "bad.tsv", content))


def test_latin1_and_binary_files_get_clear_messages(tmp_path):
    with pytest.raises(DataError, match="not UTF-8"):
        read_text(write(tmp_path, "latin.txt", "caf\u00e9 cr\u00e8me", encoding="latin-1"))
    with pytest.raises(DataError, match="binary"):
        read_text(write(tmp_path, "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"))
    with pytest.raises(DataError, match="cannot read"):
        read_text(tmp_path / "missing.txt")


def test_text_from_bytes_with_bom_and_crlf():
    assert read_text("\ufeffline one\r\nline two\r\n".encode()) == "line one\nline two\n"


CONLL = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
\t
Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
I-PER NNP I-NP B-PER
"""


def test_conll_reads_tag_last_skips_docstart_and_converts_iob1(tmp_path):
    sentences = read_conll(write(tmp_path, "train.txt", CONLL))
    assert sentences == [
        (["EU", "rejects", "German", "call"], ["B-ORG", "O", "B-MISC", "O"]),
        (["Peter", "Blackburn", "I-PER"], ["B-PER", "I-PER", "B-PER"]),
    ]


def test_iob2_keeps_iob2_and_fixes_orphans():
    assert iob2(["B-LOC", "I-LOC", "O", "I-PER", "I-ORG", "I-ORG"]) == ["B-LOC", "I-LOC", "O", "B-PER", "B-ORG", "I-ORG"]


@pytest.mark.parametrize("content,match", [
    ("-DOCSTART- -X- O O\n\n-DOCSTART- -X- O O\n", "no sentences"),
    ("EU NNP I-ORG\nrejects O\n", "2 columns where earlier lines have 3"),
    ("EU NNP FOO\n", "not in the IOB scheme"),
    ("EU\n", "without a tag"),
])
def test_malformed_conll(tmp_path, content, match):
    with pytest.raises(DataError, match=match):
        read_conll(write(tmp_path, "bad.txt", content))
