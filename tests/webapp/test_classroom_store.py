"""The class store (webapp.classroom.store) on every database it is meant for: in-memory SQLite, a SQLite
file, and a real PostgreSQL server that the test starts itself in a temporary folder (Debian's `postgresql`
package; the PostgreSQL tests are skipped, with the reason, only when its binaries are missing)."""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from webapp.classroom import store
from webapp.classroom.store import ClassError, ClassStore

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
PG_MISSING = None if PG_BIN else "PostgreSQL's binaries are not installed (apt-get install postgresql)"


class Clock:
    """A clock the tests move by hand."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="module")
def postgres_url():
    """A throwaway PostgreSQL cluster: initdb in a temporary folder, a unix socket there and a free port on
    127.0.0.1, trust authentication; stopped and deleted afterwards."""
    if PG_MISSING:
        pytest.skip(PG_MISSING)
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run the server as")
    bin_dir = Path(PG_BIN[-1])
    folder = Path(tempfile.mkdtemp(prefix="rnnlab-pg-"))
    data, port = folder / "data", free_port()
    if os.geteuid() == 0:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    subprocess.run(as_postgres_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                     "--no-sync", "-E", "UTF8"]), **run)
    options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(as_postgres_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                                     "-t", "60", "-o", options, "start"]), **run)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_postgres_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def url_for(kind: str, request, tmp_path) -> str:
    if kind == "memory":
        return "sqlite://"
    if kind == "file":
        return f"sqlite:///{tmp_path / 'classes.db'}"
    url = request.getfixturevalue("postgres_url")
    engine = sa.create_engine(url)
    store.metadata.drop_all(engine)  # each test starts from empty tables
    engine.dispose()
    return url


@pytest.fixture(params=["memory", "file", "postgresql"])
def db_url(request, tmp_path):
    return url_for(request.param, request, tmp_path)


@pytest.fixture(params=["file", "postgresql"])
def shared_db_url(request, tmp_path):
    """A database that several processes (app servers) can share: an in-memory one cannot."""
    return url_for(request.param, request, tmp_path)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def classes(db_url, clock):
    s = ClassStore(db_url, now=clock)
    yield s
    s.engine.dispose()


def open_one(classes, exercises=("hello_h1", "hello_next"), session="teacher1"):
    return classes.open_class("hello", exercises, "seed=7&lang=en", session, page_path="hello_rnn")


def test_a_class_keeps_the_answers_of_its_students_for_its_teacher(classes):
    klass, token = open_one(classes)
    assert classes.live(klass.id) == klass and klass.query == "seed=7&lang=en"
    assert klass.titles == klass.exercises and klass.page_path == "hello_rnn"  # no titles given: the keys
    for student, answer, right in [("s1", "0.42", True), ("s2", "0.40", False), ("s3", "0.42", True)]:
        assert classes.record(klass.id, student, "hello", "hello_h1", "abc123", answer, right) == store.STORED
    h1, nxt = classes.tallies(klass.id, token)
    assert (h1.exercise, h1.answered, h1.right, h1.attempts) == ("hello_h1", 3, 2, 3)
    assert h1.spread == (("0.42", 2, True), ("0.40", 1, False))
    assert (nxt.answered, nxt.spread) == (0, ())


def test_a_student_is_counted_once_by_the_latest_answer(classes):
    klass, token = open_one(classes)
    for answer, right in [("0.1", False), ("0.3", False), ("0.42", True)]:
        classes.record(klass.id, "s1", "hello", "hello_h1", "abc123", answer, right)
    h1 = classes.tallies(klass.id, token)[0]
    assert (h1.answered, h1.right, h1.attempts, h1.spread) == (1, 1, 3, (("0.42", 1, True),))


def test_the_token_is_kept_only_as_a_hash_and_a_wrong_one_reads_nothing(classes, db_url):
    klass, token = open_one(classes)
    with classes.engine.connect() as db:
        stored = db.execute(sa.select(store.classes.c.token_sha256)).scalar_one()
    assert token not in stored and stored == store.token_hash(token)
    other = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (None, "", other, "x" * 32, stored, "' OR '1'='1", token + "x"):
        assert classes.teacher(klass.id, wrong) is None
        assert classes.tallies(klass.id, wrong) is None
        assert classes.end(klass.id, wrong) is False
    assert classes.live(klass.id) is not None  # still there after all that


@pytest.mark.parametrize("forged, why", [
    (dict(class_id="nope"), store.UNKNOWN), (dict(class_id="'; DROP TABLE rnnlab_answers; --"), store.UNKNOWN),
    (dict(class_id="AAAAAAAA"), store.UNKNOWN), (dict(class_id=None), store.UNKNOWN),
    (dict(page="memory"), store.FOREIGN), (dict(exercise="mem_cell"), store.FOREIGN),
    (dict(answer="9" * 201), store.TOO_LONG), (dict(exercise="hello_h1' OR 1=1 --"), store.BAD),
    (dict(session="x" * 65), store.BAD), (dict(right="yes"), store.BAD), (dict(fingerprint="../../"), store.BAD),
])
def test_forged_answers_change_nothing(classes, forged, why):
    klass, token = open_one(classes)
    answer = dict(class_id=klass.id, session="s1", page="hello", exercise="hello_h1", fingerprint="abc123",
                  answer="0.42", right=True) | forged
    assert classes.record(**answer) == why
    assert classes.counts() == (1, 0)
    assert classes.tallies(klass.id, token)[0].attempts == 0


def test_a_session_sending_too_fast_is_refused_for_a_minute(classes, clock):
    klass, token = open_one(classes)
    outcomes = [classes.record(klass.id, "s1", "hello", "hello_h1", "f", str(i), False)
                for i in range(store.ANSWERS_PER_MINUTE + 3)]
    assert outcomes == [store.STORED] * store.ANSWERS_PER_MINUTE + [store.TOO_FAST] * 3
    assert classes.record(klass.id, "s2", "hello", "hello_h1", "f", "1", False) == store.STORED  # another student
    clock.now += 61
    assert classes.record(klass.id, "s1", "hello", "hello_h1", "f", "late", True) == store.STORED
    assert classes.tallies(klass.id, token)[0].attempts == store.ANSWERS_PER_MINUTE + 2


def test_a_class_takes_a_bounded_number_of_answers(classes, clock, monkeypatch):
    monkeypatch.setattr(store, "MAX_ANSWERS_PER_CLASS", 4)
    klass, token = open_one(classes)
    outcomes = [classes.record(klass.id, f"s{i}", "hello", "hello_h1", "f", "1", True) for i in range(6)]
    assert outcomes == [store.STORED] * 4 + [store.FULL] * 2
    assert classes.tallies(klass.id, token)[0].answered == 4


def test_classes_end_after_their_hours_and_are_deleted_with_their_answers(classes, clock):
    old, old_token = open_one(classes)
    classes.record(old.id, "s1", "hello", "hello_h1", "f", "1", True)
    clock.now += store.CLASS_HOURS * 3600 - 1
    assert classes.live(old.id) is not None
    clock.now += 2
    assert classes.live(old.id) is None and classes.tallies(old.id, old_token) is None
    assert classes.record(old.id, "s1", "hello", "hello_h1", "f", "1", True) == store.UNKNOWN
    assert classes.counts() == (1, 1)  # ended; the last look for ended classes was a second ago
    new, _ = open_one(classes, session="teacher2")  # starting a class deletes the ended ones
    assert classes.counts() == (1, 0) and classes.live(new.id) == new


def test_ended_classes_are_deleted_at_most_once_a_minute_on_any_use_and_on_every_start(classes, clock):
    first, _ = open_one(classes)
    clock.now += store.CLASS_HOURS * 3600 + 1
    classes.live("AAAAAAAA")  # any look at the store: the ended class goes
    assert classes.counts() == (0, 0)
    second, _ = open_one(classes)
    classes.record(second.id, "s1", "hello", "hello_h1", "f", "1", True)
    clock.now += store.CLASS_HOURS * 3600 + 1
    classes.live("AAAAAAAA")  # the last purge (at the start) was hours ago: this one purges
    assert classes.counts() == (0, 0)
    third, _ = open_one(classes)
    clock.now += store.CLASS_HOURS * 3600 - 1  # still live; no purge for a minute after the start
    classes.live(third.id)
    clock.now += 30
    classes.live(third.id)  # ended, but the last purge was 29 s ago: not yet deleted
    assert classes.counts() == (1, 0)
    clock.now += store.PURGE_SECONDS
    classes.live(third.id)
    assert classes.counts() == (0, 0)


def test_the_teacher_ends_a_class_and_its_answers_are_deleted(classes):
    klass, token = open_one(classes)
    other, _ = open_one(classes, session="teacher2")
    classes.record(klass.id, "s1", "hello", "hello_h1", "f", "1", True)
    classes.record(other.id, "s1", "hello", "hello_h1", "f", "1", True)
    assert classes.end(klass.id, token) is True
    assert classes.live(klass.id) is None and classes.counts() == (1, 1)
    assert classes.live(other.id) is not None


def test_opening_classes_is_bounded(classes, monkeypatch):
    for _ in range(store.CLASSES_PER_HOUR):
        open_one(classes)
    with pytest.raises(ClassError) as refused:
        open_one(classes)
    assert refused.value.reason == store.TOO_MANY
    monkeypatch.setattr(store, "MAX_LIVE_CLASSES", store.CLASSES_PER_HOUR)
    with pytest.raises(ClassError) as refused:
        open_one(classes, session="teacher2")
    assert refused.value.reason == store.BUSY
    for bad in [dict(page="hello'; --"), dict(exercises=()), dict(exercises=("a,b",)), dict(query=None),
                dict(page_path="../x"), dict(page_path="a/b"), dict(titles=("x" * 91,)), dict(titles=("a\nb",)),
                dict(titles=("a", "b")), dict(titles=(3,))]:
        with pytest.raises(ClassError) as refused:
            classes.open_class(**(dict(page="hello", exercises=("x",), query="", opened_by="t3") | bad))
        assert refused.value.reason == store.BAD
    with pytest.raises(ClassError) as refused:
        classes.open_class("hello", ("x",), "a=" + "b" * store.MAX_QUERY_CHARS, "t3")
    assert refused.value.reason == store.TOO_LONG_QUERY
    assert classes.counts()[0] == store.CLASSES_PER_HOUR


def test_ids_and_tokens_are_random_and_unguessable(classes):
    opened = [classes.open_class("hello", ("x",), "", f"t{i}") for i in range(5)]
    ids, tokens = {k.id for k, _ in opened}, {tok for _, tok in opened}
    assert len(ids) == len(tokens) == 5
    assert all(store.CLASS_ID.fullmatch(i) for i in ids) and all(len(tok) == 32 for tok in tokens)


def test_several_servers_share_one_class_through_one_database(shared_db_url, clock):
    """Two stores on one URL stand for two app servers: a class opened on one takes answers on the other."""
    first, second = ClassStore(shared_db_url, now=clock), ClassStore(shared_db_url, now=clock)
    klass, token = first.open_class("hello", ("hello_h1",), "", "teacher")

    def answer(i):
        assert second.record(klass.id, f"s{i}", "hello", "hello_h1", "f", str(i % 2), bool(i % 2)) == store.STORED
    threads = [threading.Thread(target=answer, args=(i,)) for i in range(8)]
    [th.start() for th in threads]
    [th.join() for th in threads]
    tally = first.tallies(klass.id, token)[0]
    assert (tally.answered, tally.right) == (8, 4)
    first.engine.dispose(), second.engine.dispose()


def test_the_shared_store_follows_the_environment(monkeypatch, tmp_path):
    path = tmp_path / "env.db"
    monkeypatch.setenv(store.ENV, f"sqlite:///{path}")
    store.shared.cache_clear()
    try:
        shared = store.shared()
        assert shared is store.shared() and shared.url == f"sqlite:///{path}" and path.exists()
        monkeypatch.delenv(store.ENV)
        store.shared.cache_clear()
        assert store.shared().url == "sqlite://"
    finally:
        store.shared.cache_clear()


def test_the_postgres_fixture_is_a_real_server(postgres_url):
    engine = sa.create_engine(postgres_url)
    with engine.connect() as db:
        assert "PostgreSQL" in db.scalar(sa.text("select version()"))
    engine.dispose()
