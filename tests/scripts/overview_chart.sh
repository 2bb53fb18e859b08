#!/usr/bin/env bash
# orgraph render --overview: the compact organisation chart of the built-in data. Its SVG, read
# with a real XML parser, must show every department the coverage analysis counts with the same
# number of countries `orgraph coverage --format json` gives it, every institute and association,
# and no post, unit, organ, mission or country; every fill a node uses must be a swatch of the
# legend; the picture must fit one screen (1600x1000 px at 96 dpi); Graphviz's own `dot` must
# accept the DOT; and the overview combined with options it contradicts is a usage error.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" render --overview -o "$work/overview.svg"
"$orgraph" render --overview -o "$work/again.svg"
cmp -s "$work/overview.svg" "$work/again.svg" || { echo "FAIL: two overviews of the same data differ" >&2; exit 1; }
"$orgraph" dot --overview -o "$work/overview.dot"
"$orgraph" coverage --format json -o "$work/coverage.json"
"$orgraph" export --to json -o "$work/graph.json"
if command -v dot >/dev/null; then
  dot -Tsvg "$work/overview.dot" -o /dev/null 2>"$work/dot.err" ||
    { echo "FAIL: Graphviz's dot refuses the overview:" >&2; cat "$work/dot.err" >&2; exit 1; }
fi

# For an earlier date the counts are those coverage gives for that date.
"$orgraph" --as-of 2019-01-01 render --overview -o "$work/2019.svg"
"$orgraph" --as-of 2019-01-01 coverage --format json -o "$work/coverage-2019.json"

WORK="$work" "$python" - <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET

work = os.environ["WORK"]
SVG = "{http://www.w3.org/2000/svg}"
graph = json.load(open(os.path.join(work, "graph.json")))
kind_of = {n["id"]: n["kind"] for n in graph["nodes"]}
failures = []

def nodes(svg):
    """Each drawn node (not the legend): id -> (its text, its fill)."""
    out = {}
    for g in svg.iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        title = g.find(SVG + "title").text
        text = " ".join(" ".join((t.text or "").split()) for t in g.iter(SVG + "text"))
        fills = [e.get("fill") for e in g if e.tag in (SVG + "path", SVG + "polygon", SVG + "ellipse")
                 and e.get("fill") not in (None, "none")]
        out[title] = (text, fills)
    return out

def check(svg_name, coverage_name):
    svg = ET.parse(os.path.join(work, svg_name)).getroot()
    coverage = json.load(open(os.path.join(work, coverage_name)))
    drawn = nodes(svg)
    counted = {u["id"]: u["countries"] for u in coverage["per_unit"] if u["kind"] == "regional_department"}
    if not counted:
        failures.append(f"{coverage_name}: coverage counts no regional department")
    # A regional department the analysis credits with nothing on the date reads "0 countries".
    for unit in [e for e, k in kind_of.items() if k == "regional_department" and e not in counted]:
        counted[unit] = 0
    for unit, n in counted.items():
        text = drawn.get(unit, ("", []))[0]
        want = f"{n} countr{'y' if n == 1 else 'ies'}"
        if unit not in drawn:
            failures.append(f"{svg_name}: department {unit} is not drawn")
        elif not re.search(rf"(^| ){re.escape(want)}$", text):
            failures.append(f"{svg_name}: {unit} reads '{text}', coverage says {want}")
    for e, kind in kind_of.items():
        if kind in ("department", "regional_department", "institute", "association", "ministry") and e not in drawn:
            failures.append(f"{svg_name}: {kind} {e} is not drawn")
    below = [e for e in drawn if e != "orgraph:legend" and kind_of.get(e) not in
             ("ministry", "department", "regional_department", "institute", "association")]
    if below:
        failures.append(f"{svg_name}: draws what lies below the overview's level: {', '.join(sorted(below))}")
    # Every node's fill is one of the legend's swatches (the legend is an HTML table: its swatches
    # are filled polygons inside the legend node).
    legend = next((g for g in svg.iter(SVG + "g") if g.get("class") == "node"
                   and g.find(SVG + "title").text == "orgraph:legend"), None)
    if legend is None:
        failures.append(f"{svg_name}: no legend")
        return svg
    swatches = {p.get("fill").lower() for p in legend.iter(SVG + "polygon") if p.get("fill") not in (None, "none", "white", "#ffffff")}
    if len(swatches) < 5:
        failures.append(f"{svg_name}: the legend shows {len(swatches)} fills, expected one per kind drawn")
    for e, (text, fills) in drawn.items():
        if e == "orgraph:legend":
            continue
        for f in fills:
            if f.lower() not in swatches:
                failures.append(f"{svg_name}: {e} is filled {f}, which the legend does not show ({sorted(swatches)})")
    return svg

svg = check("overview.svg", "coverage.json")
check("2019.svg", "coverage-2019.json")

def pixels(length):  # Graphviz writes pt; 96 dpi: 1 pt = 4/3 px
    m = re.fullmatch(r"([0-9.]+)(pt|px)?", length)
    return float(m.group(1)) * (4 / 3 if m.group(2) in (None, "pt") else 1)

width, height = pixels(svg.get("width")), pixels(svg.get("height"))
if width > 1600 or height > 1000:
    failures.append(f"overview.svg is {width:.0f}x{height:.0f} px, larger than one screen (1600x1000)")
if failures:
    sys.exit("FAIL: " + "\nFAIL: ".join(failures))
print(f"the overview shows every department with its count, no lower level, fills from the legend; {width:.0f}x{height:.0f} px")
PY

# Options the overview contradicts are usage errors (exit 2) that say so, and write nothing.
for option in "--focus aad1" "--fold none" "--highlight aad1 CHN"; do
  set +e
  # shellcheck disable=SC2086
  "$orgraph" render --overview $option -o "$work/bad.svg" 2>"$work/bad.err"
  status=$?
  set -e
  [ "$status" = 2 ] || { echo "FAIL: --overview $option: exit $status, expected 2" >&2; exit 1; }
  grep -q -- "--overview cannot be combined with ${option%% *}" "$work/bad.err" ||
    { echo "FAIL: --overview $option: unclear message:" >&2; cat "$work/bad.err" >&2; exit 1; }
  [ ! -e "$work/bad.svg" ] || { echo "FAIL: a refused overview left bad.svg" >&2; exit 1; }
done
echo "ok"
