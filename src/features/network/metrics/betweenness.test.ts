import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { betweenness, sampledBetweenness } from './betweenness.js';
import { barabasiAlbert } from './generate.js';
import { buildGraph, fromEndpoints } from './graph.js';
import { assertCloseById, referenceNetworks } from './test-networks.js';

describe('exact betweenness against the reference networks (to 1e-9)', () => {
  for (const { name, network, graph } of referenceNetworks) {
    it(`${name}: raw and normalised`, () => {
      const result = betweenness(graph);
      assertCloseById(graph, result.raw, network.reference.betweenness_raw);
      assertCloseById(graph, result.normalized, network.reference.betweenness_normalized);
    });
  }

  it('counts a path through a node once per unordered pair, across components', () => {
    // a–b–c and d–e–f–g: b carries a↔c; e carries d↔f, d↔g; f carries d↔g, e↔g.
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ].map(([source, target]) => ({ source: source!, target: target! }));
    const graph = buildGraph(['a', 'b', 'c', 'd', 'e', 'f', 'g'], edges);
    assert.deepEqual([...betweenness(graph).raw], [0, 1, 0, 0, 2, 2, 0]);
  });

  it('searching 32 sources at once adds up to searching one at a time', () => {
    // Two separate preferential-attachment networks, a chain and isolated nodes: several batches,
    // sources that reach nothing, and batches spanning components.
    const a = barabasiAlbert(300, 3, 1);
    const b = barabasiAlbert(150, 1, 2);
    const ends = [...a.ends, ...Array.from(b.ends, (v) => v + 300)];
    for (let v = 450; v < 470; v++) ends.push(v, v + 1);
    const ids = Array.from({ length: 480 }, (_, i) => `n${String(i).padStart(3, '0')}`);
    const graph = fromEndpoints(ids, ends);
    const batched = betweenness(graph).raw;
    // With every node as a pivot, sampled betweenness is exact and runs one source at a time.
    const oneByOne = sampledBetweenness(graph, { pivots: graph.nodeCount }).raw;
    const largest = Math.max(...oneByOne);
    batched.forEach((value, v) => assert.ok(Math.abs(value - oneByOne[v]!) <= 1e-12 * largest, graph.ids[v]));
  });
});

describe('sampled betweenness (k pivots)', () => {
  for (const { name, graph } of referenceNetworks) {
    it(`${name}: with every node as a pivot it is exact, with no error`, () => {
      const exact = betweenness(graph);
      const sampled = sampledBetweenness(graph, { pivots: graph.nodeCount, seed: 7 });
      sampled.raw.forEach((value, v) => assert.ok(Math.abs(value - exact.raw[v]!) < 1e-9));
      assert.ok(sampled.rawStandardError.every((error) => error === 0));
      assert.equal(sampled.normalizedErrorBound, 0);
    });

    it(`${name}: half the nodes as pivots, error against exact reported and within the bound`, (t) => {
      const exact = betweenness(graph).normalized;
      const pivots = Math.ceil(graph.nodeCount / 2);
      let worst = 0;
      let totalError = 0;
      let totalStandardError = 0;
      let withinTwo = 0;
      let values = 0;
      // Twenty seeds, so the figures describe the method rather than one lucky draw.
      for (let seed = 1; seed <= 20; seed++) {
        const sampled = sampledBetweenness(graph, { pivots, seed });
        assert.equal(sampled.pivots, pivots);
        let worstThisRun = 0;
        sampled.normalized.forEach((value, v) => {
          const error = Math.abs(value - exact[v]!);
          worstThisRun = Math.max(worstThisRun, error);
          totalError += error;
          totalStandardError += sampled.normalizedStandardError[v]!;
          if (error <= 2 * sampled.normalizedStandardError[v]! + 1e-15) withinTwo++;
          values++;
        });
        assert.ok(
          worstThisRun <= sampled.normalizedErrorBound,
          `seed ${seed}: error ${worstThisRun} beyond the guaranteed bound ${sampled.normalizedErrorBound}`,
        );
        worst = Math.max(worst, worstThisRun);
      }
      const meanError = totalError / values;
      const meanStandardError = totalStandardError / values;
      t.diagnostic(
        `${name}: k = ${pivots} of ${graph.nodeCount}; normalised error against exact: mean ${meanError.toFixed(4)}, ` +
          `worst ${worst.toFixed(4)}; mean estimated standard error ${meanStandardError.toFixed(4)}; ` +
          `${((100 * withinTwo) / values).toFixed(0)}% within 2 standard errors; ` +
          `guaranteed bound (95%) ${sampledBetweenness(graph, { pivots }).normalizedErrorBound.toFixed(3)}`,
      );
      // The estimated standard error is of the right size: on average, within a factor of two of the error.
      assert.ok(meanError <= 2 * meanStandardError && meanStandardError <= 2 * meanError);
    });
  }

  it('gives the same answer for the same seed, and a different one for another', () => {
    const { graph } = referenceNetworks[2]!;
    const a = sampledBetweenness(graph, { pivots: 10, seed: 3 });
    const b = sampledBetweenness(graph, { pivots: 10, seed: 3 });
    const c = sampledBetweenness(graph, { pivots: 10, seed: 4 });
    assert.deepEqual(a.raw, b.raw);
    assert.notDeepEqual(a.raw, c.raw);
  });

  it('is unbiased: the average over many seeds approaches the exact values', () => {
    const { graph } = referenceNetworks[0]!;
    const exact = betweenness(graph).normalized;
    const runs = 400;
    const mean = new Float64Array(graph.nodeCount);
    for (let seed = 1; seed <= runs; seed++) {
      sampledBetweenness(graph, { pivots: 8, seed }).normalized.forEach((value, v) => {
        mean[v] = mean[v]! + value / runs;
      });
    }
    mean.forEach((value, v) => assert.ok(Math.abs(value - exact[v]!) < 0.01, `node ${graph.ids[v]}`));
  });
});
