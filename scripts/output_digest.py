#!/usr/bin/env python3
"""Recompute a TwinLab run file's output digest without TwinLab (docs/run-file-format.md).

Usage: python scripts/output_digest.py RUN.h5 [...]
Prints one line per file: the SHA-256 of its content, the path, and `ok` when it equals the
stored `output_digest`, `MISMATCH` when it does not, `no-digest` when the file stores none.
Exits 1 when any file mismatches. Needs h5py and numpy (the project's .venv has them).
"""
import hashlib
import struct
import sys

import h5py
import numpy as np


def output_digest(path):
    """The SHA-256 (hex) of the file's content, and the stored output_digest (or None)."""
    sha = hashlib.sha256()

    def item(data):
        sha.update(struct.pack("<Q", len(data)))
        sha.update(data)

    def strings(values):
        item(b"".join(struct.pack("<Q", len(v.encode())) + v.encode() for v in values))

    def text(value):
        return value.decode() if isinstance(value, bytes) else str(value)

    def attribute(value, dtype, shape):
        is_array = shape is None or len(shape) > 0  # None: an empty array (null dataspace)
        if h5py.check_string_dtype(dtype) is not None or dtype.kind in "OSU":
            if is_array:
                item(b"string[]")
                strings([] if shape is None else [text(v) for v in np.ravel(value)])
            else:
                item(b"string")
                item(text(value).encode())
        else:
            kind = "float64" if dtype.kind == "f" else "int64"
            item((kind + ("[]" if is_array else "")).encode())
            item(b"" if shape is None else np.asarray(value, dtype="<f8" if kind == "float64" else "<i8").tobytes())

    with h5py.File(path, "r", swmr=True) as f:
        paths = ["/"]
        f.visit(lambda name: paths.append("/" + name))
        for p in sorted(paths, key=lambda s: s.encode()):
            obj = f[p]
            is_dataset = isinstance(obj, h5py.Dataset)
            item(f"{'dataset' if is_dataset else 'group'} {p}".encode())
            for name in sorted(obj.attrs, key=lambda s: s.encode()):
                if p == "/" and name == "output_digest":
                    continue
                item(f"attribute {name}".encode())
                aid = obj.attrs.get_id(name)
                attribute(obj.attrs[name], aid.dtype, aid.shape)
            if is_dataset:
                if h5py.check_string_dtype(obj.dtype) is not None:
                    item(b"string")
                    item(np.asarray(obj.shape, dtype="<i8").tobytes())
                    strings([text(v) for v in np.ravel(obj.asstr()[...])])
                else:
                    kind = "float64" if obj.dtype.kind == "f" else "int64"
                    item(kind.encode())
                    item(np.asarray(obj.shape, dtype="<i8").tobytes())
                    item(np.asarray(obj[...], dtype="<f8" if kind == "float64" else "<i8").tobytes())
        stored = f.attrs.get("output_digest")
    return sha.hexdigest(), (text(stored) if stored is not None else None)


def main(paths):
    failed = False
    for path in paths:
        computed, stored = output_digest(path)
        verdict = "no-digest" if stored is None else ("ok" if stored == computed else "MISMATCH")
        failed |= verdict == "MISMATCH"
        print(computed, path, verdict)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
