/*
 * The in-process velocity store's hot loops, compiled.
 *
 * An optional speed-up of signupguard/velocity/memory.py: its counters and
 * distinct sets are the hottest loops of replay and training (some thirty
 * keys an event), and in Python most of their cost is the interpreter, not
 * the work. This module does the same work on the same dicts, with the same
 * semantics bit for bit (the shared backend suite and a randomised
 * comparison with the Python path check that); without a C compiler the
 * package installs without it and the Python path runs.
 *
 * Counters (count): a key's value in the store's counter dict is either
 *   - a float: the instant of the key's only live event (most keys are seen
 *     once: an address, a mailbox), or
 *   - a Counter: per window, the newest bucket, the total of the live
 *     buckets and a ring of the counts of the last `buckets` buckets
 *     (bucket b lives in slot b mod buckets).
 * Bucket of instant t in a window of bucket width w: floor(t / w), computed
 * as IEEE doubles, exactly as signupguard/velocity/buckets.py does.
 *
 * Distinct sets (distinct): the Python representation, kept as it is, so
 * the store's collector and the Python path read the same values: a set is
 * (instant, member) while it has one member, then a list [newest instant,
 * members, oldest instant, ...] with, per window, a dict member -> last seen
 * in last-seen order and the instant of its oldest member.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define MAX_WINDOWS 16

/* ------------------------------------------------------------------ Counter */

typedef struct {
    PyObject_VAR_HEAD  /* ob_size: 32-bit slots after the header */
    int windows;
    int buckets;
    /* int64 newest[windows], int64 total[windows], then uint32 ring[windows][buckets]:
       a bucket of one key does not see 4 billion events. */
    int64_t cells[1];
} Counter;

static PyTypeObject CounterType;

#define NEWEST(c, i) ((c)->cells[(i)])
#define TOTAL(c, i) ((c)->cells[(c)->windows + (i)])
#define RING(c, i) ((uint32_t *)&(c)->cells[2 * (c)->windows] + (Py_ssize_t)(i) * (c)->buckets)

static int64_t
mod_floor(int64_t b, int64_t m)
{
    int64_t r = b % m;
    return r < 0 ? r + m : r;
}

static Counter *
counter_new(int windows, int buckets)
{
    Py_ssize_t slots = (Py_ssize_t)windows * (buckets + 4);  /* two int64 per window, then the ring */
    Counter *c = PyObject_NewVar(Counter, &CounterType, slots);
    if (c == NULL)
        return NULL;
    c->windows = windows;
    c->buckets = buckets;
    memset(c->cells, 0, sizeof(uint32_t) * slots);
    return c;
}

static PyObject *
counter_newest(Counter *self, PyObject *arg)
{
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (i < 0 || i >= self->windows) {
        PyErr_SetString(PyExc_IndexError, "window index out of range");
        return NULL;
    }
    return PyLong_FromLongLong(NEWEST(self, i));
}

static PyMethodDef counter_methods[] = {
    {"newest", (PyCFunction)counter_newest, METH_O,
     "newest(i) -> the newest bucket of window i (for the store's collector)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "signupguard.velocity._compiled.Counter",
    .tp_basicsize = offsetof(Counter, cells),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = Py_TPFLAGS_DEFAULT,  /* no references: never tracked by the cycle collector */
    .tp_doc = "Live buckets of one counter key (created by count(), read through it).",
    .tp_methods = counter_methods,
};

/* ------------------------------------------------------------------- count */

typedef struct {
    int windows;
    int buckets;
    double widths[MAX_WINDOWS];
    int64_t curs[MAX_WINDOWS];
} Frame;

static int
bucket(double t, double width, int64_t *out)
{
    double b = floor(t / width);
    /* Far beyond any datetime: refuse rather than wrap. */
    if (!(b > -4.0e18 && b < 4.0e18)) {
        PyErr_SetString(PyExc_ValueError, "velocity instant out of range");
        return -1;
    }
    *out = (int64_t)b;
    return 0;
}

/* The arguments count() and distinct() share: (table, keys, now, widths, buckets, ..., filler). */
static int
read_frame(const char *name, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t expected, double *now, Frame *f)
{
    if (nargs != expected) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments", name, expected);
        return -1;
    }
    PyObject *table = args[0], *widths = args[3], *filler = args[nargs - 1];
    if (!PyDict_CheckExact(table) || !PyTuple_CheckExact(widths) || !PyTuple_CheckExact(filler)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a dict, a tuple of widths and a tuple to fill empty readings", name);
        return -1;
    }
    *now = PyFloat_AsDouble(args[2]);
    if (*now == -1.0 && PyErr_Occurred())
        return -1;
    if (!isfinite(*now)) {
        PyErr_SetString(PyExc_ValueError, "velocity instant must be finite");
        return -1;
    }
    long buckets = PyLong_AsLong(args[4]);
    if (buckets == -1 && PyErr_Occurred())
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(widths), i;
    if (n < 1 || n > MAX_WINDOWS || buckets < 1 || buckets > 1 << 20 || PyTuple_GET_SIZE(filler) != n) {
        PyErr_Format(PyExc_ValueError, "%s(): unsupported windows or buckets", name);
        return -1;
    }
    f->windows = (int)n;
    f->buckets = (int)buckets;
    for (i = 0; i < n; i++) {
        f->widths[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(widths, i));
        if (f->widths[i] == -1.0 && PyErr_Occurred())
            return -1;
        if (!(f->widths[i] > 0)) {
            PyErr_Format(PyExc_ValueError, "%s(): bucket widths must be positive", name);
            return -1;
        }
        if (bucket(*now, f->widths[i], &f->curs[i]) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
reading(const int64_t *values, int n, PyObject *zeros)
{
    int i, any = 0;
    for (i = 0; i < n; i++)
        any |= values[i] != 0;
    if (!any) {
        Py_INCREF(zeros);
        return zeros;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLongLong(values[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* table[key] = value, taking over our reference to ``value``; a NULL value (a failed
   allocation) passes its error on. */
static int
store(PyObject *table, PyObject *key, PyObject *value)
{
    if (value == NULL)
        return -1;
    int failed = PyDict_SetItem(table, key, value);
    Py_DECREF(value);
    return failed;
}

/* A key seen once, at `first`: what it reads now, and (when recording) its new value. */
static PyObject *
from_instant(const Frame *f, PyObject *table, PyObject *key, double first, double now, int record,
             PyObject *zeros)
{
    int64_t read[MAX_WINDOWS], b1[MAX_WINDOWS];
    int i, any = 0;
    for (i = 0; i < f->windows; i++) {
        if (bucket(first, f->widths[i], &b1[i]) < 0)
            return NULL;
        /* same bucket, out of order, or an older bucket still in the window */
        read[i] = b1[i] > f->curs[i] - f->buckets;
        any |= read[i] != 0;
    }
    if (record) {
        PyObject *value;
        if (!any) {  /* the first sighting left every window: a key seen once again */
            value = PyFloat_FromDouble(now);
        }
        else {
            Counter *c = counter_new(f->windows, f->buckets);
            if (c == NULL)
                return NULL;
            for (i = 0; i < f->windows; i++) {
                int64_t nb = b1[i] >= f->curs[i] ? b1[i] : f->curs[i];
                uint32_t *ring = RING(c, i);
                NEWEST(c, i) = nb;
                if (read[i])
                    ring[mod_floor(b1[i], f->buckets)] += 1;
                ring[mod_floor(nb, f->buckets)] += 1;
                TOTAL(c, i) = read[i] + 1;
            }
            value = (PyObject *)c;
        }
        if (store(table, key, value) < 0)
            return NULL;
    }
    return reading(read, f->windows, zeros);
}

/* A key with live buckets: what it reads now, recording one more when asked. */
static PyObject *
from_counter(const Frame *f, PyObject *table, PyObject *key, Counter *c, double now, int record,
             PyObject *zeros)
{
    int64_t read[MAX_WINDOWS];
    int i, any = 0;
    const int64_t B = f->buckets;
    for (i = 0; i < f->windows; i++) {
        int64_t cur = f->curs[i], nb = NEWEST(c, i), total = TOTAL(c, i);
        uint32_t *ring = RING(c, i);
        if (cur <= nb) {  /* same bucket, or out of order: counted in the newest bucket */
            read[i] = total;
            if (record) {
                ring[mod_floor(nb, B)] += 1;
                TOTAL(c, i) = total + 1;
            }
        }
        else if (cur - nb >= B) {  /* every bucket left the window */
            read[i] = 0;
            if (record) {
                memset(ring, 0, sizeof(uint32_t) * B);
                ring[mod_floor(cur, B)] = 1;
                TOTAL(c, i) = 1;
                NEWEST(c, i) = cur;
            }
        }
        else {  /* buckets nb-B+1 .. cur-B leave; their slots are those of nb+1 .. cur */
            int64_t b, gone = 0;
            for (b = nb + 1; b <= cur; b++)
                gone += ring[mod_floor(b, B)];
            read[i] = total - gone;
            if (record) {
                for (b = nb + 1; b <= cur; b++)
                    ring[mod_floor(b, B)] = 0;
                ring[mod_floor(cur, B)] = 1;
                TOTAL(c, i) = read[i] + 1;
                NEWEST(c, i) = cur;
            }
        }
        any |= read[i] != 0;
    }
    if (record && !any) {  /* nothing else live: back to a key seen once (it frees the counter) */
        if (store(table, key, PyFloat_FromDouble(now)) < 0)
            return NULL;
    }
    return reading(read, f->windows, zeros);
}

PyDoc_STRVAR(count_doc,
"count(table, keys, now, widths, buckets, record, zeros) -> list of tuples\n\n"
"For each key of ``keys`` in order, its events within each window before\n"
"``now`` (a tuple aligned with ``widths``, the bucket widths); when\n"
"``record`` is true the event is then counted. ``table`` is the store's\n"
"counter dict; ``zeros`` the all-zero tuple returned for an empty reading.");

static PyObject *
count(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Frame f;
    double now;
    Py_ssize_t i;
    if (read_frame("count", args, nargs, 7, &now, &f) < 0)
        return NULL;
    PyObject *table = args[0], *keys = args[1], *zeros = args[6];
    int record = PyObject_IsTrue(args[5]);
    if (record < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(keys, "count(): keys must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = PyList_New(m);
    if (out == NULL)
        goto fail;
    for (i = 0; i < m; i++) {
        PyObject *key = items[i], *value, *got;
        value = PyDict_GetItemWithError(table, key);  /* borrowed */
        if (value == NULL) {
            if (PyErr_Occurred())
                goto fail;
            if (record && store(table, key, PyFloat_FromDouble(now)) < 0)
                goto fail;
            Py_INCREF(zeros);
            got = zeros;
        }
        else if (PyFloat_CheckExact(value)) {
            got = from_instant(&f, table, key, PyFloat_AS_DOUBLE(value), now, record, zeros);
        }
        else if (Py_IS_TYPE(value, &CounterType)) {
            Counter *c = (Counter *)value;
            if (c->windows != f.windows || c->buckets != f.buckets) {
                PyErr_SetString(PyExc_ValueError, "count(): a counter of other windows");
                goto fail;
            }
            Py_INCREF(c);  /* setting the key below may drop the table's reference */
            got = from_counter(&f, table, key, c, now, record, zeros);
            Py_DECREF(c);
        }
        else {
            PyErr_Format(PyExc_TypeError, "count(): unexpected counter value %R", value);
            goto fail;
        }
        if (got == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, got);
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

/* ---------------------------------------------------------------- distinct */

/* Earliest instant inside a window of bucket width w read at t: velocity/buckets.py's since(). */
static double
since(double t, double width, int buckets)
{
    return (floor(t / width) - buckets + 1) * width;
}

static int
set_float(PyObject *list, Py_ssize_t i, double value)
{
    PyObject *v = PyFloat_FromDouble(value);
    if (v == NULL)
        return -1;
    return PyList_SetItem(list, i, v);  /* steals v */
}

/* Drop members last seen before thr (they sit at the front); *oldest gets the new oldest instant. */
static int
evict(PyObject *members, double thr, double *oldest)
{
    Py_ssize_t pos = 0, n = 0, i;
    PyObject *member, *seen;
    *oldest = INFINITY;
    while (PyDict_Next(members, &pos, &member, &seen)) {
        double s = PyFloat_AsDouble(seen);
        if (s == -1.0 && PyErr_Occurred())
            return -1;
        if (s >= thr) {
            *oldest = s;
            break;
        }
        n++;
    }
    if (n == 0)
        return 0;
    PyObject *dead = PyList_New(n);
    if (dead == NULL)
        return -1;
    pos = 0;
    for (i = 0; i < n && PyDict_Next(members, &pos, &member, &seen); i++) {
        Py_INCREF(member);
        PyList_SET_ITEM(dead, i, member);
    }
    for (i = 0; i < n; i++) {
        if (PyDict_DelItem(members, PyList_GET_ITEM(dead, i)) < 0) {
            Py_DECREF(dead);
            return -1;
        }
    }
    Py_DECREF(dead);
    return 0;
}

static PyObject *
pair(double te, PyObject *member)
{
    PyObject *t = PyFloat_FromDouble(te);
    if (t == NULL)
        return NULL;
    PyObject *p = PyTuple_Pack(2, t, member);
    Py_DECREF(t);
    return p;
}

/* A set that held one member (t1, m1) so far: memory.py's _distinct_pair. */
static PyObject *
distinct_pair(PyObject *table, PyObject *key, PyObject *d, PyObject *member, double te, const double *thrs,
              int windows, PyObject *ones)
{
    double t1 = PyFloat_AsDouble(PyTuple_GET_ITEM(d, 0));
    if (t1 == -1.0 && PyErr_Occurred())
        return NULL;
    PyObject *m1 = PyTuple_GET_ITEM(d, 1);
    int same = PyObject_RichCompareBool(member, m1, Py_EQ);
    if (same < 0)
        return NULL;
    int i, live = 0;
    for (i = 0; i < windows; i++)
        live |= t1 >= thrs[i];
    if (same || !live) {  /* the same member again, or the old one left every window */
        if (store(table, key, pair(te, same ? m1 : member)) < 0)
            return NULL;
        Py_INCREF(ones);
        return ones;
    }
    PyObject *entry = PyList_New(1 + 2 * windows);
    PyObject *out = PyTuple_New(windows);
    if (entry == NULL || out == NULL)
        goto fail;
    if (set_float(entry, 0, te) < 0)
        goto fail;
    for (i = 0; i < windows; i++) {
        PyObject *members = PyDict_New(), *t = NULL, *n;
        if (members == NULL)
            goto fail;
        PyList_SET_ITEM(entry, 1 + 2 * i, members);
        if (t1 >= thrs[i]) {
            t = PyFloat_FromDouble(t1);
            if (t == NULL || PyDict_SetItem(members, m1, t) < 0) {
                Py_XDECREF(t);
                goto fail;
            }
            Py_DECREF(t);
        }
        t = PyFloat_FromDouble(te);
        if (t == NULL || PyDict_SetItem(members, member, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
        if (set_float(entry, 2 + 2 * i, t1 >= thrs[i] ? t1 : te) < 0)
            goto fail;
        n = PyLong_FromSsize_t(PyDict_GET_SIZE(members));
        if (n == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, i, n);
    }
    if (PyDict_SetItem(table, key, entry) < 0)
        goto fail;
    Py_DECREF(entry);
    return out;
fail:
    Py_XDECREF(entry);
    Py_XDECREF(out);
    return NULL;
}

/* A set with members in a window: updated in place (memory.py explains why). */
static PyObject *
distinct_list(PyObject *d, PyObject *member, double te, const double *thrs, int windows)
{
    int i;
    if (PyList_GET_SIZE(d) != 1 + 2 * windows) {
        PyErr_SetString(PyExc_ValueError, "distinct(): a set of other windows");
        return NULL;
    }
    if (set_float(d, 0, te) < 0)
        return NULL;
    PyObject *out = PyTuple_New(windows);
    if (out == NULL)
        return NULL;
    for (i = 0; i < windows; i++) {
        PyObject *members = PyList_GET_ITEM(d, 1 + 2 * i);
        double oldest = PyFloat_AsDouble(PyList_GET_ITEM(d, 2 + 2 * i));
        if ((oldest == -1.0 && PyErr_Occurred()) || !PyDict_CheckExact(members))
            goto fail;
        if (oldest < thrs[i]) {
            if (evict(members, thrs[i], &oldest) < 0 || set_float(d, 2 + 2 * i, oldest) < 0)
                goto fail;
        }
        PyObject *t = PyFloat_FromDouble(te);
        if (t == NULL)
            goto fail;
        int present = PyDict_Contains(members, member);
        Py_ssize_t size;
        if (present < 0) {
            Py_DECREF(t);
            goto fail;
        }
        if (present) {  /* re-inserted at the end: last-seen order */
            size = PyDict_GET_SIZE(members);
            if (PyDict_DelItem(members, member) < 0 || PyDict_SetItem(members, member, t) < 0) {
                Py_DECREF(t);
                goto fail;
            }
        }
        else {
            if (PyDict_SetItem(members, member, t) < 0) {
                Py_DECREF(t);
                goto fail;
            }
            size = PyDict_GET_SIZE(members);
            if (oldest == INFINITY && set_float(d, 2 + 2 * i, te) < 0) {
                Py_DECREF(t);
                goto fail;
            }
        }
        Py_DECREF(t);
        PyObject *n = PyLong_FromSsize_t(size);
        if (n == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, i, n);
    }
    return out;
fail:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "distinct(): unexpected set value");
    Py_DECREF(out);
    return NULL;
}

PyDoc_STRVAR(distinct_doc,
"distinct(table, pairs, now, widths, buckets, ones) -> list of tuples\n\n"
"For each (key, member) of ``pairs`` in order, the distinct members of the\n"
"key within each window (a tuple aligned with ``widths``, the bucket\n"
"widths), this member included, and records it. ``table`` is the store's\n"
"distinct-set dict; ``ones`` the all-one tuple.");

static PyObject *
distinct(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Frame f;
    double now, thr_now[MAX_WINDOWS], thr_late[MAX_WINDOWS];
    Py_ssize_t i, windows;
    if (read_frame("distinct", args, nargs, 6, &now, &f) < 0)
        return NULL;
    PyObject *table = args[0], *pairs = args[1], *ones = args[5];
    windows = f.windows;
    for (i = 0; i < windows; i++)
        thr_now[i] = since(now, f.widths[i], f.buckets);
    PyObject *seq = PySequence_Fast(pairs, "distinct(): pairs must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = PyList_New(m);
    if (out == NULL)
        goto fail;
    for (i = 0; i < m; i++) {
        PyObject *item = items[i], *got;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            PyErr_SetString(PyExc_TypeError, "distinct(): pairs must be (key, member) tuples");
            goto fail;
        }
        PyObject *key = PyTuple_GET_ITEM(item, 0), *member = PyTuple_GET_ITEM(item, 1);
        PyObject *d = PyDict_GetItemWithError(table, key);  /* borrowed */
        if (d == NULL) {
            if (PyErr_Occurred() || store(table, key, pair(now, member)) < 0)
                goto fail;
            Py_INCREF(ones);
            PyList_SET_ITEM(out, i, ones);
            continue;
        }
        int is_pair = PyTuple_CheckExact(d) && PyTuple_GET_SIZE(d) == 2;
        if (!is_pair && !(PyList_CheckExact(d) && PyList_GET_SIZE(d) > 0)) {
            PyErr_Format(PyExc_TypeError, "distinct(): unexpected set value %R", d);
            goto fail;
        }
        const double *thrs = thr_now;
        double te = PyFloat_AsDouble(is_pair ? PyTuple_GET_ITEM(d, 0) : PyList_GET_ITEM(d, 0));
        if (te == -1.0 && PyErr_Occurred())
            goto fail;
        if (te <= now) {
            te = now;
        }
        else {  /* out of order: read and record at the key's newest instant */
            Py_ssize_t j;
            for (j = 0; j < windows; j++)
                thr_late[j] = since(te, f.widths[j], f.buckets);
            thrs = thr_late;
        }
        Py_INCREF(d);  /* replacing the key's value may drop the table's reference */
        if (is_pair)
            got = distinct_pair(table, key, d, member, te, thrs, (int)windows, ones);
        else
            got = distinct_list(d, member, te, thrs, (int)windows);
        Py_DECREF(d);
        if (got == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, got);
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"count", (PyCFunction)(void (*)(void))count, METH_FASTCALL, count_doc},
    {"distinct", (PyCFunction)(void (*)(void))distinct, METH_FASTCALL, distinct_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "signupguard.velocity._compiled",
    .m_doc = "Compiled counters and distinct sets of the in-process velocity store (optional).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__compiled(void)
{
    if (PyType_Ready(&CounterType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&CounterType);
    if (PyModule_AddObject(m, "Counter", (PyObject *)&CounterType) < 0) {
        Py_DECREF(&CounterType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
