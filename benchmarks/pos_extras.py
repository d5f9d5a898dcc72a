"""What the tagging page shows next to the shipped part-of-speech models, precomputed and small:

- `models/pos-*.confusion.json`: the model's confusion matrix on its dev file (rows: the treebank's tag,
  columns: the model's), with its accuracy and macro F1, as `python -m core evaluate` computes them;
- `models/pos-ko-gsd.sejong.json`: for each Korean word (eojeol) of the Korean-GSD *training* file, its
  morphemes and Sejong tags (columns 3 and 5), up to three analyses with their counts (the treebank has 나는 both as 나/NP + 는/JX,
  "I" as a topic, and as 나/VV + 는/ETM, "coming out"), for every word of the file.

    python benchmarks/pos_extras.py --model models/pos-en-ewt.safetensors --dev ../shared/data/ud_ewt/dev.conllu
    python benchmarks/pos_extras.py --model models/pos-ko-gsd.safetensors --dev ../shared/data/ud_korean_gsd/dev.conllu \
        --sejong ../shared/data/ud_korean_gsd/train.conllu
"""
import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.checkpoint import load_checkpoint  # noqa: E402
from core.readers.conll import conllu_sentences  # noqa: E402
from core.readers.text import decode
from core.tasks.registry import TASKS  # noqa: E402


def confusion(model: Path, dev: Path) -> dict:
    bundle = load_checkpoint(model)
    task = TASKS["tag"]
    metrics = task.evaluate(bundle, task.read(dev, column=bundle.cfg.tag_column))
    return {"data": dev.name, "column": bundle.cfg.tag_column, "accuracy": metrics["accuracy"],
            "macro_f1": metrics["macro_f1"], "tags": metrics["tags"], "counts": metrics["confusion"]}


def sejong_lexicon(train: Path, min_count: int = 1) -> dict:
    """eojeol -> [[morphemes, Sejong tags, count], ...], most frequent first (at most 3), for the words seen at
    least `min_count` times."""
    text = decode(train.read_bytes(), train.name)
    conllu_sentences(text, train.name, "xpos")  # a malformed file stops here, with its message
    seen: dict[str, Counter] = defaultdict(Counter)
    for line in text.split("\n"):
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            seen[cols[1]][cols[2], cols[4]] += 1
    words = {w: [[m, x, n] for (m, x), n in c.most_common(3)] for w, c in sorted(seen.items())
             if sum(c.values()) >= min_count}
    return {"data": f"UD Korean-GSD {train.name} (CC BY-SA 4.0)", "words": words}


def write(path: Path, obj: dict):
    path.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--sejong", type=Path, help="a Korean-GSD training file: write the Sejong lexicon too")
    args = parser.parse_args()
    found = confusion(args.model, args.dev)
    print(f"{args.model.name}: dev accuracy {found['accuracy']:.4f}, macro F1 {found['macro_f1']:.4f}")
    write(args.model.with_name(args.model.name.replace(".safetensors", ".confusion.json")), found)
    if args.sejong:
        write(args.model.with_name(args.model.name.replace(".safetensors", ".sejong.json")), sejong_lexicon(args.sejong))


if __name__ == "__main__":
    main()
