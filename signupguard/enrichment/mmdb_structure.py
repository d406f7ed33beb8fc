"""Is a MaxMind DB file safe to give the C reader? A whole-file structural check.

The C extension of ``maxminddb`` trusts the file's structure: a map key that
is not a string, a pointer outside the data section or a size past the end
crashes the process. ``problem`` walks the metadata, the search tree and every
record the tree points at, as the reader would, and says what is wrong before
the reader is given the file. ``geo`` calls it once per version of a file.
"""

from __future__ import annotations

import numpy as np
from maxminddb.decoder import Decoder

__all__ = ["Corrupt", "problem"]

_METADATA_MARKER = b"\xab\xcd\xefMaxMind.com"
_METADATA_MAX = 128 * 1024  # the marker is looked for in this many bytes at the end, as the readers do
_SIZE_BASES = (29, 285, 65821)  # added to a long size, by its width in bytes - 1
_STRING, _MAP, _ARRAY, _BOOLEAN = 2, 7, 11, 14
_MAX_NESTING = 64  # MaxMind's records nest four deep; libmaxminddb gives up at 512
_TREE_CHUNK = 1 << 20  # nodes decoded at a time: bounds the memory of checking a 4M-node City file


class Corrupt(ValueError):
    """A file the C reader must not be given."""


def _check_values(buf: bytes, start: int, end: int, roots: list[int]) -> None:
    """Check the values at ``roots`` and every value they point to, as the C reader will read them.

    Sizes and pointers stay inside the section [start, end), types are known,
    a pointer never leads to a pointer, and every map key is a string, inline
    or pointed to: maxminddb's C extension reads any key as a string, and one
    that is a number is read as an address. Each value is walked once, so
    the cost is one pass over the data the tree reaches.
    """
    seen = bytearray(end - start)
    todo: list[int] = []
    for root in roots:
        if not seen[root - start]:
            seen[root - start] = 1
            todo.append(root)
    while todo:
        offset = todo.pop()
        stack: list[tuple[int, bool]] = []
        left, in_map = 1, False  # items left in the innermost map or array; the root is one item
        while left:
            if offset >= end:
                raise Corrupt("a value runs past the end of its section")
            ctrl = buf[offset]
            kind = ctrl >> 5
            offset += 1
            is_key = in_map and not left & 1  # a map's items alternate key, value
            if kind == 1:  # pointer
                width = (ctrl >> 3) & 3
                stop = offset + width + 1
                if stop > end:
                    raise Corrupt("a pointer runs past the end of its section")
                # Spelt out: int.from_bytes on a slice costs two calls a pointer.
                if width == 0:
                    value = (ctrl & 7) << 8 | buf[offset]
                elif width == 1:
                    value = ((ctrl & 7) << 16 | buf[offset] << 8 | buf[offset + 1]) + 2048
                elif width == 2:
                    value = ((ctrl & 7) << 24 | buf[offset] << 16 | buf[offset + 1] << 8 | buf[offset + 2]) + 526336
                else:
                    value = buf[offset] << 24 | buf[offset + 1] << 16 | buf[offset + 2] << 8 | buf[offset + 3]
                offset, target = stop, start + value
                if target >= end or buf[target] >> 5 == 1:
                    raise Corrupt("a pointer leads out of its section or to another pointer")
                if is_key and buf[target] >> 5 != _STRING:
                    raise Corrupt("a map key is not a string")
                if not seen[value]:
                    seen[value] = 1
                    todo.append(target)
            else:
                if kind == 0:  # extended type, in the next byte
                    if offset >= end:
                        raise Corrupt("a value runs past the end of its section")
                    kind = 7 + buf[offset]
                    offset += 1
                    if kind not in (8, 9, 10, 11, 14, 15):
                        raise Corrupt(f"unknown data type {kind}")
                if is_key and kind != _STRING:
                    raise Corrupt("a map key is not a string")
                size = ctrl & 0x1F
                if size >= 29:
                    width = size - 28
                    if offset + width > end:
                        raise Corrupt("a value runs past the end of its section")
                    size = _SIZE_BASES[width - 1] + int.from_bytes(buf[offset:offset + width], "big")
                    offset += width
                if kind == _MAP or kind == _ARRAY:
                    if len(stack) >= _MAX_NESTING:
                        raise Corrupt("values nest too deep")
                    stack.append((left - 1, in_map))
                    left, in_map = (2 * size, True) if kind == _MAP else (size, False)
                    while not left and stack:  # an empty map or array ends at once
                        left, in_map = stack.pop()
                    continue
                if kind != _BOOLEAN:  # a boolean's size is its value
                    offset += size
                    if offset > end:
                        raise Corrupt("a value runs past the end of its section")
            left -= 1
            while not left and stack:
                left, in_map = stack.pop()


def _data_offsets(buf: bytes, node_count: int, record_size: int, data_size: int) -> np.ndarray:
    """The data-section offsets the search tree's records point to, each once (numpy: 4M nodes in ~0.3 s)."""
    width = record_size // 4  # bytes per node: two records
    used = np.zeros(data_size, dtype=bool)
    for first in range(0, node_count, _TREE_CHUNK):
        count = min(_TREE_CHUNK, node_count - first)
        nodes = np.frombuffer(buf, dtype=np.uint8, count=count * width, offset=first * width).reshape(count, width)
        b = [nodes[:, i].astype(np.uint32) for i in range(width)]
        if record_size == 32:
            left, right = b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3], b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7]
        elif record_size == 28:  # the middle byte holds the high bits of both records
            left = (b[3] & 0xF0) << 20 | b[0] << 16 | b[1] << 8 | b[2]
            right = (b[3] & 0x0F) << 24 | b[4] << 16 | b[5] << 8 | b[6]
        else:
            left, right = b[0] << 16 | b[1] << 8 | b[2], b[3] << 16 | b[4] << 8 | b[5]
        for records in (left, right):
            # node_count means "no data", less is a node, more is node_count + 16 + a data offset.
            data = records[records > node_count].astype(np.int64) - (node_count + 16)
            if data.size and (data.min() < 0 or data.max() >= data_size):
                raise Corrupt("the search tree points outside the data section")
            used[data] = True
    return np.flatnonzero(used)


def _check_structure(buf: bytes) -> None:
    """Raise ``Corrupt`` (or the decoder's error) unless the C reader can read every record of ``buf``."""
    marker = buf.rfind(_METADATA_MARKER, max(0, len(buf) - _METADATA_MAX))
    if marker < 0:
        raise Corrupt("no MaxMind DB metadata")
    start = marker + len(_METADATA_MARKER)
    if start >= len(buf) or buf[start] >> 5 != _MAP:
        raise Corrupt("the metadata is not a map")
    _check_values(buf, start, len(buf), [start])  # its pointers count from its start
    metadata = Decoder(buf, start).decode(start)[0]
    if not isinstance(metadata, dict):
        raise Corrupt("the metadata is not a map")
    node_count, record_size = metadata.get("node_count"), metadata.get("record_size")
    if (not isinstance(node_count, int) or not isinstance(record_size, int) or record_size not in (24, 28, 32)
            or metadata.get("ip_version") not in (4, 6)):
        raise Corrupt("the metadata has no valid node count, record size or IP version")
    data_start = node_count * record_size // 4 + 16  # the search tree, then 16 zero bytes
    if data_start > marker:
        raise Corrupt("the search tree is larger than the file")
    offsets = _data_offsets(buf, node_count, record_size, marker - data_start)
    _check_values(buf, data_start, marker, (offsets + data_start).tolist())


def problem(path: str, signature: tuple[int, ...] | None = None) -> str | None:
    """Why the C reader must not open ``path`` (None: it can); ``geo`` keeps the verdict per version of the file.

    The file is read, not mapped, so one truncated meanwhile gives an error, not SIGBUS.
    """
    try:
        with open(path, "rb") as handle:
            buf = handle.read()
        _check_structure(buf)
    except Exception as exc:  # a corrupt file makes the decoder raise several exception types
        return str(exc) or type(exc).__name__
    return None
