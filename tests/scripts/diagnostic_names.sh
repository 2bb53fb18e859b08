# A file name holding a line break or an escape character cannot forge a second diagnostic line
# or reach the terminal raw: diagnostics escape the file name as they escape the message.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$'bad\nforged.toml:1:1: error: all is well\e[2J.toml'
printf 'this is = = not toml\n' >"$work/$name"
status=0
"$orgraph" validate "$work/$name" 2>"$work/err" >/dev/null || status=$?
[ "$status" = 1 ] || { echo "validate of a broken file: exit $status" >&2; exit 1; }
grep -q 'bad\\nforged.toml:1:1: error: all is well\\x1B\[2J.toml:1:' "$work/err" ||
  { echo "the file name is not escaped: $(cat -A "$work/err")" >&2; exit 1; }
if grep -q '^forged' "$work/err" || grep -q $'\e' "$work/err"; then
  echo "a file name forged a line or reached the terminal raw: $(cat -A "$work/err")" >&2
  exit 1
fi
