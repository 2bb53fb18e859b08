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
grep -qF "$work/elsewhere.json:2:1: error: 4 citations name 2 sources that no layer declares: 'notes', 'report'. This graph does not carry its sources" "$work/err" ||
  { echo "FAIL: undeclared sources are not reported once with the first position" >&2; cat "$work/err" >&2; exit 1; }
grep -qF -- "--data sources.toml --data $work/elsewhere.json" "$work/err" ||
  { echo "FAIL: the message does not say how to declare the sources" >&2; cat "$work/err" >&2; exit 1; }
echo "malformed imports give positioned diagnostics and exit 1"
