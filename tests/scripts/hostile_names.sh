# Every writer over a dataset whose text is hostile (tests/data/hostile: terminal escape
# sequences, control characters, bidirectional overrides, spreadsheet formulas, quotes, markup,
# a name of several kilobytes), each output judged by a strict reader: python's json and csv
# modules, xmllint for GraphML and SVG, Graphviz for DOT; text for people must hold no raw control
# character, and no CSV cell may begin like a formula unless --no-formula-guard.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "missing xmllint (Debian libxml2-utils; run scripts/setup)" >&2; exit 1; }
command -v dot >/dev/null || { echo "missing dot (Debian graphviz; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data=(--data data/hostile)
og() { "$orgraph" "${data[@]}" "$@"; }

# Checks of one output file, by kind.
cat >"$work/check.py" <<'EOF'
import csv, io, json, sys, unicodedata

def fail(message):
    sys.exit(f"FAIL: {sys.argv[2]}: {message}")

def text(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"not UTF-8: {e}")

# Characters that act on a terminal or on the order of a line.
def hidden(c):
    o = ord(c)
    return (o < 0x20 and c != "\n") or 0x7F <= o <= 0x9F or o in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029) \
        or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069

def check_terminal(path):
    t = text(path)
    bad = sorted({f"U+{ord(c):04X}" for c in t if hidden(c)})
    if bad:
        fail("raw control characters: " + ", ".join(bad))
    return t

def check_csv_cells(rows, guarded):
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and guarded:
                fail(f"a cell begins like a formula: {cell[:40]!r}")

def check_csv(path, guarded):
    t = text(path)
    if "\0" in t:
        fail("a NUL byte")
    rows = list(csv.reader(io.StringIO(t, newline=""), strict=True))
    if not rows:
        fail("no rows")
    width = len(rows[0])
    for r in rows:
        if len(r) != width:
            fail(f"a row of {len(r)} cells under a header of {width}")
    check_csv_cells(rows, guarded)
    return rows

def check_json(path, lines=False):
    t = text(path)
    for s in ("\u2028", "\u2029"):
        if s in t:
            fail("a raw line or paragraph separator")
    if any(ord(c) < 0x20 and c != "\n" for c in t):
        fail("a raw control character")
    try:
        return [json.loads(l) for l in t.splitlines()] if lines else json.loads(t)
    except json.JSONDecodeError as e:
        fail(f"invalid JSON: {e}")

kind, path = sys.argv[1], sys.argv[2]
if kind == "terminal":
    t = check_terminal(path)
    for want in sys.argv[3:]:
        if want not in t:
            fail(f"does not show {want!r}")
elif kind == "csv":
    check_csv(path, True)
elif kind == "csv-raw":
    rows = check_csv(path, False)
    cells = {c for r in rows for c in r}
    for want in sys.argv[3:]:
        if want not in cells:
            fail(f"no cell {want!r}")
elif kind == "json":
    check_json(path)
elif kind == "jsonl":
    check_json(path, lines=True)
else:
    fail(f"unknown check {kind}")
EOF
check() { "$python" "$work/check.py" "$@"; }

# The dataset loads and validates; its own checks do not refuse any of these names.
og validate >"$work/validate.txt"
check terminal "$work/validate.txt" "ok:"

# Text for people, table and Markdown: control characters in their visible form, ordinary
# Unicode as it is.
i=0
text_runs=(
  "show mca"
  "show --entity=-office"
  "show long"
  "show 대한민국"
  "find office"
  "find Separator"
  "info"
  "coverage"
  "reach mca"
  "routes @x --to-kind country"
  "path @x NOR --k 3"
  "weak-points @x NOR"
)
for run in "${text_runs[@]}"; do
  for format in table markdown json csv; do
    i=$((i + 1))
    out="$work/out-$i"
    # shellcheck disable=SC2086
    og $run --format "$format" >"$out" 2>"$work/err-$i" || fail "'$run --format $format' failed: $(cat "$work/err-$i")"
    check terminal "$work/err-$i"
    case "$format" in
      table | markdown) check terminal "$out" ;;
      json) check json "$out" ;;
      csv) check csv "$out" ;;
    esac
  done
done

# What the text shows, exactly: escapes where the data has control characters.
og show --entity=-office >"$work/card.txt"
check terminal "$work/card.txt" '\x1b]0;pwned\x07Evil \x1b[31mRed\x1b[0m Office' '\u202eeciffO lacitiloP\u202c' \
  'Line\u2028Separator' 'Del\x7fete' '\u009b2J=1+1' '대한민국'
og show mca >"$work/mca.txt"
check terminal "$work/mca.txt" '=HYPERLINK("http://example.invalid/","Ministry")' 'second line\x1b[2J\x1b[H' \
  'organ\x1b[1misation'
og show SAU >"$work/sau.txt"
check terminal "$work/sau.txt" 'المملكة العربية السعودية' '\u200fالمملكة\u200e'
og find office --format markdown >"$work/find.md"
check terminal "$work/find.md" '\x1b]0;pwned'
og find Malta --format markdown >>"$work/find.md"
check terminal "$work/find.md" '@Malta \| Gozo'
# A line break inside a Markdown cell would end the row; '|' would start a cell.
"$python" - "$work/find.md" <<'EOF' || exit 1
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
widths = {l.replace("\\|", "").count("|") for l in lines if l.startswith("|")}
if len(widths) != 1:
    sys.exit(f"FAIL: Markdown rows of different widths: {sorted(widths)}")
EOF

# A line break in a name never starts a line of its own: one row, one line.
# (header, rule, the row; then a blank line and the date the answer is for)
og find Lines >"$work/lines.txt"
[ "$(wc -l <"$work/lines.txt")" = 5 ] || fail "a name with a line break spans lines: $(cat "$work/lines.txt")"
check terminal "$work/lines.txt" 'Two\nLines'
og show long >"$work/long.txt"
grep -q '^  aliases:    Next\\u0085Line; Two\\nLines$' "$work/long.txt" || fail "the aliases do not stay on one line"

# The JSON keeps the data exactly (escaped by JSON's own rules).
og show --entity=-office --format json >"$work/card.json"
"$python" - "$work/card.json" <<'EOF' || exit 1
import json, sys
card = json.load(open(sys.argv[1], encoding="utf-8"))
want = "\x1b]0;pwned\x07Evil \x1b[31mRed\x1b[0m Office"
if card["name"] != want:
    sys.exit(f"FAIL: the JSON name is {card['name']!r}, not {want!r}")
if "Line\u2028Separator" not in card["aliases"] or "Non\ufffeChar" not in card["aliases"]:
    sys.exit(f"FAIL: the JSON aliases lost characters: {card['aliases']!r}")
EOF

# Messages on standard error quote what the user typed and what the data holds, visibly.
s=0
og show $'\e[31mnowhere\u202e' 2>"$work/err" >/dev/null || s=$?
[ "$s" = 2 ] || fail "show of an unknown entity exited $s (an unknown name is misuse: 2)"
check terminal "$work/err" '\x1b[31mnowhere\u202e'

# validate's messages about a hostile dataset quote it visibly.
mkdir "$work/bad"
cp data/hostile/schema.toml "$work/bad/"
sed 's/^kind = "office"$/kind = "off\\u001b[31mice\\u202e"/' data/hostile/data.toml >"$work/bad/data.toml"
s=0
"$orgraph" validate "$work/bad" >/dev/null 2>"$work/bad-err" || s=$?
[ "$s" = 1 ] || fail "validate of an unknown kind exited $s"
grep -q "data.toml:[0-9]*:[0-9]*" "$work/bad-err" || fail "validate does not say where: $(cat "$work/bad-err")"
check terminal "$work/bad-err" 'off\x1b[31mice\u202e'

# CSV: every cell that begins like a formula carries the guard; the values are kept otherwise.
og show mca --format csv >"$work/show.csv"
grep -q "'=HYPERLINK" "$work/show.csv" || true
og find =HYPERLINK --format csv >"$work/find.csv"
check csv "$work/find.csv"
grep -q "^1,mca,organisation,\"'=HYPERLINK" "$work/find.csv" || fail "the guarded name is not in find's CSV: $(cat "$work/find.csv")"
og find =HYPERLINK --format csv --no-formula-guard >"$work/find-raw.csv"
check csv-raw "$work/find-raw.csv" '=HYPERLINK("http://example.invalid/","Ministry")'

og export --to csv -o "$work/csv"
check csv "$work/csv/entities.csv"
check csv "$work/csv/relations.csv"
grep -q '^csv_formula_guard = true$' "$work/csv/dataset.toml" || fail "dataset.toml does not record the guard"
og export --to neo4j -o "$work/neo4j"
check csv "$work/neo4j/nodes.csv"
check csv "$work/neo4j/relationships.csv"
# The ids that begin with '-' are guarded alike wherever they stand, so the links hold.
grep -q "^'-office," "$work/neo4j/nodes.csv" || fail "the node id -office is not guarded"
grep -q "^'-office,long," "$work/neo4j/relationships.csv" || fail "the relationship from -office is not guarded alike"
og export --to neo4j --no-formula-guard -o "$work/neo4j-raw"
check csv-raw "$work/neo4j-raw/nodes.csv" '-office' '+1' '@SUM(A1:A9)'

# The guarded CSV dataset loads back as the same graph: the loader takes the guard off.
og export --to json >"$work/graph.json"
check json "$work/graph.json"
"$orgraph" --data "$work/csv" export --to json >"$work/back.json"
og export --to csv --no-formula-guard -o "$work/csv-raw"
"$orgraph" --data "$work/csv-raw" export --to json >"$work/back-raw.json"
"$python" - "$work/graph.json" "$work/back.json" "$work/back-raw.json" <<'EOF' || exit 1
import json, sys
def facts(path):
    g = json.load(open(path, encoding="utf-8"))
    nodes = sorted(json.dumps({k: v for k, v in n.items() if k not in ("layer",)}, sort_keys=True) for n in g["nodes"])
    links = sorted(json.dumps({k: v for k, v in l.items() if k not in ("layer",)}, sort_keys=True) for l in g["edges"])
    return nodes, links
original = facts(sys.argv[1])
for other in sys.argv[2:]:
    if facts(other) != original:
        a, b = facts(other), original
        diff = [x for x in a[0] if x not in b[0]][:3]
        sys.exit(f"FAIL: {other} does not load back as the same graph: {diff}")
EOF

# Other exports: JSON lines, GraphML.
og export --to ftm >"$work/ftm.jsonl"
check jsonl "$work/ftm.jsonl"
og export --to graphml -o "$work/graph.graphml"
xmllint --noout "$work/graph.graphml" || fail "xmllint refuses the GraphML"
"$python" - "$work/graph.graphml" <<'EOF' || exit 1
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
names = [d.text for d in ET.parse(sys.argv[1]).getroot().iter("{http://graphml.graphdrawing.org/xmlns}data")]
if not any(n and "<&> markup" in n for n in names):
    sys.exit("FAIL: the GraphML lost the markup characters")
if any(n and "\ufffe" in n for n in names):
    sys.exit("FAIL: the GraphML holds U+FFFE")
EOF

# DOT, read by Graphviz; the pictures by xmllint.
og dot >"$work/graph.dot"
dot -Tsvg "$work/graph.dot" >"$work/dot.svg" 2>"$work/dot-err" || fail "Graphviz refuses the DOT: $(cat "$work/dot-err")"
xmllint --noout "$work/dot.svg" || fail "xmllint refuses Graphviz's SVG of our DOT"
og render -o "$work/render.svg" 2>"$work/render-err"
xmllint --noout "$work/render.svg" || fail "xmllint refuses the rendered SVG"
check terminal "$work/render-err"
og map -o "$work/map.svg" 2>"$work/map-err"
xmllint --noout "$work/map.svg" || fail "xmllint refuses the map"
check terminal "$work/map-err"

# The HTML report: every text from the data in its visible form and escaped, in text and in
# attributes; a name written as markup stays text (one <script>, the page's own; no <img>).
og report -o "$work/report.html" 2>"$work/report-err"
check terminal "$work/report-err"
check terminal "$work/report.html" '\x1b]0;pwned\x07Evil \x1b[31mRed\x1b[0m Office'
mkdir "$work/markup"
sed 's|name = "@Malta \| Gozo"|name = "</script><script>document.title=1</script><img src=x onerror=alert(1)>\&amp; Gozo"|' \
  data/hostile/data.toml >"$work/markup/data.toml"
cp data/hostile/schema.toml "$work/markup/schema.toml"
grep -q 'onerror' "$work/markup/data.toml" || fail "the markup name was not planted"
"$orgraph" --data "$work/markup" report -o "$work/markup.html"
"$python" - "$work/markup.html" <<'EOF2' || exit 1
import sys
page = open(sys.argv[1], encoding="utf-8").read()
if page.count("<script") != 1 or "<img" in page or "onerror=alert" not in page:
    sys.exit("FAIL: a name written as markup became markup in the report")
if "&lt;/script&gt;&lt;script&gt;" not in page or "&amp;amp; Gozo" not in page:
    sys.exit("FAIL: the markup name is not shown as text in the report")
EOF2

# A NUL in a string (the TOML escape \u0000) never reaches an output raw.
sed 's/name = "@Malta | Gozo"/name = "Nul\\u0000Land"/' data/hostile/data.toml >"$work/nul.toml"
cp data/hostile/schema.toml "$work/nul-schema.toml"
mkdir "$work/nul" && mv "$work/nul.toml" "$work/nul/data.toml" && mv "$work/nul-schema.toml" "$work/nul/schema.toml"
s=0
"$orgraph" --data "$work/nul" find Nul >"$work/nul-find.txt" 2>"$work/nul-err" || s=$?
check terminal "$work/nul-err"
if [ "$s" = 0 ]; then
  # Loaded: the text shows \x00, JSON escapes it, CSV refuses it with a clear message.
  check terminal "$work/nul-find.txt" 'Nul\x00Land'
  "$orgraph" --data "$work/nul" find Nul --format json >"$work/nul.json"
  check json "$work/nul.json"
  s=0
  "$orgraph" --data "$work/nul" find Nul --format csv >"$work/nul.csv" 2>"$work/nul-err" || s=$?
  [ "$s" = 1 ] || fail "a NUL in a CSV table exited $s"
  [ ! -s "$work/nul.csv" ] || fail "a refused CSV table wrote part of itself"
  grep -q "NUL byte" "$work/nul-err" || fail "the refusal does not say why: $(cat "$work/nul-err")"
  check terminal "$work/nul-err" 'Nul\x00Land'
  s=0
  "$orgraph" --data "$work/nul" export --to csv -o "$work/nul-csv" 2>"$work/nul-err" || s=$?
  [ "$s" = 1 ] || fail "a NUL in the CSV export exited $s"
  [ ! -e "$work/nul-csv" ] || fail "a refused export left a directory"
  grep -q "NUL byte" "$work/nul-err" || fail "the export's refusal does not say why: $(cat "$work/nul-err")"
  "$orgraph" --data "$work/nul" export --to graphml -o "$work/nul.graphml"
  xmllint --noout "$work/nul.graphml" || fail "xmllint refuses the GraphML of a name with NUL"
else
  # Refused at load: the message says where, visibly.
  [ "$s" = 1 ] || fail "loading a NUL exited $s"
  grep -q "data.toml:" "$work/nul-err" || fail "the refusal of a NUL does not say where: $(cat "$work/nul-err")"
fi

# A snapshot carries the values as they are; the outputs from it are the same.
og snapshot -o "$work/hostile.orgraph" >"$work/snapshot.txt"
check terminal "$work/snapshot.txt"
"$orgraph" --data "$work/hostile.orgraph" show --entity=-office >"$work/card-snapshot.txt"
cmp -s "$work/card.txt" "$work/card-snapshot.txt" || fail "the card from the snapshot differs"
"$orgraph" --data "$work/hostile.orgraph" show --entity=-office --format json >"$work/card-snapshot.json"
cmp -s "$work/card.json" "$work/card-snapshot.json" || fail "the JSON card from the snapshot differs"

# Byte-identical across runs.
og show --entity=-office >"$work/card2.txt"
cmp -s "$work/card.txt" "$work/card2.txt" || fail "show differs between two runs"
echo "hostile names: every output checked"
