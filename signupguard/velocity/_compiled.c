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
 *
 * Both live in a Table, not a dict: a str -> object map with open addressing
 * whose slots hold the key's hash, so that count() and distinct() can look up
 * all of an event's keys at once. With millions of keys held (a week of
 * training traffic) nearly every lookup misses the CPU caches, and a dict
 * finds a key through four dependent loads (index, entry, key, value), one
 * miss after another. Here the slots of all the keys are prefetched first,
 * then their keys and values, so the misses of one event overlap.
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

/* -------------------------------------------------------------------- Table */

/* Open addressing with linear probing; a free slot has key NULL. Deletion
   shifts the following run back (no tombstones), so a lookup stops at the
   first free slot. The table grows past 85% full: a miss then walks some
   twenty slots, a few adjacent cache lines, which measured no slower than at
   two thirds (the misses that cost are the first line's), and a week of
   training's 3.5M distinct sets fit in 4M slots (100 MB) instead of 8M. */
typedef struct {
    Py_hash_t hash;
    PyObject *key;    /* an exact str */
    PyObject *value;
} Slot;

typedef struct {
    PyObject_HEAD
    Slot *slots;
    int bits;         /* 1 << bits slots */
    Py_ssize_t used;
} Table;

static PyTypeObject TableType;

#define MIN_BITS 3
#define PREFETCH(p) __builtin_prefetch((const void *)(p), 0, 3)

/* Fibonacci hashing spreads any str hash over the slots. */
static inline size_t
home(const Table *t, Py_hash_t h)
{
    return (size_t)(((uint64_t)h * 0x9E3779B97F4A7C15ULL) >> (64 - t->bits));
}

static inline size_t
mask(const Table *t)
{
    return ((size_t)1 << t->bits) - 1;
}

static int
same_str(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)n * PyUnicode_KIND(a)) == 0;
}

static int
check_key(PyObject *key, Py_hash_t *hash)
{
    if (!PyUnicode_CheckExact(key)) {
        PyErr_Format(PyExc_TypeError, "velocity table keys are str, not %.100s", Py_TYPE(key)->tp_name);
        return -1;
    }
    *hash = PyObject_Hash(key);
    return *hash == -1 ? -1 : 0;
}

/* The slot holding key, or the free slot where it would go. */
static Slot *
find(const Table *t, PyObject *key, Py_hash_t hash)
{
    size_t m = mask(t), i = home(t, hash);
    for (;;) {
        Slot *s = &t->slots[i];
        if (s->key == NULL || (s->hash == hash && same_str(s->key, key)))
            return s;
        i = (i + 1) & m;
    }
}

static int
grow(Table *t)
{
    Slot *old = t->slots;
    size_t n = (size_t)1 << t->bits, i;
    Slot *slots = PyMem_Calloc(2 * n, sizeof(Slot));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    t->slots = slots;
    t->bits += 1;
    for (i = 0; i < n; i++) {
        if (old[i].key != NULL) {
            size_t m = mask(t), j = home(t, old[i].hash);
            while (slots[j].key != NULL)
                j = (j + 1) & m;
            slots[j] = old[i];
        }
    }
    PyMem_Free(old);
    return 0;
}

/* The value of key (borrowed), or NULL with no error set when absent. */
static PyObject *
table_get(Table *t, PyObject *key, Py_hash_t hash)
{
    return find(t, key, hash)->value;
}

/* t[key] = value, taking over our reference to value; a NULL value (a failed
   allocation) passes its error on. */
static int
table_put(Table *t, PyObject *key, Py_hash_t hash, PyObject *value)
{
    if (value == NULL)
        return -1;
    Slot *s = find(t, key, hash);
    if (s->key != NULL) {
        PyObject *old = s->value;
        s->value = value;
        Py_DECREF(old);
        return 0;
    }
    if (20 * (t->used + 1) > 17 * ((Py_ssize_t)1 << t->bits)) {
        if (grow(t) < 0) {
            Py_DECREF(value);
            return -1;
        }
        s = find(t, key, hash);
    }
    Py_INCREF(key);
    s->hash = hash;
    s->key = key;
    s->value = value;
    t->used += 1;
    return 0;
}

/* Remove slot i's entry. The entries after it in its run that may live at i
   shift back, so no tombstone is needed: a lookup still stops at the first free slot. */
static void
remove_at(Table *t, size_t i)
{
    PyObject *k = t->slots[i].key, *v = t->slots[i].value;
    size_t m = mask(t), j = i;
    for (;;) {
        j = (j + 1) & m;
        if (t->slots[j].key == NULL)
            break;
        size_t h = home(t, t->slots[j].hash);
        int stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
        if (!stays) {
            t->slots[i] = t->slots[j];
            i = j;
        }
    }
    t->slots[i].key = NULL;
    t->slots[i].value = NULL;
    t->used -= 1;
    Py_DECREF(k);
    Py_DECREF(v);
}

static int
table_delete(Table *t, PyObject *key, Py_hash_t hash)
{
    Slot *s = find(t, key, hash);
    if (s->key == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        return -1;
    }
    remove_at(t, (size_t)(s - t->slots));
    return 0;
}

/* Prefetch what looking up these keys will touch: their slots first, then the
   keys and values found there, so the cache misses of a batch overlap. Hints
   only: the lookups that follow are ordinary ones. */
#define BATCH 64

static int
prefetch(Table *t, PyObject *const *keys, Py_ssize_t n, Py_hash_t *hashes, int deep)
{
    PyObject *values[BATCH];  /* n <= BATCH: the callers prefetch a batch at a time */
    Py_ssize_t i;
    size_t m = mask(t);
    for (i = 0; i < n; i++) {
        if (check_key(keys[i], &hashes[i]) < 0)
            return -1;
        PREFETCH(&t->slots[home(t, hashes[i])]);
    }
    for (i = 0; i < n; i++) {  /* find()'s walk, matching the hash alone: the key is not loaded yet */
        size_t j = home(t, hashes[i]);
        while (t->slots[j].key != NULL && t->slots[j].hash != hashes[i])
            j = (j + 1) & m;
        values[i] = t->slots[j].value;  /* NULL in a free slot */
        if (values[i] != NULL) {
            PREFETCH(t->slots[j].key);
            PREFETCH(values[i]);
        }
    }
    if (deep) {  /* a distinct set's value points further: its pair's items, or its list's */
        for (i = 0; i < n; i++) {
            PyObject *v = values[i];
            if (v == NULL)
                continue;
            if (PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == 2) {
                PREFETCH(PyTuple_GET_ITEM(v, 0));
                PREFETCH(PyTuple_GET_ITEM(v, 1));
            }
            else if (PyList_CheckExact(v)) {
                PREFETCH(((PyListObject *)v)->ob_item);
            }
        }
    }
    return 0;
}

static Table *
table_new_empty(PyTypeObject *type)
{
    Table *t = PyObject_New(Table, type);
    if (t == NULL)
        return NULL;
    t->bits = MIN_BITS;
    t->used = 0;
    t->slots = PyMem_Calloc((size_t)1 << MIN_BITS, sizeof(Slot));
    if (t->slots == NULL) {
        Py_DECREF(t);
        PyErr_NoMemory();
        return NULL;
    }
    return t;
}

static PyObject *
table_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Table() takes no arguments");
        return NULL;
    }
    return (PyObject *)table_new_empty(type);
}

static int
by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(PyObject *const *)a, y = (uintptr_t)*(PyObject *const *)b;
    return (x > y) - (x < y);
}

#define DIGIT_BITS 12

/* Sort m pointers by address, least significant digit first from bit 4 (allocations are
   16-byte aligned), through tmp; returns the buffer that holds the result. A digit every
   pointer shares (the high bits, mostly) costs only its count. qsort took 1.6 s for 12M. */
static PyObject **
sort_addresses(PyObject **a, PyObject **tmp, size_t m)
{
    size_t count[1 << DIGIT_BITS], i, d, sum;
    const uintptr_t mask = ((uintptr_t)1 << DIGIT_BITS) - 1;
    int shift;
    for (shift = 4; shift < (int)(8 * sizeof(uintptr_t)); shift += DIGIT_BITS) {
        memset(count, 0, sizeof count);
        for (i = 0; i < m; i++)
            count[((uintptr_t)a[i] >> shift) & mask]++;
        if (count[((uintptr_t)a[0] >> shift) & mask] == m)
            continue;
        for (d = 0, sum = 0; d <= mask; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (i = 0; i < m; i++)
            tmp[count[((uintptr_t)a[i] >> shift) & mask]++] = a[i];
        PyObject **swap = a;
        a = tmp;
        tmp = swap;
    }
    return a;
}

/* Below this many keys the slots' order costs nothing worth sorting for. */
#define SORTED_RELEASE_MIN 65536

static void
table_dealloc(Table *t)
{
    if (t->slots != NULL) {
        size_t n = (size_t)1 << t->bits, i, m = 0;
        /* Freed in slot (hash) order, each of millions of keys and values is a cache miss, and so
           is its allocator pool: 5.9M keys (training on 1M events) took 5 s, one core idle
           meanwhile. Their addresses, read from the slots alone, sorted, then released in address
           order, walk memory forwards. Without memory for the sort, slot order, as before. */
        size_t bytes = 2 * (size_t)t->used * sizeof(PyObject *);
        PyObject **objects = t->used >= SORTED_RELEASE_MIN ? PyMem_RawMalloc(bytes) : NULL;
        PyObject **spare = objects != NULL ? PyMem_RawMalloc(bytes) : NULL;
        if (objects != NULL) {
            for (i = 0; i < n; i++) {
                if (t->slots[i].key != NULL) {
                    objects[m++] = t->slots[i].key;
                    objects[m++] = t->slots[i].value;
                }
            }
            PyObject **sorted = objects;
            if (spare != NULL)
                sorted = sort_addresses(objects, spare, m);
            else
                qsort(objects, m, sizeof(PyObject *), by_address);
            for (i = 0; i < m; i++)
                Py_DECREF(sorted[i]);
            PyMem_RawFree(spare);
            PyMem_RawFree(objects);
        }
        else {
            for (i = 0; i < n; i++) {
                Py_XDECREF(t->slots[i].key);
                Py_XDECREF(t->slots[i].value);
            }
        }
        PyMem_Free(t->slots);
    }
    PyObject_Free(t);
}

static Py_ssize_t
table_length(Table *t)
{
    return t->used;
}

static PyObject *
table_subscript(Table *t, PyObject *key)
{
    Py_hash_t hash;
    if (check_key(key, &hash) < 0)
        return NULL;
    PyObject *v = table_get(t, key, hash);
    if (v == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    return Py_NewRef(v);
}

static int
table_ass_subscript(Table *t, PyObject *key, PyObject *value)
{
    Py_hash_t hash;
    if (check_key(key, &hash) < 0)
        return -1;
    if (value == NULL)
        return table_delete(t, key, hash);
    return table_put(t, key, hash, Py_NewRef(value));
}

static int
table_contains(Table *t, PyObject *key)
{
    Py_hash_t hash;
    if (!PyUnicode_CheckExact(key))
        return 0;
    if (check_key(key, &hash) < 0)
        return -1;
    return table_get(t, key, hash) != NULL;
}

static PyObject *
table_get_method(Table *t, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "get() takes a key and an optional default");
        return NULL;
    }
    PyObject *fallback = nargs == 2 ? args[1] : Py_None;
    if (!PyUnicode_CheckExact(args[0]))
        return Py_NewRef(fallback);
    Py_hash_t hash;
    if (check_key(args[0], &hash) < 0)
        return NULL;
    PyObject *v = table_get(t, args[0], hash);
    return Py_NewRef(v != NULL ? v : fallback);
}

static PyObject *
table_items(Table *t, PyObject *Py_UNUSED(ignored))
{
    PyObject *out = PyList_New(t->used);
    if (out == NULL)
        return NULL;
    size_t n = (size_t)1 << t->bits, i;
    Py_ssize_t k = 0;
    for (i = 0; i < n; i++) {
        Slot *s = &t->slots[i];
        if (s->key == NULL)
            continue;
        PyObject *p = PyTuple_Pack(2, s->key, s->value);
        if (p == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, k++, p);
    }
    return out;
}

/* The collector of memory.py in C: drop the entries `expired` says left every
   window (1; 0 for live ones, -1 with an error set) and return how many. Slot i
   is looked at again after a removal, which shifts the next entry of its run into it. */
typedef int (*Expired)(PyObject *value, const void *limit);

static Py_ssize_t
sweep(Table *t, Expired expired, const void *limit)
{
    size_t n = (size_t)1 << t->bits, i = 0;
    Py_ssize_t dropped = 0;
    while (i < n) {
        PyObject *v = t->slots[i].value;
        if (v != NULL) {
            int dead = expired(v, limit);
            if (dead < 0)
                return -1;
            if (dead) {
                remove_at(t, i);
                dropped++;
                continue;
            }
        }
        i++;
    }
    return dropped;
}

typedef struct {
    long long dead;  /* newest buckets up to this one have left */
    long big;        /* the window's index */
    double width;    /* its bucket width */
} CounterLimit;

static int
counter_expired(PyObject *v, const void *limit)
{
    const CounterLimit *c = limit;
    double newest;
    if (PyFloat_CheckExact(v))  /* a key seen once */
        newest = floor(PyFloat_AS_DOUBLE(v) / c->width);
    else if (Py_IS_TYPE(v, &CounterType) && c->big < ((Counter *)v)->windows)
        newest = (double)NEWEST((Counter *)v, c->big);
    else {
        PyErr_Format(PyExc_TypeError, "drop_counters(): unexpected counter value %R", v);
        return -1;
    }
    return newest <= (double)c->dead;
}

static int
set_expired(PyObject *v, const void *limit)
{
    PyObject *first = NULL;
    if (PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == 2)
        first = PyTuple_GET_ITEM(v, 0);
    else if (PyList_CheckExact(v) && PyList_GET_SIZE(v) > 0)
        first = PyList_GET_ITEM(v, 0);
    if (first == NULL || !PyFloat_CheckExact(first)) {
        PyErr_Format(PyExc_TypeError, "drop_sets(): unexpected set value %R", v);
        return -1;
    }
    return PyFloat_AS_DOUBLE(first) < *(const double *)limit;
}

static PyObject *
table_drop_counters(Table *t, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "drop_counters() takes (dead_bucket, window, width)");
        return NULL;
    }
    CounterLimit limit = {PyLong_AsLongLong(args[0]), PyLong_AsLong(args[1]), PyFloat_AsDouble(args[2])};
    if (PyErr_Occurred())
        return NULL;
    if (!(limit.width > 0) || limit.big < 0) {
        PyErr_SetString(PyExc_ValueError, "drop_counters(): a window index and a positive width");
        return NULL;
    }
    Py_ssize_t dropped = sweep(t, counter_expired, &limit);
    return dropped < 0 ? NULL : PyLong_FromSsize_t(dropped);
}

static PyObject *
table_drop_sets(Table *t, PyObject *arg)
{
    double since = PyFloat_AsDouble(arg);
    if (since == -1.0 && PyErr_Occurred())
        return NULL;
    Py_ssize_t dropped = sweep(t, set_expired, &since);
    return dropped < 0 ? NULL : PyLong_FromSsize_t(dropped);
}

static PyMethodDef table_methods[] = {
    {"get", (PyCFunction)(void (*)(void))table_get_method, METH_FASTCALL, "get(key, default=None)"},
    {"items", (PyCFunction)table_items, METH_NOARGS, "items() -> a list of (key, value) pairs, in no order"},
    {"drop_counters", (PyCFunction)(void (*)(void))table_drop_counters, METH_FASTCALL,
     "drop_counters(dead_bucket, window, width) -> how many counter keys were dropped:\n"
     "those whose newest bucket of window index `window` (bucket width `width`) is at most dead_bucket."},
    {"drop_sets", (PyCFunction)table_drop_sets, METH_O,
     "drop_sets(since) -> how many distinct sets were dropped: those last recorded before since."},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods table_as_mapping = {
    .mp_length = (lenfunc)table_length,
    .mp_subscript = (binaryfunc)table_subscript,
    .mp_ass_subscript = (objobjargproc)table_ass_subscript,
};

static PySequenceMethods table_as_sequence = {
    .sq_contains = (objobjproc)table_contains,
};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "signupguard.velocity._compiled.Table",
    .tp_basicsize = sizeof(Table),
    .tp_dealloc = (destructor)table_dealloc,
    /* Not tracked by the cycle collector: the store's values (floats, counters,
       tuples and lists of str, float and dict) never refer back to a table. */
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Table() -> a str -> object map for count() and distinct(): get, items, len, [], del, in.",
    .tp_new = table_tp_new,
    .tp_methods = table_methods,
    .tp_as_mapping = &table_as_mapping,
    .tp_as_sequence = &table_as_sequence,
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

static int make_frame(const char *name, double now, PyObject *widths, PyObject *buckets_arg, PyObject *filler,
                      Frame *f);

/* The arguments count() and distinct() share: (table, keys, now, widths, buckets, ..., filler). */
static int
read_frame(const char *name, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t expected, double *now, Frame *f)
{
    if (nargs != expected) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments", name, expected);
        return -1;
    }
    PyObject *table = args[0], *widths = args[3], *filler = args[nargs - 1];
    if (!Py_IS_TYPE(table, &TableType) || !PyTuple_CheckExact(widths) || !PyTuple_CheckExact(filler)) {
        PyErr_Format(PyExc_TypeError, "%s() needs a Table, a tuple of widths and a tuple to fill empty readings", name);
        return -1;
    }
    *now = PyFloat_AsDouble(args[2]);
    if (*now == -1.0 && PyErr_Occurred())
        return -1;
    return make_frame(name, *now, widths, args[4], filler, f);
}

/* The frame of ``now`` in windows of these bucket widths; ``filler`` is the tuple of an empty reading. */
static int
make_frame(const char *name, double now, PyObject *widths, PyObject *buckets_arg, PyObject *filler, Frame *f)
{
    if (!isfinite(now)) {
        PyErr_SetString(PyExc_ValueError, "velocity instant must be finite");
        return -1;
    }
    long buckets = PyLong_AsLong(buckets_arg);
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
        if (bucket(now, f->widths[i], &f->curs[i]) < 0)
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

/* A reading, as a tuple (count, distinct) or, given ``dest`` (observe_into), written there: then
   None stands for success. */
static PyObject *
emit(const int64_t *values, int n, PyObject *zeros, int64_t *dest)
{
    if (dest == NULL)
        return reading(values, n, zeros);
    memcpy(dest, values, sizeof(int64_t) * (size_t)n);
    Py_RETURN_NONE;
}

/* A key seen once, at `first`: what it reads now, and (when recording) its new value. */
static PyObject *
from_instant(const Frame *f, Table *table, PyObject *key, Py_hash_t hash, double first, double now, int record,
             PyObject *zeros, int64_t *dest)
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
        if (table_put(table, key, hash, value) < 0)
            return NULL;
    }
    return emit(read, f->windows, zeros, dest);
}

/* A key with live buckets: what it reads now, recording one more when asked. */
static PyObject *
from_counter(const Frame *f, Table *table, PyObject *key, Py_hash_t hash, Counter *c, double now, int record,
             PyObject *zeros, int64_t *dest)
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
        if (table_put(table, key, hash, PyFloat_FromDouble(now)) < 0)
            return NULL;
    }
    return emit(read, f->windows, zeros, dest);
}

PyDoc_STRVAR(count_doc,
"count(table, keys, now, widths, buckets, record, zeros) -> list of tuples\n\n"
"For each key of ``keys`` in order, its events within each window before\n"
"``now`` (a tuple aligned with ``widths``, the bucket widths); when\n"
"``record`` is true the event is then counted. ``table`` is the store's\n"
"counter Table; ``zeros`` the all-zero tuple returned for an empty reading.");

/* Where observe_into() writes: an int64 row and, for each key, the offset of its reading in it. */
typedef struct {
    int64_t *base;
    Py_ssize_t len;
    Py_ssize_t *at;  /* the places, read and checked once before anything is recorded */
    Py_ssize_t n;
} Into;

static int
into_check(const Into *into, Py_ssize_t keys)
{
    if (into->n != keys) {
        PyErr_SetString(PyExc_ValueError, "observe_into(): one place is needed for each key");
        return -1;
    }
    return 0;
}

/* The place of key i's reading: checked against the row by into_read, and i < n by into_check
   at the start of each core. C memory: a place list that a member's __eq__ or __hash__ empties
   meanwhile is never read again. */
static int64_t *
into_at(const Into *into, Py_ssize_t i)
{
    return into->base + into->at[i];
}

/* Read the places once into C memory, checking each against the row. A tuple copy: converting
   a place (a NumPy integer's __index__) may run Python code, which cannot shrink it. */
static int
into_read(Into *into, PyObject *places, int windows)
{
    PyObject *seq = PySequence_Tuple(places);
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(seq), i;
    into->at = PyMem_New(Py_ssize_t, n > 0 ? n : 1);
    if (into->at == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < n; i++) {
        Py_ssize_t pos = PyNumber_AsSsize_t(PyTuple_GET_ITEM(seq, i), PyExc_IndexError);
        if (pos == -1 && PyErr_Occurred())
            break;
        if (pos < 0 || pos > into->len - windows) {
            PyErr_SetString(PyExc_IndexError, "observe_into(): a reading's place is outside the row");
            break;
        }
        into->at[i] = pos;
    }
    into->n = n;
    Py_DECREF(seq);
    return i < n ? -1 : 0;
}

static void
fill(int64_t *dest, int n, int64_t value)
{
    int i;
    for (i = 0; i < n; i++)
        dest[i] = value;
}

/* count()'s work: a list of readings, or with ``into`` the readings written there (then None). */
static PyObject *
count_core(const Frame *f, Table *table, PyObject *keys, double now, int record, PyObject *zeros, const Into *into)
{
    Py_ssize_t i;
    PyObject *seq = PySequence_Fast(keys, "count(): keys must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *out = NULL;
    Py_hash_t hashes[BATCH];
    if (into != NULL ? into_check(into, m) < 0 : (out = PyList_New(m)) == NULL)
        goto fail;
    for (i = 0; i < m; i++) {
        if (i % BATCH == 0 && prefetch(table, items + i, m - i < BATCH ? m - i : BATCH, hashes, 0) < 0)
            goto fail;
        PyObject *key = items[i], *value, *got;
        Py_hash_t hash = hashes[i % BATCH];
        int64_t *dest = into != NULL ? into_at(into, i) : NULL;
        value = table_get(table, key, hash);  /* borrowed */
        if (value == NULL) {
            if (record && table_put(table, key, hash, PyFloat_FromDouble(now)) < 0)
                goto fail;
            if (dest != NULL)
                fill(dest, f->windows, 0);
            got = dest != NULL ? Py_None : zeros;
            Py_INCREF(got);
        }
        else if (PyFloat_CheckExact(value)) {
            got = from_instant(f, table, key, hash, PyFloat_AS_DOUBLE(value), now, record, zeros, dest);
        }
        else if (Py_IS_TYPE(value, &CounterType)) {
            Counter *c = (Counter *)value;
            if (c->windows != f->windows || c->buckets != f->buckets) {
                PyErr_SetString(PyExc_ValueError, "count(): a counter of other windows");
                goto fail;
            }
            Py_INCREF(c);  /* setting the key below may drop the table's reference */
            got = from_counter(f, table, key, hash, c, now, record, zeros, dest);
            Py_DECREF(c);
        }
        else {
            PyErr_Format(PyExc_TypeError, "count(): unexpected counter value %R", value);
            goto fail;
        }
        if (got == NULL)
            goto fail;
        if (out != NULL)
            PyList_SET_ITEM(out, i, got);
        else
            Py_DECREF(got);
    }
    Py_DECREF(seq);
    if (out == NULL)
        Py_RETURN_NONE;
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
count(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Frame f;
    double now;
    if (read_frame("count", args, nargs, 7, &now, &f) < 0)
        return NULL;
    int record = PyObject_IsTrue(args[5]);
    if (record < 0)
        return NULL;
    return count_core(&f, (Table *)args[0], args[1], now, record, args[6], NULL);
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
distinct_pair(Table *table, PyObject *key, Py_hash_t hash, PyObject *d, PyObject *member, double te, const double *thrs,
              int windows, PyObject *ones, int64_t *dest)
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
        if (table_put(table, key, hash, pair(te, same ? m1 : member)) < 0)
            return NULL;
        if (dest != NULL) {
            fill(dest, windows, 1);
            Py_RETURN_NONE;
        }
        Py_INCREF(ones);
        return ones;
    }
    PyObject *entry = PyList_New(1 + 2 * windows);
    PyObject *out = dest != NULL ? NULL : PyTuple_New(windows);
    if (entry == NULL || (dest == NULL && out == NULL))
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
        if (dest != NULL) {
            dest[i] = PyDict_GET_SIZE(members);
            continue;
        }
        n = PyLong_FromSsize_t(PyDict_GET_SIZE(members));
        if (n == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, i, n);
    }
    if (table_put(table, key, hash, entry) < 0) {  /* takes over entry */
        entry = NULL;
        goto fail;
    }
    if (out == NULL)
        Py_RETURN_NONE;
    return out;
fail:
    Py_XDECREF(entry);
    Py_XDECREF(out);
    return NULL;
}

/* A set with members in a window: updated in place (memory.py explains why). */
static PyObject *
distinct_list(PyObject *d, PyObject *member, double te, const double *thrs, int windows, int64_t *dest)
{
    int i;
    if (PyList_GET_SIZE(d) != 1 + 2 * windows) {
        PyErr_SetString(PyExc_ValueError, "distinct(): a set of other windows");
        return NULL;
    }
    if (set_float(d, 0, te) < 0)
        return NULL;
    PyObject *out = NULL;
    if (dest == NULL && (out = PyTuple_New(windows)) == NULL)
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
        if (dest != NULL) {
            dest[i] = size;
            continue;
        }
        PyObject *n = PyLong_FromSsize_t(size);
        if (n == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, i, n);
    }
    if (out == NULL)
        Py_RETURN_NONE;
    return out;
fail:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "distinct(): unexpected set value");
    Py_XDECREF(out);
    return NULL;
}

PyDoc_STRVAR(distinct_doc,
"distinct(table, pairs, now, widths, buckets, ones) -> list of tuples\n\n"
"For each (key, member) of ``pairs`` in order, the distinct members of the\n"
"key within each window (a tuple aligned with ``widths``, the bucket\n"
"widths), this member included, and records it. ``table`` is the store's\n"
"distinct-set Table; ``ones`` the all-one tuple.");

/* distinct()'s work: a list of readings, or with ``into`` the readings written there (then None). */
static PyObject *
distinct_core(const Frame *f, Table *table, PyObject *pairs, double now, PyObject *ones, const Into *into)
{
    double thr_now[MAX_WINDOWS], thr_late[MAX_WINDOWS];
    Py_ssize_t i, windows = f->windows;
    for (i = 0; i < windows; i++)
        thr_now[i] = since(now, f->widths[i], f->buckets);
    /* A tuple (a list is copied): comparing and hashing members may run Python code, which
       could change a list of pairs while its items are read. */
    PyObject *seq = PySequence_Check(pairs) ? PySequence_Tuple(pairs) : NULL;
    if (seq == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "distinct(): pairs must be a sequence");
        return NULL;
    }
    Py_ssize_t m = PyTuple_GET_SIZE(seq);
    PyObject **items = &PyTuple_GET_ITEM(seq, 0);
    PyObject *out = NULL;
    PyObject *keys[BATCH];
    Py_hash_t hashes[BATCH];
    if (into != NULL ? into_check(into, m) < 0 : (out = PyList_New(m)) == NULL)
        goto fail;
    for (i = 0; i < m; i++) {
        if (i % BATCH == 0) {
            Py_ssize_t n = m - i < BATCH ? m - i : BATCH, k;
            for (k = 0; k < n; k++) {
                PyObject *item = items[i + k];
                if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
                    PyErr_SetString(PyExc_TypeError, "distinct(): pairs must be (key, member) tuples");
                    goto fail;
                }
                keys[k] = PyTuple_GET_ITEM(item, 0);
            }
            if (prefetch(table, keys, n, hashes, 1) < 0)
                goto fail;
        }
        PyObject *item = items[i], *got;
        PyObject *key = PyTuple_GET_ITEM(item, 0), *member = PyTuple_GET_ITEM(item, 1);
        Py_hash_t hash = hashes[i % BATCH];
        int64_t *dest = into != NULL ? into_at(into, i) : NULL;
        PyObject *d = table_get(table, key, hash);  /* borrowed */
        if (d == NULL) {
            if (table_put(table, key, hash, pair(now, member)) < 0)
                goto fail;
            if (dest != NULL) {
                fill(dest, (int)windows, 1);
                continue;
            }
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
                thr_late[j] = since(te, f->widths[j], f->buckets);
            thrs = thr_late;
        }
        Py_INCREF(d);  /* replacing the key's value may drop the table's reference */
        if (is_pair)
            got = distinct_pair(table, key, hash, d, member, te, thrs, (int)windows, ones, dest);
        else
            got = distinct_list(d, member, te, thrs, (int)windows, dest);
        Py_DECREF(d);
        if (got == NULL)
            goto fail;
        if (out != NULL)
            PyList_SET_ITEM(out, i, got);
        else
            Py_DECREF(got);
    }
    Py_DECREF(seq);
    if (out == NULL)
        Py_RETURN_NONE;
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

static PyObject *
distinct(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Frame f;
    double now;
    if (read_frame("distinct", args, nargs, 6, &now, &f) < 0)
        return NULL;
    return distinct_core(&f, (Table *)args[0], args[1], now, args[5], NULL);
}

/* --------------------------------------------------------------- observe_into */

PyDoc_STRVAR(observe_into_doc,
"observe_into(counters, sets, now, widths, distinct_widths, buckets, zeros, ones,\n"
"             record, record_at, pairs, pairs_at, peek, peek_at, row) -> None\n\n"
"One event's count(record=True), distinct() and count(record=False), in that\n"
"order, with each reading written into ``row`` (a writable buffer of int64,\n"
"a NumPy row) at the offset ``*_at`` gives for its key, instead of returned\n"
"as tuples. Offline training reads some thirty keys an event: building the\n"
"tuples and copying them into a row cost more than the reading itself.");

static PyObject *
observe_into(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 15) {
        PyErr_SetString(PyExc_TypeError, "observe_into() takes 15 arguments");
        return NULL;
    }
    PyObject *ctable = args[0], *dtable = args[1];
    if (!Py_IS_TYPE(ctable, &TableType) || !Py_IS_TYPE(dtable, &TableType) || !PyTuple_CheckExact(args[3])
        || !PyTuple_CheckExact(args[4]) || !PyTuple_CheckExact(args[6]) || !PyTuple_CheckExact(args[7])) {
        PyErr_SetString(PyExc_TypeError, "observe_into() needs two Tables, tuples of widths and the filler tuples");
        return NULL;
    }
    double now = PyFloat_AsDouble(args[2]);
    if (now == -1.0 && PyErr_Occurred())
        return NULL;
    Frame fc, fd;
    if (make_frame("observe_into", now, args[3], args[5], args[6], &fc) < 0
        || make_frame("observe_into", now, args[4], args[5], args[7], &fd) < 0)
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[14], &view, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    PyObject *result = NULL, *got = NULL;
    Into into[3] = {{NULL, 0, NULL, 0}, {NULL, 0, NULL, 0}, {NULL, 0, NULL, 0}};
    /* Native int64 only: a byte-swapped row would read back as other numbers. */
    const char *format = view.format ? view.format : "B";
    if (*format == '@' || *format == '=' || *format == (PY_LITTLE_ENDIAN ? '<' : '>'))
        format++;
    if (view.itemsize != sizeof(int64_t) || (strcmp(format, "l") != 0 && strcmp(format, "q") != 0)) {
        PyErr_SetString(PyExc_TypeError, "observe_into(): the row must hold int64");
        goto done;
    }
    int k;
    int widths[3] = {fc.windows, fd.windows, fc.windows};
    /* Every place read and checked before anything is recorded: a refused row leaves the store as it was. */
    for (k = 0; k < 3; k++) {
        into[k].base = (int64_t *)view.buf;
        into[k].len = view.len / (Py_ssize_t)sizeof(int64_t);
        if (into_read(&into[k], args[9 + 2 * k], widths[k]) < 0)
            goto done;
        Py_ssize_t keys = PySequence_Size(args[8 + 2 * k]);
        if (keys < 0 || into_check(&into[k], keys) < 0)
            goto done;
    }
    if ((got = count_core(&fc, (Table *)ctable, args[8], now, 1, args[6], &into[0])) == NULL)
        goto done;
    Py_DECREF(got);
    if ((got = distinct_core(&fd, (Table *)dtable, args[10], now, args[7], &into[1])) == NULL)
        goto done;
    Py_DECREF(got);
    if ((got = count_core(&fc, (Table *)ctable, args[12], now, 0, args[6], &into[2])) == NULL)
        goto done;
    Py_DECREF(got);
    result = Py_None;
    Py_INCREF(result);
done:
    for (k = 0; k < 3; k++)
        PyMem_Free(into[k].at);
    PyBuffer_Release(&view);
    return result;
}

static PyMethodDef module_methods[] = {
    {"count", (PyCFunction)(void (*)(void))count, METH_FASTCALL, count_doc},
    {"distinct", (PyCFunction)(void (*)(void))distinct, METH_FASTCALL, distinct_doc},
    {"observe_into", (PyCFunction)(void (*)(void))observe_into, METH_FASTCALL, observe_into_doc},
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
    if (PyType_Ready(&CounterType) < 0 || PyType_Ready(&TableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Counter", (PyObject *)&CounterType) < 0
        || PyModule_AddObjectRef(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
