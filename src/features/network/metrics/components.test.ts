import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectedComponents } from './components.js';
import { cutPoints } from './cut-points.js';
import { buildGraph, fromEndpoints, inducedSubgraph, type Graph } from './graph.js';
import { referenceNetworks } from './test-networks.js';

const edge = (source: string, target: string) => ({ source, target });

function edgesOf(graph: Graph): [number, number][] {
  const edges: [number, number][] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.neighbours[e]!;
      if (u < v) edges.push([u, v]);
    }
  }
  return edges;
}

/** Bridges by brute force: drop each link in turn and count components. */
function bruteForceBridges(graph: Graph): [number, number][] {
  const edges = edgesOf(graph);
  const before = connectedComponents(graph).count;
  return edges.filter((skip) => {
    const kept = edges.filter((e) => e !== skip);
    const without = buildGraph(
      graph.ids,
      kept.map(([u, v]) => edge(graph.ids[u]!, graph.ids[v]!)),
    );
    return connectedComponents(without).count > before;
  });
}

/** Articulation points by brute force: drop each node in turn and count components. */
function bruteForceArticulationPoints(graph: Graph): number[] {
  const before = connectedComponents(graph).count;
  const points: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    const keep = new Uint8Array(graph.nodeCount).fill(1);
    keep[v] = 0;
    if (connectedComponents(inducedSubgraph(graph, keep).graph).count > before) points.push(v);
  }
  return points;
}

// A graph with every kind of case: a cycle, a bridge, a pendant chain, a second component, an isolated node.
const mixed = buildGraph(
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
  [
    edge('a', 'b'),
    edge('b', 'c'),
    edge('c', 'a'),
    edge('c', 'd'),
    edge('d', 'e'),
    edge('e', 'f'),
    edge('f', 'd'),
    edge('f', 'g'),
    edge('h', 'i'),
  ],
);
const cases = [
  ...referenceNetworks.map(({ name, graph }) => ({ name, graph })),
  { name: 'mixed', graph: mixed },
];

describe('connected components', () => {
  for (const { name, network, graph } of referenceNetworks) {
    it(`${name}: ${network.reference.connected_components} component(s), as the reference says`, () => {
      assert.equal(connectedComponents(graph).count, network.reference.connected_components);
    });
  }

  it('numbers components in order of their lowest node and gives their sizes', () => {
    const components = connectedComponents(mixed);
    assert.equal(components.count, 3);
    assert.deepEqual([...components.membership], [0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    assert.deepEqual([...components.sizes], [7, 2, 1]);
    assert.equal(components.largest, 7);
  });
});

describe('bridges and articulation points, against brute force', () => {
  for (const { name, graph } of cases) {
    it(`${name}: bridges`, () => {
      assert.deepEqual(cutPoints(graph).bridges, bruteForceBridges(graph));
    });
    it(`${name}: articulation points`, () => {
      assert.deepEqual([...cutPoints(graph).articulationPoints], bruteForceArticulationPoints(graph));
    });
  }

  it('finds them in the mixed graph by name', () => {
    const { bridges, articulationPoints } = cutPoints(mixed);
    const name = (v: number) => mixed.ids[v];
    assert.deepEqual(
      bridges.map(([u, v]) => `${name(u)}-${name(v)}`),
      ['c-d', 'f-g', 'h-i'],
    );
    assert.deepEqual([...articulationPoints].map(name), ['c', 'd', 'f']);
  });

  it('does not overflow the call stack on a chain of 100,000 nodes', () => {
    // Recursion would need one frame per link here; Node's stack holds about 10,000.
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(6, '0')}`);
    const ends = Array.from({ length: 2 * (n - 1) }, (_, k) => (k >> 1) + (k & 1));
    const { bridges, articulationPoints } = cutPoints(fromEndpoints(ids, ends));
    assert.equal(bridges.length, n - 1);
    assert.equal(articulationPoints.length, n - 2);
  });
});
