# scripts/gen-missions-overlay reproduces the committed
# datasets/overlays/dprk-missions/missions.toml byte for byte from the missions table, and its
# --check notices a stale file.
# $1: the orgraph binary. ORGRAPH_SOURCE_DIR: the repository root.
set -euo pipefail
orgraph="$1"
root="${ORGRAPH_SOURCE_DIR:?ORGRAPH_SOURCE_DIR is not set}"
python=/usr/bin/python3
committed="$root/datasets/overlays/dprk-missions/missions.toml"
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# The committed file is up to date.
"$python" scripts/gen-missions-overlay --check

# Written afresh, it is the same bytes, and it loads on top of the built-in dataset.
"$python" scripts/gen-missions-overlay --out "$work/missions.toml"
cmp "$committed" "$work/missions.toml"
"$orgraph" validate --no-derived --with "$work/missions.toml" >/dev/null

# --check fails on a file that differs from what it would write, and leaves that file alone.
sed 's/status = "closed"/status = "open"/' "$committed" >"$work/stale.toml"
if cmp -s "$committed" "$work/stale.toml"; then
  echo "test set-up: the edit changed nothing" >&2
  exit 1
fi
cp "$work/stale.toml" "$work/stale.before"
if "$python" scripts/gen-missions-overlay --check --out "$work/stale.toml" 2>"$work/stderr"; then
  echo "gen-missions-overlay --check accepted a stale file" >&2
  exit 1
fi
grep -q "out of date" "$work/stderr"
cmp "$work/stale.toml" "$work/stale.before"
echo "missions overlay regenerates byte for byte"
