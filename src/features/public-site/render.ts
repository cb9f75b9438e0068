/** Renders a public page with what every public page needs: the catalogue, the menu, the area. */
import type { Response } from 'express';
import { LOCAL_AREA } from './find-help/place.js';
import { translator, type Translator } from './messages/index.js';

export type Section = 'home' | 'whatIsSoc' | 'crimeTypes' | 'findHelp' | 'whereToReport' | 'stayingSafe';

const MENU: readonly [Section, string][] = [
  ['home', '/'],
  ['whatIsSoc', '/what-is-serious-and-organised-crime'],
  ['crimeTypes', '/crime-types'],
  ['findHelp', '/find-help'],
  ['whereToReport', '/where-to-report'],
  ['stayingSafe', '/staying-safe-online'],
];

function navigation(tr: Translator, current: Section | undefined) {
  return MENU.map(([section, href]) => ({
    href,
    text: tr.t(`nav.${section}`),
    active: section === current,
    current: section === current,
  }));
}

/** Formats a 'YYYY-MM-DD' date as "23 November 2026". */
export function longDate(isoDate: string | null, locale: string): string | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return null;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function renderPublic(
  res: Response,
  view: string,
  data: Record<string, unknown> & { section?: Section },
  tr: Translator = translator(),
): void {
  res.render(`public-site/views/${view}.njk`, {
    ...data,
    t: tr.t,
    tm: tr.tm,
    htmlLang: tr.locale,
    localArea: LOCAL_AREA.name,
    publicNavigation: navigation(tr, data.section),
  });
}
