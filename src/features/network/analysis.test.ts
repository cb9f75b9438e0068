/**
 * The analysis the pages show, on small hand-made networks: whom to target (ranking, tie rule,
 * reason in words), brokers, and betweenness switching to a sampled estimate with its error stated
 * on large networks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseNetwork, SAMPLED_BETWEENNESS_ABOVE } from './analysis.js';
import { barabasiAlbert, generatedAsInput } from './metrics/generate.js';
import { presentAnalysis, targetReason } from './present.js';
import type { VisibleNetwork } from './types.js';

function network(people: string, things: string, pairs: string): VisibleNetwork {
  return {
    nodes: [
      ...people
        .split(' ')
        .map((id) => ({ id, schema: 'Person', caption: `Person ${id}`, seed: false, hops: 1 })),
      ...things
        .split(' ')
        .map((id) => ({ id, schema: 'Vehicle', caption: `Vehicle ${id}`, seed: false, hops: 1 })),
    ],
    edges: pairs.split(' ').map((pair, i) => ({
      id: `l${i}`,
      from: pair[0] ?? '',
      to: pair[1] ?? '',
      linkType: 'associate-of',
      startDate: null,
      endDate: null,
      confidence: 'high' as const,
    })),
  };
}

describe('network analysis for the pages', () => {
  //   a ─ b ─ c ─ d        Without b: {a}, {c, d, e, f}, {v, w}: 3 cut off from the largest piece.
  //       │   └ e ─ f      Without c: {a, b, v, w}, {d}, {e, f}: 3 cut off as well.
  //       v ─ w            Without e: f alone. v is a cut point too, but a vehicle, not a person.
  const net = network('a b c d e f', 'v w', 'ab bc cd ce ef bv vw');
  const analysis = analyseNetwork(net);

  it('ranks people by how many their removal cuts off; ties go to the lowest id', () => {
    assert.deepEqual(
      analysis.targets.map((t) => [t.id, t.separated, t.pieces]),
      [
        ['b', 3, 3],
        ['c', 3, 3],
        ['e', 1, 2],
      ],
    );
    assert.deepEqual(analysis.articulationPoints, ['b', 'c', 'e', 'v']);
  });

  it('gives the reason in words, naming those cut off', () => {
    const captions = new Map(net.nodes.map((n) => [n.id, n.caption]));
    assert.equal(
      targetReason(analysis.targets[1]!, captions),
      'Removing Person c splits their part of the network into 3 parts; Person c is the only link between the rest and Person e, Person f and Person d.',
    );
    const shown = presentAnalysis(net, analysis);
    // Not an OCG principal here: the tactics suggested for a person.
    assert.equal(shown.targets[0]?.tacticsHref, '/partner/tactics?suggestedFor=person');
    assert.equal(shown.brokers[0]?.caption, 'Person b', 'b lies on the most shortest paths');
    assert.equal(shown.summary.betweenness, 'Exact');
  });

  it(`samples betweenness above ${SAMPLED_BETWEENNESS_ABOVE} nodes and states its error`, () => {
    const { nodes, edges } = generatedAsInput(barabasiAlbert(SAMPLED_BETWEENNESS_ABOVE + 1, 2, 5));
    const big: VisibleNetwork = {
      nodes: nodes.map((id) => ({ id, schema: 'Person', caption: id, seed: false, hops: 1 })),
      edges: edges.map((e, i) => ({
        id: `l${i}`,
        from: e.source,
        to: e.target,
        linkType: 'associate-of',
        startDate: null,
        endDate: null,
        confidence: 'high',
      })),
    };
    const result = analyseNetwork(big);
    assert.equal(result.betweenness.method, 'sampled');
    assert.ok(result.betweenness.errorBound > 0);
    assert.match(
      presentAnalysis(big, result).summary.betweenness,
      /^Estimated from 1000 starting points: with 95% confidence every value is within 0\.\d{3} of the exact one$/,
    );
  });
});
