/** Reading the library: the list with its filters, and one tactic. Tactics are not personal data. */
import { pageNotFound } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { dayText } from '../intelligence/index.js';
import { idParam, mayManage, READ, TACTICS, VIEWS, type TacticsRouteDependencies } from './pages.js';
import { areaText, formOptions, selectedFilterTags, strandText, suggestionText } from './present.js';
import { tacticFilterSchema } from './schemas.js';
import { needsReview, todayUtc } from './vocabulary.js';

export function tacticsLibraryRoutes({
  tactics,
  flash,
  today = () => todayUtc(),
}: TacticsRouteDependencies): RouteSpec[] {
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
          selectedFilters: selectedFilterTags(filter, query),
          canManage: mayManage(res),
          ...(await flash.take(res, TACTICS)),
        });
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
  ];
}
