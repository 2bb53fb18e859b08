# Graphviz judges orgraph's DOT: `dot` must parse every diagram (the organisation chart, with and
# without folding, a neighbourhood, a highlighted route) of the built-in dataset and of a dataset
# of nasty names, and the SVG it draws must show those names and tooltips exactly as written:
# quotes, backslashes (one before N, which Graphviz would replace by the node's name), <, >, &,
# line breaks and non-ASCII letters.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
dot=/usr/bin/dot
python=/usr/bin/python3
[ -x "$dot" ] || { echo "missing $dot (Debian graphviz)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() {  # name, then orgraph arguments
  local name="$1"
  shift
  "$orgraph" "$@" -o "$work/$name.dot"
  if ! "$dot" -Tsvg "$work/$name.dot" -o "$work/$name.svg" 2>"$work/$name.err"; then
    echo "FAIL: dot rejected the DOT of: orgraph $*" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
  if grep -qi "error\|warning" "$work/$name.err"; then
    echo "FAIL: dot complained about: orgraph $*" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
}

check chart dot
check chart-unfolded dot --fold none
check chart-countries dot --fold countries
check focus dot --focus korua --depth 2
check highlight dot --highlight aad1 emb-rus-moscow
check focus-highlight dot --focus aad1 --highlight kochacep CHN
check missions --with dprk-missions dot --fold none
check missions-route --with dprk-missions --as-of 2023-06-30 dot --highlight kafa emb-ago-luanda
check kinds dot --kinds ministry,department,country --relations part_of,covers --fold none
"$orgraph" path aad1 emb-rus-moscow --format json -o "$work/route.json"
check highlight-json dot --highlight-json "$work/route.json"
nasty=data/interchange/nasty-names.toml
check nasty --data "$nasty" dot
check nasty-unfolded --data "$nasty" dot --fold none
check nasty-focus --data "$nasty" dot --focus dept-markup
check nasty-route --data "$nasty" dot --highlight dept-markup CIV
check diff-missions --with dprk-missions diff --from 2020 --to 2025 --format dot
check diff-versions --data data/diff/v1 diff --against data/diff/v2 --format dot
check nasty-diff --data data/diff/v1 diff --against "$nasty" --format dot

# The same route: its length in the DOT and in `orgraph path`.
hops=$(sed -n 's|^// route: \([0-9]*\) hops\? from .*|\1|p' "$work/highlight.dot")
path_hops=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["routes"][0]["hops"])' "$work/route.json")
[ "$hops" = "$path_hops" ] || { echo "FAIL: --highlight drew $hops hops, orgraph path found $path_hops" >&2; exit 1; }
grep -q "^// route: $hops hops\? from aad1 to emb-rus-moscow" "$work/highlight-json.dot" ||
  { echo "FAIL: --highlight-json did not draw the route of orgraph path" >&2; exit 1; }

WORK="$work" "$python" - <<'PY'
import os, sys
import xml.etree.ElementTree as ET

work = os.environ["WORK"]
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}title"
failures = []

def texts(name):
    tree = ET.parse(os.path.join(work, name + ".svg"))
    return " ".join(t.text or "" for t in tree.iter(SVG + "text")), [a.get(XLINK) or "" for a in tree.iter(SVG + "a")]

def words(text):
    return " ".join(text.split())

names = {
    "ministry-q": 'Ministry of "Quoted" Affairs',
    "dept-backslash": "Department \\N of Back\\slashes\\",
    "dept-markup": '<b>Bold</b> & Sons > "Markup" Department',
    "dept-lines": "Department written\nover two lines",
    "CIV": "Cote d \u2018Ivoire",
    "KOR": "\ub300\ud55c\ubbfc\uad6d (Republic of Korea)",
    "AMP": 'Ampersand & <Angle> "Quote" Land',
}
for svg in ["nasty", "nasty-unfolded"]:
    shown, tooltips = texts(svg)
    for entity, name in names.items():
        if words(name) not in words(shown):
            failures.append(f"{svg}: the picture does not show {name!r}")
        if entity in ("CIV", "KOR", "AMP") and svg == "nasty":
            continue  # folded into their department's table: no node, no tooltip of their own
        if not any(t.startswith(name + "\n") for t in tooltips):
            failures.append(f"{svg}: no tooltip starts with {name!r}")
    if not any("source: test-source, line 2" in t for t in tooltips):
        failures.append(f"{svg}: tooltips do not carry the sources")
shown, _ = texts("nasty-unfolded")
if "Asia (UN M49 region)" not in shown:
    failures.append("nasty-unfolded: countries are not grouped by region")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "dot parsed 12 diagrams; names and tooltips survive"
