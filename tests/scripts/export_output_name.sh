# orgraph export and the name of -o: the extension chooses the format when --to is not given
# (.graphml GraphML, .json node-link JSON, .ftm.json and the other line-JSON endings
# FollowTheMoney), a directory is written only when --to says csv or neo4j, and a --to the name
# contradicts is refused with status 2, a message naming both and the fix, and nothing written.
# $1: the orgraph binary. Working directory: tests/.
set -uo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
data=(--data data/example)
# refused NEEDLE... -- ARGS...: export ARGS exits 2, its standard error holds every NEEDLE, and
# the -o it names (the last argument) is not made when it did not exist.
refused() {
  local needles=()
  while [ "$1" != -- ]; do
    needles+=("$1")
    shift
  done
  shift
  local target="${*: -1}" existed=0
  [ -e "$target" ] && existed=1
  "$orgraph" "${data[@]}" export "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq 2 ] || fail "export $* exited $got, not 2: $(cat "$work/err")"
  for needle in "${needles[@]}"; do
    grep -qF -- "$needle" "$work/err" || fail "export $*: stderr lacks '$needle': $(cat "$work/err")"
  done
  [ ! -s "$work/out" ] || fail "export $* wrote to standard output"
  [ "$existed" = 1 ] || [ ! -e "$target" ] || fail "export $*: the refused $target was written"
}

# What --to writes, the reference for what the name chooses.
for format in graphml json ftm; do
  "$orgraph" "${data[@]}" export --to "$format" >"$work/reference.$format" || fail "export --to $format failed"
done
head -c 200 "$work/reference.graphml" | grep -q "<graphml" || fail "export --to graphml wrote no GraphML"

# The extension chooses, in any case; the file holds what --to that format writes, byte for byte.
check_chosen() {
  local name="$1" format="$2"
  "$orgraph" "${data[@]}" export -o "$work/$name" 2>"$work/err" || fail "export -o $name failed: $(cat "$work/err")"
  cmp -s "$work/$name" "$work/reference.$format" || fail "export -o $name did not write $format"
}
check_chosen mfa.graphml graphml
check_chosen MFA.GraphML graphml
check_chosen mfa.json json
check_chosen mfa.ftm.json ftm
check_chosen mfa.FTM.JSON ftm
check_chosen mfa.ftm ftm
check_chosen mfa.jsonl ftm
check_chosen mfa.ndjson ftm
"$orgraph" --data "$work/mfa.json" info >/dev/null || fail "the node-link JSON chosen by its name does not load back"
python3 - "$work/mfa.ftm.json" <<'PY' || fail "export -o mfa.ftm.json: not one FtM entity a line"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines and all("schema" in json.loads(line) for line in lines)
PY
# The same format named twice is no contradiction.
"$orgraph" "${data[@]}" export --to json -o "$work/same.json" && cmp -s "$work/same.json" "$work/reference.json" ||
  fail "export --to json -o same.json"
"$orgraph" "${data[@]}" export -t ftm -o "$work/same.ftm.json" && cmp -s "$work/same.ftm.json" "$work/reference.ftm" ||
  fail "export -t ftm -o same.ftm.json"
# A name that says nothing leaves the format to --to.
"$orgraph" "${data[@]}" export --to graphml -o "$work/mfa.xml" && cmp -s "$work/mfa.xml" "$work/reference.graphml" ||
  fail "export --to graphml -o mfa.xml"
"$orgraph" "${data[@]}" export --to json -o "$work/plain" && cmp -s "$work/plain" "$work/reference.json" ||
  fail "export --to json -o plain"

# Directories: csv and neo4j, chosen by --to only, into a name without an extension, an existing
# directory, or one named .csv.
"$orgraph" "${data[@]}" export --to csv -o "$work/mfa-csv" && [ -f "$work/mfa-csv/entities.csv" ] ||
  fail "export --to csv -o mfa-csv wrote no dataset"
"$orgraph" --data "$work/mfa-csv" info >/dev/null || fail "the csv export does not load back"
mkdir "$work/empty"
"$orgraph" "${data[@]}" export --to neo4j -o "$work/empty" && [ -f "$work/empty/nodes.csv" ] ||
  fail "export --to neo4j into an empty directory"
"$orgraph" "${data[@]}" export --to neo4j -o "$work/graph.csv" && [ -f "$work/graph.csv/import.sh" ] ||
  fail "export --to neo4j -o graph.csv"
"$orgraph" "${data[@]}" export --to csv -o "$work/again.CSV" && [ -f "$work/again.CSV/dataset.toml" ] ||
  fail "export --to csv -o again.CSV"

# --to against the name: both named, the fix given, nothing written.
refused "-o $work/x.json: the name says json but --to is graphml" "name it $work/x.graphml for graphml" \
  "leave out --to to write json" -- --to graphml -o "$work/x.json"
refused "the name says graphml but --to is json" "name it $work/x.json for json" -- --to json -o "$work/x.graphml"
refused "the name says ftm but --to is json" "name it $work/x.json for json" -- --to json -o "$work/x.ftm.json"
refused "the name says json but --to is ftm" "name it $work/x.ftm.json for ftm" -- --to ftm -o "$work/x.json"
refused "the name says ftm but --to is graphml" -- --to graphml -o "$work/x.jsonl"
refused "the name says json but --to is csv" "a directory name such as $work/x for csv" -- --to csv -o "$work/x.json"
refused "the name says graphml but --to is neo4j" -- --to neo4j -o "$work/x.graphml"
refused "the name says csv but --to is graphml" "name it $work/x.graphml" -- --to graphml -o "$work/x.csv"
refused "the name says svg but --to is json" -- --to json -o "$work/x.svg"
refused "the name says snapshot but --to is graphml" -- --to graphml -o "$work/x.orgraph"
# --format and -f are other names of --to, and meet the same rule.
refused "the name says json but --to is graphml" -- --format graphml -o "$work/x.json"
refused "the name says graphml but --to is ftm" -- -f ftm -o "$work/x.GRAPHML"
# An existing file under a contradicting name is left as it was.
printf 'keep\n' >"$work/kept.json"
"$orgraph" "${data[@]}" export --to graphml -o "$work/kept.json" 2>/dev/null
[ "$(cat "$work/kept.json")" = keep ] || fail "a refused export replaced kept.json"

# Without --to, a name that chooses nothing is refused with the endings export knows.
refused "export cannot tell the format from '.xml'" ".graphml" ".json" ".ftm.json" "give --to" -- -o "$work/x.xml"
refused "export cannot tell the format from '.txt'" -- -o "$work/x.txt"
refused "the name says html, which export does not write" -- -o "$work/x.html"
refused "the name says svg, which export does not write" ".graphml, .json or .ftm.json" -- -o "$work/x.svg"
refused "the name says csv, which export does not write" "give --to csv or --to neo4j" -- -o "$work/x.csv"
refused "a name without an extension" "give --to csv or --to neo4j" -- -o "$work/mfa-dir"
refused "a name without an extension" -- -o "$work/.json"
mkdir "$work/existing"
refused "-o $work/existing: a directory says no format: give --to csv or --to neo4j" -- -o "$work/existing"
[ -z "$(ls -A "$work/existing")" ] || fail "a refused export wrote into the directory"
# Standard output has no name: --to is required there.
refused "export needs --to FORMAT" "to write to standard output" -- -o -
"$orgraph" "${data[@]}" export >"$work/out" 2>"$work/err"
[ $? -eq 2 ] || fail "export without --to or -o did not exit 2"
grep -qF "export needs --to FORMAT" "$work/err" || fail "export without --to or -o: $(cat "$work/err")"
# An unknown --to is reported before the name is looked at.
refused "unknown export format 'gexf'" -- --to gexf -o "$work/x.json"

# snapshot writes one format: a name that says another is refused, nothing written.
"$orgraph" snapshot -o "$work/s.json" >"$work/out" 2>"$work/err"
[ $? -eq 2 ] || fail "snapshot -o s.json did not exit 2"
grep -qF "the name says json, but snapshot writes a binary snapshot only (name it $work/s.orgraph)" "$work/err" ||
  fail "snapshot -o s.json: $(cat "$work/err")"
[ ! -e "$work/s.json" ] || fail "a refused snapshot wrote its file"
"$orgraph" snapshot -q -o "$work/s.orgraph" && "$orgraph" --data "$work/s.orgraph" info >/dev/null ||
  fail "snapshot -o s.orgraph"

[ "$failures" -eq 0 ] || {
  echo "$failures failures" >&2
  exit 1
}
