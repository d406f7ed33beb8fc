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


def test_a_process_forked_while_a_check_holds_the_lock_does_not_wait_forever(verdicts_dir, city, monkeypatch) -> None:
    """The child's copy of the lock would outlive the parent's release, and the child would wait on itself."""
    import signal
    import threading

    signature, real, inside = geo._signature(city), geo._structure_problem, threading.Event()

    def slow(path, sig):
        inside.set()
        time.sleep(0.5)
        return real(path, sig)

    monkeypatch.setattr(geo, "_structure_problem", slow)
    checking = threading.Thread(target=geo._checked, args=(city, signature))
    checking.start()
    assert inside.wait(10)  # the thread holds the version's lock
    pid = os.fork()
    if pid == 0:  # a Celery pool process forked at that moment
        try:
            signal.alarm(10)  # a hang ends the child with SIGALRM
            geo._verdicts.clear()
            os._exit(0 if geo._checked(city, signature) is None else 1)
        finally:
            os._exit(2)
    checking.join()
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


def test_without_a_writable_temporary_directory_every_process_checks_for_itself(city, monkeypatch) -> None:
    """A read-only root filesystem with no /tmp: no sharing, and no error where there was none."""
    def nowhere():
        raise FileNotFoundError("No usable temporary directory found")

    monkeypatch.setattr(tempfile, "gettempdir", nowhere)
    monkeypatch.setattr(geo, "_verdicts", {})
    assert shared_verdicts.directory() is None
    assert geo.check_database(city, "city") is None
    assert geo._checked(city, geo._signature(city)) is None


def test_a_parent_others_can_write_without_the_sticky_bit_is_not_trusted(tmp_path, monkeypatch) -> None:
    parent = tmp_path / "open"
    parent.mkdir()
    os.chmod(parent, 0o777)  # anyone could rename our directory away and put theirs in its place
    monkeypatch.setattr(tempfile, "tempdir", str(parent))
    assert shared_verdicts.directory() is None
    os.chmod(parent, 0o1777)  # /tmp's mode: only the owner may rename it
    assert shared_verdicts.directory() == str(parent / f"signupguard-geoip-{os.getuid()}")


def test_a_verdict_that_cannot_be_written_leaves_nothing_behind(verdicts_dir, city, monkeypatch, caplog) -> None:
    import errno

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shared_verdicts.os, "replace", disk_full)
    monkeypatch.setattr(shared_verdicts, "_warned", set())
    for _ in range(3):
        monkeypatch.setattr(geo, "_verdicts", {})
        assert geo._checked(city, geo._signature(city)) is None  # the check itself stands
    assert os.listdir(verdicts_dir) == []
    assert caplog.text.count("could not share a GeoIP check's verdict") == 1


def test_a_file_rewritten_in_place_with_its_old_mtime_is_checked_again(verdicts_dir, tmp_path, monkeypatch) -> None:
    """Same path, inode, size and mtime (a copy that keeps times): only ctime tells the versions apart."""
    path = tmp_path / "city.mmdb"
    geodb.write_city_db(path, [("81.2.69.0/24", "GB", "Europe/London")])
    st = os.stat(path)
    geo._checked(str(path), geo._signature(str(path)))
    time.sleep(0.01)
    with open(path, "r+b") as handle:  # the same inode, the same size, other bytes
        handle.write(b"\xff" * 64)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (os.stat(path).st_ino, os.stat(path).st_size, os.stat(path).st_mtime_ns) == (st.st_ino, st.st_size, st.st_mtime_ns)
    checks = _another_process(monkeypatch)
    geo._checked(str(path), geo._signature(str(path)))
    assert checks == [str(path)]


def test_a_file_replaced_between_the_stat_and_the_open_is_not_read_by_the_c_reader(verdicts_dir, city, monkeypatch) -> None:
    import maxminddb

    geo._checked(city, geo._signature(city))  # this version's verdict is known: the C reader would open at once
    opened, real_open = [], maxminddb.open_database

    def replaced_first(path, mode=maxminddb.MODE_AUTO):
        if not opened:
            geodb.write_city_db(city, [("81.2.69.0/24", "FR", "Europe/Paris")])  # a version nobody checked
        opened.append(mode)
        return real_open(path, mode)

    monkeypatch.setattr(maxminddb, "open_database", replaced_first)
    database = geo.GeoDatabases(city_path=city)._databases[0]
    database.refresh()
    assert opened == [maxminddb.MODE_AUTO, maxminddb.MODE_MMAP]
    assert database.provisional and type(database.reader).__module__ == "maxminddb.reader"  # pure Python
