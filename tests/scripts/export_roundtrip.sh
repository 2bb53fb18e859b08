# Every export orgraph reads back loads alone as the data it came from: the built-in dataset
# (with and without the missions overlay) exported as GraphML, node-link JSON and the CSV
# dataset, then loaded with `--data EXPORT` and nothing else, gives the same `info` (but for
# the layers, which become one) and the same `export --to json`, byte for byte. A GraphML file
# stripped of the schema and sources it carries fails with one message that says what is
# missing and how to supply it, not one per node.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for data in builtin missions; do
    with=()
    [ "$data" = missions ] && with=(--with dprk-missions)
    "$orgraph" "${with[@]}" info --format json -o "$work/$data-info.json"
    "$orgraph" "${with[@]}" export --to json -o "$work/$data-export.json"
    for format in graphml json csv; do
        target="$work/$data.$format"
        [ "$format" = csv ] && target="$work/$data-csv"
        "$orgraph" "${with[@]}" export --to "$format" -o "$target"
        status=0
        "$orgraph" --data "$target" info --format json -o "$work/$data-$format-info.json" 2>"$work/err" || status=$?
        if [ "$status" != 0 ]; then
            echo "FAIL: orgraph --data $data export as $format info exited $status:" >&2
            head -5 "$work/err" >&2
            exit 1
        fi
        "$orgraph" --data "$target" export --to json -o "$work/$data-$format-export.json"
        cmp -s "$work/$data-export.json" "$work/$data-$format-export.json" || {
            echo "FAIL: $data through $format: export --to json differs from the original's" >&2
            diff "$work/$data-export.json" "$work/$data-$format-export.json" | head -10 >&2
            exit 1
        }
    done
done

WORK="$work" "$python" - <<'PY'
import json, os, sys

work = os.environ["WORK"]
failures = []
for data in ["builtin", "missions"]:
    for fmt in ["graphml", "json", "csv"]:
        original = json.load(open(os.path.join(work, f"{data}-info.json")))
        back = json.load(open(os.path.join(work, f"{data}-{fmt}-info.json")))
        # The layers become one; everything else must be the same.
        if len(back["layers"]) != 1:
            failures.append(f"{data} through {fmt}: {len(back['layers'])} layers, expected one")
        for info in (original, back):
            info.pop("layers")
            for s in info["sources"]:
                s.pop("layer")
        for key in sorted(set(original) | set(back)):
            if original.get(key) != back.get(key):
                failures.append(f"{data} through {fmt}: info's {key} differs from the original's")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
if failures:
    raise SystemExit(1)
PY

# A GraphML file without the schema and sources it carried: one message that says what is
# missing and how to supply it.
"$python" - "$work/builtin.graphml" "$work/bare.graphml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text, n = re.subn(r'\n    <data key="g_orgraph_dataset">.*?</data>', "", text, count=1, flags=re.S)
if n != 1:
    raise SystemExit("FAIL: the GraphML export has no graph attribute orgraph_dataset")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
status=0
"$orgraph" validate "$work/bare.graphml" >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 1 ] || { echo "FAIL: validate of a graph without its sources exited $status" >&2; exit 1; }
count=$(grep -c 'error:' "$work/out" "$work/err" | awk -F: '{ s += $NF } END { print s }')
[ "$count" = 1 ] || { echo "FAIL: $count errors for a graph without its sources, expected one:" >&2; head -5 "$work/out" "$work/err" >&2; exit 1; }
grep -q "no layer declares" "$work/out" "$work/err" && grep -q -- "--data sources.toml --data $work/bare.graphml" "$work/out" "$work/err" || {
    echo "FAIL: the message does not say what is missing and how to supply it:" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
}
echo "GraphML, node-link JSON and CSV exports load back alone as the data they came from"
