# orgraph export: every format is written atomically and as its readers expect; misuse exits 2;
# an export never replaces a directory that holds anything but an earlier export.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status_of() { local s=0; "$@" >/dev/null 2>"$work/err" || s=$?; echo "$s"; }

# Misuse: exit status 2.
[ "$(status_of "$orgraph" export -o "$work/x")" = 2 ] || { echo "FAIL: export without --to" >&2; exit 1; }
[ "$(status_of "$orgraph" export --to gexf -o "$work/x")" = 2 ] || { echo "FAIL: export --to gexf" >&2; exit 1; }
[ "$(status_of "$orgraph" export --to csv)" = 2 ] || { echo "FAIL: export --to csv without -o" >&2; exit 1; }
[ "$(status_of "$orgraph" render)" = 2 ] || { echo "FAIL: render without -o" >&2; exit 1; }
[ "$(status_of "$orgraph" render --to gif -o "$work/x.gif")" = 2 ] || { echo "FAIL: render --to gif" >&2; exit 1; }
# A picture named for a format render does not write is refused, not written as SVG.
[ "$(status_of "$orgraph" render -o "$work/m.jpg")" = 2 ] || { echo "FAIL: render -o m.jpg" >&2; exit 1; }
grep -qF "render writes svg, png or pdf, not 'jpg'" "$work/err" || { echo "FAIL: render -o m.jpg does not say why" >&2; cat "$work/err" >&2; exit 1; }
[ "$(status_of "$orgraph" map -o "$work/m.jpeg")" = 2 ] || { echo "FAIL: map -o m.jpeg" >&2; exit 1; }
[ ! -e "$work/m.jpg" ] && [ ! -e "$work/m.jpeg" ] || { echo "FAIL: a refused picture was written" >&2; exit 1; }
"$orgraph" render -o "$work/upper.PNG" && head -c 8 "$work/upper.PNG" | grep -q PNG || { echo "FAIL: render -o upper.PNG is not a PNG" >&2; exit 1; }
[ "$(status_of "$orgraph" dot --highlight aad1)" = 2 ] || { echo "FAIL: --highlight with one end" >&2; exit 1; }
[ "$(status_of "$orgraph" dot --kinds nonsense)" = 2 ] || { echo "FAIL: dot --kinds nonsense" >&2; exit 1; }
[ "$(status_of "$orgraph" dot --fold none,country)" = 2 ] || { echo "FAIL: --fold none,country" >&2; exit 1; }

# A directory with other things in it is never replaced.
mkdir "$work/precious"
echo keep >"$work/precious/notes.txt"
[ "$(status_of "$orgraph" export --to csv -o "$work/precious")" = 1 ] || { echo "FAIL: export replaced a directory" >&2; exit 1; }
grep -q "holds 'notes.txt'" "$work/err" || { echo "FAIL: the refusal does not say why" >&2; cat "$work/err" >&2; exit 1; }
[ "$(cat "$work/precious/notes.txt")" = keep ] || { echo "FAIL: notes.txt changed" >&2; exit 1; }

# An earlier export is replaced whole; nothing temporary is left beside it.
"$orgraph" export --to csv -o "$work/csv"
"$orgraph" --as-of 2000 export --to csv -o "$work/csv"
"$orgraph" --as-of 2000 export --to csv -o "$work/csv-2000"
diff -r "$work/csv" "$work/csv-2000" >/dev/null || { echo "FAIL: a second export did not replace the first" >&2; exit 1; }
ls -a "$work" | grep -q tmp && { echo "FAIL: a temporary directory was left behind" >&2; ls -a "$work" >&2; exit 1; }

"$orgraph" export --to neo4j -o "$work/neo4j"
"$orgraph" --no-derived export --to neo4j -o "$work/neo4j-stated"
"$orgraph" --with dprk-missions export --to ftm -o "$work/mfa.ftm.json"
"$orgraph" export --to graphml >"$work/stdout.graphml"
"$orgraph" export --to graphml -o "$work/file.graphml"
cmp -s "$work/stdout.graphml" "$work/file.graphml" || { echo "FAIL: -o and standard output differ" >&2; exit 1; }
"$orgraph" info --format json -o "$work/info.json"

WORK="$work" "$python" - <<'PY'
import csv, json, os, sys

work = os.environ["WORK"]
failures = []
info = json.load(open(os.path.join(work, "info.json")))

# Neo4j: typed headers, one node per entity, one relationship per relation.
nodes = list(csv.reader(open(os.path.join(work, "neo4j", "nodes.csv"), newline="")))
rels = list(csv.reader(open(os.path.join(work, "neo4j", "relationships.csv"), newline="")))
stated = list(csv.reader(open(os.path.join(work, "neo4j-stated", "relationships.csv"), newline="")))
if nodes[0][:2] != ["id:ID", ":LABEL"] or "aliases:string[]" not in nodes[0]:
    failures.append(f"nodes.csv header: {nodes[0]}")
if rels[0][:3] != [":START_ID", ":END_ID", ":TYPE"] or "derived:boolean" not in rels[0]:
    failures.append(f"relationships.csv header: {rels[0]}")
if len(nodes) - 1 != info["entities"]:
    failures.append(f"nodes.csv has {len(nodes) - 1} rows for {info['entities']} entities")
if len(rels) - 1 != info["relations"] + info["derived_relations"]:
    failures.append(f"relationships.csv has {len(rels) - 1} rows")
if len(stated) - 1 != info["relations"]:
    failures.append(f"with --no-derived relationships.csv has {len(stated) - 1} rows for {info['relations']} relations")
if any(len(r) != len(nodes[0]) for r in nodes) or any(len(r) != len(rels[0]) for r in rels):
    failures.append("a Neo4j row has the wrong number of fields")
labels = {r[0]: r[1] for r in nodes[1:]}
if labels.get("aad1") != "RegionalDepartment;Department":
    failures.append(f"aad1 has labels {labels.get('aad1')}")
types = {(r[0], r[2], r[1]) for r in rels[1:]}
if ("aad1", "PART_OF", "mfa") not in types:
    failures.append("relationships.csv lacks aad1 PART_OF mfa")

# FollowTheMoney: one entity per line, known schemata, references that resolve.
allowed = {"PublicBody", "Organization", "Position", "Address", "LegalEntity", "Membership", "UnknownLink", "Representation"}
entities = [json.loads(line) for line in open(os.path.join(work, "mfa.ftm.json"))]
ids = {e["id"] for e in entities}
if len(ids) != len(entities):
    failures.append("FtM ids are not unique")
for e in entities:
    if set(e) != {"id", "schema", "properties"} or e["schema"] not in allowed:
        failures.append(f"FtM entity {e.get('id')}: {sorted(e)} {e.get('schema')}")
        break
    for key in ("member", "organization", "subject", "object", "agent", "client", "addressEntity"):
        for ref in e["properties"].get(key, []):
            if ref not in ids:
                failures.append(f"FtM {e['id']}: {key} names {ref}, which is not in the file")
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in e["properties"].values()):
        failures.append(f"FtM {e['id']}: properties must be lists of strings")
by_id = {e["id"]: e for e in entities}
mfa, kcca, aad1 = by_id["orgraph-dprk-mfa-mfa"], by_id["orgraph-dprk-mfa-kcca"], by_id["orgraph-dprk-mfa-aad1"]
if mfa["schema"] != "PublicBody" or mfa["properties"].get("jurisdiction") != ["kp"]:
    failures.append(f"FtM mfa: {mfa}")
if kcca["schema"] != "Organization":
    failures.append("FtM kcca is not an Organization")
if not any(e["schema"] == "Membership" and e["properties"].get("member") == [aad1["id"]]
           and e["properties"].get("organization") == [mfa["id"]] for e in entities):
    failures.append("FtM: aad1 part_of mfa is not a Membership")
if not any("covers China" in n for n in aad1["properties"].get("notes", [])):
    failures.append("FtM: aad1 does not note that it covers China")
if any(i.endswith("-CHN") for i in ids):
    failures.append("FtM: a country became an entity")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "export formats, atomic directories and misuse behave"
