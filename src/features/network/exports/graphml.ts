/**
 * GraphML (http://graphml.graphdrawing.org/, the 1.0 schema): every `<key>` is declared before the
 * graph that uses it, as the schema's sequence requires; the graph is undirected by default and a
 * directed link type's edge says `directed="true"`. Nodes carry schema, caption, seed and hops,
 * and the metrics given; edges carry the link type (key and words), dates and confidence.
 */
import type { NodeMetrics, VisibleNetwork } from '../types.js';
import {
  linkDirected,
  linkLabel,
  metricColumnsUsed,
  metricsOf,
  metricValue,
  ordered,
  type MetricKind,
} from './common.js';
import { XmlWriter } from './xml.js';

const GRAPHML_TYPE: Record<MetricKind, string> = { integer: 'int', double: 'double', boolean: 'boolean' };

const NODE_KEYS = [
  ['schema', 'string'],
  ['caption', 'string'],
  ['seed', 'boolean'],
  ['hops', 'int'],
] as const;

const EDGE_KEYS = [
  ['linkType', 'string'],
  ['label', 'string'],
  ['startDate', 'string'],
  ['endDate', 'string'],
  ['confidence', 'string'],
] as const;

export function toGraphML(network: VisibleNetwork, metrics?: Record<string, NodeMetrics>): string {
  const { nodes, edges } = ordered(network);
  const metricColumns = metricColumnsUsed(nodes, metrics);
  const xml = new XmlWriter().start('graphml', [
    ['xmlns', 'http://graphml.graphdrawing.org/xmlns'],
    ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
    [
      'xsi:schemaLocation',
      'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    ],
  ]);
  for (const [name, type] of NODE_KEYS) {
    xml.empty('key', [
      ['id', `node.${name}`],
      ['for', 'node'],
      ['attr.name', name],
      ['attr.type', type],
    ]);
  }
  for (const { key, kind } of metricColumns) {
    xml.empty('key', [
      ['id', `node.${key}`],
      ['for', 'node'],
      ['attr.name', key],
      ['attr.type', GRAPHML_TYPE[kind]],
    ]);
  }
  for (const [name, type] of EDGE_KEYS) {
    xml.empty('key', [
      ['id', `edge.${name}`],
      ['for', 'edge'],
      ['attr.name', name],
      ['attr.type', type],
    ]);
  }
  xml.start('graph', [
    ['id', 'lantern-network'],
    ['edgedefault', 'undirected'],
  ]);
  for (const node of nodes) {
    xml.start('node', [['id', node.id]]);
    xml.text('data', node.schema, [['key', 'node.schema']]);
    xml.text('data', node.caption, [['key', 'node.caption']]);
    xml.text('data', String(node.seed), [['key', 'node.seed']]);
    xml.text('data', String(node.hops), [['key', 'node.hops']]);
    const values = metricsOf(metrics, node.id);
    for (const { key } of metricColumns) {
      const value = metricValue(values, key);
      if (value !== undefined) xml.text('data', value, [['key', `node.${key}`]]);
    }
    xml.end();
  }
  for (const edge of edges) {
    xml.start('edge', [
      ['id', edge.id],
      ['source', edge.from],
      ['target', edge.to],
      ['directed', linkDirected(edge.linkType) ? 'true' : undefined],
    ]);
    xml.text('data', edge.linkType, [['key', 'edge.linkType']]);
    xml.text('data', linkLabel(edge.linkType), [['key', 'edge.label']]);
    if (edge.startDate) xml.text('data', edge.startDate, [['key', 'edge.startDate']]);
    if (edge.endDate) xml.text('data', edge.endDate, [['key', 'edge.endDate']]);
    xml.text('data', edge.confidence, [['key', 'edge.confidence']]);
    xml.end();
  }
  return xml.end().end().toString();
}
