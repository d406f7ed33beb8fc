"""Deep pages of the console's lists: the right rows, working links, exact counts, actions on the whole list.

The paginator reads a page's keys first, then its rows (counted from the end
past the middle): page 2,000 of 200,000 attempts took 0.6-0.9 s when the
OFFSET built every skipped row with its user, status and cluster (found in an
audit; ``benchmarks/admin_pages.py`` measures it).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import parse_qs

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember

pytestmark = pytest.mark.django_db
QUEUE = "/admin/signupguard/attempt/"
ACCOUNTS = "/admin/signupguard/accountstatus/"
CLUSTERS = "/admin/signupguard/cluster/"
DECISIONS = ("review", "allow", "block")
STATUS = {"review": "review", "allow": "cleared", "block": "blocked"}


@pytest.fixture
def attempts(django_user_model: Any) -> list[Attempt]:
    """62 signups, three to a minute (ties the primary key breaks), some without a score; a cluster of every fourth."""
    base = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    users = django_user_model.objects.bulk_create([
        django_user_model(username=f"user{i}", email=f"user{i}@example.org", password="!") for i in range(62)])
    rows = Attempt.objects.bulk_create([
        Attempt(event_id=f"deep-{i}", kind="signup", occurred_at=base, created_at=base + dt.timedelta(minutes=i // 3),
                user=user, account=user.username, email=user.email, email_domain="example.org",
                country="GB" if i % 4 else "US", score=None if i % 5 == 0 else (i * 37 % 10) / 10,
                decision=DECISIONS[i % 3], state="scored")
        for i, user in enumerate(users)])
    AccountStatus.objects.bulk_create([AccountStatus(user=a.user, attempt=a, status=STATUS[a.decision], source="model")
                                       for a in rows])
    cluster = Cluster.objects.create(size=len(users[::4]))
    ClusterMember.objects.bulk_create([ClusterMember(user=user, cluster=cluster) for user in users[::4]])
    return rows


@pytest.fixture
def client(admin_client: Client) -> Client:
    return admin_client  # pytest-django's: a superuser, logged in


def _per_page(monkeypatch: pytest.MonkeyPatch, model: Any, n: int) -> None:
    monkeypatch.setattr(admin.site._registry[model], "list_per_page", n)


def _page_links(response: Any) -> list[str]:
    """The hrefs of the page numbers under the list, as a browser follows them."""
    paginator = re.search(r'<p class="paginator">(.*?)</p>', response.content.decode(), re.S).group(1)
    return [html.unescape(href) for href in re.findall(r'href="(\?[^"]*)"', paginator) if "all=" not in href]


def _number(link: str) -> int:
    return int(parse_qs(link.lstrip("?"))["p"][0])


def _walk(client: Client, url: str, path: str) -> tuple[list[list[int]], list[int]]:
    """Every page's primary keys, following each page's link to the next; and the whole list as Django orders it."""
    response = client.get(path + url)
    cl = response.context["cl"]
    expected = list(cl.queryset.values_list("pk", flat=True))
    assert cl.paginator.num_pages in [_number(link) for link in _page_links(response)] or not cl.multi_page
    pages = []
    while True:
        assert response.status_code == 200
        pages.append([row.pk for row in response.context["cl"].result_list])
        following = [link for link in _page_links(response) if _number(link) == len(pages) + 1]
        if not following:
            break
        response = client.get(path + following[0])
    assert len(pages) == cl.paginator.num_pages
    return pages, expected


def _sorts(client: Client) -> list[str]:
    """The query string of each sortable column's header link (ascending), and again descending."""
    headers = client.get(QUEUE + "?queue=all").context["result_headers"]
    ascending = [h["url_primary"] for h in headers if h["sortable"]]
    return ascending + [url.replace("o=", "o=-") for url in ascending]


def test_every_page_of_every_sort_holds_the_next_rows(attempts, client, monkeypatch) -> None:
    _per_page(monkeypatch, Attempt, 7)
    for url in ["?queue=all", *_sorts(client)]:
        pages, expected = _walk(client, url, QUEUE)
        per_page = [expected[i:i + 7] for i in range(0, len(expected), 7)]
        assert pages == per_page, url


@pytest.mark.parametrize("query, rows", [
    ("?queue=all&decision__exact=review", lambda: Attempt.objects.filter(decision="review")),
    ("?queue=all&country__exact=US&o=9", lambda: Attempt.objects.filter(country="US")),
    ("?queue=pending", lambda: Attempt.objects.filter(decision="review")),  # each account's deciding attempt
    ("?queue=all&status=blocked", lambda: Attempt.objects.filter(decision="block")),
    ("?queue=all&cluster={cluster}&o=-2", lambda: Attempt.objects.filter(user__signupguard_cluster_membership__isnull=False)),
    ("?queue=all&q=example.org", lambda: Attempt.objects.filter(email_domain="example.org")),
])
def test_filtered_pages_hold_the_filtered_rows_with_their_count(attempts, client, monkeypatch, query, rows) -> None:
    _per_page(monkeypatch, Attempt, 3)
    query = query.format(cluster=Cluster.objects.get().pk)
    pages, expected = _walk(client, query, QUEUE)
    assert sorted(expected) == sorted(rows().values_list("pk", flat=True))
    assert [pk for page in pages for pk in page] == expected
    response = client.get(QUEUE + query)
    assert response.context["cl"].result_count == len(expected)
    assert f"{len(expected)} attempts" in response.content.decode()


def test_a_deep_page_skips_keys_only_and_never_more_than_half_the_list(attempts, client, monkeypatch) -> None:
    """Without it the OFFSET query joined each skipped attempt to its user, status and cluster."""
    _per_page(monkeypatch, Attempt, 5)
    count = Attempt.objects.count()
    for page in range(1, -(-count // 5) + 1):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE + f"?queue=all&p={page}").status_code == 200
        skipping = [q["sql"] for q in queries if re.search(r"\bOFFSET\b", q["sql"])]
        assert all("signupguard_cluster" not in sql and "signupguard_accountstatus" not in sql for sql in skipping)
        assert all(int(re.search(r"OFFSET (\d+)", sql).group(1)) <= count / 2 for sql in skipping), page


def test_out_of_range_and_show_all_behave_as_djangos(attempts, client, monkeypatch) -> None:
    _per_page(monkeypatch, Attempt, 7)
    assert client.get(QUEUE + "?queue=all&p=99").url.endswith("?e=1")
    response = client.get(QUEUE + "?queue=all&all=")
    assert [a.pk for a in response.context["cl"].result_list] == list(response.context["cl"].queryset.values_list("pk", flat=True))
    assert len(response.context["cl"].result_list) == Attempt.objects.count()


def test_a_small_list_is_one_page_of_every_row(attempts, client) -> None:
    response = client.get(QUEUE + "?queue=all&decision__exact=block")
    cl = response.context["cl"]
    assert [a.pk for a in cl.result_list] == list(cl.queryset.values_list("pk", flat=True))
    assert not cl.multi_page and _page_links(response) == []
    assert "20 attempts" in response.content.decode()


def test_select_all_from_a_deep_page_acts_on_the_whole_filtered_list(attempts, client, monkeypatch) -> None:
    _per_page(monkeypatch, Attempt, 4)
    url = QUEUE + "?queue=all&decision__exact=review"
    last = client.get(url + "&p=6")
    shown = [a.pk for a in last.context["cl"].result_list]
    assert shown and len(shown) < 21  # the last page, not the whole list
    response = client.post(url + "&p=6", {"action": "approve", "_selected_action": shown, "select_across": "1",
                                          "index": "0"})
    assert response.status_code == 302
    statuses = dict(AccountStatus.objects.filter(attempt__in=attempts).values_list("attempt__decision", "status").distinct())
    assert statuses == {"review": "cleared", "allow": "cleared", "block": "blocked"}
    assert AccountStatus.objects.filter(status="review").count() == 0


def test_the_accounts_and_clusters_lists_page_through_every_row(attempts, client, monkeypatch) -> None:
    Cluster.objects.bulk_create([Cluster(size=i % 4) for i in range(23)])  # ties on size: the key breaks them
    _per_page(monkeypatch, AccountStatus, 6)
    _per_page(monkeypatch, Cluster, 5)
    for url, path in (("?status__exact=review", ACCOUNTS), ("?status__exact=blocked&o=-1", ACCOUNTS),
                      ("?p=1", CLUSTERS), ("?o=2", CLUSTERS)):
        pages, expected = _walk(client, url, path)
        assert [pk for page in pages for pk in page] == expected and len(pages) > 2, (path, url)


def test_a_list_that_is_no_queryset_pages_as_djangos() -> None:
    from signupguard.admin.common import DeepPagePaginator

    paginator = DeepPagePaginator(list(range(10)), 3)
    assert [list(paginator.page(n).object_list) for n in paginator.page_range] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
