"""The server's training slots: the cap holds under many threads, the line is first come first served and
says where each job stands, a slot always comes back, and a job that leaves the line never begins."""
import gc
import logging
import threading
import time

import pytest

from webapp import jobs, settings
from webapp.jobs import QueueFull, Slots


class Job:
    """Records when it begins; ends when the test releases its ticket."""

    def __init__(self, slots: Slots, begun: list):
        self.begun = begun
        self.ticket = slots.join(self.begin)  # the job holds its ticket, as a TrainingRun does

    def begin(self, ticket):
        self.begun.append(self)


def test_at_most_capacity_jobs_run_at_once_under_many_threads():
    slots = Slots(capacity=4, max_waiting=100)
    lock, now, most, finished = threading.Lock(), [0], [0], []

    def work(ticket):
        try:
            with lock:
                now[0] += 1
                most[0] = max(most[0], now[0])
            time.sleep(0.05)
            with lock:
                now[0] -= 1
                finished.append(ticket)
        finally:
            ticket.release()

    def begin(ticket):
        threading.Thread(target=work, args=(ticket,)).start()

    tickets = []
    joiners = [threading.Thread(target=lambda: tickets.append(slots.join(begin))) for _ in range(16)]
    for j in joiners:
        j.start()
    for j in joiners:
        j.join()
    deadline = time.monotonic() + 20
    while len(finished) < 16 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(finished) == 16 and most[0] == 4
    assert slots.running == 0 and slots.waiting == 0
    assert all(t.position is None for t in tickets)


def test_the_line_is_first_come_first_served_and_says_where_each_job_stands():
    slots, begun = Slots(capacity=1), []
    a, b, c, d = (Job(slots, begun) for _ in range(4))
    assert begun == [a]  # a free slot: it began at once
    assert [j.ticket.position for j in (a, b, c, d)] == [0, 1, 2, 3]
    a.ticket.release()
    assert begun == [a, b] and [j.ticket.position for j in (a, b, c, d)] == [None, 0, 1, 2]
    b.ticket.release()
    c.ticket.release()
    assert begun == [a, b, c, d] and slots.running == 1 and slots.waiting == 0


def test_a_cancelled_job_never_begins_and_the_ones_behind_move_up():
    slots, begun = Slots(capacity=1), []
    a, b, c = (Job(slots, begun) for _ in range(3))
    assert b.ticket.cancel()
    assert b.ticket.position is None and c.ticket.position == 1
    assert not b.ticket.cancel()  # once is enough
    assert not a.ticket.cancel()  # a job holding its slot is stopped, not cancelled
    a.ticket.release()
    assert begun == [a, c]
    c.ticket.release()
    assert begun == [a, c] and slots.running == 0


def test_release_is_safe_twice_and_frees_exactly_one_slot():
    slots, begun = Slots(capacity=2), []
    a, b, c, d = (Job(slots, begun) for _ in range(4))
    a.ticket.release()
    a.ticket.release()
    assert begun == [a, b, c] and slots.running == 2 and d.ticket.position == 1


def test_a_job_that_cannot_begin_gives_its_slot_back(caplog):
    slots, begun = Slots(capacity=1), []
    holder = Job(slots, begun)

    def broken(ticket):
        raise RuntimeError("can't start new thread")

    failed = slots.join(broken)
    after = Job(slots, begun)
    with caplog.at_level(logging.ERROR):
        holder.ticket.release()
    assert "could not begin" in caplog.text
    assert failed.position is None and begun == [holder, after] and slots.running == 1


def test_a_waiting_job_whose_owner_is_gone_drops_out():
    slots, begun = Slots(capacity=1), []
    holder, gone, kept = (Job(slots, begun) for _ in range(3))
    gone.ticket.cycle = gone  # like a TrainingRun: only the garbage collector frees it
    del gone
    gc.collect()
    assert kept.ticket.position == 1 and slots.waiting == 1
    holder.ticket.release()
    assert begun == [holder, kept]


def test_a_replaced_job_left_in_a_cycle_is_collected_before_it_would_begin():
    slots, begun = Slots(capacity=1), []
    holder, replaced = Job(slots, begun), Job(slots, begun)
    replaced.ticket.cycle = replaced
    replaced = Job(slots, begun)  # the old one is unreachable but not yet collected
    holder.ticket.release()
    assert begun == [holder, replaced]


def test_a_full_line_refuses_more_with_a_message():
    slots, begun = Slots(capacity=1, max_waiting=2), []
    a, b, c = (Job(slots, begun) for _ in range(3))
    with pytest.raises(QueueFull, match="2 trainings are waiting"):
        slots.join(lambda ticket: None)
    c.ticket.cancel()
    Job(slots, begun)  # room again


def test_more_slots_begin_the_next_in_line():
    slots, begun = Slots(capacity=1), []
    a, b, c = (Job(slots, begun) for _ in range(3))
    slots.resize(3, 20)
    assert begun == [a, b, c]
    slots.resize(1, 20)  # fewer: nobody is cut short, the next waits until two have ended
    d = Job(slots, begun)
    a.ticket.release()
    b.ticket.release()
    assert d.ticket.position == 1
    c.ticket.release()
    assert begun[-1] is d


# ---------------------------------------------------------------- the settings that size them


def test_settings_come_from_the_environment_with_defaults(monkeypatch):
    for name in ("MAX_TRAINING_JOBS", "MAX_WAITING_JOBS", "MAX_HIDDEN", "MAX_LAYERS", "MAX_SECONDS"):
        monkeypatch.delenv("RNNLAB_" + name, raising=False)
    assert settings.load() == settings.Settings()
    monkeypatch.setenv("RNNLAB_MAX_TRAINING_JOBS", "1")
    monkeypatch.setenv("RNNLAB_MAX_HIDDEN", "64")
    s = settings.load()
    assert s.max_training_jobs == 1 and s.max_hidden == 64 and s.max_seconds == settings.Settings().max_seconds
    assert jobs.server_slots().capacity == 1
    monkeypatch.setenv("RNNLAB_MAX_TRAINING_JOBS", "3")
    assert jobs.server_slots().capacity == 3 and jobs.server_slots() is jobs.server_slots()


@pytest.mark.parametrize("bad", ["0", "-2", "two", "1.5", ""])
def test_a_bad_setting_keeps_its_default_and_is_logged(monkeypatch, caplog, bad):
    monkeypatch.setenv("RNNLAB_MAX_SECONDS", bad)
    settings._parse.cache_clear()  # a bad value is logged once, when first read
    with caplog.at_level(logging.WARNING):
        assert settings.load().max_seconds == settings.Settings().max_seconds
    assert "RNNLAB_MAX_SECONDS" in caplog.text
