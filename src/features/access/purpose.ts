/**
 * The purpose of work: every audit entry a partner causes says why (s62). A session starts with a
 * purpose suited to the person's role; they change it here, giving reasons when it is "other".
 */
import { z } from 'zod';
import { route, type RouteSpec } from '../../web/routes.js';
import { PURPOSES } from '../audit/audit-log.js';
import type { Sessions } from './sessions.js';

const purposeCodes = Object.keys(PURPOSES) as [keyof typeof PURPOSES, ...(keyof typeof PURPOSES)[]];

export const purposeSchema = z
  .strictObject({
    purpose: z.enum(purposeCodes, { error: 'Select why you are using the workspace' }),
    justification: z.string().trim().max(500, 'Reasons must be 500 characters or fewer').optional(),
  })
  .refine((value) => value.purpose !== 'other' || (value.justification ?? '').length > 0, {
    path: ['justification'],
    message: 'Explain why you are using the workspace',
  });

export function purposeRoutes(sessions: Sessions): RouteSpec[] {
  const options = Object.entries(PURPOSES).map(([value, text]) => ({ value, text }));
  return [
    route({
      method: 'get',
      path: '/partner/purpose',
      access: { permission: 'workspace:view' },
      audit: 'partner.purpose.view',
      handle: ({ res }) =>
        res.render('access/views/purpose.njk', {
          options,
          values: { purpose: res.locals.session?.purpose, justification: res.locals.session?.justification },
        }),
    }),
    route({
      method: 'post',
      path: '/partner/purpose',
      access: { permission: 'workspace:view' },
      audit: 'partner.purpose.change',
      body: purposeSchema,
      invalid: (req, res, errors) =>
        res.render('access/views/purpose.njk', { options, errors, values: req.body as unknown }),
      handle: async ({ res, body }) => {
        const session = res.locals.session;
        if (session) await sessions.setPurpose(session.idHash, body.purpose, body.justification ?? null);
        res.redirect(303, '/partner');
      },
    }),
  ];
}
