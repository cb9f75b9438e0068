/**
 * The public site's pages: home, what serious and organised crime is, the types of crime, who to
 * contact, staying safe online, and the Find help questions. All public, all GET, no cookies.
 */
import { route, type RouteSpec } from '../../web/routes.js';
import type { PublicContent } from './content/content.js';
import { findHelpRoutes } from './find-help/routes.js';
import { translator } from './messages/index.js';
import { presentChannel } from './present.js';
import { renderPublic } from './render.js';

const SLUG = /^[a-z][a-z0-9-]{1,62}$/;

export function publicSiteRoutes(content: PublicContent): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/',
      access: 'public',
      audit: 'public.home.view',
      handle: async ({ res }) => {
        const tr = translator();
        // The anonymous line's number comes from the partners' data, like every other number.
        const [crimestoppers] = await content.channels(tr.locale, ['crimestoppers']);
        renderPublic(
          res,
          'home',
          { section: 'home', categories: await content.categories(tr.locale), crimestoppers },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: '/what-is-serious-and-organised-crime',
      access: 'public',
      audit: 'public.what-is-soc.view',
      handle: async ({ res }) => {
        const tr = translator();
        renderPublic(
          res,
          'what-is-soc',
          { section: 'whatIsSoc', categories: await content.categories(tr.locale) },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: '/crime-types',
      access: 'public',
      audit: 'public.crime-types.view',
      handle: async ({ res }) => {
        const tr = translator();
        renderPublic(
          res,
          'crime-types',
          { section: 'crimeTypes', categories: await content.categories(tr.locale) },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: '/crime-types/:slug',
      access: 'public',
      audit: 'public.crime-type.view',
      handle: async ({ res, params }) => {
        const tr = translator();
        const slug = params.slug ?? '';
        const category = SLUG.test(slug) ? await content.category(slug, tr.locale) : undefined;
        if (!category) {
          res.status(404).render('errors/404.njk'); // the same page as any other missing address
          return;
        }
        renderPublic(
          res,
          'crime-type',
          {
            section: 'crimeTypes',
            category,
            channels: category.channels.map((c) => presentChannel(c, tr)),
          },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: '/where-to-report',
      access: 'public',
      audit: 'public.channels.view',
      handle: async ({ res }) => {
        const tr = translator();
        const channels = await content.channels(tr.locale);
        const group = (kind: string) =>
          channels.filter((c) => c.kind === kind).map((c) => presentChannel(c, tr));
        renderPublic(
          res,
          'channels',
          {
            section: 'whereToReport',
            emergency: group('emergency'),
            report: group('report'),
            support: group('support'),
          },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: '/staying-safe-online',
      access: 'public',
      audit: 'public.staying-safe.view',
      handle: ({ res }) => renderPublic(res, 'staying-safe', { section: 'stayingSafe' }),
    }),
    ...findHelpRoutes(content),
  ];
}
