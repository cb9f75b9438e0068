/**
 * Turns a network and its analysis into what the pages show: rows with captions and rounded
 * numbers, reasons in words for "whom to target", the picture's data (NetworkViewData) and the
 * disruption chart as an inline SVG drawn here, so it shows without JavaScript.
 */
import { ENTITY_SCHEMAS, isEntitySchema } from '../intelligence/index.js';
import type { NetworkAnalysis, Target } from './analysis.js';
import type { Disruption } from './metrics/disruption.js';
import type { NodeMetrics, VisibleNetwork } from './types.js';

/**
 * The tactics library (src/features/tactics): a person to target links to the tactics suggested
 * for a person, or for an OCG's principal when they are one (the `suggested_for` vocabulary).
 */
export const TACTICS_PATH = '/partner/tactics';
export const tacticsFor = (target: 'person' | 'principal') => `${TACTICS_PATH}?suggestedFor=${target}`;

export const entityHref = (id: string) => `/partner/entities/${id}`;

export function schemaLabel(schema: string): string {
  return isEntitySchema(schema) ? ENTITY_SCHEMAS[schema].label : schema;
}

const fixed = (value: number | null, digits = 4) => (value === null ? 'Not computed' : value.toFixed(digits));

function captionsOf(network: VisibleNetwork): Map<string, string> {
  return new Map(network.nodes.map((n) => [n.id, n.caption]));
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 others". */
export function namesInWords(names: readonly string[], most = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= most) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const others = names.length - most;
  return `${names.slice(0, most).join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`;
}

export function targetReason(target: Target, captions: ReadonlyMap<string, string>): string {
  const name = captions.get(target.id) ?? target.id;
  const cut = target.cutOff.flat().map((id) => captions.get(id) ?? id);
  return (
    `Removing ${name} splits their part of the network into ${target.pieces} parts; ` +
    `${name} is the only link between the rest and ${namesInWords(cut)}.`
  );
}

export interface NodeRow {
  id: string;
  href: string;
  caption: string;
  schema: string;
  seed: boolean;
  hops: number;
  degree: number;
  betweenness: string;
  closeness: string;
  eigenvector: string;
  pagerank: string;
  coreNumber: number;
  community: number;
  articulationPoint: boolean;
}

export function presentAnalysis(
  network: VisibleNetwork,
  analysis: NetworkAnalysis,
  principals: ReadonlySet<string> = new Set(),
) {
  const captions = captionsOf(network);
  const caption = (id: string) => captions.get(id) ?? id;
  const rows: NodeRow[] = network.nodes.map((node) => {
    const m = analysis.nodes[node.id];
    return {
      id: node.id,
      href: entityHref(node.id),
      caption: node.caption,
      schema: schemaLabel(node.schema),
      seed: node.seed,
      hops: node.hops,
      degree: m?.degree ?? 0,
      betweenness: fixed(m?.betweenness ?? 0),
      closeness: fixed(m?.closeness ?? 0),
      eigenvector: fixed(m?.eigenvector ?? null),
      pagerank: fixed(m?.pagerank ?? 0),
      coreNumber: m?.coreNumber ?? 0,
      // Shown from 1, as people count.
      community: (m?.community ?? 0) + 1,
      articulationPoint: m?.articulationPoint ?? false,
    };
  });
  rows.sort((a, b) => b.degree - a.degree || a.caption.localeCompare(b.caption) || (a.id < b.id ? -1 : 1));
  return {
    summary: {
      nodes: analysis.nodeCount,
      links: analysis.linkCount,
      pairs: analysis.edgeCount,
      components: analysis.components,
      largestComponent: analysis.largestComponent,
      communities: analysis.communityCount,
      modularity: analysis.modularity.toFixed(3),
      betweenness:
        analysis.betweenness.method === 'exact'
          ? 'Exact'
          : `Estimated from ${analysis.betweenness.pivots} starting points: with ${Math.round(
              analysis.betweenness.confidence * 100,
            )}% confidence every value is within ${analysis.betweenness.errorBound.toFixed(3)} of the exact one`,
    },
    rows,
    bridges: analysis.bridges.map((b) => ({
      from: { id: b.from, href: entityHref(b.from), caption: caption(b.from) },
      to: { id: b.to, href: entityHref(b.to), caption: caption(b.to) },
    })),
    articulationPoints: analysis.articulationPoints.map((id) => ({
      id,
      href: entityHref(id),
      caption: caption(id),
    })),
    communities: analysis.communities.map((c) => ({
      number: c.number + 1,
      size: c.members.length,
      members: c.members.map((id) => ({ id, href: entityHref(id), caption: caption(id) })),
    })),
    brokers: analysis.brokers.map((id) => ({
      id,
      href: entityHref(id),
      caption: caption(id),
      betweenness: fixed(analysis.nodes[id]?.betweenness ?? 0),
    })),
    targets: analysis.targets.slice(0, 10).map((t) => ({
      id: t.id,
      href: entityHref(t.id),
      caption: caption(t.id),
      separated: t.separated,
      pieces: t.pieces,
      reason: targetReason(t, captions),
      principal: principals.has(t.id),
      tacticsHref: tacticsFor(principals.has(t.id) ? 'principal' : 'person'),
    })),
  };
}

/** NodeMetrics by id, as the picture and the exports take them. */
export function nodeMetrics(analysis: NetworkAnalysis): Record<string, NodeMetrics> {
  const out: Record<string, NodeMetrics> = {};
  for (const [id, m] of Object.entries(analysis.nodes)) {
    out[id] = {
      degree: m.degree,
      betweenness: m.betweenness,
      closeness: m.closeness,
      ...(m.eigenvector === null ? {} : { eigenvector: m.eigenvector }),
      pagerank: m.pagerank,
      coreNumber: m.coreNumber,
      community: m.community,
      articulationPoint: m.articulationPoint,
    };
  }
  return out;
}

export function presentDisruption(network: VisibleNetwork, result: Disruption) {
  const captions = captionsOf(network);
  const rows = result.steps.map((step, i) => ({
    step: i + 1,
    removed: step.removed.map((id) => ({ id, href: entityHref(id), caption: captions.get(id) ?? id })),
    largestComponent: step.largestComponent,
    ratio: step.largestComponentRatio.toFixed(3),
    components: step.components,
  }));
  return {
    rows,
    after: { ...result.after, ratio: result.after.largestComponentRatio.toFixed(3) },
    chart: chartSvg(result),
  };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A line chart of the largest part's share (left axis, 0 to 1) and the number of parts (right
 * axis) before each step and after the last. Drawn on the server, so it needs no script. It has a
 * title and a one-sentence description for screen readers; the table below it is the full
 * equivalent.
 */
export function chartSvg(result: Disruption): string {
  const points = [
    ...result.steps.map((s) => ({ ratio: s.largestComponentRatio, parts: s.components })),
    { ratio: result.after.largestComponentRatio, parts: result.after.components },
  ];
  const width = 640;
  const height = 300;
  const left = 50;
  const right = 50;
  const top = 20;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const maxParts = Math.max(1, ...points.map((p) => p.parts));
  const x = (i: number) => left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const yRatio = (r: number) => top + (1 - r) * plotH;
  const yParts = (p: number) => top + (1 - p / maxParts) * plotH;
  const line = (y: (p: (typeof points)[number]) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
  const description = `Largest part falls from ${(points[0]?.ratio ?? 0).toFixed(2)} to ${(
    points[points.length - 1]?.ratio ?? 0
  ).toFixed(2)} of its size at the start over ${result.steps.length} steps; the network ends in ${
    points[points.length - 1]?.parts ?? 0
  } parts.`;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${left}" x2="${width - right}" y1="${yRatio(t)}" y2="${yRatio(t)}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text x="${left - 6}" y="${yRatio(t) + 4}" text-anchor="end" font-size="12">${t.toFixed(2)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="disruption-chart-title disruption-chart-desc" class="app-disruption-chart">` +
    `<title id="disruption-chart-title">Disruption: largest part and number of parts at each step</title>` +
    `<desc id="disruption-chart-desc">${escapeXml(description)}</desc>` +
    ticks +
    `<text x="${width - right + 6}" y="${top + 4}" font-size="12">${maxParts}</text>` +
    `<text x="${width - right + 6}" y="${top + plotH + 4}" font-size="12">0</text>` +
    `<path d="${line((p) => yRatio(p.ratio))}" fill="none" stroke="#1d70b8" stroke-width="3"/>` +
    `<path d="${line((p) => yParts(p.parts))}" fill="none" stroke="#d4351c" stroke-width="3" stroke-dasharray="6 4"/>` +
    `<text x="${left}" y="${height - 10}" font-size="12" fill="#1d70b8">Solid: largest part (share of its size at the start, left)</text>` +
    `<text x="${width - right}" y="${height - 10}" font-size="12" text-anchor="end" fill="#d4351c">Dashed: number of parts (right)</text>` +
    `</svg>`
  );
}
