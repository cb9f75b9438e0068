/**
 * Sharing rules, as administrators see them: the list (with requests waiting for an information
 * asset owner), asking for a new rule, and removing one.
 */
import { formFinisher } from '../../../web/commands.js';
import { formValues, givenParam, pageNotFound, uuidParam } from '../../../web/partner-pages.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { ADMIN, adminRequest, backTo, MANAGE, type AdminRouteDependencies } from './pages.js';
import { confirmSchema, RECORD_TYPE_NAMES, SHAREABLE_RECORD_TYPES, sharingRuleSchema } from './schemas.js';

/** The sharing rules and requests, and asking for a new rule. */
export function sharingRoutes({ administration, flash }: AdminRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
    route({
      method: 'get',
      path: `${ADMIN}/sharing`,
      access: MANAGE,
      audit: 'admin.sharing.list',
      handle: async ({ res }) => {
        res.render('access/admin/views/sharing.njk', {
          rules: await administration.listSharingRules(),
          pending: await administration.pendingSharing(),
          recordTypeNames: RECORD_TYPE_NAMES,
          ...(await flash.take(res, `${ADMIN}/sharing`)),
        });
      },
    }),
    route({
      method: 'get',
      path: `${ADMIN}/sharing/new`,
      access: MANAGE,
      audit: 'admin.sharing.new-view',
      handle: async ({ res }) => {
        res.render('access/admin/views/sharing-new.njk', {
          agencies: await administration.listAgencies(),
          recordTypes: SHAREABLE_RECORD_TYPES.map((type) => ({
            value: type,
            text: RECORD_TYPE_NAMES[type] ?? type,
          })),
          ...(await flash.take(res, `${ADMIN}/sharing/new`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${ADMIN}/sharing/new`,
      access: MANAGE,
      audit: 'admin.sharing.add',
      body: sharingRuleSchema,
      invalid: backTo(flash, `${ADMIN}/sharing/new`),
      handle: async ({ req, res, body }) =>
        finish(
          res,
          await administration.addSharingRule(adminRequest(res), {
            ownerAgencyId: body.owner,
            partnerAgencyId: body.partner,
            recordType: body.recordType,
          }),
          { page: `${ADMIN}/sharing/new`, values: formValues(req) },
          {
            page: `${ADMIN}/sharing`,
            notice:
              'Sharing rule asked for: it starts when an information asset owner of the agency that owns the records approves it',
          },
        ),
    }),
  ];
}

/** Removing a sharing rule: the confirmation page and the removal. */
export function sharingRemovalRoutes({ administration, flash }: AdminRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
    route({
      method: 'get',
      path: `${ADMIN}/sharing/:id/remove`,
      access: MANAGE,
      audit: 'admin.sharing.remove-view',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        const rule = id ? await administration.sharingRule(id) : undefined;
        if (!rule) return pageNotFound(res);
        res.render('access/admin/views/sharing-remove.njk', {
          rule,
          recordTypeNames: RECORD_TYPE_NAMES,
          ...(await flash.take(res, `${ADMIN}/sharing/${rule.id}/remove`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${ADMIN}/sharing/:id/remove`,
      access: MANAGE,
      audit: 'admin.sharing.remove',
      body: confirmSchema,
      invalid: backTo(flash, (req) => `${ADMIN}/sharing/${givenParam(req, 'id')}/remove`),
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        return finish(
          res,
          await administration.removeSharingRule(adminRequest(res), id),
          { page: `${ADMIN}/sharing/${id}/remove` },
          { page: `${ADMIN}/sharing`, notice: 'Sharing rule removed' },
        );
      },
    }),
  ];
}
