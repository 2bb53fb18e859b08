# NetworkX 3.4 and later judge orgraph's node-link JSON and GraphML with their default calls:
# nx.node_link_graph(data) reads the edges from "edges" since 3.4 (and no longer from "links"
# since 3.6), nx.read_graphml as ever. Both must hold every entity and relation with its kind,
# the schema and sources as the graph attribute orgraph_dataset, and give the shortest-route
# length `orgraph path` gives. Debian 12 ships NetworkX 2.8 (networkx_interchange.sh judges with
# it); this test uses the first interpreter with NetworkX 3.4+ among $ORGRAPH_NETWORKX3_PYTHON,
# python3 on the PATH and pyenv's, and is skipped (exit 77) when there is none.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=
for candidate in ${ORGRAPH_NETWORKX3_PYTHON:-} $(command -v python3 || true) /root/.pyenv/versions/*/bin/python3; do
    [ -x "$candidate" ] || continue
    if "$candidate" -c 'import sys, networkx; v = tuple(int(x) for x in networkx.__version__.split(".")[:2]); sys.exit(0 if v >= (3, 4) else 1)' 2>/dev/null; then
        python="$candidate"
        break
    fi
done
if [ -z "$python" ]; then
    echo "SKIP: no Python with NetworkX 3.4 or later (set ORGRAPH_NETWORKX3_PYTHON to one)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$orgraph" export --to json -o "$work/mfa.json"
"$orgraph" export --to graphml -o "$work/mfa.graphml"
"$orgraph" info --format json -o "$work/info.json"
status=0
"$orgraph" path korua emb-rus-moscow --format json -o "$work/path.json" || status=$?
[ "$status" = 0 ] || { echo "FAIL: orgraph path korua emb-rus-moscow exited $status" >&2; exit 1; }

WORK="$work" "$python" - <<'PY'
import collections, json, os, sys, tomllib, warnings
import networkx as nx

# A deprecation warning on the default call counts as a failure.
warnings.simplefilter("error", DeprecationWarning)
warnings.simplefilter("error", FutureWarning)
work = os.environ["WORK"]
failures = []
def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)

info = json.load(open(os.path.join(work, "info.json")))
total = info["relations"] + info["derived_relations"]
entity_kinds = {k["kind"]: k["count"] for k in info["entity_kinds"] if k["count"]}
route = json.load(open(os.path.join(work, "path.json")))["routes"][0]["route"]

graphs = [("node-link JSON", nx.node_link_graph(json.load(open(os.path.join(work, "mfa.json"))))),
          ("GraphML", nx.read_graphml(os.path.join(work, "mfa.graphml")))]
for name, g in graphs:
    if not g.is_directed() or g.number_of_nodes() != info["entities"] or g.number_of_edges() != total:
        fail(f"{name}: {g.number_of_nodes()} nodes and {g.number_of_edges()} edges, orgraph has "
             f"{info['entities']} entities and {total} relations")
    counted = dict(collections.Counter(d["kind"] for _, d in g.nodes(data=True)))
    if counted != entity_kinds:
        fail(f"{name}: node kinds differ from orgraph's entity kinds")
    schema = tomllib.loads(g.graph["orgraph_dataset"])
    backward = {k["id"] for k in schema["relation_kind"] if k.get("backward")}
    walk = nx.DiGraph()
    for u, v, d in g.edges(data=True):
        walk.add_edge(u, v)
        if d["kind"] in backward:
            walk.add_edge(v, u)
    theirs = nx.shortest_path_length(walk, "korua", "emb-rus-moscow")
    if theirs != len(route):
        fail(f"{name}: korua -> emb-rus-moscow: orgraph path says {len(route)} hops, NetworkX {theirs}")
    for hop in route:
        u, v = hop["from"]["id"], hop["to"]["id"]
        if hop["direction"] == "backward":
            u, v = v, u
        found = g.get_edge_data(u, v, default={})
        found = found.values() if g.is_multigraph() else [found] if found else []
        if not any(d["kind"] == hop["relation"] for d in found):
            fail(f"{name}: orgraph's hop {u} -{hop['relation']}-> {v} is no edge NetworkX read")

if failures:
    raise SystemExit(f"{len(failures)} of the checks by NetworkX {nx.__version__} failed")
print(f"NetworkX {nx.__version__} read both exports with its default calls; the route agrees")
PY
