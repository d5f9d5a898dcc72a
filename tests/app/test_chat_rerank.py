"""The translate page's Chat mode on a reranking chatbot (retrieve and rerank, core.tasks.translate.rerank): each reply says
whether it is a retrieved training answer or written by the RNN, its candidates with their scores, and the
attention map of the chosen reply; temperature 0 takes the best candidate. A tiny stand-in model."""
import pytest
from app_helpers import clean, open_app

from core import fit
from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.readers.pairs import Pair

PAGE = "pages/translate.py"
CHAT = [Pair("배고프다", "맛있게 드세요."), Pair("피곤해", "푹 쉬세요."), Pair("심심해", "영화 보세요."),
        Pair("새출발할꺼야", "좋은 출발이에요."), Pair("내가 쉬워보이나?", "그렇지 않아요."), Pair("비가 와", "우산 챙기세요.")]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rerank_models")
    cfg = ModelConfig(task="translate", cell="gru", tokenizer="char", target_tokenizer="char", embed_size=8,
                      hidden_size=16, bidirectional=True, decoding="rerank", retrieve_k=3, rerank_weight=2.0,
                      rerank_mmi=0.5)
    bundle, trainer = fit.prepare("translate", CHAT * 4, CHAT[:2], cfg, TrainConfig(max_steps=15, batch_size=8, lr=1e-2,
                                                                                    eval_every=1.0))
    fit.run(bundle, trainer)
    scores = {"bleu": 1.0, "distinct": 0.9, "written": 0.1}  # what benchmarks/chatbot_rerank.py keeps (made up)
    bundle.info["rerank"] = {"tfidf": scores | {"chrf": 23.0}, "reranked": scores | {"chrf": 25.5}}
    save_checkpoint(bundle, folder / "chatbot-ko.safetensors")
    return folder


@pytest.fixture
def page(models, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(models))
    return lambda **query: open_app(PAGE, **query)


def test_each_reply_says_where_it_came_from_and_shows_its_candidates(page):
    at = page(mode="chat")
    clean(at)
    assert any("retrieve and rerank" in i.value for i in at.info)
    assert any("At temperature 0 the best-scored candidate wins" in i.value for i in at.info)
    assert any("chrF 25.5 against 23.0 for TF-IDF retrieval alone" in c.value for c in at.caption)
    assert at.slider(key="tr_temperature").value == 0.0 and at.slider(key="tr_temperature").min == 0.0
    at.chat_input(key="tr_chat_input").set_value("배고파").run()
    clean(at)
    at.chat_input(key="tr_chat_input").set_value("심심하다").run()
    clean(at)
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    replies = [said for role, said in at.session_state["tr_chat"] if role == "assistant"]
    origins = [c.value for c in at.caption if c.value.startswith(("A training answer", "Written by the RNN"))]
    assert len(origins) == 2
    for reply, origin in zip(replies, origins):
        if origin.startswith("A training answer"):
            assert reply in {p.target for p in CHAT}
    tables = [d.value for d in at.dataframe]
    assert len(tables) >= 2
    for reply, table in zip(replies, tables):
        assert list(table.columns[:2]) == ["reply", "candidate"] and "log p (no question)" in table.columns
        chosen = table[table["reply"] == "★"]
        assert list(chosen["candidate"]) == [reply]
        assert chosen.index[0] == 0  # temperature 0: the best score
        assert (table["score"].diff().dropna() <= 1e-9).all()
        assert sum(table["from"].str.startswith("retrieved")) == 3
    assert len(at.get("vega_lite_chart")) >= 2  # the attention map of each reply


def test_the_last_reply_can_be_stepped_through_and_temperature_draws(page):
    at = page(mode="chat")
    at.slider(key="tr_temperature").set_value(1.5).run()
    for _ in range(3):
        at.chat_input(key="tr_chat_input").set_value("피곤해").run()
        clean(at)
    assert len(at.session_state["tr_chat"]) == 6
    assert any("teacher forcing" in c.value for c in at.caption)
    at.slider(key="chat_step").set_value(2).run()
    clean(at)
    at.button(key="tr_clear").click().run()
    clean(at)
    assert not at.chat_message and "tr_chat_why" not in at.session_state


def test_the_korean_interface_explains_the_reranking(page):
    at = open_app(PAGE, lang="ko", mode="chat")  # (AppTest formats the radios' options in English: no clicks here)
    clean(at)
    assert any("검색 후 재순위" in i.value and "학습 데이터 그대로" in i.value for i in at.info)
