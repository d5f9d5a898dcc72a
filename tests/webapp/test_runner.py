"""The background training run: it trains, reports, probes, stops on request and reports failures."""
import time

import pytest

from core.checkpoint import load_checkpoint
from core.config import ModelConfig, TrainConfig
from webapp import lm
from webapp.jobs import Slots
from webapp.runner import Start, TrainingRun, steps_trained

TEXT = "the cat sat on the mat. " * 40


pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


def tiny(seconds=None, steps=None):
    return (ModelConfig(task="lm", cell="gru", embed_size=8, hidden_size=16),
            TrainConfig(lr=1e-2, batch_size=8, seq_len=16, minutes=seconds and seconds / 60, max_steps=steps,
                        warmup_steps=1))


def test_a_run_trains_reports_and_ends_done():
    model_cfg, train_cfg = tiny(steps=60)
    run = lm.start_training(TEXT, model_cfg, train_cfg)
    assert run.join(60)
    snap = run.snapshot()
    assert snap.state == "done" and snap.step == 60 and snap.fraction == 1.0
    assert snap.losses and snap.valid and snap.best["loss"] < 3.0
    assert snap.losses[-1][1] < snap.losses[0][1]  # it learned
    assert snap.samples, "the probe wrote a sample at the end"
    assert not run.model.training
    data = run.checkpoint()
    assert data[:8] and run.checkpoint() is data  # made once


def test_stop_ends_the_run_within_a_second():
    model_cfg, train_cfg = tiny(seconds=60)
    run = lm.start_training(TEXT, model_cfg, train_cfg)
    time.sleep(0.5)
    asked = time.monotonic()
    run.stop()
    assert run.snapshot().state in ("stopping", "stopped")  # the page can say so at once
    assert run.join(5)
    assert time.monotonic() - asked < 1.0
    snap = run.snapshot()
    assert snap.state == "stopped" and snap.elapsed < 5
    assert snap.best is not None  # the best model so far is kept and evaluated


def test_bad_data_is_reported_before_the_thread_starts():
    from core.errors import DataError
    with pytest.raises(DataError):
        lm.start_training("ab", *tiny(steps=5))


def test_a_failure_in_the_thread_becomes_a_message():
    def broken_probe(bundle):
        raise ValueError("boom")

    run = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=50), probe=broken_probe, probe_every=0).start()
    assert run.join(60)
    snap = run.snapshot()
    assert snap.state == "failed" and "boom" in snap.error


def test_a_loss_that_blows_up_ends_the_run_with_a_message_and_the_last_good_model_to_use():
    run = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=400))

    def blow_up(progress):  # after the first validation, a learning rate no model survives
        if progress.metrics is not None:
            run.trainer.cfg.lr, run.trainer.cfg.clip = 1e30, 1e30

    run.trainer.callbacks.append(blow_up)
    assert run.start().join(60)
    snap = run.snapshot()
    assert snap.state == "stopped" and "lower the learning rate" in snap.error and snap.best is not None
    assert load_checkpoint(run.checkpoint()).info["valid"] == snap.best  # the good model, ready to download


def test_a_run_starts_once():
    run = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=2))
    run.start()
    with pytest.raises(RuntimeError):
        run.start()
    assert run.join(30)


def test_a_run_waits_for_a_free_slot_then_starts_by_itself():
    slots = Slots(capacity=1)
    first = TrainingRun.prepare("lm", TEXT, None, *tiny(seconds=60)).start(slots)
    second = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=20)).start(slots)
    third = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=20)).start(slots)
    assert first.snapshot().state == "running"
    assert [(r.snapshot().state, r.snapshot().position) for r in (second, third)] == [("queued", 1), ("queued", 2)]
    assert second.snapshot().active and not second.join(0.2)  # waiting is not ending
    with pytest.raises(RuntimeError):
        second.checkpoint()
    first.stop()  # its slot goes to the next in line
    assert second.join(60) and second.snapshot().state == "done" and second.snapshot().step == 20
    assert third.join(60) and third.snapshot().state == "done"
    assert first.snapshot().state == "stopped" and slots.running == 0


def test_a_queued_run_that_is_cancelled_never_trains():
    slots = Slots(capacity=1)
    first = TrainingRun.prepare("lm", TEXT, None, *tiny(seconds=60)).start(slots)
    second = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=20)).start(slots)
    second.stop()
    assert second.join(0) and second.snapshot().state == "cancelled" and second.snapshot().finished
    assert second.snapshot().step == 0 and slots.waiting == 0
    first.stop()
    assert first.join(5) and slots.running == 0
    assert second.snapshot().step == 0  # it did not begin when the slot freed


def test_a_failed_run_gives_its_slot_back():
    def broken_probe(bundle):
        raise ValueError("boom")

    slots = Slots(capacity=1)
    failing = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=50), probe=broken_probe, probe_every=0).start(slots)
    after = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=5)).start(slots)
    assert failing.join(60) and failing.snapshot().state == "failed"
    assert after.join(60) and after.snapshot().state == "done" and slots.running == 0


def test_a_queued_run_nobody_holds_any_more_drops_out_of_the_line():
    slots, trained = Slots(capacity=1), []
    first = TrainingRun.prepare("lm", TEXT, None, *tiny(seconds=60)).start(slots)
    gone = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=20))
    gone.trainer.callbacks.append(trained.append)
    gone.start(slots)
    del gone  # a session closed, or its run replaced: the run's reference cycles wait for the collector
    after = TrainingRun.prepare("lm", TEXT, None, *tiny(steps=5)).start(slots)
    first.stop()
    assert after.join(60) and after.snapshot().state == "done"
    assert not trained and slots.running == 0


def test_a_download_keeps_the_optimizer_state_and_a_copy_of_it_goes_on_training():
    first = lm.start_training(TEXT, *tiny(steps=6))
    assert first.join(60)
    data = first.checkpoint()
    assert load_checkpoint(data).optimizer is not None
    start = Start("first.safetensors", data, "lm")
    second, third = (lm.start_training(TEXT, *tiny(steps=4), start=start) for _ in range(2))
    assert second.join(60) and third.join(60)
    assert second.model is not first.model and second.model is not third.model  # each run trains a copy of its own
    assert first.checkpoint() is data and second.bundle.vocab.itos == first.bundle.vocab.itos
    assert second.bundle.info["resumed"]["steps"] == 6 and steps_trained(second.bundle.info) == 10
    steps = {float(state["step"]) for state in second.trainer.optimizer.state.values()}
    assert steps == {6 + 4}  # AdamW went on counting


def test_steps_trained_adds_every_run_up_and_ignores_what_is_not_a_count():
    assert steps_trained({"steps": 5, "resumed": {"steps": 7, "resumed": {"steps": "9"}}}) == 12
    assert steps_trained({}) == 0 and steps_trained({"steps": True}) == 0
