from app_helpers import open_app, texts

PAGE = "pages/hello_rnn.py"


def predictions(at) -> list[str]:
    table = at.dataframe[0].value
    return list(table[table.columns[2]])


def test_it_shows_every_layer_and_weight_matrix():
    at = open_app(PAGE)
    assert at.session_state["hello_net"].vocab == ["h", "e", "l", "o"]
    assert len(at.get("vega_lite_chart")) == 1 + 4 + 4  # loss, four layers, W_xh W_hh W_hy b
    assert len(at.get("latex")) == 3  # the formula, h_t with numbers, y_t with numbers
    assert at.dataframe[0].value.shape[0] == 4  # hell -> ello


def test_training_lowers_the_loss_until_it_says_ello():
    at = open_app(PAGE)
    net = at.session_state["hello_net"]
    start = net.losses[-1][1]
    at.select_slider(key="hello_steps").set_value(100).run()
    for _ in range(3):
        at.button(key="hello_train").click().run()
    assert not at.exception
    net = at.session_state["hello_net"]
    assert net.steps == 300 and net.losses[-1][1] < start / 10
    assert predictions(at) == ["e", "l", "l", "o"]
    assert "Loss after 300 steps" in " ".join(texts(at.markdown))
    at.button(key="hello_reset").click().run()
    assert at.session_state["hello_net"].steps == 0


def test_the_word_hidden_size_and_seed_can_change():
    at = open_app(PAGE, word="안녕 🙂", hidden=5, seed=3)
    net = at.session_state["hello_net"]
    assert net.word == "안녕 🙂" and net.vocab == ["안", "녕", " ", "🙂"] and net.model.cfg.hidden_size == 5
    at.text_input(key="hello_word").set_value("abcab").run()
    assert at.session_state["hello_net"].vocab == ["a", "b", "c"]


def test_a_one_letter_word_warns_and_keeps_the_network():
    at = open_app(PAGE)
    at.button(key="hello_train").click().run()
    trained = at.session_state["hello_net"]
    at.text_input(key="hello_word").set_value("a").run()
    assert not at.exception
    assert any("at least 2 characters" in w for w in texts(at.warning))
    assert at.session_state["hello_net"] is trained and trained.steps == 20


def test_the_step_slider_walks_through_time():
    at = open_app(PAGE)
    at.select_slider(key="hello_t").set_value(2).run()
    latex = [e.value for e in at.get("latex")]
    net = at.session_state["hello_net"].snapshot()
    assert f"{net.h_prev[2][0]:.2f}" in latex[1]  # h_{t-1} at t = 3 enters the formula
