/** How the audit pages name intelligence records when an auditor resolves an id (DECISIONS 19). */
import type { RecordNames } from '../audit/record-names.js';

export function registerIntelligenceNames(names: RecordNames): void {
  names.register('entity', {
    label: 'Person, business, place or thing',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('entity')
        .select(['schema', 'caption'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.caption} (${row.schema})` : null;
    },
  });
  names.register('intelligence-item', {
    label: 'Intelligence item',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('intelligence_item')
        .select('reference')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.reference ?? null;
    },
  });
}
