/** Share an item (a disclosure, `intelligence:export`): the plan, then the sharing. */
import { route, type RouteSpec } from '../../../web/routes.js';
import { pageNotFound } from '../../../web/partner-pages.js';
import {
  EXPORT,
  formHelpers,
  formValues,
  idParam,
  INBOX,
  inboxRequest,
  type InboxRouteDeps,
  ITEM,
  itemPath,
  linkLabel,
  schemaLabel,
  VIEWS,
} from './pages.js';
import { shareSchema } from './schemas.js';

/** The share page and the sharing. */
export function shareRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox, flash } = deps;
  const { backTo, finish } = formHelpers(deps);
  return [
    route({
      method: 'get',
      path: `${ITEM}/share`,
      access: EXPORT,
      audit: 'intelligence.share.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = idParam(params);
        const outcome = id ? await inbox.sharePlan(inboxRequest(res), id) : undefined;
        if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
        const plan = outcome.value;
        const kept = await flash.take(res, `${INBOX}/items/${plan.item.id}/share`);
        res.render(`${VIEWS}/share.njk`, {
          ...plan,
          entities: plan.entities.map((e) => ({ ...e, kind: schemaLabel(e.schema) })),
          links: plan.links.map((l) => ({ ...l, type: linkLabel(l.link_type) })),
          page: `${INBOX}/items/${plan.item.id}`,
          agencyOptions: plan.agencies.map((a) => ({ value: a.id, text: `${a.name} (${a.organisation})` })),
          ...kept,
          values: kept.values ?? {},
        });
      },
    }),
    route({
      method: 'post',
      path: `${ITEM}/share`,
      access: EXPORT,
      audit: 'intelligence.share',
      s62: 'disclosure',
      body: shareSchema,
      invalid: backTo('/share'),
      handle: async ({ req, res, params, body }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        const outcome = await inbox.share(inboxRequest(res), id, {
          agencies: body.agencies,
          acknowledged: body.acknowledge === 'yes',
        });
        await finish(res, outcome, {
          form: itemPath(req, '/share'),
          next: `${INBOX}/items/${id}`,
          notice: outcome.kind === 'done' ? `Shared with ${outcome.value.agencies.join(', ')}` : 'Shared',
          values: formValues(req),
        });
      },
    }),
  ];
}
