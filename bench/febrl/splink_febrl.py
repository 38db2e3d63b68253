"""Splink 5 (DuckDB) on a FEBRL set, the reference bench/febrl.sh compares LienThong with.

Usage: splink_febrl.py dedupe|link OUT.csv FILE...   (dedupe: one file; link: two)
Writes `source,source_record_key,cluster_id` for every record and prints `splink seconds S` (after imports).

The settings follow Splink's own FEBRL examples: a name comparison for each name part, date of birth, Damerau-
Levenshtein on the social security number, street number, postcode, street and suburb; term-frequency adjustments
on names, street number and postcode; λ from deterministic rules, u from 1e6 random pairs, m by EM on two blockings;
clusters at match probability 0.95, LienThong's auto-link threshold.
"""
import csv
import os
import sys
import time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

mode, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
started = time.time()
db = DuckDBAPI()
frames = []
for path in files:
    name = os.path.splitext(os.path.basename(path))[0]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    frames.append(db.register(frame, dataset_display_name=name))
settings = SettingsCreator(
    unique_id_column_name="rec_id",
    link_type="dedupe_only" if mode == "dedupe" else "link_only",
    blocking_rules_to_generate_predictions=[
        block_on("given_name", "surname"),
        block_on("date_of_birth"),
        block_on("soc_sec_id"),
        block_on("street_number", "postcode"),
        block_on("surname", "postcode"),
    ],
    comparisons=[
        cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("surname").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
        cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
        cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
        cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
        cl.JaroWinklerAtThresholds("suburb", [0.9, 0.7]),
    ],
    retain_intermediate_calculation_columns=False,
)
linker = Linker(frames if len(frames) > 1 else frames[0], settings, log_level=None)
linker.training.estimate_probability_two_random_records_match([block_on("date_of_birth", "soc_sec_id")], recall=0.8)
linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
linker.training.estimate_parameters_using_expectation_maximisation(block_on("surname", "given_name"))
predictions = linker.inference.predict(threshold_match_probability=0.5)
clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.95).as_pandas_dataframe()
elapsed = time.time() - started
with open(out, "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["source", "source_record_key", "cluster_id"])
    for row in clusters.itertuples():
        writer.writerow([getattr(row, "source_dataset", None) or "febrl", row.rec_id, row.cluster_id])
print(f"splink seconds {elapsed:.2f}")
