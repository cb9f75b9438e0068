/**
 * Building a viewer's network: only what they may open, expansion only through links they may
 * open (so a hidden person never bridges to visible ones), hops, filters, the size cap and OCGs;
 * and metrics that are exactly those of the visible network on its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import type { Viewer } from '../access/policy.js';
import { analyseNetwork } from './analysis.js';
import { buildVisibleNetwork, type NetworkRequest } from './build.js';
import { networkFixture, type NetworkFixture } from './test-fixture.js';
import type { VisibleNetwork } from './types.js';

describe(`building a viewer's network on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let f: NetworkFixture;
  let analyst: Viewer;
  let officer: Viewer;
  let stranger: Viewer;

  before(async () => {
    app = await startTestApp();
    f = await networkFixture(app, false);
    analyst = await f.viewerOf(f.analyst, 'public-protection-analyst');
    officer = await f.viewerOf(f.officer, 'council-officer');
    stranger = await f.viewerOf(f.stranger, 'public-protection-analyst');
  });
  after(() => app.stop());

  const build = (viewer: Viewer, request: Omit<NetworkRequest, 'seeds'> & { seeds?: string[] }) =>
    buildVisibleNetwork(app.lantern.database.db, viewer, { seeds: [f.ids.A], ...request });
  const names = (network: VisibleNetwork | undefined) =>
    (network?.nodes ?? [])
      .map((n) => Object.entries(f.ids).find(([, id]) => id === n.id)?.[0] ?? '?')
      .sort()
      .join('');
  const linkNames = (network: VisibleNetwork | undefined) =>
    (network?.edges ?? [])
      .map((e) => Object.entries(f.links).find(([, id]) => id === e.id)?.[0] ?? '?')
      .sort()
      .join(' ');

  it('gives the analyst everything within the hops', async () => {
    assert.equal(names(await build(analyst, { hops: 1 })), 'ABG');
    const two = await build(analyst, { hops: 2 });
    assert.equal(names(two), 'ABEFGH');
    // E–F joins two nodes of the last hop: the network is every qualifying link among its nodes.
    assert.equal(linkNames(two), 'AB AG BE BF BH EF');
    assert.equal(names(await build(analyst, { hops: 3 })), 'ABCEFGH');
    const four = await build(analyst, { hops: 4 });
    assert.equal(names(four), 'ABCDEFGH');
    assert.deepEqual(
      four?.nodes.filter((n) => n.seed).map((n) => n.id),
      [f.ids.A],
    );
    assert.equal(four.nodes.find((n) => n.id === f.ids.D)?.hops, 4);
    assert.equal(four.limit, undefined);
  });

  it('gives the council officer a smaller network with nothing hidden in it, and no bridge through the hidden', async () => {
    const network = await build(officer, { hops: 4 });
    assert.equal(names(network), 'ABEF');
    assert.equal(linkNames(network), 'AB BE EF');
    // C and D are visible to the officer on their own, but only reachable through H.
    assert.equal(names(await build(officer, { seeds: [f.ids.C], hops: 4 })), 'CD');
    // A hidden seed is no seed.
    assert.equal(await build(officer, { seeds: [f.ids.H], hops: 2 }), undefined);
    assert.equal(await build(stranger, { hops: 2 }), undefined);
  });

  it('computes the officer’s metrics as on the visible network alone: hidden nodes weigh nothing', async () => {
    const network = (await build(officer, { hops: 4 }))!;
    const alone: VisibleNetwork = {
      nodes: network.nodes.map((n) => ({ ...n })),
      edges: [
        {
          id: 'x1',
          from: f.ids.A,
          to: f.ids.B,
          linkType: 'associate-of',
          startDate: null,
          endDate: null,
          confidence: 'high',
        },
        {
          id: 'x2',
          from: f.ids.B,
          to: f.ids.E,
          linkType: 'associate-of',
          startDate: null,
          endDate: null,
          confidence: 'high',
        },
        {
          id: 'x3',
          from: f.ids.E,
          to: f.ids.F,
          linkType: 'associate-of',
          startDate: null,
          endDate: null,
          confidence: 'high',
        },
      ],
    };
    const seen = analyseNetwork(network);
    const expected = analyseNetwork(alone);
    assert.deepEqual(seen.nodes, expected.nodes);
    assert.equal(seen.nodeCount, 4);
    assert.equal(seen.components, 1);
    assert.deepEqual(seen.targets, expected.targets);
    // The path A–B–E–F: B and E are the people whose removal splits it.
    assert.deepEqual(seen.targets.map((t) => t.id).sort(), [f.ids.B, f.ids.E].sort());
  });

  it('applies each filter to the links', async () => {
    assert.equal(
      names(await build(analyst, { hops: 4, filters: { linkTypes: ['associate-of'] } })),
      'ABCDEFH',
    );
    const dated = await build(analyst, { hops: 4, filters: { from: '2021-01-01' } });
    assert.ok(!linkNames(dated).includes('BE'), 'the link that ended in 2020 is outside the window');
    assert.equal(names(dated), 'ABCDEFGH');
    const window2020 = await build(analyst, {
      hops: 1,
      seeds: [f.ids.E],
      filters: { from: '2020-06-01', to: '2020-06-30' },
    });
    assert.equal(linkNames(window2020), 'BE BF EF');
    assert.equal(names(await build(analyst, { hops: 4, filters: { minConfidence: 'medium' } })), 'ABCDEFH');
    // B–H rests on a 3/E item only; E–F on a 1/B and a 3/E: one good item is enough.
    const graded = await build(analyst, { hops: 4, filters: { minSourceEvaluation: '2' } });
    assert.equal(names(graded), 'ABEFG');
    assert.ok(linkNames(graded).includes('EF'));
    assert.equal(
      names(await build(analyst, { hops: 4, filters: { minInformationAssessment: 'C' } })),
      'ABEFG',
    );
  });

  it('stops at the last hop that fits under the cap, and says so', async () => {
    const capped = await build(analyst, { hops: 2, maxNodes: 3 });
    assert.equal(names(capped), 'ABG');
    assert.deepEqual(capped?.limit, { requestedHops: 2, hops: 1, maxNodes: 3 });
  });

  it('starts from an OCG’s members the viewer may see', async () => {
    const network = await build(analyst, { seeds: [], ocgId: f.ocgId, hops: 1 });
    assert.equal(names(network), 'CDH');
    assert.equal(network?.ocg?.name, 'Netfixture crew');
    // The officer may not see the OCG (not shared with them): no network at all.
    assert.equal(await build(officer, { seeds: [], ocgId: f.ocgId, hops: 1 }), undefined);
  });
});
