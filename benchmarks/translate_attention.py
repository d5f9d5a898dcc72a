"""What attention buys: two translators of the same data, with and without attention, scored on the same
held-out pairs grouped by source length (a small-scale version of Bahdanau et al. 2015, figure 2).

    python benchmarks/translate_attention.py models/translate-ko-en.safetensors /tmp/ko-en-none.safetensors \
        --data ../shared/data/kor_eng/train.tsv --out models/translate-attention.json

Each model reads the file with the columns it was trained on and holds out the same grouped validation part
its training held out (core.readers.pairs.grouped_split, seed 0, 10%); both write with their own decoding (beam 5).
Per bucket of source length (characters): corpus BLEU and chrF (sacrebleu), and the number of pairs."""
import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.checkpoint import load_checkpoint  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402
from core.tasks.translate.task import text_scores  # noqa: E402

BUCKETS = [(1, 10), (11, 20), (21, 30), (31, 10_000)]  # Tatoeba: few sentences are longer


def label(low: int, high: int) -> str:
    return f"{low}-{high}" if high < 10_000 else f"{low}+"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="+", help="checkpoints of one task and data, differing in attention")
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    task = TASKS["translate"]
    table = {"buckets": [{"label": label(lo, hi), "low": lo, "high": hi} for lo, hi in BUCKETS], "models": {},
             "metric": "bleu", "command": "python benchmarks/translate_attention.py " + " ".join(
                 argv if argv is not None else sys.argv[1:])}
    for path in args.models:
        bundle = load_checkpoint(path, task="translate")
        cfg = bundle.cfg
        pairs = task.read(args.data, source_column=cfg.source_column or None, target_column=cfg.target_column or None)
        _, valid = task.split(pairs, args.fraction, args.seed)
        written = task.write(bundle, [p.source for p in valid])
        rows = []
        for lo, hi in BUCKETS:
            part = [(w, p.target) for w, p in zip(written, valid) if lo <= len(p.source) <= hi]
            scores = text_scores([w for w, _ in part], [r for _, r in part]) if part else {"bleu": 0.0, "chrf": 0.0}
            rows.append({"n": len(part), "bleu": scores["bleu"], "chrf": scores["chrf"]})
        overall = text_scores(written, [p.target for p in valid])
        table["models"][cfg.attention] = rows
        table.setdefault("overall", {})[cfg.attention] = {"bleu": overall["bleu"], "chrf": overall["chrf"],
                                                          "n": len(valid), "minutes": bundle.info.get("minutes")}
        table["signature"] = overall["bleu_signature"]
        table["direction"] = "ko-en" if cfg.tokenizer == "char" and cfg.target_tokenizer == "word" else "en-ko"
        table["split"] = (f"{len(valid)} held-out pairs of {len(pairs)}, grouped by shared sentences (seed "
                          f"{args.seed}), the part the models never trained on")
        print(path, cfg.attention, " ".join(f"{b['label']}: n={r['n']} BLEU {r['bleu']:.1f} chrF {r['chrf']:.1f}"
                                            for b, r in zip(table["buckets"], rows)), file=sys.stderr)
    Path(args.out).write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
