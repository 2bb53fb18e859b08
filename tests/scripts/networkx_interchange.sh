# NetworkX 2.8 (Debian 12's) judges orgraph's GraphML and node-link JSON: read with its
# documented calls (nx.read_graphml; nx.node_link_graph(data, link="edges"), since the edges
# stand under "edges", the key NetworkX 3.4+ reads by default: networkx3_interchange.sh), both
# must hold every entity and relation with its kind, name and citations, derived relations
# marked, and give the same shortest-route lengths as `orgraph path` between several pairs (a
# relation kind with backward = true counts in both directions, as in orgraph). Then the other
# way round: graphs NetworkX writes itself, GraphML and node-link JSON, must load into orgraph
# as the same graph, alone (they keep the graph attribute orgraph_dataset) or after a schema.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3)" >&2; exit 1; }
"$python" -c 'import networkx' 2>/dev/null || { echo "missing python3-networkx for $python" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" export --to graphml -o "$work/mfa.graphml"
"$orgraph" export --to json -o "$work/mfa.json"
"$orgraph" export --to csv -o "$work/csv"
"$orgraph" info --format json -o "$work/info.json"

ORGRAPH="$orgraph" WORK="$work" "$python" - <<'PY'
import collections, json, os, subprocess, sys, tomllib
import networkx as nx

orgraph, work = os.environ["ORGRAPH"], os.environ["WORK"]
failures = []
def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)

info = json.load(open(os.path.join(work, "info.json")))
schema = tomllib.load(open(os.path.join(work, "csv", "dataset.toml"), "rb"))
backward = {k["id"] for k in schema["relation_kind"] if k.get("backward")}
kinds = {}
for k in info["entity_kinds"]:
    kinds[k["kind"]] = k["count"]

graphml = nx.read_graphml(os.path.join(work, "mfa.graphml"))
node_link_data = json.load(open(os.path.join(work, "mfa.json")))
if "edges" not in node_link_data or "links" in node_link_data:
    fail("node-link JSON: the edges are not under \"edges\" alone")
node_link = nx.node_link_graph(node_link_data, link="edges")
total = info["relations"] + info["derived_relations"]
for name, g in [("GraphML", graphml), ("node-link JSON", node_link)]:
    if not g.is_directed():
        fail(f"{name}: the graph is not directed")
    if g.number_of_nodes() != info["entities"]:
        fail(f"{name}: {g.number_of_nodes()} nodes, orgraph has {info['entities']} entities")
    if g.number_of_edges() != total:
        fail(f"{name}: {g.number_of_edges()} edges, orgraph has {total} relations")
    counted = collections.Counter(d["kind"] for _, d in g.nodes(data=True))
    for kind, count in kinds.items():
        if counted.get(kind, 0) != count:
            fail(f"{name}: {counted.get(kind, 0)} nodes of kind {kind}, orgraph has {count}")
    citations = "source" if name == "GraphML" else "provenance"
    for n, d in g.nodes(data=True):
        if not d.get("name") or not d.get(citations):
            fail(f"{name}: node {n} lacks a name or citations")
            break
    derived = sum(1 for *_, d in g.edges(data=True) if d.get("derived") is True)
    if derived != info["derived_relations"]:
        fail(f"{name}: {derived} edges marked derived, orgraph has {info['derived_relations']}")
    for *_, d in g.edges(data=True):
        if not d.get("kind") or not d.get(citations):
            fail(f"{name}: an edge lacks its kind or citations")
            break
if graphml.nodes["aad1"]["label"] != "Asian Affairs Department 1" or graphml.nodes["aad1"]["name"] != "aad1":
    fail("GraphML: aad1 should have its name to show as label and its id as name")
if node_link.nodes["aad1"]["name"] != "Asian Affairs Department 1":
    fail("node-link JSON: aad1 has the wrong name")
for name, g in [("GraphML", graphml), ("node-link JSON", node_link)]:
    carried = tomllib.loads(g.graph.get("orgraph_dataset", ""))
    if {k["id"] for k in carried.get("relation_kind", [])} != {k["id"] for k in schema["relation_kind"]}:
        fail(f"{name}: the graph attribute orgraph_dataset does not hold the relation kinds")

# Routes as orgraph walks them: forward, and backward where the kind allows.
walk = nx.DiGraph()
walk.add_nodes_from(node_link.nodes)
for u, v, d in node_link.edges(data=True):
    walk.add_edge(u, v)
    if d["kind"] in backward:
        walk.add_edge(v, u)
pairs = [("aad1", "emb-rus-moscow"), ("kochacep", "CHN"), ("korua", "RUS"), ("idp", "UN"),
         ("MLT", "mfa"), ("kcca", "protocol"), ("ead2", "aad1"), ("CHN", "aad1")]
checked = 0
for a, b in pairs:
    p = subprocess.run([orgraph, "path", a, b, "--format", "json"], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        fail(f"orgraph path {a} {b} exited {p.returncode}: {p.stderr}")
        continue
    result = json.loads(p.stdout)
    ours = result["routes"][0]["hops"] if result["routes"] else None
    try:
        theirs = nx.shortest_path_length(walk, a, b)
    except nx.NetworkXNoPath:
        theirs = None
    if ours != theirs:
        fail(f"{a} -> {b}: orgraph path says {ours} hops, NetworkX {theirs}")
    checked += 1

# NetworkX writes graphs of its own; orgraph reads them back.
sources = os.path.join(work, "csv", "dataset.toml")
nx.write_graphml(graphml, os.path.join(work, "nx.graphml"))
with open(os.path.join(work, "nx.json"), "w") as f:
    json.dump(nx.node_link_data(node_link), f)
for name, data in [(n, d) for n in ["nx.graphml", "nx.json"] for d in [["--data", sources], []]]:
    p = subprocess.run([orgraph, *data, "--data", os.path.join(work, name), "info", "--format", "json"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"orgraph could not load {name} written by NetworkX {'after a schema' if data else 'alone'}: "
             f"{p.stderr[:2000]}")
        continue
    back = json.loads(p.stdout)
    for key in ["entities", "relations", "derived_relations"]:
        if back[key] != info[key]:
            fail(f"{name}: {key} {back[key]} after the round trip, {info[key]} before")

# A graph made in NetworkX from scratch: sources from a TOML layer, citations from the graph's
# default_source or each item's own source / provenance.
with open(os.path.join(work, "sources.toml"), "w") as f:
    f.write('[[source]]\nid = "notes"\ntitle = "Field notes"\n\n[[source]]\nid = "report"\ntitle = "A report"\n')
g = nx.MultiDiGraph(default_source="notes")
g.add_node("m", kind="ministry", name="Ministry of Tests")
g.add_node("d1", kind="department", name="First Department", source="report:3|notes:7", responsibility="tests")
g.add_node("d2", kind="regional_department", name="Second Department", short_name="D2", aliases="Dept Two|Zweite")
g.add_node("FRA", kind="country", name="France", un_status="member")
g.add_edge("d1", "m", kind="part_of")
g.add_edge("d2", "m", kind="part_of", source="report:4")
g.add_edge("d2", "FRA", kind="covers", as_written="la France")
nx.write_graphml(g, os.path.join(work, "made.graphml"))
# In node-link JSON "source" names an edge's start, so there an edge's citations are "provenance".
h = g.copy()
for *_, d in h.edges(data=True):
    if "source" in d:
        d["provenance"] = d.pop("source")
with open(os.path.join(work, "made.json"), "w") as f:
    json.dump(nx.node_link_data(h), f)
for name in ["made.graphml", "made.json"]:
    p = subprocess.run([orgraph, "--data", os.path.join(work, "sources.toml"), "--data", os.path.join(work, name),
                        "show", "d2", "--format", "json"], capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"orgraph could not load {name} made by NetworkX: {p.stderr[:2000]}")
        continue
    card = json.loads(p.stdout)
    if card["kind"] != "regional_department" or card["short_name"] != "D2" or card["aliases"] != ["Dept Two", "Zweite"]:
        fail(f"{name}: d2 read as {card['kind']}, {card['short_name']}, {card['aliases']}")
    rels = {(r["kind"], r["other"]["id"]): r for r in card["relations"]}
    if ("covers", "FRA") not in rels or rels[("covers", "FRA")]["attributes"].get("as_written") != "la France":
        fail(f"{name}: d2 covers FRA with as_written, as NetworkX wrote it")
    if [s["cite"] for s in rels[("part_of", "m")]["sources"]] != ["report, line 4"]:
        fail(f"{name}: d2 part_of m should cite report:4, got {rels[('part_of', 'm')]['sources']}")
    if [s["source"] for s in card["sources"]] != ["notes"]:
        fail(f"{name}: d2 should cite the default source, got {card['sources']}")

print(f"NetworkX read {info['entities']} entities and {total} relations twice; {checked} route lengths agree")
sys.exit(1 if failures else 0)
PY
