"""Training slots shared by every session of the server: at most `capacity` jobs at once, the others wait
in line, first come first served, and begin by themselves when a slot frees.

A job joins with `begin`, a callable that starts the work; it gets a `Ticket` and must `release()` it
when the work ends, however it ends. The line holds tickets weakly: a waiting job whose owner is gone
(a session closed, a run replaced) drops out and never begins. No Streamlit here.
"""
import gc
import logging
import threading
import weakref
from collections import deque
from collections.abc import Callable

from core.errors import RNNLabError

from . import settings

log = logging.getLogger(__name__)
WAITING, HOLDING, DONE = "waiting", "holding", "done"


class QueueFull(RNNLabError):
    """Too many jobs are waiting already."""


class Ticket:
    """One job's place: waiting in line, holding a slot, or done (released, cancelled or dropped)."""

    def __init__(self, slots: "Slots", begin: Callable[["Ticket"], None]):
        self._slots, self._begin = slots, begin
        self.state = WAITING  # changed only under the slots' lock

    @property
    def position(self) -> int | None:
        """0 while holding a slot, n while n-th in line (1: next to begin), None once done."""
        return self._slots._position(self)

    def cancel(self) -> bool:
        """Leave the line. True: the job will never begin; False: it holds a slot already (or is done)."""
        return self._slots._cancel(self)

    def release(self):
        """Give the slot back (safe to call twice, and for a ticket still waiting: it leaves the line)."""
        self._slots._release(self)


class Slots:
    """At most `capacity` jobs hold a slot at once; up to `max_waiting` more wait in line."""

    def __init__(self, capacity: int = 2, max_waiting: int = 20):
        self.capacity, self.max_waiting = capacity, max_waiting
        self._lock = threading.Lock()
        self._holding: set[Ticket] = set()
        self._line: deque[weakref.ref[Ticket]] = deque()

    def join(self, begin: Callable[[Ticket], None]) -> Ticket:
        """A new job: `begin(ticket)` is called once it holds a slot, at once from this thread when one is
        free, else later from the thread that frees one. QueueFull when max_waiting jobs wait already."""
        ticket = Ticket(self, begin)
        with self._lock:
            self._drop_gone()
            if len(self._holding) >= self.capacity and len(self._line) >= self.max_waiting:
                raise QueueFull(f"{len(self._line)} trainings are waiting for this server's {self.capacity} "
                                f"training slots already: try again in a few minutes")
            self._line.append(weakref.ref(ticket))
        self._fill()
        return ticket

    def resize(self, capacity: int, max_waiting: int):
        """New limits; with more slots, the next in line begin. Running jobs are never cut short."""
        with self._lock:
            self.capacity, self.max_waiting = capacity, max_waiting
        self._fill()

    @property
    def running(self) -> int:
        with self._lock:
            return len(self._holding)

    @property
    def waiting(self) -> int:
        with self._lock:
            self._drop_gone()
            return len(self._line)

    # ------------------------------------------------------------ the line (tickets call these)

    def _position(self, ticket: Ticket) -> int | None:
        with self._lock:
            if ticket.state != WAITING:
                return 0 if ticket.state == HOLDING else None
            live = (t for t in (ref() for ref in self._line) if t is not None)
            return next((n for n, t in enumerate(live, 1) if t is ticket), None)

    def _cancel(self, ticket: Ticket) -> bool:
        with self._lock:
            if ticket.state != WAITING:
                return False
            self._leave_line(ticket)
            return True

    def _release(self, ticket: Ticket):
        with self._lock:
            if ticket.state == WAITING:
                self._leave_line(ticket)
            self._holding.discard(ticket)
            ticket.state = DONE
        self._fill(collect=True)

    def _leave_line(self, ticket: Ticket):  # under the lock
        self._line = deque(ref for ref in self._line if ref() not in (ticket, None))
        ticket.state = DONE

    def _drop_gone(self):  # under the lock
        self._line = deque(ref for ref in self._line if ref() is not None)

    def _fill(self, collect: bool = False):
        """Hand free slots to the first in line, and begin their jobs outside the lock. A job that cannot
        begin gives its slot back at once. `collect`: first collect garbage, as a job left waiting by a
        closed session stays in memory (and in line) until its reference cycles are collected."""
        while True:
            if collect:
                with self._lock:
                    if len(self._holding) >= self.capacity or not self._line:
                        return
                gc.collect()
                collect = False
            with self._lock:
                ticket = None
                while ticket is None and self._line and len(self._holding) < self.capacity:
                    ticket = self._line.popleft()()  # None: its owner is gone
                if ticket is None:
                    return
                ticket.state = HOLDING
                self._holding.add(ticket)
            try:
                ticket._begin(ticket)
            except Exception:  # noqa: BLE001 - the job's own business; the slot must not leak
                log.exception("a training job could not begin")
                self._release(ticket)


_server = Slots()


def server_slots() -> Slots:
    """The slots every session of this server process shares, sized by the settings now."""
    limits = settings.load()
    _server.resize(limits.max_training_jobs, limits.max_waiting_jobs)
    return _server
