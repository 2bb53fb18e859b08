# orgraph's routes judged by NetworkX: on random graphs (fixed seeds) written as a bulk CSV
# dataset, shortest-route lengths (path), distances (reach), the k shortest loopless routes
# (path --k) and the entities every route passes through (weak-points) must agree with
# NetworkX on the same graph, where a relation kind with `backward = true` counts as an edge in
# both directions. Every hop orgraph prints must be a relation of the dataset, walked forward
# or, for such kinds only, backward.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3)" >&2; exit 1; }
"$python" -c 'import networkx' 2>/dev/null || { echo "missing python3-networkx for $python" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ORGRAPH="$orgraph" WORK="$work" "$python" - <<'PY'
import json, os, random, subprocess, sys
import networkx as nx

orgraph, work = os.environ["ORGRAPH"], os.environ["WORK"]
failures = []

def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)

def run(data, *args):
    p = subprocess.run([orgraph, "--data", data, *args, "--format", "json"], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"orgraph {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.returncode, json.loads(p.stdout)

def make_dataset(seed, nodes, edges):
    rng = random.Random(seed)
    d = os.path.join(work, f"g{seed}")
    os.makedirs(d)
    with open(os.path.join(d, "schema.toml"), "w") as f:
        f.write('[dataset]\nid = "random"\ndefault_source = "generator"\n\n'
                '[[source]]\nid = "generator"\ntitle = "random graph"\n\n'
                '[[entity_kind]]\nid = "node"\n\n'
                '[[relation_kind]]\nid = "one_way"\nlabel = "leads to"\ninverse = "is led to from"\n\n'
                '[[relation_kind]]\nid = "two_way"\nlabel = "is part of"\ninverse = "has part"\nbackward = true\n')
    ids = [f"n{i:03d}" for i in range(nodes)]
    with open(os.path.join(d, "entities.csv"), "w") as f:
        f.write("id,kind,name\n")
        for i in ids:
            f.write(f"{i},node,Node {i}\n")
    relations = []
    with open(os.path.join(d, "relations.csv"), "w") as f:
        f.write("source,target,kind\n")
        # At most one relation per pair of entities: NetworkX's DiGraph would merge parallel
        # relations that orgraph rightly counts as different routes.
        used = set()
        while len(relations) < edges:
            a, b = rng.sample(ids, 2)
            if frozenset((a, b)) in used:
                continue
            used.add(frozenset((a, b)))
            kind = "two_way" if rng.random() < 0.2 else "one_way"
            relations.append((a, b, kind))
            f.write(f"{a},{b},{kind}\n")
    g = nx.DiGraph()
    g.add_nodes_from(ids)
    for a, b, kind in relations:
        g.add_edge(a, b)
        if kind == "two_way":
            g.add_edge(b, a)
    return d, ids, set(relations), g, rng

def check_hops(route, relations, what):
    at = route[0]["from"]["id"] if route else None
    for hop in route:
        a, b = hop["from"]["id"], hop["to"]["id"]
        if a != at:
            fail(f"{what}: hop starts at {a}, not where the last one ended ({at})")
        at = b
        kind = hop["relation"]
        if hop["direction"] == "forward":
            ok = (a, b, kind) in relations
        else:
            ok = kind == "two_way" and (b, a, kind) in relations
        if not ok:
            fail(f"{what}: hop {a} -{kind}/{hop['direction']}-> {b} is not a relation of the dataset")

checked = 0
for seed, nodes, edges in [(1, 60, 120), (2, 120, 200), (3, 200, 260)]:
    data, ids, relations, g, rng = make_dataset(seed, nodes, edges)
    # Fewer pairs under the sanitizers, where each run of orgraph costs several times more.
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(10 if os.environ.get("ORGRAPH_TEST_SANITIZED") == "1" else 25)]
    for s, t in pairs:
        code, out = run(data, "path", s, t)
        try:
            expected = nx.shortest_path_length(g, s, t)
        except nx.NetworkXNoPath:
            expected = None
        if expected is None:
            if code != 1 or out["found"] or "no_route" not in out:
                fail(f"seed {seed}: {s}->{t}: NetworkX finds no path, orgraph says found={out['found']}")
        else:
            if code != 0 or not out["found"] or out["routes"][0]["hops"] != expected:
                got = out["routes"][0]["hops"] if out["routes"] else None
                fail(f"seed {seed}: {s}->{t}: shortest {expected}, orgraph {got}")
            else:
                check_hops(out["routes"][0]["route"], relations, f"seed {seed} {s}->{t}")
                # k shortest loopless routes: the same lengths as NetworkX's simple paths.
                k = 4
                code_k, out_k = run(data, "path", s, t, "--k", str(k))
                ours = [r["hops"] for r in out_k["routes"]]
                theirs = []
                for p in nx.shortest_simple_paths(g, s, t):
                    theirs.append(len(p) - 1)
                    if len(theirs) == k:
                        break
                if ours != theirs:
                    fail(f"seed {seed}: {s}->{t}: k shortest lengths {ours}, NetworkX {theirs}")
                for r in out_k["routes"]:
                    check_hops(r["route"], relations, f"seed {seed} {s}->{t} --k")
                    visited = [r["route"][0]["from"]["id"]] + [h["to"]["id"] for h in r["route"]]
                    if len(set(visited)) != len(visited):
                        fail(f"seed {seed}: {s}->{t}: route {visited} has a loop")
                # Entities on every route: the dominators of t from s.
                _, weak = run(data, "weak-points", s, t)
                idom = nx.immediate_dominators(g, s)
                chain, v = [], idom[t]
                while v != s:
                    chain.append(v)
                    v = idom[v]
                chain.reverse()
                ours_weak = [e["id"] for e in weak["common"]["entities"]]
                if ours_weak != chain:
                    fail(f"seed {seed}: {s}->{t}: weak points {ours_weak}, NetworkX dominators {chain}")
            checked += 1
    # reach: the distance of every entity reached from a few starts.
    for s in rng.sample(ids, 5):
        _, out = run(data, "reach", s)
        ours = {r["entity"]["id"]: r["distance"] for r in out["reached"]}
        theirs = {n: d for n, d in nx.single_source_shortest_path_length(g, s).items() if n != s}
        if ours != theirs:
            fail(f"seed {seed}: reach {s}: {len(ours)} entities reached, NetworkX {len(theirs)}; "
                 f"differ at {sorted(set(ours.items()) ^ set(theirs.items()))[:5]}")
        _, back = run(data, "reach", s, "--reverse")
        ours = {r["entity"]["id"]: r["distance"] for r in back["reached"]}
        theirs = {n: d for n, d in nx.single_source_shortest_path_length(g.reverse(), s).items() if n != s}
        if ours != theirs:
            fail(f"seed {seed}: reach --reverse {s} differs from NetworkX")
        checked += 2

if failures:
    raise SystemExit(f"{len(failures)} of the comparisons with NetworkX failed")
print(f"{checked} comparisons with NetworkX agree")
PY
