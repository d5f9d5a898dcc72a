"""An SST-2 validation split that does not leak.

GLUE's SST-2 train file holds the treebank's sentences *and* their phrases, so a random 10% of its
rows validates mostly on phrases whose sentence (or sibling phrases) sit in the training part. This
script holds out whole sentences instead (rows that are no part of a longer row, as the withheld dev
set is made of sentences) and drops from training every row that is a word span of a held-out
sentence.

    python benchmarks/sst2_sentence_split.py ../shared/data/sst2/train.tsv OUTDIR [--n 1000] [--seed 0]

writes OUTDIR/train.tsv and OUTDIR/valid.tsv (same `sentence<TAB>label` format), to train with
`python -m core train classify --data OUTDIR/train.tsv --valid OUTDIR/valid.tsv ...`.
"""
import argparse
import random
from pathlib import Path

MIN_WORDS = 10  # shorter rows are almost all phrases


def spans(words: list[str], min_len: int = 1, proper: bool = False):
    n = len(words)
    for i in range(n):
        for j in range(i + min_len, n + 1):
            if not (proper and i == 0 and j == n):
                yield " ".join(words[i:j])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data")
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=1000, help="sentences to hold out")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    lines = Path(args.data).read_text(encoding="utf-8").split("\n")
    header, rows = lines[0], [line.split("\t") for line in lines[1:] if line.strip()]
    words = [r[0].split() for r in rows]
    inside_longer = {hash(s) for w in words if len(w) > MIN_WORDS for s in spans(w, MIN_WORDS, proper=True)}
    sentences = [i for i, w in enumerate(words) if len(w) >= MIN_WORDS and hash(" ".join(w)) not in inside_longer]
    held = set(random.Random(args.seed).sample(sentences, args.n))
    leaked = {s for i in held for s in spans(words[i])}
    train = [r for i, r in enumerate(rows) if i not in held and " ".join(words[i]) not in leaked]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", train), ("valid", [rows[i] for i in sorted(held)])):
        (out / f"{name}.tsv").write_text("\n".join([header] + ["\t".join(r) for r in part]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows, {len(sentences)} sentences of {MIN_WORDS}+ words that are no part of a longer row; "
          f"held out {len(held)}, dropped {len(rows) - len(held) - len(train)} rows that are spans of them; "
          f"train {len(train)}")


if __name__ == "__main__":
    main()
