"""The worker's work per attempt against a farm's cluster (found in an audit at farm scale).

On PostgreSQL, with one member of a 20,000-account cluster blocked, the retroactive review took
1.2-1.4 s: three statements with an IN list of every member's id (approvals, own scores, users)
and a user object per member, for every blocked farm signup the linking pass links. What a
review sends must not grow with the cluster: compared here on clusters of 10 and 100 accounts.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember, Link
from signupguard.retroactive import review_linked

pytestmark = pytest.mark.django_db
SEEN = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)


def _cluster(django_user_model, *, members: int, tag: str) -> list[int]:
    """A farm's cluster as the linking pass stores it: cleared accounts chained by their domain, the first
    two on one device; the first blocked by the model. Its accounts' ids."""
    users = django_user_model.objects.bulk_create(
        [django_user_model(username=f"{tag}{i}", password="!") for i in range(members)])
    ids = [u.pk for u in users]
    cluster = Cluster.objects.create(size=members, first_seen=SEEN, last_seen=SEEN)
    ClusterMember.objects.bulk_create([ClusterMember(user_id=uid, cluster=cluster) for uid in ids])
    AccountStatus.objects.bulk_create([AccountStatus(user_id=uid, status="blocked" if i == 0 else "cleared",
                                                     source="model") for i, uid in enumerate(ids)])
    Attempt.objects.bulk_create([
        Attempt(event_id=f"{tag}-{i}", kind="signup", occurred_at=SEEN, user_id=uid, account=f"{tag}{i}",
                state="scored", decision="allow", score=0.01, scored_at=SEEN) for i, uid in enumerate(ids)])
    Link.objects.bulk_create([Link(cluster=cluster, source_id=ids[1], target_id=ids[0], kind="device", value=f"{tag}-fp")]
                             + [Link(cluster=cluster, source_id=uid, target_id=ids[i], kind="domain", value=f"{tag}.io")
                                for i, uid in enumerate(ids[1:])])
    return ids


def _review(user_id: int) -> tuple[int, int]:
    """Review the account's cluster: (accounts held, characters of SQL sent)."""
    with CaptureQueriesContext(connection) as queries:
        outcome = review_linked(user_id)
    return outcome.reviewed, sum(len(query["sql"]) for query in queries.captured_queries)


def test_reviewing_a_farms_cluster_sends_as_much_for_100_accounts_as_for_10(django_user_model, settings) -> None:
    settings.SIGNUPGUARD = {**settings.SIGNUPGUARD, "REVIEW_THRESHOLD": 0.999, "BLOCK_THRESHOLD": 0.9999}
    small = _cluster(django_user_model, members=10, tag="small")
    large = _cluster(django_user_model, members=100, tag="large")
    small_held, small_sql = _review(small[0])
    large_held, large_sql = _review(large[0])
    assert small_held == large_held == 1  # the account on the blocked one's device, in both
    assert AccountStatus.objects.get(user_id=large[1]).status == "review"
    # Ids differ in length by a digit or so; 90 more accounts in an IN list are hundreds of characters.
    assert large_sql - small_sql < 60, "the review's statements grow with the cluster"
