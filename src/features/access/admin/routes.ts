/**
 * Administration pages: agencies, users (roles, clearance, disabling, multi-factor, lockout) and
 * sharing rules. Every page needs `accounts:manage`, and every form is post/redirect/get with its
 * errors kept in the session. Looking at users is an s62 consultation, creating one a
 * collection, changing one an alteration; each writes one audit entry (service.ts).
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../../web/routes.js';
import { formErrors, type FormErrors } from '../../../web/validation.js';
import { AGENCY_KINDS } from '../accounts.js';
import type { FormFlash } from '../form-flash.js';
import { CLASSIFICATIONS } from '../markings.js';
import { ROLES, roleName } from '../roles.js';
import {
  accessSchema,
  confirmSchema,
  newAgencySchema,
  newUserSchema,
  receivingAgencySchema,
  RECORD_TYPE_NAMES,
  SHAREABLE_RECORD_TYPES,
  sharingRuleSchema,
  userFilterSchema,
} from './schemas.js';
import type { AdminRequest, Administration, Outcome } from './service.js';

const MANAGE = { permission: 'accounts:manage' } as const;
const ADMIN = '/partner/admin';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const roleOptions = Object.entries(ROLES).map(([value, role]) => ({ value, text: role.name }));

/** Who is asking, for the audit entry; account administration unless a purpose is already set. */
export function adminRequest(res: Response): AdminRequest {
  const principal = res.locals.principal;
  // The route layer has already refused anyone not signed in; this keeps TypeScript honest.
  if (principal.kind !== 'user') throw new Error('Administration needs a signed-in user');
  res.locals.audit.purpose ??= 'account-administration';
  return {
    audit: res.locals.audit,
    event: res.locals.auditEvent ?? 'admin.unknown',
    actorUserId: principal.userId,
  };
}

/** Not found and not allowed look the same: the same page, the same status. */
export function pageNotFound(res: Response): void {
  res.status(404).render('errors/404.njk');
}

/** The `:id` in the path, if it could name a record at all. */
function idParam(params: Record<string, string>): string | undefined {
  const id = params.id;
  return id && UUID.test(id) ? id.toLowerCase() : undefined;
}

/** The `:id` as given, for sending a refused form back to the page it came from. */
function givenId(req: Request): string {
  const id: unknown = req.params.id;
  return encodeURIComponent(typeof id === 'string' ? id : '');
}

function userPage(req: Request): string {
  return `${ADMIN}/users/${givenId(req)}`;
}

function formValues(req: Request, omit: readonly string[] = []): Record<string, unknown> {
  const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !omit.includes(name)));
}

export interface AdminRouteDependencies {
  administration: Administration;
  flash: FormFlash;
}

export function adminRoutes({ administration, flash }: AdminRouteDependencies): RouteSpec[] {
  /** After a command: the page again with its notice, back to the form with errors, or 404. */
  async function finish(
    res: Response,
    outcome: Outcome<unknown>,
    pages: { form: string; next: string; notice: string; values?: Record<string, unknown> },
  ): Promise<void> {
    if (outcome.kind === 'not-found') return pageNotFound(res);
    if (outcome.kind === 'refused') {
      return flash.redirectWithErrors(res, pages.form, formErrors(outcome.errors), pages.values);
    }
    return flash.redirectWithNotice(res, pages.next, pages.notice);
  }

  const backTo =
    (page: string | ((req: Request) => string), omit: readonly string[] = []) =>
    (req: Request, res: Response, errors: FormErrors) =>
      flash.redirectWithErrors(
        res,
        typeof page === 'string' ? page : page(req),
        errors,
        formValues(req, omit),
      );

  /** One user's page or a page about them: a consultation of that user, or 404. */
  const userView =
    (view: string) =>
    async ({ res, params }: { res: Response; params: Record<string, string> }) => {
      const id = idParam(params);
      const user = id ? await administration.consultUser(adminRequest(res), id) : undefined;
      if (!user) return pageNotFound(res);
      const page = `${ADMIN}/users/${user.id}`;
      const kept = await flash.take(res, res.req.path);
      const pending = await administration.pendingAccessOf(user.id);
      res.render(`access/admin/views/${view}`, {
        user,
        page,
        self: user.id === adminRequest(res).actorUserId,
        roleNames: user.roles.map(roleName),
        locked: user.locked_until !== null && user.locked_until > new Date(),
        pending: pending && { ...pending, roleNames: (pending.roles ?? []).map(roleName) },
        roleOptions,
        clearances: CLASSIFICATIONS,
        ...kept,
        values: kept.values ?? { roles: user.roles, clearance: user.clearance },
      });
    };

  /** A confirmed change to one account (disable, enable, reset multi-factor, unlock): an alteration. */
  const accountCommand = (
    action: string,
    command: 'disable' | 'enable' | 'resetMfa' | 'unlock',
    notice: string,
  ): RouteSpec =>
    route({
      method: 'post',
      path: `${ADMIN}/users/:id/${action}`,
      access: MANAGE,
      audit: `admin.users.${action}`,
      s62: 'alteration',
      body: confirmSchema,
      invalid: backTo(userPage),
      handle: async ({ res, params }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        return finish(res, await administration[command](adminRequest(res), id), {
          form: `${ADMIN}/users/${id}`,
          next: `${ADMIN}/users/${id}`,
          notice,
        });
      },
    });

  return [
    // Agencies
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
      invalid: backTo(`${ADMIN}/agencies`),
      handle: async ({ res, body }) =>
        finish(res, await administration.setReceivingAgency(adminRequest(res), body.agency), {
          form: `${ADMIN}/agencies`,
          next: `${ADMIN}/agencies`,
          notice: 'The agency that receives reports from the public has been changed',
        }),
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
      invalid: backTo(`${ADMIN}/agencies/new`),
      handle: async ({ req, res, body }) =>
        finish(res, await administration.createAgency(adminRequest(res), body), {
          form: `${ADMIN}/agencies/new`,
          next: `${ADMIN}/agencies`,
          notice: `Agency added: ${body.name}`,
          values: formValues(req),
        }),
    }),

    // Users
    route({
      method: 'get',
      path: `${ADMIN}/users`,
      access: MANAGE,
      audit: 'admin.users.list',
      s62: 'consultation',
      query: userFilterSchema,
      handle: async ({ res, query }) => {
        const filter = { agencyCode: query.agency || undefined, role: query.role || undefined };
        const users = await administration.listUsers(adminRequest(res), filter);
        res.render('access/admin/views/users.njk', {
          users: users.map((user) => ({
            ...user,
            roleNames: user.roles.map(roleName),
            locked: user.locked_until !== null && user.locked_until > new Date(),
          })),
          agencies: await administration.listAgencies(),
          roleOptions,
          filter,
          ...(await flash.take(res, `${ADMIN}/users`)),
        });
      },
    }),
    route({
      method: 'get',
      path: `${ADMIN}/users/new`,
      access: MANAGE,
      audit: 'admin.users.new-view',
      handle: async ({ res }) => {
        res.render('access/admin/views/user-new.njk', {
          agencies: await administration.listAgencies(),
          roleOptions,
          clearances: CLASSIFICATIONS,
          ...(await flash.take(res, `${ADMIN}/users/new`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${ADMIN}/users/new`,
      access: MANAGE,
      audit: 'admin.users.create',
      s62: 'collection',
      body: newUserSchema,
      invalid: backTo(`${ADMIN}/users/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await administration.createUser(adminRequest(res), {
          email: body.email,
          displayName: body.displayName,
          agencyCode: body.agency,
          roles: body.roles,
          clearance: body.clearance,
        });
        if (outcome.kind !== 'done') {
          return finish(res, outcome, {
            form: `${ADMIN}/users/new`,
            next: '',
            notice: '',
            values: formValues(req),
          });
        }
        // The one-time password is shown once, here, and never stored anywhere it could be read
        // again: so this page is the POST's answer rather than a redirect, and is not cached.
        res.setHeader('Cache-Control', 'no-store');
        res.render('access/admin/views/user-created.njk', {
          user: { id: outcome.value.id, email: body.email, displayName: body.displayName },
          password: outcome.value.password,
          pending: outcome.value.pending,
        });
      },
    }),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id`,
      access: MANAGE,
      audit: 'admin.users.view',
      s62: 'consultation',
      handle: userView('user.njk'),
    }),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/access`,
      access: MANAGE,
      audit: 'admin.users.access-view',
      s62: 'consultation',
      handle: userView('user-access.njk'),
    }),
    route({
      method: 'post',
      path: `${ADMIN}/users/:id/access`,
      access: MANAGE,
      audit: 'admin.users.change-access',
      s62: 'alteration',
      body: accessSchema,
      invalid: backTo((req) => `${userPage(req)}/access`),
      handle: async ({ req, res, body, params }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        const outcome = await administration.changeAccess(adminRequest(res), id, body);
        // Asked for, not yet done: the user is not altered until another administrator approves.
        const pending = outcome.kind === 'done' && outcome.value === 'pending';
        if (pending) res.locals.s62Action = undefined;
        return finish(res, outcome, {
          form: `${ADMIN}/users/${id}/access`,
          next: `${ADMIN}/users/${id}`,
          notice: pending
            ? 'Change of roles and clearance asked for: it needs another administrator to approve it'
            : 'Roles and clearance changed',
          values: formValues(req),
        });
      },
    }),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/disable`,
      access: MANAGE,
      audit: 'admin.users.disable-view',
      s62: 'consultation',
      handle: userView('user-disable.njk'),
    }),
    accountCommand('disable', 'disable', 'Account disabled: they have been signed out'),
    accountCommand('enable', 'enable', 'Account enabled: they can sign in again'),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/reset-mfa`,
      access: MANAGE,
      audit: 'admin.users.reset-mfa-view',
      s62: 'consultation',
      handle: userView('user-reset-mfa.njk'),
    }),
    accountCommand(
      'reset-mfa',
      'resetMfa',
      'Multi-factor sign-in reset: they will set up their authenticator app again at their next sign-in',
    ),
    accountCommand('unlock', 'unlock', 'Account unlocked'),

    // Sharing rules
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
      invalid: backTo(`${ADMIN}/sharing/new`),
      handle: async ({ req, res, body }) =>
        finish(
          res,
          await administration.addSharingRule(adminRequest(res), {
            ownerAgencyId: body.owner,
            partnerAgencyId: body.partner,
            recordType: body.recordType,
          }),
          {
            form: `${ADMIN}/sharing/new`,
            next: `${ADMIN}/sharing`,
            notice:
              'Sharing rule asked for: it starts when an information asset owner of the agency that owns the records approves it',
            values: formValues(req),
          },
        ),
    }),
    route({
      method: 'get',
      path: `${ADMIN}/sharing/:id/remove`,
      access: MANAGE,
      audit: 'admin.sharing.remove-view',
      handle: async ({ res, params }) => {
        const id = idParam(params);
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
      invalid: backTo((req) => `${ADMIN}/sharing/${givenId(req)}/remove`),
      handle: async ({ res, params }) => {
        const id = idParam(params);
        if (!id) return pageNotFound(res);
        return finish(res, await administration.removeSharingRule(adminRequest(res), id), {
          form: `${ADMIN}/sharing/${id}/remove`,
          next: `${ADMIN}/sharing`,
          notice: 'Sharing rule removed',
        });
      },
    }),
  ];
}
