# The commands on a dataset whose schema shares no kind and no relation kind with the built-in one
# (tests/data/company): coverage and its matrix, the chart, the map, the report, diff and the exports answer from
# what that schema declares ([presentation], [coverage], [gazetteer]), nothing else.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
og() { "$orgraph" --data data/company "$@"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
expect() {  # expect FILE TEXT: the file holds the text
  grep -qF -- "$2" "$1" || fail "$1 does not hold '$2'; it holds:$(printf '\n')$(cat "$1")"
}

# Coverage by the schema's relation (serves) over every market (no membership is declared).
og coverage >"$work/coverage.txt"
expect "$work/coverage.txt" "3 of 4 markets (all markets) have a division that serves them; 1 does not."
expect "$work/coverage.txt" "Uncovered markets, by sales zone (1)"
expect "$work/coverage.txt" "Americas              BRA   Brazil"
expect "$work/coverage.txt" "FRA   France  div-asia, div-europe"
# Places and the entries that are not places are told apart by the schema's [gazetteer] kind.
expect "$work/coverage.txt" "Markets covered outside the universe (0)"
expect "$work/coverage.txt" "Covered entries that are not markets (0)"
expect "$work/coverage.txt" "not markets  regions without markets"
og coverage --format json >"$work/coverage.json"
expect "$work/coverage.json" '"code": "BRA"'
og coverage --by sited_in --format csv >"$work/sited.csv"
expect "$work/sited.csv" "covered,FRA,France,market,Europe,,office-paris"
# Every place, and a list of places, in the schema's words: a bad list names markets.
og coverage --universe iso >"$work/iso.txt"
expect "$work/iso.txt" "3 of 4 markets (all markets) have a division that serves them; 1 does not."
{ printf '%01200d\n' 0; echo Frnce; } >"$work/list.txt"
set +e
og coverage --universe "$work/list.txt" >/dev/null 2>"$work/list.err"
code=$?
set -e
[ "$code" -eq 1 ] || fail "coverage with a bad list: exit status $code, expected 1"
expect "$work/list.err" "list.txt:1:1: error: the line is 1200 bytes long (at most 1000: a market's name or code)"
expect "$work/list.err" "list.txt:2:1: error: no market is called 'Frnce'; did you mean France (FRA)?"
# The universes of members need a membership attribute the schema does not declare.
set +e
og coverage --universe un >/dev/null 2>"$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "coverage --universe un: exit status $code, expected 2"
expect "$work/err" "membership_attribute"

# The matrix: the schema's columns, division and office.
og coverage --matrix --format csv >"$work/matrix.csv"
cat >"$work/matrix.expected" <<'CSV'
code,market,division,office
BRA,Brazil,,
FRA,France,div-asia; div-europe,office-paris
DEU,Germany,div-europe,
JPN,Japan,div-asia,
CSV
cmp "$work/matrix.csv" "$work/matrix.expected" || fail "the matrix differs: $(cat "$work/matrix.csv")"

# The chart: rooted at the board, drawn in the schema's colours, the office inside its division's
# box; with nothing folded, the markets boxed by their sales zone.
og dot >"$work/chart.dot"
expect "$work/chart.dot" 'graph [label="Organisation chart: Board of Directors"'
expect "$work/chart.dot" '"board" [label="Board of Directors", shape=box, fillcolor="#204060", fontcolor="#ffffff", style="filled,bold"'
expect "$work/chart.dot" 'subgraph "cluster_div-europe"'
expect "$work/chart.dot" '"office-paris" [label=<'
expect "$work/chart.dot" 'shape=house, fillcolor="#e0c0a0"'
expect "$work/chart.dot" 'color="#3050a0"'
og dot --fold none >"$work/zones.dot"
expect "$work/zones.dot" 'label="Europe (sales zone)"'
expect "$work/zones.dot" 'label="Asia (sales zone)"'
expect "$work/zones.dot" 'color="#208020"'
og dot --fold markets >"$work/folded.dot"
expect "$work/folded.dot" '<I>serves (2):</I> France; Germany'
if command -v dot >/dev/null; then
  dot -Tsvg "$work/chart.dot" >/dev/null || fail "Graphviz refuses the chart"
fi
og render -o "$work/chart.svg"
expect "$work/chart.svg" "Board of Directors"
# The overview, with the defaults of a schema that declares none: the board's direct parts, each
# division (a kind `serves` may start from) with the markets it serves; the office is not drawn.
og dot --overview >"$work/overview.dot"
expect "$work/overview.dot" 'graph [label="Overview: Board of Directors (how many markets each serves'
expect "$work/overview.dot" '"div-europe" [label="European Division\n2 markets"'
if grep -q '"office-paris"' "$work/overview.dot"; then fail "the overview draws an office"; fi
# Without a chart root there is no top to draw: a usage error that says so.
sed -e '/^root = "board"/d' data/company/schema.toml >"$work/rootless-schema.toml"
mkdir "$work/rootless" && mv "$work/rootless-schema.toml" "$work/rootless/schema.toml"
cp data/company/company.toml "$work/rootless/"
set +e
"$orgraph" --data "$work/rootless" dot --overview >/dev/null 2>"$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "dot --overview without a chart root: exit status $code, expected 2"
expect "$work/err" "an overview needs the chart's root"

# The map joins markets to shapes on the schema's numeric attribute.
og map -o "$work/map.svg" 2>"$work/map.err"
expect "$work/map.svg" 'data-iso3="BRA"'
expect "$work/map.svg" 'class="country uncovered" data-iso3="BRA"'
expect "$work/map.svg" 'no market of the data has this shape'
if [ -s "$work/map.err" ]; then fail "map: $(cat "$work/map.err")"; fi

# The report and the map's legend call the places what the schema calls them; no word of the
# built-in schema (its place kind, its membership attribute) is left in what a reader sees.
og report -o "$work/report.html" 2>"$work/report.err"
expect "$work/report.html" "<h2>Markets no division serves (1)</h2>"
expect "$work/report.html" "<h2>Units and the markets each serves (2)</h2>"
expect "$work/report.html" "<th>market</th><th>why it matters</th>"
expect "$work/report.html" "3 of 4 markets (all markets) covered"
expect "$work/report.html" "Asian Division (div-asia): 2 markets"
expect "$work/report.html" "a market too small to see"
# The text a reader sees: no style sheet, no tags (their classes), no note on the map's shapes,
# which are the world's countries whatever the data's places are.
grep -v '<path' "$work/report.html" | sed -e 's/<style>[^<]*<\/style>//g' -e 's/<[^>]*>//g' \
  -e 's/Country shapes[^<]*//' >"$work/report.txt"
if grep -qi 'countr\|UN status' "$work/report.txt"; then
  fail "the report names countries: $(grep -i 'countr\|UN status' "$work/report.txt" | head -3)"
fi

# diff answers its coverage question in the schema's words.
mkdir "$work/after"
cp data/company/schema.toml "$work/after/"
sed -e 's/^serves = \["JPN", "FRA"\]/serves = ["JPN", "FRA", "BRA"]/' data/company/company.toml >"$work/after/company.toml"
og diff --against "$work/after" >"$work/diff.txt"
expect "$work/diff.txt" "Markets reached for the first time (coverage) (1)"
expect "$work/diff.txt" "id   market  reached now by"
expect "$work/diff.txt" "BRA  Brazil  div-asia"
if grep -qi 'countr' "$work/diff.txt"; then fail "diff names countries: $(cat "$work/diff.txt")"; fi
og diff --against "$work/after" --format json >"$work/diff.json"
expect "$work/diff.json" '"kind": "market"'

# The exports carry the data whatever its kinds.
og export --to graphml -o "$work/company.graphml"
expect "$work/company.graphml" "sited_in"
og export --to json -o "$work/company.json"
expect "$work/company.json" '"reports_to"'
# Bad declarations: every one reported with its place, nothing loaded (exit status 1).
mkdir "$work/bad"
sed -e 's/^board = { shape = "box", fill = "#204060"/board = { shape = "boks", fill = "#20406"/' \
  -e 's/^root = "board"/root = "bord"/' -e 's/^numeric_attribute = "iso_numeric"/numeric_attribute = "iso_num"/' \
  data/company/schema.toml >"$work/bad/schema.toml"
printf '\n[presentation.overview]\nkinds = ["divison"]\ncount_by = "serve"\n' >>"$work/bad/schema.toml"
cp data/company/company.toml "$work/bad/"
set +e
"$orgraph" validate "$work/bad" >"$work/bad.out" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || fail "validate of bad declarations: exit status $code, expected 1"
expect "$work/bad.out" "schema.toml:49:19: error: 'shape' of [presentation.kinds.board] is 'boks'"
expect "$work/bad.out" "schema.toml:49:34: error: 'fill' of [presentation.kinds.board] is '#20406' (expected a colour written #rrggbb"
expect "$work/bad.out" "schema.toml:60:8: error: unknown entity kind 'bord' in 'root' of [presentation.chart]; did you mean 'board'?"
expect "$work/bad.out" "unknown entity kind 'divison' in 'kinds' of [presentation.overview]; did you mean 'division'?"
expect "$work/bad.out" "unknown relation kind 'serve' in 'count_by' of [presentation.overview]; did you mean 'serves'?"
expect "$work/bad.out" "error: 'numeric_attribute' of [gazetteer] names the attribute 'iso_num', which entities of kind 'market' do not carry (expected one of: iso_numeric, note, zone)"

# The generator in another schema's words: its profile names that schema's kinds, relation kinds,
# attributes and values, and what it writes loads beside that schema with no problem.
profiled() { "$orgraph" --data data/generate-profile/schema.toml --data "$work/generated" "$@"; }
"$orgraph" generate -n 1500 -r 6000 -s 2 --profile data/generate-profile/profile.toml -o "$work/generated" \
  >"$work/generate.txt"
expect "$work/generate.txt" "1500 entities (75 nations, 9 agencies of 7 nations), 6000 relations"
expect "$work/generated/dataset.toml" 'description = "75 nations; 7 of them with 9 agencies, their bureaus'
head -1 "$work/generated/entities.csv" >"$work/header.csv"
expect "$work/header.csv" "valid_to,standing,zone_name,subzone_name,remit,aim,team_type,headcount,operation,checked_on,address_text"
if grep -qE ',(country|ministry|embassy|department),' "$work/generated/entities.csv"; then
  fail "the generated entities name a built-in kind"
fi
# Its names are the profile's too.
expect "$work/generated/entities.csv" ",agency,Foreign Agency of "
expect "$work/generated/entities.csv" ",Protocol Bureau,"
if grep -qE 'Ministry|Embassy of|Department' "$work/generated/entities.csv"; then
  fail "the generated entities carry the built-in profile's names"
fi
profiled validate >"$work/validate.txt"
expect "$work/validate.txt" "ok: 2 layers, 1500 entities, 6000 relations"
profiled coverage >"$work/generated-coverage.txt"
# Members and observers, as the schema declares no name for what they are members of.
expect "$work/generated-coverage.txt" "nations (members and observers, other than 7 home nations)"
if grep -qi 'countr' "$work/generated-coverage.txt"; then fail "coverage of the generated data names countries"; fi
# A profile that lacks a role, and one with a key that is no role: each problem at its place, exit 1.
sed -e '/^fax_line = /d' -e 's/^town = "town"/twon = "town"/' data/generate-profile/profile.toml >"$work/bad-profile.toml"
set +e
"$orgraph" generate -n 100 -r 100 --profile "$work/bad-profile.toml" -o "$work/not-written" >/dev/null 2>"$work/profile.err"
code=$?
set -e
[ "$code" -eq 1 ] || fail "generate with a bad profile: exit status $code, expected 1"
expect "$work/profile.err" "bad-profile.toml:4:1: error: [kinds] lacks the roles: town, fax_line (expected an entity kind id"
expect "$work/profile.err" "bad-profile.toml:11:8: error: 'twon' is no role of [kinds]; did you mean 'town'?"
[ ! -e "$work/not-written" ] || fail "generate with a bad profile wrote its directory"

echo "foreign schema: coverage, matrix, chart, map, report, diff, exports and the generator checked"
