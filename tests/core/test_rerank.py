"""Retrieve and rerank (the chatbot's decoding "rerank"): the candidates, the choice, the retrieval memory in
the checkpoint, old chatbot checkpoints without one, the command line. Tiny data made here; one thread."""
import json

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import save

from core import cli
from core.checkpoint import load_checkpoint, save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.errors import CheckpointError, DataError
from core.fit import prepare, run
from core.readers.pairs import Pair
from core.tasks.registry import TASKS
from core.tasks.translate import rerank
from core.tasks.translate.retrieve import Memory

TASK = TASKS["translate"]
TRAIN = [Pair("배고프다", "맛있게 드세요."), Pair("배고파 죽겠어", "맛있게 드세요."), Pair("피곤해", "푹 쉬세요."),
         Pair("너무 피곤하다", "일찍 주무세요."), Pair("심심해", "영화 보세요."), Pair("심심하다 정말", "산책 어때요?"),
         Pair("시험 망쳤어", "다음엔 잘할 거예요."), Pair("시험이 내일이야", "긴장하지 마세요."),
         Pair("비가 와", "우산 챙기세요."), Pair("비 오는 날 좋아", "빗소리 좋죠.")]
VALID = [Pair("배고파", "맛있게 드세요."), Pair("피곤하다", "푹 쉬세요."), Pair("심심한데", "영화 보세요.")]


def tiny(decoding: str, seed: int = 0):
    torch.set_num_threads(1)
    cfg = ModelConfig(task="translate", cell="gru", tokenizer="char", target_tokenizer="char", embed_size=16,
                      hidden_size=24, bidirectional=True, decoding=decoding, retrieve_k=4, rerank_weight=0.5)
    bundle, trainer = prepare("translate", TRAIN * 3, VALID, cfg,
                              TrainConfig(max_steps=20, batch_size=8, lr=1e-2, eval_every=1.0, seed=seed))
    run(bundle, trainer)
    return bundle


@pytest.fixture(scope="module")
def reranker():
    return tiny("rerank")


def test_a_reranking_model_keeps_its_training_pairs_as_memory(reranker):
    memory = reranker.memory
    assert memory.questions == [p.source for p in TRAIN * 3]
    assert [memory.answers[i] for i in memory.answer_of] == [p.target for p in TRAIN * 3]
    assert len(memory.answers) == len({p.target for p in TRAIN})  # each answer once


def test_retrieved_candidates_are_training_answers_and_nearest_first(reranker):
    [hits] = reranker.memory.nearest(["배고파"], 3)
    assert hits[0].answer == "맛있게 드세요." and hits[0].question.startswith("배고파")
    assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
    answers = {p.target for p in TRAIN}
    for cands in rerank.candidates(TASK, reranker, [p.source for p in VALID] + ["전혀 모르는 말"], k=4):
        retrieved = [c for c in cands if c.origin == "retrieved"]
        assert len(retrieved) == 4 and all(c.text in answers for c in retrieved)
        assert len({c.text for c in cands}) == len(cands)  # a generated reply equal to an answer is kept once
        assert all(c.origin in ("greedy", "beam") and c.similarity == 0 for c in cands if c not in retrieved)


def test_at_temperature_0_the_reply_is_the_candidate_the_model_scores_highest(reranker):
    texts = [p.source for p in VALID]
    for weight, mmi in ((0.0, 0.0), (0.5, 0.0), (3.0, 0.0), (0.5, 0.7)):
        out = TASK.decode(reranker, texts, decoding="rerank", rerank_weight=weight, rerank_temperature=0.0) \
            if not mmi else rerank.rerank(TASK, reranker, texts, k=4, weight=weight, temperature=0.0, mmi=mmi)
        for text, r in zip(texts, out):
            # the model's score, computed another way: the task's own teacher-forced loss of each pair alone
            # (and, for the mmi term, of the reply after an empty question)
            score = {c.text: -TASK.loss(reranker, [Pair(text, c.text)]) + mmi * TASK.loss(reranker, [Pair("", c.text)])
                     + weight * c.similarity for c in r.candidates}
            best = max(score, key=score.get)
            assert TASK.text(reranker, r.tokens) == best == r.candidates[r.chosen].text
            assert r.candidates[r.chosen].score == pytest.approx(score[best], abs=1e-4)
            assert r.candidates[r.chosen].probability == 1.0


def test_above_temperature_0_replies_vary_and_come_from_the_candidates(reranker):
    g = torch.Generator().manual_seed(0)
    replies = set()
    for _ in range(20):
        [r] = TASK.decode(reranker, ["심심해"], decoding="rerank", rerank_temperature=5.0, generator=g)
        assert TASK.text(reranker, r.tokens) in {c.text for c in r.candidates}
        assert sum(c.probability for c in r.candidates) == pytest.approx(1.0)
        replies.add(r.chosen)
    assert len(replies) > 1


def test_the_reply_is_recorded_step_by_step_with_attention(reranker):
    [r] = TASK.decode(reranker, ["배고파"], decoding="rerank", record_k=5)
    assert len(r.steps) == len(r.tokens) + 1  # and </s>
    assert [s.token for s in r.steps[:-1]] == r.tokens
    for s in r.steps:
        assert s.attention.shape == (3,) and float(s.attention.sum()) == pytest.approx(1.0, abs=1e-5)
    assert r.logprob == pytest.approx(r.candidates[r.chosen].logprob * len(r.steps), abs=1e-4)


def test_the_checkpoint_round_trips_with_its_memory(reranker, tmp_path):
    path = tmp_path / "chat.safetensors"
    save_checkpoint(reranker, path)
    back = load_checkpoint(path)
    assert back.memory.to_dict() == reranker.memory.to_dict()
    assert back.cfg.decoding == "rerank" and back.cfg.retrieve_k == 4
    texts = [p.source for p in VALID]
    assert TASK.write(back, texts) == TASK.write(reranker, texts)
    with safe_open(str(path), "pt") as f:
        assert "맛있게" in f.metadata()["memory"]  # UTF-8, not \\uXXXX escapes


def test_old_chatbot_checkpoints_without_a_memory_load_and_decode(tmp_path):
    old = tiny("sample")
    assert old.memory is None
    path = tmp_path / "old.safetensors"
    save_checkpoint(old, path)
    with safe_open(str(path), "pt") as f:
        meta = f.metadata()
    assert "memory" not in meta
    config = json.loads(meta["config"])
    for key in ("retrieve_k", "rerank_weight", "rerank_temperature", "rerank_generated", "rerank_mmi"):
        del config[key]  # as a checkpoint written before reranking existed
    with safe_open(str(path), "pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}
    path.write_bytes(save(tensors, metadata=meta | {"config": json.dumps(config)}))
    back = load_checkpoint(path)
    assert back.memory is None and back.cfg.decoding == "sample"
    assert all(isinstance(w, str) for w in TASK.write(back, ["배고파", "피곤해"]))
    with pytest.raises(DataError, match="no retrieval memory"):
        TASK.write(back, ["배고파"], decoding="rerank")


@pytest.mark.parametrize("memory", [
    "[1, 2]", '{"questions": ["a"], "answers": ["b"], "answer_of": [3]}',
    '{"questions": ["a"], "answers": [""], "answer_of": [0]}', "not json"])
def test_a_forged_memory_is_refused_with_a_message(reranker, tmp_path, memory):
    path = tmp_path / "chat.safetensors"
    save_checkpoint(reranker, path)
    with safe_open(str(path), "pt") as f:
        meta, tensors = f.metadata(), {k: f.get_tensor(k) for k in f.keys()}
    path.write_bytes(save(tensors, metadata=meta | {"memory": memory}))
    with pytest.raises(CheckpointError, match="memory"):
        load_checkpoint(path)


def test_memory_from_dict_checks_what_it_reads():
    m = Memory.of(TRAIN)
    assert Memory.from_dict(json.loads(json.dumps(m.to_dict()))).to_dict() == m.to_dict()
    with pytest.raises(CheckpointError):
        Memory.from_dict({"questions": [], "answers": [], "answer_of": []})


def test_the_command_line_evaluates_and_predicts_with_rerank(reranker, tmp_path, capsys):
    model, data = tmp_path / "chat.safetensors", tmp_path / "valid.csv"
    save_checkpoint(reranker, model)
    data.write_text("Q,A,label\n" + "".join(f"{p.source},{p.target},0\n" for p in VALID), encoding="utf-8")
    assert cli.main(["evaluate", str(model), str(data), "--json", "--rerank-temperature", "0.5"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert 0 <= metrics["chrf"] <= 100 and 0 < metrics["distinct"] <= 1 and "nrefs:1" in metrics["chrf_signature"]
    assert cli.main(["predict", str(model), "배고파", "피곤해"]) == 0
    assert capsys.readouterr().out.splitlines() == TASK.write(reranker, ["배고파", "피곤해"])
