"""Retrieve and rerank for the chatbot (core.tasks.translate.rerank): choose k, the weight, the generated candidates and the
temperature on an inner split of the training part, report on the validation split against pure TF-IDF
retrieval, and write the shipped reranking model.

    python benchmarks/chatbot_rerank.py MODEL --data ../shared/data/chatbot_ko/train.csv \
        [--out models/chatbot-ko.safetensors] [--json table.json]

The split: `grouped_split(pairs, 0.1, seed 0)` of the data (by question) gives the training part and the
validation split; the same split of the training part gives the inner training and inner validation parts.
MODEL must have been trained on the inner training part only (`python -m core train translate --data PART`,
which holds out that same inner validation split), so that tuning on the inner validation split reads
questions neither the model nor the retrieval memory has seen. For the validation report the memory holds the
whole training part (retrieval learns nothing: more questions to look up). Candidate scores are computed once
per split for the largest k and every setting is chosen from them.
"""
import argparse
import itertools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.checkpoint import load_checkpoint, save_checkpoint  # noqa: E402
from core.readers.pairs import grouped_split, read_pairs  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402
from core.tasks.translate.retrieve import Memory  # noqa: E402
from core.tasks.translate.task import (
    rerank,  # noqa: E402
    text_scores,  # noqa: E402
)

TASK = TASKS["translate"]
KS = (1, 3, 5, 10, 20)
WEIGHTS = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
GENERATED = {"": (), "greedy": ("greedy",), "greedy,beam": ("greedy", "beam")}  # as cfg.rerank_generated
MMIS = (0.0, 0.25, 0.5, 0.75, 1.0)  # minus this * log p(reply | no question): Li et al. 2016
TEMPERATURES = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)
SEEDS = (0, 1, 2)  # temperatures above 0: chrF and distinct averaged over these draws
MIN_DISTINCT = 0.8  # varied replies: at least this share of different replies to different questions


def subset(cands: list[rerank.Candidate], k: int, generated: tuple) -> list[rerank.Candidate]:
    """The candidates `rerank` would have with this k and these generated replies (from those of a larger k:
    a generated reply that was a retrieved answer beyond k becomes a generated one, with similarity 0)."""
    out = [c for c in cands if c.origin == "retrieved"][:k]
    texts = {c.text for c in out}
    for c in cands:
        how = [g for g in generated if g in c.written_by]
        if how and c.text not in texts:
            out.append(replace(c, origin=how[0], similarity=0.0, question=""))
            texts.add(c.text)
    return out


def replies(table: list[list[rerank.Candidate]], k: int, generated: tuple, weight: float, temperature: float,
            mmi: float, seed: int = 0) -> tuple[list[str], float]:
    """Each question's reply under these settings, and the share of replies the model wrote."""
    generator = torch.Generator().manual_seed(seed)
    out, written = [], 0
    for cands in table:
        chosen = rerank.choose([replace(c) for c in subset(cands, k, generated)], weight, temperature, mmi)
        c = chosen[rerank.draw(chosen, temperature, generator)]
        out.append(c.text)
        written += c.origin != "retrieved"
    return out, written / max(1, len(table))


def score(table, references, k, generated, weight, mmi, temperature) -> dict:
    runs = [replies(table, k, GENERATED[generated], weight, temperature, mmi, seed)
            for seed in (SEEDS if temperature > 0 else SEEDS[:1])]
    scores = [text_scores(r, references) | {"written": w} for r, w in runs]
    mean = {key: sum(s[key] for s in scores) / len(scores) for key in ("chrf", "bleu", "distinct", "written")}
    return {"k": k, "generated": generated, "weight": weight, "mmi": mmi, "temperature": temperature, **mean,
            "chrf_signature": scores[0]["chrf_signature"], "bleu_signature": scores[0]["bleu_signature"]}


def candidates(bundle, pairs, memory) -> list[list[rerank.Candidate]]:
    bundle.memory = memory
    start = time.perf_counter()
    table = rerank.candidates(TASK, bundle, [p.source for p in pairs], max(KS))
    print(f"  candidates of {len(pairs)} questions: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return table


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", help="write the reranking model here (float16)")
    parser.add_argument("--json", help="write every measured row here")
    parser.add_argument("--limit", type=int, help="only the first N questions of each split (a quick check)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    bundle = load_checkpoint(args.model, task="translate")
    part, valid = grouped_split(read_pairs(args.data), 0.1, 0)
    inner_train, inner_valid = grouped_split(part, 0.1, 0)
    if args.limit:
        valid, inner_valid = valid[:args.limit], inner_valid[:args.limit]
    print(f"training part {len(part)}, validation {len(valid)}; inner {len(inner_train)} / {len(inner_valid)}",
          file=sys.stderr)

    table = candidates(bundle, inner_valid, Memory.of(inner_train))
    refs = [p.target for p in inner_valid]
    inner = [score(table, refs, k, g, w, m, 0.0) for k, g, w, m in itertools.product(KS, GENERATED, WEIGHTS, MMIS)]
    varied = [r for r in inner if r["distinct"] >= MIN_DISTINCT] or inner
    best = max(varied, key=lambda r: (r["chrf"], len(r["generated"])))  # a tie: the RNN's own replies compete too
    settings = ("k", "generated", "weight", "mmi")
    chosen = tuple(best[s] for s in settings)
    inner += [score(table, refs, *chosen, t) for t in TEMPERATURES[1:]]
    by_t = [r for r in inner if tuple(r[s] for s in settings) == chosen]
    best = max((r for r in by_t if r["distinct"] >= MIN_DISTINCT), key=lambda r: (round(r["chrf"], 1), r["temperature"]))
    print(f"chosen on the inner split: k {best['k']}, generated {best['generated']!r}, weight {best['weight']}, "
          f"mmi {best['mmi']}, temperature {best['temperature']} (chrF {best['chrf']:.2f})", file=sys.stderr)

    table = candidates(bundle, valid, Memory.of(part))
    refs = [p.target for p in valid]
    k, gen, weight, mmi, temperature = *chosen, best["temperature"]
    report = {"tf-idf retrieval (nearest question's answer)": score(table, refs, 1, "", 0.0, 0.0, 0.0),
              "rerank, chosen settings": score(table, refs, *chosen, temperature),
              "rerank, retrieved candidates only": score(table, refs, k, "", weight, mmi, temperature),
              "rerank, without the mmi term": score(table, refs, k, gen, weight, 0.0, temperature),
              "rerank, model score only (weight 0)": score(table, refs, k, gen, 0.0, mmi, temperature),
              "rerank, model score only, no mmi (weight 0)": score(table, refs, k, gen, 0.0, 0.0, temperature)}
    report |= {f"rerank, temperature {t:g}": score(table, refs, *chosen, t) for t in TEMPERATURES}
    for name, r in report.items():
        print(f"{name}: chrF {r['chrf']:.2f}, BLEU {r['bleu']:.2f}, distinct {100 * r['distinct']:.1f}%, "
              f"written by the model {100 * r['written']:.1f}%")
    print(report["rerank, chosen settings"]["chrf_signature"])
    if args.json:
        Path(args.json).write_text(json.dumps({"inner": inner, "chosen": best, "valid": report}, indent=1))
    if args.out:
        cfg = bundle.cfg
        cfg.decoding, cfg.retrieve_k, cfg.rerank_weight, cfg.rerank_temperature, cfg.rerank_generated = \
            "rerank", k, weight, temperature, gen
        cfg.rerank_mmi = mmi
        cfg.__post_init__()
        bundle.memory = Memory.of(part)
        final = report["rerank, chosen settings"]
        bundle.info["valid_generative"] = bundle.info.get("valid")
        bundle.info["valid"] = {k: final[k] for k in ("chrf", "bleu", "distinct", "chrf_signature", "bleu_signature")}
        keep = ("chrf", "bleu", "distinct", "written")
        bundle.info["rerank"] = {"inner": best, "command": "python " + " ".join(sys.argv), "split": "valid",
                                 "tfidf": {k: report["tf-idf retrieval (nearest question's answer)"][k] for k in keep},
                                 "reranked": {k: final[k] for k in keep}}
        save_checkpoint(bundle, args.out, torch.float16)
        print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
