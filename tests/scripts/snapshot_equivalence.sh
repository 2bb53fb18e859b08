# A snapshot answers exactly as the text it was made from: for every command line below, the
# standard output, the standard error, the exit status and any files written with -o are
# byte-identical whether orgraph reads the data as text or from a snapshot (a snapshot made
# from a snapshot included: it is the same file as one made from the text).
#   (a) the built-in data: the snapshot compiled into the binary against the embedded TOML
#       (ORGRAPH_NO_BUILTIN_SNAPSHOT=1);
#   (b) the built-in data: a snapshot file (orgraph snapshot -o, with and without
#       --with dprk-missions) given as --data, against the embedded TOML;
#   (c) a generated dataset (3000 entities, 12000 relations) against its snapshot;
#   (d) tests/data/example against its snapshot;
#   (e) a snapshot made on another day, carrying that day's graph, answering for a day of its
#       span and for a day past it.
# On a mismatch it prints the command line and a diff, and exits 1 after all cases have run.
# $1 (or ORGRAPH_BINARY): the orgraph binary. Working directory: any (it moves to tests/).
set -euo pipefail
orgraph="${1:-${ORGRAPH_BINARY:-}}"
[ -n "$orgraph" ] || { echo "usage: $0 ORGRAPH_BINARY" >&2; exit 2; }
orgraph=$(cd "$(dirname "$orgraph")" && pwd)/$(basename "$orgraph")
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
cases=0

# run NAME ENV ARGS...: runs orgraph with ARGS (@OUT@ stands for an empty directory for -o) in
# the environment ENV ("-" for none) and keeps stdout, stderr, exit status and the directory
# under $work/NAME. The directory has the same path for every run, so that a message naming an
# output file is the same too.
run() {
  local name="$1" env="$2"
  shift 2
  local args=() a
  for a in "$@"; do args+=("${a//@OUT@/$work/out}"); done
  rm -rf "$work/out" "${work:?}/${name:?}"
  mkdir -p "$work/out" "$work/$name"
  local code=0
  if [ "$env" = "-" ]; then
    env -u ORGRAPH_NO_BUILTIN_SNAPSHOT "$orgraph" "${args[@]}" >"$work/$name/stdout" 2>"$work/$name/stderr" || code=$?
  else
    env "$env" "$orgraph" "${args[@]}" >"$work/$name/stdout" 2>"$work/$name/stderr" || code=$?
  fi
  echo "$code" >"$work/$name/code"
  mv "$work/out" "$work/$name/files"
}

# same LABEL NAME_A NAME_B: the two runs gave the same answer; prints a diff otherwise.
same() {
  local label="$1" a="$work/$2" b="$work/$3"
  cases=$((cases + 1))
  if ! diff -r "$a" "$b" >"$work/diff" 2>&1; then
    failures=$((failures + 1))
    echo "MISMATCH ($label): $2 vs $3" >&2
    head -n 40 "$work/diff" >&2
    echo >&2
  fi
}

# A non-empty answer: a case that prints nothing and exits 2 on both sides would prove nothing.
# A name the data has no entity for (or several) also exits 2, but only the data decides that,
# so those cases compare what the two loads hold.
answered() {
  local label="$1" name="$work/$2"
  if [ "$(cat "$name/code")" = 2 ] && ! grep -qE "no entity is called|is ambiguous" "$name/stderr"; then
    failures=$((failures + 1))
    echo "MISUSE ($label): exit status 2, the case list is wrong:" >&2
    head -n 3 "$name/stderr" >&2
  fi
}

# ---- (a) and (b): the built-in data
"$orgraph" snapshot -o "$work/builtin.orgraph" >/dev/null
"$orgraph" --with dprk-missions snapshot -o "$work/builtin-missions.orgraph" >/dev/null

# One command line a line, in shell quoting. A leading "a-only" marks a line that (b) skips:
# validate of a snapshot file checks the file, not the data, and says so differently by design.
builtin_cases=$(cat <<'EOF'
info
info --format json
info --format csv
info --format markdown
info --no-derived
info --as-of 2020
--with dprk-missions info --format markdown
show korua
show korua --format json
show korua --format csv
show korua --format markdown
show malta
show malta --format json
show "European Affairs Department 2" --format markdown
show "cote d'ivoire" --format csv
show mfa --format json --no-derived
show aad1 --as-of 2010
show CHN --format json
--with dprk-missions show "DPRK Embassy in Moscow"
--with dprk-missions show emb-nga-abuja --format json
show "no such office"
find korea
find "cote d'ivoire" --format json
find asian --format csv -n 5
find department --format markdown
find embassy --kind mission --with dprk-missions
coverage
coverage --format json
coverage --format csv
coverage --format markdown
coverage --by focuses_on --from-kind association
coverage --by focuses_on --format json
coverage --with dprk-missions --by located_in --from-kind mission
coverage --with dprk-missions --by located_in --from-kind mission --as-of 2024-01-30 --format json
coverage --as-of 2020
coverage --as-of 2020 --format json
coverage --universe un
coverage --universe un --no-regions --as-of 2019-06-30
coverage --universe data/coverage/universe-good.txt --format csv
coverage --universe data/coverage/universe-bad.txt
coverage --matrix
coverage --matrix --format csv
coverage --with dprk-missions --matrix --format json
coverage --no-derived --format markdown
reach korua
reach korua --via focuses_on,contact_via --format json
reach mfa --via part_of --depth 1 --kinds regional_department --format json
reach emb-rus-moscow --reverse --depth 2 --format csv
--with dprk-missions reach aalad --via oversees --format json
--with dprk-missions reach kafa --format markdown
path korua emb-rus-moscow
path korua emb-rus-moscow --k 3
path korua emb-rus-moscow --k 3 --format json
path korua emb-rus-moscow --k 3 --no-derived
path korua emb-rus-moscow --all --max-hops 3 --format csv
path korua emb-rus-moscow --via sponsored_by,part_of --format json
path CHN korua
path aad1 malta --format json
--with dprk-missions path kafa emb-nga-abuja --format json
--with dprk-missions --as-of 2023-06-30 path kafa emb-ago-luanda --k 3 --format markdown
--with dprk-missions --as-of 2024-06 path kafa emb-gin-conakry
routes korua --to-kind mission
routes korua --to-kind mission --format json
routes korua --to-kind mission --via contact_via --format csv
--with dprk-missions routes "Korea-Africa Association" --to-kind embassy
--with dprk-missions routes kafa --to-kind embassy --format json
--with dprk-missions --as-of 2024-06 routes kafa --to-kind embassy --via sponsored_by,part_of,oversees --format csv
--with dprk-missions routes mfa --to-kind mission --via part_of,oversees
weak-points korua --to-kind mission
weak-points korua emb-rus-moscow --format json
weak-points korua --to-kind mission --via contact_via --format json
weak-points emb-rus-moscow korua
--with dprk-missions weak-points kafa emb-nga-abuja
--with dprk-missions weak-points kafa --to-kind embassy --format json
--with dprk-missions weak-points kafa --to-kind mission --format csv --no-derived
dot
dot --no-legend --title "The ministry"
dot --focus korua --depth 2
dot --focus aad1 --highlight aad1 CHN
dot --fold none --kinds ministry,department,country
--with dprk-missions dot --focus kafa --highlight kafa emb-nga-abuja
dot --as-of 2010
export --to graphml -o @OUT@/mfa.graphml
export --to json -o @OUT@/mfa.json
export --to csv -o @OUT@/mfa-csv
export --to neo4j -o @OUT@/mfa-neo4j
export --to ftm -o @OUT@/mfa.ftm.json
export --to json
export --to graphml --no-derived -o @OUT@/mfa.graphml
export --to csv --as-of 2020 -o @OUT@/mfa-csv
--with dprk-missions export --to ftm -o @OUT@/missions.ftm.json
--with dprk-missions export --to neo4j -o @OUT@/missions-neo4j
snapshot -o @OUT@/again.orgraph
--with dprk-missions snapshot -o @OUT@/again.orgraph
--as-of 2020 --no-derived snapshot -o @OUT@/again.orgraph
a-only validate
a-only validate --no-derived
a-only --with dprk-missions validate
a-only --with dprk-missions validate --as-of 2024-06
a-only --with dprk-missions diff --from 2020 --to 2025
a-only --with dprk-missions diff --from 2021-06 --to 2024-06-30 --format json
a-only diff --from 2019 --to 2021 --format csv
history GBR --format json
--with dprk-missions history emb-ago-luanda
EOF
)

n=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  n=$((n + 1))
  a_only=false
  if [[ "$line" == "a-only "* ]]; then a_only=true; line=${line#a-only }; fi
  eval "args=($line)"
  run "b$n-text" ORGRAPH_NO_BUILTIN_SNAPSHOT=1 "${args[@]}"
  answered "built-in: $line" "b$n-text"
  # (a) the snapshot compiled into the binary
  run "b$n-builtin" - "${args[@]}"
  same "built-in snapshot: $line" "b$n-text" "b$n-builtin"
  $a_only && continue
  # (b) a snapshot file of the same data: --with dprk-missions becomes the snapshot made with it
  file="$work/builtin.orgraph"
  rest=()
  skip=false
  for a in "${args[@]}"; do
    if $skip; then skip=false; continue; fi
    if [ "$a" = --with ]; then file="$work/builtin-missions.orgraph"; skip=true; continue; fi
    rest+=("$a")
  done
  run "b$n-file" - --data "$file" "${rest[@]}"
  same "snapshot file: $line" "b$n-text" "b$n-file"
done <<<"$builtin_cases"

# ---- (c) a generated dataset against its snapshot
gen="$work/generated"
"$orgraph" generate --entities 3000 --relations 12000 --seed 5 -o "$gen" >/dev/null
"$orgraph" --data "$gen" snapshot -o "$work/generated.orgraph" >/dev/null
country=$(awk -F, '$2 == "country" { print $1; exit }' "$gen/entities.csv")
association=$(awk -F, '$2 == "association" { print $1; exit }' "$gen/entities.csv")
embassy=$(awk -F, '$2 == "embassy" { last = $1 } END { print last }' "$gen/entities.csv")
ministry=$(awk -F, '$2 == "ministry" { print $1; exit }' "$gen/entities.csv")
[ -n "$country" ] && [ -n "$association" ] && [ -n "$embassy" ] && [ -n "$ministry" ] || {
  echo "the generated dataset lacks a country, an association, an embassy or a ministry" >&2
  exit 1
}

# compare_data LABEL TEXT SNAPSHOT ARGS...: ARGS against the text and against the snapshot.
compare_data() {
  local label="$1" text="$2" snapshot="$3"
  shift 3
  n=$((n + 1))
  run "d$n-text" - --data "$text" "$@"
  answered "$label: $*" "d$n-text"
  run "d$n-file" - --data "$snapshot" "$@"
  same "$label: $*" "d$n-text" "d$n-file"
}

for args in \
  "info" \
  "info --format json" \
  "info --no-derived" \
  "coverage" \
  "coverage --format json" \
  "coverage --matrix --format csv" \
  "reach $association" \
  "reach $association --format json" \
  "reach $country --reverse --depth 2 --format csv" \
  "path $association $embassy" \
  "path $association $embassy --k 3 --format json" \
  "path $association $country --k 3" \
  "routes $association --to-kind embassy" \
  "routes $association --to-kind mission --format json" \
  "weak-points $association $embassy" \
  "show $ministry --format json" \
  "find $country" \
  "export --to json -o @OUT@/generated.json" \
  "snapshot -o @OUT@/again.orgraph"; do
  # shellcheck disable=SC2086  # the ids are plain words
  compare_data generated "$gen" "$work/generated.orgraph" $args
done

# ---- (e) today's graph, carried in a snapshot of every date: made on a day in 2019, it answers
# for a day of its span from that graph, and for a day past it (2026) from the graph of every
# date; both as the text does.
ORGRAPH_TODAY=2019-01-01 "$orgraph" --with dprk-missions snapshot -o "$work/made-2019.orgraph" >"$work/made-2019.out"
if ! grep -q "it keeps today's graph (2019-01-01) for answers on every day from .* until " "$work/made-2019.out"; then
  failures=$((failures + 1))
  echo "MISMATCH (today's graph): the snapshot made on 2019-01-01 does not say the days it answers for:" >&2
  cat "$work/made-2019.out" >&2
fi
for today in 2019-06-01 2026-07-01; do
  for line in "coverage" "info --format json" "path korua emb-rus-moscow" "reach mfa --format csv"; do
    n=$((n + 1))
    eval "args=($line)"
    run "e$n-text" "ORGRAPH_TODAY=$today" --with dprk-missions "${args[@]}"
    answered "today $today: $line" "e$n-text"
    run "e$n-file" "ORGRAPH_TODAY=$today" --data "$work/made-2019.orgraph" "${args[@]}"
    same "today's graph made 2019-01-01, today $today: $line" "e$n-text" "e$n-file"
  done
done

# ---- (d) tests/data/example against its snapshot
"$orgraph" --data data/example snapshot -o "$work/example.orgraph" >/dev/null
example_cases=$(cat <<'EOF'
info
info --format json
info --format csv
info --format markdown
show north-office
show north-office --format json
show mca --format markdown
show south-office --format csv
show archive
show "Ivory Coast" --format json
show "coastal office"
show "Nothern Office"
--as-of 2020 show archive
--as-of 2020 show south-office
find office
find coast --kind organisation
find "cote d'ivoire" --format json
coverage --universe data/coverage/universe-good.txt
coverage --format json
reach mca --reverse
reach south-office --format json
path south-office NOR --k 3
path north-office archive --format json
routes mca --to-kind country
weak-points mca --to-kind country
dot
dot --focus north-office --highlight north-office ISL
export --to graphml -o @OUT@/example.graphml
export --to json -o @OUT@/example.json
export --to csv -o @OUT@/example-csv
export --to neo4j -o @OUT@/example-neo4j
export --to ftm -o @OUT@/example.ftm.json
--no-derived export --to json -o @OUT@/example.json
snapshot -o @OUT@/again.orgraph
--as-of 2020 snapshot -o @OUT@/again.orgraph
EOF
)
while IFS= read -r line; do
  [ -n "$line" ] || continue
  eval "args=($line)"
  compare_data example data/example "$work/example.orgraph" "${args[@]}"
done <<<"$example_cases"

if [ "$failures" -gt 0 ]; then
  echo "FAIL: $failures of $cases comparisons differ between text and snapshot" >&2
  exit 1
fi
echo "ok: $cases comparisons, text and snapshot answer alike"
