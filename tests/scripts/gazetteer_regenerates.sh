# scripts/gen-gazetteer reproduces the committed datasets/world/countries.toml byte for byte
# from Debian's ISO 3166-1 table and the curated CSV, and its --check notices a stale file.
# $1: the orgraph binary. ORGRAPH_SOURCE_DIR: the repository root.
set -euo pipefail
orgraph="$1"
root="${ORGRAPH_SOURCE_DIR:?ORGRAPH_SOURCE_DIR is not set}"
python=/usr/bin/python3
iso=/usr/share/iso-codes/json/iso_3166-1.json
committed="$root/datasets/world/countries.toml"
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }
[ -r "$iso" ] || { echo "missing $iso (Debian package iso-codes; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# The committed file is up to date.
"$python" scripts/gen-gazetteer --check

# Written afresh, it is the same bytes, and it loads as the world layer of a valid dataset.
"$python" scripts/gen-gazetteer --out "$work/countries.toml"
cmp "$committed" "$work/countries.toml"
"$orgraph" validate --no-derived datasets/schema datasets/world >/dev/null

# --check fails on a file that differs by one byte, and leaves that file alone.
cp "$committed" "$work/stale.toml"
printf '\n' >>"$work/stale.toml"
cp "$work/stale.toml" "$work/stale.before"
if "$python" scripts/gen-gazetteer --check --out "$work/stale.toml" 2>"$work/stderr"; then
  echo "gen-gazetteer --check accepted a stale file" >&2
  exit 1
fi
grep -q "out of date" "$work/stderr"
cmp "$work/stale.toml" "$work/stale.before"
echo "gazetteer regenerates byte for byte"
