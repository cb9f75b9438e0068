import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NodeMetrics, VisibleNetwork } from '../types.js';
import { escapeXml, toAnx, toGexf, toGraphML } from './index.js';
import { elementsNamed, parseStrictXml, type XmlElement } from './test-strict-xml.js';

const NASTY = `Tom & "Jerry" <O'Neil> \u0001\u0008\u000b\u000c\u001f\ufffe end`;
const NASTY_CLEAN = `Tom & "Jerry" <O'Neil>  end`;

const network: VisibleNetwork = {
  nodes: [
    { id: 'n3', schema: 'Phone', caption: '07700 900123', seed: false, hops: 2 },
    { id: 'n1', schema: 'Person', caption: NASTY, seed: true, hops: 0 },
    { id: 'n2', schema: 'Business', caption: 'Acme <Cars> & Co', seed: false, hops: 1 },
    { id: 'n4', schema: 'Vehicle', caption: 'WK19 ABC', seed: false, hops: 2 },
  ],
  edges: [
    {
      id: 'e2',
      from: 'n2',
      to: 'n3',
      linkType: 'uses-phone',
      startDate: null,
      endDate: null,
      confidence: 'low',
    },
    {
      id: 'e1',
      from: 'n1',
      to: 'n2',
      linkType: 'director-of',
      startDate: '2024-03-01',
      endDate: '2025-01-31',
      confidence: 'high',
    },
    {
      id: 'e3',
      from: 'n1',
      to: 'n4',
      linkType: 'associate-of',
      startDate: null,
      endDate: null,
      confidence: 'medium',
    },
  ],
};

const metrics: Record<string, NodeMetrics> = {
  n1: { degree: 2, betweenness: 0.6666666666666666, community: 0, articulationPoint: true },
  n2: { degree: 2, betweenness: 0.5, community: 1, articulationPoint: true },
  n3: { degree: 1, betweenness: 0, community: 1, articulationPoint: false },
  n4: { degree: 1, community: 0 },
};

function nth<T>(list: readonly T[], index: number): T {
  const value = list[index];
  assert.ok(value !== undefined, `item ${index}`);
  return value;
}

function only(root: XmlElement, name: string): XmlElement {
  const found = elementsNamed(root, name);
  const [first] = found;
  assert.ok(first && found.length === 1, `one <${name}>`);
  return first;
}

describe('escapeXml', () => {
  it('escapes the five markup characters and drops what XML 1.0 cannot carry', () => {
    assert.equal(escapeXml(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f');
    assert.equal(escapeXml('x\u0000y\u0007z\ud800\uffff'), 'xyz');
    assert.equal(escapeXml('tab\tline\nreturn\r'), 'tab&#9;line&#10;return&#13;');
    assert.equal(escapeXml('emoji 🔦 and é'), 'emoji 🔦 and é');
  });
});

describe('the strict XML check', () => {
  it('refuses what is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>&nbsp;</a>',
      '<a>& b</a>',
      '<a x="<"/>',
      '<a/><b/>',
      '<a>\u0001</a>',
      '<a>&#1;</a>',
      '<p:a/>',
      '<a>',
    ]) {
      assert.throws(() => parseStrictXml(bad), Error, bad);
    }
    assert.equal(
      parseStrictXml('<?xml version="1.0"?><a x="&lt;&#x41;"><!-- c --><b/>t&amp;</a>').attributes.x,
      '<A',
    );
  });
});

describe('toGraphML', () => {
  const xml = toGraphML(network, metrics);
  const root = parseStrictXml(xml);

  it('is GraphML with every key declared before the graph that uses it', () => {
    assert.equal(root.name, 'graphml');
    assert.equal(root.attributes.xmlns, 'http://graphml.graphdrawing.org/xmlns');
    const graphAt = root.children.findIndex((child) => child.name === 'graph');
    assert.ok(graphAt > 0);
    assert.ok(root.children.slice(0, graphAt).every((child) => child.name === 'key'));
    const keys = new Map(
      root.children.filter((c) => c.name === 'key').map((k) => [k.attributes.id, k.attributes]),
    );
    for (const data of elementsNamed(root, 'data')) {
      assert.ok(keys.has(data.attributes.key), `key ${data.attributes.key} declared`);
    }
    assert.equal(keys.get('node.betweenness')?.['attr.type'], 'double');
    assert.equal(keys.get('node.articulationPoint')?.['attr.type'], 'boolean');
    assert.ok(!keys.has('node.pagerank'), 'no key for a metric nobody has');
    assert.equal(only(root, 'graph').attributes.edgedefault, 'undirected');
  });

  it('holds every node and edge, in id order, with their attributes and text escaped', () => {
    const nodes = elementsNamed(root, 'node');
    const edges = elementsNamed(root, 'edge');
    assert.deepEqual(
      nodes.map((n) => n.attributes.id),
      ['n1', 'n2', 'n3', 'n4'],
    );
    assert.deepEqual(
      edges.map((e) => e.attributes.id),
      ['e1', 'e2', 'e3'],
    );
    const data = (element: XmlElement, key: string) =>
      element.children.find((c) => c.attributes.key === key)?.text;
    assert.equal(data(nth(nodes, 0), 'node.caption'), NASTY_CLEAN);
    assert.equal(data(nth(nodes, 1), 'node.caption'), 'Acme <Cars> & Co');
    assert.equal(data(nth(nodes, 0), 'node.betweenness'), '0.6666666666666666');
    assert.equal(data(nth(nodes, 0), 'node.seed'), 'true');
    assert.equal(data(nth(nodes, 3), 'node.betweenness'), undefined, 'a missing metric is left out');
    assert.equal(nth(edges, 0).attributes.directed, 'true');
    assert.equal(nth(edges, 2).attributes.directed, undefined, 'associate of is undirected');
    assert.equal(data(nth(edges, 0), 'edge.startDate'), '2024-03-01');
    assert.equal(data(nth(edges, 0), 'edge.label'), 'director of');
    assert.equal(data(nth(edges, 1), 'edge.confidence'), 'low');
    assert.ok(xml.includes('&amp;') && xml.includes('&lt;Cars&gt;'));
    assert.ok(!xml.includes('\u0001'));
  });

  it('is deterministic whatever order the network arrives in', () => {
    const shuffled = { nodes: [...network.nodes].reverse(), edges: [...network.edges].reverse() };
    assert.equal(toGraphML(shuffled, metrics), xml);
    assert.doesNotThrow(() => parseStrictXml(toGraphML({ nodes: [], edges: [] })));
  });
});

describe('toGexf', () => {
  const xml = toGexf(network, metrics);
  const root = parseStrictXml(xml);

  it('is GEXF 1.3 with attributes declared for nodes and edges', () => {
    assert.equal(root.name, 'gexf');
    assert.equal(root.attributes.xmlns, 'http://gexf.net/1.3');
    assert.equal(root.attributes.version, '1.3');
    const [nodeAttributes, edgeAttributes] = elementsNamed(root, 'attributes');
    assert.ok(nodeAttributes && edgeAttributes);
    assert.equal(nodeAttributes.attributes.class, 'node');
    assert.equal(edgeAttributes.attributes.class, 'edge');
    const declared = (element: XmlElement) => element.children.map((c) => c.attributes.id);
    assert.deepEqual(declared(nodeAttributes), [
      'schema',
      'caption',
      'seed',
      'hops',
      'degree',
      'betweenness',
      'community',
      'articulationPoint',
    ]);
    assert.deepEqual(declared(edgeAttributes), ['linkType', 'startDate', 'endDate', 'confidence']);
    // Only GEXF 1.3's attribute types (it has no date type).
    const GEXF_TYPES = new Set([
      'integer',
      'long',
      'double',
      'float',
      'boolean',
      'string',
      'liststring',
      'anyURI',
    ]);
    for (const attribute of elementsNamed(root, 'attribute'))
      assert.ok(GEXF_TYPES.has(attribute.attributes.type ?? ''));
  });

  it('holds every node and edge with labels, types, dates and confidence', () => {
    const nodes = elementsNamed(only(root, 'nodes'), 'node');
    const edges = elementsNamed(only(root, 'edges'), 'edge');
    assert.equal(nodes.length, 4);
    assert.equal(edges.length, 3);
    assert.equal(nth(nodes, 0).attributes.label, NASTY_CLEAN);
    const value = (element: XmlElement, id: string) =>
      elementsNamed(element, 'attvalue').find((a) => a.attributes.for === id)?.attributes.value;
    assert.equal(value(nth(nodes, 1), 'community'), '1');
    assert.equal(value(nth(nodes, 0), 'articulationPoint'), 'true');
    assert.equal(value(nth(nodes, 0), 'schema'), 'Person');
    assert.equal(nth(edges, 0).attributes.type, 'directed');
    assert.equal(nth(edges, 0).attributes.label, 'director of');
    assert.equal(value(nth(edges, 0), 'startDate'), '2024-03-01');
    assert.equal(value(nth(edges, 0), 'endDate'), '2025-01-31');
    assert.equal(value(nth(edges, 0), 'confidence'), 'high');
    assert.equal(nth(edges, 2).attributes.type, undefined);
    assert.equal(toGexf({ nodes: [...network.nodes].reverse(), edges: network.edges }, metrics), xml);
  });
});

describe('toAnx', () => {
  const xml = toAnx(network, metrics);
  const root = parseStrictXml(xml);

  it('is an i2 chart with entity types, strengths and chart items', () => {
    assert.equal(root.name, 'Chart');
    assert.deepEqual(
      root.children.map((c) => c.name),
      [
        'AttributeClassCollection',
        'EntityTypeCollection',
        'LinkTypeCollection',
        'StrengthCollection',
        'ChartItemCollection',
      ],
    );
    assert.deepEqual(
      elementsNamed(root, 'EntityType').map((t) => [t.attributes.Name, t.attributes.IconFile]),
      [
        ['Organisation', 'Organisation'],
        ['Person', 'Person'],
        ['Telephone', 'Telephone'],
        ['Vehicle', 'Car'],
      ],
    );
    const items = elementsNamed(root, 'ChartItem');
    assert.equal(items.length, 7);
    const entities = elementsNamed(root, 'Entity');
    assert.deepEqual(
      entities.map((e) => e.attributes.EntityId),
      ['n1', 'n2', 'n3', 'n4'],
    );
    assert.deepEqual(
      elementsNamed(root, 'IconStyle').map((s) => s.attributes.Type),
      ['Person', 'Organisation', 'Telephone', 'Vehicle'],
    );
    assert.equal(nth(items, 0).attributes.Label, NASTY_CLEAN);
    const declaredTypes = new Set(elementsNamed(root, 'EntityType').map((t) => t.attributes.Name));
    for (const style of elementsNamed(root, 'IconStyle')) assert.ok(declaredTypes.has(style.attributes.Type));
  });

  it('writes links between entity ids with arrows, strength and dates', () => {
    const links = elementsNamed(root, 'Link');
    assert.deepEqual(
      links.map((l) => [l.attributes.End1Id, l.attributes.End2Id]),
      [
        ['n1', 'n2'],
        ['n2', 'n3'],
        ['n1', 'n4'],
      ],
    );
    const styles = elementsNamed(root, 'LinkStyle').map((s) => s.attributes);
    assert.deepEqual(
      styles.map((s) => [s.ArrowStyle, s.Strength]),
      [
        ['ArrowOnHead', 'Confirmed'],
        ['ArrowOnHead', 'Tentative'],
        ['ArrowNone', 'Unconfirmed'],
      ],
    );
    const strengths = new Set(elementsNamed(root, 'Strength').map((s) => s.attributes.Name));
    for (const style of styles) assert.ok(strengths.has(style.Strength));
    const linkItem = nth(elementsNamed(root, 'ChartItem'), 4);
    assert.equal(linkItem.attributes.Label, 'director of');
    assert.equal(linkItem.attributes.DateSet, 'true');
    assert.equal(linkItem.attributes.DateTime, '2024-03-01T00:00:00');
    const classes = new Set(elementsNamed(root, 'AttributeClass').map((c) => c.attributes.Name));
    for (const attribute of elementsNamed(root, 'Attribute'))
      assert.ok(classes.has(attribute.attributes.AttributeClass));
    assert.equal(
      toAnx({ nodes: [...network.nodes].reverse(), edges: [...network.edges].reverse() }, metrics),
      xml,
    );
  });
});
