# orgraph export --to neo4j, judged by neo4j-admin's import syntax (Neo4j 5, `database import
# full`): typed headers, values that parse as their types (dates YYYY-MM-DD, ints, booleans
# true/false, arrays split by the delimiter import.sh declares), and an import.sh that is valid
# shell and names every CSV file with the right --nodes/--relationships flag. A value that is not
# of its declared type is refused, naming the entity. neo4j itself is not installed: the checks
# follow the documented header format.
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" --with dprk-missions export --to neo4j -o "$work/neo4j"
"$orgraph" --with dprk-missions export --to neo4j -o "$work/again"
diff -r "$work/neo4j" "$work/again" >/dev/null || { echo "FAIL: two Neo4j exports differ" >&2; exit 1; }
[ -x "$work/neo4j/import.sh" ] || { echo "FAIL: import.sh is not executable" >&2; exit 1; }
bash -n "$work/neo4j/import.sh" || { echo "FAIL: import.sh is not valid shell" >&2; exit 1; }
sh -n "$work/neo4j/import.sh" || { echo "FAIL: import.sh is not valid POSIX shell" >&2; exit 1; }

# import.sh runs neo4j-admin with these arguments: a stand-in records them.
mkdir "$work/bin"
cat >"$work/bin/neo4j-admin" <<'SH'
#!/bin/sh
printf '%s\n' "$PWD" "$@" >"$ARGS_FILE"
SH
chmod +x "$work/bin/neo4j-admin"
(cd / && ARGS_FILE="$work/args" NEO4J_ADMIN="$work/bin/neo4j-admin" sh "$work/neo4j/import.sh" mfa)
(cd / && ARGS_FILE="$work/args-default" PATH="$work/bin:$PATH" sh "$work/neo4j/import.sh")

WORK="$work" "$python" - <<'PY'
import csv, datetime, os, re, sys

work = os.environ["WORK"]
d = os.path.join(work, "neo4j")
failures = []

args = open(os.path.join(work, "args")).read().split("\n")[:-1]
default_args = open(os.path.join(work, "args-default")).read().split("\n")[:-1]
if args[0] != d:
    failures.append(f"import.sh runs neo4j-admin in {args[0]}, not the export's directory")
# neo4j-admin 5: `database import full [DATABASE] [options]`, the database before the options
# (required since 5.19), --nodes=[LABEL[:LABEL]...=]FILES, --relationships=[TYPE=]FILES.
if args[1:5] != ["database", "import", "full", "mfa"]:
    failures.append(f"import.sh command line: {args[1:]}")
if default_args[4] != "neo4j":
    failures.append(f"import.sh without an argument imports into {default_args[4]}, not neo4j")
options = {}
for a in args[5:]:
    m = re.fullmatch(r"--([a-z-]+)=(.*)", a)
    if not m:
        failures.append(f"import.sh passes {a!r}, not --option=value")
        continue
    options.setdefault(m[1], []).append(m[2])
known = {"array-delimiter", "multiline-fields", "nodes", "relationships", "delimiter", "quote"}
if set(options) - known:
    failures.append(f"import.sh passes options neo4j-admin's full import has not: {set(options) - known}")
delimiter = options.get("array-delimiter", [";"])[0]
if delimiter != ";":
    failures.append(f"import.sh declares the array delimiter {delimiter!r}")
named = {}
for flag in ("nodes", "relationships"):
    for value in options.get(flag, []):
        m = re.fullmatch(r"(?:([A-Za-z][A-Za-z0-9_:]*)=)?([^=]+)", value)
        if not m:
            failures.append(f"--{flag}={value} is not [LABELS=]FILES")
            continue
        for f in m[2].split(","):
            named[f] = flag
csvs = sorted(f for f in os.listdir(d) if f.endswith(".csv"))
if named != {"nodes.csv": "nodes", "relationships.csv": "relationships"} or csvs != sorted(named):
    failures.append(f"import.sh names {named}; the export holds {csvs}")
if options.get("nodes") != ["Entity=nodes.csv"]:
    failures.append(f"--nodes: {options.get('nodes')}")

types = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration"}

def check_value(where, column, kind, value):
    if value == "":
        return
    base = kind[:-2] if kind.endswith("[]") else kind
    items = value.split(delimiter) if kind.endswith("[]") else [value]
    for v in items:
        if base == "int" and not (re.fullmatch(r"-?\d+", v) and -2**31 <= int(v) < 2**31):
            failures.append(f"{where}: {column} {v!r} is not an int")
        elif base == "boolean" and v not in ("true", "false"):
            failures.append(f"{where}: {column} {v!r} is not true or false")
        elif base == "date":
            try:
                datetime.date.fromisoformat(v)
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
            except (ValueError, AssertionError):
                failures.append(f"{where}: {column} {v!r} is not a date YYYY-MM-DD")
        elif base == "string" and kind.endswith("[]") and v == "":
            failures.append(f"{where}: {column} has an empty item")

def table(name, required):
    rows = list(csv.reader(open(os.path.join(d, name), newline="", encoding="utf-8")))
    header = rows[0]
    columns = []
    for h in header:
        name_, _, kind = h.partition(":")
        if kind in ("ID", "LABEL", "START_ID", "END_ID", "TYPE"):
            columns.append((h, kind))
            continue
        kind = kind or "string"
        if kind.rstrip("[]") not in types:
            failures.append(f"{name}: column {h!r} has a type neo4j-admin does not know")
        columns.append((name_, kind))
    for r in required:
        if r not in header:
            failures.append(f"{name}: no column {r}")
    for i, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            failures.append(f"{name}:{i}: {len(row)} fields for {len(header)} columns")
            continue
        for (column, kind), value in zip(columns, row):
            if kind == "LABEL":
                for label in value.split(delimiter):
                    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", label):
                        failures.append(f"{name}:{i}: label {label!r}")
            elif kind not in ("ID", "START_ID", "END_ID", "TYPE"):
                check_value(f"{name}:{i}", column, kind, value)
    return header, rows[1:]

nodes_header, nodes = table("nodes.csv", ["id:ID", ":LABEL", "aliases:string[]", "provenance:string[]",
                                          "valid_from:date", "valid_to:date", "count:int",
                                          "participants_about:int"])
rels_header, rels = table("relationships.csv", [":START_ID", ":END_ID", ":TYPE", "provenance:string[]",
                                                "valid_from:date", "valid_to:date", "derived:boolean"])
ids = {r[0] for r in nodes}
for r in rels:
    if r[0] not in ids or r[1] not in ids:
        failures.append(f"relationship {r[:3]} names a node that is not in nodes.csv")
        break
labels = {r[0]: r[1] for r in nodes}
if labels.get("aad1") != "RegionalDepartment;Department":
    failures.append(f"aad1 has labels {labels.get('aad1')}")
# A year becomes its first day in valid_from and its last in valid_to; the text keeps it.
col = {h: i for i, h in enumerate(rels_header)}
closed = [r for r in rels if r[col["valid_to_text"]] and len(r[col["valid_to_text"]]) == 4]
if closed and closed[0][col["valid_to:date"]] != closed[0][col["valid_to_text"]] + "-12-31":
    failures.append(f"valid_to of a year: {closed[0]}")
ncol = {h: i for i, h in enumerate(nodes_header)}
counts = [r[ncol["count:int"]] for r in nodes if r[ncol["count:int"]]]
if not counts:
    failures.append("no node has a count")
about = {r[0]: r[ncol["participants_about:int"]] for r in nodes if r[ncol["participants_about:int"]]}
if about != {"kjia": "20", "kaa": "30"}:
    failures.append(f"participants_about: {about}")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY

# A value that is not of its declared type is refused, naming the entity; nothing is written.
mkdir "$work/bad"
cat >"$work/bad/data.toml" <<'TOML'
[dataset]
id = "bad"
title = "bad"

[[source]]
id = "s"
title = "s"

[[entity_kind]]
id = "office"
attributes = ["staff", "opened"]

[interchange.neo4j.attributes]
staff = "int"
opened = "date"

[[entity]]
id = "a"
kind = "office"
name = "A"
staff = "twelve"
source = "s"
TOML
status=0
"$orgraph" --data "$work/bad/data.toml" export --to neo4j -o "$work/bad-out" 2>"$work/err" || status=$?
[ "$status" = 1 ] || { echo "FAIL: a bad int exported with status $status" >&2; exit 1; }
grep -qF "attribute 'staff' of entity 'a' is 'twelve', not a whole number" "$work/err" ||
  { echo "FAIL: the refusal does not say why" >&2; cat "$work/err" >&2; exit 1; }
[ ! -e "$work/bad-out" ] || { echo "FAIL: a refused export left a directory" >&2; exit 1; }
echo "Neo4j export: typed columns, values of their types, import.sh as neo4j-admin 5 reads it"
