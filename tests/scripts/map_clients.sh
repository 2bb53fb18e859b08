# `orgraph map` as readers and tools see it: xmllint accepts the SVG; every country of the
# universe has its shape (id c-NNN) and the state the coverage JSON gives it; uncovered ones have
# the alert fill and every small uncovered state a marker; the missions map shows where the
# missions are; PNG and PDF are real files; two runs give the same bytes; misuse exits 2 and a
# bad universe 1.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "missing xmllint (Debian libxml2-utils; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check_map() {  # $1 the SVG, $2 the coverage JSON of the same question
  xmllint --noout "$1"
  "$python" - "$1" "$2" <<'PY'
import json, sys
import xml.etree.ElementTree as ET

svg_path, json_path = sys.argv[1], sys.argv[2]
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(svg_path).getroot()
report = json.load(open(json_path, encoding="utf-8"))
alert = "#d62728"

shapes = {}
for path in root.iterfind(".//s:path", ns):
    pid = path.get("id", "")
    if pid.startswith("c-"):
        assert pid not in shapes, f"two shapes with the id {pid}"
        shapes[pid] = path
markers = {c.get("data-iso3"): c for c in root.iterfind(".//s:circle", ns) if "marker" in c.get("class", "").split()}
by_iso3 = {p.get("data-iso3"): p for p in shapes.values()}

def state(element):
    return element.get("class").split()[1]

covered = {c["iso3"]: c for c in report["covered"]}
uncovered = {c["iso3"] for c in report["uncovered"]}
multiple = {c["iso3"] for c in report["multiply_covered"]}
home = {h["iso3"] for h in report["home"] if h["in_universe"]}
universe = set(covered) | uncovered | home
assert len(universe) == report["summary"]["universe"], (len(universe), report["summary"])

missing = sorted(universe - set(by_iso3))
assert not missing, f"countries of the universe without a shape: {missing}"
for iso3 in universe:
    p = by_iso3[iso3]
    assert p.get("id") == "c-" + p.get("id")[2:] and len(p.get("id")) == 5, p.get("id")
    title = p.find("s:title", ns)
    assert title is not None and title.text.startswith(""), iso3
    assert f"({iso3})" in title.text, (iso3, title.text)
    expected = ("home" if iso3 in home else "uncovered" if iso3 in uncovered
                else "multiple" if iso3 in multiple else "covered")
    assert state(p) == expected, (iso3, state(p), expected)
    if iso3 in uncovered:
        assert p.get("fill") == alert, (iso3, p.get("fill"))
    else:
        assert p.get("fill") != alert, (iso3, p.get("fill"))
    if iso3 in covered:
        for unit in covered[iso3]["covered_by"]:
            assert f"({unit['id']})" in title.text, (iso3, unit["id"], title.text)
# Countries outside the universe are grey and never alert.
for p in shapes.values():
    if p.get("data-iso3") not in universe:
        assert state(p) == "outside" and p.get("fill") != alert, (p.get("id"), p.get("class"))

# Every small uncovered state has a marker with the alert fill and a label.
small = {"MLT", "TUV", "PLW", "KIR", "MHL", "FSM", "WSM", "TON", "SLB", "BTN", "NRU", "LIE", "SMR", "MCO", "AND",
         "VAT", "KNA", "DMA", "LCA", "VCT", "GRD", "ATG", "BRB", "MDV", "SYC", "STP", "CPV", "COM", "MUS", "BHR",
         "SGP", "BRN"}
labels = [t.text for t in root.iterfind(".//s:text", ns) if t.get("class") == "label"]
for iso3 in sorted(small & uncovered):
    assert iso3 in markers, f"uncovered small state {iso3} has no marker"
    m = markers[iso3]
    assert state(m) == "uncovered" and m.get("fill") == alert, (iso3, m.get("class"), m.get("fill"))
    assert float(m.get("r")) >= 3, (iso3, m.get("r"))
for iso3, m in markers.items():
    assert iso3 in universe, f"a marker for {iso3}, outside the universe"
    assert m.get("id") == by_iso3[iso3].get("id").replace("c-", "m-"), (iso3, m.get("id"))
    assert state(m) == state(by_iso3[iso3]), iso3
assert len(labels) == len(markers), (len(labels), len(markers))

# The legend counts agree with the report.
legend = " ".join(t.text for t in root.iterfind(".//s:text", ns) if t.get("class") == "legend-text")
assert f"covered by no unit: {len(uncovered)} countr" in legend, legend
print(f"{svg_path}: {len(universe)} countries, {len(uncovered)} uncovered, {len(markers)} markers")
PY
}

# The regional departments (the default question).
"$orgraph" map -o "$work/departments.svg"
"$orgraph" coverage --format json -o "$work/departments.json"
check_map "$work/departments.svg" "$work/departments.json"
"$python" - "$work/departments.svg" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
# The eleven uncovered countries of the built-in data, the small ones as markers.
for iso3 in ("MLT", "TUV", "PLW", "KIR", "MHL", "FSM", "WSM", "TON", "SLB", "BTN"):
    assert f'class="marker uncovered" data-iso3="{iso3}"' in text, iso3
assert 'class="country home" data-iso3="PRK"' in text
assert "Countries a regional department covers" in text
PY

# Where the DPRK has missions: the map agrees with `coverage` on the same question.
"$orgraph" --with dprk-missions map --by located_in --from-kind mission -o "$work/missions.svg"
"$orgraph" --with dprk-missions coverage --by located_in --from-kind mission --format json -o "$work/missions.json"
check_map "$work/missions.svg" "$work/missions.json"
grep -q 'class="country multiple" data-iso3="RUS"' "$work/missions.svg"
grep -q 'id="c-643"' "$work/missions.svg"

# Another universe and date, and units of another kind.
"$orgraph" map --universe iso --as-of 2019-06-30 -o "$work/iso.svg" 2>"$work/iso.err"
"$orgraph" coverage --universe iso --as-of 2019-06-30 --format json -o "$work/iso.json"
xmllint --noout "$work/iso.svg"
grep -q "not on the map" "$work/iso.err"
"$orgraph" map --by focuses_on --from-kind association -o "$work/associations.svg"
xmllint --noout "$work/associations.svg"

# Deterministic, and -o writes what standard output shows.
"$orgraph" --with dprk-missions map --by located_in --from-kind mission >"$work/again.svg"
cmp "$work/missions.svg" "$work/again.svg"

# PNG and PDF: the format from the extension or --format; magic bytes and a sane size.
"$orgraph" map -o "$work/map.png"
"$orgraph" map --format pdf -o "$work/map.out"
"$python" - "$work/map.png" "$work/map.out" <<'PY'
import struct, sys
png = open(sys.argv[1], "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", png[:8]
width, height = struct.unpack(">II", png[16:24])
assert width == 1600 and 800 < height < 1400, (width, height)
assert 50_000 < len(png) < 5_000_000, len(png)
pdf = open(sys.argv[2], "rb").read()
assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:], pdf[:8]
assert 20_000 < len(pdf) < 5_000_000, len(pdf)
PY

# Misuse: exit status 2. A universe that names no country: exit status 1.
expect() {  # $1 the expected status, the rest the command line
  local want="$1"
  shift
  set +e
  "$orgraph" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  set -e
  [ "$got" -eq "$want" ] || { echo "orgraph $*: exit status $got, expected $want" >&2; cat "$work/err" >&2; exit 1; }
  [ -s "$work/err" ] || { echo "orgraph $*: no message on standard error" >&2; exit 1; }
}
expect 2 map --format gif -o "$work/x.gif"
# A PNG map goes to standard output when it is a pipe (cli_habits.sh: refused on a terminal).
"$orgraph" map --format png | cat >"$work/piped.png"
head -c 8 "$work/piped.png" | grep -q PNG || { echo "orgraph map --format png wrote no PNG to a pipe" >&2; exit 1; }
expect 2 map --by no_such_relation -o "$work/x.svg"
expect 2 map --from-kind no_such_kind -o "$work/x.svg"
expect 2 map --as-of yesterday -o "$work/x.svg"
expect 2 map --width 10 -o "$work/x.svg"
expect 2 map --no-such-option
expect 1 map --universe "$work/no-such-file.txt" -o "$work/x.svg"
printf 'MLT\nAtlantis\n' >"$work/universe.txt"
expect 1 map --universe "$work/universe.txt" -o "$work/x.svg"
[ ! -e "$work/x.svg" ] || { echo "a failed run left $work/x.svg" >&2; exit 1; }
printf 'MLT\nTUV\nFRA\n' >"$work/universe.txt"
"$orgraph" map --universe "$work/universe.txt" -o "$work/listed.svg"
[ "$(grep -c 'class="marker uncovered"' "$work/listed.svg")" -eq 2 ]
echo "map: ok"
