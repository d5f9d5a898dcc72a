"""Choosing decoding "channel"'s settings (core.tasks.translate.channel): the beam's n-best of a translator rescored by models of
the other direction, score = log p(y|x) / lp(|y|) + weight * log p(x|y) per source token.

    python benchmarks/translate_channel.py --forward KO-EN.safetensors... --reverse EN-KO.safetensors... \
        --valid inner_valid.tsv --metric bleu

Each beam size and alpha runs beam search once (with core.tasks.translate.channel's reverse scores); every weight is then a
re-sort of the same n-best. Prints the metric (corpus BLEU or chrF, sacrebleu) of each setting, and which one
wins (ties: the smaller beam, the smaller weight). Choose on pairs that neither model trained on nor that
you report: an inner split of the training part. `python -m core ensemble ... --reverse ... --beam-size B
--length-alpha A --channel-weight W` then packs the translators with the settings chosen."""
import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.checkpoint import load_checkpoint  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402
from core.tasks.translate.channel import rescore  # noqa: E402
from core.tasks.translate.ensemble import pack  # noqa: E402
from core.tasks.translate.task import text_scores  # noqa: E402


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--forward", nargs="+", required=True, help="translators of one direction (same settings)")
    parser.add_argument("--reverse", nargs="+", required=True, help="translators of the other direction")
    parser.add_argument("--valid", required=True, help="pairs to choose on, read with the forward models' columns")
    parser.add_argument("--metric", choices=("bleu", "chrf"), default="bleu")
    parser.add_argument("--beams", default="5,10,20")
    parser.add_argument("--alphas", default="0.6,1.0,1.5,2.0")
    parser.add_argument("--weights", default="0,0.5,1,1.5,2,3,4,6,8")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    task = TASKS["translate"]
    bundle = pack([load_checkpoint(p, task="translate") for p in args.forward],
                  [load_checkpoint(p, task="translate") for p in args.reverse])
    cfg = bundle.cfg
    pairs = task.read(args.valid, source_column=cfg.source_column or None, target_column=cfg.target_column or None)
    sources, references = [p.source for p in pairs], [p.target for p in pairs]
    results = {}
    print(f"{len(pairs)} pairs; {args.metric} by beam size, alpha and weight")
    for beam in [int(b) for b in args.beams.split(",")]:
        for alpha in floats(args.alphas):
            rescored = rescore(task, bundle, sources, beam_size=beam, alpha=alpha, weight=0.0)
            row = []
            for weight in floats(args.weights):
                written = [task.text(bundle, max(r.nbest, key=lambda s: s.forward + weight * s.backward).tokens)
                           for r in rescored]
                scores = text_scores(written, references)
                results[beam, alpha, weight] = scores
                row.append(f"{scores[args.metric]:6.2f}")
            print(f"beam {beam:3d} alpha {alpha:4.2f}: " + " ".join(row) + f"   (weights {args.weights})")
    best = max(results, key=lambda k: (round(results[k][args.metric], 6), -k[0], -k[2]))
    s = results[best]
    print(f"best: beam {best[0]}, alpha {best[1]}, weight {best[2]}: BLEU {s['bleu']:.2f}, chrF {s['chrf']:.2f}, "
          f"{s['distinct']:.0%} different")
    return 0


if __name__ == "__main__":
    sys.exit(main())
