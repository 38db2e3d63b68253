#!/usr/bin/env python3
"""Validate JSON documents (one per line on stdin) against a schema in Schemas/.

Usage: validate_json.py SCHEMA_FILE_NAME   e.g.  lienthong feed | scripts/validate_json.py feed-event.schema.json
Cross-file $refs resolve against the other files in Schemas/. Exit 1 and print every error if any line fails.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

schemas = pathlib.Path(__file__).resolve().parent.parent / "Schemas"
resources = []
for path in sorted(schemas.glob("*.json")):
    document = json.loads(path.read_text(encoding="utf-8"))
    if "$schema" not in document:  # openapi.json is an OpenAPI document, not a JSON Schema
        continue
    resource = Resource.from_contents(document)
    resources.append((document["$id"], resource))
    resources.append((path.name, resource))
registry = Registry().with_resources(resources)
schema = json.loads((schemas / sys.argv[1]).read_text(encoding="utf-8"))
validator = Draft202012Validator(schema, registry=registry)

failures = 0
count = 0
for number, line in enumerate(sys.stdin, start=1):
    if not line.strip():
        continue
    count += 1
    for error in validator.iter_errors(json.loads(line)):
        failures += 1
        pointer = "/" + "/".join(str(p) for p in error.absolute_path)
        print(f"line {number}: {pointer}: {error.message}", file=sys.stderr)
print(f"{count} documents, {failures} errors")
sys.exit(1 if failures or count == 0 else 0)
