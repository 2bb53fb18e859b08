# Malformed GraphML and node-link JSON: every problem is reported at its line and column, the
# exit status is 1, and nothing is loaded. Also: an imported graph needs its sources declared.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
d=data/interchange

expect() {  # file, then the lines stderr must hold (in order)
  local file="$1"
  shift
  local status=0
  "$orgraph" --data "$d/sources.toml" --data "$d/$file" info >"$work/out" 2>"$work/err" || status=$?
  [ "$status" = 1 ] || { echo "FAIL: $file: exit status $status (expected 1)" >&2; cat "$work/err" >&2; exit 1; }
  [ ! -s "$work/out" ] || { echo "FAIL: $file: something was printed on stdout" >&2; exit 1; }
  local line
  for line in "$@"; do
    grep -qF -- "$line" "$work/err" || { echo "FAIL: $file: stderr lacks: $line" >&2; cat "$work/err" >&2; exit 1; }
  done
}

expect malformed.graphml \
  "$d/malformed.graphml:9:102: error: value 'two' of 'count' on node 'p1' is not of type int" \
  "$d/malformed.graphml:10:5: error: node 'nokind' has no 'kind' attribute" \
  "$d/malformed.graphml:11:5: error: node 'd1' has no 'source' attribute" \
  "$d/malformed.graphml:11:76: error: <data> of node 'd1' refers to key 'zz', which no <key> declares" \
  "$d/malformed.graphml:13:5: error: <edge> without 'source' and 'target' attributes" \
  "orgraph: the dataset has 5 problems; nothing was loaded"
expect broken.graphml \
  "$d/broken.graphml:4:35: error: XML syntax: an end tag that does not match the open element" \
  "orgraph: the dataset has 1 problem; nothing was loaded"
expect malformed.json \
  "$d/malformed.json:1:48: error: \"default_source\" is a number (expected a string)" \
  "$d/malformed.json:4:3: error: a node without an \"id\"" \
  "$d/malformed.json:5:3: error: node 'd2' has no 'name' attribute" \
  "$d/malformed.json:5:64: error: an item of 'provenance' of node 'd2' is a number (expected a string)" \
  "$d/malformed.json:8:3: error: edge 'd1' → 'd2' has no 'kind' attribute" \
  "$d/malformed.json:9:3: error: a link without \"source\" and \"target\" node ids" \
  "orgraph: the dataset has 7 problems; nothing was loaded"
expect broken.json \
  "$d/broken.json:3:15: error: JSON syntax: unexpected '\"' (expected ',' or '}' in an object)"

# A JSON graph from elsewhere that cites sources no layer declares: one message, at the first
# citation, naming the sources and how to declare them (the GraphML case, an orgraph export
# stripped of its orgraph_dataset, is in export_roundtrip.sh).
printf '%s\n' '{"nodes": [' \
  '{"id": "a", "kind": "city", "name": "A", "provenance": ["notes:1"]},' \
  '{"id": "b", "kind": "country", "name": "B", "provenance": ["notes:2", "report:4"]}],' \
  '"edges": [{"source": "a", "target": "b", "kind": "located_in", "provenance": ["report:5"]}]}' >"$work/elsewhere.json"
status=0
"$orgraph" --data "$work/elsewhere.json" info >/dev/null 2>"$work/err" || status=$?
[ "$status" = 1 ] || { echo "FAIL: a graph with undeclared sources loaded (status $status)" >&2; exit 1; }
[ "$(grep -c 'error:' "$work/err")" = 1 ] || { echo "FAIL: undeclared sources give more than one message" >&2; cat "$work/err" >&2; exit 1; }
grep -qF "$work/elsewhere.json:2:1: error: 4 citations name 2 sources that no layer declares: 'notes', 'report'. Declare each in a [[source]] table" "$work/err" ||
  { echo "FAIL: undeclared sources are not reported once with the first position" >&2; cat "$work/err" >&2; exit 1; }
grep -qF -- "--data sources.toml --data $work/elsewhere.json" "$work/err" ||
  { echo "FAIL: the message does not say how to declare the sources" >&2; cat "$work/err" >&2; exit 1; }

# The example dataset, whose kinds the built-in schema lacks, exported and stripped of the
# schema and sources it carries: one message for the sources, one for the entity kinds, and a
# single unknown relation kind as in any file.
"$orgraph" --data data/example export --to graphml -o "$work/example.graphml"
/usr/bin/python3 - "$work/example.graphml" "$work/bare.graphml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text, n = re.subn(r'\n    <data key="g_orgraph_dataset">.*?</data>', "", text, count=1, flags=re.S)
if n != 1:
    raise SystemExit("FAIL: the GraphML export has no graph attribute orgraph_dataset")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
status=0
"$orgraph" validate "$work/bare.graphml" >/dev/null 2>"$work/err" || status=$?
[ "$status" = 1 ] || { echo "FAIL: validate of a graph without its schema exited $status" >&2; exit 1; }
[ "$(grep -c 'error:' "$work/err")" = 3 ] || { echo "FAIL: a graph without its schema gives other than 3 messages" >&2; cat "$work/err" >&2; exit 1; }
grep -qF "error: 4 nodes have 2 kinds that the schema does not declare: 'office', 'organisation'. Load the TOML file that declares its kinds first" "$work/err" &&
  grep -qF -- "--data dataset.toml --data $work/bare.graphml" "$work/err" &&
  grep -qF "error: unknown relation kind 'liaises_with' (expected one of:" "$work/err" ||
  { echo "FAIL: a graph without its schema is not reported as one message per sort of name" >&2; cat "$work/err" >&2; exit 1; }
# The same graph with its schema, one kind mistyped in three nodes: one message with the
# suggestion.
"$orgraph" --data data/example export --to json | sed 's/"kind": "office"/"kind": "offise"/' >"$work/typo.json"
status=0
"$orgraph" validate "$work/typo.json" >/dev/null 2>"$work/err" || status=$?
[ "$status" = 1 ] && [ "$(grep -c 'error:' "$work/err")" = 1 ] &&
  grep -qF "error: 3 nodes have 1 kind that the schema does not declare: 'offise'; did you mean 'office'?" "$work/err" ||
  { echo "FAIL: a mistyped kind in three nodes is not one message with a suggestion" >&2; cat "$work/err" >&2; exit 1; }
echo "malformed imports give positioned diagnostics and exit 1"
