"""Regenerate data/ from ../shared/data and refresh the file table in data/README.md.

Usage (from the repository root): python data/make.py [SHARED_DATA_DIR]

A tool, not part of the app: the app reads data/, never ../shared. Every file is either copied byte for byte or,
for the CoNLL-U treebanks, sampled by keeping every k-th sentence block (blocks 0, k, 2k, ... counted from the
start of the file, each kept verbatim with its comment lines), so the output is valid CoNLL-U and deterministic.
"""
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "data"

# (file under data/ and under shared/data, keep every k-th sentence or None for a whole copy, licence)
FILES = [
    ("tinyshakespeare/input.txt", None, "public domain"),
    ("seoul_bike/train.csv", None, "CC BY 4.0"),
    ("airline/airline-passengers.csv", None, "factual data, no licence stated"),
    ("wnut17/train.txt", None, "CC BY 4.0"),
    ("wnut17/dev.txt", None, "CC BY 4.0"),
    ("ud_ewt/train.conllu", 4, "CC BY-SA 4.0"),
    ("ud_ewt/dev.conllu", 2, "CC BY-SA 4.0"),
    ("ud_korean_gsd/train.conllu", 2, "CC BY-SA 4.0"),
    ("ud_korean_gsd/dev.conllu", None, "CC BY-SA 4.0"),
    ("kor_eng/train.tsv", None, "CC BY 2.0 FR"),
    ("chatbot_ko/train.csv", None, "MIT"),
    ("sms_spam/train.tsv", None, "authors' terms (free use, copyright kept); CC BY 4.0 at UCI"),
]
START, END = "<!-- files:start (written by make.py) -->", "<!-- files:end -->"


def build(rel, every):
    src = (SHARED / rel).read_bytes()
    if every is None:
        return src, "the whole shared/data file, byte for byte"
    blocks = src.decode("utf-8").split("\n\n")[:-1]  # the file ends with a blank line
    kept = blocks[::every]
    how = f"sentences 1, {every + 1}, {2 * every + 1}, ... (every {every}): {len(kept):,} of {len(blocks):,}"
    return "".join(b + "\n\n" for b in kept).encode("utf-8"), how


def main():
    rows = ["| file | bytes | lines | sha256 | licence | taken |", "| --- | ---: | ---: | --- | --- | --- |"]
    total = 0
    for rel, every, licence in FILES:
        data, how = build(rel, every)
        out = HERE / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        total += len(data)
        digest, lines = hashlib.sha256(data).hexdigest(), data.count(b"\n")
        rows.append(f"| `{rel}` | {len(data):,} | {lines:,} | `{digest}` | {licence} | {how} |")
    rows.append(f"\nTotal: {total:,} bytes in {len(FILES)} data files.")
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START)
    tail = rest.split(END)[1]
    readme.write_text(f"{head}{START}\n" + "\n".join(rows) + f"\n{END}{tail}", encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
