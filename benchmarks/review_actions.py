"""What a reviewer's block of a farm's cluster costs, and where it runs.

    python benchmarks/review_actions.py [--accounts 3000] [--database-url postgres://...] [--broker-url redis://...]

Builds two clusters of ``--accounts`` accounts each (a signup attempt, a
status row held for review; one in four cleared earlier, with an API key) in a throw-away
SQLite database, or in the database of ``--database-url`` (its users and
SignupGuard rows are deleted first: not a production one). Then it times
``review.block_cluster`` in one transaction, as the admin's request runs it
up to ``REVIEW_INLINE_MAX`` accounts, and as a review job runs it
(``review_jobs.run``, in batches); both per account, and projected to the
25,000 accounts of the distillation campaign in the brief. With
``--broker-url`` (a Redis database of its own: it is emptied), it also
times the admin's block-cluster request on a cluster above the limit, which
only records the job and publishes its id.
"""

from __future__ import annotations

import argparse
import time

from _setup import scratch_database

FARM = 25_000  # accounts of the campaign the brief describes


def build(n: int, tag: str) -> object:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from signupguard.contrib.rest_framework_api_key.keys import issue_key
    from signupguard.models import AccountStatus, Attempt, Cluster, ClusterMember

    User, now = get_user_model(), timezone.now()
    users = User.objects.bulk_create([User(username=f"{tag}{i}") for i in range(n)], batch_size=2000)
    users = list(User.objects.filter(username__startswith=tag).order_by("pk"))
    Attempt.objects.bulk_create([Attempt(event_id=f"{tag}{u.pk}", kind="signup", occurred_at=now, user=u,
                                         account=u.username, state="scored", scored_at=now) for u in users], batch_size=2000)
    AccountStatus.objects.bulk_create([AccountStatus(user=u, status="review" if i % 4 else "cleared", source="model")
                                       for i, u in enumerate(users)], batch_size=2000)
    for user in users[::4]:
        issue_key(user, name="bench")
    cluster = Cluster.objects.create(size=n)
    ClusterMember.objects.bulk_create([ClusterMember(user=u, cluster=cluster) for u in users], batch_size=2000)
    return cluster


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=3000)
    parser.add_argument("--database-url", help="a scratch database (dj-database-url syntax); default: SQLite in /tmp")
    parser.add_argument("--broker-url", help="a Redis database nothing else uses, to time the request that queues")
    args = parser.parse_args()
    with scratch_database(args.database_url, "review"):
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client, override_settings

        from signupguard import review, review_jobs
        from signupguard.models import AccountStatus, Attempt, Cluster, ReviewJob

        User = get_user_model()
        Cluster.objects.all().delete()
        Attempt.objects.all().delete()
        User.objects.all().delete()
        reviewer = User.objects.create_superuser("bench-reviewer", password="x")
        n = args.accounts
        print(f"{connection.vendor}, {n} accounts a cluster:")
        for as_job, label in ((False, "in the request: one transaction"),
                              (True, f"a review job: batches of {review_jobs.BATCH}")):
            cluster = build(n, f"job{int(as_job)}-")
            members = list(cluster.members.order_by("user_id").values_list("user_id", flat=True))
            started = time.perf_counter()
            if as_job:  # recorded as the admin does, run as the worker does
                job = review_jobs.record("block_cluster", members, actor=reviewer, note="bench", cluster=cluster)
                done = review_jobs.run(job.pk).accounts
            else:
                done = review.block_cluster(cluster, actor=reviewer, note="bench").accounts
            took = time.perf_counter() - started
            assert done == n and not AccountStatus.objects.filter(user__in=members).exclude(status="blocked").exists()
            print(f"  {label:34s} {took:6.2f} s = {took / n * 1000:5.2f} ms an account; "
                  f"{FARM:,} accounts: {took / n * FARM:5.0f} s")
        if args.broker_url:
            import redis

            from config.celery import app

            cluster = build(n, "queued-")
            client = Client(HTTP_HOST="localhost")  # one of the demo's ALLOWED_HOSTS
            client.force_login(reviewer)
            saved = app.conf.task_always_eager, app.conf.broker_url
            app.conf.update(task_always_eager=False, broker_url=args.broker_url)
            try:
                client.get("/admin/signupguard/cluster/")  # the first request's set-up is not the action's
                with override_settings(SIGNUPGUARD={"REVIEW_INLINE_MAX": min(1000, n - 1)}):
                    started = time.perf_counter()
                    response = client.post("/admin/signupguard/cluster/", {
                        "action": "block_cluster", "_selected_action": [cluster.pk], "index": "0", "post": "yes"})
                    took = time.perf_counter() - started
            finally:
                app.conf.update(task_always_eager=saved[0], broker_url=saved[1])
                redis.Redis.from_url(args.broker_url).flushdb()
            assert response.status_code == 302, response.status_code
            assert Cluster.objects.get(pk=cluster.pk).status == "open"  # queued, not done in the request
            assert ReviewJob.objects.filter(cluster=cluster, state="queued").exists()
            print(f"  the admin's request above REVIEW_INLINE_MAX (records the job): {took * 1000:.0f} ms")


if __name__ == "__main__":
    main()
