import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barabasiAlbert, generatedGraph } from './generate.js';
import { buildGraph, type Graph } from './graph.js';
import { louvain, modularity } from './louvain.js';
import { referenceNetworks } from './test-networks.js';

/** Modularity straight from its definition, over every ordered pair of nodes: (1/2m) Σ (A_ij − k_i k_j / 2m) δ(c_i, c_j). */
function modularityByDefinition(graph: Graph, membership: Int32Array): number {
  const n = graph.nodeCount;
  const twiceM = graph.neighbours.length;
  const linked = new Set<number>();
  for (let u = 0; u < n; u++) {
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) linked.add(u * n + graph.neighbours[e]!);
  }
  const k = (v: number) => graph.offsets[v + 1]! - graph.offsets[v]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (membership[i] === membership[j]) sum += (linked.has(i * n + j) ? 1 : 0) - (k(i) * k(j)) / twiceM;
    }
  }
  return sum / twiceM;
}

// Floating-point sums in a different order can differ in the last bits (1e-16); no more.
const ROUNDING = 1e-12;

describe('Louvain communities', () => {
  for (const { name, network, graph } of referenceNetworks) {
    const best = network.reference.best_modularity_louvain_igraph_20_runs;
    it(`${name}: modularity at least igraph's best of 20 runs (${best.toFixed(6)})`, (t) => {
      const communities = louvain(graph);
      t.diagnostic(`${name}: ${communities.count} communities, modularity ${communities.modularity}`);
      assert.ok(communities.modularity >= best - ROUNDING, `${communities.modularity} < ${best}`);
    });

    it(`${name}: the modularity reported is the modularity of the partition returned`, () => {
      const communities = louvain(graph, { seed: 5, restarts: 1 });
      assert.ok(
        Math.abs(communities.modularity - modularityByDefinition(graph, communities.membership)) < ROUNDING,
      );
    });
  }

  it('gives the same communities for the same seed', () => {
    const graph = generatedGraph(barabasiAlbert(500, 2, 3));
    assert.deepEqual(louvain(graph, { seed: 9 }), louvain(graph, { seed: 9 }));
  });

  it('numbers communities in order of their lowest node', () => {
    const graph = generatedGraph(barabasiAlbert(300, 2, 4));
    const { membership, count } = louvain(graph);
    let highest = -1;
    for (const c of membership) {
      assert.ok(c <= highest + 1);
      highest = Math.max(highest, c);
    }
    assert.equal(highest + 1, count);
  });

  it('separates two cliques joined by one link', () => {
    const edges: { source: string; target: string }[] = [];
    const a = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const b = ['b1', 'b2', 'b3', 'b4', 'b5'];
    for (const group of [a, b]) {
      group.forEach((u, i) => group.slice(i + 1).forEach((v) => edges.push({ source: u, target: v })));
    }
    edges.push({ source: 'a1', target: 'b1' });
    const graph = buildGraph([...a, ...b], edges);
    assert.deepEqual([...louvain(graph).membership], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('keeps the best of several runs', () => {
    const { graph } = referenceNetworks[3]!;
    const single = [1, 2, 3, 4, 5].map((seed) => louvain(graph, { seed, restarts: 1 }).modularity);
    assert.equal(louvain(graph, { seed: 1, restarts: 5 }).modularity, Math.max(...single));
  });

  it('modularity of a graph with no links is 0, and of everyone in one community is 0', () => {
    const empty = buildGraph(['a', 'b'], []);
    assert.equal(modularity(empty, Int32Array.from([0, 1])), 0);
    const { graph } = referenceNetworks[0]!;
    assert.ok(Math.abs(modularity(graph, new Int32Array(graph.nodeCount))) < ROUNDING);
  });

  it('refuses a partition that does not fit the graph', () => {
    const { graph } = referenceNetworks[1]!;
    assert.throws(() => modularity(graph, new Int32Array(3)), RangeError);
    assert.throws(() => modularity(graph, new Int32Array(graph.nodeCount).fill(graph.nodeCount)), RangeError);
  });
});
