"""SMS spam: RNN classifiers against a TF-IDF LinearSVC under the same honest cross-validation.

The SMS Spam Collection repeats messages, so a random split scores a model on copies of its training
messages. Here messages are grouped by their normalised text (lower case, runs of white space as one
space): a message and its copies always fall on the same side of every split. Stratified 5-fold
cross-validation over those groups; in each fold every model trains on the other four folds only, and an
RNN picks its checkpoint on a validation part carved (grouped, stratified, ~10%) from those four folds.
The table gives the mean ± standard deviation over the folds of accuracy and spam F1 on the held-out
fold.

    OMP_NUM_THREADS=1 python benchmarks/spam_cv.py ../shared/data/sms_spam/train.tsv \\
        [--configs svm,char-bigru64] [--ensemble char-bigru64+word-bigru128] [--cache DIR]

Each (configuration, fold) result, with the held-out fold's spam probabilities, is kept in `--cache`, so a
rerun only trains what is new. `NAME@S` is configuration NAME trained with seed S (the folds stay those of
`--seed`), and `--ensemble a+b@1` averages the members' log-odds (what a packed ensemble, `core.tasks.classify.ensemble`,
computes), scored in the very same folds. `--list` shows the configurations.

`--write-split DIR` writes the split a final model is trained with, the way each fold's model was:
DIR/train.tsv and DIR/valid.tsv (grouped, stratified, ~10% to pick the checkpoint), headerless
`label<TAB>text`, for `python -m core train classify --data DIR/train.tsv --valid DIR/valid.tsv ...`.
"""
import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import StratifiedGroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.config import ModelConfig, TrainConfig  # noqa: E402
from core.fit import prepare, run  # noqa: E402
from core.tasks.classify.ensemble import threshold  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402

FOLDS = 5
VALID_SPLITS = 10  # one of these groups of the training part validates: ~10%
SPAM = "spam"

# name -> (ModelConfig fields, TrainConfig fields). "svm" is the linear baseline, not an RNN.
CHAR_BIGRU64 = dict(tokenizer="char", cell="gru", bidirectional=True, hidden_size=64, embed_size=32, dropout=0.1)
WORD_BIGRU128 = dict(tokenizer="word", cell="gru", bidirectional=True, hidden_size=128, embed_size=64, dropout=0.3,
                     word_dropout=0.1)
CONFIGS = {
    "svm": None,
    # the settings of the model shipped before (there trained for 3 minutes, ~7.4 epochs)
    "char-bigru64": (CHAR_BIGRU64, dict(lr=6e-3, epochs=8)),
    "char-bigru64-long": (CHAR_BIGRU64, dict(lr=6e-3, epochs=16)),
    "char-bigru128": (CHAR_BIGRU64 | dict(hidden_size=128, dropout=0.2), dict(lr=4e-3, epochs=12)),
    # the same, also reading the words (hashed) each character is in
    "charwords-bigru64": (CHAR_BIGRU64 | dict(word_buckets=4096), dict(lr=6e-3, epochs=8)),
    "word-bigru128": (WORD_BIGRU128, dict(lr=5e-3, epochs=12)),
    "word-bigru128-long": (WORD_BIGRU128, dict(lr=5e-3, epochs=24)),
    "word-bigru256": (WORD_BIGRU128 | dict(hidden_size=256, embed_size=128, dropout=0.4), dict(lr=3e-3, epochs=12)),
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def groups_of(texts: list[str]) -> np.ndarray:
    """One group id per message: equal normalised texts share it."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(normalise(t), len(ids)) for t in texts])


def folds(labels: np.ndarray, groups: np.ndarray, seed: int):
    """(train, test) index arrays of stratified, grouped k-fold."""
    return list(StratifiedGroupKFold(FOLDS, shuffle=True, random_state=seed).split(labels, labels, groups))


def carve_valid(index: np.ndarray, labels: np.ndarray, groups: np.ndarray, seed: int):
    """Split a fold's training indices into (train, valid), grouped and stratified."""
    splitter = StratifiedGroupKFold(VALID_SPLITS, shuffle=True, random_state=seed)
    fit, valid = next(splitter.split(index, labels[index], groups[index]))
    return index[fit], index[valid]


def scores(gold: np.ndarray, p_spam: np.ndarray) -> dict:
    pred = p_spam > 0.5
    tp, fp, fn = int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())
    return {"accuracy": float((pred == gold).mean()), "spam_f1": 2 * tp / max(1, 2 * tp + fp + fn),
            "missed_spam": fn, "lost_ham": fp}


def svm_p_spam(train_texts, train_labels, test_texts) -> np.ndarray:
    """TF-IDF word 1-2-grams + character 2-5-grams, LinearSVC with scikit-learn's defaults: the decision
    function squashed to (0, 1) so that > 0.5 is its spam answer."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC
    model = make_pipeline(make_union(TfidfVectorizer(ngram_range=(1, 2)),
                                     TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))), LinearSVC())
    model.fit(train_texts, train_labels == SPAM)
    return 1 / (1 + np.exp(-model.decision_function(test_texts)))


def rnn_p_spam(examples, fit, valid, test, config, seed: int) -> tuple[np.ndarray, dict]:
    model_kw, train_kw = config
    task = TASKS["classify"]
    bundle, trainer = prepare("classify", [examples[i] for i in fit], [examples[i] for i in valid],
                              ModelConfig(task="classify", **model_kw), TrainConfig(seed=seed, **train_kw))
    run(bundle, trainer)
    bundle.model.eval()
    spam = bundle.labels.stoi[SPAM]
    p_of = {part: task.probabilities(bundle, task.encode(bundle, [examples[i] for i in index])[0])[:, spam].numpy()
            for part, index in (("test", test), ("valid", valid))}  # every SMS has some characters
    return p_of["test"], {"valid_accuracy": trainer.best["accuracy"], "steps": trainer.step,
                          "minutes": bundle.info["minutes"], "valid": valid.tolist(),
                          "p_valid": p_of["valid"].tolist()}


def config_of(name: str) -> tuple[str, int | None]:
    """"NAME@S" -> ("NAME", S); "NAME" -> ("NAME", None: the folds' seed)."""
    base, _, seed = name.partition("@")
    return base, int(seed) if seed.isdigit() else None


def fold_result(name, k, examples, labels, groups, train_idx, test_idx, seed, cache: Path | None) -> dict:
    path = cache / f"{name}.fold{k}.seed{seed}.json" if cache else None
    if path and path.exists():
        return json.loads(path.read_text())
    start = time.perf_counter()
    name, train_seed = config_of(name)
    if CONFIGS[name] is None:
        texts = np.array([t for t, _ in examples], dtype=object)
        p, extra = svm_p_spam(texts[train_idx], labels[train_idx], texts[test_idx]), {}
    else:
        fit, valid = carve_valid(train_idx, labels, groups, seed)
        p, extra = rnn_p_spam(examples, fit, valid, test_idx, CONFIGS[name], seed if train_seed is None else train_seed)
    result = {"p_spam": p.tolist(), "test": test_idx.tolist(), **extra,
              "wall_minutes": (time.perf_counter() - start) / 60}
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result))
    return result


def mean_log_odds(p_spam: list[list[float]]) -> np.ndarray:
    """The members' probabilities -> the probability of their mean log-odds (the mean logit of two classes)."""
    return 1 / (1 + np.exp(-logit(np.array(p_spam)).mean(0)))


def with_threshold(per_fold: list[dict], labels: np.ndarray) -> list[dict]:
    """Each fold's log-odds moved by the cut that is right most often on that fold's inner validation part
    (`core.tasks.classify.ensemble.threshold`: what `python -m core ensemble --threshold` does to a shipped file)."""
    out = []
    for r in per_fold:
        z_valid = logit(np.array(r["p_valid"]))
        cut = threshold(z_valid, labels[np.array(r["valid"])] == SPAM)
        out.append(r | {"p_spam": (1 / (1 + np.exp(-(logit(np.array(r["p_spam"])) - cut)))).tolist(), "cut": cut})
    return out


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return np.log(p / (1 - p))


def row(name: str, per_fold: list[dict], labels: np.ndarray) -> str:
    s = [scores(labels[np.array(r["test"])] == SPAM, np.array(r["p_spam"])) for r in per_fold]
    acc, f1 = np.array([x["accuracy"] for x in s]), np.array([x["spam_f1"] for x in s])
    missed, lost = sum(x["missed_spam"] for x in s), sum(x["lost_ham"] for x in s)
    minutes = np.mean([r.get("wall_minutes", 0) for r in per_fold])
    return (f"| {name} | {100 * acc.mean():.2f} ± {100 * acc.std(ddof=1):.2f} | {f1.mean():.3f} ± {f1.std(ddof=1):.3f} "
            f"| {missed} / {lost} | {minutes:.1f} |")


def write_split(out: Path, examples, labels, groups, seed: int):
    fit, valid = carve_valid(np.arange(len(examples)), labels, groups, seed)
    out.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", fit), ("valid", valid)):
        lines = [f"{examples[i][1]}\t{examples[i][0]}\n" for i in sorted(part)]
        (out / f"{name}.tsv").write_text("".join(lines), encoding="utf-8")
        print(f"{out / name}.tsv: {len(part)} messages, {sum(labels[part] == SPAM)} spam")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", default="../shared/data/sms_spam/train.tsv")
    parser.add_argument("--configs", default="svm,char-bigru64", help="comma-separated names (see --list)")
    parser.add_argument("--ensemble", action="append", default=[], metavar="A+B",
                        help="also score the average of these configurations' probabilities (repeatable)")
    parser.add_argument("--cache", type=Path, help="keep and reuse each (configuration, fold) result here")
    parser.add_argument("--seed", type=int, default=0, help="of the folds and of the training runs")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--threshold", action="store_true", help="also score each RNN row with its decision "
                        "threshold chosen on each fold's inner validation part (results cached with it only)")
    parser.add_argument("--list", action="store_true", help="show the configurations and stop")
    parser.add_argument("--write-split", type=Path, metavar="DIR", help="write DIR/train.tsv and DIR/valid.tsv "
                        "of the whole file (grouped, stratified) and stop")
    args = parser.parse_args()
    if args.list:
        for name, config in CONFIGS.items():
            print(name, "TF-IDF + LinearSVC" if config is None else config)
        return
    names = [n for n in args.configs.split(",") if n]
    members = {m for e in args.ensemble for m in e.split("+")}
    unknown = sorted({n for n in set(names) | members if config_of(n)[0] not in CONFIGS or "@" in n
                      and config_of(n)[1] is None})
    if unknown:
        parser.error(f"unknown configuration(s): {', '.join(unknown)} (see --list)")
    torch.set_num_threads(args.threads)

    examples = TASKS["classify"].read(args.data)
    labels = np.array([label for _, label in examples])
    groups = groups_of([t for t, _ in examples])
    if args.write_split:
        write_split(args.write_split, examples, labels, groups, args.seed)
        return
    splits = folds(labels, groups, args.seed)
    print(f"{len(examples)} messages, {groups.max() + 1} distinct after normalising; {FOLDS} stratified folds "
          f"of whole groups, {', '.join(str(len(te)) for _, te in splits)} messages held out", flush=True)
    results = {}
    for name in dict.fromkeys(names + sorted(members)):
        results[name] = []
        for k, (train_idx, test_idx) in enumerate(splits):
            r = fold_result(name, k, examples, labels, groups, train_idx, test_idx, args.seed, args.cache)
            results[name].append(r)
            acc = scores(labels[test_idx] == SPAM, np.array(r["p_spam"]))
            print(f"  {name} fold {k}: accuracy {acc['accuracy']:.4f}, spam F1 {acc['spam_f1']:.3f} "
                  f"({r['wall_minutes']:.1f} min)", flush=True)
    for ensemble in args.ensemble:
        parts = [results[m] for m in ensemble.split("+")]
        results[ensemble] = [{"test": fold[0]["test"], "p_spam": mean_log_odds([f["p_spam"] for f in fold]).tolist(),
                              "wall_minutes": sum(f["wall_minutes"] for f in fold)}
                             | ({"valid": fold[0]["valid"], "p_valid": mean_log_odds([f["p_valid"] for f in fold]).tolist()}
                                if all("p_valid" in f for f in fold) else {}) for fold in zip(*parts)]
    print("\n| model | accuracy % (mean ± std over folds) | spam F1 | spam missed / ham lost (all folds) "
          "| minutes per fold |\n| --- | --- | --- | --- | --- |")
    for name in names + args.ensemble:
        print(row(name, results[name], labels))
        if args.threshold and all("p_valid" in r for r in results[name]):
            tuned = with_threshold(results[name], labels)
            cuts = " ".join(f"{r['cut']:+.1f}" for r in tuned)
            print(row(f"{name}, threshold from the inner validation (log-odds cuts {cuts})", tuned, labels))


if __name__ == "__main__":
    main()
