from app_helpers import clean, open_app, texts

PAGE = "pages/hello_rnn.py"


def predictions(at) -> list[str]:
    table = at.dataframe[0].value
    return list(table[table.columns[2]])


def test_it_shows_every_layer_and_weight_matrix():
    at = open_app(PAGE)
    assert at.session_state["hello_net"].vocab == ["h", "e", "l", "o"]
    assert len(at.get("vega_lite_chart")) == 1 + 4 + 1 + 4 + 4 + 3  # loss, 4 layers, ‖δ‖, 4 gradients, 4 weights, update
    assert len(at.get("latex")) == 3 + 5 + 1  # forward: formula, h_t, y_t; backward: formula, dy, delta, local, sums; update
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


def shown(slider) -> int:
    """The option a select slider shows in the browser: the value sent with it when the page set one, else
    its default (a slider whose options changed is a new widget there, drawn at its default)."""
    proto = slider.proto
    index = int((proto.value if proto.set_value else proto.default)[0])
    return index


def test_the_time_step_slider_shows_the_step_that_is_used_after_the_word_changes():
    """Issue 11: train on "hello", slider to t=4, change the word to "banana" and train: the slider read
    "t=1 · b" while the formulas showed t=4."""
    at = open_app(PAGE)
    at.button(key="hello_train").click().run()
    at.select_slider(key="hello_t").set_value(3).run()
    at.text_input(key="hello_word").set_value("banana").run()
    at.button(key="hello_train").click().run()
    assert not at.exception and not at.error
    slider = at.select_slider(key="hello_t")
    used = slider.value
    assert shown(slider) == used == 0
    assert "“b”" in at.get("latex")[1].value  # the formula is at the step the slider shows
    back = at.select_slider(key="hello_back_t")
    assert back.value == 4 and list(back.proto.options)[shown(back)] == "t=5 · n"


def test_the_backward_walk_shows_the_lectures_numbers():
    from core.lessons.hello import backward
    at = open_app(PAGE)
    at.button(key="hello_train").click().run()
    net = at.session_state["hello_net"]
    back = backward(net.snapshot())
    latex = [e.value for e in at.get("latex")]
    assert len(latex) == 3 + 4 + 1 + 1  # forward 3; backward formula, dy, delta, local; the sums; the update
    assert f"{back.dy[-1][0]:.3f}" in latex[4] and f"{back.delta[-1][0]:.3f}" in latex[5]
    at.select_slider(key="hello_back_t").set_value(0).run()
    latex = [e.value for e in at.get("latex")]
    assert f"{back.from_future[0][0]:.3f}" in latex[5] and f"{back.local[0][1]:.3f}" in latex[6]
    assert not at.exception and not at.error


def test_one_step_changes_the_weights_by_minus_lr_times_the_gradient_and_every_step_is_on_the_curve():
    import numpy as np

    from core.lessons.hello import backward
    at = open_app(PAGE)
    at.select_slider(key="hello_steps").set_value(1).run()
    at.select_slider(key="hello_lr").set_value(0.3).run()
    before = at.session_state["hello_net"].snapshot()
    at.button(key="hello_train").click().run()
    net = at.session_state["hello_net"]
    after = net.snapshot()
    assert np.allclose(after.W_hh, before.W_hh - 0.3 * backward(before).grads["W_hh"], atol=1e-6)
    at.select_slider(key="hello_steps").set_value(20).run()
    at.button(key="hello_train").click().run()
    assert [s for s, _ in at.session_state["hello_net"].losses] == list(range(22))
    assert not at.exception and not at.error


def test_weight_matrices_that_fill_the_row_exactly_are_drawn():
    """Found by the random visitor: 5 letters and 6 hidden units fill the matrices' row to the last column
    (st.columns got a spare column of width 0)."""
    at = open_app(PAGE, word="abcdea", hidden=6)
    assert not at.exception and not at.error


def test_the_error_per_step_text_says_what_the_bars_show_before_and_after_training():
    """‖δ_t‖ is mostly each step's own error: before training every step is wrong; after it, the tallest bar is
    where the network is still wrong (often the first step), which the text must not call the vanishing gradient."""
    import numpy as np

    from core.lessons.hello import backward
    at = open_app(PAGE)
    words = " ".join(texts(at.markdown) + texts(at.caption))
    assert "visible even on four letters" not in words and "On 4 steps the bars barely show it" in words
    assert any(c.startswith("Before training every prediction is a guess") for c in texts(at.caption))
    at.select_slider(key="hello_steps").set_value(100).run()
    at.button(key="hello_train").click().run()
    assert not at.exception and not at.error
    back = backward(at.session_state["hello_net"].snapshot())
    tallest = int(np.argmax(back.norms))
    own = np.linalg.norm(back.from_output, axis=1)
    said = [c for c in texts(at.caption) if c.startswith("After 100 training steps")]
    assert said and f"The tallest, t={tallest + 1}, holds an error of its own of size {own[tallest]:.3f}" in said[0]
    assert not any(c.startswith("Before training") for c in texts(at.caption))


def test_a_copied_link_opens_the_same_trained_network_at_the_same_steps():
    """Issue 25: the link dropped the training done and the time steps. Train 5 steps at η = 0.3 twice and 20 at
    η = 1; walk to t=3 and back to t=2; show W_hh's update. The bound widgets put all of it in the URL (as the
    browser writes it: a select slider's label); a new session opened by it has the same weights."""
    import numpy as np
    at = open_app(PAGE, word="hello", seed=4)
    at.select_slider(key="hello_steps").set_value(5).run()
    at.select_slider(key="hello_lr").set_value(0.3).run()
    at.button(key="hello_train").click().run()
    at.button(key="hello_train").click().run()
    at.select_slider(key="hello_steps").set_value(20).run()
    at.select_slider(key="hello_lr").set_value(1.0).run()
    at.button(key="hello_train").click().run()
    at.select_slider(key="hello_t").set_value(2).run()
    at.select_slider(key="hello_back_t").set_value(1).run()
    at.radio(key="hello_update_w").set_value("W_hh").run()
    clean(at)
    assert at.text_input(key="hello_trained").value == "10@0.3,20@1"
    net = at.session_state["hello_net"]
    link = {"hello_seed": "4", "hello_trained": "10@0.3,20@1", "hello_lr": "1.0", "hello_t": "t=3 · l",
            "hello_back_t": "t=2 · e", "hello_update_w": "W_hh"}
    other = open_app(PAGE, **link)
    clean(other)
    again = other.session_state["hello_net"]
    assert again.steps == 30 and again.segments == net.segments
    assert np.array_equal(again.snapshot().W_hh, net.snapshot().W_hh)
    assert other.select_slider(key="hello_t").value == 2 and other.select_slider(key="hello_back_t").value == 1
    assert other.radio(key="hello_update_w").value == "W_hh" and other.select_slider(key="hello_lr").value == 1.0
    assert other.text_input(key="hello_trained").value == "10@0.3,20@1"
    assert "Loss after 30 steps" in " ".join(texts(other.markdown))


def test_a_link_with_training_that_cannot_be_replayed_says_so_and_starts_untrained():
    at = open_app(PAGE, hello_trained="99999@0.1")
    assert not at.exception and not at.error
    assert any("could not be read" in w for w in texts(at.warning))
    assert at.session_state["hello_net"].steps == 0
    at.run()  # (the first run shows the link's text: Streamlit seeds a bound widget from the URL then)
    assert at.text_input(key="hello_trained").value == "" and any("could not be read" in w for w in texts(at.warning))


def test_leaving_the_page_and_coming_back_keeps_the_network_and_the_view():
    at = open_app(PAGE)
    at.text_input(key="hello_word").set_value("banana").run()
    at.button(key="hello_train").click().run()
    at.select_slider(key="hello_t").set_value(3).run()
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    clean(at)
    assert at.text_input(key="hello_word").value == "banana" and at.select_slider(key="hello_t").value == 3
    assert at.session_state["hello_net"].steps == 20 and at.text_input(key="hello_trained").value == "20@0.1"


def test_four_clicks_in_a_row_train_twenty_steps_each_and_a_change_of_word_starts_afresh():
    at = open_app(PAGE)
    for clicks in range(1, 5):
        at.button(key="hello_train").click().run()
        clean(at)
        assert at.session_state["hello_net"].steps == 20 * clicks
    assert at.text_input(key="hello_trained").value == "80@0.1"
    at.number_input(key="hello_seed").set_value(1).run()
    assert at.session_state["hello_net"].steps == 0 and at.text_input(key="hello_trained").value == ""
    at.button(key="hello_train").click().run()
    at.button(key="hello_reset").click().run()
    assert at.session_state["hello_net"].steps == 0 and at.text_input(key="hello_trained").value == ""
