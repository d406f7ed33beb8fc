"""The GeoIP structure check runs once per file version on a machine, not once per process.

Every process that reads a file notices its new version within a second, so
without shared verdicts each Celery pool process and web worker checked it
at the same moment (seconds of CPU and ~190 MB each for a City-sized file).
A "second process" below is this one with its in-memory verdicts forgotten,
or a forked child.
"""

from __future__ import annotations

import os
import tempfile
import time

import pytest

from signupguard.enrichment import geo, shared_verdicts
from signupguard.simulation import geodb


@pytest.fixture
def verdicts_dir(tmp_path, monkeypatch) -> str:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    os.mkdir(tmp_path / "tmp")
    monkeypatch.setattr(geo, "_verdicts", {})
    return str(tmp_path / "tmp" / f"signupguard-geoip-{os.getuid()}")


@pytest.fixture
def city(tmp_path) -> str:
    path = tmp_path / "city.mmdb"
    geodb.write_city_db(path, [("81.2.69.0/24", "GB", "Europe/London")])
    return str(path)


def _another_process(monkeypatch) -> list[str]:
    """Forget this process's verdicts; the returned list records every check it runs from now on."""
    checks: list[str] = []
    real = geo._structure_problem

    def recording(path, signature):
        checks.append(path)
        return real(path, signature)

    monkeypatch.setattr(geo, "_verdicts", {})
    monkeypatch.setattr(geo, "_structure_problem", recording)
    return checks


def test_a_second_process_reads_the_verdict_instead_of_checking(verdicts_dir, city, monkeypatch) -> None:
    signature = geo._signature(city)
    assert geo._checked(city, signature) is None
    assert sorted(os.listdir(verdicts_dir)) == [shared_verdicts._name(city, signature)]  # the lock file is gone
    checks = _another_process(monkeypatch)
    assert geo._checked(city, signature) is None and checks == []
    assert geo.GeoDatabases(city_path=city).lookup("81.2.69.1").country == "GB"


def test_a_corrupt_file_s_verdict_is_shared_too(verdicts_dir, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.mmdb"
    bad.write_bytes(b"\x00" * 64)
    signature = geo._signature(str(bad))
    problem = geo._checked(str(bad), signature)
    assert problem == "no MaxMind DB metadata"
    checks = _another_process(monkeypatch)
    assert geo._checked(str(bad), signature) == problem and checks == []


def test_a_new_version_of_the_file_is_checked_again(verdicts_dir, city, monkeypatch) -> None:
    geo._checked(city, geo._signature(city))
    geodb.write_city_db(city, [("81.2.69.0/24", "FR", "Europe/Paris")])  # geoipupdate's write-then-rename
    checks = _another_process(monkeypatch)
    assert geo._checked(city, geo._signature(city)) is None and checks == [city]


def test_processes_checking_one_version_at_once_check_it_once(verdicts_dir, city, tmp_path) -> None:
    marker, signature = tmp_path / "checks.log", geo._signature(city)
    children = []
    for _ in range(3):
        pid = os.fork()
        if pid == 0:  # a pool process that just noticed the file
            try:
                geo._verdicts.clear()
                real = geo._structure_problem

                def slow(path, sig):
                    with open(marker, "a") as log:
                        log.write(f"{os.getpid()}\n")
                    time.sleep(0.5)
                    return real(path, sig)

                geo._structure_problem = slow
                os._exit(0 if geo._checked(city, signature) is None else 1)
            finally:
                os._exit(2)
        children.append(pid)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    assert codes == [0, 0, 0]
    assert len(marker.read_text().split()) == 1  # one checked; the others waited and read its verdict


@pytest.mark.parametrize("spoil", ["writable by others", "a symlink"])
def test_a_directory_others_could_write_is_not_trusted(verdicts_dir, city, tmp_path, monkeypatch, spoil) -> None:
    if spoil == "writable by others":
        os.mkdir(verdicts_dir, 0o700)
        os.chmod(verdicts_dir, 0o777)
    else:
        os.mkdir(tmp_path / "elsewhere", 0o700)
        os.symlink(tmp_path / "elsewhere", verdicts_dir)
    assert shared_verdicts.directory() is None
    geo._checked(city, geo._signature(city))
    checks = _another_process(monkeypatch)
    assert geo._checked(city, geo._signature(city)) is None and checks == [city]  # each process checks for itself


def test_a_damaged_verdict_file_means_checking_again(verdicts_dir, city, monkeypatch) -> None:
    signature = geo._signature(city)
    geo._checked(city, signature)
    with open(os.path.join(verdicts_dir, shared_verdicts._name(city, signature)), "w") as handle:
        handle.write("o")
    checks = _another_process(monkeypatch)
    assert geo._checked(city, signature) is None and checks == [city]


def test_a_file_replaced_while_it_was_checked_shares_no_verdict(verdicts_dir, city, monkeypatch) -> None:
    """The verdict would be of the new content under the old version's name."""
    signature, real = geo._signature(city), geo._structure_problem

    def replaced_meanwhile(path, sig):
        problem = real(path, sig)
        geodb.write_city_db(city, [("81.2.69.0/24", "FR", "Europe/Paris")])
        return problem

    monkeypatch.setattr(geo, "_structure_problem", replaced_meanwhile)
    geo._checked(city, signature)
    assert not os.path.exists(os.path.join(verdicts_dir, shared_verdicts._name(city, signature)))
