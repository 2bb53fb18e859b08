# orgraph render lays out and draws in-process: the SVG of the built-in organisation chart must be
# well-formed and show the name of every department (regional or not), institute and
# association; PNG and PDF must carry their formats' signatures; a render writes nothing when it
# fails; and the same data gives the same SVG twice.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" render -o "$work/ministry.svg"
"$orgraph" render -o "$work/again.svg"
cmp -s "$work/ministry.svg" "$work/again.svg" || { echo "FAIL: two renders of the same data differ" >&2; exit 1; }
"$orgraph" render --to png -o "$work/ministry.png"
"$orgraph" render --focus kcca -o "$work/kcca.pdf"
"$orgraph" export --to json -o "$work/graph.json"
[ "$(head -c 8 "$work/ministry.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] ||
  { echo "FAIL: ministry.png is not a PNG" >&2; exit 1; }
[ "$(head -c 5 "$work/kcca.pdf")" = "%PDF-" ] || { echo "FAIL: kcca.pdf is not a PDF" >&2; exit 1; }

# A failing render (an unknown kind) leaves no file behind.
if "$orgraph" render --kinds no_such_kind -o "$work/bad.svg" 2>"$work/bad.err"; then
  echo "FAIL: render accepted an unknown kind" >&2; exit 1
fi
[ ! -e "$work/bad.svg" ] || { echo "FAIL: a failed render left bad.svg" >&2; exit 1; }
ls -a "$work" | grep -q '\.tmp' && { echo "FAIL: a temporary file was left behind" >&2; exit 1; }

WORK="$work" "$python" - <<'PY'
import json, os, sys
import xml.etree.ElementTree as ET

work = os.environ["WORK"]
SVG = "{http://www.w3.org/2000/svg}"
tree = ET.parse(os.path.join(work, "ministry.svg"))
shown = " ".join(" ".join((t.text or "").split()) for t in tree.iter(SVG + "text"))
shown = " ".join(shown.split())
graph = json.load(open(os.path.join(work, "graph.json")))
wanted = [n for n in graph["nodes"] if n["kind"] in ("department", "regional_department", "institute", "association")]
missing = [n["name"] for n in wanted if " ".join(n["name"].split()) not in shown]
if len(wanted) < 20:
    sys.exit(f"FAIL: expected the built-in dataset's 24 parts, found {len(wanted)}")
if missing:
    sys.exit("FAIL: the organisation chart does not show: " + "; ".join(missing))
print(f"the SVG shows all {len(wanted)} departments, institutes and associations")
PY
