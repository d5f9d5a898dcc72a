"""Part-of-speech tagging on CoNLL-U: the reader on real snippets (multi-word tokens, empty nodes, comments)
and malformed files, format detection, token-level scores against scikit-learn, POS decoding that never
goes near the IOB machinery, a tiny tagger that overfits five sentences, and the command line end to end."""
import json
import subprocess
import sys

import pytest
import torch
from sklearn.metrics import accuracy_score, f1_score

from core.checkpoint import load_checkpoint, save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.fit import prepare, run
from core.readers import conll
from core.readers.conll import is_conllu, read_conllu, read_tags
from core.tasks.registry import TASKS
from core.tasks.tag import task as tag_module
from core.text.segment import sentences
from core.training.metrics import token_metrics

# From UD English-EWT (CC BY-SA 4.0): a multi-word token ("don't" = do + n't), an empty node (8.1), and the
# comments every sentence carries.
EWT = """# newdoc id = weblog-blogspot.com_nominations_20041117172713_ENG_20041117_172713
# sent_id = weblog-blogspot.com_nominations_20041117172713_ENG_20041117_172713-0001
# text = I don't know.
1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t3\tnsubj\t3:nsubj\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\tMood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin\t3\taux\t3:aux\t_
3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_
4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = reviews-100000-0002
# text = Sales reported and bought.
1\tSales\tsale\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_
2\treported\treport\tVERB\tVBD\tTense=Past\t0\troot\t0:root\t_
3\tand\tand\tCCONJ\tCC\t_\t4\tcc\t4:cc\t_
3.1\treported\treport\tVERB\tVBN\t_\t_\t_\t2:conj\tCopyOf=2
4\tbought\tbuy\tVERB\tVBD\tTense=Past\t2\tconj\t2:conj\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

"""
# From UD Korean-GSD (CC BY-SA 4.0): eojeols, the universal tag and the Sejong tags of the morphemes.
GSD = """# sent_id = train-s2
# text = 공기가 좋고 서울에서 드물게
1\t공기가\t공기+가\tNOUN\tNNG+JKS\t_\t2\tnsubj\t_\t_
2\t좋고\t좋+고\tVERB\tVA+EC\t_\t0\troot\t_\t_
3\t서울에서\t서울+에서\tADV\tNNP+JKB\t_\t4\tadvmod\t_\t_
4\t드물게\t드물+게\tADV\tVA+EC\t_\t2\tadvmod\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\tSF\t_\t2\tpunct\t_\t_

"""


def write(tmp_path, text: str | bytes, name="data.conllu"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


# ---------------------------------------------------------------- the reader


def test_conllu_skips_multiword_tokens_and_empty_nodes_and_comments(tmp_path):
    assert read_conllu(write(tmp_path, EWT)) == [
        (["I", "do", "n't", "know", "."], ["PRON", "AUX", "PART", "VERB", "PUNCT"]),
        (["Sales", "reported", "and", "bought", "."], ["NOUN", "VERB", "CCONJ", "VERB", "PUNCT"]),
    ]
    assert read_conllu(write(tmp_path, EWT), column="xpos")[0][1] == ["PRP", "VBP", "RB", "VB", "."]


def test_korean_eojeols_with_universal_or_sejong_tags(tmp_path):
    path = write(tmp_path, GSD)
    assert read_tags(path) == [(["공기가", "좋고", "서울에서", "드물게", "."], ["NOUN", "VERB", "ADV", "ADV", "PUNCT"])]
    assert read_tags(path, column="xpos")[0][1] == ["NNG+JKS", "VA+EC", "NNP+JKB", "VA+EC", "SF"]


def test_the_format_is_told_from_the_file(tmp_path):
    assert is_conllu(EWT) and is_conllu(GSD)
    assert is_conllu(EWT.split("\n", 3)[3])  # no comments: the ten tab-separated columns tell
    conll = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
    wnut = "1\tO\nMay\tB-person\n\n"  # tab-separated CoNLL whose first token is a number
    assert not is_conllu(conll) and not is_conllu(wnut)
    assert read_tags(write(tmp_path, conll, "ner.txt")) == [(["EU", "rejects"], ["B-ORG", "O"])]  # IOB1 -> IOB2 kept


LINE = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n"


@pytest.mark.parametrize("content,match", [
    (LINE + "2\tam\tbe\tAUX\tVBP\t_\t1\taux\t_\n\n", r"line 2: 9 tab-separated columns where CoNLL-U has 10"),
    (LINE + "2 am be AUX VBP _ 1 aux _ _\n\n", r"line 2: 1 tab-separated columns"),
    (LINE + "two\tam\tbe\tAUX\tVBP\t_\t1\taux\t_\t_\n\n", r"line 2: the ID 'two' is not a whole number"),
    (LINE + "2.x\tam\tbe\tAUX\tVBP\t_\t1\taux\t_\t_\n\n", r"the ID '2.x' is not a whole number"),
    (LINE + "3\tam\tbe\tAUX\tVBP\t_\t1\taux\t_\t_\n\n", r"line 2: word ID 3 where 2 comes next"),
    (LINE + LINE + "\n", r"line 2: word ID 1 where 2 comes next \(a missing blank line between sentences\?\)"),
    (LINE, r"the last sentence \(ending at line 1\) has no blank line after it"),
    (LINE.rstrip("\n"), r"no blank line after it"),
    (LINE + "\n" + LINE, r"ending at line 3\) has no blank line"),
    ("\ufeff" + LINE + "\n", r"starts with a byte-order mark \(BOM\)"),
    ("1\tI\tI\t_\tPRP\t_\t0\troot\t_\t_\n\n", r"line 1: no UPOS tag \(column 4 is '_'\)"),
    ("# sent_id = 1\n# text = nothing\n\n", "no sentences"),
    ("1\tI\tI\tPRO N\tPRP\t_\t0\troot\t_\t_\n\n", r"line 1: the UPOS tag 'PRO N' is not a tag name"),
])
def test_malformed_conllu_gives_a_one_line_message(tmp_path, content, match):
    path = write(tmp_path, content)
    for source in (path, path.read_bytes()):  # a file, or an upload's bytes
        with pytest.raises(DataError, match=match) as caught:
            read_tags(source, "bad.conllu")
        assert "\n" not in str(caught.value)


def test_a_missing_xpos_column_says_to_train_on_upos(tmp_path):
    path = write(tmp_path, "1\tI\tI\tPRON\t_\t_\t0\troot\t_\t_\n\n")
    assert read_tags(path) == [(["I"], ["PRON"])]
    with pytest.raises(DataError, match=r"no XPOS tag \(column 5 is '_'\): train on upos instead"):
        read_tags(path, column="xpos")


def test_korean_text_is_split_into_eojeols_with_punctuation_apart():
    found = sentences("나는 4일만에 45개의 칩을 샀다. 잡스는 워즈니악에게, 350달러만을!")
    assert [[t.text for t in s] for s in found] == [["나는", "4일만에", "45개의", "칩을", "샀다", "."],
                                                    ["잡스는", "워즈니악에게", ",", "350달러만을", "!"]]
    english = sentences("On 1996-08-22 it rose 3.5% to 1,000.")
    assert [t.text for t in english[0]] == ["On", "1996-08-22", "it", "rose", "3.5", "%", "to", "1,000", "."]


# ---------------------------------------------------------------- scores and decoding


def test_token_metrics_agree_with_scikit_learn():
    gold = [["NOUN", "VERB", "DET"], ["NOUN", "ADJ"]]
    pred = [["NOUN", "NOUN", "DET"], ["VERB", "ADJ"]]
    labels = ["ADJ", "DET", "NOUN", "PRON", "VERB"]  # PRON never occurs: left out of the macro average
    m = token_metrics(gold, pred, labels)
    flat_g, flat_p = sum(gold, []), sum(pred, [])
    assert m["accuracy"] == pytest.approx(accuracy_score(flat_g, flat_p)) == pytest.approx(0.6)
    assert m["f1"] == m["accuracy"]  # micro F1 over tokens is the accuracy
    assert m["macro_f1"] == pytest.approx(f1_score(flat_g, flat_p, average="macro"))
    assert set(m["per_tag"]) == {"ADJ", "DET", "NOUN", "VERB"}
    assert m["per_tag"]["NOUN"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert m["confusion"][labels.index("VERB")][labels.index("NOUN")] == 1  # rows gold, columns predicted
    assert sum(map(sum, m["confusion"])) == 5


def tiny_bundle(tags, chars=True):
    task = TASKS["tag"]
    train = [(["a", "b", "c"], [tags[0], tags[1], tags[2 % len(tags)]])]
    cfg = ModelConfig(task="tag", tokenizer="word", embed_size=8, hidden_size=8, bidirectional=True,
                      char_hidden_size=4 if chars else 0, char_embed_size=4)
    torch.manual_seed(0)
    return task, task.build(train, [], cfg)


def test_pos_decoding_is_argmax_and_never_touches_the_iob_machinery(monkeypatch):
    task, bundle = tiny_bundle(["NOUN", "VERB", "I-X"])  # not an IOB tag set, though one tag looks like one

    def refuse(*args, **kwargs):
        raise AssertionError("IOB logic used for parts of speech")

    for name in ("viterbi", "iob2_transitions", "entity_metrics"):
        monkeypatch.setattr(tag_module, name, refuse)
    monkeypatch.setattr(conll, "iob2", refuse)
    probs = [torch.tensor([[0.1, 0.2, 0.7], [0.1, 0.2, 0.7]]), torch.tensor([[0.6, 0.3, 0.1]])]
    tags = bundle.labels.itos
    assert task.decode(bundle, probs) == [[tags[2], tags[2]], [tags[0]]]  # an "orphan" I-X twice: argmax
    metrics = task.evaluate(bundle, [(["a", "b"], ["NOUN", "VERB"])])
    assert {"accuracy", "macro_f1", "per_tag", "confusion"} <= set(metrics)


def test_ner_decoding_still_uses_viterbi():
    task, bundle = tiny_bundle(["O", "B-PER", "I-PER"])
    itos = bundle.labels.itos
    probs = [torch.tensor([[0.1 if t != "I-PER" else 0.8 for t in itos], [0.8 if t == "O" else 0.1 for t in itos]])]
    assert task.decode(bundle, probs) != [["I-PER", "O"]]  # argmax would start with an orphan I-PER
    assert task.decode(bundle, probs)[0][0] in ("B-PER", "O")


# ---------------------------------------------------------------- training


FIVE = "".join(f"# sent_id = {i}\n" + "".join(f"{j + 1}\t{w}\t_\t{t}\t_\t_\t0\t_\t_\t_\n" for j, (w, t) in enumerate(s)) + "\n"
               for i, s in enumerate([
                   [("I", "PRON"), ("can", "AUX"), ("can", "VERB"), ("a", "DET"), ("can", "NOUN"), (".", "PUNCT")],
                   [("time", "NOUN"), ("flies", "VERB"), ("like", "ADP"), ("an", "DET"), ("arrow", "NOUN")],
                   [("fruit", "NOUN"), ("flies", "NOUN"), ("like", "VERB"), ("a", "DET"), ("banana", "NOUN")],
                   [("they", "PRON"), ("can", "AUX"), ("fish", "VERB"), (".", "PUNCT")],
                   [("a", "DET"), ("can", "NOUN"), ("of", "ADP"), ("fish", "NOUN")],
               ]))


def test_a_tiny_tagger_overfits_five_sentences(tmp_path):
    torch.set_num_threads(1)
    sents = read_tags(write(tmp_path, FIVE))
    assert len(sents) == 5
    cfg = ModelConfig(task="tag", tokenizer="word", embed_size=16, hidden_size=32, bidirectional=True,
                      char_hidden_size=8, char_embed_size=8)
    bundle, trainer = prepare("tag", sents, sents, cfg, TrainConfig(lr=1e-2, batch_size=5, max_steps=150,
                                                                    warmup_steps=5, eval_every=0.25))
    best = run(bundle, trainer)
    assert best["accuracy"] == 1.0 and best["macro_f1"] == 1.0
    assert TASKS["tag"].predict(bundle, "I can can a can.") == [("I", "PRON"), ("can", "AUX"), ("can", "VERB"),
                                                               ("a", "DET"), ("can", "NOUN"), (".", "PUNCT")]
    path = tmp_path / "pos.safetensors"
    save_checkpoint(bundle, path, torch.float16)  # a tagger whose tags are not IOB saves and loads
    again = load_checkpoint(path, task="tag")
    assert again.labels.itos == bundle.labels.itos and again.cfg.tag_column == "upos"
    assert TASKS["tag"].evaluate(again, sents)["accuracy"] == 1.0


def core(*args, cwd):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_command_line_remembers_the_column(tmp_path):
    import os
    repo = os.getcwd()
    data = write(tmp_path, GSD * 8)
    out = tmp_path / "ko.safetensors"
    train = core("train", "tag", "--data", data, "--valid", data, "--column", "xpos", "--bidirectional",
                 "--hidden", 16, "--embed", 8, "--char-hidden", 8, "--max-steps", 20, "--threads", 1, "--out", out,
                 cwd=repo)
    assert train.returncode == 0, train.stderr
    assert load_checkpoint(out).cfg.tag_column == "xpos"
    evaluate = core("evaluate", out, data, "--json", cwd=repo)  # no flag: the model's own column
    assert evaluate.returncode == 0, evaluate.stderr
    metrics = json.loads(evaluate.stdout)
    assert {"accuracy", "macro_f1", "per_tag"} <= set(metrics) and set(metrics["per_tag"]) <= {
        "NNG+JKS", "VA+EC", "NNP+JKB", "SF"}
    resume = core("train", "--resume", out, "--column", "upos", "--max-steps", 1, cwd=repo)
    assert resume.returncode == 2 and "trained on the xpos column, not upos" in resume.stderr
