import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph, UnknownNodeError, type Graph } from './graph.js';
import { shortestPath, shortestPaths } from './shortest-paths.js';
import { referenceNetworks } from './test-networks.js';

/** All-pairs distances by Floyd–Warshall on the dense matrix: nothing shared with the BFS under test. */
function floydWarshall(graph: Graph): number[][] {
  const n = graph.nodeCount;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (let u = 0; u < n; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) d[u]![graph.neighbours[e]!] = 1;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const through = d[i]![k]! + d[k]![j]!;
        if (through < d[i]![j]!) d[i]![j] = through;
      }
    }
  }
  return d;
}

/**
 * Every walk of exactly the shortest length from s that ends at t (each such walk is a shortest
 * path), found by trying every neighbour at every step; walks that can no longer reach t in the
 * steps left are dropped. Listed in id order, as strings compare.
 */
function allShortestWalks(graph: Graph, d: number[][], s: number, t: number): string[][] {
  const length = d[s]![t]!;
  const found: string[][] = [];
  const walk = (path: number[]) => {
    const v = path[path.length - 1]!;
    const left = length - (path.length - 1);
    if (left === 0) {
      if (v === t) found.push(path.map((u) => graph.ids[u]!));
      return;
    }
    for (let u = 0; u < graph.nodeCount; u++) {
      if (d[v]![u] === 1 && d[u]![t]! <= left - 1) walk([...path, u]);
    }
  };
  walk([s]);
  return found.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
}

describe('shortest paths, against brute force on every pair of the reference networks', () => {
  for (const { name, graph } of referenceNetworks) {
    it(`${name}: distance, number of paths, the first path in id order, and the full list`, () => {
      const d = floydWarshall(graph);
      for (let s = 0; s < graph.nodeCount; s++) {
        for (let t = 0; t < graph.nodeCount; t++) {
          const from = graph.ids[s]!;
          const to = graph.ids[t]!;
          const expected = allShortestWalks(graph, d, s, t);
          const one = shortestPath(graph, from, to)!;
          assert.equal(one.distance, d[s]![t], `${from} → ${to}`);
          assert.equal(one.count, expected.length, `${from} → ${to}`);
          assert.deepEqual(one.path, expected[0], `${from} → ${to}`);
          const all = shortestPaths(graph, from, to, 1_000_000)!;
          assert.deepEqual(all.paths, expected, `${from} → ${to}`);
          assert.equal(all.complete, true);
        }
      }
    });
  }
});

describe('shortest paths on small graphs', () => {
  const edge = (source: string, target: string) => ({ source, target });
  // Two routes of length 2 from a to d (via b, via c) and an island e.
  const graph = buildGraph(
    ['a', 'b', 'c', 'd', 'e'],
    [edge('a', 'c'), edge('c', 'd'), edge('a', 'b'), edge('b', 'd')],
  );

  it('chooses the route through the lower id, whatever order the links were entered in', () => {
    assert.deepEqual(shortestPath(graph, 'a', 'd'), { distance: 2, path: ['a', 'b', 'd'], count: 2 });
    assert.deepEqual(shortestPath(graph, 'd', 'a'), { distance: 2, path: ['d', 'b', 'a'], count: 2 });
  });

  it('stops at the limit and says the list is incomplete', () => {
    const some = shortestPaths(graph, 'a', 'd', 1)!;
    assert.deepEqual(some.paths, [['a', 'b', 'd']]);
    assert.equal(some.count, 2);
    assert.equal(some.complete, false);
  });

  it('answers null when there is no path, and a path of one node from a node to itself', () => {
    assert.equal(shortestPath(graph, 'a', 'e'), null);
    assert.equal(shortestPaths(graph, 'e', 'a'), null);
    assert.deepEqual(shortestPath(graph, 'e', 'e'), { distance: 0, path: ['e'], count: 1 });
  });

  it('refuses an unknown node', () => {
    assert.throws(() => shortestPath(graph, 'a', 'z'), UnknownNodeError);
  });
});
