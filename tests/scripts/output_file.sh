# -o FILE for info, show and find: the file holds exactly what standard output would have shown,
# nothing is printed, a failed run leaves an existing file as it was, and JSON output parses.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check_same() {  # ARGS...: -o writes the bytes standard output shows, and prints nothing
  "$orgraph" "$@" >"$work/stdout"
  "$orgraph" "$@" -o "$work/file" >"$work/nothing"
  cmp "$work/stdout" "$work/file" || { echo "-o differs from standard output for: $*" >&2; exit 1; }
  [ ! -s "$work/nothing" ] || { echo "-o also printed to standard output for: $*" >&2; exit 1; }
}

for format in table json csv markdown; do
  check_same --data data/example info --format "$format"
  check_same --data data/example show north-office --format "$format"
  check_same --data data/example find office --format "$format"
done

# The golden file of the same command is what -o writes.
"$orgraph" --data data/example show mca --format markdown -o "$work/mca.md"
cmp "$work/mca.md" golden/show_example_markdown.out

# A run that fails (an unknown name) leaves an existing file untouched and writes no other.
printf 'keep me\n' >"$work/kept"
if "$orgraph" --data data/example show "no such office" -o "$work/kept" 2>"$work/err"; then
  echo "show of an unknown name succeeded" >&2; exit 1
fi
[ "$(cat "$work/kept")" = "keep me" ] || { echo "a failed run changed the -o file" >&2; exit 1; }
[ "$(ls -A "$work" | grep -c kept)" = 1 ] || { echo "a failed run left a temporary file" >&2; exit 1; }

# JSON output parses, and the keys the manual pages document are there.
"$orgraph" --data data/example info --format json -o "$work/info.json"
"$orgraph" --data data/example show north-office --format json -o "$work/show.json"
"$orgraph" --data data/example find office --format json -o "$work/find.json"
"$python" - "$work" <<'PY'
import json, sys, os
d = sys.argv[1]
info = json.load(open(os.path.join(d, "info.json"), encoding="utf-8"))
for key in ("layers", "sources", "entities", "relations", "derived_relations", "entity_kinds", "relation_kinds"):
    assert key in info, key
assert info["entities"] == sum(k["count"] for k in info["entity_kinds"])
assert info["relations"] + info["derived_relations"] == sum(k["count"] + k["derived"] for k in info["relation_kinds"])
show = json.load(open(os.path.join(d, "show.json"), encoding="utf-8"))
for key in ("id", "kind", "kind_label", "name", "short_name", "aliases", "attributes", "valid_from", "valid_to",
            "sources", "relations", "absent"):
    assert key in show, key
assert show["id"] == "north-office"
for r in show["relations"]:
    for key in ("direction", "kind", "reads", "other", "attributes", "derived", "valid_from", "valid_to", "sources"):
        assert key in r, key
    assert r["direction"] in ("out", "in")
    assert r["sources"], "every relation cites a source"
for doc in (info, show):
    assert "as_of" in doc and "as_of_today" in doc, "every JSON answer says which date it answered for"
assert info["as_of"] is None and not info["as_of_today"], "info describes every date loaded"
assert show["as_of_today"] and show["as_of"], "show answers for today by default"
answer = json.load(open(os.path.join(d, "find.json"), encoding="utf-8"))
assert answer["as_of_today"] and answer["as_of"]
found = answer["matches"]
assert [m["rank"] for m in found] == list(range(1, len(found) + 1))
for m in found:
    assert set(m) == {"rank", "id", "kind", "name", "matched", "match"}, m
PY
