/** Agencies: the list by organisation, adding one, and which agency receives public reports. */
import { formFinisher } from '../../../web/commands.js';
import { formValues } from '../../../web/partner-pages.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { AGENCY_KINDS } from '../accounts.js';
import { ADMIN, adminRequest, backTo, MANAGE, type AdminRouteDependencies } from './pages.js';
import { newAgencySchema, receivingAgencySchema } from './schemas.js';

export function agencyRoutes({ administration, flash }: AdminRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
    route({
      method: 'get',
      path: `${ADMIN}/agencies`,
      access: MANAGE,
      audit: 'admin.agencies.view',
      handle: async ({ res }) => {
        const agencies = await administration.listAgencies();
        const organisations = new Map<string, typeof agencies>();
        for (const agency of agencies) {
          organisations.set(agency.organisation, [...(organisations.get(agency.organisation) ?? []), agency]);
        }
        res.render('access/admin/views/agencies.njk', {
          organisations: [...organisations].map(([name, members]) => ({ name, agencies: members })),
          agencies,
          ...(await flash.take(res, `${ADMIN}/agencies`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${ADMIN}/agencies/public-reports`,
      access: MANAGE,
      audit: 'admin.agencies.public-reports',
      body: receivingAgencySchema,
      invalid: backTo(flash, `${ADMIN}/agencies`),
      handle: async ({ res, body }) =>
        finish(
          res,
          await administration.setReceivingAgency(adminRequest(res), body.agency),
          { page: `${ADMIN}/agencies` },
          {
            page: `${ADMIN}/agencies`,
            notice: 'The agency that receives reports from the public has been changed',
          },
        ),
    }),
    route({
      method: 'get',
      path: `${ADMIN}/agencies/new`,
      access: MANAGE,
      audit: 'admin.agencies.new-view',
      handle: async ({ res }) => {
        const organisations = [...new Set((await administration.listAgencies()).map((a) => a.organisation))];
        res.render('access/admin/views/agency-new.njk', {
          kinds: AGENCY_KINDS,
          organisations,
          ...(await flash.take(res, `${ADMIN}/agencies/new`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${ADMIN}/agencies/new`,
      access: MANAGE,
      audit: 'admin.agencies.create',
      body: newAgencySchema,
      invalid: backTo(flash, `${ADMIN}/agencies/new`),
      handle: async ({ req, res, body }) =>
        finish(
          res,
          await administration.createAgency(adminRequest(res), body),
          { page: `${ADMIN}/agencies/new`, values: formValues(req) },
          { page: `${ADMIN}/agencies`, notice: `Agency added: ${body.name}` },
        ),
    }),
  ];
}
