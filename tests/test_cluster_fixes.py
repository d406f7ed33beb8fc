"""Cluster linking fixes: popular devices, NATs without fingerprints, deferred refreshes, merge races."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model

from signupguard import clusters
from signupguard.clusters import deferred_refresh, observe, strong_kinds
from signupguard.linking import DEVICE_STRONG_HOLDERS
from signupguard.models import AccountStatus, Cluster, ClusterMember, Link
from signupguard.status import set_status
from tests.test_clusters import _attempt, _device

pytestmark = pytest.mark.django_db
PHONE = {"fingerprint": "fp-galaxy-a14-chrome-124", "timezone": "Asia/Kolkata", "screen": "1080x2408x24"}


def test_a_popular_device_links_weakly_past_a_household() -> None:
    for n in range(12):  # owners of one phone model, each on a network and mailbox of their own
        observe(_attempt(n, ip=f"10.{n}.1.1", email=f"p{n}@gmail.com", device=PHONE))
    device = set(Link.objects.filter(kind="device").values_list("source_id", flat=True))
    crowd = set(Link.objects.filter(kind="device_crowd").values_list("source_id", flat=True))
    assert len(device) == DEVICE_STRONG_HOLDERS  # the first few: a household's
    assert len(crowd) == 12 - 1 - DEVICE_STRONG_HOLDERS and "device_crowd" not in strong_kinds()


def test_the_device_key_is_the_identity_not_the_bare_fingerprint() -> None:
    observe(_attempt(1, ip="10.1.1.1", email="a@gmail.com", device=PHONE))
    elsewhere = observe(_attempt(2, ip="10.2.1.1", email="b@gmail.com", device={**PHONE, "timezone": "America/Lima"}))
    assert elsewhere is None  # one phone model, another clock: two devices
    assert observe(_attempt(3, ip="10.3.1.1", email="c@gmail.com", device=PHONE)).size == 2


def test_a_nat_without_fingerprints_counts_each_account_as_a_device() -> None:
    sizes = []
    for n in range(20):  # one /24, one signup a minute, no collector
        cluster = observe(_attempt(n, ip=f"128.232.0.{n + 1}", email=f"s{n}@gmail.com", device={}))
        sizes.append(cluster.size if cluster else 1)
    assert max(sizes) <= 7  # the prefix rule's max_devices, as with fingerprints


def _cluster_of(n: int) -> tuple[Cluster, list]:
    users = [get_user_model().objects.create_user(username=f"m{k}") for k in range(n)]
    cluster = Cluster.objects.create(size=n)
    ClusterMember.objects.bulk_create([ClusterMember(user=u, cluster=cluster) for u in users])
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="cleared") for u in users])
    return cluster, users


def test_deferred_refresh_refreshes_each_cluster_once_at_the_end() -> None:
    cluster, users = _cluster_of(6)
    with mock.patch.object(clusters, "refresh", wraps=clusters.refresh) as spy:
        with deferred_refresh():
            with deferred_refresh():  # nested: the outermost block refreshes
                for user in users[:3]:
                    set_status(user, "blocked", source="reviewer", reason="t")
            assert spy.call_count == 0
            assert Cluster.objects.get(pk=cluster.pk).blocked_count == 0
        assert spy.call_count == 1
    cluster.refresh_from_db()
    assert (cluster.blocked_count, cluster.blocked_share) == (3, 0.5)
    set_status(users[3], "blocked", source="reviewer", reason="t")  # outside: refreshed at once, as before
    cluster.refresh_from_db()
    assert cluster.blocked_count == 4


def test_a_merge_rereads_memberships_after_the_lock() -> None:
    first = _attempt(1, ip="10.1.1.1", device=_device("d1"), email="u1@gmail.com")
    observe(first)
    observe(_attempt(2, ip="10.2.1.1", device=_device("d1"), email="u2@gmail.com"))
    for n in (3, 4, 5):
        observe(_attempt(n, ip=f"10.{n}.1.1", device=_device("d2"), email=f"u{n}@gmail.com"))
    late = _attempt(7, ip="10.7.1.1", device=_device("d1"), email="u7@gmail.com")  # worker B: joins d1's cluster
    merger = _attempt(8, ip="10.8.1.1", device=_device("d2"), email="u1@gmail.com")  # worker A: merges d1's into d2's
    real, raced = clusters._memberships, []

    def interleaved(user_ids):
        read = real(user_ids)
        if not raced:
            raced.append(merger)
            observe(merger)  # A commits its merge between B's read of memberships and B's lock
        return read

    with mock.patch.object(clusters, "_memberships", side_effect=interleaved):
        got = observe(late)
    assert got.status == "open" and got.size == 7
    assert ClusterMember.objects.get(user_id=late.user_id).cluster_id == ClusterMember.objects.get(user_id=first.user_id).cluster_id


def test_deleting_an_account_shrinks_its_cluster() -> None:
    for n in range(4):
        cluster = observe(_attempt(n, ip=f"10.{n}.1.1", email=f"d{n}@gmail.com", device=_device("fp-office")))
    get_user_model().objects.filter(pk__in=ClusterMember.objects.values("user_id")[:2]).delete()  # erasure
    cluster.refresh_from_db()
    assert cluster.size == ClusterMember.objects.filter(cluster=cluster).count() == 2
