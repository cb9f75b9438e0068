import { route, type RouteSpec } from '../../web/routes.js';

/** The public face of Lantern. Issue "Public site" adds the categories, find-help and reporting. */
export function publicSiteRoutes(): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/',
      access: 'public',
      audit: 'public.home.view',
      handle: ({ res }) => res.render('public-site/views/home.njk'),
    }),
  ];
}
