# igraph and graph-tool judge orgraph's GraphML: read with their default calls
# (igraph.Graph.Read_GraphML, graph_tool.load_graph), the export must hold every entity and
# relation with its kind, igraph must find an entity by its orgraph id (g.vs.find(name=ID)),
# both must find the schema and sources the file carries as the graph attribute orgraph_dataset,
# and shortest routes there must be as long as `orgraph path` says, each of orgraph's hops an
# edge of their graph (a relation kind with backward = true walked both ways, as orgraph does).
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3)" >&2; exit 1; }
"$python" -c 'import igraph' 2>/dev/null || { echo "missing python3-igraph for $python (scripts/setup installs it)" >&2; exit 1; }
"$python" -c 'import graph_tool' 2>/dev/null || { echo "missing python3-graph-tool for $python (scripts/setup installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" export --to graphml -o "$work/mfa.graphml"
"$orgraph" info --format json -o "$work/info.json"
pairs="aad1:emb-rus-moscow korua:RUS kochacep:CHN MLT:mfa ead2:aad1"
for pair in $pairs; do
    status=0
    "$orgraph" path "${pair%%:*}" "${pair##*:}" --format json -o "$work/path-${pair%%:*}-${pair##*:}.json" || status=$?
    [ "$status" -le 1 ] || { echo "FAIL: orgraph path ${pair%%:*} ${pair##*:} exited $status" >&2; exit 1; }
done

ORGRAPH_PAIRS="$pairs" WORK="$work" "$python" - <<'PY'
import collections, json, os, sys, tomllib
import igraph
import graph_tool.all as gt

work = os.environ["WORK"]
pairs = [tuple(p.split(":")) for p in os.environ["ORGRAPH_PAIRS"].split()]
failures = []
def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)

info = json.load(open(os.path.join(work, "info.json")))
entity_kinds = {k["kind"]: k["count"] for k in info["entity_kinds"] if k["count"]}
relation_kinds = {k["kind"]: k["count"] + k["derived"] for k in info["relation_kinds"] if k["count"] + k["derived"]}
total = info["relations"] + info["derived_relations"]
routes = {}
for a, b in pairs:
    result = json.load(open(os.path.join(work, f"path-{a}-{b}.json")))
    routes[(a, b)] = result["routes"][0]["route"] if result["routes"] else None

def check(client, nodes, edges, node_kinds, edge_kinds, dataset, distance, has_edge):
    if nodes != info["entities"]:
        fail(f"{client}: {nodes} vertices, orgraph has {info['entities']} entities")
    if edges != total:
        fail(f"{client}: {edges} edges, orgraph has {total} relations")
    if dict(collections.Counter(node_kinds)) != entity_kinds:
        fail(f"{client}: vertex kinds {sorted(collections.Counter(node_kinds).items())} differ from orgraph's")
    if dict(collections.Counter(edge_kinds)) != relation_kinds:
        fail(f"{client}: edge kinds differ from orgraph's relation kinds")
    schema = tomllib.loads(dataset)
    if {s["id"] for s in schema.get("source", [])} != {s["id"] for s in info["sources"]}:
        fail(f"{client}: the graph attribute orgraph_dataset does not declare orgraph's sources")
    backward = {k["id"] for k in schema["relation_kind"] if k.get("backward")}
    for (a, b), route in routes.items():
        theirs = distance(a, b, backward)
        ours = len(route) if route is not None else None
        if ours != theirs:
            fail(f"{client}: {a} -> {b}: orgraph path says {ours} hops, {client} {theirs}")
        for hop in route or []:
            u, v = hop["from"]["id"], hop["to"]["id"]
            if hop["direction"] == "backward":
                u, v = v, u
                if hop["relation"] not in backward:
                    fail(f"{client}: orgraph walked {hop['relation']} backward, which the schema does not allow")
            if not has_edge(u, v, hop["relation"]):
                fail(f"{client}: orgraph's hop {u} -{hop['relation']}-> {v} is no edge of the graph {client} read")

# igraph: the vertex attribute `name` is the orgraph id, `label` the name to show.
g = igraph.Graph.Read_GraphML(os.path.join(work, "mfa.graphml"))
if not g.is_directed():
    fail("igraph: the graph is not directed")
v = g.vs.find(name="aad1")
if v["label"] != "Asian Affairs Department 1" or v["kind"] != "regional_department":
    fail(f"igraph: g.vs.find(name='aad1') is {v['label']!r} of kind {v['kind']!r}")
def igraph_distance(a, b, backward):
    h = g.copy()
    h.add_edges([(e.target, e.source) for e in g.es if e["kind"] in backward])
    d = h.distances(source=h.vs.find(name=a).index, target=h.vs.find(name=b).index, mode="out")[0][0]
    return None if d == float("inf") else int(d)
igraph_edges = {(g.vs[e.source]["name"], g.vs[e.target]["name"], e["kind"]) for e in g.es}
check("igraph", g.vcount(), g.ecount(), g.vs["kind"], g.es["kind"], g["orgraph_dataset"], igraph_distance,
      lambda u, v, kind: (u, v, kind) in igraph_edges)

# graph-tool: GraphML node ids in the vertex property _graphml_vertex_id.
t = gt.load_graph(os.path.join(work, "mfa.graphml"))
if not t.is_directed():
    fail("graph-tool: the graph is not directed")
ids = t.vp["_graphml_vertex_id"]
index = {ids[v]: int(v) for v in t.vertices()}
if any(t.vp["name"][v] != ids[v] for v in t.vertices()):
    fail("graph-tool: a vertex's name is not its GraphML id")
def graph_tool_distance(a, b, backward):
    h = gt.Graph(t)
    h.add_edge_list([(int(e.target()), int(e.source())) for e in t.edges() if t.ep["kind"][e] in backward])
    d = gt.shortest_distance(h, source=h.vertex(index[a]), target=h.vertex(index[b]))
    return None if d > t.num_vertices() else int(d)
tool_edges = {(ids[e.source()], ids[e.target()], t.ep["kind"][e]) for e in t.edges()}
check("graph-tool", t.num_vertices(), t.num_edges(), [t.vp["kind"][v] for v in t.vertices()],
      [t.ep["kind"][e] for e in t.edges()], t.gp["orgraph_dataset"], graph_tool_distance,
      lambda u, v, kind: (u, v, kind) in tool_edges)

if failures:
    raise SystemExit(f"{len(failures)} of the checks by igraph and graph-tool failed")
print(f"igraph and graph-tool read {info['entities']} entities and {total} relations; {len(pairs)} routes agree")
PY
