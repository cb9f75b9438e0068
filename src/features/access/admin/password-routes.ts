/**
 * "Change your password", for any signed-in partner. NCSC rules (password-policy.ts): long
 * enough, not a common password, no forced rotation. Changing it ends the person's other sessions.
 */
import { route, type RouteSpec } from '../../../web/routes.js';
import { formFinisher } from '../../../web/commands.js';
import type { FormFlash } from '../form-flash.js';
import { MIN_PASSWORD_LENGTH } from '../password-policy.js';
import { pageNotFound } from '../../../web/partner-pages.js';
import { changePasswordSchema } from './schemas.js';
import type { Administration } from './service.js';

const PAGE = '/partner/account/password';

export function passwordRoutes({
  administration,
  flash,
}: {
  administration: Administration;
  flash: FormFlash;
}): RouteSpec[] {
  const finish = formFinisher(flash);
  return [
    route({
      method: 'get',
      path: PAGE,
      access: { permission: 'workspace:view' },
      audit: 'partner.password.view',
      handle: async ({ res }) => {
        res.render('access/admin/views/password.njk', {
          minLength: MIN_PASSWORD_LENGTH,
          ...(await flash.take(res, PAGE)),
        });
      },
    }),
    route({
      method: 'post',
      path: PAGE,
      access: { permission: 'workspace:view' },
      audit: 'partner.password.change',
      body: changePasswordSchema,
      // Passwords are never kept in the session, not even to show them again.
      invalid: (_req, res, errors) => flash.redirectWithErrors(res, PAGE, errors),
      handle: async ({ res, body }) => {
        const session = res.locals.session;
        const principal = res.locals.principal;
        if (!session || principal.kind !== 'user') return pageNotFound(res);
        // Not account administration: the person is looking after their own account.
        const request = {
          audit: res.locals.audit,
          event: res.locals.auditEvent ?? 'partner.password.change',
          actorUserId: principal.userId,
        };
        const outcome = await administration.changePassword(request, session.idHash, body);
        return finish(
          res,
          outcome,
          { page: PAGE },
          { page: PAGE, notice: 'Your password has been changed. You have been signed out everywhere else' },
        );
      },
    }),
  ];
}
