/**
 * The workspace home: what the signed-in partner may see, counted through the one access policy.
 * Counts name no one, so they are not an s62 consultation; opening the records is. Each count
 * stops at HOME_COUNT_CAP ("1,000+"): a partnership holds millions of records, and the page is a
 * summary, not a census, so a visit reads at most that many rows of each type.
 */
import type { Database } from '../../db/database.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { mayAct, type RecordType } from './policy.js';
import type { RecordSource } from './records.js';
import { loadViewer } from './viewer.js';

export const HOME_COUNT_CAP = 1000;

/** A count as the page shows it: "1,000+" beyond the cap. */
export function shownCount(count: number, cap = HOME_COUNT_CAP): string {
  return count > cap ? `${cap.toLocaleString('en-GB')}+` : count.toLocaleString('en-GB');
}

const LABELS: Record<RecordType, string> = {
  'public-report': 'Reports from the public',
  'public-report-file': 'Files sent with public reports',
  user: 'User accounts',
  agency: 'Agencies',
  'sharing-rule': 'Sharing rules',
  'audit-entry': 'Audit log entries',
  'intelligence-item': 'Intelligence items',
  'intelligence-original': 'Original words of intelligence items',
  entity: 'People, businesses, places and things',
  link: 'Links between them',
  involvement: 'Involvements of people in intelligence',
  ocg: 'Organised crime groups',
  'ocg-member': 'Members and associates of OCGs',
  'ocg-assessment': 'Harm assessments of OCGs',
  'scoring-model': 'Harm scoring models',
  tactic: 'Tactics and powers',
  plan: '4P plans',
  'plan-action': 'Actions in 4P plans',
  'disruption-impact': 'Disruption impact ratings',
  'safeguarding-referral': 'Safeguarding referrals',
};

export function workspaceHomeRoutes(database: Database, sources: readonly RecordSource[]): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/partner',
      access: { permission: 'workspace:view' },
      audit: 'partner.home.view',
      handle: async ({ res }) => {
        const principal = res.locals.principal;
        if (principal.kind !== 'user') return res.redirect(303, '/partner/sign-in');
        const rows = await database.transaction(async (tx) => {
          const viewer = await loadViewer(tx, principal);
          const counted = [];
          for (const source of sources) {
            if (!mayAct(viewer, 'count', source.type)) continue;
            const count = await source.count(tx, viewer, { cap: HOME_COUNT_CAP + 1 });
            counted.push({ label: LABELS[source.type], count: shownCount(count) });
          }
          return counted;
        });
        res.render('access/views/workspace-home.njk', { rows });
      },
    }),
  ];
}
