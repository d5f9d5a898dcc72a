"""Scores, computed by the libraries the field trusts: scikit-learn and seqeval (conlleval-compatible).
Each is imported where a score needs it: a model that only samples or predicts never pays for them."""
import math


def lm_metrics(loss: float) -> dict:
    """Mean cross-entropy in nats per token, and bits per token (bits per character for char models)."""
    return {"loss": loss, "bpc": loss / math.log(2)}


def classification_metrics(gold: list[int], pred: list[int], labels: list[str]) -> dict:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    ids = list(range(len(labels)))
    per_class = f1_score(gold, pred, labels=ids, average=None, zero_division=0)
    return {
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(f1_score(gold, pred, labels=ids, average="macro", zero_division=0)),
        "f1": {label: float(f) for label, f in zip(labels, per_class)},
        "confusion": confusion_matrix(gold, pred, labels=ids).tolist(),  # rows: gold, columns: predicted
    }


def token_metrics(gold: list[list[str]], pred: list[list[str]], labels: list[str]) -> dict:
    """Tag accuracy over tokens, macro-averaged F1 over the tags that occur, per-tag precision, recall and F1,
    and the confusion matrix (rows: gold, columns: predicted, in the order of `labels`). `f1` is the
    micro-averaged F1 over tokens, which equals the accuracy (every token has exactly one tag): the number
    the trainer keeps the best model by, as it keeps entity F1 for IOB tags."""
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    gold = [t for s in gold for t in s]
    pred = [t for s in pred for t in s]
    seen = [tag for tag in labels if tag in set(gold) | set(pred)]
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=seen, zero_division=0)
    accuracy = float(accuracy_score(gold, pred))
    return {
        "accuracy": accuracy,
        "f1": accuracy,
        "macro_f1": float(f.mean()) if len(seen) else 0.0,
        "per_tag": {tag: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(n[i])}
                    for i, tag in enumerate(seen)},
        "tags": list(labels),
        "confusion": confusion_matrix(gold, pred, labels=list(labels)).tolist(),
    }


def entity_metrics(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Entity-level precision, recall and F1 (an entity counts only if its type and span are exact)."""
    from seqeval.metrics import classification_report as entity_report

    report = entity_report(gold, pred, output_dict=True, zero_division=0)
    micro = report.get("micro avg", {"precision": 0.0, "recall": 0.0, "f1-score": 0.0})
    types = {k: v for k, v in report.items() if not k.endswith(" avg")}
    return {
        "precision": float(micro["precision"]),
        "recall": float(micro["recall"]),
        "f1": float(micro["f1-score"]),
        "per_type": {t: {"precision": float(v["precision"]), "recall": float(v["recall"]),
                         "f1": float(v["f1-score"]), "support": int(v["support"])} for t, v in types.items()},
    }
