"""igraph's side of npm run bench:network (scripts/bench-network.ts): the same work on the same
edge list, timed the same way (graph loading not timed). Prints one JSON object.

Usage: python3 bench-network-igraph.py EDGE_FILE TASKS [DISRUPTION_STEPS]
EDGE_FILE: first line n, then one "u v" line per link (nodes 0 .. n - 1).
TASKS: comma-separated, any of betweenness, louvain, pagerank, disruption.
"""
import json
import random
import resource
import sys
import time

import igraph

TIE_TOLERANCE = 1e-12


def timed(work):
    """Wall-clock seconds, processor seconds and the result."""
    start, start_cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - start_cpu, result


def sequential_disruption(graph, steps):
    """Lantern's rule (DECISIONS 24): recompute betweenness after each removal, take the node with
    the highest normalised betweenness, ties within 1e-12 going to the lowest id as a string."""
    graph = graph.copy()
    initial = max(graph.connected_components().sizes())
    removed, ratios = [], []
    for _ in range(steps):
        ratios.append(max(graph.connected_components().sizes()) / initial)
        n = graph.vcount()
        scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0
        scores = [value * scale for value in graph.betweenness(directed=False)]
        top = max(scores)
        name = min(graph.vs[i]["name"] for i in range(n) if scores[i] >= top - TIE_TOLERANCE)
        removed.append(name)
        graph.delete_vertices(graph.vs.find(name=name).index)
    return {"removed": removed, "ratios": ratios}


def main():
    path, tasks = sys.argv[1], sys.argv[2].split(",")
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    with open(path) as edge_file:
        n = int(edge_file.readline())
        edges = [tuple(map(int, line.split())) for line in edge_file if line.strip()]
    graph = igraph.Graph(n=n, edges=edges)
    graph.simplify()
    graph.vs["name"] = [str(i) for i in range(n)]
    random.seed(1)  # community_multilevel draws from Python's generator

    out = {"version": igraph.__version__}
    if "betweenness" in tasks:
        seconds, cpu, values = timed(lambda: graph.betweenness(directed=False))
        out["betweenness"] = {"seconds": seconds, "cpu": cpu, "values": values}
    if "louvain" in tasks:
        seconds, cpu, communities = timed(lambda: graph.community_multilevel())
        out["louvain"] = {
            "seconds": seconds,
            "cpu": cpu,
            "modularity": communities.modularity,
            "communities": len(communities),
        }
    if "pagerank" in tasks:
        seconds, cpu, values = timed(lambda: graph.pagerank(damping=0.85))
        out["pagerank"] = {"seconds": seconds, "cpu": cpu, "values": values}
    if "disruption" in tasks:
        seconds, cpu, result = timed(lambda: sequential_disruption(graph, steps))
        out["disruption"] = {"seconds": seconds, "cpu": cpu, **result}
    out["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(out))


main()
