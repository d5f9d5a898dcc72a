"""Where a class's answers are kept: two tables over SQLAlchemy Core, in any database it speaks.

`RNNLAB_CLASS_DB` names the database as a SQLAlchemy URL: unset, an in-memory SQLite database shared by the
process (one server); `sqlite:///path/classes.db`, a file; `postgresql+psycopg://user:pass@host/db`, one
store for several app servers behind one address. No Streamlit here.

Everything is bounded: a class lives `CLASS_HOURS`, then it and its answers are deleted; at most
`MAX_LIVE_CLASSES` classes at once and `MAX_ANSWERS_PER_CLASS` answers each; an answer is at most
`MAX_ANSWER_CHARS` characters; a session sends at most `ANSWERS_PER_MINUTE` answers a minute and opens at
most `CLASSES_PER_HOUR` classes an hour. The teacher's token is kept only as its SHA-256 and compared in
constant time. Nothing here knows a student's name: a student is an anonymous session id.
"""
import functools
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

ENV = "RNNLAB_CLASS_DB"
CLASS_HOURS = 4
MAX_LIVE_CLASSES = 200
CLASSES_PER_HOUR = 5  # per session
MAX_ANSWERS_PER_CLASS = 3000
MAX_ANSWER_CHARS = 200  # the answer box's own limit (webapp.exercises.base.MAX_ANSWER)
ANSWERS_PER_MINUTE = 10  # per session
MAX_QUERY_CHARS = 1500  # the page's settings that the student link carries
MAX_EXERCISES = 12  # a page's exercises a class may cover
PURGE_SECONDS = 60  # ended classes are looked for at most this often, on any use of the store
MAX_TITLE_CHARS = 90  # an exercise's title on the teacher's view ("Exercise 2: The model reads ...")

CLASS_ID = re.compile(r"[A-Za-z0-9_-]{8}")  # secrets.token_urlsafe(6)
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")  # secrets.token_urlsafe(24)
NAME = re.compile(r"[A-Za-z0-9_]{1,64}")  # a page's name, an exercise key, a session id

metadata = sa.MetaData()
classes = sa.Table(
    "rnnlab_classes", metadata,
    sa.Column("id", sa.String(8), primary_key=True),
    sa.Column("token_sha256", sa.String(64), nullable=False),
    sa.Column("page", sa.String(64), nullable=False),
    sa.Column("page_path", sa.String(64), nullable=False),  # the page's path in the app's URLs ('hello_rnn')
    sa.Column("exercises", sa.String(MAX_EXERCISES * 65), nullable=False),  # keys, comma-separated
    sa.Column("titles", sa.String(MAX_EXERCISES * (MAX_TITLE_CHARS + 1)), nullable=False),  # one a line
    sa.Column("query", sa.String(MAX_QUERY_CHARS), nullable=False),  # the page's settings, as a URL query
    sa.Column("opened_by", sa.String(64), nullable=False),  # the teacher's anonymous session
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("expires", sa.Float, nullable=False, index=True),
)
answers = sa.Table(
    "rnnlab_answers", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.String(8), nullable=False),
    sa.Column("session", sa.String(64), nullable=False),
    sa.Column("exercise", sa.String(64), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("answer", sa.String(MAX_ANSWER_CHARS), nullable=False),
    sa.Column("right", sa.Boolean, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("rnnlab_answers_by_class", "class_id", "session", "at"),
)


@dataclass(frozen=True)
class Class:
    """A live class: the page and exercises it is on, and the settings (a URL query) its students open."""
    id: str
    page: str
    page_path: str  # where the students' link goes ('' when unknown: a link relative to the app)
    exercises: tuple[str, ...]
    titles: tuple[str, ...]  # as the teacher's page named them, in the teacher's language
    query: str
    created: float
    expires: float


@dataclass(frozen=True)
class Tally:
    """One exercise's answers (`title`: as the class names it). Counted per student (session), on each one's
    latest answer; `spread` is (answer, students who gave it last, right?) from the most given."""
    exercise: str
    title: str
    answered: int
    right: int
    attempts: int
    versions: int  # distinct fingerprints: more than one when students changed the seed, the settings or the language
    spread: tuple[tuple[str, int, bool], ...]


# What `record` says: the answer was kept, or why not (nothing was changed then).
STORED, UNKNOWN, FOREIGN, TOO_LONG, TOO_FAST, FULL, BAD = (
    "stored", "unknown", "foreign", "too_long", "too_fast", "full", "bad")
# What `open_class` says when it opens none.
BUSY, TOO_MANY, TOO_LONG_QUERY = "busy", "too_many", "too_long_query"


class ClassError(Exception):
    """A class could not be opened: `reason` is BUSY, TOO_MANY, TOO_LONG_QUERY or BAD."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def valid_name(text) -> bool:
    return isinstance(text, str) and NAME.fullmatch(text) is not None


def _valid_title(text) -> bool:
    return isinstance(text, str) and 0 < len(text) <= MAX_TITLE_CHARS and "\n" not in text


def valid_class_id(text) -> bool:
    return isinstance(text, str) and CLASS_ID.fullmatch(text) is not None


def new_session_id() -> str:
    """An anonymous id for one visitor's session (what a class counts as one student)."""
    return secrets.token_hex(16)


class ClassStore:
    """The classes and their answers in the database at `url` (a SQLAlchemy URL). `now` is a clock (tests
    move it). Every method opens its own transaction; an in-process lock serialises SQLite's one connection."""

    def __init__(self, url: str = "sqlite://", now=time.time):
        self.url, self.now = url, now
        self.engine = _engine(url)
        self._lock = threading.Lock() if self.engine.dialect.name == "sqlite" else _NoLock()
        self._purged = float("-inf")  # when ended classes were last deleted (by this store)
        _create_tables(self.engine)

    def open_class(self, page: str, exercises, query: str, opened_by: str, titles=None,
                   page_path: str = "") -> tuple[Class, str]:
        """A new class on `page` for `exercises` (keys; `titles`, one per key, name them on the teacher's
        view), its students opening `page_path` with `query`: (the class, the teacher's token). The token is
        given only here; the store keeps its hash. Raises ClassError."""
        exercises = tuple(exercises)
        titles = tuple(exercises if titles is None else titles)
        if not (valid_name(page) and valid_name(opened_by) and 0 < len(exercises) <= MAX_EXERCISES
                and (page_path == "" or valid_name(page_path))
                and all(valid_name(key) for key in exercises) and isinstance(query, str)
                and len(titles) == len(exercises) and all(_valid_title(title) for title in titles)):
            raise ClassError(BAD)
        if len(query) > MAX_QUERY_CHARS:
            raise ClassError(TOO_LONG_QUERY)
        now = self.now()
        token, class_id = secrets.token_urlsafe(24), secrets.token_urlsafe(6)
        with self._lock, self.engine.begin() as db:
            self._purge(db, now)
            if db.scalar(sa.select(sa.func.count()).select_from(classes)) >= MAX_LIVE_CLASSES:
                raise ClassError(BUSY)
            recent = sa.select(sa.func.count()).select_from(classes).where(
                classes.c.opened_by == opened_by, classes.c.created > now - 3600)
            if db.scalar(recent) >= CLASSES_PER_HOUR:
                raise ClassError(TOO_MANY)
            row = dict(id=class_id, token_sha256=token_hash(token), page=page, page_path=page_path,
                       exercises=",".join(exercises),
                       titles="\n".join(titles), query=query, opened_by=opened_by, created=now,
                       expires=now + CLASS_HOURS * 3600)
            db.execute(classes.insert().values(**row))
        return _class(row), token

    def live(self, class_id) -> Class | None:
        """The class `class_id` if it is live (None for a malformed, unknown or ended one)."""
        if not valid_class_id(class_id):
            return None
        self._purge_now_and_then()
        with self._lock, self.engine.connect() as db:
            row = db.execute(sa.select(classes).where(classes.c.id == class_id,
                                                      classes.c.expires > self.now())).mappings().first()
        return _class(row) if row else None

    def record(self, class_id, session, page, exercise, fingerprint, answer, right) -> str:
        """Keep one checked answer for the class; returns STORED or why not (then nothing changed)."""
        if not (valid_name(session) and valid_name(page) and valid_name(exercise) and valid_name(fingerprint)
                and isinstance(answer, str) and isinstance(right, bool)):
            return BAD
        if len(answer) > MAX_ANSWER_CHARS:
            return TOO_LONG
        live = self.live(class_id)
        if live is None:
            return UNKNOWN
        if page != live.page or exercise not in live.exercises:
            return FOREIGN
        now = self.now()
        with self._lock, self.engine.begin() as db:
            count = sa.select(sa.func.count()).select_from(answers)
            if db.scalar(count.where(answers.c.class_id == class_id)) >= MAX_ANSWERS_PER_CLASS:
                return FULL
            last_minute = count.where(answers.c.class_id == class_id, answers.c.session == session,
                                      answers.c.at > now - 60)
            if db.scalar(last_minute) >= ANSWERS_PER_MINUTE:
                return TOO_FAST
            db.execute(answers.insert().values(class_id=class_id, session=session, exercise=exercise,
                                               fingerprint=fingerprint, answer=answer, right=right, at=now))
        return STORED

    def teacher(self, class_id, token) -> Class | None:
        """The live class when `token` is its teacher's, else None (a student's link holds no token)."""
        if not (valid_class_id(class_id) and isinstance(token, str) and TOKEN.fullmatch(token)):
            return None
        self._purge_now_and_then()
        with self._lock, self.engine.connect() as db:
            row = db.execute(sa.select(classes).where(classes.c.id == class_id,
                                                      classes.c.expires > self.now())).mappings().first()
        if row is None or not hmac.compare_digest(row["token_sha256"], token_hash(token)):
            return None
        return _class(row)

    def tallies(self, class_id, token) -> list[Tally] | None:
        """Each exercise's answers so far, for the teacher only (None when `token` is not the teacher's)."""
        live = self.teacher(class_id, token)
        if live is None:
            return None
        with self._lock, self.engine.connect() as db:
            rows = db.execute(sa.select(answers.c.session, answers.c.exercise, answers.c.fingerprint,
                                        answers.c.answer, answers.c.right)
                              .where(answers.c.class_id == class_id).order_by(answers.c.at, answers.c.id)).all()
        return [_tally(key, title, [r for r in rows if r.exercise == key])
                for key, title in zip(live.exercises, live.titles)]

    def end(self, class_id, token) -> bool:
        """The teacher ends the class now: it and its answers are deleted. False (nothing done) without the token."""
        if self.teacher(class_id, token) is None:
            return False
        with self._lock, self.engine.begin() as db:
            db.execute(answers.delete().where(answers.c.class_id == class_id))
            db.execute(classes.delete().where(classes.c.id == class_id))
        return True

    def purge(self) -> None:
        """Delete the classes that have ended, and their answers."""
        with self._lock, self.engine.begin() as db:
            self._purge(db, self.now())

    def _purge_now_and_then(self) -> None:
        """Delete ended classes when it has not been done for PURGE_SECONDS: an ended class's answers are gone
        soon after its end even when nobody starts a class."""
        if self.now() - self._purged >= PURGE_SECONDS:
            self.purge()

    def _purge(self, db, now: float) -> None:
        self._purged = now
        ended = sa.select(classes.c.id).where(classes.c.expires <= now)
        db.execute(answers.delete().where(answers.c.class_id.in_(ended)))
        db.execute(classes.delete().where(classes.c.expires <= now))

    def counts(self) -> tuple[int, int]:
        """(classes, answers) held now, ended ones included until the next purge: for tests and the docs."""
        with self._lock, self.engine.connect() as db:
            return (db.scalar(sa.select(sa.func.count()).select_from(classes)),
                    db.scalar(sa.select(sa.func.count()).select_from(answers)))


class _NoLock:
    """PostgreSQL serialises concurrent transactions itself."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _engine(url: str) -> sa.Engine:
    """An engine for `url`. In-memory SQLite is one connection shared by every thread (StaticPool), or each
    thread would see an empty database of its own."""
    if url in ("sqlite://", "sqlite:///:memory:"):
        return sa.create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    if url.startswith("sqlite"):
        return sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _create_tables(engine: sa.Engine) -> None:
    """The two tables, unless they are there. Two servers starting at once may both try: the loser's
    error is the winner's tables, so one more look settles it."""
    try:
        metadata.create_all(engine, checkfirst=True)
    except sa.exc.DBAPIError:
        metadata.create_all(engine, checkfirst=True)


def _class(row) -> Class:
    return Class(row["id"], row["page"], row["page_path"], tuple(row["exercises"].split(",")),
                 tuple(row["titles"].split("\n")), row["query"], row["created"], row["expires"])


def _tally(exercise: str, title: str, rows) -> Tally:
    latest = {r.session: r for r in rows}  # rows come in time order: the last one per session wins
    spread = Counter((" ".join(r.answer.split()), r.right) for r in latest.values())
    ordered = sorted(spread.items(), key=lambda item: (-item[1], item[0][0]))
    return Tally(exercise, title, answered=len(latest), right=sum(r.right for r in latest.values()), attempts=len(rows),
                 versions=len({r.fingerprint for r in rows}),
                 spread=tuple((answer, n, right) for (answer, right), n in ordered))


@functools.cache
def shared(url: str | None = None) -> ClassStore:
    """The process's store for `url` (default: $RNNLAB_CLASS_DB, else in-memory SQLite): one per process,
    so every session of a server sees the same classes."""
    return ClassStore(url or os.environ.get(ENV) or "sqlite://")
