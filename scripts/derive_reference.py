#!/usr/bin/env python3
"""Derive LienThong's reference tables (Mappings/reference/*.csv) from the PyPI package `vietnam-provinces`.

The package carries the statistics office's official lists: the 34 provinces and 3,321 communes in force since
1 July 2025, the pre-2025 63-province / district / commune layout, and the old→new commune conversion. Its code is
GPL; we read only its *data* (government lists) and write our own CSV tables.

The newest wheel requires Python 3.12, so it is fetched with `pip download --python-version 3.12` and its data
files are read directly: JSON files with `json`, the generated `.py` lookup tables with `ast` (never imported).

Usage:
    python3 scripts/derive_reference.py [--out Mappings/reference] [--wheel-dir DIR]

`--wheel-dir` reuses an already unpacked wheel (a directory holding `vietnam_provinces/`) instead of downloading.
Output is deterministic: rows sorted by code, UTF-8 NFC, LF line ends, a header row. Counts are checked and the
script exits non-zero when they do not hold.
"""

import argparse
import ast
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PACKAGE = "vietnam-provinces"
VERSION = "2026.9.0"

EXPECTED_PROVINCES_2025 = 34
EXPECTED_COMMUNES_2025 = 3321
EXPECTED_PROVINCES_PRE2025 = 63

# Land-use codes on cadastral maps, hand-entered from Circular 25/2014/TT-BTNMT (see DOMAIN.md §3).
LAND_USE_CODES = [
    ("BHK", "Đất bằng trồng cây hàng năm khác"),
    ("CLN", "Đất trồng cây lâu năm"),
    ("COC", "Đất trồng cỏ dùng vào chăn nuôi"),
    ("HNK", "Đất trồng cây hàng năm khác"),
    ("LMU", "Đất làm muối"),
    ("LNC", "Đất trồng cây công nghiệp lâu năm"),
    ("LNK", "Đất trồng cây lâu năm khác"),
    ("LNQ", "Đất trồng cây ăn quả lâu năm"),
    ("LUC", "Đất chuyên trồng lúa nước"),
    ("LUK", "Đất trồng lúa nước còn lại"),
    ("LUN", "Đất trồng lúa nương"),
    ("NHK", "Đất nương rẫy trồng cây hàng năm khác"),
    ("NKH", "Đất nông nghiệp khác"),
    ("ODT", "Đất ở tại đô thị"),
    ("ONT", "Đất ở tại nông thôn"),
    ("RDD", "Đất rừng đặc dụng"),
    ("RDK", "Đất khoanh nuôi phục hồi rừng đặc dụng"),
    ("RDM", "Đất trồng rừng đặc dụng"),
    ("RDN", "Đất có rừng tự nhiên đặc dụng"),
    ("RDT", "Đất có rừng trồng đặc dụng"),
    ("RPH", "Đất rừng phòng hộ"),
    ("RPK", "Đất khoanh nuôi phục hồi rừng phòng hộ"),
    ("RPM", "Đất trồng rừng phòng hộ"),
    ("RPN", "Đất có rừng tự nhiên phòng hộ"),
    ("RPT", "Đất có rừng trồng phòng hộ"),
    ("RSK", "Đất khoanh nuôi phục hồi rừng sản xuất"),
    ("RSM", "Đất trồng rừng sản xuất"),
    ("RSN", "Đất có rừng tự nhiên sản xuất"),
    ("RST", "Đất có rừng trồng sản xuất"),
    ("RSX", "Đất rừng sản xuất"),
    ("TSL", "Đất nuôi trồng thủy sản nước lợ, nước mặn"),
    ("TSN", "Đất chuyên nuôi trồng thủy sản nước ngọt"),
]


def fail(message):
    print(f"derive_reference: error: {message}", file=sys.stderr)
    sys.exit(1)


def nfc(text):
    return unicodedata.normalize("NFC", text.strip())


def fetch_wheel(directory):
    """Downloads the pinned wheel into `directory`, unpacks it and returns the unpacked root."""
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--python-version", "3.12",
        "--only-binary=:all:", "--dest", directory, f"{PACKAGE}=={VERSION}",
    ]
    subprocess.run(command, check=True, stdout=sys.stderr)
    wheels = sorted(Path(directory).glob("vietnam_provinces-*.whl"))
    if len(wheels) != 1:
        fail(f"expected one wheel in {directory}, found {[w.name for w in wheels]}")
    root = Path(directory) / "unpacked"
    with zipfile.ZipFile(wheels[0]) as archive:
        archive.extractall(root)
    return root


def module_assignments(path):
    """Returns {NAME: value node} for the top-level assignments of a Python file, parsed with `ast`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
    return found


def dict_items(node, what):
    """Key/value pairs of a dict literal, failing on duplicate keys (Python would keep only the last)."""
    if not isinstance(node, ast.Dict):
        fail(f"{what} is not a dict literal")
    seen = set()
    for key_node, value_node in zip(node.keys, node.values):
        key = ast.literal_eval(key_node)
        if key in seen:
            fail(f"{what} has duplicate key {key!r}")
        seen.add(key)
        yield key, value_node


def call_args(node, name):
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name):
        fail(f"expected a call to {name} at line {getattr(node, 'lineno', '?')}")
    return node.args


def enum_member(node):
    """`ProvinceCode.P_01` → `P_01`."""
    if not isinstance(node, ast.Attribute):
        fail(f"expected an enum member at line {getattr(node, 'lineno', '?')}")
    return node.attr


def code_of(member, prefix, width):
    """`P_01` → `01` (checks the prefix and width)."""
    if not member.startswith(prefix) or not member[len(prefix):].isdigit():
        fail(f"unexpected code member {member}")
    digits = member[len(prefix):]
    return digits.zfill(width)


def division_types(base_path):
    """VietNamDivisionType member name → value, read from the legacy `base.py` with `ast`."""
    tree = ast.parse(base_path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "VietNamDivisionType":
            types = {}
            for item in node.body:
                if isinstance(item, ast.Assign) and isinstance(item.targets[0], ast.Name):
                    types[item.targets[0].id] = ast.literal_eval(item.value)
            return types
    fail(f"VietNamDivisionType not found in {base_path}")


def read_2025(package):
    nested = json.loads((package / "data" / "nested-divisions.json").read_text(encoding="utf-8"))
    provinces, communes = [], []
    for province in nested:
        pcode = f"{int(province['code']):02d}"
        provinces.append((pcode, nfc(province["name"]), nfc(province["division_type"])))
        for ward in province["wards"]:
            communes.append((f"{int(ward['code']):05d}", nfc(ward["name"]), nfc(ward["division_type"]), pcode))
    return sorted(provinces), sorted(communes)


def read_pre2025(package):
    types = division_types(package / "legacy" / "base.py")
    tables = module_assignments(package / "legacy" / "_lookup.py")
    provinces, districts, communes = [], [], []
    for key, value in dict_items(tables["PROVINCE_MAPPING"], "PROVINCE_MAPPING"):
        args = call_args(value, "Province")
        code = code_of(enum_member(args[1]), "P_", 2)
        if int(code) != key:
            fail(f"province key {key} ≠ code {code}")
        provinces.append((code, nfc(ast.literal_eval(args[0])), types[enum_member(args[2])]))
    province_codes = {row[0] for row in provinces}
    for key, value in dict_items(tables["DISTRICT_MAPPING"], "DISTRICT_MAPPING"):
        args = call_args(value, "District")
        code = code_of(enum_member(args[1]), "D_", 3)
        province = code_of(enum_member(args[4]), "P_", 2)
        if int(code) != key or province not in province_codes:
            fail(f"district {key}: bad code {code} or province {province}")
        districts.append((code, nfc(ast.literal_eval(args[0])), types[enum_member(args[2])], province))
    district_province = {row[0]: row[3] for row in districts}
    for key, value in dict_items(tables["WARD_MAPPING"], "WARD_MAPPING"):
        args = call_args(value, "Ward")
        code = code_of(enum_member(args[1]), "W_", 5)
        district = code_of(enum_member(args[4]), "D_", 3)
        if int(code) != key or district not in district_province:
            fail(f"commune {key}: bad code {code} or district {district}")
        communes.append(
            (code, nfc(ast.literal_eval(args[0])), types[enum_member(args[2])], district, district_province[district])
        )
    return sorted(provinces), sorted(districts), sorted(communes)


def read_commune_crosswalk(package):
    tables = module_assignments(package / "_ward_conversion_2025.py")
    effective = ast.literal_eval(tables["EFFECTIVE_DATE"])
    pairs = {}
    for key, value in dict_items(tables["OLD_TO_NEW"], "OLD_TO_NEW"):
        old_args, new_tuple = call_args(value, "OldToNewEntry")
        old = [ast.literal_eval(a) for a in call_args(old_args, "OldWardRef")]
        if old[0] != key:
            fail(f"OLD_TO_NEW key {key} ≠ old ward {old[0]}")
        for new_node in new_tuple.elts:
            new = [ast.literal_eval(a) for a in call_args(new_node, "NewWardRef")]
            pair = (f"{old[0]:05d}", f"{old[1]:03d}", f"{old[2]:02d}", f"{new[0]:05d}", f"{new[1]:02d}")
            pairs[pair] = bool(old[3])
    # The reverse table must describe the same pairs; a difference means the package is inconsistent.
    reverse = set()
    for key, value in dict_items(tables["NEW_TO_OLD"], "NEW_TO_OLD"):
        new_args, old_tuple = call_args(value, "NewToOldEntry")
        new = [ast.literal_eval(a) for a in call_args(new_args, "NewWardRef")]
        for old_node in old_tuple.elts:
            old = [ast.literal_eval(a) for a in call_args(old_node, "OldWardRef")]
            reverse.add((f"{old[0]:05d}", f"{old[1]:03d}", f"{old[2]:02d}", f"{new[0]:05d}", f"{new[1]:02d}"))
    if reverse != set(pairs):
        fail(f"OLD_TO_NEW and NEW_TO_OLD disagree on {len(reverse ^ set(pairs))} pairs")
    rows = [pair + ("true" if partial else "false", effective) for pair, partial in pairs.items()]
    return sorted(rows), effective


def read_province_crosswalk(package):
    tables = module_assignments(package / "_province_conversion_2025.py")
    rows = []
    for key, value in dict_items(tables["OLD_TO_NEW"], "province OLD_TO_NEW"):
        old_args, new_tuple = call_args(value, "OldToNewEntry")
        old = ast.literal_eval(call_args(old_args, "OldProvinceRef")[0])
        if old != key:
            fail(f"province OLD_TO_NEW key {key} ≠ {old}")
        for new_node in new_tuple.elts:
            new = ast.literal_eval(call_args(new_node, "NewProvinceRef")[0])
            rows.append((f"{old:02d}", f"{new:02d}"))
    return sorted(rows)


def correct_old_provinces(crosswalk, old_districts):
    """Upstream rows whose old province disagrees with the old district's province take the district's province.

    (In 2026.9.0 one row, old commune 27691 in district 794 of Long An, says province 82.)
    """
    district_province = {row[0]: row[3] for row in old_districts}
    corrected, notes = [], []
    for row in crosswalk:
        province = district_province.get(row[1], row[2])
        if province != row[2]:
            notes.append(f"{row[0]}: {row[2]}→{province}")
            row = (row[0], row[1], province) + row[3:]
        corrected.append(row)
    return sorted(corrected), notes


def supported_province_pairs(province_crosswalk, crosswalk):
    """Keeps the old→new province pairs that at least one commune row supports."""
    supported = {(row[2], row[4]) for row in crosswalk}
    kept = [pair for pair in province_crosswalk if pair in supported]
    dropped = [f"{old}→{new}" for old, new in province_crosswalk if (old, new) not in supported]
    return kept, dropped


def write_csv(directory, name, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (directory / name).write_text(unicodedata.normalize("NFC", buffer.getvalue()), encoding="utf-8")
    return len(rows)


def check(condition, message):
    if not condition:
        fail(message)


def derive(package, out):
    provinces, communes = read_2025(package)
    old_provinces, old_districts, old_communes = read_pre2025(package)
    crosswalk, effective = read_commune_crosswalk(package)
    crosswalk, corrections = correct_old_provinces(crosswalk, old_districts)
    province_crosswalk = read_province_crosswalk(package)
    province_crosswalk, dropped = supported_province_pairs(province_crosswalk, crosswalk)

    check(len(provinces) == EXPECTED_PROVINCES_2025, f"{len(provinces)} provinces in 2025, expected 34")
    check(len(communes) == EXPECTED_COMMUNES_2025, f"{len(communes)} communes in 2025, expected 3,321")
    check(len(old_provinces) == EXPECTED_PROVINCES_PRE2025, f"{len(old_provinces)} pre-2025 provinces, expected 63")
    check(600 <= len(old_districts) <= 800, f"{len(old_districts)} pre-2025 districts, expected about 700")
    check(len(old_communes) >= 10000, f"{len(old_communes)} pre-2025 communes, expected 10,000+")
    new_codes = {row[0] for row in communes}
    new_province_codes = {row[0] for row in provinces}
    old_codes = {row[0] for row in old_communes}
    missing_new = {row[3] for row in crosswalk} - new_codes
    check(not missing_new, f"crosswalk targets unknown 2025 communes: {sorted(missing_new)[:5]}")
    unknown_old = sorted({row[0] for row in crosswalk} - old_codes)
    check({row[1] for row in province_crosswalk} <= new_province_codes, "province crosswalk targets unknown codes")
    check(len({row[0] for row in province_crosswalk}) == 63, "province crosswalk does not cover 63 old provinces")
    check(len(province_crosswalk) == 63, "an old province maps to several new ones")

    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "provinces_2025.csv": write_csv(out, "provinces_2025.csv", ["code", "name", "type"], provinces),
        "communes_2025.csv": write_csv(out, "communes_2025.csv", ["code", "name", "type", "province_code"], communes),
        "provinces_pre2025.csv": write_csv(out, "provinces_pre2025.csv", ["code", "name", "type"], old_provinces),
        "districts_pre2025.csv": write_csv(
            out, "districts_pre2025.csv", ["code", "name", "type", "province_code"], old_districts),
        "communes_pre2025.csv": write_csv(
            out, "communes_pre2025.csv", ["code", "name", "type", "district_code", "province_code"], old_communes),
        "commune_crosswalk_2025.csv": write_csv(
            out, "commune_crosswalk_2025.csv",
            ["old_commune_code", "old_district_code", "old_province_code", "new_commune_code", "new_province_code",
             "is_partial", "effective_date"], crosswalk),
        "province_crosswalk_2025.csv": write_csv(
            out, "province_crosswalk_2025.csv", ["old_province_code", "new_province_code"], province_crosswalk),
        "personal_number_provinces.csv": write_csv(
            out, "personal_number_provinces.csv", ["code", "name"],
            [("0" + code, name) for code, name, _ in old_provinces]),
        "land_use_codes.csv": write_csv(out, "land_use_codes.csv", ["code", "name"], sorted(LAND_USE_CODES)),
    }
    old_split = {}
    for row in crosswalk:
        old_split.setdefault(row[0], set()).add(row[3])
    stats = {
        "effective_date": effective,
        "old_communes_mapped": len(old_split),
        "old_communes_split": sum(1 for targets in old_split.values() if len(targets) > 1),
        "crosswalk_old_codes_not_in_pre2025_list": len(unknown_old),
        "crosswalk_old_province_corrections": "; ".join(corrections) or "none",
        "province_pairs_dropped": "; ".join(dropped) or "none",
    }
    return counts, stats


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "Mappings" / "reference"))
    parser.add_argument("--wheel-dir", help="an unpacked wheel (directory holding vietnam_provinces/)")
    args = parser.parse_args()
    out = Path(args.out)
    if args.wheel_dir:
        counts, stats = derive(Path(args.wheel_dir) / "vietnam_provinces", out)
    else:
        with tempfile.TemporaryDirectory(prefix="vp-") as temp:
            root = fetch_wheel(temp)
            counts, stats = derive(root / "vietnam_provinces", out)
    for name, count in counts.items():
        print(f"{name}: {count} rows")
    for name, value in stats.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
