#!/usr/bin/env python3
"""Checks a FollowTheMoney export (one entity per line) against FtM's own model.

The facts of the model are in model.json beside this file, copied from the followthemoney
repository's schema files (see its "source" and "licence"); FtM itself is not needed.

Every line must be {"id", "schema", "properties"}: a known, non-abstract schema; an id FtM
accepts (pattern and length), unique in the file and beginning with the namespace given; only
properties of the schema or the schemata it extends; each a non-empty list of strings whose
values fit the property's type (countries ISO 3166-1 alpha-2 in lower case, dates ISO 8601,
entity references naming an entity of the file whose schema is in the property's range);
intervals that are edges name both their ends.

usage: check_ftm.py EXPORT --namespace PREFIX [--countries countries.toml]
Prints every problem (file:line: ...) and exits 1 when there is any, 0 otherwise.
"""
import argparse
import datetime
import json
import os
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))


def load_model():
    with open(os.path.join(HERE, "model.json"), encoding="utf-8") as f:
        return json.load(f)


def ancestors(schemata, name):
    """The schema and every schema it extends, nearest first."""
    out, todo = [], [name]
    while todo:
        n = todo.pop(0)
        if n in out or n not in schemata:
            continue
        out.append(n)
        todo.extend(schemata[n]["extends"])
    return out


def properties_of(schemata, name):
    props = {}
    for n in reversed(ancestors(schemata, name)):
        props.update(schemata[n]["properties"])
    return props


def valid_date(text):
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return False
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def country_codes(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    codes = set()
    for e in data.get("entity", []):
        if "alpha2" in e:
            codes.add(e["alpha2"].lower())
    return codes


def check(lines, namespace, countries, name="export"):
    model = load_model()
    schemata = model["schemata"]
    id_pattern = re.compile(model["entity_id"]["pattern"])
    max_length = model["entity_id"]["max_length"]
    problems = []
    entities = []
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        try:
            e = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not JSON: {error}")
            continue
        if not isinstance(e, dict) or set(e) != {"id", "schema", "properties"}:
            problems.append(f"{where}: expected an object with id, schema and properties, not {line.strip()[:80]}")
            continue
        entities.append((where, e))
    ids = {}
    for where, e in entities:
        i = e["id"]
        if not isinstance(i, str) or not id_pattern.match(i) or len(i) > max_length:
            problems.append(f"{where}: id {i!r} is not an FtM entity id ({model['entity_id']['pattern']}, at most {max_length} characters)")
        elif not i.startswith(namespace):
            problems.append(f"{where}: id {i!r} is not namespaced (expected it to begin with {namespace!r})")
        if i in ids:
            problems.append(f"{where}: id {i!r} is used again (first at {ids[i][0]})")
        else:
            ids[i] = (where, e["schema"])
    for where, e in entities:
        schema = e["schema"]
        if schema not in schemata:
            problems.append(f"{where}: unknown schema {schema!r}")
            continue
        if schemata[schema]["abstract"]:
            problems.append(f"{where}: schema {schema} is abstract")
        allowed = properties_of(schemata, schema)
        props = e["properties"]
        if not isinstance(props, dict):
            problems.append(f"{where}: properties must be an object")
            continue
        for key, values in props.items():
            if key not in allowed:
                problems.append(f"{where}: {schema} has no property {key!r}")
                continue
            if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
                problems.append(f"{where}: {key} must be a non-empty list of non-empty strings")
                continue
            spec = allowed[key]
            for v in values:
                t = spec["type"]
                if t == "country" and (not re.fullmatch(r"[a-z]{2}", v) or (countries and v not in countries)):
                    problems.append(f"{where}: {key} {v!r} is not an ISO 3166-1 alpha-2 code in lower case")
                elif t == "date" and not valid_date(v):
                    problems.append(f"{where}: {key} {v!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
                elif t == "number":
                    try:
                        float(v)
                    except ValueError:
                        problems.append(f"{where}: {key} {v!r} is not a number")
                elif t == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v):
                    problems.append(f"{where}: {key} {v!r} is not an e-mail address")
                elif t == "url" and not re.match(r"https?://", v):
                    problems.append(f"{where}: {key} {v!r} is not a URL")
                elif t == "entity":
                    if v not in ids:
                        problems.append(f"{where}: {key} names {v!r}, which is not in the export")
                    elif spec.get("range") and spec["range"] not in ancestors(schemata, ids[v][1]):
                        problems.append(f"{where}: {key} names {v!r}, a {ids[v][1]}, not a {spec['range']}")
        edge = next((schemata[n]["edge"] for n in ancestors(schemata, schema) if "edge" in schemata[n]), None)
        if edge:
            for end in (edge["source"], edge["target"]):
                if end not in props:
                    problems.append(f"{where}: {schema} has no {end!r}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("export")
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--countries", help="a TOML file whose entities' alpha2 attributes are the known codes")
    args = parser.parse_args()
    countries = country_codes(args.countries) if args.countries else None
    with open(args.export, encoding="utf-8") as f:
        lines = f.read().splitlines()
    problems = check(lines, args.namespace, countries, args.export)
    for p in problems:
        print(p, file=sys.stderr)
    if not lines:
        print(f"{args.export}: no entities", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
