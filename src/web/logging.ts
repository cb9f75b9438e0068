/**
 * Structured logs with a request id and no personal data: no client address, no user agent, no
 * query string, no body. Each request writes one line when it finishes, naming the route pattern
 * (not the URL) and the audit event it declared.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lantern' },
      // pino's default serialisers would log headers and addresses: ours log neither.
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: ['password', '*.password', 'secret', '*.secret'], censor: '[removed]' },
    },
    destination,
  );
}

export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    // Our own id, never one a client chose: a client-supplied id could be used to track a reporter.
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      const s62 = res.locals.s62Action;
      // Set only once a route has matched: static files and unknown paths never reach one.
      const audited = (res.locals as Partial<typeof res.locals>).audit?.written ?? 0;
      const operations = res.locals.s62Operations ?? 1;
      logger.info(
        {
          requestId,
          method: req.method,
          route: route ?? (res.statusCode === 404 ? '(not found)' : '(static)'),
          status: res.statusCode,
          event: res.locals.auditEvent,
          ...(s62 ? { s62, audited, ...(operations !== 1 ? { operations } : {}) } : {}),
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        'request',
      );
      // Each operation on personal data writes exactly one audit entry. Tests fail
      // on this line; in production it tells the operators that a route has a gap.
      if (s62 && res.statusCode < 400 && audited !== operations) {
        logger.error(
          { requestId, event: res.locals.auditEvent, s62, audited, operations },
          's62 audit entry count is wrong',
        );
      }
    });
    next();
  };
}
