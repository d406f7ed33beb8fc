"""Block cluster's confirmation on a big selection (found in an audit of the console at production size).

On PostgreSQL with 200,000 attempts and 1,001 clusters, confirming "Block cluster" for every
cluster took 4.3 s and 5,014 queries (five per cluster), and for every attempt 6.3 s: each
selected attempt's account and cluster were read into Python. The page's queries and the rows
they read must not grow with the clusters or attempts selected.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember
from tests.plugins.console import confirmation_fields

pytestmark = pytest.mark.django_db
QUEUE = "/admin/signupguard/attempt/"
CLUSTERS = "/admin/signupguard/cluster/"
BASE = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _farm(django_user_model, *, clusters: int, members: int, attempts: int, tag: str) -> list[Cluster]:
    """``clusters`` clusters of ``members`` accounts in review, each account with ``attempts`` attempts."""
    users = django_user_model.objects.bulk_create(
        [django_user_model(username=f"{tag}{i}", password="!") for i in range(clusters * members)])
    made = Cluster.objects.bulk_create([Cluster(size=members) for _ in range(clusters)])
    ClusterMember.objects.bulk_create([ClusterMember(user=u, cluster=made[i // members]) for i, u in enumerate(users)])
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="review") for u in users])
    Attempt.objects.bulk_create([
        Attempt(event_id=f"{tag}-{i}-{k}", kind="login", occurred_at=BASE, user=u, account=u.username, state="scored",
                decision="review", created_at=BASE + dt.timedelta(seconds=i * attempts + k))
        for i, u in enumerate(users) for k in range(attempts)])
    return made


def _confirm(client: Client, url: str, pk: int) -> tuple[int, int, int]:
    """Select all on ``url``, ask for Block cluster: (clusters previewed, queries, rows those queries read)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"action": "block_cluster", "_selected_action": [pk], "select_across": "1",
                                     "index": "0"})
    assert response.status_code == 200
    rows = 0
    with connection.cursor() as cursor:  # what each SELECT read, run again as it was sent
        for query in queries.captured_queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute(query["sql"].replace("%", "%%"))
                rows += len(cursor.fetchall())
    return len(response.context["rows"]), len(queries.captured_queries), rows


def test_confirming_block_of_many_clusters_takes_as_many_queries_as_of_a_few(django_user_model, reviewer) -> None:
    client = _client(reviewer)
    clusters = _farm(django_user_model, clusters=2, members=2, attempts=1, tag="few")
    few, few_queries, _ = _confirm(client, CLUSTERS, clusters[0].pk)
    _farm(django_user_model, clusters=20, members=2, attempts=1, tag="many")
    many, many_queries, _ = _confirm(client, CLUSTERS, clusters[0].pk)
    assert (few, many) == (2, 22)
    assert many_queries == few_queries, "queries per selected cluster"


def test_confirming_block_after_select_all_attempts_reads_no_row_per_attempt(django_user_model, reviewer) -> None:
    """One cluster behind every attempt of the list: the page reads a row per cluster, not per attempt."""
    client = _client(reviewer)
    clusters = _farm(django_user_model, clusters=1, members=5, attempts=12, tag="small")  # past a page: as many queries
    first = Attempt.objects.order_by("pk").first().pk
    url = QUEUE + f"?queue=all&cluster={clusters[0].pk}"
    client.get(url)  # the list's filter values, read once a minute (RecentValuesFilter), are not the page's
    _, small_queries, small_rows = _confirm(client, url, first)
    members = list(ClusterMember.objects.filter(cluster=clusters[0]).order_by("pk").values_list("user_id", flat=True))
    Attempt.objects.bulk_create([  # 200 more attempts of the same five accounts
        Attempt(event_id=f"more-{k}", kind="login", occurred_at=BASE, user_id=members[k % 5], account="a",
                state="scored", decision="allow", created_at=BASE + dt.timedelta(hours=1, seconds=k))
        for k in range(200)])
    count, big_queries, big_rows = _confirm(client, url, first)
    assert count == 1
    assert big_queries == small_queries
    assert big_rows == small_rows, "the confirmation read the selected attempts into Python"


def test_the_confirmation_of_more_than_a_thousand_clusters_is_accepted_and_blocks_them_all(django_user_model, reviewer,
                                                                                            settings) -> None:
    """It posted a field per cluster: past 995 clusters, DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) made it a 400."""
    settings.SIGNUPGUARD = {"REVIEW_INLINE_MAX": None}  # in the request: what the page posts is the question here
    clusters = _farm(django_user_model, clusters=1001, members=1, attempts=0, tag="wide")
    client = _client(reviewer)
    confirm = client.post(CLUSTERS, {"action": "block_cluster", "_selected_action": [clusters[0].pk],
                                     "select_across": "1", "index": "0"})
    assert len(confirm.context["rows"]) == 1001
    yes = client.post(CLUSTERS, {**confirmation_fields(confirm), "note": "a thousand one-account clusters"},
                      follow=True)
    assert yes.status_code == 200 and "1001 account(s) blocked" in yes.content.decode()
    assert set(Cluster.objects.values_list("status", flat=True)) == {"closed"}
    assert set(AccountStatus.objects.values_list("status", flat=True)) == {"blocked"}


def test_a_tampered_confirmation_blocks_nothing_and_says_so(django_user_model, reviewer) -> None:
    clusters = _farm(django_user_model, clusters=2, members=1, attempts=0, tag="bad")
    page = _client(reviewer).post(CLUSTERS, {"action": "block_cluster", "_selected_action": [clusters[0].pk],
                                             "index": "0", "post": "yes", "clusters": f"{clusters[0].pk},x"},
                                  follow=True).content.decode()
    assert "The confirmation did not say which clusters to block: nothing was blocked." in page
    assert set(AccountStatus.objects.values_list("status", flat=True)) == {"review"}
