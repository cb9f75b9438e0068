/** The search's query (a GET form and the API share it), its criteria, and the API's answer. */
import { z } from 'zod';
import { isUuid } from '../../../web/partner-pages.js';
import { parseUkDate } from '../../audit/filters.js';
import { REPORT_CATEGORIES } from '../../reports/categories.js';
import { ENTITY_SCHEMA_NAMES, type EntitySchemaName } from '../schema.js';
import type { SearchCriteria } from './queries.js';

export const MAX_QUERY_LENGTH = 200;

const CATEGORY_CODES = Object.keys(REPORT_CATEGORIES);
const TYPES: readonly string[] = [...ENTITY_SCHEMA_NAMES, 'intelligence-item'];

/** A blank field is no filter. */
const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

const dateField = (label: string) =>
  optional(20, `${label} must be a real date, like 23/11/2026`).refine(
    (value) => value === undefined || parseUkDate(value) !== null,
    `${label} must be a real date, like 23/11/2026`,
  );

export const searchQuerySchema = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1, 'Enter a name or some words to search for')
      .max(MAX_QUERY_LENGTH, `Search terms must be ${MAX_QUERY_LENGTH} characters or fewer`)
      .optional(),
    type: optional(40, 'Select a type from the list').refine(
      (value) => value === undefined || TYPES.includes(value),
      'Select a type from the list',
    ),
    category: optional(60, 'Select a category from the list').refine(
      (value) => value === undefined || CATEGORY_CODES.includes(value),
      'Select a category from the list',
    ),
    area: optional(100, 'Area must be 100 characters or fewer'),
    agency: optional(36, 'Select an agency from the list').refine(
      (value) => value === undefined || isUuid(value),
      'Select an agency from the list',
    ),
    dates: optional(10, 'Select which date to filter by').refine(
      (value) => value === undefined || value === 'received' || value === 'occurred',
      'Select which date to filter by',
    ),
    from: dateField('Date from'),
    to: dateField('Date to'),
  })
  .superRefine((query, ctx) => {
    const from = query.from && parseUkDate(query.from);
    const to = query.to && parseUkDate(query.to);
    if (from && to && from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Date to must be the same as or after date from',
      });
    }
  });
type SearchQuery = z.output<typeof searchQuerySchema>;

export function criteriaOf(query: SearchQuery & { q: string }): SearchCriteria {
  const from = query.from ? parseUkDate(query.from) : null;
  const to = query.to ? parseUkDate(query.to) : null;
  return {
    text: query.q,
    ...(query.type ? { type: query.type as EntitySchemaName | 'intelligence-item' } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.area ? { area: query.area } : {}),
    ...(query.agency ? { owningAgencyId: query.agency.toLowerCase() } : {}),
    ...(from || to ? { dateKind: query.dates === 'occurred' ? 'occurred' : 'received' } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The API's answer: entities and items the asker may see, with counts. */
export const searchResponseSchema = z.object({
  entities: z.object({
    total: z.number(),
    more: z.boolean(),
    results: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        caption: z.string(),
        matchedName: z.string(),
        matchedKind: z.enum(['name', 'alias']),
        soundsAlike: z.boolean(),
        score: z.number(),
      }),
    ),
  }),
  items: z.object({
    total: z.number(),
    results: z.array(
      z.object({
        id: z.string(),
        reference: z.string(),
        grade: z.string(),
        categories: z.array(z.string()),
        area: z.string().nullable(),
        receivedAt: z.string(),
        occurredOn: z.string().nullable(),
        snippet: z.string(),
      }),
    ),
  }),
});
