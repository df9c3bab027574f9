"""Reads a GraphML file with NetworkX and prints what NetworkX made of it, as JSON.

Usage: graphml.py FILE
Prints {"networkx": version, "directed": bool, "graph": graph data, "nodes": {id: data},
"edges": [{"source", "target", data...}]};
a multigraph always, so that parallel edges (one node naming another in two requirements) stay apart.
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1], force_multigraph=True)
json.dump({
    "networkx": nx.__version__,
    "directed": g.is_directed(),
    "graph": {k: v for k, v in g.graph.items() if not isinstance(v, dict)},
    "nodes": {n: d for n, d in g.nodes(data=True)},
    "edges": [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)],
}, sys.stdout, ensure_ascii=False)
