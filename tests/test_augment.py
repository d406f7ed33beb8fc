import numpy as np

from signupguard.features import FEATURE_INDEX, FEATURE_NAMES
from signupguard.model.augment import STRONG_TELLS, TELLS, WITHOUT_FORMS, augment, without_forms


def test_augment_adds_only_fraud_rows_built_from_legit_rows():
    rng = np.random.default_rng(0)
    X = rng.random((1000, len(FEATURE_NAMES))).astype(np.float32)
    X[:, FEATURE_INDEX["device_webdriver"]] = 0
    y = np.zeros(1000, dtype=np.int8)
    y[:100] = 1
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


def test_augment_is_deterministic_and_bounded():
    X = np.zeros((500, len(FEATURE_NAMES)), dtype=np.float32)
    y = np.zeros(500, dtype=np.int8)
    y[:5] = 1
    a = augment(X, y, share=1.0, seed=4)
    b = augment(X, y, share=1.0, seed=4)
    assert np.array_equal(a[0], b[0], equal_nan=True)  # NaN: a value no browser sends (missing hints of a script)
    assert len(a[0]) == 500 + 495  # share * legit rows, below the cap of fraud + 10,000


def test_without_forms_copies_rows_of_both_classes_as_a_portal_without_forms_reads_them():
    rng = np.random.default_rng(0)
    X = rng.random((1000, len(FEATURE_NAMES))).astype(np.float32)
    y = (rng.random(1000) < 0.3).astype(np.int8)
    X2, y2 = without_forms(X, y, share=0.1, seed=2)
    assert len(X2) == 1100 and np.array_equal(X2[:1000], X) and np.array_equal(y2[:1000], y)
    copies, labels = X2[1000:], y2[1000:]
    form = [FEATURE_INDEX[name] for name in WITHOUT_FORMS]
    assert np.isnan(copies[:, form]).all()
    # Every copy is one real row, label kept, with only its form columns blanked; no row twice.
    others = np.setdiff1d(np.arange(len(FEATURE_NAMES)), form)
    source = {X[i, others].tobytes(): y[i] for i in range(1000)}
    assert [source[row[others].tobytes()] for row in copies] == list(labels)
    assert len({row.tobytes() for row in copies}) == 100
    assert 0 < labels.sum() < 100  # both classes: the model must still tell them apart without a form
