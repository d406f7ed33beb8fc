"""Publishing the scoring task off the request path (``BACKGROUND_PUBLISH``), on a real Redis broker.

The attempt is committed as pending before its id reaches the background
publisher, so whatever happens to the publish (a broker that is down or hangs,
a process that dies first) the account stays held and the sweep scores it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from typing import Any, Iterator

import pytest
from celery.signals import before_task_publish
from django.db import connection, transaction

from signupguard import publisher
from signupguard.gate import account_status
from signupguard.models import Attempt
from signupguard.publisher import BackgroundPublisher
from signupguard.recording import record_signup
from signupguard.tasks import sweep_pending
from tests.plugins.services import ROOT, IdleBroker, celery_broker, wait_until

MEMORY = {"VELOCITY_BACKEND": "signupguard.velocity.memory.MemoryVelocityStore"}
ALLOW_ALL = {**MEMORY, "ALLOW_IP_RANGES": ["0.0.0.0/0", "::/0"], "SYNC_WAIT": 0, "SWEEP_AFTER_SECONDS": 0}
SCORE_TASK = "signupguard.tasks.score_attempt"


class SilentBroker:
    """A TCP server that accepts connections and never answers: a hung broker."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.server.getsockname()[1]}/0"
        self.clients: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return  # closed
            self.clients.append(client)

    def close(self) -> None:
        """The broker goes away: every client blocked on it gets an error, reconnecting is refused."""
        for sock in [self.server, *self.clients]:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # close() alone would not wake the blocked accept()
            except OSError:
                pass  # already shut
            sock.close()
        self.thread.join(timeout=5)

    def __enter__(self) -> "SilentBroker":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


@pytest.fixture
def publishing_threads() -> Iterator[list[str]]:
    """Names of the threads that publish scoring tasks (Celery's own signal)."""
    names: list[str] = []

    def on_publish(sender: Any = None, **kwargs: Any) -> None:
        if sender == SCORE_TASK:
            names.append(threading.current_thread().name)

    before_task_publish.connect(on_publish, weak=False, dispatch_uid="tests.publishing_threads")
    yield names
    before_task_publish.disconnect(dispatch_uid="tests.publishing_threads")


def _scored(attempt: Attempt) -> Any:
    return lambda: Attempt.objects.filter(pk=attempt.pk, state="scored").first()


# --- the publisher itself -------------------------------------------------------------

def test_publisher_sends_in_order_off_the_caller_thread_and_drops_when_full() -> None:
    started, release = threading.Event(), threading.Event()
    sent: list[tuple[int, str]] = []

    def send(attempt_id: int) -> None:
        started.set()
        release.wait(10)
        sent.append((attempt_id, threading.current_thread().name))

    queue = BackgroundPublisher(send, max_queued=2, name="test-publisher")
    assert queue.submit(1)  # returns at once; the thread takes it and waits on `release`
    assert started.wait(5) and queue.pending() == 1
    assert queue.submit(2) and queue.submit(3)
    assert not queue.submit(4)  # full: dropped (the sweep scores it), never blocks the caller
    assert queue.dropped == 1 and not queue.wait_idle(0.05)
    release.set()
    assert queue.wait_idle(5)
    assert sent == [(1, "test-publisher"), (2, "test-publisher"), (3, "test-publisher")]


def test_held_ids_wait_for_release_or_their_time(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[int] = []
    queue = BackgroundPublisher(sent.append)
    monkeypatch.setattr(publisher, "HOLD_SECONDS", 60.0)
    queue.submit(1, hold=True)
    queue.submit(2)  # behind a held id: ids go out in order
    time.sleep(0.2)
    assert sent == [] and queue.pending() == 2
    queue.release()  # the request finished
    wait_until(lambda: sent == [1, 2], timeout=5, interval=0.01)
    monkeypatch.setattr(publisher, "HOLD_SECONDS", 0.2)
    queue.submit(3, hold=True)  # no release comes (a response nobody closes): published after HOLD_SECONDS
    wait_until(lambda: sent == [1, 2, 3], timeout=5, interval=0.01)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_forked_child_gets_its_own_queue_and_thread() -> None:
    read_end, write_end = os.pipe()

    def send(attempt_id: int) -> None:
        os.write(write_end, f"{os.getpid()}:{attempt_id}\n".encode())

    queue = BackgroundPublisher(send)
    queue.submit(1, hold=True)  # held in the parent at the fork: the child must not inherit it
    pid = os.fork()
    if pid == 0:  # the child (a gunicorn worker forked after --preload)
        code = 1
        try:
            queue.submit(2)
            code = 0 if queue.wait_idle(5) and queue.pending() == 0 else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert queue.wait_idle(5)
    os.close(write_end)
    with os.fdopen(read_end) as lines:
        sent = sorted(line.strip() for line in lines)
    assert sent == sorted([f"{pid}:2", f"{os.getpid()}:1"])


def test_a_failing_send_does_not_stop_the_publisher(caplog: pytest.LogCaptureFixture) -> None:
    sent = []

    def send(attempt_id: int) -> None:
        if attempt_id == 1:
            raise RuntimeError("broker exploded")
        sent.append(attempt_id)

    queue = BackgroundPublisher(send)
    queue.submit(1)
    queue.submit(2)
    assert queue.wait_idle(5)
    assert sent == [2] and "broker exploded" in caplog.text


# --- with Celery and Redis --------------------------------------------------------------

@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_background_publish_happens_after_the_commit_on_the_publisher_thread(
    idle_broker: IdleBroker, signup_request: Any, make_user: Any, settings: Any, publishing_threads: list[str],
) -> None:
    settings.SIGNUPGUARD = ALLOW_ALL
    with celery_broker(idle_broker.url):
        with transaction.atomic():
            attempt = record_signup(signup_request(), make_user())
            assert publisher.wait_idle(5) and idle_broker.arguments(SCORE_TASK) == []  # nothing before the commit
        assert publisher.wait_idle(10)
    assert idle_broker.arguments(SCORE_TASK) == [attempt.pk]
    assert publishing_threads == ["signupguard-publisher"]  # not the request's thread
    attempt.refresh_from_db()
    assert attempt.state == "pending" and account_status(attempt.user) == "pending"  # no worker here


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_publish_committed_during_a_request_waits_for_its_end(
    idle_broker: IdleBroker, signup_request: Any, make_user: Any, settings: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.signals import request_finished

    from signupguard import middleware

    settings.SIGNUPGUARD = ALLOW_ALL
    monkeypatch.setattr(publisher, "HOLD_SECONDS", 60.0)  # only the end of the request releases it
    request = signup_request()
    with celery_broker(idle_broker.url):
        token = middleware._current.set(request)  # what SignupGuardMiddleware does around the view
        try:
            with transaction.atomic():
                attempt = record_signup(request, make_user())
            time.sleep(0.2)
            assert idle_broker.arguments(SCORE_TASK) == [] and publisher.get_publisher().pending() == 1  # held
        finally:
            middleware._current.reset(token)
        request_finished.send(sender=None)  # the server has the response
        wait_until(lambda: idle_broker.arguments(SCORE_TASK), timeout=10, interval=0.01, what="the published task")
    assert idle_broker.arguments(SCORE_TASK) == [attempt.pk]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("config.urls")
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_the_demo_signup_publishes_once_its_response_is_out(
    idle_broker: IdleBroker, settings: Any, monkeypatch: pytest.MonkeyPatch, publishing_threads: list[str],
) -> None:
    from django.test import Client

    settings.SIGNUPGUARD = ALLOW_ALL
    monkeypatch.setattr(publisher, "HOLD_SECONDS", 60.0)
    body = {"email": "ana@example.org", "username": "ana", "password": "a long passphrase 42"}
    with celery_broker(idle_broker.url):
        response = Client().post("/api/signup/", data=json.dumps(body), content_type="application/json")
        assert response.status_code == 201 and response.json()["status"] == "pending"
        wait_until(lambda: idle_broker.arguments(SCORE_TASK), timeout=10, interval=0.01, what="the published task")
    assert idle_broker.arguments(SCORE_TASK) == [Attempt.objects.get(user__username="ana").pk]
    assert publishing_threads == ["signupguard-publisher"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_without_background_publish_the_commit_publishes(
    idle_broker: IdleBroker, signup_request: Any, make_user: Any, settings: Any, publishing_threads: list[str],
) -> None:
    settings.SIGNUPGUARD = {**ALLOW_ALL, "BACKGROUND_PUBLISH": False}
    with celery_broker(idle_broker.url):
        with transaction.atomic():
            attempt = record_signup(signup_request(), make_user())
            assert idle_broker.arguments(SCORE_TASK) == []
        assert idle_broker.arguments(SCORE_TASK) == [attempt.pk]  # already there: published by the commit's callback
    assert publishing_threads == [threading.current_thread().name]


@pytest.mark.redis
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("celery_eager", "fresh_engine")
def test_a_hung_broker_does_not_hold_the_signup_and_the_sweep_scores_it(
    signup_request: Any, make_user: Any, settings: Any,
) -> None:
    settings.SIGNUPGUARD = ALLOW_ALL
    user = make_user()
    with SilentBroker() as broker, celery_broker(broker.url):
        started = time.monotonic()
        attempt = record_signup(signup_request(), user)
        assert time.monotonic() - started < 1.0  # the broker never answers; the signup did not wait for it
        assert not publisher.wait_idle(0.5)  # the publisher is still stuck on it
        attempt.refresh_from_db()
        assert attempt.state == "pending" and account_status(user) == "pending"
        assert sweep_pending() == 1  # scored without the broker
        broker.close()  # the broker goes away: the stuck publish fails, the thread carries on
        assert publisher.wait_idle(20)
    attempt.refresh_from_db()
    assert attempt.state == "scored" and account_status(user) == "cleared"


@pytest.mark.celery
@pytest.mark.redis
@pytest.mark.slow
def test_the_worker_scores_what_the_publisher_sends_after_an_outage(
    celery_live: Any, signup_request: Any, make_user: Any, publishing_threads: list[str],
) -> None:
    with celery_live.broker_down():
        lost = record_signup(signup_request("81.2.69.22"), make_user())
        assert publisher.wait_idle(15)  # tried, failed, gave up: the sweep's
    later = record_signup(signup_request("81.2.69.23"), make_user())
    wait_until(_scored(later), timeout=45, what="the verdict of the signup after the outage")
    assert set(publishing_threads) == {"signupguard-publisher"}  # the publisher, never the caller
    lost.refresh_from_db()
    assert lost.state == "pending" and account_status(lost.user) == "pending"
    sweep_pending.delay()  # what beat does every SIGNUPGUARD_SWEEP_INTERVAL
    wait_until(_scored(lost), timeout=45, what="the sweep's verdict")


CHILD = """
import os, sys
import django
django.setup()
from django.contrib.auth.models import User
from django.db import transaction
from django.test import RequestFactory
from signupguard import publisher
from signupguard.recording import record_signup

request = RequestFactory().post("/signup/", REMOTE_ADDR="81.2.69.24", HTTP_USER_AGENT="Mozilla/5.0")
with transaction.atomic():
    attempt = record_signup(request, User.objects.create_user("lost.publish", "lost@example.org", "pw-123-secret"))
# Committed; its publish is stuck on a broker that never answers.
assert publisher.get_publisher().pending() == 1
print(attempt.pk, flush=True)
os._exit(0)  # the process dies (a deploy, the OOM killer) before the publish
"""


@pytest.mark.celery
@pytest.mark.redis
@pytest.mark.slow
def test_the_sweep_scores_a_signup_whose_process_died_before_publishing(
    celery_live: Any, e2e_signupguard: dict[str, Any],
) -> None:
    with SilentBroker() as broker:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings_e2e",
            "SIGNUPGUARD_E2E_BROKER_URL": broker.url,
            "SIGNUPGUARD_E2E_DB_NAME": str(connection.settings_dict["NAME"]),
            "SIGNUPGUARD_E2E_SETTINGS": json.dumps({**e2e_signupguard, "BACKGROUND_PUBLISH": True}),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        }
        child = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=120)
    assert child.returncode == 0, child.stderr[-3000:]
    attempt = Attempt.objects.select_related("user").get(pk=int(child.stdout.split()[-1]))
    assert attempt.state == "pending" and account_status(attempt.user) == "pending"  # held: no key
    sweep_pending.delay()
    wait_until(_scored(attempt), timeout=45, what="the sweep's verdict")
    assert account_status(attempt.user) != "pending"
