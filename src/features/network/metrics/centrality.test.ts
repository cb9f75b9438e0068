import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeness } from './closeness.js';
import { coreNumber } from './core-number.js';
import { degree } from './degree.js';
import { eigenvector } from './eigenvector.js';
import { buildGraph } from './graph.js';
import { pagerank } from './pagerank.js';
import { assertCloseById, referenceNetworks } from './test-networks.js';

const edge = (source: string, target: string) => ({ source, target });

describe('centrality against the reference networks (networkx 2.8.8, to 1e-9)', () => {
  for (const { name, network, graph } of referenceNetworks) {
    const reference = network.reference;
    it(`${name}: degree`, () => assertCloseById(graph, degree(graph), reference.degree));
    it(`${name}: closeness`, () => assertCloseById(graph, closeness(graph), reference.closeness));
    it(`${name}: eigenvector`, () => assertCloseById(graph, eigenvector(graph), reference.eigenvector));
    it(`${name}: PageRank`, () =>
      assertCloseById(graph, pagerank(graph), reference['pagerank_alpha_0.85_unweighted']));
    it(`${name}: core number`, () => assertCloseById(graph, coreNumber(graph), reference.core_number));
  }
});

describe('centrality on awkward graphs', () => {
  // Two components: a path a–b–c and a pair d–e, plus an isolated f.
  const graph = buildGraph(['a', 'b', 'c', 'd', 'e', 'f'], [edge('a', 'b'), edge('b', 'c'), edge('d', 'e')]);

  it('closeness scales by the share of the graph a node reaches (Wasserman–Faust)', () => {
    const values = closeness(graph);
    // b reaches 2 others at total distance 2: (2/2) × (2/5).
    assert.equal(values[1], 0.4);
    // a reaches 2 others at total distance 3: (2/3) × (2/5).
    assert.ok(Math.abs((values[0] ?? 0) - 4 / 15) < 1e-15);
    // d reaches 1 other at distance 1: (1/1) × (1/5); f reaches no one.
    assert.equal(values[3], 0.2);
    assert.equal(values[5], 0);
  });

  it('PageRank spreads an isolated node’s rank over every node and sums to 1', () => {
    const values = pagerank(graph);
    assert.ok(Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    // Checked against a dense power iteration written out in full here.
    const n = 6;
    const adjacency = [[1], [0, 2], [1], [4], [3], [] as number[]];
    let x = new Array<number>(n).fill(1 / n);
    for (let i = 0; i < 1000; i++) {
      const dangling = x.filter((_, v) => adjacency[v]!.length === 0).reduce((a, b) => a + b, 0);
      x = x.map(
        (_, v) =>
          0.15 / n +
          (0.85 * dangling) / n +
          0.85 * adjacency[v]!.reduce((s, u) => s + x[u]! / adjacency[u]!.length, 0),
      );
    }
    x.forEach((expected, v) => assert.ok(Math.abs((values[v] ?? 0) - expected) < 1e-12));
  });

  it('eigenvector centrality converges on a bipartite graph, where plain power iteration oscillates', () => {
    // A star is bipartite; its principal eigenvector is 1/√2 at the centre and 1/√(2k) at each of k leaves.
    const star = buildGraph(
      ['c', 'l1', 'l2', 'l3', 'l4'],
      ['l1', 'l2', 'l3', 'l4'].map((l) => edge('c', l)),
    );
    const values = eigenvector(star);
    assert.ok(Math.abs((values[0] ?? 0) - Math.SQRT1_2) < 1e-12);
    for (let leaf = 1; leaf <= 4; leaf++) assert.ok(Math.abs((values[leaf] ?? 0) - 1 / Math.sqrt(8)) < 1e-12);
  });

  it('core number of a clique with a tail', () => {
    const clique = ['a', 'b', 'c', 'd'];
    const links = clique.flatMap((u, i) => clique.slice(i + 1).map((v) => edge(u, v)));
    const tail = buildGraph([...clique, 'e', 'f'], [...links, edge('d', 'e'), edge('e', 'f')]);
    assert.deepEqual([...coreNumber(tail)], [3, 3, 3, 3, 1, 1]);
  });
});
