"""Campaign clusters: incremental union-find, fan-out caps, and simulated campaigns."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from signupguard.clusters import observe
from signupguard.context import parse_event
from signupguard.enrichment import Enricher
from signupguard.enrichment.geo import GeoDatabases
from signupguard.linking import link_keys
from signupguard.models import Attempt, Cluster, ClusterMember, Link
from tests.plugins.events import make_event

pytestmark = pytest.mark.django_db
ENRICHER = Enricher(geo=GeoDatabases())


def _attempt(n: int, user=None, **overrides) -> Attempt:
    raw = make_event(n, **overrides)
    event = parse_event(raw)
    user = user or get_user_model().objects.create_user(username=f"acct{n}")
    return Attempt.objects.create(
        event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at, user=user, account=str(user.pk),
        ip=event.ip, email=event.email or "", raw=raw, enrichment=ENRICHER.enrich(event).to_dict(),
        device_fingerprint=(raw.get("device") or {}).get("fingerprint", ""), state="scored",
    )


def _device(fp: str, screen: str | None = None) -> dict:
    """A device; its own screen size unless given, so that only the intended keys link."""
    return {"fingerprint": fp, "timezone": "Europe/London", "screen": screen or f"{1000 + len(fp) * 7 + sum(map(ord, fp))}x900x24"}


def test_link_keys_skip_free_mail_domains_and_mobile_networks() -> None:
    keys = {k.kind for k in link_keys(ENRICHER.enrich(parse_event(make_event(1))))}
    assert {"device", "email", "prefix", "profile"} <= keys and "domain" not in keys  # gmail.com is free mail
    keys = {k.kind: k.value for k in link_keys(ENRICHER.enrich(parse_event(make_event(2, email="a@acme-corp.io"))))}
    assert keys["domain"] == "acme-corp.io"


def test_clusters_grow_and_merge_incrementally() -> None:
    a = observe(_attempt(1, ip="10.1.1.1", device=_device("fp-a")))
    assert a is None  # linked to no one yet: no cluster
    first = observe(_attempt(2, ip="10.2.1.1", device=_device("fp-a")))
    assert first.size == 2
    second = observe(_attempt(3, ip="10.3.1.1", device=_device("fp-c"), email="ops@acme-corp.io"))
    assert second is None
    second = observe(_attempt(4, ip="10.4.1.1", device=_device("fp-c"), email="dev@acme-corp.io"))
    other = observe(_attempt(5, ip="10.5.1.1", device=_device("fp-c")))
    assert other.pk == second.pk and other.size == 3
    # One account shares the first cluster's device and the second's custom domain: one campaign.
    merged = observe(_attempt(6, ip="10.6.1.1", device=_device("fp-a"), email="x@acme-corp.io"))
    assert merged.pk == second.pk and merged.size == 6  # the larger cluster keeps its id
    assert Cluster.objects.get(pk=first.pk).status == "merged"
    assert Cluster.objects.get(pk=first.pk).merged_into_id == merged.pk
    assert set(ClusterMember.objects.values_list("cluster_id", flat=True)) == {merged.pk}
    assert set(Link.objects.values_list("cluster_id", flat=True)) == {merged.pk}
    kinds = {a["kind"] for a in merged.top_attributes}
    assert {"device", "domain"} <= kinds
    # Observing the same attempt again changes nothing (idempotent).
    again = observe(Attempt.objects.get(event_id="e-6"))
    assert again.pk == merged.pk and again.size == 6 and Link.objects.count() == Link.objects.distinct().count()


def test_prefix_links_only_within_the_window_and_not_behind_a_busy_nat() -> None:
    observe(_attempt(1, ip="203.0.113.5", email="a1@gmail.com"))
    far = observe(_attempt(200, ip="203.0.113.6", email="a2@gmail.com"))  # 199 minutes later
    assert far is None
    # Seven devices in one /24 within the hour: a NAT, not a farm box.
    for n in range(300, 307):
        cluster = observe(_attempt(n, ip=f"198.51.100.{n - 290}", email=f"p{n}@gmail.com",
                                   device=_device(f"fp-nat-{n}")))
    assert cluster is None or cluster.size <= 6


def test_common_profile_stops_linking_after_the_fan_out_cap() -> None:
    sizes = []
    for n in range(40):
        cluster = observe(_attempt(n, ip=f"10.{n}.0.1", email=f"q{n}@gmail.com", device=_device(f"fp-{n}", "1920x1080x24")))
        sizes.append(cluster.size if cluster else 1)
    assert max(sizes) <= 7  # the max_devices cap of the profile rule, counted over a day


@pytest.fixture(scope="module")
def simulated(tmp_path_factory) -> Path:
    from signupguard.simulation import simulate

    out = tmp_path_factory.mktemp("sim") / "events.jsonl"
    simulate(out=out, days=1, legit=500, seed=11, campaigns="datacenter_flood,adaptive,emulator_farm",
             scale=0.3, progress=False)
    return out


def test_simulated_campaigns_form_few_clusters_without_legit_users(simulated: Path) -> None:
    d = simulated.parent
    enricher = Enricher(geo=GeoDatabases(
        asn_path=d / "GeoLite2-ASN.mmdb", city_path=d / "GeoLite2-City.mmdb",
        anonymous_path=d / "GeoIP2-Anonymous-IP.mmdb", connection_type_path=d / "GeoIP2-Connection-Type.mmdb"))
    users, label, campaign = {}, {}, {}
    User = get_user_model()
    for line in simulated.read_text().splitlines():
        raw = json.loads(line)
        if not raw.get("account") or (raw["kind"] == "login" and not raw.get("success")):
            continue
        account = raw["account"]
        if account not in users:
            users[account] = User.objects.create_user(username=account[:150])
            label[users[account].pk], campaign[users[account].pk] = raw["label"], raw.get("campaign") or raw["cohort"]
        event = parse_event(raw)
        observe(Attempt.objects.create(
            event_id=event.event_id, kind=event.kind, occurred_at=event.occurred_at, user=users[account],
            account=account, success=event.success, ip=event.ip, raw=raw, state="scored",
            enrichment=enricher.enrich(event).to_dict(),
        ))
    by_cluster = collections.defaultdict(list)
    for uid, cid in ClusterMember.objects.values_list("user_id", "cluster_id"):
        by_cluster[cid].append(uid)
    cluster_of = {uid: cid for cid, uids in by_cluster.items() for uid in uids}
    for name in ("datacenter_flood", "adaptive"):
        accounts = [uid for uid, c in campaign.items() if c == name]
        counts = collections.Counter(cluster_of.get(uid) for uid in accounts)
        biggest = sum(n for cid, n in counts.most_common(3) if cid is not None)
        assert biggest >= 0.7 * len(accounts), (name, counts.most_common(5))
    legit = [uid for uid, value in label.items() if value == "legit"]
    in_fraud = 0
    for uid in legit:
        members = by_cluster.get(cluster_of.get(uid), [])
        if members and sum(label[m] == "fraud" for m in members) > len(members) / 2:
            in_fraud += 1
    assert in_fraud <= 0.02 * len(legit), in_fraud
    # Every live cluster's aggregates agree with its members.
    for cluster in Cluster.objects.exclude(status="merged"):
        assert cluster.size == len(by_cluster[cluster.pk]) >= 2
