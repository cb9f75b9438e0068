/**
 * One search over the intelligence a partner may see: people, businesses, places and things by
 * name (misspelt or heard), and intelligence items by their words, with filters. A GET form, so it
 * works without JavaScript and can be bookmarked. Each search is one s62 consultation naming every
 * record it shows, written in the same transaction as the search: no entry, no
 * results. A search that is not run (no words yet, or words refused) writes nothing.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Database } from '../../../db/database.js';
import { HttpError } from '../../../web/errors.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import type { FormErrors } from '../../../web/validation.js';
import type { Viewer } from '../../access/policy.js';
import { loadViewer } from '../../access/viewer.js';
import { writeAuditEntry } from '../../audit/audit-log.js';
import { isUuid, parseUkDate } from '../../audit/filters.js';
import { REPORT_CATEGORIES } from '../../reports/categories.js';
import { ENTITY_SCHEMA_NAMES, type EntitySchemaName } from '../schema.js';
import { searchPage, searchView } from './presenters.js';
import { agencyChoices, recordsShown, search, type SearchCriteria, type SearchResult } from './queries.js';

export const SEARCH_PATH = '/partner/search';
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

function viewerOf(res: Response): Parameters<typeof loadViewer>[1] {
  const principal = res.locals.principal;
  if (principal.kind !== 'user') throw new HttpError(404, 'Page not found');
  return principal;
}

/** The search as one audited read: the viewer, the search and its entry in one transaction. */
async function auditedSearch(
  database: Database,
  res: Response,
  criteria: SearchCriteria,
  event: string,
): Promise<{ result: SearchResult; viewer: Viewer }> {
  return database.transaction(async (tx) => {
    const viewer = await loadViewer(tx, viewerOf(res));
    const result = await search(tx, viewer, criteria);
    await writeAuditEntry(tx, res.locals.audit, {
      action: 'consultation',
      event,
      recordType: 'search-results',
      recordIds: recordsShown(result),
      detail: {
        // What was asked is part of why these records were shown.
        query: criteria.text,
        filters: { ...criteria, text: undefined },
        entities: result.entities.matches.length,
        items: result.items.hits.length,
      },
    });
    return { result, viewer };
  });
}

export function searchRoutes(database: Database): RouteSpec[] {
  async function showForm(req: Request, res: Response, errors?: FormErrors) {
    res.setHeader('Cache-Control', 'no-store');
    res.render(
      'intelligence/search/views/search.njk',
      searchPage({
        values: req.query,
        agencies: await agencyChoices(database.db),
        ...(errors ? { errors } : {}),
      }),
    );
  }

  return [
    route({
      method: 'get',
      path: SEARCH_PATH,
      access: { permission: 'intelligence:read' },
      audit: 'intelligence.search',
      s62: 'consultation',
      summary: 'Search people, businesses, places, things and intelligence items you may see',
      query: searchQuerySchema,
      invalid: showForm,
      handle: async ({ req, res, query }) => {
        if (query.q === undefined) {
          // The form before anything is asked: nothing is searched, so nothing is consulted.
          res.locals.s62Action = undefined;
          await showForm(req, res);
          return;
        }
        const criteria = criteriaOf({ ...query, q: query.q });
        const { result } = await auditedSearch(database, res, criteria, 'intelligence.search');
        res.setHeader('Cache-Control', 'no-store');
        res.render(
          'intelligence/search/views/search.njk',
          searchPage({
            values: req.query,
            agencies: await agencyChoices(database.db),
            results: searchView(criteria, result),
          }),
        );
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/search',
      access: { permission: 'intelligence:read' },
      audit: 'intelligence.search.api',
      s62: 'consultation',
      summary: 'The same search as JSON: entities and items you may see, with counts',
      response: z.object({
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
      }),
      query: searchQuerySchema.refine((query) => query.q !== undefined, {
        path: ['q'],
        message: 'Enter a name or some words to search for',
      }),
      handle: async ({ res, query }) => {
        const criteria = criteriaOf({ ...query, q: query.q ?? '' });
        const { result } = await auditedSearch(database, res, criteria, 'intelligence.search.api');
        res.setHeader('Cache-Control', 'no-store');
        res.json({
          entities: {
            total: result.entities.total,
            more: result.entities.more,
            results: result.entities.matches.map((m) => ({
              id: m.id,
              type: m.schema,
              caption: m.caption,
              matchedName: m.matchedName,
              matchedKind: m.matchedKind,
              soundsAlike: m.soundsAlike,
              score: m.score,
            })),
          },
          items: {
            total: result.items.total,
            results: searchView(criteria, result).items.map((item) => ({
              id: item.id,
              reference: item.reference,
              grade: item.grade,
              categories: item.categoryCodes,
              area: item.area,
              receivedAt: item.receivedIso,
              occurredOn: item.occurredOn,
              snippet: item.snippetText,
            })),
          },
        });
      },
    }),
  ];
}
