"""The command line end to end, on tiny data the test writes, as a person would type it."""
import json
import subprocess
import sys

import pytest


def core(*args, cwd):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    (d / "text.txt").write_text("To be, or not to be: that is the question.\n" * 40)
    (d / "sms.tsv").write_text("".join(f"spam\tWIN cash prize {i} txt now\nham\tsee you at {i} ok\n" for i in range(30)))
    (d / "ner.txt").write_text("-DOCSTART- -X- O O\n\n" + "Anna NNP I-PER\nvisits VBZ O\nRome NNP I-LOC\n\n" * 20)
    return d


@pytest.mark.slow
def test_lm_train_evaluate_sample_predict(work):
    import os
    repo = os.getcwd()
    train = core("train", "lm", "--data", work / "text.txt", "--out", work / "lm.safetensors", "--max-steps", 30,
                 "--hidden", 32, "--seq-len", 32, "--batch-size", 8, cwd=repo)
    assert train.returncode == 0, train.stderr
    assert "saved" in train.stdout and "loss" in train.stdout
    evaluate = core("evaluate", work / "lm.safetensors", work / "text.txt", "--json", cwd=repo)
    metrics = json.loads(evaluate.stdout)
    assert set(metrics) == {"loss", "bpc"} and metrics["loss"] > 0
    sample = core("sample", work / "lm.safetensors", "--prime", "To be", "--length", 50, "--seed", 3, cwd=repo)
    assert sample.returncode == 0 and sample.stdout.startswith("To be") and len(sample.stdout) == 5 + 50 + 1
    again = core("sample", work / "lm.safetensors", "--prime", "To be", "--length", 50, "--seed", 3, cwd=repo)
    assert again.stdout == sample.stdout
    predict = core("predict", work / "lm.safetensors", "To b", cwd=repo)
    assert predict.returncode == 0 and predict.stdout.startswith("To b ->")


@pytest.mark.slow
def test_classify_and_tag(work):
    import os
    repo = os.getcwd()
    assert core("train", "classify", "--data", work / "sms.tsv", "--out", work / "c.safetensors", "--epochs", 3,
                "--hidden", 16, "--batch-size", 8, cwd=repo).returncode == 0
    metrics = json.loads(core("evaluate", work / "c.safetensors", work / "sms.tsv", "--json", cwd=repo).stdout)
    assert {"accuracy", "macro_f1", "f1", "confusion"} <= set(metrics) and set(metrics["f1"]) == {"ham", "spam"}
    predict = core("predict", work / "c.safetensors", "WIN cash now", "see you", cwd=repo)
    assert len(predict.stdout.splitlines()) == 2 and predict.stdout.split("\t")[0] in ("ham", "spam")
    assert core("train", "tag", "--data", work / "ner.txt", "--out", work / "t.safetensors", "--max-steps", 10,
                "--hidden", 16, "--bidirectional", cwd=repo).returncode == 0
    metrics = json.loads(core("evaluate", work / "t.safetensors", work / "ner.txt", "--json", cwd=repo).stdout)
    assert {"precision", "recall", "f1", "per_type"} <= set(metrics)
    assert "/" in core("predict", work / "t.safetensors", "Anna visits Rome", cwd=repo).stdout


def test_predict_input_gives_one_line_per_input_line_in_order(work):
    """How a whole test file is scored: line i of the output answers line i of the input, blank for blank."""
    import os
    repo = os.getcwd()
    if not (work / "c.safetensors").exists():
        assert core("train", "classify", "--data", work / "sms.tsv", "--out", work / "c.safetensors", "--epochs", 3,
                    "--hidden", 16, "--batch-size", 8, cwd=repo).returncode == 0
    lines = ["WIN cash prize 3 txt now", "", "see you at 4 ok", "   ", "WIN cash prize 9 txt now"]
    (work / "inputs.txt").write_text("\n".join(lines) + "\n")
    result = core("predict", work / "c.safetensors", "--input", work / "inputs.txt", cwd=repo)
    out = result.stdout.split("\n")[:-1]
    assert result.returncode == 0 and len(out) == len(lines)
    assert [o.split("\t")[-1] for o in out] == ["WIN cash prize 3 txt now", "", "see you at 4 ok", "",
                                                "WIN cash prize 9 txt now"]
    both = core("predict", work / "c.safetensors", "hello", "--input", work / "inputs.txt", cwd=repo)
    assert both.returncode == 2 and "not both" in both.stderr
    missing = core("predict", work / "c.safetensors", "--input", work / "nope.txt", cwd=repo)
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("args,message", [
    (["train", "lm", "--data", "missing.txt", "--out", "x.safetensors"], "cannot read missing.txt"),
    (["train", "lm", "--data", "{text}", "--out", "x.safetensors", "--hidden", "0"], "invalid model setting"),
    (["train", "classify", "--data", "{text}", "--out", "x.safetensors"], "same label"),
    (["evaluate", "{text}", "{text}"], "not a safetensors checkpoint"),
    (["sample", "{text}"], "not a safetensors checkpoint"),
])
def test_bad_input_ends_with_one_clear_line(work, args, message):
    import os
    result = core(*[a.format(text=work / "text.txt") for a in args], cwd=os.getcwd())
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_explains_each_command():
    import os
    for command in ("train", "evaluate", "sample", "predict"):
        result = core(command, "--help", cwd=os.getcwd())
        assert result.returncode == 0 and "usage: python -m core " + command in result.stdout


def test_import_core_does_not_import_streamlit():
    code = "import sys, core, core.cli; assert 'streamlit' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
