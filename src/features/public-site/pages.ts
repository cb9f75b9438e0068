/**
 * Every public page, with example answers where a page needs them: the list the browser tests
 * check with axe, the page-weight test holds to 100 KB, and `npm run bench:pages` reports.
 */
export interface PublicPage {
  /** A short name for reports. */
  name: string;
  /** Path and query string. */
  path: string;
  /** The status the page answers with (a question shown with errors is 400). */
  status: number;
}

const ANSWERS = 'danger=no&about=illegal-drugs&detail=cuckooing&anonymous=yes';

export const PUBLIC_PAGES: readonly PublicPage[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'what is SOC', path: '/what-is-serious-and-organised-crime', status: 200 },
  { name: 'crime types', path: '/crime-types', status: 200 },
  { name: 'crime type (drugs)', path: '/crime-types/illegal-drugs', status: 200 },
  { name: 'crime type (fraud)', path: '/crime-types/fraud', status: 200 },
  { name: 'who to contact', path: '/where-to-report', status: 200 },
  { name: 'staying safe online', path: '/staying-safe-online', status: 200 },
  { name: 'find help: start', path: '/find-help', status: 200 },
  { name: 'find help: danger', path: '/find-help/danger', status: 200 },
  { name: 'find help: danger, not answered', path: '/find-help/danger?submitted=danger', status: 400 },
  { name: 'find help: call 999', path: '/find-help/call-999?danger=yes', status: 200 },
  { name: 'find help: about', path: '/find-help/about?danger=no', status: 200 },
  { name: 'find help: detail', path: '/find-help/detail?danger=no&about=illegal-drugs', status: 200 },
  {
    name: 'find help: anonymous',
    path: '/find-help/anonymous?danger=no&about=illegal-firearms',
    status: 200,
  },
  { name: 'find help: where', path: `/find-help/where?${ANSWERS}`, status: 200 },
  {
    name: 'find help: where, too long',
    path: `/find-help/where?${ANSWERS}&submitted=where&where=${'x'.repeat(41)}`,
    status: 400,
  },
  { name: 'find help: result', path: `/find-help/result?${ANSWERS}&where=TR1`, status: 200 },
  {
    name: 'find help: result, longest',
    path: '/find-help/result?danger=yes&about=child-sexual-exploitation&detail=online-grooming&anonymous=yes&where=',
    status: 200,
  },
  { name: 'not found', path: '/crime-types/no-such-crime', status: 404 },
];
