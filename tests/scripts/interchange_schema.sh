# The schema's [interchange] table: every mistake reported at once with file:line:column and what
# was expected, exit 1; a correct table survives the CSV export's dataset.toml and a snapshot.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/schema.toml" <<'TOML'
[dataset]
id = "t"
title = "t"

[[source]]
id = "s"
title = "s"

[[entity_kind]]
id = "office"
attributes = ["staff"]

[[entity_kind]]
id = "country"
attributes = ["alpha2"]

[[relation_kind]]
id = "located_in"

[interchange.ftm.kinds.ofice]
schema = "Organization"

[interchange.ftm.kinds.office]
schema = "Organisation"
properties = { numberOfSeats = "staf" }

[interchange.ftm.kinds.country]
value = "alpha2"
schema = "Address"
colour = "red"

[interchange.ftm.relations.located_in]
schema = "Membership"
reverse = "yes"
references = { Adress = "addressEntity", Address = "address_entity" }

[interchange.neo4j.attributes]
staff = "integer"
size = "int"

[interchange.gexf]
x = 1
TOML
status=0
"$orgraph" validate "$work/schema.toml" >"$work/out" 2>&1 || status=$?
[ "$status" = 1 ] || { echo "FAIL: validate exited $status" >&2; cat "$work/out" >&2; exit 1; }
f="$work/schema.toml"
for expected in \
  "$f:20:24: error: unknown entity kind 'ofice'; did you mean 'office'?" \
  "$f:24:10: error: 'Organisation' is not one of the FtM schemata orgraph writes (expected one of: Address, Company, LegalEntity, Organization, PublicBody, Position); did you mean 'Organization'?" \
  "$f:25:32: error: 'numberOfSeats' of 'office' names 'staf', which is not an attribute of office (expected name, short_name or one of: note, staff)" \
  "$f:27:24: error: the FtM mapping of 'country' has both 'schema' and 'value'" \
  "$f:30:1: error: unknown field 'colour' in an FtM kind mapping" \
  "$f:34:11: error: 'reverse' must be true or false, not a string" \
  "$f:35:16: error: 'Adress' is not an FtM schema orgraph writes" \
  "$f:35:52: error: 'address_entity' is not an FtM property name" \
  "$f:38:9: error: 'integer' is not one of the Neo4j column types orgraph writes (expected one of: boolean, date, double, float, int, long, string, string[])" \
  "$f:39:1: error: no entity or relation kind declares the attribute 'size'" \
  "$f:41:14: error: unknown table 'gexf' in [interchange] (expected one of: ftm, neo4j)"; do
  grep -qF "$expected" "$work/out" || { echo "FAIL: validate did not report: $expected" >&2; cat "$work/out" >&2; exit 1; }
done

# The built-in mapping survives the CSV export and a snapshot: the same FtM lines.
"$orgraph" export --to ftm -o "$work/builtin.ftm.json"
"$orgraph" export --to csv -o "$work/csv"
grep -q '^\[interchange.ftm.kinds."ministry"\]$' "$work/csv/dataset.toml" ||
  { echo "FAIL: dataset.toml lacks the interchange table" >&2; exit 1; }
# (its layers become one, which namespaces the ids: the schemata and properties stay the same)
"$orgraph" --data "$work/csv" export --to ftm -o "$work/csv.ftm.json"
shape() { /usr/bin/python3 -c 'import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print(e["schema"], sorted(e["properties"]), e["properties"].get("country"), e["properties"].get("jurisdiction"))' "$1"; }
[ "$(shape "$work/builtin.ftm.json" | sort)" = "$(shape "$work/csv.ftm.json" | sort)" ] ||
  { echo "FAIL: the CSV export loses the FtM mapping" >&2; exit 1; }
"$orgraph" snapshot -o "$work/m.orgraph"
"$orgraph" --data "$work/m.orgraph" export --to ftm -o "$work/snap.ftm.json"
cmp -s "$work/builtin.ftm.json" "$work/snap.ftm.json" || { echo "FAIL: a snapshot loses the FtM mapping" >&2; exit 1; }
echo "the [interchange] table is checked and carried through exports and snapshots"
