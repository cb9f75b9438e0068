import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisibleNetwork } from '../types.js';
import { toViewData, viewDataJson } from './index.js';

const network: VisibleNetwork = {
  nodes: [
    { id: 'b', schema: 'Business', caption: 'Shine </script><!-- & Co', seed: false, hops: 1 },
    { id: 'a', schema: 'Person', caption: 'Dean', seed: true, hops: 0 },
    { id: 'c', schema: 'Phone', caption: '+447700900123', seed: false, hops: 2 },
  ],
  edges: [
    {
      id: 'e2',
      from: 'b',
      to: 'c',
      linkType: 'uses-phone',
      startDate: null,
      endDate: null,
      confidence: 'low',
    },
    {
      id: 'e1',
      from: 'a',
      to: 'b',
      linkType: 'director-of',
      startDate: null,
      endDate: null,
      confidence: 'high',
    },
  ],
};

describe('the picture’s data', () => {
  it('sizes by the chosen metric over the network, colours by community, links each entity page', () => {
    const data = toViewData(
      network,
      { a: { betweenness: 0, community: 0 }, b: { betweenness: 2, community: 1 }, c: { betweenness: 1 } },
      'betweenness',
    );
    assert.deepEqual(
      data.nodes.map((n) => [n.id, n.size, n.community, n.href]),
      [
        ['a', 0, 0, '/partner/entities/a'],
        ['b', 1, 1, '/partner/entities/b'],
        ['c', 0.5, null, '/partner/entities/c'],
      ],
    );
    assert.deepEqual(data.edges, [
      { id: 'e1', source: 'a', target: 'b', label: 'director of' },
      { id: 'e2', source: 'b', target: 'c', label: 'uses phone' },
    ]);
    assert.ok(
      toViewData(network).nodes.every((n) => n.size === 0),
      'no metrics: every node the same size',
    );
  });

  it('writes JSON that cannot close its script element and reads back unchanged', () => {
    const data = toViewData(network);
    const json = viewDataJson(data);
    assert.ok(!/[<>&]/.test(json));
    assert.ok(json.includes('\\u003c/script\\u003e\\u003c!-- \\u0026 Co'));
    assert.deepEqual(JSON.parse(json), data);
  });
});
