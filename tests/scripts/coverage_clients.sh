# `orgraph coverage` output as clients read it: the JSON parses and agrees with itself, the CSV
# has one shape for every row, -o writes the same bytes as standard output and leaves an
# existing file alone when the run fails, and two runs give the same bytes.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# -o writes what standard output shows, and nothing goes to standard output.
"$orgraph" coverage --format json >"$work/stdout.json"
"$orgraph" coverage --format json -o "$work/report.json" >"$work/nothing"
cmp "$work/stdout.json" "$work/report.json"
[ ! -s "$work/nothing" ] || { echo "-o also printed to standard output" >&2; exit 1; }

# Deterministic: a second run gives the same bytes, for every format.
for format in table json csv markdown; do
  "$orgraph" coverage --with dprk-missions --by located_in --from-kind mission --format "$format" >"$work/a"
  "$orgraph" coverage --with dprk-missions --by located_in --from-kind mission --format "$format" >"$work/b"
  cmp "$work/a" "$work/b"
done

# The JSON holds the documented keys and its counts agree with its lists.
"$python" - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ("universe", "summary", "uncovered", "multiply_covered", "outside_universe", "not_countries",
            "per_unit", "membership_gaps", "covered", "home", "organisations", "empty_regions"):
    assert key in report, f"missing key {key}"
s = report["summary"]
assert s["covered"] == len(report["covered"]), s
assert s["uncovered"] == len(report["uncovered"]), s
assert s["multiply_covered"] == len(report["multiply_covered"]), s
assert s["outside_universe"] == len(report["outside_universe"]), s
assert s["not_countries"] == len(report["not_countries"]), s
# Countries outside the universe and organisations are apart: each country has its code, no
# organisation or body is among the countries, and the per-unit counts add up to the lists.
assert [o["iso3"] for o in report["outside_universe"]] == ["PRI", "ESH"], report["outside_universe"]
assert all(o["kind"] == "country" for o in report["outside_universe"])
assert {o["id"]: o["kind"] for o in report["not_countries"]} == {
    "ASEAN": "regional_organization", "european-commission": "organization_body",
    "european-council": "organization_body", "eeas": "organization_body", "EU": "regional_organization",
    "SAARC": "regional_organization"}, report["not_countries"]
units = {u["id"]: u for u in report["per_unit"]}
assert (units["aad2"]["outside_universe"], units["aad2"]["not_countries"]) == (0, 2), units["aad2"]
assert (units["ead2"]["outside_universe"], units["ead2"]["not_countries"]) == (0, 4), units["ead2"]
assert sum(u["outside_universe"] for u in units.values()) == sum(len(o["covered_by"]) for o in report["outside_universe"])
assert sum(u["not_countries"] for u in units.values()) == sum(len(o["covered_by"]) for o in report["not_countries"])
assert s["considered"] == s["covered"] + s["uncovered"], s
assert s["universe"] == s["considered"] + s["home"] == report["universe"]["size"], s
for country in report["uncovered"] + report["covered"]:
    assert set(("iso3", "name")) <= set(country), country
for entry in report["covered"]:
    for unit in entry["covered_by"]:
        assert set(("id", "name", "how", "source")) <= set(unit), unit
gaps = {(g["organisation"]["id"], g["member"]["iso3"]) for g in report["membership_gaps"]}
assert ("EU", "MLT") in gaps and ("SAARC", "BTN") in gaps, gaps
assert [h["iso3"] for h in report["home"]] == ["PRK"], report["home"]
assert "PRK" not in {c["iso3"] for c in report["uncovered"]}
PY

# The CSV is rectangular and its sections agree with the JSON's counts.
"$orgraph" coverage --format csv -o "$work/report.csv"
"$orgraph" coverage --matrix --with dprk-missions --format csv -o "$work/matrix.csv"
"$python" - "$work/report.csv" "$work/report.json" "$work/matrix.csv" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
width = len(rows[0])
assert all(len(r) == width for r in rows), "ragged CSV"
header = rows[0]
section = header.index("section")
counted = lambda name: sum(1 for r in rows[1:] if r[section] == name)
report = json.load(open(sys.argv[2], encoding="utf-8"))
assert counted("uncovered") == report["summary"]["uncovered"]
assert counted("covered") == sum(len(c["covered_by"]) for c in report["covered"])
assert counted("outside_universe") == sum(len(o["covered_by"]) for o in report["outside_universe"])
assert counted("not_country") == sum(len(o["covered_by"]) for o in report["not_countries"])
kind = header.index("kind")
assert {r[kind] for r in rows[1:] if r[section] == "outside_universe"} == {"country"}
assert "country" not in {r[kind] for r in rows[1:] if r[section] == "not_country"}
matrix = list(csv.DictReader(open(sys.argv[3], encoding="utf-8", newline="")))
assert len(matrix) == report["universe"]["size"], len(matrix)
russia = next(r for r in matrix if r["iso3"] == "RUS")
assert russia["department"] == "ead1" and russia["association"] == "korua", russia
assert "emb-rus-moscow" in russia["mission"].split("; "), russia
PY

# A failed run leaves the file that -o names as it was, and no temporary file beside it.
printf 'keep me\n' >"$work/keep.json"
if "$orgraph" coverage --universe data/coverage/universe-bad.txt -o "$work/keep.json" 2>"$work/stderr"; then
  echo "a bad universe file was accepted" >&2; exit 1
fi
[ "$(cat "$work/keep.json")" = "keep me" ] || { echo "-o file changed by a failed run" >&2; exit 1; }
[ "$(ls "$work" | grep -c keep)" = 1 ] || { echo "temporary file left behind" >&2; ls "$work" >&2; exit 1; }
grep -q "universe-bad.txt:3:1: error: no country is called 'Atlantis'" "$work/stderr"
