"""Velocity store cost per event, and whether it grows with history.

    python benchmarks/velocity_history.py [--history 1000000] [--measure 20000] [--backend-events 2000]

Prints:
* memory backend: µs per ``observe`` (10 counters, 6 distinct pairs, 2 peeks,
  the layout of ``velocity/keys.py``) over ``--measure`` events after 10k
  events of history and after ``--history`` events, and their ratio (target
  <= 1.3); CPU time (``process_time``), medians of 20 slices taken
  alternately from the two stores, so other processes disturb both alike;
* database (SQLite, or DATABASE_URL) and Redis (REDIS_URL, else a throw-away
  redis-server) backends: events/s over ``--backend-events`` events.

Key cardinalities follow ``_setup.synthetic_events``: ~60 % of addresses and
~70 % of devices are new, mailboxes almost all new, a few thousand ASNs and
custom domains, a few hundred UA+screen profiles; one event every ~2.4 s
(1M events span four weeks, so the 7 d window holds ~250k events).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

T0 = 1_767_225_600.0  # 2026-01-01
_SCRATCH = tempfile.mkdtemp()  # the database benchmark's SQLite file, when DATABASE_URL is unset
STEP = 4 * 604800 / 1_000_000


class EventStream:
    """Keys of synthetic events, built like ``velocity.keys._plan`` would build them."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.t = T0
        self.ips: list[str] = []
        self.devices: list[str] = []
        self.accounts: list[str] = []

    def _recent(self, pool: list[str], fresh: str, p_new: float, cap: int = 50_000) -> str:
        rng = self.rng
        if not pool or rng.random() < p_new:
            pool.append(fresh)
            if len(pool) > cap:
                del pool[: cap // 2]
            return fresh
        # Recent items come back more often than old ones.
        return pool[-1 - min(int(rng.expovariate(1 / 2000)), len(pool) - 1)]

    def __iter__(self) -> Iterator[dict]:
        return self

    def __next__(self) -> dict:
        rng = self.rng
        self.t += rng.expovariate(1 / STEP)
        k = "s" if rng.random() < 0.7 else "l"
        a, b, c = rng.randrange(1, 223), rng.randrange(256), rng.randrange(256)
        ip = self._recent(self.ips, f"{a}.{b}.{c}.{rng.randrange(1, 255)}", 0.6)
        prefix = ip.rsplit(".", 1)[0] + ".0/24"
        asn = int(rng.paretovariate(1.1)) % 4000
        dev = self._recent(self.devices, f"{rng.getrandbits(64):016x}", 0.7)
        n = rng.randrange(10**9)
        domain = rng.choice(["gmail.com", "outlook.com", f"corp{int(rng.paretovariate(1.2)) % 3000}.com"])
        email = f"user{n}@{domain}"
        account = self._recent(self.accounts, f"acct-{n}", 0.8)
        profile = f"Chrome/{rng.randrange(110, 132)}/Windows/1920x1080/{rng.choice(['America/New_York', 'Europe/Berlin', 'Asia/Tokyo'])}"
        template = f"llll{'#' * (n % 4)}@{domain}"
        counters = [f"{k}:ip:{ip}", f"{k}:p:{prefix}", f"{k}:asn:{asn}", f"{k}:dev:{dev}",
                    f"{k}:em:{email}", f"{k}:prof:{profile}", f"{k}:tpl:{template}", f"{k}:all"]
        if not domain.startswith(("gmail", "outlook")):
            counters.insert(5, f"{k}:dom:{domain}")
        distinct = [(f"d:dev:{dev}", account), (f"d:ip:{ip}", account), (f"d:em:{email}", account),
                    (f"d:prof:{profile}", prefix), (f"d:devp:{dev}", prefix), (f"d:pdev:{prefix}", dev),
                    (f"d:asnip:{asn}", ip)]
        return {"now": self.t, "counters": counters, "distinct": distinct, "peek": [f"f:ip:{ip}", f"f:acct:{account}"]}


def build(n: int, label: str):
    """A memory store fed ``n`` events, and the stream that continues them."""
    from signupguard.velocity.memory import MemoryVelocityStore

    store, stream = MemoryVelocityStore(), EventStream()
    for event in tqdm(stream, total=n, desc=f"memory: {label} of history", unit="ev", mininterval=1):
        store.observe(**event)
        n -= 1
        if n == 0:
            break
    return store, stream


def memory_history(history: int, measure: int, slices: int = 20) -> None:
    """Per-event cost after 10k and after ``history`` events, measured in alternating slices.

    Alternating the two stores slice by slice exposes both to the same load
    from other processes, so the ratio stays meaningful on a busy machine.
    """
    label = f"{history // 1000}k"
    small, small_stream = build(10_000, "10k")
    large, large_stream = build(history, label)
    size = measure // slices
    runs = {"10k": (small, [next(small_stream) for _ in range(measure)]),
            label: (large, [next(large_stream) for _ in range(measure)])}
    gc.collect()  # the pre-built batches must not trigger the collector inside the timing
    costs: dict[str, list[float]] = {"10k": [], label: []}
    for i in range(slices):
        for name, (store, batch) in runs.items():
            chunk = batch[i * size : (i + 1) * size]
            start = time.process_time()
            for event in chunk:
                store.observe(**event)
            costs[name].append((time.process_time() - start) / len(chunk) * 1e6)
    medians = {name: statistics.median(values) for name, values in costs.items()}
    for name, (store, _) in runs.items():
        print(f"memory  {name:>6} history: {medians[name]:7.1f} µs/observe  ({len(store):,} keys held)", flush=True)
    ratio = medians[label] / medians["10k"]
    print(f"memory  history ratio {label}/10k: {ratio:.2f}  (target <= 1.3)", flush=True)


def backend_rate(name: str, store, n: int) -> None:
    store.clear()
    events = [e for e, _ in zip(EventStream(seed=3), range(n))]
    start = time.perf_counter()
    for event in tqdm(events, desc=f"{name}", unit="ev", mininterval=1):
        store.observe(**event)
    rate = n / (time.perf_counter() - start)
    print(f"{name:<8} {rate:8.0f} events/s  ({1e6 / rate:.0f} µs/observe, wall clock)", flush=True)
    store.clear()


def _django(tmp: str) -> None:
    """Django set up once, on a scratch SQLite file unless DATABASE_URL names a server.

    The persistent stores need it: they derive their pseudonyms' secret from SECRET_KEY.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    django.setup()


def database_rate(n: int) -> None:
    _django(_SCRATCH)
    from django.db import connection

    tmp = _SCRATCH
    # A scratch database: tables from the models, no migrations needed.
    with connection.schema_editor() as editor:
        from signupguard.models import VelocityBucket, VelocityMember

        for model in (VelocityBucket, VelocityMember):
            editor.create_model(model)
    try:
        from signupguard.velocity.database import DatabaseVelocityStore

        backend_rate(f"database ({connection.vendor})", DatabaseVelocityStore(), n)
        if connection.vendor == "sqlite":
            # Each observe commits; in rollback-journal mode every commit is an fsync.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            backend_rate("database (sqlite, WAL, synchronous=NORMAL)", DatabaseVelocityStore(), n)
    finally:
        with connection.schema_editor() as editor:
            for model in (VelocityBucket, VelocityMember):
                editor.delete_model(model)
        shutil.rmtree(tmp, ignore_errors=True)


def redis_rate(n: int) -> None:
    _django(_SCRATCH)
    from signupguard.velocity.redis import RedisVelocityStore

    url, proc, tmp = os.environ.get("REDIS_URL"), None, None
    if not url:
        binary = shutil.which("redis-server")
        if binary is None:
            print("redis    skipped: set REDIS_URL or install redis-server")
            return
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        tmp = tempfile.mkdtemp()
        proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--dir", tmp], stdout=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
    try:
        store = RedisVelocityStore(url=url, prefix="sgbench:v:")
        for _ in range(100):
            try:
                store.client.ping()
                break
            except Exception:
                time.sleep(0.05)
        backend_rate("redis", store, n)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--measure", type=int, default=20_000)
    parser.add_argument("--backend-events", type=int, default=2_000)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}", flush=True)
    if not args.skip_memory:
        memory_history(args.history, args.measure)
    redis_rate(args.backend_events)
    database_rate(args.backend_events)


if __name__ == "__main__":
    main()
