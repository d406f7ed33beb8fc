"""Personal data in the cluster index after merges, retention and erasure (found in an audit, session 30).

A merged-away cluster kept a copy of its shared attributes (addresses,
mailboxes, devices) that neither pruning nor erasure reached; expired
evidence kept a bare, guessable hash of the value; and an account erased
while the linking pass ran lost the linked account's links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
from types import SimpleNamespace

import pytest
from django.apps import apps as global_apps
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from signupguard import clusters
from signupguard.clusters import observe
from signupguard.models import Cluster, ClusterMember, Link
from signupguard.retention import delete_expired_link_data, erase_account, expired_value
from tests.test_clusters import _attempt, _device

pytestmark = pytest.mark.django_db


def _stored_attributes() -> str:
    """Every cluster row's shared attributes, merged ones included, as one searchable text."""
    return json.dumps([c.top_attributes for c in Cluster.objects.all()])


def _two_clusters_merged() -> tuple[Cluster, Cluster]:
    """Two accounts on device fp-erin, three on fp-sean, then one on fp-erin with a sean-co.io address: (absorbed, kept)."""
    observe(_attempt(1, ip="10.1.1.1", device=_device("fp-erin")))
    first = observe(_attempt(2, ip="10.2.1.1", device=_device("fp-erin")))
    observe(_attempt(3, ip="10.3.1.1", device=_device("fp-sean"), email="ops@sean-co.io"))
    observe(_attempt(4, ip="10.4.1.1", device=_device("fp-sean"), email="dev@sean-co.io"))
    second = observe(_attempt(5, ip="10.5.1.1", device=_device("fp-sean")))
    assert "fp-erin" in json.dumps(first.top_attributes) and second.size == 3
    kept = observe(_attempt(6, ip="10.6.1.1", device=_device("fp-erin"), email="x@sean-co.io"))
    assert kept.pk == second.pk and kept.size == 6  # the larger cluster keeps its id
    return Cluster.objects.get(pk=first.pk), kept


def test_a_merge_leaves_no_copy_of_the_shared_attributes_behind() -> None:
    absorbed, kept = _two_clusters_merged()
    assert absorbed.status == "merged" and absorbed.merged_into_id == kept.pk
    assert absorbed.top_attributes == []
    assert "fp-erin" in json.dumps(kept.top_attributes)  # the live cluster has them


def test_erasure_leaves_a_device_in_no_cluster_row_merged_or_live() -> None:
    _two_clusters_merged()
    erin = [m.user for m in ClusterMember.objects.select_related("user").filter(user__username__in=["acct1", "acct2", "acct6"])]
    for user in erin:
        erase_account(user)
        user.delete()
    assert "fp-erin" not in _stored_attributes()


def test_pruning_leaves_no_value_in_merged_clusters() -> None:
    _two_clusters_merged()
    old = timezone.now() - dt.timedelta(days=400)
    Link.objects.update(at=old)
    delete_expired_link_data(30)
    stored = _stored_attributes()
    for personal in ("fp-erin", "fp-sean", "10.1.1"):
        assert personal not in stored, personal


def test_the_migration_empties_copies_left_by_earlier_merges() -> None:
    absorbed, kept = _two_clusters_merged()
    stale = [{"kind": "device", "value": "fp-erin", "links": 2, "text": "device fp-erin"}]
    Cluster.objects.filter(pk=absorbed.pk).update(top_attributes=stale)  # as a merge before this release left it
    migration = importlib.import_module("signupguard.migrations.0007_forget_merged_cluster_attributes")
    migration.forget_merged_attributes(global_apps, SimpleNamespace(connection=connection))  # what RunPython passes it
    assert Cluster.objects.get(pk=absorbed.pk).top_attributes == []
    assert Cluster.objects.get(pk=kept.pk).top_attributes == kept.top_attributes  # live clusters keep theirs


def test_expired_evidence_keeps_a_keyed_digest_not_a_bare_hash() -> None:
    observe(_attempt(1, ip="10.1.1.1", device=_device("fp-erin")))
    observe(_attempt(2, ip="10.2.1.1", device=_device("fp-erin")))
    link = Link.objects.get(kind="device")
    value = link.value
    Link.objects.update(at=timezone.now() - dt.timedelta(days=400))
    delete_expired_link_data(30)
    stored = Link.objects.get(pk=link.pk).value
    # A bare SHA-256 of a device id or an IPv4 address is reversed by hashing every guess.
    assert stored != "expired:" + hashlib.sha256(value.encode()).hexdigest()[:16]
    assert stored == expired_value(value) and stored.startswith("expired:")
    with override_settings(SECRET_KEY="another portal's secret key, at least fifty characters long"):
        assert expired_value(value) != stored


def test_an_account_erased_while_the_linking_pass_reads_does_not_cost_the_others_their_links(monkeypatch) -> None:
    observe(_attempt(1, ip="10.1.1.1", device=_device("fp-shared")))
    observe(_attempt(2, ip="10.2.1.1", device=_device("fp-shared")))
    erased = ClusterMember.objects.get(user__username="acct1").user
    holders = clusters._holders

    def erased_meanwhile(*args, **kwargs):
        found = holders(*args, **kwargs)
        if erased.pk is not None and erased.pk in found[0]:
            erase_account(erased)
            erased.delete()  # between the linking pass's read and its transaction
        return found

    monkeypatch.setattr(clusters, "_holders", erased_meanwhile)
    cluster = observe(_attempt(3, ip="10.3.1.1", device=_device("fp-shared")))
    connection.check_constraints()  # what the commit checks: links to the erased account would fail it
    assert cluster is not None
    members = set(ClusterMember.objects.filter(cluster=cluster).values_list("user__username", flat=True))
    assert members == {"acct2", "acct3"}
    assert Link.objects.filter(source__username="acct3", target__username="acct2").exists()
