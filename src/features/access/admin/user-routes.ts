/**
 * Users: the list, adding one (the one-time password shown once), one user's pages, changing their
 * roles and clearance, and the confirmed changes to an account (disable, enable, reset
 * multi-factor, unlock). Looking at users is an s62 consultation, creating one a collection,
 * changing one an alteration.
 */
import type { Response } from 'express';
import { formFinisher } from '../../../web/commands.js';
import { formValues, pageNotFound, uuidParam } from '../../../web/partner-pages.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { CLASSIFICATIONS } from '../markings.js';
import { roleName } from '../roles.js';
import {
  ADMIN,
  adminRequest,
  backTo,
  MANAGE,
  roleOptions,
  userPage,
  type AdminRouteDependencies,
} from './pages.js';
import { accessSchema, confirmSchema, newUserSchema, userFilterSchema } from './schemas.js';

/** The list of users, and adding one. */
export function userListRoutes({ administration, flash }: AdminRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
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
      invalid: backTo(flash, `${ADMIN}/users/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await administration.createUser(adminRequest(res), {
          email: body.email,
          displayName: body.displayName,
          agencyCode: body.agency,
          roles: body.roles,
          clearance: body.clearance,
        });
        if (outcome.kind !== 'done') {
          return finish(
            res,
            outcome,
            { page: `${ADMIN}/users/new`, values: formValues(req) },
            {
              page: '',
              notice: '',
            },
          );
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
  ];
}

/** One user's page or a page about them: a consultation of that user, or 404. */
function userView({ administration, flash }: AdminRouteDependencies, view: string) {
  return async ({ res, params }: { res: Response; params: Record<string, string> }) => {
    const id = uuidParam(params, 'id');
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
}

/** One user's pages, and changing their roles and clearance. */
export function userAccessRoutes(dependencies: AdminRouteDependencies): RouteSpec[] {
  const { administration, flash } = dependencies;
  const finish = formFinisher(flash);
  return [
    route({
      method: 'get',
      path: `${ADMIN}/users/:id`,
      access: MANAGE,
      audit: 'admin.users.view',
      s62: 'consultation',
      handle: userView(dependencies, 'user.njk'),
    }),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/access`,
      access: MANAGE,
      audit: 'admin.users.access-view',
      s62: 'consultation',
      handle: userView(dependencies, 'user-access.njk'),
    }),
    route({
      method: 'post',
      path: `${ADMIN}/users/:id/access`,
      access: MANAGE,
      audit: 'admin.users.change-access',
      s62: 'alteration',
      body: accessSchema,
      invalid: backTo(flash, (req) => `${userPage(req)}/access`),
      handle: async ({ req, res, body, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await administration.changeAccess(adminRequest(res), id, body);
        // Asked for, not yet done: the user is not altered until another administrator approves.
        const pending = outcome.kind === 'done' && outcome.value === 'pending';
        if (pending) res.locals.s62Action = undefined;
        return finish(
          res,
          outcome,
          { page: `${ADMIN}/users/${id}/access`, values: formValues(req) },
          {
            page: `${ADMIN}/users/${id}`,
            notice: pending
              ? 'Change of roles and clearance asked for: it needs another administrator to approve it'
              : 'Roles and clearance changed',
          },
        );
      },
    }),
  ];
}

/** Confirmed changes to one account (disable, enable, reset multi-factor, unlock), with their pages. */
export function accountRoutes(dependencies: AdminRouteDependencies): RouteSpec[] {
  const { administration, flash } = dependencies;
  const finish = formFinisher(flash);

  /** A confirmed change to one account: an alteration, then back to the user's page. */
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
      invalid: backTo(flash, userPage),
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        return finish(
          res,
          await administration[command](adminRequest(res), id),
          { page: `${ADMIN}/users/${id}` },
          { page: `${ADMIN}/users/${id}`, notice },
        );
      },
    });

  return [
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/disable`,
      access: MANAGE,
      audit: 'admin.users.disable-view',
      s62: 'consultation',
      handle: userView(dependencies, 'user-disable.njk'),
    }),
    accountCommand('disable', 'disable', 'Account disabled: they have been signed out'),
    accountCommand('enable', 'enable', 'Account enabled: they can sign in again'),
    route({
      method: 'get',
      path: `${ADMIN}/users/:id/reset-mfa`,
      access: MANAGE,
      audit: 'admin.users.reset-mfa-view',
      s62: 'consultation',
      handle: userView(dependencies, 'user-reset-mfa.njk'),
    }),
    accountCommand(
      'reset-mfa',
      'resetMfa',
      'Multi-factor sign-in reset: they will set up their authenticator app again at their next sign-in',
    ),
    accountCommand('unlock', 'unlock', 'Account unlocked'),
  ];
}
