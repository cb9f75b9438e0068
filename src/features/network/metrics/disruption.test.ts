import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createBetweennessPool } from './betweenness-parallel.js';
import { betweenness } from './betweenness.js';
import { SOURCE_BLOCK } from './brandes.js';
import { connectedComponents } from './components.js';
import { disruption, listDisruption, parallelDisruption, topNodes } from './disruption.js';
import { barabasiAlbert, generatedGraph } from './generate.js';
import { buildGraph, inducedSubgraph, UnknownNodeError } from './graph.js';
import { referenceNetworks } from './test-networks.js';

describe('sequential removal by betweenness, against the reference (order exact, ratios to 1e-9)', () => {
  for (const { name, network, graph } of referenceNetworks) {
    it(name, () => {
      const expected = network.reference.sequential_betweenness_removal;
      const result = disruption(graph);
      assert.deepEqual(
        result.steps.map((step) => step.removed),
        expected.removed.map((id) => [id]),
      );
      assert.equal(result.steps.length, expected.lcc_ratio_before_each_removal.length);
      result.steps.forEach((step, i) => {
        assert.ok(Math.abs(step.largestComponentRatio - expected.lcc_ratio_before_each_removal[i]!) <= 1e-9);
      });
    });
  }
});

describe('the tie rule', () => {
  it('treats scores within 1e-12 of the highest as tied and takes the lowest index', () => {
    assert.deepEqual(topNodes([0.5, 1 - 5e-13, 1, 0.2], 1), [1]);
    assert.deepEqual(topNodes([0.5, 1 - 5e-12, 1, 0.2], 1), [2]);
    assert.deepEqual(topNodes([3, 1, 3, 2], 4), [0, 2, 3, 1]);
  });

  it('compares ids as strings: "10" is taken before "9" when they tie', () => {
    // A star's leaves all have betweenness 0 once the centre is gone.
    const leaves = ['9', '10', '2'];
    const graph = buildGraph(
      ['c', ...leaves],
      leaves.map((leaf) => ({ source: 'c', target: leaf })),
    );
    assert.deepEqual(
      disruption(graph).steps.map((step) => step.removed[0]),
      ['c', '10', '2'],
    );
  });
});

describe('the record of each step', () => {
  const { graph } = referenceNetworks[0]!;

  it('counts components and the largest one before each removal, recomputing betweenness each time', () => {
    const result = disruption(graph, { steps: 6 });
    assert.equal(result.steps.length, 6);
    const keep = new Uint8Array(graph.nodeCount).fill(1);
    for (const step of result.steps) {
      const left = inducedSubgraph(graph, keep).graph;
      const components = connectedComponents(left);
      assert.equal(step.components, components.count);
      assert.equal(step.largestComponent, components.largest);
      // The node taken out is the top of betweenness recomputed on what is left.
      const scores = betweenness(left).normalized;
      assert.equal(step.removed[0], left.ids[topNodes(scores, 1)[0]!]);
      assert.equal(step.scores[0], scores[topNodes(scores, 1)[0]!]);
      keep[graph.ids.indexOf(step.removed[0]!)] = 0;
    }
    const left = connectedComponents(inducedSubgraph(graph, keep).graph);
    assert.deepEqual(result.after, {
      largestComponentRatio: left.largest / graph.nodeCount,
      largestComponent: left.largest,
      components: left.count,
    });
  });

  it('removes blocks of the top k at once, recomputing between blocks', () => {
    const result = disruption(graph, { blockSize: 3, steps: 2 });
    const first = topNodes(betweenness(graph).normalized, 3).map((v) => graph.ids[v]);
    assert.deepEqual(result.steps[0]!.removed, first);
    const keep = new Uint8Array(graph.nodeCount).fill(1);
    for (const id of first) keep[graph.ids.indexOf(id!)] = 0;
    const left = inducedSubgraph(graph, keep).graph;
    assert.deepEqual(
      result.steps[1]!.removed,
      topNodes(betweenness(left).normalized, 3).map((v) => left.ids[v]),
    );
  });

  it('never takes out the last node, in blocks either', () => {
    const result = disruption(graph, { blockSize: 5 });
    const removed = result.steps.flatMap((step) => step.removed);
    assert.equal(removed.length, graph.nodeCount - 1);
    assert.equal(new Set(removed).size, removed.length);
    assert.equal(result.after.largestComponent, 1);
  });

  it('can rank by another metric', () => {
    const result = disruption(graph, { metric: 'degree', steps: 1 });
    // Node 33 has the highest degree in the karate club (17).
    assert.deepEqual(result.steps[0]!.removed, ['33']);
    assert.deepEqual(result.steps[0]!.scores, [17]);
  });
});

describe('removing a chosen list', () => {
  const { graph, network } = referenceNetworks[1]!;

  it('takes the named nodes out in the order given', () => {
    // The reference order, given as a list, gives the reference curve.
    const expected = network.reference.sequential_betweenness_removal;
    const result = listDisruption(graph, expected.removed);
    assert.deepEqual(
      result.steps.map((step) => step.largestComponentRatio),
      expected.lcc_ratio_before_each_removal,
    );
  });

  it('records a short list and the network after it', () => {
    const result = listDisruption(graph, ['Medici', 'Guadagni']);
    assert.deepEqual(
      result.steps.map((step) => [step.removed, step.components]),
      [
        [['Medici'], 1],
        [['Guadagni'], 3],
      ],
    );
    assert.equal(result.after.components, 5);
  });

  it('refuses an unknown or repeated node', () => {
    assert.throws(() => listDisruption(graph, ['Nobody']), UnknownNodeError);
    assert.throws(() => listDisruption(graph, ['Medici', 'Medici']), RangeError);
  });
});

describe('sequential removal with betweenness on worker threads', () => {
  const pool = createBetweennessPool({ workers: 2 });
  after(() => pool.close());

  it('gives exactly the single-threaded result', async () => {
    const graph = generatedGraph(barabasiAlbert(2 * SOURCE_BLOCK + 40, 2, 21));
    const parallel = await parallelDisruption(graph, pool, { steps: 8 });
    assert.deepEqual(parallel, disruption(graph, { steps: 8 }));
    assert.equal(pool.started, 2);
  });

  for (const { name, graph } of referenceNetworks) {
    it(`${name}: the same as single-threaded`, async () => {
      assert.deepEqual(await parallelDisruption(graph, pool), disruption(graph));
    });
  }
});
