import numpy as np
import pytest
from django.test import override_settings

from signupguard.features import FEATURE_INDEX, FEATURE_NAMES
from signupguard.model.augment import (
    STRONG_TELLS, TELLS, WITHOUT_ASN, WITHOUT_CITY, WITHOUT_FORMS, WITHOUT_RESTRICTIONS, Reading, as_deployed_without, augment, training_rows,
)
from signupguard.offline import build_dataset
from signupguard.simulation import simulate


def _rows(n: int, fraud: int, seed: int, *, zero: str) -> tuple[np.ndarray, np.ndarray]:
    """Random rows, the first ``fraud`` of them labelled fraud, with feature ``zero`` set to 0."""
    X = np.random.default_rng(seed).random((n, len(FEATURE_NAMES))).astype(np.float32)
    X[:, FEATURE_INDEX[zero]] = 0
    y = np.zeros(n, dtype=np.int8)
    y[:fraud] = 1
    return X, y


def test_augment_adds_only_fraud_rows_built_from_legit_rows():
    X, y = _rows(1000, 100, 0, zero="device_webdriver")
    X2, y2 = augment(X, y, share=0.2, seed=1)
    assert len(X2) == 1000 + 180 and (y2[1000:] == 1).all()
    assert np.array_equal(X2[:1000], X) and np.array_equal(y2[:1000], y)
    # Every synthetic row is a legitimate row with a tell written in: never an exact copy.
    legit = {r.tobytes() for r in X[y == 0]}
    assert not any(r.tobytes() in legit for r in X2[1000:])


def test_each_tell_changes_the_row():
    base = np.zeros(len(FEATURE_NAMES))
    base[FEATURE_INDEX["net_residential"]] = 1
    for tell in TELLS:
        row = base.copy()
        tell(row, np.random.default_rng(3))
        assert not np.array_equal(row, base), tell.__name__
    assert set(STRONG_TELLS) <= set(TELLS)


def test_tells_write_only_what_the_pipeline_can_read_without_optional_databases():
    """The shipped model is trained without the Anonymous-IP database: no synthetic row may carry
    what only that database produces, or a deployment that has it reads every VPN user as fraud."""
    X, y = _rows(2000, 200, 5, zero="ip_anonymous")
    X2, _ = augment(X, y, share=0.3, seed=2)
    assert len(X2) > len(X) and not X2[:, FEATURE_INDEX["ip_anonymous"]].any()


def test_augment_is_deterministic_and_bounded():
    X = np.zeros((500, len(FEATURE_NAMES)), dtype=np.float32)
    y = np.zeros(500, dtype=np.int8)
    y[:5] = 1
    a = augment(X, y, share=1.0, seed=4)
    b = augment(X, y, share=1.0, seed=4)
    assert np.array_equal(a[0], b[0], equal_nan=True)  # NaN: a value no browser sends (missing hints of a script)
    assert len(a[0]) == 500 + 495  # share * legit rows, below the cap of fraud + 10,000


@pytest.mark.parametrize("reading", [WITHOUT_FORMS, WITHOUT_ASN, WITHOUT_CITY, WITHOUT_RESTRICTIONS],
                         ids=["forms", "asn", "city", "restrictions"])
def test_copies_of_rows_of_both_classes_as_a_deployment_without_the_signal_reads_them(reading):
    rng = np.random.default_rng(0)
    X = rng.random((1000, len(FEATURE_NAMES))).astype(np.float32)
    X[::7, FEATURE_INDEX["zone_foreign_share_7d"]] = np.nan  # events without a device zone
    y = (rng.random(1000) < 0.3).astype(np.int8)
    X2, y2 = as_deployed_without(X, y, readings=(reading,), share=0.1, seed=2)
    assert len(X2) == 1100 and np.array_equal(X2[:1000], X, equal_nan=True) and np.array_equal(y2[:1000], y)
    copies, labels = X2[1000:], y2[1000:]
    columns = [FEATURE_INDEX[name] for name in reading.values]
    assert np.array_equal(copies[:, columns], np.broadcast_to(np.float32(list(reading.values.values())), (100, len(columns))),
                          equal_nan=True)
    zeroed = [FEATURE_INDEX[name] for name in reading.zeroed]
    # Every copy is one real row, label kept, with only the reading's columns changed; no row twice.
    others = np.setdiff1d(np.arange(len(FEATURE_NAMES)), columns + zeroed)
    source = {X[i, others].tobytes(): i for i in range(1000)}
    origins = [source[row[others].tobytes()] for row in copies]
    assert [y[i] for i in origins] == list(labels)
    for column in zeroed:  # 0 where the real row read a value, NaN where it read none
        expected = np.where(np.isnan(X[origins, column]), np.nan, 0.0)
        assert np.array_equal(copies[:, column], expected, equal_nan=True)
    assert len(set(origins)) == 100
    assert 0 < labels.sum() < 100  # both classes: the model must still tell them apart without the signal


def test_every_reading_is_copied_in_one_pass():
    X = np.zeros((400, len(FEATURE_NAMES)), dtype=np.float32)
    y = np.zeros(400, dtype=np.int8)
    X2, y2 = as_deployed_without(X, y, share=0.05, seed=1)
    assert len(X2) == 480 and len(y2) == 480
    assert np.isnan(X2[400:420, FEATURE_INDEX["form_fill_ms"]]).all()
    assert (X2[420:440, FEATURE_INDEX["asn_missing"]] == 1).all() and not np.isnan(X2[420:, FEATURE_INDEX["form_fill_ms"]]).any()
    assert (X2[440:460, FEATURE_INDEX["geo_missing"]] == 1).all()
    assert (X2[:440, FEATURE_INDEX["geo_missing"]] == 0).all() and (X2[460:, FEATURE_INDEX["geo_missing"]] == 0).all()
    clock = X2[:, FEATURE_INDEX["device_clock_restricted"]]
    assert np.isnan(clock[460:]).all() and not np.isnan(clock[:460]).any()


@pytest.mark.parametrize("dtype, share, seed", [(np.float64, 0.1, 0), (np.float64, 0.3, 5), (np.float32, 0.1, 3)])
def test_training_rows_are_the_two_steps_in_one_array(dtype, share, seed):
    """What training fits on: the same rows, in the same order, as the two steps one after the other."""
    rng = np.random.default_rng(seed)
    X = rng.random((3000, len(FEATURE_NAMES))).astype(dtype) * 20
    X[rng.random(X.shape) < 0.2] = np.nan
    y = (rng.random(3000) < 0.15).astype(np.int8)
    deployed, deployed_y = as_deployed_without(X, y, seed=seed)
    expected, expected_y = augment(deployed, deployed_y, share=share, seed=seed)
    rows, labels, real = training_rows(X, y, share=share, seed=seed)
    assert rows.dtype == expected.dtype and labels.dtype == expected_y.dtype
    assert np.array_equal(rows, expected, equal_nan=True) and np.array_equal(labels, expected_y)
    assert real == len(deployed_y) and len(rows) - real == int(min(share * (deployed_y == 0).sum(), y.sum() + 10_000)) > 0
    assert not np.shares_memory(rows, X)


def test_training_rows_without_legitimate_rows_add_no_synthetic_fraud():
    X = np.ones((100, len(FEATURE_NAMES)))
    rows, labels, real = training_rows(X, np.ones(100, dtype=np.int8))
    assert real == len(rows) == 120 and labels.all()


@pytest.fixture(scope="module")
def simulated(tmp_path_factory):
    return simulate(out=tmp_path_factory.mktemp("sim") / "events.jsonl", days=2, legit=300, scale=0.05, seed=5,
                    progress=False)


@pytest.mark.parametrize(
    "reading, kept, changed",
    [(WITHOUT_ASN, "city", ("asn_missing", "asn_load_7d", "net_residential")),
     (WITHOUT_CITY, "asn", ("geo_missing", "local_hour", "device_tz_country_mismatch", "zone_foreign_share_7d"))],
    ids=["asn", "city"],
)
def test_the_reading_is_what_the_pipeline_reads_without_the_database(simulated, reading, kept, changed):
    # The same traffic featurised with and without the database: the rows differ exactly in the
    # reading's columns, and there hold its values for every event with an address.
    setting = {"asn": "GEOIP_ASN", "city": "GEOIP_CITY"}
    both = {setting[kind]: str(simulated.geoip[kind]) for kind in setting}
    with override_settings(SIGNUPGUARD=both):
        full = build_dataset(simulated.out, workers=0)
    with override_settings(SIGNUPGUARD={setting[kept]: both[setting[kept]]}):
        bare = build_dataset(simulated.out, workers=0)
    assert full.event_ids == bare.event_ids
    has_address = full.X[:, FEATURE_INDEX["ip_invalid"]] == 0
    assert has_address.mean() > 0.9
    expected = full.X.copy()
    rows = expected[has_address]
    reading.apply(rows)
    expected[has_address] = rows
    np.testing.assert_array_equal(bare.X, expected)
    # The reading is not what the database's rows already were.
    for name in changed:
        assert not np.array_equal(full.X[:, FEATURE_INDEX[name]], bare.X[:, FEATURE_INDEX[name]], equal_nan=True), name


def test_the_reading_is_what_the_pipeline_reads_without_restricted_countries(simulated):
    databases = {"GEOIP_ASN": str(simulated.geoip["asn"]), "GEOIP_CITY": str(simulated.geoip["city"])}
    with override_settings(SIGNUPGUARD={**databases, "RESTRICTED_COUNTRIES": ["CN", "RU", "IR"]}):
        full = build_dataset(simulated.out, workers=0)
    with override_settings(SIGNUPGUARD=databases):
        bare = build_dataset(simulated.out, workers=0)
    expected = full.X.copy()
    WITHOUT_RESTRICTIONS.apply(expected)
    np.testing.assert_array_equal(bare.X, expected)
    for name in WITHOUT_RESTRICTIONS.values:  # known (0 or 1) wherever the browser told, once a list is set
        assert (~np.isnan(full.X[:, FEATURE_INDEX[name]])).mean() > 0.6, name


def test_a_reading_sets_values_and_zeroes_known_shares():
    rows = np.ones((2, len(FEATURE_NAMES)), dtype=np.float32)
    rows[1, FEATURE_INDEX["foreign_share_ip_7d"]] = np.nan
    Reading({"geo_missing": 5.0}, zeroed=("foreign_share_ip_7d",)).apply(rows)
    assert (rows[:, FEATURE_INDEX["geo_missing"]] == 5).all()
    assert rows[0, FEATURE_INDEX["foreign_share_ip_7d"]] == 0 and np.isnan(rows[1, FEATURE_INDEX["foreign_share_ip_7d"]])
    assert (np.delete(rows, [FEATURE_INDEX["geo_missing"], FEATURE_INDEX["foreign_share_ip_7d"]], axis=1) == 1).all()
