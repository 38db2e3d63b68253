"""Pairwise precision, recall and F1 of a clustering of FEBRL records against their true identities.

Input: CSV `source,source_record_key,cluster_id` (LienThong's `export clusters`; the Splink script writes the same).
The truth is in the record ids: `rec-N-org` and `rec-N-dup-K` are the same person N. With `--link` only pairs across
two sources count (FEBRL4 is a link task: each of its files holds one record per person).
Usage: score.py CLUSTERS.csv RECORDS [--link]    (RECORDS: how many records the data set has; every one must appear)
Prints one line: `precision P recall R f1 F predicted N true T`.
"""
import collections
import csv
import itertools
import re
import sys

path, expected, link = sys.argv[1], int(sys.argv[2]), "--link" in sys.argv[3:]
members = collections.defaultdict(list)
people = collections.defaultdict(list)
seen = set()
with open(path, encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        record = (row["source"], row["source_record_key"])
        if record in seen:
            sys.exit(f"score: {record} appears twice")
        seen.add(record)
        members[row["cluster_id"]].append(record)
        people[re.match(r"rec-(\d+)-", row["source_record_key"]).group(1)].append(record)
if len(seen) != expected:
    sys.exit(f"score: {len(seen)} records in {path}, expected {expected}")


def pairs(groups):
    found = set()
    for group in groups:
        for a, b in itertools.combinations(sorted(group), 2):
            if not link or a[0] != b[0]:
                found.add((a, b))
    return found


predicted, true = pairs(members.values()), pairs(people.values())
hits = len(predicted & true)
precision = hits / len(predicted) if predicted else 0.0
recall = hits / len(true)
f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
print(f"precision {precision:.4f} recall {recall:.4f} f1 {f1:.4f} predicted {len(predicted)} true {len(true)}")
