# The README's short tour runs as written: every line of its code block, in order, in an empty
# directory (so that the files one line writes are there for the next, as for a reader), with
# `orgraph` the binary under test. `my-ministry/`, the reader's own dataset in the tour, is a
# copy of tests/data/example. Each line must exit 0 and print or write something; the tour must
# still show the commands the README's text speaks of.
# $1: the orgraph binary. Working directory: tests/.
set -uo pipefail
binary=$(realpath "$1")
readme=$(realpath ../README.md)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# The lines between "## A short tour" and the end of its first code block.
mapfile -t tour < <(awk '/^## A short tour/ { on = 1; next } on && /^```/ { if (inside) exit; inside = 1; next }
  inside && NF { print }' "$readme")
[ "${#tour[@]}" -ge 10 ] || fail "the README's tour has ${#tour[@]} lines: not found where it was"
cp -r data/example "$work/my-ministry"
cd "$work" || exit 1
orgraph() { "$binary" "$@"; }
for line in "${tour[@]}"; do
  command=${line%%#*}
  eval "$command" >"$work/.out" 2>"$work/.err"
  status=$?
  [ "$status" -eq 0 ] || fail "'$command' exited $status: $(head -3 "$work/.err")"
  written=$(sed -n 's/.* -o \([^ ]*\).*/\1/p' <<<"$command")
  if [ -n "$written" ]; then
    [ -s "$written" ] || fail "'$command' did not write $written"
  else
    [ -s "$work/.out" ] || fail "'$command' printed nothing"
  fi
done
# What the text around the tour promises is in it.
for needle in "orgraph map -o coverage.svg" "orgraph report -o report.html" "orgraph export --to graphml -o mfa.graphml" \
  "orgraph --data mfa.graphml info"; do
  printf '%s\n' "${tour[@]}" | grep -qF -- "$needle" || fail "the tour no longer shows '$needle'"
done
[ -s coverage.svg ] && grep -q "<svg" coverage.svg || fail "the tour's map is no SVG"
[ -s m.orgraph ] || fail "the tour's snapshot was not written"

[ "$failures" -eq 0 ] || {
  echo "$failures failures" >&2
  exit 1
}
