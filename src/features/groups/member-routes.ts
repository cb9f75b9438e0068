/** Adding members and associates to an OCG, and the items that support its statements. */
import { route, type RouteSpec } from '../../web/routes.js';
import { ENTITY_SCHEMAS } from '../intelligence/index.js';
import { memberSearchSchema, newMemberSchema, newSourceSchema } from './forms.js';
import { MEMBER_ROLES } from './queries.js';
import { formFinisher } from '../../web/commands.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { backToFor, MANAGE, ocgPath, VIEWS, type OcgRouteDependencies } from './pages.js';

/** Adding a member or associate, found by name. */
export function ocgMemberRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
    // Adding a member or associate, found by name.
    route({
      method: 'get',
      path: '/partner/ocgs/:id/members/new',
      access: MANAGE,
      audit: 'ocgs.members.add.view',
      s62: 'consultation',
      query: memberSearchSchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        const search = query.q || (typeof values.q === 'string' ? values.q.trim() : '') || undefined;
        const outcome = await commands.memberChoices(askerOf(res, 'ocgs.unknown'), id, search);
        if (outcome.kind !== 'done') return pageNotFound(res);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/member-new.njk`, {
          ocg: outcome.value.ocg,
          search: search ?? '',
          found: outcome.value.found.map((f) => ({
            value: f.id,
            text: f.caption,
            hint: { text: ENTITY_SCHEMAS[f.schema].label },
            checked: values.entity === f.id,
          })),
          roleItems: Object.entries(MEMBER_ROLES).map(([value, text]) => ({
            value,
            text,
            checked: values.role === value,
          })),
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/:id/members/new',
      access: MANAGE,
      audit: 'ocgs.members.add',
      s62: 'collection',
      body: newMemberSchema,
      invalid: backTo((id) => `${ocgPath(id)}/members/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.addMember(askerOf(res, 'ocgs.unknown'), id, body);
        await finish(
          res,
          outcome,
          { page: `${ocgPath(id)}/members/new`, values: formValues(req) },
          (added) => ({
            page: ocgPath(id),
            notice: `${added.caption} has been added to ${added.ocg.reference}`,
          }),
        );
      },
    }),
  ];
}

/** Attaching an item that supports a statement. */
export function ocgSourceRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
    // Attaching an item that supports a statement.
    route({
      method: 'get',
      path: '/partner/ocgs/:id/sources/new',
      access: MANAGE,
      audit: 'ocgs.sources.add.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.sourceForm(askerOf(res, 'ocgs.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/source-new.njk`, {
          ocg: outcome.value.ocg,
          memberItems: [
            { value: '', text: 'The group as a whole' },
            ...outcome.value.members.map((m) => ({
              value: m.memberId,
              text: `${m.caption} (${MEMBER_ROLES[m.role].split(' (')[0]})`,
              selected: values.member === m.memberId,
            })),
          ],
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/:id/sources/new',
      access: MANAGE,
      audit: 'ocgs.sources.add',
      s62: 'alteration',
      body: newSourceSchema,
      invalid: backTo((id) => `${ocgPath(id)}/sources/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.addSource(askerOf(res, 'ocgs.unknown'), id, body);
        await finish(
          res,
          outcome,
          { page: `${ocgPath(id)}/sources/new`, values: formValues(req) },
          (added) => ({
            page: ocgPath(id),
            notice: `${added.reference} has been added as a supporting item`,
          }),
        );
      },
    }),
  ];
}
