"""Every shipped model scored by `python -m core evaluate` on its validation data (from ../shared/data, as
each card in models/README.md builds it), as a table; `--out DIR` keeps each model's JSON, so that two
checkouts can be compared file by file (`cmp DIR1/x.json DIR2/x.json`): a refactor must leave them equal.

    OMP_NUM_THREADS=1 python benchmarks/shipped_scores.py [--out DIR] [--only NAME ...]
"""
import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from core.readers.pairs import grouped_split, read_pairs  # noqa: E402

DATA = REPO.parent / "shared" / "data"
KEYS = ("accuracy", "macro_f1", "f1", "bleu", "chrf", "bleu4", "mae", "rmse", "coverage_80", "loss", "bpc")


def validation_files(folder: Path) -> dict[str, list[str]]:
    """Each model's `evaluate` arguments after its path, writing the splits the cards describe."""
    text = (DATA / "tinyshakespeare" / "input.txt").read_text()
    (folder / "shakespeare.txt").write_text(text[1_003_854:])  # the last 10%, as the card says
    for source, out, delimiter, header in (("kor_eng/train.tsv", "kor_eng.tsv", "\t", None),
                                           ("chatbot_ko/train.csv", "chat.csv", ",", ["Q", "A", "label"])):
        _, part = grouped_split(read_pairs(DATA / source), 0.1, 0)
        with open(folder / out, "w", newline="") as f:
            w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
            if header:
                w.writerow(header)
            w.writerows((p.source, p.target, p.note) for p in part)
    for script, source, out in (("sst2_sentence_split.py", "sst2/train.tsv", "sst2"),
                                ("spam_cv.py", "sms_spam/train.tsv", "spam")):
        flag = [] if script.startswith("sst2") else ["--write-split"]
        subprocess.run([sys.executable, str(REPO / "benchmarks" / script), str(DATA / source), *flag,
                        str(folder / out)], check=True, capture_output=True)
    return {
        "char-shakespeare": [str(folder / "shakespeare.txt")],
        "sentiment-sst2": [str(folder / "sst2" / "valid.tsv")],
        "spam-sms": [str(folder / "spam" / "valid.tsv")],
        "ner-conll2003": [str(DATA / "conll2003" / "valid.txt")],
        "pos-en-ewt": [str(DATA / "ud_ewt" / "dev.conllu")],
        "pos-ko-gsd": [str(DATA / "ud_korean_gsd" / "dev.conllu")],
        "forecast-seoul-bike": [str(DATA / "seoul_bike" / "train.csv"), "--start", "2018-09-01"],
        "caption-flickr8k": [str(DATA / "flickr8k_1k" / "captions.csv")],  # every photo: a fixed set, not a split
        "translate-ko-en": [str(folder / "kor_eng.tsv")],
        "translate-en-ko": [str(folder / "kor_eng.tsv")],
        "chatbot-ko": [str(folder / "chat.csv")],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep each model's JSON here")
    parser.add_argument("--only", nargs="+", help="these models only (names without .safetensors)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jobs = validation_files(Path(tmp))
        print("| model | " + " | ".join(KEYS) + " | seconds |")
        print("| --- |" + " ---: |" * (len(KEYS) + 1))
        for name, rest in jobs.items():
            if args.only and name not in args.only:
                continue
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "core", "evaluate", f"models/{name}.safetensors", *rest,
                                   "--json"], cwd=REPO, capture_output=True, text=True)
            if done.returncode:
                print(f"| {name} | error: {done.stderr.strip().splitlines()[-1]} |")
                continue
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{name}.json").write_text(done.stdout)
            scores = json.loads(done.stdout)
            cells = [f"{scores[k]:.4f}" if isinstance(scores.get(k), float) else "" for k in KEYS]
            print(f"| {name} | " + " | ".join(cells) + f" | {time.perf_counter() - start:.0f} |", flush=True)


if __name__ == "__main__":
    main()
