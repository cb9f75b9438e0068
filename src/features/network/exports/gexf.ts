/**
 * GEXF 1.3 for Gephi (https://gexf.net/1.3, the `http://gexf.net/1.3` namespace and
 * `version="1.3"`). A static graph, undirected by default, with `type="directed"` on the edges of
 * directed link types; attributes are declared per class before the nodes and edges: schema,
 * caption, seed, hops and the metrics given for nodes; link type, dates and confidence for edges.
 * Dates are strings ('YYYY-MM-DD'): GEXF 1.3's attribute types have no date (its changes from
 * 1.2 added bigdecimal, biginteger, char, short, byte and list types), and dates as time only
 * belong in a dynamic graph.
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

const GEXF_TYPE: Record<MetricKind, string> = { integer: 'integer', double: 'double', boolean: 'boolean' };

export function toGexf(network: VisibleNetwork, metrics?: Record<string, NodeMetrics>): string {
  const { nodes, edges } = ordered(network);
  const metricColumns = metricColumnsUsed(nodes, metrics);
  const xml = new XmlWriter().start('gexf', [
    ['xmlns', 'http://gexf.net/1.3'],
    ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
    ['xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd'],
    ['version', '1.3'],
  ]);
  // No lastmodifieddate: the same network gives the same file, whenever it is exported.
  xml.start('meta').text('creator', 'Lantern').text('description', 'A network of entities and links').end();
  xml.start('graph', [
    ['mode', 'static'],
    ['defaultedgetype', 'undirected'],
  ]);

  xml.start('attributes', [
    ['class', 'node'],
    ['mode', 'static'],
  ]);
  xml.empty('attribute', [
    ['id', 'schema'],
    ['title', 'Schema'],
    ['type', 'string'],
  ]);
  xml.empty('attribute', [
    ['id', 'caption'],
    ['title', 'Caption'],
    ['type', 'string'],
  ]);
  xml.empty('attribute', [
    ['id', 'seed'],
    ['title', 'Seed'],
    ['type', 'boolean'],
  ]);
  xml.empty('attribute', [
    ['id', 'hops'],
    ['title', 'Hops'],
    ['type', 'integer'],
  ]);
  for (const { key, kind, title } of metricColumns) {
    xml.empty('attribute', [
      ['id', key],
      ['title', title],
      ['type', GEXF_TYPE[kind]],
    ]);
  }
  xml.end();
  xml.start('attributes', [
    ['class', 'edge'],
    ['mode', 'static'],
  ]);
  xml.empty('attribute', [
    ['id', 'linkType'],
    ['title', 'Link type'],
    ['type', 'string'],
  ]);
  xml.empty('attribute', [
    ['id', 'startDate'],
    ['title', 'Start date'],
    ['type', 'string'],
  ]);
  xml.empty('attribute', [
    ['id', 'endDate'],
    ['title', 'End date'],
    ['type', 'string'],
  ]);
  xml.empty('attribute', [
    ['id', 'confidence'],
    ['title', 'Confidence'],
    ['type', 'string'],
  ]);
  xml.end();

  xml.start('nodes');
  for (const node of nodes) {
    xml
      .start('node', [
        ['id', node.id],
        ['label', node.caption],
      ])
      .start('attvalues');
    xml.empty('attvalue', [
      ['for', 'schema'],
      ['value', node.schema],
    ]);
    xml.empty('attvalue', [
      ['for', 'caption'],
      ['value', node.caption],
    ]);
    xml.empty('attvalue', [
      ['for', 'seed'],
      ['value', String(node.seed)],
    ]);
    xml.empty('attvalue', [
      ['for', 'hops'],
      ['value', String(node.hops)],
    ]);
    const values = metricsOf(metrics, node.id);
    for (const { key } of metricColumns) {
      const value = metricValue(values, key);
      if (value !== undefined)
        xml.empty('attvalue', [
          ['for', key],
          ['value', value],
        ]);
    }
    xml.end().end();
  }
  xml.end();

  xml.start('edges');
  for (const edge of edges) {
    xml.start('edge', [
      ['id', edge.id],
      ['source', edge.from],
      ['target', edge.to],
      ['type', linkDirected(edge.linkType) ? 'directed' : undefined],
      ['label', linkLabel(edge.linkType)],
    ]);
    xml.start('attvalues');
    xml.empty('attvalue', [
      ['for', 'linkType'],
      ['value', edge.linkType],
    ]);
    if (edge.startDate)
      xml.empty('attvalue', [
        ['for', 'startDate'],
        ['value', edge.startDate],
      ]);
    if (edge.endDate)
      xml.empty('attvalue', [
        ['for', 'endDate'],
        ['value', edge.endDate],
      ]);
    xml.empty('attvalue', [
      ['for', 'confidence'],
      ['value', edge.confidence],
    ]);
    xml.end().end();
  }
  xml.end();
  return xml.end().end().toString();
}
