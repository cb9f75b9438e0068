/** Static assets, all served from our own origin: the frontend packages' files and our own. */
import express, { type Router } from 'express';
import { projectPath } from '../paths.js';

const ONE_DAY = 24 * 60 * 60 * 1000;

export function assetRoutes(): Router {
  const router = express.Router();
  const options = { maxAge: ONE_DAY, index: false, fallthrough: true, redirect: false } as const;
  const govuk = projectPath('node_modules/govuk-frontend/dist/govuk');
  const moj = projectPath('node_modules/@ministryofjustice/frontend/moj');
  router.get('/assets/govuk/govuk-frontend.min.js', (_req, res) => {
    res.sendFile(`${govuk}/govuk-frontend.min.js`, { maxAge: ONE_DAY });
  });
  router.get('/assets/moj/moj-frontend.min.js', (_req, res) => {
    res.sendFile(`${moj}/moj-frontend.min.js`, { maxAge: ONE_DAY });
  });
  // The network picture's renderer, as an ES module (network-view.js imports it).
  router.get('/assets/cytoscape/cytoscape.esm.min.js', (_req, res) => {
    res.type('text/javascript');
    res.sendFile(projectPath('node_modules/cytoscape/dist/cytoscape.esm.min.mjs'), { maxAge: ONE_DAY });
  });
  router.use('/assets/govuk', express.static(`${govuk}/assets`, options));
  router.use('/assets/moj', express.static(`${moj}/assets`, options));
  router.use('/assets/app', express.static(projectPath('src/web/assets'), options));
  // Stylesheets compiled from Sass by `npm run build` (and on `npm install`).
  router.use('/assets/app', express.static(projectPath('build/assets'), options));
  return router;
}
