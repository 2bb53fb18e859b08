# orgraph export --to ftm, judged by FtM's own model (tests/interchange/ftm/check_ftm.py reads
# the facts copied from the followthemoney schema files): every line a known schema with known,
# well-typed properties, references that resolve, ids namespaced; countries as typed properties,
# addresses with their country, memberships and representation as interval schemata; ids stable
# when an overlay is added; the same bytes twice; a schema with no [interchange] table gets the
# defaults. The checker is shown to catch each kind of bad line.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
checker=interchange/ftm/check_ftm.py
countries=../datasets/world/countries.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" export --to ftm -o "$work/mfa.ftm.json"
"$orgraph" --with dprk-missions export --to ftm -o "$work/missions.ftm.json"
"$orgraph" --with dprk-missions export --to ftm -o "$work/again.ftm.json"
"$orgraph" --data data/example export --to ftm -o "$work/example.ftm.json"
cmp -s "$work/missions.ftm.json" "$work/again.ftm.json" || { echo "FAIL: two FtM exports differ" >&2; exit 1; }

for f in mfa missions example; do
  "$python" "$checker" "$work/$f.ftm.json" --namespace orgraph- --countries "$countries" ||
    { echo "FAIL: the FtM export $f.ftm.json breaks FtM's model" >&2; exit 1; }
done

# The checker itself: each bad line below must be reported.
cat >"$work/bad.ftm.json" <<'JSON'
{"id": "orgraph-world-a", "schema": "Organization", "properties": {"name": ["A"], "country": ["KP"]}}
{"id": "orgraph-world-b", "schema": "Country", "properties": {"name": ["B"]}}
{"id": "orgraph-world-c", "schema": "Address", "properties": {"jurisdiction": ["kp"]}}
{"id": "orgraph-world-d", "schema": "PublicBody", "properties": {"incorporationDate": ["1948-13-01"]}}
{"id": "orgraph-world-e", "schema": "Membership", "properties": {"member": ["orgraph-world-a"], "organization": ["orgraph-world-zz"]}}
{"id": "UN", "schema": "Organization", "properties": {"name": ["United Nations"]}}
{"id": "orgraph-world-f", "schema": "Membership", "properties": {"member": ["orgraph-world-a"], "organization": ["orgraph-world-c"]}}
{"id": "orgraph_world_g", "schema": "Organization", "properties": {"name": ["G"]}}
{"id": "orgraph-world-h", "schema": "Representation", "properties": {"agent": ["orgraph-world-a"]}}
{"id": "orgraph-world-i", "schema": "LegalEntity", "properties": {"jurisdiction": ["xq"]}}
JSON
if "$python" "$checker" "$work/bad.ftm.json" --namespace orgraph- --countries "$countries" 2>"$work/bad.err"; then
  echo "FAIL: the FtM checker passed bad lines" >&2; exit 1
fi
for expected in \
  "bad.ftm.json:1: country 'KP' is not an ISO 3166-1 alpha-2 code in lower case" \
  "bad.ftm.json:2: unknown schema 'Country'" \
  "bad.ftm.json:3: Address has no property 'jurisdiction'" \
  "bad.ftm.json:4: incorporationDate '1948-13-01' is not an ISO date" \
  "bad.ftm.json:5: organization names 'orgraph-world-zz', which is not in the export" \
  "bad.ftm.json:6: id 'UN' is not namespaced" \
  "bad.ftm.json:7: organization names 'orgraph-world-c', a Address, not a Organization" \
  "bad.ftm.json:8: id 'orgraph_world_g' is not an FtM entity id" \
  "bad.ftm.json:9: Representation has no 'client'" \
  "bad.ftm.json:10: jurisdiction 'xq' is not an ISO 3166-1 alpha-2 code"; do
  grep -qF "$expected" "$work/bad.err" || { echo "FAIL: the FtM checker did not report: $expected" >&2; cat "$work/bad.err" >&2; exit 1; }
done

WORK="$work" "$python" - <<'PY'
import json, os, sys

work = os.environ["WORK"]
failures = []

def load(name):
    return [json.loads(line) for line in open(os.path.join(work, name), encoding="utf-8")]

base, missions, example = load("mfa.ftm.json"), load("missions.ftm.json"), load("example.ftm.json")
by_id = {e["id"]: e for e in missions}
by_name = {}
for e in missions:
    for n in e["properties"].get("name", []):
        by_name.setdefault(n, e)

def entity(eid):
    e = by_id.get(eid)
    if e is None:
        failures.append(f"no entity {eid}")
        return {"id": eid, "schema": None, "properties": {}}
    return e

def props(eid, key):
    return entity(eid)["properties"].get(key, [])

# Countries are typed properties, not entities.
mfa = entity("orgraph-dprk-mfa-mfa")
if mfa["schema"] != "PublicBody" or props("orgraph-dprk-mfa-mfa", "jurisdiction") != ["kp"]:
    failures.append(f"the ministry: {mfa}")
if "cn" not in props("orgraph-dprk-mfa-aad1", "country"):
    failures.append(f"aad1 covers China but its country is {props('orgraph-dprk-mfa-aad1', 'country')}")
if any(e["id"].endswith("-CHN") for e in missions):
    failures.append("a country became an entity")
# Bare ids are namespaced by the layer that declared them: the UN of the world gazetteer.
if entity("orgraph-world-UN")["schema"] != "Organization":
    failures.append("the UN is not orgraph-world-UN")
# An embassy: a PublicBody of the DPRK, in its host country, at an Address with that country.
moscow = entity("orgraph-dprk-mfa-emb-rus-moscow")
if moscow["schema"] != "PublicBody" or props(moscow["id"], "jurisdiction") != ["kp"] or props(moscow["id"], "country") != ["ru"]:
    failures.append(f"the embassy in Moscow: {moscow}")
# Every Address the data places (located in a country, or in a city that is) has its country.
addresses = [e for e in missions if e["schema"] == "Address"
             and any(n.startswith("is located in") for n in e["properties"].get("notes", []))]
if len(addresses) < 50 or any(not e["properties"].get("country") for e in addresses):
    failures.append("an Address has no country: " + ", ".join(e["id"] for e in addresses if not e["properties"].get("country")))
for ref in props(moscow["id"], "addressEntity"):
    if entity(ref)["properties"].get("country") != ["ru"]:
        failures.append(f"the embassy in Moscow is at {ref}, not an Address in Russia")
if not props(moscow["id"], "addressEntity"):
    failures.append("the embassy in Moscow has no addressEntity")
# Memberships and representation are intervals.
links = {(e["schema"], tuple(sorted((k, tuple(v)) for k, v in e["properties"].items() if k in
         ("member", "organization", "agent", "client", "subject", "object")))) for e in missions}
if ("Membership", (("member", ("orgraph-dprk-mfa-aad1",)), ("organization", ("orgraph-dprk-mfa-mfa",)))) not in links:
    failures.append("aad1 part_of mfa is not a Membership")
if ("Membership", (("member", ("orgraph-world-MLT",)),)) in links:
    failures.append("a country is a member")
if not any(e["schema"] == "Representation" for e in missions):
    failures.append("no Representation: an association contacted via a mission")
for e in missions:
    if e["schema"] == "Representation":
        agent, client = entity(e["properties"]["agent"][0]), entity(e["properties"]["client"][0])
        if agent["schema"] != "PublicBody" or "association" not in client["properties"].get("classification", []):
            failures.append(f"a Representation whose agent is not a mission or client not an association: {e['id']}")
            break
positions = [e for e in missions if e["schema"] == "Position"]
if not positions or any(not e["properties"].get("organization") for e in positions):
    failures.append("a Position has no organization")
# Ids are stable when an overlay is added: every entity of the base export keeps its id.
base_ids = {e["id"] for e in base if e["schema"] not in ("Membership", "UnknownLink", "Representation")}
missing = sorted(base_ids - set(by_id))
if missing:
    failures.append(f"ids of the base export change with the overlay: {missing[:5]}")
# A schema that says nothing: Organization entities and UnknownLink intervals.
schemata = sorted({e["schema"] for e in example})
if schemata != ["Organization", "UnknownLink"]:
    failures.append(f"the example dataset (no [interchange]) gives {schemata}")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "FtM export passes FtM's model: typed countries, namespaced ids, intervals"
