"""Many visitors at once: several sessions of one server (AppTest instances, each driven from its own
thread) train and use their own models at the same time. Nobody sees another's model, samples or inputs,
the server-wide cap on trainings holds (the next visitor is told their place in line, and their training
starts by itself), the caps on model size and time hold, and nothing raises."""
import threading
import time

import pytest
from app_helpers import open_app, texts
from streamlit.runtime.runtime import Runtime
from streamlit.testing.v1.util import patch_config_options

from webapp import jobs

LM, CLASSIFIER, NER = "pages/char_lm.py", "pages/classifier.py", "pages/tagging.py"
ALPHABETS = ("abcde ", "vwxyz ", "가나다라 ")  # one per visitor: a model trained on one never writes another's
CSV = "text,label\n" + "".join(f"{w} film {i},{'up' if w == 'superb' else 'down'}\n"
                               for i in range(30) for w in ("superb", "dreadful"))
CONLL = "".join(f"{who} NNP B-HERO\nmet VBD O\n{town} NNP B-TOWN\n. . O\n\n"
                for who, town in [("Ann", "Oslo"), ("Bob", "Lima"), ("Cy", "Doha"), ("Di", "Kyiv")] * 5)


@pytest.fixture
def server(without_shipped, monkeypatch):
    """Sessions that run at once, as on a real server. AppTest puts a mock Runtime and the `global.appTest`
    option in process-wide places for each run and takes them out after it, which pulls them from under a
    session running in another thread: here they stay for the whole test."""
    last = []

    def instance(cls):
        if cls._instance is not None:
            last[:] = [cls._instance]
        if not last:
            raise RuntimeError("Runtime hasn't been created!")
        return last[0]

    monkeypatch.setattr(Runtime, "instance", classmethod(instance))
    monkeypatch.setattr(jobs, "_server", jobs.Slots())  # this test's server: no run of an earlier test holds a slot
    with patch_config_options({"global.appTest": True}):
        yield monkeypatch


def at_once(work, *args):
    """work(i, arg) for every arg, each in its own thread; the results in order, or the first error."""
    results, errors = [None] * len(args), []

    def one(i, arg):
        try:
            results[i] = work(i, arg)
        except BaseException as e:  # noqa: BLE001 - raised again in the test's thread
            errors.append(e)

    threads = [threading.Thread(target=one, args=(i, arg)) for i, arg in enumerate(args)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def fine(at):
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)
    return at


def wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.1)


def state(at, key):
    run = at.session_state[key] if key in at.session_state else None
    return run and run.snapshot().state


def lm_visitor(i, alphabet, seconds=60):
    """A visitor on the language-model page who pastes a text of their own and presses Train."""
    at = fine(open_app(LM))
    at.radio(key="lm_source").set_value("train").run()
    at.selectbox(key="lm_corpus").set_value("paste").run()
    at.text_area(key="lm_paste").set_value((alphabet * 40)[:200]).run()
    at.select_slider(key="lm_hidden").set_value(16).run()
    at.select_slider(key="lm_seconds").set_value(seconds).run()
    at.button(key="lm_start").click().run()
    return fine(at)


def stop(at, key):
    """Press Stop (a visitor still in line presses Cancel), as the page offers it."""
    at.run()
    for button in (f"{key}_stop", f"{key}_cancel"):
        if button in [b.key for b in at.button]:
            at.button(key=button).click().run()
    assert at.session_state[key].join(10)


def test_three_visitors_train_at_once_the_third_waits_its_turn_and_nobody_sees_another(server):
    server.setenv("RNNLAB_MAX_TRAINING_JOBS", "2")
    visitors = at_once(lm_visitor, *ALPHABETS)
    try:
        states = [state(at, "lm_run") for at in visitors]
        assert sorted(states) == ["queued", "running", "running"], states
        waiting = visitors[states.index("queued")]
        assert any("1st in line" in i for i in texts(waiting.info)), texts(waiting.info)
        assert waiting.button(key="lm_run_cancel") and waiting.button(key="lm_start").disabled
        assert waiting.session_state["lm_run"].snapshot().step == 0

        first = visitors[states.index("running")]
        stop(first, "lm_run")  # a slot frees: the one waiting starts by itself
        wait_for(lambda: state(waiting, "lm_run") == "running")
        assert not [i for i in texts(fine(waiting.run()).info) if "in line" in i]
        assert waiting.button(key="lm_run_stop")
        at_once(lambda i, at: stop(at, "lm_run"), *visitors)

        def sample(i, at):  # each visitor now writes with their own model, from a prime of their own
            at.run()
            at.text_input(key="lm_prime").set_value(ALPHABETS[i][:2]).run()
            return fine(at).code[-1].value

        samples = at_once(sample, *visitors)
    finally:
        for at in visitors:
            at.session_state["lm_run"].stop()
    for i, (at, text) in enumerate(zip(visitors, samples)):
        assert state(at, "lm_run") == "stopped" and at.session_state["lm_run"].snapshot().step > 0
        assert text.startswith(ALPHABETS[i][:2]) and set(text) <= set(ALPHABETS[i]), text
        assert at.text_area(key="lm_paste").value.startswith(ALPHABETS[i])
        assert at.query_params["prime"] in (ALPHABETS[i][:2], [ALPHABETS[i][:2]])
    assert len({id(at.session_state["lm_run"].model) for at in visitors}) == 3


def test_a_visitor_who_cancels_in_line_leaves_it_and_trains_nothing(server):
    server.setenv("RNNLAB_MAX_TRAINING_JOBS", "1")
    first, second, third = at_once(lm_visitor, *ALPHABETS)
    visitors = (first, second, third)
    try:
        places = sorted((at.session_state["lm_run"].snapshot().position, n) for n, at in enumerate(visitors))
        assert [p for p, _ in places] == [0, 1, 2]  # one training, then the 1st and 2nd in line
        second_in_line, last = visitors[places[1][1]], visitors[places[2][1]]
        assert any("2nd in line" in i for i in texts(last.info))
        second_in_line.button(key="lm_run_cancel").click().run()
        fine(second_in_line)
        assert state(second_in_line, "lm_run") == "cancelled" and not second_in_line.button(key="lm_start").disabled
        assert any("1st in line" in i for i in texts(last.run().info))  # it moved up
        stop(visitors[places[0][1]], "lm_run")
        wait_for(lambda: state(last, "lm_run") == "running")
        assert second_in_line.session_state["lm_run"].snapshot().step == 0
    finally:
        for at in visitors:
            at.session_state["lm_run"].stop()


def upload(at, key, name, data):
    at.file_uploader(key=key).upload(name, data.encode(), "text/plain").run()
    return fine(at)


def lm_page():
    at = fine(open_app(LM))
    at.radio(key="lm_source").set_value("train").run()
    at.selectbox(key="lm_corpus").set_value("paste").run()
    at.text_area(key="lm_paste").set_value(ALPHABETS[0] * 30).run()
    return at, "lm", ("lm_hidden", "lm_seconds")


def classifier_page():
    at = upload(open_app(CLASSIFIER, model="train"), "clf_data_file", "films.csv", CSV)
    return at, "clf", ("clf_hidden", "clf_seconds")


def ner_page():
    at = open_app(NER, model="train")
    at.radio(key="ner_data").set_value("upload").run()
    return upload(at, "ner_data_file", "heroes.conll", CONLL), "ner", ("ner_hidden", "ner_seconds")


def test_every_training_page_at_once_with_one_slot_and_the_caps_on_size_and_time(server):
    server.setenv("RNNLAB_MAX_TRAINING_JOBS", "1")
    server.setenv("RNNLAB_MAX_HIDDEN", "24")
    server.setenv("RNNLAB_MAX_SECONDS", "2")
    opened = at_once(lambda i, page: page(), lm_page, classifier_page, ner_page)
    someone_else = jobs.server_slots().join(lambda ticket: None)  # the one slot is taken: all three wait

    def train(i, visitor):
        at, prefix, (hidden, seconds) = visitor
        assert at.select_slider(key=hidden).options[-1] == "24" and at.select_slider(key=seconds).options == ["2"]
        assert at.select_slider(key=hidden).value == 24  # the page's default, above the cap, came down to it
        at.button(key=f"{prefix}_start").click().run()
        return fine(at)

    try:
        visitors = at_once(train, *opened)
        runs = [at.session_state[f"{prefix}_run"] for at, (_, prefix, _) in zip(visitors, opened)]
        assert sorted(r.snapshot().position for r in runs) == [1, 2, 3]
        assert all(any("in line" in i for i in texts(at.info)) for at in visitors)
    finally:
        someone_else.release()
    try:
        for r in runs:  # in turn, each by itself
            assert r.join(60)
        assert [r.snapshot().state for r in runs] == ["done"] * 3
        assert all(r.model.cfg.hidden_size == 24 and r.bundle.info["train"]["minutes"] == 2 / 60 for r in runs)
    finally:
        for r in runs:
            r.stop()

    def use(i, at):
        at.run()
        if i == 1:
            at.text_area(key="clf_text").set_value("superb film").run()
        elif i == 2:
            at.text_area(key="ner_text").set_value("Ann met Bob in Oslo .").run()
        return fine(at)

    lm, clf, ner = at_once(use, *visitors)
    assert set(lm.code[-1].value) <= set(ALPHABETS[0])
    assert clf.metric[-1].value in ("up", "down")
    assert {e.kind for e in ner.session_state["ner_answer"][1].entities} <= {"HERO", "TOWN"}
