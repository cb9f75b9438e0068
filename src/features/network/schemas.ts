/**
 * What the network pages and API accept in their address: which network (seeds or an OCG, hops,
 * filters), and what to do with it (a disruption, a shortest path). GET forms, so a network can
 * be bookmarked and every page works without JavaScript. Messages are in GOV.UK style.
 */
import { z } from 'zod';
import { isUuid } from '../../web/partner-pages.js';
import { parseUkDate } from '../audit/filters.js';
import { LINK_TYPES } from '../intelligence/index.js';
import { MAX_HOPS, type NetworkRequest } from './build.js';
import { DISRUPTION_METRICS, type DisruptionMetric } from './metrics/disruption.js';
import type { LinkFilters } from './queries.js';
import type { DisruptionPlan } from './tasks.js';

const LINK_TYPE_NAMES = Object.keys(LINK_TYPES);
export const MAX_STEPS = 100;
export const MAX_SEEDS = 200;

/** One value or several (?seed=a&seed=b), as a list; blanks dropped. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => values.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean));

const blank = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

const choice = <T extends string>(values: readonly T[], message: string) =>
  blank(40, message)
    .refine((value) => value === undefined || values.includes(value as T), message)
    // Checked just above: the value is one of `values`.
    .transform((value) => value as T | undefined);

const dateField = (label: string) =>
  blank(20, `${label} must be a real date, like 23/11/2026`).refine(
    (value) => value === undefined || parseUkDate(value) !== null,
    `${label} must be a real date, like 23/11/2026`,
  );

const whole = (min: number, max: number, message: string) =>
  blank(6, message).refine((value) => {
    if (value === undefined) return true;
    const n = Number(value);
    return /^\d+$/.test(value) && n >= min && n <= max;
  }, message);

export const networkFields = {
  seed: many.refine(
    (ids) => ids.every(isUuid),
    'Entity ids must look like 3f2b…-…: copy them from an entity page',
  ),
  seeds: many.refine(
    (ids) => ids.every(isUuid),
    'Entity ids must look like 3f2b…-…: copy them from an entity page',
  ),
  ocg: blank(36, 'Open the network from an OCG’s page').refine(
    (value) => value === undefined || isUuid(value),
    'Open the network from an OCG’s page',
  ),
  hops: whole(1, MAX_HOPS, `Enter the number of hops as a whole number from 1 to ${MAX_HOPS}`),
  linkType: many.refine(
    (types) => types.every((type) => LINK_TYPE_NAMES.includes(type)),
    'Select link types from the list',
  ),
  from: dateField('Start of the date window'),
  to: dateField('End of the date window'),
  minConfidence: choice(['low', 'medium', 'high'] as const, 'Select a minimum confidence from the list'),
  minSource: choice(['1', '2', '3'] as const, 'Select a source evaluation from the list'),
  minInformation: choice(
    ['A', 'B', 'C', 'D', 'E'] as const,
    'Select an information assessment from the list',
  ),
};

function checkNetwork(
  query: { seed: string[]; seeds: string[]; from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (query.seed.length + query.seeds.length > MAX_SEEDS) {
    ctx.addIssue({ code: 'custom', path: ['seeds'], message: `Enter ${MAX_SEEDS} entity ids or fewer` });
  }
  const from = query.from && parseUkDate(query.from);
  const to = query.to && parseUkDate(query.to);
  if (from && to && from > to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end of the date window must be the same as or after its start',
    });
  }
}

/** The measures the picture can size nodes by (exports/view-data.ts SizeMetric). */
export const SIZE_METRICS = [
  'betweenness',
  'degree',
  'closeness',
  'eigenvector',
  'pagerank',
  'coreNumber',
] as const;

export const networkQuerySchema = z
  .strictObject({
    ...networkFields,
    sizeBy: choice(SIZE_METRICS, 'Select a measure to size the picture by from the list'),
  })
  .superRefine(checkNetwork);

/** An export's address: the network's, and whether handling conditions were acknowledged. */
export const exportQuerySchema = z
  .strictObject({
    ...networkFields,
    acknowledge: choice(['yes'] as const, 'Select that you have read the conditions'),
    // Set by the conditions page's form, so sending it unticked says what is missing.
    conditionsShown: choice(['yes'] as const, 'Select that you have read the conditions'),
  })
  .superRefine(checkNetwork);

export const disruptionFields = {
  mode: choice(['sequential', 'block', 'chosen'] as const, 'Select how to remove people from the list'),
  metric: choice(DISRUPTION_METRICS, 'Select a measure from the list'),
  steps: whole(1, MAX_STEPS, `Enter the number of steps as a whole number from 1 to ${MAX_STEPS}`),
  block: whole(2, 50, 'Enter how many to remove at each step as a whole number from 2 to 50'),
  remove: many.refine((ids) => ids.every(isUuid), 'Select the people or things to remove from the list'),
};

export const disruptionQuerySchema = z
  .strictObject({ ...networkFields, ...disruptionFields })
  .superRefine(checkNetwork)
  .superRefine((query, ctx) => {
    if (query.mode === 'chosen' && query.remove.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['remove'], message: 'Select at least one to remove' });
    }
  });

export const pathQuerySchema = z
  .strictObject({
    ...networkFields,
    pathFrom: blank(36, 'Select where the path starts').refine(
      (value) => value === undefined || isUuid(value),
      'Select where the path starts',
    ),
    pathTo: blank(36, 'Select where the path ends').refine(
      (value) => value === undefined || isUuid(value),
      'Select where the path ends',
    ),
  })
  .superRefine(checkNetwork);

export const apiQuerySchema = z
  .strictObject({ ...networkFields, ...disruptionFields })
  .superRefine(checkNetwork);

/** What every network address carries (the pages add their own fields). */
export type NetworkQuery = z.output<z.ZodObject<typeof networkFields>>;
/** Whether the address asks for a network at all (the bare form asks for nothing). */
export function asksForNetwork(query: NetworkQuery): boolean {
  return query.seed.length + query.seeds.length > 0 || query.ocg !== undefined;
}

export function requestOf(query: NetworkQuery): NetworkRequest {
  const filters: LinkFilters = {
    ...(query.linkType.length ? { linkTypes: query.linkType } : {}),
    ...(query.from ? { from: parseUkDate(query.from) ?? undefined } : {}),
    ...(query.to ? { to: parseUkDate(query.to) ?? undefined } : {}),
    ...(query.minConfidence ? { minConfidence: query.minConfidence } : {}),
    ...(query.minSource ? { minSourceEvaluation: query.minSource } : {}),
    ...(query.minInformation ? { minInformationAssessment: query.minInformation } : {}),
  };
  return {
    seeds: [...new Set([...query.seed, ...query.seeds].map((id) => id.toLowerCase()))],
    ...(query.ocg ? { ocgId: query.ocg.toLowerCase() } : {}),
    hops: query.hops ? Number(query.hops) : 2,
    filters,
  };
}

export function planOf(query: DisruptionLike): DisruptionPlan {
  if (query.mode === 'chosen') return { mode: 'chosen', remove: query.remove.map((id) => id.toLowerCase()) };
  return {
    mode: query.mode === 'block' ? 'block' : 'sequential',
    metric: (query.metric ?? 'betweenness') as DisruptionMetric,
    steps: query.steps ? Number(query.steps) : 10,
    blockSize: query.block ? Number(query.block) : 3,
  };
}

interface DisruptionLike {
  mode?: 'sequential' | 'block' | 'chosen' | undefined;
  metric?: string | undefined;
  steps?: string | undefined;
  block?: string | undefined;
  remove: string[];
}

/** The address's query string for the same network (for links between the network pages). */
export function networkSearch(request: NetworkRequest): string {
  const params = new URLSearchParams();
  for (const seed of request.seeds ?? []) params.append('seed', seed);
  if (request.ocgId) params.set('ocg', request.ocgId);
  params.set('hops', String(request.hops));
  const f = request.filters ?? {};
  for (const type of f.linkTypes ?? []) params.append('linkType', type);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.minConfidence) params.set('minConfidence', f.minConfidence);
  if (f.minSourceEvaluation) params.set('minSource', f.minSourceEvaluation);
  if (f.minInformationAssessment) params.set('minInformation', f.minInformationAssessment);
  return params.toString();
}
