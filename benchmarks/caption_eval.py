"""The captioner on its own held-out images: the numbers of its model card, and where it fails.

    python benchmarks/caption_eval.py [MODEL] [--data ../shared/data/flickr8k_1k/captions.csv]

Rebuilds the training run's validation split (the seeded 10% of the images, with all their captions, that
`python -m core train caption` held out: `valid_fraction` and `seed` from the model's own info), then prints
BLEU-1..4 (sacrebleu, against all five references), CIDEr-D (if pycocoevalcap is installed) and diversity
for beam search (3 and 5) and greedy decoding; BLEU-4 on the images whose references speak of dogs and of
people; the most repeated captions; and the captions of the app's example photos (scikit-image's).
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from anywhere: the repo's core
from core.checkpoint import load_checkpoint  # noqa: E402
from core.tasks.caption.task import caption_scores, words  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402

PEOPLE = {"man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "people", "person",
          "kid", "kids", "baby", "lady", "guy"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=str(REPO / "models" / "caption-flickr8k.safetensors"))
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "flickr8k_1k" / "captions.csv"))
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    spec, bundle = TASKS["caption"], load_checkpoint(args.model)
    train = bundle.info.get("train", {})
    _, valid = spec.split(spec.read(args.data), train.get("valid_fraction", 0.1), train.get("seed", 0))
    print(f"{len(valid)} held-out images, {sum(len(e.captions) for e in valid)} captions")
    features = torch.stack([e.features for e in valid])
    refs = [[" ".join(words(c)) for c in e.captions] for e in valid]
    for method, k in (("beam", 3), ("beam", 5), ("greedy", 1)):
        hyps = [" ".join(bundle.vocab.decode(d.tokens)) for d in spec.decode(bundle, features, method, k)]
        scores = caption_scores(hyps, refs)
        print(f"{method} {k}: " + ", ".join(f"{n} {v:.{3 if n == 'distinct_fraction' else 1}f}"
                                            if isinstance(v, float) else f"{n} {v}"
                                            for n, v in scores.items() if n != "bleu_signature"))
        if method == "beam" and k == 3:
            kept, signature = hyps, scores["bleu_signature"]
    print("sacrebleu:", signature)
    for name, test in (("dogs", lambda r: any("dog" in c.split() for c in r)),
                       ("people", lambda r: any(PEOPLE & set(c.split()) for c in r))):
        idx = [i for i, r in enumerate(refs) if test(r)]
        sub = caption_scores([kept[i] for i in idx], [refs[i] for i in idx])
        print(f"  {name} ({len(idx)} images): BLEU-4 {sub['bleu4']:.1f}, distinct {sub['distinct']}")
    dog_said = sum("dog" in h.split() for h in kept)
    dog_true = sum("dog" in h.split() and any("dog" in c.split() for c in r) for h, r in zip(kept, refs))
    print(f"  'dog' written for {dog_said} images, {dog_true} of them with a dog in a reference")
    print("most repeated:", Counter(kept).most_common(5))
    for i in range(8):
        print(f"  {kept[i]!r} | {valid[i].captions[0]!r}")
    names = ("cat", "coffee", "astronaut", "rocket", "camera")
    example = spec.features([REPO / "webapp" / "examples" / "captioning" / f"{n}.jpg" for n in names])
    for n, d in zip(names, spec.decode(bundle, example, "beam", 3)):
        print(f"example {n}: {' '.join(bundle.vocab.decode(d.tokens))}")


if __name__ == "__main__":
    main()
