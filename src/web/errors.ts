/**
 * Error pages and the last-resort handler. Nothing about the failure reaches the caller but a
 * reference they can quote; the detail goes to the log under the same request id.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isApiPath } from './routes.js';

/** An error whose status and message are safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly publicMessage: string,
  ) {
    super(publicMessage);
    this.name = 'HttpError';
  }
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404);
  if (isApiPath(req.path)) {
    res.json({ error: 'Not found' });
    return;
  }
  res.render('errors/404.njk');
};

/** body-parser's errors carry a `type` and a client-side status: they are the caller's fault. */
function clientError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new HttpError(413, 'What you sent is too large');
  if (type === 'entity.parse.failed') return new HttpError(400, 'What you sent could not be read');
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(400, 'What you sent could not be read');
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const known = clientError(error);
  // "Not allowed" and "not found" must look exactly alike, wherever the 404 came from.
  if (known?.status === 404) {
    notFound(req, res, next);
    return;
  }
  const status = known?.status ?? 500;
  if (!known) res.locals.log.error({ err: error }, 'request failed');
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  const message = known?.publicMessage ?? 'Sorry, there is a problem with the service';
  if (isApiPath(req.path)) {
    res.json({ error: message, reference: res.locals.requestId });
    return;
  }
  res.render(
    status === 500 ? 'errors/500.njk' : 'errors/problem.njk',
    { status, message },
    (renderError, html) => {
      // If even the error page fails, send plain text: never a stack trace.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Express types it as Error; it is null on success
      if (renderError) res.type('text/plain').send(`${message}. Reference: ${res.locals.requestId}`);
      else res.send(html);
    },
  );
};
