"""data/ holds what data/README.md's table lists, byte for byte, under 15 MB, and nothing research-only."""
import hashlib
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
NOT_DATA = {"README.md", "LICENSES.md", "make.py"}  # the folder's own documentation and its generator
LIMIT = 15 * 1024 * 1024
ROW = re.compile(r"^\| `([^`]+)` \| ([\d,]+) \| ([\d,]+) \| `([0-9a-f]{64})` \|")
# research-only sets that must never be shipped: their shared/data file checksums, and their names
FORBIDDEN_SHA256 = {
    "eac0822f501353f265383ddf1edb0dcd42a1b6eefd3e383d7074db98c38eb41c",  # conll2003/train.txt
    "aedc4ccbd1ae9795feaa0e86fe72d195b0258abed9d705b630d1c889276fac1e",  # conll2003/valid.txt
    "7ccfb552d8f7721031fe3d2e706f87930e33b39acb54a1ec2d54ec5d289d4f61",  # flickr8k_1k/captions.csv
}
FORBIDDEN_NAME = re.compile(r"conll-?2003|conll03|eng\.(train|testa|testb)|flickr|\.(jpe?g|png|gif|webp)$",
                            re.IGNORECASE)


def table() -> dict[str, tuple[int, int, str]]:
    rows = {}
    for line in (DATA / "README.md").read_text(encoding="utf-8").splitlines():
        if m := ROW.match(line):
            assert m[1] not in rows, f"{m[1]} is listed twice"
            rows[m[1]] = (int(m[2].replace(",", "")), int(m[3].replace(",", "")), m[4])
    return rows


def present() -> set[str]:
    return {p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts} - NOT_DATA


@pytest.fixture(scope="module")
def contents() -> dict[str, bytes]:
    return {rel: (DATA / rel).read_bytes() for rel in sorted(present())}


def test_the_table_lists_every_file_and_only_files_there():
    listed = table()
    assert len(listed) >= 10, "the table in data/README.md was not found"
    assert set(listed) == present(), {"unlisted": present() - set(listed), "missing": set(listed) - present()}


def test_each_file_has_the_listed_size_lines_and_sha256(contents):
    for rel, (size, lines, digest) in table().items():
        data = contents[rel]
        newlines = data.count(b"\n")
        assert len(data) == size, f"{rel}: {len(data)} bytes, the table says {size}"
        assert newlines == lines, f"{rel}: {newlines} lines, the table says {lines}"
        assert hashlib.sha256(data).hexdigest() == digest, f"{rel}: SHA-256 differs from the table"


def test_the_folder_stays_under_15_mb():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < LIMIT, f"data/ holds {total:,} bytes, over {LIMIT:,}"


def test_no_conll2003_or_flickr8k(contents):
    for rel, data in contents.items():
        assert not FORBIDDEN_NAME.search(rel), f"{rel}: named like CoNLL-2003 or Flickr8k, or an image"
        assert hashlib.sha256(data).hexdigest() not in FORBIDDEN_SHA256, f"{rel} is a CoNLL-2003 or Flickr8k file"
        assert b"-DOCSTART-" not in data, f"{rel} has CoNLL-2003 document markers"
        assert not data.startswith((b"\xff\xd8\xff", b"\x89PNG")), f"{rel} is an image"
