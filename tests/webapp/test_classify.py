"""The classifier page's helpers: reading a person's table, refusing bad ones clearly, training, scoring."""
import pytest
import torch

from core.errors import DataError
from webapp import classify


def csv_bytes(rows, sep=",", header=("text", "label")) -> bytes:
    lines = ([sep.join(header)] if header else []) + [sep.join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode()


ROWS = [("a lovely film", "pos"), ("dull and long", "neg"), ("great fun", "pos"), ("boring", "neg")] * 5


def test_header_names_the_columns_in_any_order():
    table = classify.read_table(csv_bytes([(y, x) for x, y in ROWS], header=("Sentiment", "Review")), "f.csv")
    assert table.columns == ["Sentiment", "Review"] and (table.text_col, table.label_col) == (1, 0)
    pairs, notes = classify.examples(table, table.text_col, table.label_col)
    assert pairs == list(ROWS) and notes == []


def test_headerless_tsv_label_first_is_detected_and_quotes_are_kept():
    rows = [(y, x + ' "quoted"') for x, y in ROWS]
    table = classify.read_table(csv_bytes(rows, sep="\t", header=None), "sms.tsv")
    assert table.columns == ["column 1", "column 2"] and (table.text_col, table.label_col) == (1, 0)
    pairs, _ = classify.examples(table, 1, 0)
    assert pairs[0] == ("a lovely film \"quoted\"", "pos")


def test_semicolons_and_three_columns_with_the_label_found_by_its_few_values():
    rows = [(str(i), x, y) for i, (x, y) in enumerate(ROWS)]
    table = classify.read_table(csv_bytes(rows, sep=";", header=None), "f.csv")
    assert (table.text_col, table.label_col) == (1, 2)


def test_latin1_file_is_read_with_a_note():
    data = csv_bytes([("café crème très bon", "pos"), ("pas bon", "neg")] * 6).decode().encode("latin-1")
    table = classify.read_table(data, "latin.csv")
    assert ("clf.data.latin1", {}) in table.notes
    pairs, _ = classify.examples(table, table.text_col, table.label_col)
    assert pairs[0][0] == "café crème très bon"


@pytest.mark.parametrize("data,match", [
    (b"", "empty"), (b"  \n \n", "empty"), (b"\x00\x01\x02binary", "binary"),
    (b"just one column\nand another row\n", "single column"),
    (b"text,label\n", "no rows"),
])
def test_unreadable_files_get_a_clear_message(data, match):
    with pytest.raises(DataError, match=match):
        classify.read_table(data, "f.csv")


def test_bad_label_columns_get_a_clear_message():
    one_class = classify.read_table(csv_bytes([(x, "pos") for x, _ in ROWS]), "f.csv")
    with pytest.raises(DataError, match="same label"):
        classify.examples(one_class, 0, 1)
    many = classify.read_table(csv_bytes([(f"text {i}", f"class {i}") for i in range(10_000)]), "f.csv")
    with pytest.raises(DataError, match="10,000 different labels"):
        classify.examples(many, 0, 1)
    table = classify.read_table(csv_bytes(ROWS), "f.csv")
    with pytest.raises(DataError, match="same column"):
        classify.examples(table, 0, 0)
    few = classify.read_table(csv_bytes(ROWS[:4]), "f.csv")
    with pytest.raises(DataError, match="at least"):
        classify.examples(few, 0, 1)


def test_rows_without_text_or_label_and_ragged_rows_are_left_out_with_notes():
    data = csv_bytes(ROWS + [("", "pos"), ("no label", "")]) + b"one,too,many\n"
    table = classify.read_table(data, "f.csv")
    assert table.notes[0][0] == "clf.data.ragged"
    pairs, notes = classify.examples(table, 0, 1)
    assert len(pairs) == len(ROWS) and notes[0] == ("clf.data.blank", {"n": "2"})


def test_validation_labels_must_match_training_labels():
    numbers = [(x, "1" if y == "pos" else "0") for x, y in ROWS]
    with pytest.raises(DataError, match="name the classes the same way"):
        classify.same_labels(numbers, list(ROWS))
    classify.same_labels(list(ROWS), list(ROWS[:3]))


def test_a_tiny_model_trains_in_the_background_and_is_reported():
    pairs = [(f"{w} film {i}", "pos" if w in ("great", "lovely") else "neg")
             for i in range(30) for w in ("great", "lovely", "dull", "awful")]
    model_cfg, train_cfg = classify.configs(hidden=8, seconds=60)
    train_cfg.max_steps = 40
    own = classify.start_training(pairs, None, model_cfg, train_cfg, data="test")
    assert own.run.join(60)
    snap = own.run.snapshot()
    assert snap.state == "done" and snap.valid and "accuracy" in snap.valid[-1][1]
    report = classify.report(own.run.bundle, own.valid)
    assert report["n"] == len(own.valid) == 12
    assert set(report["f1"]) == {"pos", "neg"} and len(report["confusion"]) == 2
    assert report["accuracy"] > 0.9  # "great"/"lovely" vs "dull"/"awful" is easy
    for row in report["wrong"]:
        assert row["predicted"] != row["label"] and 0 <= row["p_label"] < 0.5


def test_answer_explains_the_prediction():
    pairs = [(f"{w} film", "pos" if w == "great" else "neg") for w in ("great", "awful")] * 10
    model_cfg, train_cfg = classify.configs(hidden=8, seconds=60)
    train_cfg.max_steps = 5
    own = classify.start_training(pairs, None, model_cfg, train_cfg)
    assert own.run.join(60)
    bundle = own.run.bundle
    a = classify.answer(bundle, "great film , zzz qqq")
    assert a.tokens == ["great", "film", ",", "zzz", "qqq"] and a.over_time.shape == (5, 2)
    assert a.saliency.shape == (5,) and a.states["hidden"].shape[1] == 5
    assert a.over_time[-1, bundle.labels.stoi[a.label]] == pytest.approx(a.probs[a.label], abs=1e-5)
    assert a.unknown == pytest.approx(3 / 5)
    for bad in ("", "   "):
        with pytest.raises(DataError):
            classify.answer(bundle, bad)
    with pytest.raises(DataError, match="50,000"):
        classify.answer(bundle, "x" * 50_001)
    long = classify.answer(bundle, "great " * 1000)
    assert long.cut and len(long.tokens) == 400
    assert torch.isfinite(torch.tensor(long.saliency)).all()


def test_over_time_chart_has_a_point_per_token_and_class():
    import numpy as np

    from webapp import charts
    probs = np.array([[0.9, 0.1], [0.3, 0.7], [0.2, 0.8]])
    spec = charts.over_time(probs, ["not", "bad", "!"], ["neg", "pos"]).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 6 and {r["class"] for r in rows} == {"neg", "pos"}
    assert [r["p"] for r in rows if r["x"] == 1] == [0.3, 0.7]
    with pytest.raises(ValueError, match="must be"):
        charts.over_time(probs, ["too", "few"], ["neg", "pos"])


def test_confusion_chart_writes_the_counts():
    from webapp import charts
    spec = charts.confusion([[5, 1], [0, 7]], ["ham", "spam"]).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {(r["gold"], r["predicted"]): r["n"] for r in rows} == {("ham", "ham"): 5, ("ham", "spam"): 1,
                                                                   ("spam", "ham"): 0, ("spam", "spam"): 7}
    with pytest.raises(ValueError):
        charts.confusion([[1, 2]], ["a", "b"])


def test_a_validation_only_curve_has_no_training_legend_entry():
    from webapp import charts
    spec = charts.loss_curve([], [(10, 0.8), (20, 0.9)], names=("train", "validation"), y_title="accuracy").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["validation"]
    both = charts.loss_curve([(1, 0.5)], [(10, 0.4)]).to_dict()
    assert both["encoding"]["color"]["scale"]["domain"] == ["train", "validation"]
