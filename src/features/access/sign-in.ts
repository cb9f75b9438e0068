/** Partner sign-in: email and password first (multi-factor follows in issue "Partner access"). */
import { z } from 'zod';
import { formErrors, type FormErrors } from '../../web/validation.js';
import { route, type RouteSpec } from '../../web/routes.js';
import type { Accounts } from './accounts.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const signInSchema = z.strictObject({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Enter an email address in the correct format, like name@example.com',
    ),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(256, 'Password must be 256 characters or fewer'),
});

const WRONG = 'Enter a correct email address and password';

export function signInRoutes(accounts: Accounts): RouteSpec[] {
  // Checking a made-up hash when the email is unknown keeps the timing the same either way.
  const decoyHash = hashPassword('lantern-decoy-password');

  const showForm = (res: Parameters<RouteSpec['handle']>[0]['res'], errors?: FormErrors, values?: unknown) =>
    res.render('access/views/sign-in.njk', { errors, values });

  return [
    route({
      method: 'get',
      path: '/partner/sign-in',
      access: 'public',
      audit: 'partner.sign-in.view',
      handle: ({ res }) => showForm(res),
    }),
    route({
      method: 'post',
      path: '/partner/sign-in',
      access: 'public',
      audit: 'partner.sign-in',
      body: signInSchema,
      invalid: (req, res, errors) =>
        showForm(res, errors, { email: (req.body as { email?: unknown }).email }),
      handle: async ({ res, body }) => {
        const user = await accounts.userByEmail(body.email);
        const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), body.password);
        if (!user || !ok || user.disabled_at) {
          res.status(400);
          return showForm(res, formErrors({ email: WRONG }), { email: body.email });
        }
        res.render('access/views/sign-in-pending.njk');
      },
    }),
    route({
      method: 'get',
      path: '/partner',
      access: { permission: 'workspace:view' },
      audit: 'partner.home.view',
      handle: ({ res }) => res.render('access/views/workspace-home.njk'),
    }),
  ];
}
