/**
 * The middleware pipeline, read top to bottom: request id and logs, security headers, compression,
 * assets, body parsing, who is asking, CSRF, views' shared values, the feature routes, not found,
 * errors. Feature routes arrive as RouteSpecs and are checked before anything is served.
 */
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import './locals.js';
import { assetRoutes } from './assets.js';
import { csrfLocals, csrfTokens, verifyCsrf } from './csrf.js';
import { errorHandler, notFound } from './errors.js';
import { requestLogging, type Logger } from './logging.js';
import { mountRoutes, type RouteSpec } from './routes.js';
import { cspNonce, securityHeaders } from './security.js';
import { configureViews } from './views.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  version: string;
  routes: readonly RouteSpec[];
  /** Finds who is asking (the partner session), and sets res.locals.principal. */
  identify: RequestHandler;
}

export function createApp({ config, logger, version, routes, identify }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the one reverse proxy Lantern is told about may speak for the client; public routes
  // never read the client address in any case.
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  configureViews(app, {
    partnershipName: config.partnershipName,
    quickExitUrl: config.quickExitUrl,
    version,
    watch: config.env === 'development',
  });

  app.use(requestLogging(logger));
  app.use(cspNonce());
  app.use(securityHeaders());
  app.use(compression());
  app.use(assetRoutes());
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 200 }));
  app.use(express.json({ limit: '200kb' }));
  app.use(identify);
  const tokens = csrfTokens(config.secret);
  app.use(verifyCsrf(tokens));
  app.use(csrfLocals(tokens));

  const router = express.Router();
  mountRoutes(router, routes);
  app.use(router);

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
