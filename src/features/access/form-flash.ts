/**
 * Post/redirect/get for partner forms: a refused form keeps its errors and answers
 * in the server-side session and redirects back to the form, which shows them once. A success
 * can leave a one-line notice for the page it redirects to.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { FormErrors } from '../../web/validation.js';
import type { Sessions } from './sessions.js';

export interface FlashContent {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  notice?: string;
}

// The flash comes back from the database as JSON: check its shape rather than trust it.
const flashSchema = z.object({
  page: z.string(),
  errors: z
    .object({
      byField: z.record(z.string(), z.string()),
      list: z.array(z.object({ text: z.string(), href: z.string() })),
    })
    .optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  notice: z.string().optional(),
});

export function formFlash(sessions: Sessions) {
  async function keep(res: Response, page: string, content: FlashContent): Promise<void> {
    const session = res.locals.session;
    // Partner forms are only reachable signed in; without a session there is nowhere to keep it.
    if (session) await sessions.setFlash(session.idHash, { page, ...content });
    res.redirect(303, page);
  }

  return {
    /**
     * Sends the person back to the form with its errors and the answers to show again. Pass only
     * answers fit to store: never a password. The request did nothing, so it declares no s62
     * operation (the logging layer would otherwise expect an audit entry).
     */
    async redirectWithErrors(
      res: Response,
      page: string,
      errors: FormErrors,
      values: Record<string, unknown> = {},
    ): Promise<void> {
      res.locals.s62Action = undefined;
      await keep(res, page, { errors, values });
    },

    /** After a change: redirect to `page`, which shows `notice` once in a notification banner. */
    async redirectWithNotice(res: Response, page: string, notice: string): Promise<void> {
      await keep(res, page, { notice });
    },

    /** What was kept for `page`, shown once: the flash is cleared whenever it is read. */
    async take(res: Response, page: string): Promise<FlashContent> {
      const session = res.locals.session;
      if (session?.flash === null || session?.flash === undefined) return {};
      const parsed = flashSchema.safeParse(session.flash);
      await sessions.clearFlash(session.idHash);
      session.flash = null;
      if (!parsed.success || parsed.data.page !== page) return {};
      const { page: _page, ...content } = parsed.data;
      return content;
    },
  };
}

export type FormFlash = ReturnType<typeof formFlash>;
