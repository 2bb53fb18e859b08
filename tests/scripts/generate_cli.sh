# `orgraph generate` as a user runs it: the dataset it writes loads with the other commands
# (info, validate, coverage, find) and checks with Python's csv module; two runs give the same
# bytes; misuse exits 2 and an occupied directory exits 1, in both cases leaving files alone.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expect_status() {  # expect_status STATUS COMMAND...
  local want="$1"; shift
  set +e
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  set -e
  if [ "$got" -ne "$want" ]; then
    echo "expected exit status $want, got $got: $*" >&2
    cat "$work/err" >&2
    exit 1
  fi
}

"$orgraph" generate --entities 2500 --relations 12000 --seed 5 -o "$work/a" >"$work/summary"
grep -q "^wrote $work/a: 2500 entities" "$work/summary"
"$orgraph" generate -n 2500 -r 12000 -s 5 -o "$work/b" >/dev/null
for f in dataset.toml entities.csv relations.csv; do cmp "$work/a/$f" "$work/b/$f"; done

# The other commands read it.
"$orgraph" --data "$work/a" validate | grep -q "^ok: 1 layer, 2500 entities"
"$orgraph" --data "$work/a" --no-derived info --format json >"$work/info.json"
"$orgraph" --data "$work/a" coverage >/dev/null
"$orgraph" --data "$work/a" find "Ministry of Foreign Affairs" --limit 3 >/dev/null

# Counts agree with the request, and the CSV is well formed for another reader.
"$python" - "$work/a" "$work/info.json" <<'PY'
import csv, json, sys
directory, info = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
assert info["entities"] == 2500, info["entities"]
assert info["relations"] == 12000, info["relations"]
with open(f"{directory}/entities.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header = rows[0]
assert header[:3] == ["id", "kind", "name"], header
assert all(len(r) == len(header) for r in rows), "ragged entities.csv"
ids = [r[0] for r in rows[1:]]
assert len(ids) == len(set(ids)) == 2500
with open(f"{directory}/relations.csv", newline="", encoding="utf-8") as f:
    relations = list(csv.reader(f))
assert relations[0][:3] == ["source", "target", "kind"], relations[0]
known = set(ids)
assert all(r[0] in known and r[1] in known for r in relations[1:])
assert len({tuple(r[:3]) for r in relations[1:]}) == 12000
PY

# Misuse: exit status 2, nothing written.
expect_status 2 "$orgraph" generate -n 100 -r 100
expect_status 2 "$orgraph" generate -n 0 -r 0 -o "$work/zero"
expect_status 2 "$orgraph" generate -n 20 -r 100000000 -o "$work/dense"
grep -q "at most" "$work/err"
[ ! -e "$work/zero" ] && [ ! -e "$work/dense" ]

# An existing dataset: exit status 1 without --force, replaced with it.
expect_status 1 "$orgraph" generate -n 100 -r 300 -o "$work/a"
grep -q "exists already" "$work/err"
cmp "$work/a/entities.csv" "$work/b/entities.csv"
"$orgraph" generate -n 100 -r 300 -o "$work/a" --force >/dev/null
"$orgraph" --data "$work/a" validate | grep -q "^ok: 1 layer, 100 entities"

# A directory with other files is never replaced.
mkdir "$work/mine" && echo keep >"$work/mine/notes.txt"
expect_status 1 "$orgraph" generate -n 100 -r 300 -o "$work/mine" --force
[ "$(cat "$work/mine/notes.txt")" = keep ] && [ ! -e "$work/mine/entities.csv" ]

# Nothing but the datasets is left in the work directory (no temporary directories).
leftover=$(find "$work" -maxdepth 1 -name '.*tmp*' | wc -l)
[ "$leftover" -eq 0 ] || { echo "temporary directories left behind" >&2; exit 1; }
