import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGraph, indexOfId, inducedSubgraph, UnknownNodeError, valuesById } from './graph.js';

const edge = (source: string, target: string) => ({ source, target });

describe('the compact graph (CSR)', () => {
  it('orders nodes by id compared as strings, so "10" comes before "9"', () => {
    const graph = buildGraph(['9', '10', 'b', 'B', '1'], []);
    assert.deepEqual(graph.ids, ['1', '10', '9', 'B', 'b']);
  });

  it('keeps one copy of a repeated link, in either direction, and drops self-loops', () => {
    const graph = buildGraph(
      ['a', 'b', 'c'],
      [edge('a', 'b'), edge('b', 'a'), edge('a', 'b'), edge('c', 'c'), edge('b', 'c')],
    );
    assert.equal(graph.edgeCount, 2);
    assert.deepEqual([...graph.offsets], [0, 1, 3, 4]);
    assert.deepEqual([...graph.neighbours], [1, 0, 2, 1]);
  });

  it('lists each node’s neighbours in ascending index order whatever order the links came in', () => {
    const graph = buildGraph(['a', 'b', 'c', 'd'], [edge('a', 'd'), edge('a', 'b'), edge('c', 'a')]);
    assert.deepEqual([...graph.neighbours.subarray(0, 3)], [1, 2, 3]);
  });

  it('ignores weights and repeated node ids', () => {
    const graph = buildGraph(['a', 'a', 'b'], [{ source: 'a', target: 'b', weight: 7 }]);
    assert.equal(graph.nodeCount, 2);
    assert.equal(graph.edgeCount, 1);
  });

  it('refuses a link to a node that is not in the list', () => {
    assert.throws(() => buildGraph(['a'], [edge('a', 'z')]), UnknownNodeError);
  });

  it('finds a node by id', () => {
    const graph = buildGraph(['x', 'y', 'z'], []);
    assert.equal(indexOfId(graph, 'y'), 1);
    assert.equal(indexOfId(graph, 'q'), -1);
  });

  it('takes the subgraph on kept nodes, still in id order, and says where each came from', () => {
    const graph = buildGraph(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('a', 'd')],
    );
    const { graph: sub, original } = inducedSubgraph(graph, Uint8Array.from([1, 0, 1, 1]));
    assert.deepEqual(sub.ids, ['a', 'c', 'd']);
    assert.deepEqual([...original], [0, 2, 3]);
    assert.equal(sub.edgeCount, 2);
    assert.deepEqual(valuesById(sub, [1, 2, 3]), { a: 1, c: 2, d: 3 });
  });
});
