# `orgraph report` as a reader gets it: Debian's Chromium, headless, loads the page from a file
# and its DOM (--dump-dom, after the page's script ran) holds the expected sections, text and
# elements; the script ran (it marks <html data-script>) and the search of a #search= fragment
# hid what does not match; the browser logged no console message and no refused load; the page
# names no external resource; two runs give the same bytes. A screenshot is kept in the build
# directory (report-screenshot.png) for people to look at.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }
command -v chromium >/dev/null || { echo "missing chromium (Debian chromium; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
shots="$(cd "$(dirname "$orgraph")/.." && pwd)"

"$orgraph" report -o "$work/report.html"
"$orgraph" report >"$work/again.html"
cmp -s "$work/report.html" "$work/again.html" || fail "two runs of report differ"

# Nothing is fetched: no src, no link to anything but the page itself, no url(), no @import;
# the policy forbids the rest.
grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$work/report.html" ||
  fail "no Content-Security-Policy that forbids loads"
if grep -Eno '(src|href|action|xlink:href|srcset|poster|data)="[^"#][^"]*"' "$work/report.html" |
  grep -v 'href="data:,"' >"$work/refs"; then
  fail "the page refers to outside resources: $(head -5 "$work/refs")"
fi
if grep -Eno 'url\([^#]|@import|<iframe|<object|<embed|<link rel="stylesheet"' "$work/report.html" >"$work/refs"; then
  fail "the page loads something: $(head -5 "$work/refs")"
fi
if grep -Eno '(src|href)=[^"]*https?:' "$work/report.html" >"$work/refs"; then
  fail "an external address in an attribute: $(head -5 "$work/refs")"
fi

browser() {  # $1 URL; the rest: more options. The DOM goes to standard output, the log to $work/log.
  timeout 60 chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 "${@:2}" "$1" 2>>"$work/log"
}

url="file://$work/report.html"
browser "$url#search=malta" --dump-dom >"$work/dom.html" || fail "chromium failed: $(tail -5 "$work/log")"
browser "$url" --screenshot="$shots/report-screenshot.png" --window-size=1400,2000 >/dev/null ||
  fail "chromium's screenshot failed: $(tail -5 "$work/log")"

# Console messages (an exception, a refused load, a log call) are errors here.
if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy|ERR_' "$work/log" >"$work/console"; then
  fail "the browser reported: $(head -5 "$work/console")"
fi

"$python" - "$work/dom.html" "$shots/report-screenshot.png" <<'PY'
import re, struct, sys
from html.parser import HTMLParser

dom_path, png_path = sys.argv[1], sys.argv[2]
dom = open(dom_path, encoding="utf-8").read()

def fail(message):
    sys.exit(f"FAIL: {message}")

class Tree(HTMLParser):
    """Elements with their attributes and text, enough to check what a reader sees."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements = [], []
    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)}
        self.elements.append(element)
        if tag not in ("meta", "link", "input", "br", "img", "path", "circle", "rect", "polygon", "ellipse",
                       "polyline", "line", "stop", "use"):
            self.stack.append(element)
    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)})
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break
    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

tree = Tree()
tree.feed(dom)
by_id = {e["attrs"]["id"]: e for e in tree.elements if "id" in e["attrs"]}

html = next(e for e in tree.elements if e["tag"] == "html")
ran = html["attrs"].get("data-script", "")
if not ran.startswith("ran "):
    fail(f"the page's script did not run to its end (data-script={ran!r})")

for section in ("chart", "map", "uncovered", "units", "associations", "index", "sources"):
    if section not in by_id:
        fail(f"no section #{section}")

def within(element, section):
    return any(p["attrs"].get("id") == section for p in element["parents"])

# The chart and the map are inline SVG in the DOM, with their shapes.
svgs = [e for e in tree.elements if e["tag"] == "svg"]
if len([s for s in svgs if within(s, "chart")]) != 1 or len([s for s in svgs if within(s, "map")]) != 1:
    fail("the chart and the map are not one inline SVG each")
if not any(e["tag"] == "g" and "node" in e["attrs"].get("class", "") and within(e, "chart") for e in tree.elements):
    fail("the chart has no nodes")
shapes = [e for e in tree.elements if e["tag"] == "path" and e["attrs"].get("id", "").startswith("c-")]
if len(shapes) < 150:
    fail(f"the map has {len(shapes)} country shapes")
if not any(s["attrs"].get("data-iso3") == "MLT" and "uncovered" in s["attrs"].get("class", "") for s in
           tree.elements if s["tag"] in ("path", "circle")):
    fail("Malta is not drawn uncovered on the map")

# The uncovered countries: eleven rows, Malta's reason names its EU membership with a citation.
rows = [e for e in tree.elements if e["tag"] == "tr" and within(e, "uncovered") and "data-s" in e["attrs"]]
uncovered = [r for r in rows if any(p["attrs"].get("id") == "uncovered" for p in r["parents"])]
names = [r["text"] for r in uncovered]
malta = [r for r in uncovered if "Malta" in r["text"] and "regional department" in r["text"]]
if not malta or "member of European Union" not in malta[0]["text"]:
    fail(f"Malta's row does not say it is a member of the EU: {[r['text'][:120] for r in malta]}")
facts = [e for e in tree.elements if "f" in e["attrs"].get("class", "").split()]
if not facts or not all(e["attrs"].get("title") for e in facts):
    fail("a fact without its citation")
if not any("eu-countries" in e["attrs"]["title"] and e["text"].startswith("member of European Union") for e in facts):
    fail("Malta's EU membership does not cite its source")

# The search of #search=malta: Malta's rows shown, every other searchable row hidden.
searchable = [e for e in tree.elements if "data-s" in e["attrs"]]
shown = [e for e in searchable if "hide" not in e["attrs"].get("class", "").split()]
if not shown or any("malta" not in e["attrs"]["data-s"] for e in shown):
    fail(f"the search shows rows that do not match: {[e['attrs']['data-s'][:60] for e in shown][:5]}")
if len(shown) >= len(searchable) or not any("bhutan" in e["attrs"]["data-s"] for e in searchable):
    fail("the search hid nothing")
if by_id.get("q", {}).get("attrs", {}).get("value", None) not in (None, "malta") or "match" not in by_id["q-count"]["text"]:
    fail(f"the search box does not report its matches: {by_id['q-count']['text']!r}")

# Units with their countries; associations with their focus and routes; the sources.
units = by_id["units"]["text"]
for text in ("European Affairs Department 2", "Asian Affairs Department 1", "China"):
    if text not in units:
        fail(f"the units section lacks {text!r}")
associations = by_id["associations"]["text"]
if "Korea-Russia Association" not in associations or "DPRK Embassy in Moscow" not in associations:
    fail("the associations section lacks KORUA's route to the embassy in Moscow")
if "can be contacted via" not in associations:
    fail("a route step is not read in words")
sources = by_id["sources"]["text"]
for source in ("mfa-structure", "iso-3166-1", "un-members"):
    if source not in sources:
        fail(f"the sources lack {source}")

# The screenshot is a real PNG of the window's size.
png = open(png_path, "rb").read()
if png[:8] != b"\x89PNG\r\n\x1a\n":
    fail("the screenshot is not a PNG")
width, height = struct.unpack(">II", png[16:24])
if (width, height) != (1400, 2000) or len(png) < 50000:
    fail(f"the screenshot is {width}x{height}, {len(png)} bytes")
PY

# Misuse exits 2: an unknown kind named on the command line; a dataset without associations
# still gives a page that says so.
s=0
"$orgraph" report --routes-to embasy -o "$work/bad.html" 2>"$work/err" || s=$?
[ "$s" = 2 ] || fail "an unknown --routes-to kind exited $s"
grep -q "embassy" "$work/err" || fail "no suggestion for the misspelt kind: $(cat "$work/err")"
[ ! -e "$work/bad.html" ] || fail "a refused report left a file"
echo "report: $(wc -c <"$work/report.html") bytes; screenshot $shots/report-screenshot.png"
