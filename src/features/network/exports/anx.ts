/**
 * i2 Analyst's Notebook chart XML (ANX), for File > Import/Open in ANB 7 and later.
 *
 * IBM does not publish the ANX schema openly, so this follows the structure that working exporters
 * write and ANB reads (read for this: the Lumify project's Analyst's Notebook export plugin, whose
 * model classes mirror the ANX elements, and public ANX generators): a `<Chart>` with
 * `IdReferenceLinking="false"` (links name their ends by `EntityId`), then in order
 * `AttributeClassCollection` (typed attribute columns: AttText, AttNumber, AttFlag),
 * `EntityTypeCollection` (`Name` + the standard palette's `IconFile`), `LinkTypeCollection`,
 * `StrengthCollection` (ANB's three defaults: Confirmed solid, Unconfirmed dashed, Tentative dotted)
 * and `ChartItemCollection`. Each entity is a `ChartItem` (`Label`, `XPosition`) holding its
 * `AttributeCollection` and an `End` (`Y`) with an `Entity` (`EntityId`, `Identity`) whose
 * `Icon/IconStyle Type` names an entity type; each link is a `ChartItem` (the link type's words as
 * `Label`, the start date as `DateTime` with `DateSet="true"`) holding a `Link` (`End1Id`, `End2Id`)
 * with a `LinkStyle` (`Type="Link"`, `ArrowStyle` ArrowOnHead for directed types or ArrowNone,
 * `Strength` from the confidence).
 *
 * `Identity` is the entity id, not its name: ANB merges entities with the same identity on import,
 * and two different people can share a name. Icons: ANB falls back to its default icon for an icon
 * file it does not know, so the mapping below degrades to a plain symbol, never a failed import.
 * Positions are a deterministic circle (ANB's own layouts can rearrange the chart after import).
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

/** Lantern's entity schemas as i2 entity types and their standard-palette icon files. */
export const ANX_ENTITY_TYPES: Record<string, { type: string; iconFile: string }> = {
  Person: { type: 'Person', iconFile: 'Person' },
  Business: { type: 'Organisation', iconFile: 'Organisation' },
  Address: { type: 'Address', iconFile: 'Address' },
  Premises: { type: 'Building', iconFile: 'Building' },
  Vehicle: { type: 'Vehicle', iconFile: 'Car' },
  Phone: { type: 'Telephone', iconFile: 'Telephone' },
  OnlineAccount: { type: 'Online Account', iconFile: 'Email' },
  BankAccount: { type: 'Account', iconFile: 'Bank Account' },
};
const OTHER_ENTITY_TYPE = { type: 'Entity', iconFile: 'General' };

const STRENGTHS = [
  { name: 'Confirmed', dotStyle: 'DotStyleSolid' },
  { name: 'Unconfirmed', dotStyle: 'DotStyleDashed' },
  { name: 'Tentative', dotStyle: 'DotStyleDotted' },
] as const;
const STRENGTH_OF_CONFIDENCE: Record<string, string> = {
  high: 'Confirmed',
  medium: 'Unconfirmed',
  low: 'Tentative',
};

const ANX_ATTRIBUTE_TYPE: Record<MetricKind, string> = {
  integer: 'AttNumber',
  double: 'AttNumber',
  boolean: 'AttFlag',
};

function entityType(schema: string): { type: string; iconFile: string } {
  return ANX_ENTITY_TYPES[schema] ?? OTHER_ENTITY_TYPE;
}

export function toAnx(network: VisibleNetwork, metrics?: Record<string, NodeMetrics>): string {
  const { nodes, edges } = ordered(network);
  const metricColumns = metricColumnsUsed(nodes, metrics);
  const xml = new XmlWriter().start('Chart', [
    ['IdReferenceLinking', 'false'],
    ['Rigorous', 'false'],
  ]);

  xml.start('AttributeClassCollection');
  const textClass = (name: string) =>
    xml.empty('AttributeClass', [
      ['Name', name],
      ['Type', 'AttText'],
      ['ShowValue', 'false'],
      ['Visible', 'true'],
    ]);
  textClass('Schema');
  textClass('Lantern id');
  xml.empty('AttributeClass', [
    ['Name', 'Seed'],
    ['Type', 'AttFlag'],
    ['ShowValue', 'false'],
    ['Visible', 'true'],
  ]);
  xml.empty('AttributeClass', [
    ['Name', 'Hops'],
    ['Type', 'AttNumber'],
    ['ShowValue', 'false'],
    ['Visible', 'true'],
  ]);
  for (const { kind, title } of metricColumns) {
    xml.empty('AttributeClass', [
      ['Name', title],
      ['Type', ANX_ATTRIBUTE_TYPE[kind]],
      ['ShowValue', 'false'],
      ['Visible', 'true'],
    ]);
  }
  textClass('Link type');
  textClass('Start date');
  textClass('End date');
  textClass('Confidence');
  xml.end();

  const typesUsed = [
    ...new Map(nodes.map((node) => [entityType(node.schema).type, entityType(node.schema)])).values(),
  ];
  typesUsed.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  xml.start('EntityTypeCollection');
  for (const { type, iconFile } of typesUsed)
    xml.empty('EntityType', [
      ['Name', type],
      ['IconFile', iconFile],
    ]);
  xml.end();

  xml
    .start('LinkTypeCollection')
    .empty('LinkType', [['Name', 'Link']])
    .end();
  xml.start('StrengthCollection');
  for (const { name, dotStyle } of STRENGTHS)
    xml.empty('Strength', [
      ['Name', name],
      ['DotStyle', dotStyle],
    ]);
  xml.end();

  xml.start('ChartItemCollection');
  const radius = Math.max(300, nodes.length * 40);
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
    const x = Math.round(radius + radius * Math.cos(angle));
    const y = Math.round(radius + radius * Math.sin(angle));
    xml.start('ChartItem', [
      ['Label', node.caption],
      ['DateSet', 'false'],
      ['XPosition', x],
    ]);
    xml.start('AttributeCollection');
    xml.empty('Attribute', [
      ['AttributeClass', 'Schema'],
      ['Value', node.schema],
    ]);
    xml.empty('Attribute', [
      ['AttributeClass', 'Lantern id'],
      ['Value', node.id],
    ]);
    xml.empty('Attribute', [
      ['AttributeClass', 'Seed'],
      ['Value', String(node.seed)],
    ]);
    xml.empty('Attribute', [
      ['AttributeClass', 'Hops'],
      ['Value', String(node.hops)],
    ]);
    const values = metricsOf(metrics, node.id);
    for (const { key, title } of metricColumns) {
      const value = metricValue(values, key);
      if (value !== undefined)
        xml.empty('Attribute', [
          ['AttributeClass', title],
          ['Value', value],
        ]);
    }
    xml.end();
    xml.start('End', [['Y', y]]);
    xml.start('Entity', [
      ['EntityId', node.id],
      ['Identity', node.id],
      ['LabelIsIdentity', 'false'],
    ]);
    xml
      .start('Icon')
      .empty('IconStyle', [['Type', entityType(node.schema).type]])
      .end();
    xml.end().end().end();
  });
  for (const edge of edges) {
    xml.start('ChartItem', [
      ['Label', linkLabel(edge.linkType)],
      ['DateSet', edge.startDate ? 'true' : 'false'],
      ['DateTime', edge.startDate ? `${edge.startDate}T00:00:00` : undefined],
    ]);
    xml.start('AttributeCollection');
    xml.empty('Attribute', [
      ['AttributeClass', 'Link type'],
      ['Value', edge.linkType],
    ]);
    xml.empty('Attribute', [
      ['AttributeClass', 'Lantern id'],
      ['Value', edge.id],
    ]);
    if (edge.startDate)
      xml.empty('Attribute', [
        ['AttributeClass', 'Start date'],
        ['Value', edge.startDate],
      ]);
    if (edge.endDate)
      xml.empty('Attribute', [
        ['AttributeClass', 'End date'],
        ['Value', edge.endDate],
      ]);
    xml.empty('Attribute', [
      ['AttributeClass', 'Confidence'],
      ['Value', edge.confidence],
    ]);
    xml.end();
    xml.start('Link', [
      ['End1Id', edge.from],
      ['End2Id', edge.to],
    ]);
    xml.empty('LinkStyle', [
      ['Type', 'Link'],
      ['ArrowStyle', linkDirected(edge.linkType) ? 'ArrowOnHead' : 'ArrowNone'],
      ['Strength', STRENGTH_OF_CONFIDENCE[edge.confidence] ?? 'Unconfirmed'],
    ]);
    xml.end().end();
  }
  xml.end();
  return xml.end().toString();
}
