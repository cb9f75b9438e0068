/** How the audit pages name the OCG register's records when an auditor resolves an id. */
import type { RecordNames } from '../audit/record-names.js';

export function registerGroupNames(names: RecordNames): void {
  names.register('ocg', {
    label: 'Organised crime group',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('ocg')
        .select(['reference', 'name'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.reference} ${row.name}` : null;
    },
  });
  names.register('scoring-model', {
    label: 'Harm scoring model',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('scoring_model')
        .select(['name', 'version'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.name}, version ${row.version}` : null;
    },
  });
  // Named through their OCG (the member's entity is named by the entity namer): labelled only.
  for (const [type, label] of [
    ['ocg-member', 'Member or associate of an OCG'],
    ['ocg-assessment', 'Harm assessment of an OCG'],
  ] as const) {
    names.register(type, { label, displayName: () => Promise.resolve(null) });
  }
}
