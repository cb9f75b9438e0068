/**
 * The coordinator's changes to the library (reference-data:manage): adding, editing, retiring
 * and restoring a tactic. Forms are post/redirect/get with errors and answers kept in the session;
 * the service records each change in the audit log.
 */
import { formFinisher } from '../../web/commands.js';
import { pageNotFound } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import {
  backTo,
  formValues,
  givenPath,
  idParam,
  MANAGE,
  TACTICS,
  tacticsRequest,
  VIEWS,
  type TacticsRouteDependencies,
} from './pages.js';
import { formOptions, valuesOf } from './present.js';
import { confirmSchema, newTacticSchema, tacticSchema } from './schemas.js';
import { todayUtc } from './vocabulary.js';

/** Adding a tactic. */
export function tacticsAddRoutes({
  tactics,
  flash,
  today = () => todayUtc(),
}: TacticsRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
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
      invalid: backTo(flash, () => `${TACTICS}/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await tactics.add(tacticsRequest(res), body);
        return finish(res, outcome, { page: `${TACTICS}/new`, values: formValues(req) }, (id) => ({
          page: `${TACTICS}/${id}`,
          notice: `${body.name} has been added to the library`,
        }));
      },
    }),
  ];
}

/** Editing, retiring and restoring a tactic. */
export function tacticsChangeRoutes({
  tactics,
  flash,
  today = () => todayUtc(),
}: TacticsRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
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
      invalid: backTo(flash, (req) => givenPath(req, '/edit')),
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
        invalid: backTo(flash, (req) => givenPath(req)),
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
