/**
 * What every network page shares: where they live, the form (shown again with errors or a
 * message), and the outcomes they all answer the same way. While a large computation runs, the
 * page says how far it has got and refreshes itself (`<meta http-equiv="refresh">`); nothing
 * personal is on it, so it is not audited.
 */
import type { Request, Response } from 'express';
import { pageNotFound } from '../../web/partner-pages.js';
import { formErrors, type FormErrors } from '../../web/validation.js';
import { formModel } from './form-model.js';
import type { NetworkOutcome } from './service.js';

export const NETWORK_PATH = '/partner/network';
export const VIEWS = 'network/views';
export const READ = { permission: 'intelligence:read' } as const;
const REFRESH_SECONDS = 2;

/** The form, with the answers given: it shows no one, so it declares no s62 operation. */
export function showForm(req: Request, res: Response, errors?: FormErrors, message?: string) {
  res.locals.s62Action = undefined;
  res.setHeader('Cache-Control', 'no-store');
  res.render(`${VIEWS}/network.njk`, {
    ...formModel(req.query),
    ...(errors ? { errors } : {}),
    ...(message ? { message } : {}),
  });
}

/** The outcomes every page treats the same; true when the page has been answered. */
export function answered(req: Request, res: Response, outcome: NetworkOutcome): boolean {
  if (outcome.kind === 'not-found') {
    pageNotFound(res);
    return true;
  }
  if (outcome.kind === 'refused') {
    res.status(400);
    showForm(req, res, formErrors(outcome.errors));
    return true;
  }
  if (outcome.kind === 'busy' || outcome.kind === 'failed') {
    res.status(503);
    showForm(
      req,
      res,
      undefined,
      outcome.kind === 'busy' ? outcome.message : 'The computation failed: try again, or narrow the network',
    );
    return true;
  }
  if (outcome.kind === 'pending') {
    res.locals.s62Action = undefined; // nothing shown yet
    res.setHeader('Cache-Control', 'no-store');
    const progress = Math.min(...outcome.jobs.map((job) => job.progress));
    res.render(`${VIEWS}/progress.njk`, {
      refreshSeconds: REFRESH_SECONDS,
      percent: Math.floor(progress * 100),
      stage: outcome.jobs.map((job) => job.stage).join('; '),
      jobIds: outcome.jobs.map((job) => job.id).join(' '),
    });
    return true;
  }
  return false;
}
