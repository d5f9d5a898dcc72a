"""benchmarks/spam_cv.py on tiny data: copies of a message never straddle a split, and both the linear
baseline and an RNN are scored in the same folds."""
import importlib.util
from pathlib import Path

import numpy as np
import pytest

SPEC = importlib.util.spec_from_file_location("spam_cv", Path(__file__).resolve().parents[2] / "benchmarks" / "spam_cv.py")
spam_cv = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(spam_cv)

SPAM = [f"WIN a £{i}00 prize, txt CLAIM to 8{i}08{i} now" for i in range(12)]
HAM = [f"see you at {i} for lunch, ok?" for i in range(40)]


@pytest.fixture(scope="module")
def data():
    examples = [(t, "spam") for t in SPAM] + [(t, "ham") for t in HAM]
    examples += [("  " + SPAM[0].upper() + " ", "spam"), (HAM[3].lower() + "\t", "ham"), (HAM[3], "ham")]  # copies
    labels = np.array([label for _, label in examples])
    return examples, labels, spam_cv.groups_of([t for t, _ in examples])


def test_copies_share_a_group_and_never_straddle_a_split(data):
    examples, labels, groups = data
    assert groups.max() + 1 == len(SPAM) + len(HAM)
    assert groups[-3] == groups[0] and groups[-2] == groups[-1] == groups[len(SPAM) + 3]
    splits = spam_cv.folds(labels, groups, seed=0)
    assert len(splits) == spam_cv.FOLDS
    held = np.concatenate([test for _, test in splits])
    assert sorted(held) == list(range(len(examples)))  # each message held out exactly once
    for train, test in splits:
        assert not set(groups[train]) & set(groups[test])
        assert (labels[test] == "spam").any()  # stratified: spam in every fold
        fit, valid = spam_cv.carve_valid(train, labels, groups, seed=0)
        assert sorted(np.concatenate([fit, valid])) == sorted(train)
        assert not set(groups[fit]) & set(groups[valid]) and len(valid) < len(train) / 4


def test_scores_and_log_odds():
    s = spam_cv.scores(np.array([True, True, False, False]), np.array([0.9, 0.4, 0.2, 0.7]))
    assert s == {"accuracy": 0.5, "spam_f1": 0.5, "missed_spam": 1, "lost_ham": 1}
    p = spam_cv.mean_log_odds([[0.9, 0.8, 0.5], [0.1, 0.8, 0.8]])
    np.testing.assert_allclose(p, [0.5, 0.8, 2 / 3], rtol=1e-6)  # mean logit: (0 + log 4) / 2 = log 2, odds 2:1


def test_baseline_and_an_rnn_are_scored_in_the_same_folds(data, tmp_path, monkeypatch):
    examples, labels, groups = data
    monkeypatch.setitem(spam_cv.CONFIGS, "tiny", (dict(tokenizer="char", cell="gru", hidden_size=8, embed_size=8),
                                                  dict(max_steps=5, batch_size=8)))
    train, test = spam_cv.folds(labels, groups, seed=0)[0]
    rows = {}
    for name in ("svm", "tiny@1"):
        r = spam_cv.fold_result(name, 0, examples, labels, groups, train, test, 0, tmp_path)
        assert r["test"] == test.tolist() and len(r["p_spam"]) == len(test)
        assert all(0 <= p <= 1 for p in r["p_spam"])
        assert (tmp_path / f"{name}.fold0.seed0.json").exists()
        rows[name] = r
    assert spam_cv.scores(labels[test] == "spam", np.array(rows["svm"]["p_spam"]))["accuracy"] == 1.0
    assert "steps" in rows["tiny@1"] and rows["tiny@1"]["steps"] == 5
    line = spam_cv.row("svm", [rows["svm"]] * 2, labels)
    assert line.startswith("| svm | 100.00 ± 0.00 | 1.000 ± 0.000 | 0 / 0 |")
