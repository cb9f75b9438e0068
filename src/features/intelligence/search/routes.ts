/**
 * One search over the intelligence a partner may see: people, businesses, places and things by
 * name (misspelt or heard), and intelligence items by their words, with filters. A GET form, so it
 * works without JavaScript and can be bookmarked. Each search is one s62 consultation naming every
 * record it shows, written in the same transaction as the search through the command kernel
 * (command.ts): no entry, no results. A search that is not run (no words yet, or words refused)
 * writes nothing.
 */
import type { Request, Response } from 'express';
import type { Database } from '../../../db/database.js';
import { commandKernel } from '../../../web/commands.js';
import { askerOf } from '../../../web/partner-pages.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import type { FormErrors } from '../../../web/validation.js';
import { auditedSearch } from './command.js';
import { searchJson, searchPage, searchView } from './presenters.js';
import { agencyChoices } from './queries.js';
import { criteriaOf, searchQuerySchema, searchResponseSchema } from './schemas.js';

export const SEARCH_PATH = '/partner/search';

/** The search form, with the answers given (and their errors): nothing is searched. */
function searchForm(database: Database) {
  return async (req: Request, res: Response, errors?: FormErrors) => {
    res.setHeader('Cache-Control', 'no-store');
    res.render(
      'intelligence/search/views/search.njk',
      searchPage({
        values: req.query,
        agencies: await agencyChoices(database.db),
        ...(errors ? { errors } : {}),
      }),
    );
  };
}

export function searchRoutes(database: Database): RouteSpec[] {
  return [...searchPageRoutes(database), ...searchApiRoutes(database)];
}

/** The search page: a GET form, so it works without JavaScript and can be bookmarked. */
export function searchPageRoutes(database: Database): RouteSpec[] {
  const kernel = commandKernel(database);
  const showForm = searchForm(database);
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
        const result = await auditedSearch(kernel, askerOf(res, 'intelligence.search'), criteria);
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
  ];
}

/** The same search as JSON. */
export function searchApiRoutes(database: Database): RouteSpec[] {
  const kernel = commandKernel(database);
  return [
    route({
      method: 'get',
      path: '/api/v1/search',
      access: { permission: 'intelligence:read' },
      audit: 'intelligence.search.api',
      s62: 'consultation',
      summary: 'The same search as JSON: entities and items you may see, with counts',
      response: searchResponseSchema,
      query: searchQuerySchema.refine((query) => query.q !== undefined, {
        path: ['q'],
        message: 'Enter a name or some words to search for',
      }),
      handle: async ({ res, query }) => {
        const criteria = criteriaOf({ ...query, q: query.q ?? '' });
        const result = await auditedSearch(kernel, askerOf(res, 'intelligence.search.api'), criteria);
        res.setHeader('Cache-Control', 'no-store');
        res.json(searchJson(criteria, result));
      },
    }),
  ];
}
