# An answer for one date lists what it used whose presence then is uncertain (an end the source
# does not give, or an uncertain status), and nothing else of the graph: each command's JSON is
# read for its `uncertain` and `uncertain_relations`, against what the answer holds. diff says so
# for each of its two sides and marks the side that is today.
# $1: the orgraph binary. Working directory: tests/ (ORGRAPH_TODAY pinned by the test).
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

missions=(--with dprk-missions --as-of 2023-06-30)
example=(--data data/example --with data/calendar --as-of 2020)
run() {  # run NAME ARGS...: the JSON answer into $work/NAME.json
  local name=$1
  shift
  "$orgraph" "$@" --format json >"$work/$name.json"
}

# Built-in data, 2023-06-30: four missions of uncertain status and Tashkent (closed, year not given).
run info "${missions[@]}" info
run mission_coverage "${missions[@]}" coverage --by located_in --from-kind mission
run department_coverage "${missions[@]}" coverage
run mission_coverage_today --with dprk-missions coverage --by located_in --from-kind mission
run path_avoids "${missions[@]}" path korua emb-rus-moscow
run path_through "${missions[@]}" path mfa emb-uzb-tashkent
run show_ead1 "${missions[@]}" show ead1
run find_lima "${missions[@]}" find lima
# The example with data/calendar, 2020: a liaison, an office and an office's seat whose ends are
# not given, and a rule that derives from the seat.
run liaison_path "${example[@]}" path north-office archive --via liaises_with
run office_path "${example[@]}" path north-office mca
run reach_countries "${example[@]}" reach mca --kinds country --reverse
run reach_offices "${example[@]}" reach mca --reverse
run weak_points "${example[@]}" weak-points mca --to-kind country
run derived_path "${example[@]}" path north-office NOR --via located_in
# The same from a snapshot: the unknown end of a relation survives it.
"$orgraph" --data data/example --with data/calendar snapshot -o "$work/calendar.orgraph"
"$orgraph" --data "$work/calendar.orgraph" --as-of 2020 path north-office archive --via liaises_with --format json \
  >"$work/snapshot_path.json"
# diff from 2018 to today, and between two given dates.
"$orgraph" --data data/example --with data/calendar diff --from 2018 --format json >"$work/diff_today.json"
"$orgraph" --data data/example --with data/calendar diff --from 2018 --to 2024 --format json >"$work/diff_dated.json"
"$orgraph" --data data/example --with data/calendar diff --from 2018 >"$work/diff_today.txt"

"$python" - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def load(name):
    return json.load(open(f"{work}/{name}.json", encoding="utf-8"))
def ids(answer):
    return sorted(u["id"] for u in answer["uncertain"])
def relations(answer):
    return sorted((u["from"], u["kind"], u["to"]) for u in answer["uncertain_relations"])
failures = []
def expect(name, got, wanted):
    if got != wanted:
        failures.append(f"{name}: {got!r}, expected {wanted!r}")

five = sorted(["emb-per-lima", "emb-syr-damascus", "emb-cod-kinshasa", "cg-pak-karachi", "emb-uzb-tashkent"])
expect("info (the whole graph)", ids(load("info")), five)
expect("coverage by mission counts them all", ids(load("mission_coverage")), five)
expect("coverage by department counts no mission", ids(load("department_coverage")), [])
expect("coverage by mission today counts only open missions", ids(load("mission_coverage_today")), [])
expect("a path that avoids every uncertain entity", ids(load("path_avoids")), [])
expect("a path to Tashkent", ids(load("path_through")), ["emb-uzb-tashkent"])
expect("the card of a department that oversees Tashkent", ids(load("show_ead1")), ["emb-uzb-tashkent"])
expect("find lima", ids(load("find_lima")), ["emb-per-lima"])

liaison = [("north-office", "liaises_with", "archive")]
expect("a path by the liaison (relations)", relations(load("liaison_path")), liaison)
expect("a path by the liaison (entities)", ids(load("liaison_path")), [])
why = load("liaison_path")["uncertain_relations"][0]["why"]
expect("why the liaison is uncertain", why, "it ended on a date the source does not give")
expect("the same path from a snapshot", relations(load("snapshot_path")), liaison)
expect("a path off the liaison", relations(load("office_path")) + ids(load("office_path")), [])
# reach counts every entity it reaches, those of other kinds than --kinds too.
expect("reach towards countries passes the Eastern Office", ids(load("reach_countries")), ["east-office"])
expect("reach of offices", ids(load("reach_offices")), ["east-office"])
# The Eastern Office covers no country and the liaison leads to none: no route to a country
# passes them. The Northern Office's seat leads to Norway (and the rule's relation rests on it).
seat = [("north-office", "located_in", "NOR"), ("north-office", "located_in", "harbourtown")]
expect("weak points towards countries (entities)", ids(load("weak_points")), [])
expect("weak points towards countries (relations)", relations(load("weak_points")), seat)
run_derived = load("derived_path")
expect("a derived step brings the fact it rests on", relations(run_derived), seat)
expect("why the derived step is uncertain", sorted(u["why"] for u in run_derived["uncertain_relations"]),
       ["it ended on a date the source does not give",
        "it is derived from a fact that ended on a date the source does not give"])

today = load("diff_today")
expect("diff: the earlier side", (today["before"]["as_of"], today["before"]["as_of_today"]), ("2018", False))
expect("diff: the later side is today", (today["after"]["as_of"], today["after"]["as_of_today"]), ("2026-07-01", True))
expect("diff: uncertain in 2018", ids(today["before"]), ["east-office"])
expect("diff: uncertain relations in 2018", relations(today["before"]),
       liaison + [("north-office", "located_in", "harbourtown")])
expect("diff: nothing uncertain today", ids(today["after"]) + relations(today["after"]), [])
dated = load("diff_dated")
expect("diff --to 2024: no side is today", (dated["before"]["as_of_today"], dated["after"]["as_of_today"]), (False, False))
# Both sides keep the office and the liaison in 2018 and 2024: nothing of them changed.
expect("diff --to 2024: unchanged facts are not listed", ids(dated["before"]) + ids(dated["after"]), [])
if failures:
    sys.exit("\n".join(failures))
PY

head -n 1 "$work/diff_today.txt" | grep -qF "from 2018 to 2026-07-01 (today)."
grep -qx "after: as of 2026-07-01 (today)" "$work/diff_today.txt"
grep -qx "before: as of 2018" "$work/diff_today.txt"
