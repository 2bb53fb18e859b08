# ORGRAPH_TODAY pins the date coverage takes for today: the answer is the one --as-of that day
# gives (the dates apart), and a value that is not a date is refused as misuse (exit status 2).
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# On the example data a department covered Côte d'Ivoire until 2019.
for day in 2018-06-01 2024-06-01; do
  ORGRAPH_TODAY=$day "$orgraph" --data data/example coverage --format json >"$work/pinned.json"
  env -u ORGRAPH_TODAY "$orgraph" --data data/example --as-of $day coverage --format json >"$work/as-of.json"
  grep -e '"sentence"' -e '"uncovered": [0-9]' "$work/pinned.json" >"$work/pinned"
  grep -e '"sentence"' -e '"uncovered": [0-9]' "$work/as-of.json" >"$work/as-of"
  cmp "$work/pinned" "$work/as-of"
done
ORGRAPH_TODAY=2018-06-01 "$orgraph" --data data/example coverage | grep -q "3 of 3 countries"
ORGRAPH_TODAY=2024-06-01 "$orgraph" --data data/example coverage | grep -q "2 of 3 countries"

# Not a date: misuse, with the variable named.
set +e
ORGRAPH_TODAY=yesterday "$orgraph" --data data/example coverage >/dev/null 2>"$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || { echo "ORGRAPH_TODAY=yesterday: exit status $code, expected 2" >&2; exit 1; }
grep -q "ORGRAPH_TODAY" "$work/err"
