/**
 * The tactics and powers library under /partner/tactics: every partner reads it (workspace:view);
 * the coordinator (reference-data:manage) adds, edits, retires and restores tactics. Forms are
 * post/redirect/get with errors and answers kept in the session. Reading writes no s62 entry
 * (tactics are not personal data); the service records each change in the audit log.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../web/routes.js';
import type { FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { dayText } from '../intelligence/inbox/present.js';
import type { TacticRow } from './queries.js';
import { confirmSchema, newTacticSchema, tacticFilterSchema, tacticSchema } from './schemas.js';
import type { Tactics } from './service.js';
import { formFinisher } from '../../web/commands.js';
import { principalMayAct } from '../access/principal.js';
import {
  LIFESTYLE_AREAS,
  STRANDS,
  SUGGESTED_FOR,
  SUGGESTION_TARGETS,
  isLifestyleArea,
  isStrand,
  needsReview,
  todayUtc,
} from './vocabulary.js';
import { askerOf, givenParam, pageNotFound, uuidParam } from '../../web/partner-pages.js';

const READ = { permission: 'workspace:view' } as const;
const MANAGE = { permission: 'reference-data:manage' } as const;
export const TACTICS = '/partner/tactics';
const VIEWS = 'tactics/views';

const tacticsRequest = (res: Response) => askerOf(res, 'tactics.unknown');
const idParam = (params: Record<string, string>) => uuidParam(params, 'id');

function givenPath(req: Request, suffix = ''): string {
  return `${TACTICS}/${givenParam(req, 'id')}${suffix}`;
}

function formValues(req: Request): Record<string, unknown> {
  const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
  if (typeof fields.suggestedFor === 'string') fields.suggestedFor = [fields.suggestedFor];
  return fields;
}

const strandText = (strand: string) => (isStrand(strand) ? STRANDS[strand] : strand);
const areaText = (area: string) => (isLifestyleArea(area) ? LIFESTYLE_AREAS[area] : area);
const suggestionText = (value: string): string =>
  value.startsWith('category:')
    ? `Category: ${value.slice('category:'.length).replace(/-/g, ' ')}`
    : ((SUGGESTION_TARGETS as Record<string, string>)[value] ?? value);

/** The form's answers for an existing tactic. */
function valuesOf(tactic: TacticRow): Record<string, unknown> {
  const [year = '', month = '', day = ''] = tactic.verified_on.split('-');
  return {
    name: tactic.name,
    strand: tactic.strand,
    lifestyleArea: tactic.lifestyle_area,
    agencyKind: tactic.agency_kind,
    description: tactic.description,
    legalBasis: tactic.legal_basis,
    requirements: tactic.requirements,
    typicalImpact: tactic.typical_impact,
    whoCanHelp: tactic.who_can_help,
    suggestedFor: tactic.suggested_for,
    source: tactic.source,
    'verifiedOn-day': String(Number(day)),
    'verifiedOn-month': String(Number(month)),
    'verifiedOn-year': year,
  };
}

const formOptions = {
  strandOptions: Object.entries(STRANDS).map(([value, text]) => ({ value, text })),
  areaOptions: Object.entries(LIFESTYLE_AREAS).map(([value, text]) => ({ value, text })),
  suggestionOptions: SUGGESTED_FOR.map((value) => ({ value, text: suggestionText(value) })),
};

export interface TacticsRouteDependencies {
  tactics: Tactics;
  flash: FormFlash;
  /** Today's date (UTC, 'YYYY-MM-DD'): tests fix it to check the review flag. */
  today?: () => string;
}

export function tacticsRoutes({
  tactics,
  flash,
  today = () => todayUtc(),
}: TacticsRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);

  const backTo = (path: (req: Request) => string) => (req: Request, res: Response, errors: FormErrors) =>
    flash.redirectWithErrors(res, path(req), errors, formValues(req));

  const mayManage = (res: Response) => principalMayAct(res.locals.principal, 'update', 'tactic');

  return [
    route({
      method: 'get',
      path: TACTICS,
      access: READ,
      audit: 'tactics.library.view',
      summary: 'The tactics and powers library',
      query: tacticFilterSchema,
      handle: async ({ res, query }) => {
        const filter = {
          strand: query.strand || null,
          lifestyleArea: query.area || null,
          agencyKind: query.agency || null,
          words: query.words || null,
          includeRetired: query.retired === 'yes',
          suggestedFor: query.suggestedFor || null,
        };
        const [rows, kinds] = await Promise.all([tactics.list(filter), tactics.agencyKinds()]);
        const now = today();
        const selectedFilters = [
          filter.strand && { label: 'Strand', text: strandText(filter.strand), param: 'strand' },
          filter.lifestyleArea && {
            label: 'Lifestyle area',
            text: areaText(filter.lifestyleArea),
            param: 'area',
          },
          filter.agencyKind && { label: 'Agency', text: filter.agencyKind, param: 'agency' },
          filter.suggestedFor && {
            label: 'Suggested for',
            text: suggestionText(filter.suggestedFor),
            param: 'suggestedFor',
          },
          filter.words && { label: 'Words', text: filter.words, param: 'words' },
          filter.includeRetired && { label: 'Retired', text: 'Including retired tactics', param: 'retired' },
        ].filter((f): f is { label: string; text: string; param: string } => Boolean(f));
        // Each selected filter's tag removes just that filter.
        const without = (param: string) => {
          const params = new URLSearchParams();
          for (const [name, value] of Object.entries(query as Record<string, string | undefined>)) {
            if (value && name !== param) params.set(name, value);
          }
          const search = params.toString();
          return search ? `${TACTICS}?${search}` : TACTICS;
        };
        res.render(`${VIEWS}/library.njk`, {
          tactics: rows.map((row) => ({
            id: row.id,
            name: row.name,
            strand: strandText(row.strand),
            area: areaText(row.lifestyle_area),
            agencyKind: row.agency_kind,
            legalBasis: row.legal_basis,
            retired: row.retired,
            review: needsReview(row.verified_on, now),
          })),
          values: {
            strand: query.strand ?? '',
            area: query.area ?? '',
            agency: query.agency ?? '',
            words: query.words ?? '',
            retired: query.retired ?? '',
            suggestedFor: query.suggestedFor ?? '',
          },
          strandOptions: formOptions.strandOptions,
          suggestionOptions: formOptions.suggestionOptions,
          areaOptions: formOptions.areaOptions,
          agencyOptions: kinds.map((kind) => ({ value: kind, text: kind })),
          selectedFilters: selectedFilters.map((f) => ({
            heading: { text: f.label },
            items: [{ href: without(f.param), text: f.text }],
          })),
          canManage: mayManage(res),
          ...(await flash.take(res, TACTICS)),
        });
      },
    }),

    route({
      method: 'get',
      path: `${TACTICS}/new`,
      access: MANAGE,
      audit: 'tactics.new-view',
      handle: async ({ res }) => {
        const kept = await flash.take(res, `${TACTICS}/new`);
        res.render(`${VIEWS}/form.njk`, {
          ...formOptions,
          adding: true,
          action: `${TACTICS}/new`,
          ...kept,
          values: kept.values ?? { suggestedFor: [] },
        });
      },
    }),
    route({
      method: 'post',
      path: `${TACTICS}/new`,
      access: MANAGE,
      audit: 'tactics.add',
      body: newTacticSchema(today),
      invalid: backTo(() => `${TACTICS}/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await tactics.add(tacticsRequest(res), body);
        return finish(res, outcome, { page: `${TACTICS}/new`, values: formValues(req) }, (id) => ({
          page: `${TACTICS}/${id}`,
          notice: `${body.name} has been added to the library`,
        }));
      },
    }),

    route({
      method: 'get',
      path: `${TACTICS}/:id`,
      access: READ,
      audit: 'tactics.tactic.view',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const tactic = id ? await tactics.byId(id) : undefined;
        if (!tactic) return pageNotFound(res);
        res.render(`${VIEWS}/tactic.njk`, {
          tactic,
          strand: strandText(tactic.strand),
          area: areaText(tactic.lifestyle_area),
          suggestedFor: tactic.suggested_for.map(suggestionText),
          verifiedOn: dayText(tactic.verified_on),
          sourceIsLink: /^https:\/\//.test(tactic.source),
          review: needsReview(tactic.verified_on, today()),
          canManage: mayManage(res),
          ...(await flash.take(res, `${TACTICS}/${tactic.id}`)),
        });
      },
    }),

    route({
      method: 'get',
      path: `${TACTICS}/:id/edit`,
      access: MANAGE,
      audit: 'tactics.edit-view',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const tactic = id ? await tactics.byId(id) : undefined;
        if (!tactic) return pageNotFound(res);
        const kept = await flash.take(res, `${TACTICS}/${tactic.id}/edit`);
        res.render(`${VIEWS}/form.njk`, {
          ...formOptions,
          tactic,
          action: `${TACTICS}/${tactic.id}/edit`,
          ...kept,
          values: kept.values ?? valuesOf(tactic),
        });
      },
    }),
    route({
      method: 'post',
      path: `${TACTICS}/:id/edit`,
      access: MANAGE,
      audit: 'tactics.edit',
      body: tacticSchema(today),
      invalid: backTo((req) => givenPath(req, '/edit')),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        return finish(
          res,
          await tactics.edit(tacticsRequest(res), id, body),
          { page: `${TACTICS}/${id}/edit`, values: formValues(req) },
          { page: `${TACTICS}/${id}`, notice: 'The tactic has been updated' },
        );
      },
    }),

    ...(['retire', 'restore'] as const).map((action) =>
      route({
        method: 'post',
        path: `${TACTICS}/:id/${action}`,
        access: MANAGE,
        audit: `tactics.${action}`,
        body: confirmSchema,
        invalid: backTo((req) => givenPath(req)),
        handle: async ({ res, params }) => {
          const id = idParam(params);
          if (!id) return pageNotFound(res);
          return finish(
            res,
            await tactics.setRetired(tacticsRequest(res), id, action === 'retire'),
            { page: `${TACTICS}/${id}` },
            {
              page: `${TACTICS}/${id}`,
              notice:
                action === 'retire'
                  ? 'The tactic has been retired: it is no longer suggested for plans'
                  : 'The tactic has been restored to the library',
            },
          );
        },
      }),
    ),
  ];
}
