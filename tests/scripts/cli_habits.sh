# The habits users bring to a command line, checked on every command they concern: "did you
# mean" for a mistyped option; --format taken or refused alike; "-" for input and output files;
# progress, -q and -v on standard error; the help in one width with GNU-style option lines; the
# bash completion made from the commands.
# $1: the orgraph binary. Working directory: tests/.
set -uo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# expect STATUS NEEDLE COMMAND...: the command exits with STATUS and its standard error holds NEEDLE.
expect() {
  local status="$1" needle="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$status" ] || fail "$* exited $got, not $status: $(cat "$work/err")"
  grep -qF -- "$needle" "$work/err" || fail "$*: stderr lacks '$needle': $(cat "$work/err")"
}
commands=$("$orgraph" completion bash | sed -n 's/^    local commands="\(.*\)"$/\1/p')
[ -n "$commands" ] || fail "the bash completion names no command"

# Did you mean: the nearest option of that command, and none when nothing is near.
expect 2 "unrecognised option '--fromat'; did you mean '--format'?" "$orgraph" show --fromat json aad1
expect 2 "did you mean '--universe'?" "$orgraph" coverage --univrese iso
expect 2 "did you mean '--highlight-json'?" "$orgraph" dot --highlight-jsno r.json
"$orgraph" info --zzzzzzzz 2>"$work/err"
grep -q "did you mean" "$work/err" && fail "a suggestion for an option nothing is near: $(cat "$work/err")"

# --format: every command takes it or refuses it with status 2 and a reason; none ignores it.
for command in $commands; do
  [ "$command" = help ] && continue
  "$orgraph" "$command" --format bogus-format -o "$work/any.out" >"$work/out" 2>"$work/err"
  status=$?
  [ "$status" -eq 2 ] || fail "$command --format bogus-format exited $status, not 2"
  grep -qE "format|--to" "$work/err" || fail "$command --format bogus-format: no word of the format: $(cat "$work/err")"
done
expect 2 "dot takes no --format: it writes Graphviz DOT only" "$orgraph" dot --format svg
expect 2 "snapshot takes no --format" "$orgraph" snapshot -f json -o "$work/s.orgraph"
expect 2 "generate takes no --format" "$orgraph" generate --format=csv -o "$work/g"
expect 2 "validate takes no --format" "$orgraph" validate -fjson
# Where --to names the format, --format and -f are other names of it.
"$orgraph" export --to graphml >"$work/to.graphml"
"$orgraph" export --format graphml >"$work/format.graphml"
"$orgraph" export -f graphml >"$work/f.graphml"
cmp -s "$work/to.graphml" "$work/format.graphml" || fail "export --format graphml differs from --to graphml"
cmp -s "$work/to.graphml" "$work/f.graphml" || fail "export -f graphml differs from --to graphml"
"$orgraph" render --format png -o "$work/r.png" && head -c 4 "$work/r.png" | grep -q PNG ||
  fail "render --format png did not write a PNG"
"$orgraph" map -f pdf -o "$work/m.pdf" && head -c 4 "$work/m.pdf" | grep -q %PDF || fail "map -f pdf did not write a PDF"
# -o FILE.EXT: the extension chooses the format when --format is not given, and may not
# contradict it when it is.
"$orgraph" info -o "$work/info.json" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/info.json" ||
  fail "info -o info.json did not write JSON"
"$orgraph" coverage -o "$work/c.CSV" && head -1 "$work/c.CSV" | grep -q , || fail "coverage -o c.CSV did not write CSV"
"$orgraph" info -o "$work/info.out" && head -1 "$work/info.out" | grep -q "entities" || fail "info -o info.out: no table"
expect 2 "the name says csv but --format is json" "$orgraph" info --format json -o "$work/x.csv"
[ ! -e "$work/x.csv" ] || fail "a refused -o x.csv was written"
# Pictures too: a PNG is not written under an SVG's name, whether --to or --format chose it.
expect 2 "the name says svg but --to is png (name it $work/r.png for png" "$orgraph" render --to png -o "$work/r.svg"
expect 2 "the name says svg but --format is pdf" "$orgraph" map --format pdf -o "$work/m.svg"
expect 2 "the name says json but --to is svg" "$orgraph" render --format svg -o "$work/r.json"
[ ! -e "$work/r.svg" ] && [ ! -e "$work/m.svg" ] && [ ! -e "$work/r.json" ] || fail "a refused picture was written"
# A name that says a format the command does not write is refused, not filled with another.
expect 2 "-o $work/i.svg: the name says svg, which this command does not write (name the file .txt for table, .json" \
  "$orgraph" info -o "$work/i.svg"
expect 2 "the name says graphml, which this command does not write" "$orgraph" coverage -o "$work/c.graphml"
expect 2 "the name says html, which this command does not write" "$orgraph" diff --from 2020 -o "$work/d.html"
expect 2 "the name says svg, but dot writes Graphviz DOT only (name it $work/c.dot; 'orgraph render' draws" \
  "$orgraph" dot -o "$work/c.svg"
expect 2 "the name says pdf, but report writes one HTML page only (name it $work/r.html)" \
  "$orgraph" report -o "$work/r.pdf"
for refused in i.svg c.graphml d.html c.svg r.pdf; do [ ! -e "$work/$refused" ] || fail "the refused $refused was written"; done
"$orgraph" dot -o "$work/c.gv" && grep -q "^digraph" "$work/c.gv" || fail "dot -o c.gv wrote no DOT"
"$orgraph" report -o "$work/r.HTM" && grep -q "<html" "$work/r.HTM" || fail "report -o r.HTM wrote no page"
"$orgraph" diff --from 2020 -o "$work/d.svg" && grep -q "<svg" "$work/d.svg" || fail "diff -o d.svg did not draw SVG"
# A value that looks like -f is a value, not --format.
"$orgraph" dot --title -f >/dev/null || fail "dot --title -f took the title for --format"

# "-" for input: --data - reads GraphML, node-link JSON, TOML or a snapshot from standard input.
"$orgraph" --data data/example info >"$work/file.txt"
"$orgraph" --data data/example export --to graphml >"$work/example.graphml"
"$orgraph" --data data/example export --to json >"$work/example.json"
"$orgraph" --data data/example snapshot -o "$work/example.orgraph" >/dev/null
"$orgraph" --data "$work/example.graphml" info --format json >"$work/graphml-file.json"
"$orgraph" --data - info --format json <"$work/example.graphml" >"$work/graphml-stdin.json" ||
  fail "--data - did not read GraphML"
# The same counts as the file gives (the layer is named after the file, or stdin).
grep -o '"entities": [0-9]*' "$work/graphml-file.json" >"$work/a"
grep -o '"entities": [0-9]*' "$work/graphml-stdin.json" >"$work/b"
cmp -s "$work/a" "$work/b" || fail "--data - read another graph than --data FILE.graphml"
"$orgraph" --data - info --format json <"$work/example.json" >"$work/json-stdin.json" || fail "--data - did not read JSON"
"$orgraph" --data - info --format json <"$work/example.orgraph" >"$work/snap-stdin.json" ||
  fail "--data - did not read a snapshot"
grep -o '"entities": [0-9]*' "$work/snap-stdin.json" >"$work/c"
cmp -s "$work/a" "$work/c" || fail "--data - read another graph from the snapshot"
layers=(--data data/example/schema.toml --data data/example/world.toml)
"$orgraph" "${layers[@]}" --data data/example/ministry.toml info >"$work/toml-file.txt"
head -1 "$work/toml-file.txt" >"$work/a1"
"$orgraph" "${layers[@]}" --data - info <data/example/ministry.toml >"$work/toml-stdin.txt" || fail "--data - did not read TOML"
head -1 "$work/toml-stdin.txt" >"$work/b1"
cmp -s "$work/a1" "$work/b1" || fail "--data - read other TOML than the file"
"$orgraph" "${layers[@]}" --with - info <data/example/ministry.toml >"$work/toml-with.txt" || fail "--with - failed"
head -1 "$work/toml-with.txt" >"$work/b1"
cmp -s "$work/a1" "$work/b1" || fail "--with - read other TOML than the file"
printf 'not a dataset = = =\n' | "$orgraph" --data - info >/dev/null 2>"$work/err"
[ $? -eq 1 ] || fail "--data - with bad text did not exit 1"
grep -q "^-:1:" "$work/err" || fail "a problem on standard input is not named -:LINE: $(cat "$work/err")"
# --highlight-json - and --universe - read standard input too; two readers of it are a misuse.
"$orgraph" path aad1 malta --format json >"$work/route.json"
"$orgraph" dot --highlight-json "$work/route.json" >"$work/hl-file.dot"
"$orgraph" dot --highlight-json - <"$work/route.json" >"$work/hl-stdin.dot" || fail "--highlight-json - failed"
cmp -s "$work/hl-file.dot" "$work/hl-stdin.dot" || fail "--highlight-json - differs from --highlight-json FILE"
printf 'KOR\nJPN\n' >"$work/list.txt"
"$orgraph" coverage --universe "$work/list.txt" --format csv >"$work/u-file.csv"
printf 'KOR\nJPN\n' | "$orgraph" coverage --universe - --format csv >"$work/u-stdin.csv" || fail "--universe - failed"
cmp -s "$work/u-file.csv" "$work/u-stdin.csv" || fail "--universe - differs from --universe FILE"
expect 2 "cannot both read standard input" "$orgraph" --data - dot --highlight-json - <"$work/example.orgraph"

# "-o -" is standard output wherever output is written; binary bytes only when it is no terminal.
for args in "info" "show aad1" "coverage --format csv" "path aad1 malta" "dot" "export --to graphml" "map" \
  "render" "diff --from 2020 --to 2024"; do
  # shellcheck disable=SC2086
  "$orgraph" $args >"$work/plain" 2>/dev/null
  # shellcheck disable=SC2086
  "$orgraph" $args -o - >"$work/dash" 2>/dev/null || fail "orgraph $args -o - failed"
  [ -s "$work/dash" ] || fail "orgraph $args -o - wrote nothing"
  [ "$args" = render ] || cmp -s "$work/plain" "$work/dash" || fail "orgraph $args -o - differs from standard output"
done
"$orgraph" snapshot -o - >"$work/piped.orgraph" || fail "snapshot -o - to a pipe failed"
"$orgraph" --data "$work/piped.orgraph" info >/dev/null || fail "the snapshot written to standard output does not open"
if command -v script >/dev/null; then
  script -qec "'$orgraph' render --to png -o -" /dev/null >"$work/tty" 2>&1
  [ $? -eq 2 ] || fail "render --to png -o - on a terminal did not exit 2"
  grep -q "not written to a terminal" "$work/tty" || fail "render png on a terminal: $(cat "$work/tty")"
  for args in "map --format png" "diff --from 2020 --format pdf" "snapshot -o -"; do
    script -qec "'$orgraph' $args" /dev/null >"$work/tty" 2>&1
    [ $? -eq 2 ] || fail "$args on a terminal did not exit 2"
    grep -q "not written to a terminal" "$work/tty" || fail "$args on a terminal: $(cat "$work/tty")"
  done
fi

# Progress, -q and -v on standard error.
"$orgraph" generate -n 8000 -r 16000 -o "$work/big" >/dev/null
ORGRAPH_PROGRESS=1 ORGRAPH_PROGRESS_DELAY=0 "$orgraph" --data "$work/big" info -o /dev/null 2>"$work/err"
grep -q "orgraph: loading the data\.\.\. [0-9]* s" "$work/err" || fail "no progress line: $(od -c "$work/err" | head)"
ORGRAPH_PROGRESS=1 ORGRAPH_PROGRESS_DELAY=0 "$orgraph" -q --data "$work/big" info -o /dev/null 2>"$work/err"
[ ! -s "$work/err" ] || fail "-q let progress through: $(od -c "$work/err" | head)"
ORGRAPH_PROGRESS_DELAY=0 "$orgraph" --data "$work/big" info -o /dev/null 2>"$work/err"
[ ! -s "$work/err" ] || fail "progress on standard error that is not a terminal: $(od -c "$work/err" | head)"
if command -v script >/dev/null; then
  ORGRAPH_PROGRESS_DELAY=0 script -qec "'$orgraph' --data '$work/big' info -o /dev/null" /dev/null >"$work/tty"
  grep -q "loading the data" "$work/tty" || fail "no progress on a terminal"
fi
"$orgraph" -v --data "$work/big" export --to graphml -o /dev/null 2>"$work/err"
for phase in "loading the data" "deriving relations" "exporting as graphml"; do
  grep -qE "^orgraph: $phase: [0-9]+\.[0-9]{3} s \(peak memory so far [0-9]+ MiB\)$" "$work/err" || fail "-v printed no time of '$phase': $(cat "$work/err")"
done
"$orgraph" -v --data "$work/big" info -o "$work/info.txt" 2>"$work/err"
grep -qE "^orgraph: answering, once the graph was loaded: [0-9]+\.[0-9]{3} s$" "$work/err" || fail "-v printed no time of the answer: $(cat "$work/err")"
grep -qE "^orgraph: memory once the answer was written: [0-9]+ MiB of its own" "$work/err" || fail "-v printed no memory: $(cat "$work/err")"
"$orgraph" --verbose snapshot -o "$work/v.orgraph" 2>"$work/err" >/dev/null
grep -q "^orgraph: writing the snapshot: " "$work/err" || fail "-v printed no time of writing the snapshot"
"$orgraph" info >/dev/null 2>"$work/err"
[ ! -s "$work/err" ] || fail "timings without -v: $(cat "$work/err")"
"$orgraph" map --universe iso -o "$work/m.svg" 2>"$work/err"
grep -q "not on the map" "$work/err" || fail "map printed no warning of the countries it cannot draw"
"$orgraph" map --universe iso -o "$work/m.svg" --quiet 2>"$work/err"
[ ! -s "$work/err" ] || fail "--quiet let a warning through: $(cat "$work/err")"
expect 2 "cannot be given together" "$orgraph" info -q -v

# The help: one width, GNU-style option lines, no empty section, no path of the source tree.
for command in "" $commands; do
  if [ -z "$command" ]; then "$orgraph" help >"$work/help"; else "$orgraph" help "$command" >"$work/help"; fi
  name="help${command:+ $command}"
  python3 - "$work/help" "$name" <<'PY' || fail "$name: lines wider than 80 columns"
import sys
wide = [line for line in open(sys.argv[1], encoding="utf-8").read().splitlines() if len(line) > 80]
for line in wide:
    print(f"{sys.argv[2]}: {len(line)} columns: {line}", file=sys.stderr)
sys.exit(1 if wide else 0)
PY
  grep -q '\[ --' "$work/help" && fail "$name: Boost's '-x [ --long ]' form: $(grep '\[ --' "$work/help")"
  grep -q 'docs/' "$work/help" && fail "$name: points into the source tree: $(grep 'docs/' "$work/help")"
  awk '/:$/ { header = NR } /^$/ && header == NR - 1 { bad = 1 } END { exit bad }' "$work/help" ||
    fail "$name: a section header with nothing under it"
  [ -z "$command" ] && continue
  grep -q "man orgraph-$command" "$work/help" || fail "$name: does not name its manual page"
done
"$orgraph" help find | grep -qE '^  -n, --limit=N +at most N matches' || fail "find's help has no GNU-style -n, --limit=N"
"$orgraph" help find | grep -qE '^      --data=PATH ' || fail "find's help has no GNU-style --data=PATH"

# The bash completion: command names, then a command's own options.
"$orgraph" completion bash >"$work/orgraph.bash"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _orgraph; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$work/orgraph.bash" "$@"
}
[ "$(complete_words orgraph wea)" = weak-points ] || fail "bash completion of 'wea': $(complete_words orgraph wea)"
[ "$(complete_words orgraph --data x cov)" = coverage ] || fail "bash completion after --data x"
complete_words orgraph coverage --univ | grep -qx -- --universe || fail "bash completion of coverage --univ"
complete_words orgraph coverage --ma | grep -qx -- --matrix || fail "bash completion of coverage --ma"
complete_words orgraph show --ma | grep -q . && fail "bash completion offers show an option of coverage"
complete_words orgraph help sh | grep -qx show || fail "bash completion of help sh"
touch "$work/data-file.graphml"
complete_words orgraph info --data "$work/data-f" | grep -qx "$work/data-file.graphml" || fail "no file after --data"
expect 2 "expected bash or zsh" "$orgraph" completion fish
if command -v zsh >/dev/null; then
  "$orgraph" completion zsh >"$work/_orgraph"
  zsh -n "$work/_orgraph" || fail "the zsh completion does not parse"
fi

[ "$failures" -eq 0 ] || {
  echo "$failures failures" >&2
  exit 1
}
