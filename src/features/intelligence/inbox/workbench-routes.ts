/** The sanitisation workbench and sign-off (by someone other than the one who sanitised). */
import type { Response } from 'express';
import { route, type RouteSpec } from '../../../web/routes.js';
import { pageNotFound } from '../../../web/partner-pages.js';
import {
  formHelpers,
  idParam,
  INBOX,
  inboxRequest,
  type InboxRouteDeps,
  ITEM,
  READ,
  VIEWS,
} from './pages.js';
import { momentText } from './present.js';
import { BODY_MAX, confirmSchema, sanitiseSchema } from './schemas.js';

/** The sanitisation workbench and sign-off. */
export function workbenchRoutes(deps: InboxRouteDeps): RouteSpec[] {
  const { inbox } = deps;
  const { backTo, itemCommand } = formHelpers(deps);
  return [
    route({
      method: 'get',
      path: `${ITEM}/sanitise`,
      access: READ,
      audit: 'intelligence.sanitise.view',
      s62: 'consultation',
      handle: async ({ res, params }) => workbenchPage(deps, res, params, 'sanitise'),
    }),
    route({
      method: 'post',
      path: `${ITEM}/sanitise`,
      access: READ,
      audit: 'intelligence.sanitise',
      s62: 'alteration',
      body: sanitiseSchema,
      invalid: backTo('/sanitise'),
      handle: itemCommand(
        '/sanitise',
        (request, id, body: { body: string }) => inbox.sanitise(request, id, body.body),
        () => 'Sanitised text saved. Someone else must now sign it off before it can be shared',
      ),
    }),
    route({
      method: 'get',
      path: `${ITEM}/sign-off`,
      access: READ,
      audit: 'intelligence.sign-off.view',
      s62: 'consultation',
      handle: async ({ res, params }) => workbenchPage(deps, res, params, 'sign-off'),
    }),
    route({
      method: 'post',
      path: `${ITEM}/sign-off`,
      access: READ,
      audit: 'intelligence.sign-off',
      s62: 'alteration',
      body: confirmSchema,
      invalid: backTo('/sign-off'),
      handle: itemCommand(
        '/sign-off',
        (request, id) => inbox.signOff(request, id),
        () => 'Signed off: the sanitised text may now be shared',
      ),
    }),
  ];
}

async function workbenchPage(
  { inbox, flash }: InboxRouteDeps,
  res: Response,
  params: Record<string, string>,
  view: 'sanitise' | 'sign-off',
) {
  const id = idParam(params);
  const outcome = id ? await inbox.workbench(inboxRequest(res), id) : undefined;
  if (!outcome || outcome.kind !== 'done') return pageNotFound(res);
  const { item, original, viewerId } = outcome.value;
  const kept = await flash.take(res, `${INBOX}/items/${item.id}/${view}`);
  res.render(`${VIEWS}/${view}.njk`, {
    item,
    original,
    page: `${INBOX}/items/${item.id}`,
    maxLength: BODY_MAX,
    ownSanitising: item.sanitised_by === viewerId,
    sanitisedAt: momentText(item.sanitised_at),
    signedOffAt: momentText(item.signed_off_at),
    ...kept,
    values: kept.values ?? { body: item.body },
  });
}
