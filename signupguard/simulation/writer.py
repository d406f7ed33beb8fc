"""Merging the cohorts' streams into one time-ordered JSON Lines file, and the GeoIP files.

Cohorts yield their events in time order; ``heapq.merge`` interleaves them
lazily, so the file is written in one pass with memory bounded by what each
cohort has pending. Event ids are drawn from the writer's own seeded stream,
in output order, so the bytes depend only on the seed and the options.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import random
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from . import geodb
from .signals import Omission
from .world import World

GEOIP_FILES = {
    "asn": "GeoLite2-ASN.mmdb",
    "city": "GeoLite2-City.mmdb",
    "anonymous": "GeoIP2-Anonymous-IP.mmdb",
    "connection_type": "GeoIP2-Connection-Type.mmdb",
}
_CONNECTION = {"mobile": "Cellular", "residential": "Cable/DSL", "education": "Corporate", "business": "Corporate",
               "hosting": "Corporate", "vpn": "Corporate", "relay": "Corporate", "proxyhost": "Corporate", "tor": "Corporate"}


def format_ms(ms: int) -> str:
    moment = dt.datetime.fromtimestamp(ms // 1000, dt.timezone.utc)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{ms % 1000:03d}Z"


def write_events(
    path: Path, streams: Iterable[Iterator[tuple[int, int, int, dict]]], *, seed: int, start_ms: int, end_ms: int,
    progress: bool = True, without: tuple[Omission, ...] = (),
) -> dict[str, int]:
    """Write the merged streams, each event less the signals ``without`` leaves out; return counts by (label, kind)."""
    rng = random.Random(f"{seed}-event-ids")
    counts: dict[str, int] = {}
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    total_hours = max(1, (end_ms - start_ms) // 3_600_000)
    bar = tqdm(total=total_hours, unit="h", desc="simulating", disable=not progress, leave=False)
    hour = 0
    with open(path, "x", encoding="utf-8", newline="\n") as handle:  # never through a file or link already there
        buffer: list[str] = []
        for ms, _, _, payload in heapq.merge(*streams):
            kind = payload.pop("kind")
            line = {"event_id": f"evt_{rng.getrandbits(64):016x}", "kind": kind, "occurred_at": format_ms(ms)}
            line.update(payload)
            for leave_out in without:
                leave_out(line)
            buffer.append(dumps(line))
            key = f"{payload['label']}/{kind}"
            counts[key] = counts.get(key, 0) + 1
            if len(buffer) >= 2000:
                handle.write("\n".join(buffer) + "\n")
                buffer.clear()
            current = (ms - start_ms) // 3_600_000
            if current > hour:
                bar.update(min(current, total_hours) - hour)
                hour = min(current, total_hours)
        if buffer:
            handle.write("\n".join(buffer) + "\n")
    bar.update(total_hours - hour)
    bar.close()
    return counts


def write_geoip(world: World, directory: Path) -> dict[str, Path]:
    """The demo GeoLite2-ASN, GeoLite2-City, Anonymous-IP and Connection-Type databases of this world."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {key: directory / name for key, name in GEOIP_FILES.items()}
    epoch = 1780000000  # fixed build time: the same seed writes the same bytes
    geodb.write_asn_db(paths["asn"], world.asn_records(), build_epoch=epoch)
    geodb.write_city_db(paths["city"], world.city_records(), build_epoch=epoch)
    geodb.write_anonymous_db(paths["anonymous"], world.anonymous_records(), build_epoch=epoch)
    geodb.write_connection_type_db(
        paths["connection_type"],
        ((block.cidr, _CONNECTION[net.kind]) for net in world.networks for block in net.blocks + net.blocks6),
        build_epoch=epoch,
    )
    return paths
