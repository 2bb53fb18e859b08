# Numeric, date and file-name options are read strictly: an empty, negative, fractional or
# out-of-range value is misuse (exit 2) with the valid range in the message, never wrapped to
# 2^64 - 1 or silently ignored, and nothing is loaded or written.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "$*" >&2; exit 1; }

misuse() {  # TEXT ARGS...: exit status 2, TEXT in the message, nothing on standard output
  local text="$1" status=0
  shift
  "$orgraph" "$@" >"$work/out" 2>"$work/err" || status=$?
  [ "$status" = 2 ] || fail "orgraph $*: exit $status, not 2 ($(cat "$work/err"))"
  grep -qF -- "$text" "$work/err" || fail "orgraph $*: the message lacks '$text': $(cat "$work/err")"
  [ ! -s "$work/out" ] || fail "orgraph $*: printed $(cat "$work/out")"
}

number() {  # OPTION RANGE ARGS...: every bad value of OPTION is refused with RANGE in the message
  local option="$1" range="$2"
  shift 2
  for value in "" "-1" "-5" "+3" "1.5" "1e3" " 7" "abc" "99999999999999999999999"; do
    misuse "$option must be a whole number from $range, not '$value'" "$@" "$option" "$value"
  done
}

number --limit "1 to 1000000" find embassy
misuse "--limit must be a whole number from 1 to 1000000, not '0'" find embassy --limit 0
misuse "--limit must be a whole number from 1 to 1000000, not '-3'" find embassy -n -3
number --k "1 to 10000" path korua malta
misuse "--k must be a whole number from 1 to 10000, not '10001'" path korua malta --k 10001
number --max-hops "1 to 1000" path korua malta --all
number --limit "1 to 10000000" path korua malta --all
number --depth "0 to 1000000" reach korua
number --depth "0 to 1000000" dot --focus korua
number --depth "0 to 1000000" render --focus korua -o "$work/x.svg"
number --entities "1 to 100000000" generate -o "$work/gen"
misuse "--entities must be a whole number from 1 to 100000000, not '100000001'" generate -n 100000001 -o "$work/gen"
number --relations "0 to 2000000000" generate -o "$work/gen"
number --seed "0 to 18446744073709551615" generate -o "$work/gen"
misuse "--seed must be a whole number from 0 to 18446744073709551615, not '18446744073709551616'" \
  generate --seed 18446744073709551616 -o "$work/gen"
[ ! -e "$work/gen" ] && [ ! -e "$work/x.svg" ] || fail "a refused command wrote its output"

# The largest seed is taken as it is.
"$orgraph" generate -n 50 -r 60 --seed 18446744073709551615 -o "$work/seeded" | grep -q "seed 18446744073709551615"

# --as-of: an empty value is not "no date".
for value in "" "-5" "20" "2023-13" "2023-02-30" "2023-1-1" "tomorrow" " 2020"; do
  misuse "--as-of '$value' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD" --as-of "$value" info
  misuse "--as-of '$value' is not a date" coverage --as-of "$value"
done
"$orgraph" --as-of 2020 info >/dev/null

# -o "" is not standard output.
misuse "-o needs a file name (or - for standard output), not an empty value" info -o ""
misuse "-o needs a file name" export --to json -o ""
misuse "-o needs a file name" dot -o ""
misuse "-o needs a file name" snapshot -o ""
misuse "-o needs a file name" generate -o ""
