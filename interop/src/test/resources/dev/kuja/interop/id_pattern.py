"""Applies the model schema's id pattern with Python's re.search, as python-jsonschema does,
to every code point alone and after an "a"; prints the accepted code points as ranges.

Usage: id_pattern.py SCHEMA
Prints {"first": [[lo, hi], ...], "rest": [[lo, hi], ...]}.
"""
import json
import re
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    pattern = re.compile(json.load(f)["$defs"]["id"]["pattern"])


def ranges(accepted):
    out = []
    for c in range(0x110000):
        if accepted(chr(c)):
            if out and out[-1][1] == c - 1:
                out[-1][1] = c
            else:
                out.append([c, c])
    return out


json.dump({"first": ranges(lambda s: pattern.search(s) is not None),
           "rest": ranges(lambda s: pattern.search("a" + s) is not None)}, sys.stdout)
