#!/usr/bin/python3
"""graph-tool anchor for scripts/bench: the questions csr_baseline answers, with graph-tool.

    graph_tool_baseline.py DIR load                            entity and relation counts
    graph_tool_baseline.py DIR reach ID --via KIND[,KIND...]   how many entities a BFS reaches
    graph_tool_baseline.py DIR path FROM TO                    hops of one shortest route
    graph_tool_baseline.py DIR coverage                        covers per unit, uncovered countries

It reads a bulk CSV dataset (entities.csv, relations.csv, as `orgraph generate` writes them)
in large blocks (str.split where a block has no quotes, Python's csv module where it has),
maps ids to vertex numbers with a dict, derives the relations of the
built-in schema's rules with numpy joins (located_in is transitive; a regional department
oversees the missions of its own state located in the countries it covers, directly or through
a region) and loads everything into a graph_tool.Graph with vertex and edge property maps
`kind`. Relation kinds the schema walks backwards (part_of, member_of, sponsored_by,
subordinate_to) get a reversed arc as well (edge property `reversed`), so that graph-tool's
directed BFS walks routes as orgraph does. reach runs graph_tool.topology.shortest_distance
(a BFS) on a GraphView filtered to the --via kinds; path runs shortest_distance to the target.

Needs Debian's python3-graph-tool, so run it with /usr/bin/python3. Load and query times go
to standard error.
"""
import time

_started = time.perf_counter()

import csv  # noqa: E402
import io  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
from graph_tool import Graph, GraphView  # noqa: E402
from graph_tool.topology import shortest_distance  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _started

BACKWARD = ("part_of", "member_of", "sponsored_by", "subordinate_to")
MISSION_KINDS = ("mission", "embassy", "consulate_general", "consular_office", "consular_agency",
                 "permanent_mission")
UNREACHED = np.iinfo(np.int32).max


def fail(status, message):
    print(f"graph_tool_baseline: {message}", file=sys.stderr)
    sys.exit(status)


def valid_today(valid_from, valid_to, today):
    """Dates of the data (YYYY, YYYY-MM, YYYY-MM-DD; empty = open), compared at their precision."""
    return ((not valid_from or valid_from <= today[:len(valid_from)])
            and (not valid_to or valid_to >= today[:len(valid_to)]))


def join(left, right):
    """Index pairs (i, j) with left[i] == right[j], for two integer key arrays."""
    order = np.argsort(right, kind="stable")
    ordered = right[order]
    lo = np.searchsorted(ordered, left, "left")
    counts = np.searchsorted(ordered, left, "right") - lo
    total = int(counts.sum())
    li = np.repeat(np.arange(len(left)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    rj = order[np.repeat(lo, counts) + within]
    return li, rj


def column_chunks(f, width, size=1 << 26):
    """The columns of the CSV records left in f, about `size` characters at a time.

    A block of whole lines without quotes, blank lines or ragged rows is split with str.split
    (C speed); any other block goes through the csv module. A quoted field that spans lines
    is read whole: a block ends at a newline outside quotes (an even number of quotes before).
    """
    rest = ""
    while True:
        block = f.read(size)
        text = rest + block
        if not text:
            return
        cut = len(text) if not block else text.rfind("\n") + 1
        while cut and text.count('"', 0, cut) % 2:
            cut = text.rfind("\n", 0, cut - 1) + 1
        if cut == 0 and block:
            rest = text  # one record longer than the block: read more
            continue
        text, rest = text[:cut], text[cut:]
        fields = None
        if '"' not in text:
            if "\r" in text:
                text = text.replace("\r\n", "\n")
            lines = text.count("\n") + (0 if text.endswith("\n") else 1)
            fields = text.replace("\n", ",").split(",")
            if len(fields) != lines * width + (1 if text.endswith("\n") else 0):
                fields = None
        if fields is not None:
            yield [fields[c:lines * width:width] for c in range(width)]
        else:
            rows = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
            for r in rows:
                if len(r) < width:
                    fail(1, f"a record with {len(r)} fields")
            yield [[r[c] for r in rows] for c in range(width)]
        if not block:
            return


class Data:
    def __init__(self, directory):
        self.today = time.strftime("%Y-%m-%d", time.gmtime())
        self._load_entities(f"{directory}/entities.csv")
        self._load_relations(f"{directory}/relations.csv")
        self._derive()
        self._build_graph()

    # -- reading ---------------------------------------------------------------------------

    def _load_entities(self, path):
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader([f.readline()]))
            try:
                c_id, c_kind, c_un, c_from, c_to = (header.index(c) for c in
                                                     ("id", "kind", "un_status", "valid_from", "valid_to"))
            except ValueError as e:
                fail(1, f"{path}: {e}")
            ids, kinds, un, today = [], [], [], []
            for cols in column_chunks(f, len(header)):
                ids += cols[c_id]
                kinds += cols[c_kind]
                un += cols[c_un]
                today += [not vf and not vt or valid_today(vf, vt, self.today)
                          for vf, vt in zip(cols[c_from], cols[c_to])]
        self.ids = ids
        self.index = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1)))  # the first of repeated ids
        if len(self.index) != len(ids):
            print(f"graph_tool_baseline: {len(ids) - len(self.index)} repeated entity ids", file=sys.stderr)
        self.n = len(ids)
        self.entity_kinds = {}
        for k in sorted(set(kinds)):
            self.entity_kinds.setdefault(k, len(self.entity_kinds))
        self.vkind = np.fromiter(map(self.entity_kinds.__getitem__, kinds), dtype=np.int16, count=self.n)
        status = {"member": 1, "observer": 2}
        self.un_status = np.fromiter(map(status.get, un, itertools.repeat(0)), dtype=np.int8, count=self.n)
        self.entity_today = np.array(today, dtype=bool)

    def _load_relations(self, path):
        self.relation_kinds = {}
        rk = self.relation_kinds
        dated = ("covers", "includes", "ministry_of")  # the kinds coverage looks at on a date
        srcs, dsts, kinds, todays = [], [], [], []
        skipped = 0
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader([f.readline()]))
            try:
                cs, ct, ck, cf, cv = (header.index(c) for c in ("source", "target", "kind", "valid_from", "valid_to"))
            except ValueError as e:
                fail(1, f"{path}: {e}")
            get = self.index.get
            for cols in column_chunks(f, len(header)):
                m = len(cols[cs])
                src = np.fromiter(map(get, cols[cs], itertools.repeat(-1)), dtype=np.int64, count=m)
                dst = np.fromiter(map(get, cols[ct], itertools.repeat(-1)), dtype=np.int64, count=m)
                for k in set(cols[ck]):
                    rk.setdefault(k, len(rk))
                kind = np.fromiter(map(rk.__getitem__, cols[ck]), dtype=np.int16, count=m)
                today = np.ones(m, dtype=bool)
                vf, vt = cols[cf], cols[cv]
                for k in dated:
                    if k in rk:
                        for i in np.flatnonzero(kind == rk[k]):
                            if vf[i] or vt[i]:
                                today[i] = valid_today(vf[i], vt[i], self.today)
                ok = (src >= 0) & (dst >= 0)
                skipped += int(m - ok.sum())
                srcs.append(src[ok])
                dsts.append(dst[ok])
                kinds.append(kind[ok])
                todays.append(today[ok])
        if skipped:
            print(f"graph_tool_baseline: {skipped} relations name an unknown entity, ignored", file=sys.stderr)
        empty = np.zeros(0, dtype=np.int64)
        self.src = np.concatenate(srcs) if srcs else empty
        self.dst = np.concatenate(dsts) if dsts else empty
        self.kind = np.concatenate(kinds) if kinds else empty.astype(np.int16)
        self.rel_today = np.concatenate(todays) if todays else empty.astype(bool)
        self.stated = len(self.src)

    # -- the schema's rules ----------------------------------------------------------------

    def _pairs(self, kind, src=None, dst=None, kinds=None):
        src = self.src if src is None else src
        dst = self.dst if dst is None else dst
        kinds = self.kind if kinds is None else kinds
        if kind not in self.relation_kinds:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        sel = kinds == self.relation_kinds[kind]
        return src[sel], dst[sel]

    def _derive(self):
        n = self.n
        new_src, new_dst, new_kind = [], [], []
        # located-in-transitive: compose the stated located_in with itself until nothing is new.
        ls, ld = self._pairs("located_in")
        if len(ls):
            known = np.unique(ls * n + ld)
            fs, fd = ls, ld
            while len(fs):
                li, rj = join(fd, ls)
                keys = np.unique(fs[li] * n + ld[rj])
                keys = keys[(keys // n != keys % n) & ~np.isin(keys, known, assume_unique=True)]
                known = np.union1d(known, keys)
                fs, fd = keys // n, keys % n
                new_src.append(fs)
                new_dst.append(fd)
                new_kind.append(np.full(len(fs), self.relation_kinds["located_in"], dtype=np.int16))
        # oversees: covers (then includes), then ~located_in, where part_of / ministry_of /
        # ~represents joins the same department and mission.
        needed = ("covers", "located_in", "part_of", "ministry_of", "represents")
        if all(k in self.relation_kinds for k in needed) and "regional_department" in self.entity_kinds:
            oversees = self.relation_kinds.setdefault("oversees", len(self.relation_kinds))
            mission = np.isin(self.vkind, [self.entity_kinds[k] for k in MISSION_KINDS if k in self.entity_kinds])
            department = self.vkind == self.entity_kinds["regional_department"]
            all_ls = np.concatenate([ls] + new_src)
            all_ld = np.concatenate([ld] + new_dst)
            keep = mission[all_ls]
            ms, mc = all_ls[keep], all_ld[keep]  # mission located in place
            rs, rd = self._pairs("represents")
            keep = mission[rs]
            rs, rd = rs[keep], rd[keep]  # mission represents state
            li, rj = join(ms, rs)
            m_mission, m_key = ms[li], rd[rj] * n + mc[li]  # key: state, place
            ps, pd = self._pairs("part_of")
            keep = department[ps]
            ps, pd = ps[keep], pd[keep]
            ys, yd = self._pairs("ministry_of")
            li, rj = join(pd, ys)
            d_dep, d_state = ps[li], yd[rj]  # department of a ministry of a state
            cs, cd = self._pairs("covers")
            keep = department[cs]
            cs, cd = cs[keep], cd[keep]
            is_, id_ = self._pairs("includes")
            li, rj = join(cd, is_)
            place_dep = np.concatenate([cs, cs[li]])
            place = np.concatenate([cd, id_[rj]])
            li, rj = join(d_dep, place_dep)
            dep, key = d_dep[li], d_state[li] * n + place[rj]
            li, rj = join(key, m_key)
            pairs = np.unique(dep[li] * n + m_mission[rj])
            new_src.append(pairs // n)
            new_dst.append(pairs % n)
            new_kind.append(np.full(len(pairs), oversees, dtype=np.int16))
        if new_src:
            self.src = np.concatenate([self.src] + new_src)
            self.dst = np.concatenate([self.dst] + new_dst)
            self.kind = np.concatenate([self.kind] + new_kind)
            self.rel_today = np.concatenate([self.rel_today, np.ones(len(self.src) - self.stated, dtype=bool)])

    # -- the graph -------------------------------------------------------------------------

    def _build_graph(self):
        backward = np.isin(self.kind, [self.relation_kinds[k] for k in BACKWARD if k in self.relation_kinds])
        src = np.concatenate([self.src, self.dst[backward]])
        dst = np.concatenate([self.dst, self.src[backward]])
        kind = np.concatenate([self.kind, self.kind[backward]])
        g = Graph(directed=True)
        g.add_vertex(self.n)
        g.add_edge_list(np.column_stack((src, dst)))
        g.vp["kind"] = g.new_vertex_property("int16_t", vals=self.vkind)
        g.vp["today"] = g.new_vertex_property("bool", vals=self.entity_today)
        g.ep["kind"] = g.new_edge_property("int16_t", vals=kind)
        reversed_ = np.zeros(len(src), dtype=bool)
        reversed_[len(self.src):] = True
        g.ep["reversed"] = g.new_edge_property("bool", vals=reversed_)
        g.ep["today"] = g.new_edge_property(
            "bool", vals=np.concatenate([self.rel_today, self.rel_today[backward]]))
        self.g = g
        # The arrays served only to build the graph; questions read the graph.
        del self.src, self.dst, self.kind, self.rel_today

    def vertex(self, entity_id):
        v = self.index.get(entity_id)
        if v is None:
            fail(1, f"no entity with the id '{entity_id}'")
        return v


def reach(data, entity_id, via):
    g = data.g
    root = data.vertex(entity_id)
    if via:
        wanted = []
        for k in via:
            if k in data.relation_kinds:
                wanted.append(data.relation_kinds[k])
            else:
                print(f"graph_tool_baseline: no relation of kind '{k}' in the data", file=sys.stderr)
        allowed = g.new_edge_property("bool", vals=np.isin(g.ep["kind"].a, wanted))
        g = GraphView(g, efilt=allowed)
    dist = shortest_distance(g, source=g.vertex(root)).a
    reached = dist[(dist > 0) & (dist < UNREACHED)]
    farthest = int(reached.max()) if len(reached) else 0
    print(f"{entity_id} reaches {len(reached)} entities, at most {farthest} steps away")
    return 0


def path(data, from_id, to_id):
    g = data.g
    s, t = data.vertex(from_id), data.vertex(to_id)
    if s == t:
        fail(2, "the two ends are the same entity")
    hops = int(shortest_distance(g, source=g.vertex(s), target=g.vertex(t)))
    if hops >= UNREACHED:
        print(f"no route from {from_id} to {to_id}")
        return 1
    print(f"shortest route from {from_id} to {to_id}: {hops} steps")
    return 0


def coverage(data):
    """The core of `orgraph coverage` with its defaults, as csr_baseline counts it."""
    g, n = data.g, data.n
    edges = g.get_edges([g.ep["kind"], g.ep["reversed"], g.ep["today"]])
    edges = edges[(edges[:, 3] == 0) & (edges[:, 4] == 1)]  # stated direction, valid today

    def pairs(kind):
        if kind not in data.relation_kinds:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        sel = edges[edges[:, 2] == data.relation_kinds[kind]]
        return sel[:, 0].astype(np.int64), sel[:, 1].astype(np.int64)

    vkind = g.vp["kind"].a
    today = g.vp["today"].a.astype(bool)
    country = data.entity_kinds.get("country", -1)
    region = data.entity_kinds.get("region", -1)
    home = np.zeros(n, dtype=bool)
    home[pairs("ministry_of")[1]] = True
    universe = (vkind == country) & (data.un_status != 0) & today
    us, ut = pairs("covers")
    keep = today[us]
    us, ut = us[keep], ut[keep]
    units = len(np.unique(us))
    is_, id_ = pairs("includes")
    through = vkind[ut] == region
    li, rj = join(ut[through], is_)
    unit = np.concatenate([us[~through], us[through][li]])
    target = np.concatenate([ut[~through], id_[rj]])
    keys = np.unique(unit * n + target)
    unit, target = keys // n, keys % n
    at_home = home[target]
    counted = universe[target] & ~at_home
    outside = ~universe[target] & ~at_home
    per_country = np.bincount(target[counted], minlength=n)
    considered = universe & ~home
    covered = int(((per_country > 0) & considered).sum())
    multiply = int(((per_country > 1) & considered).sum())
    print(f"{units} units; universe {int(universe.sum())} countries, {int((universe & home).sum())} home, "
          f"{int(considered.sum())} considered: {covered} covered, {int(considered.sum()) - covered} uncovered, "
          f"{multiply} by more than one unit, {len(np.unique(target[outside]))} entries outside the universe; "
          f"per unit: {int(counted.sum())} countries, {int(at_home.sum())} home, "
          f"{int(outside.sum())} outside the universe")
    return 0


def usage():
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) < 3:
        usage()
    directory, question, rest = argv[1], argv[2], argv[3:]
    via, positional = [], []
    i = 0
    while i < len(rest):
        if rest[i] == "--via":
            if i + 1 >= len(rest):
                usage()
            via += [k for k in rest[i + 1].split(",") if k]
            i += 2
        else:
            positional.append(rest[i])
            i += 1
    arity = {"load": 0, "reach": 1, "path": 2, "coverage": 0}
    if arity.get(question) != len(positional):
        usage()

    start = time.perf_counter()
    data = Data(directory)
    load_seconds = time.perf_counter() - start

    start = time.perf_counter()
    if question == "load":
        g = data.g
        reversed_arcs = int(g.ep["reversed"].a.sum())
        relations = g.num_edges() - reversed_arcs
        print(f"{data.n} entities, {relations} relations ({data.stated} stated, {relations - data.stated} derived)")
        status = 0
    elif question == "reach":
        status = reach(data, positional[0], via)
    elif question == "path":
        status = path(data, *positional)
    else:
        status = coverage(data)
    sys.stdout.flush()
    print(f"graph_tool_baseline: import {IMPORT_SECONDS:.3f} s, load {load_seconds:.3f} s, "
          f"query {time.perf_counter() - start:.3f} s", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
