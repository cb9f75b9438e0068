/** How the audit pages name 4P plan records when an auditor resolves an id. */
import type { RecordNames } from '../audit/record-names.js';

export function registerPlanNames(names: RecordNames): void {
  names.register('plan', {
    label: '4P plan',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('plan')
        .select(['reference', 'title'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.reference}: ${row.title}` : null;
    },
  });
  names.register('plan-action', {
    label: 'Action in a 4P plan',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('plan_action as pa')
        .innerJoin('plan as p', 'p.id', 'pa.plan_id')
        .select(['p.reference', 'pa.strand'])
        .where('pa.id', '=', id)
        .executeTakeFirst();
      return row ? `Action (${row.strand}) in ${row.reference}` : null;
    },
  });
  names.register('disruption-impact', {
    label: 'Disruption impact of an action',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('disruption_impact as di')
        .innerJoin('plan_action as pa', 'pa.id', 'di.action_id')
        .innerJoin('plan as p', 'p.id', 'pa.plan_id')
        .select(['p.reference', 'di.rating'])
        .where('di.id', '=', id)
        .executeTakeFirst();
      return row ? `Disruption impact (${row.rating}) in ${row.reference}` : null;
    },
  });
  // A referral's name would be its victim's: labelled, never named.
  names.register('safeguarding-referral', {
    label: 'Safeguarding referral',
    displayName: () => Promise.resolve(null),
  });
}
