"""Validates documents against a JSON Schema with python-jsonschema, the way pipelines do.

Usage: validate_schema.py SCHEMA DOCUMENT...   (documents in YAML or JSON)

Prints one JSON object per line: first {"jsonschema": version}, then per document
{"document": path, "errors": [...]}. Exits 2 when the schema itself is refused: by the
metaschema, or because one of its patterns is not a regular expression Python can compile
(validation applies every pattern with re.search).
"""
import json
import re
import sys
from importlib.metadata import version

import jsonschema
import yaml
from jsonschema import Draft202012Validator


def patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from patterns(value)


def main():
    print(json.dumps({"jsonschema": version("jsonschema")}))
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
        for p in patterns(schema):
            re.compile(p)
    except (jsonschema.SchemaError, re.error) as e:
        print(json.dumps({"schema": sys.argv[1], "error": str(e)[:500]}))
        return 2
    validator = Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
        errors = ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300]
                  for e in validator.iter_errors(document)]
        print(json.dumps({"document": path, "errors": errors}))
    return 0


sys.exit(main())
