/**
 * The search as one audited read, through the command kernel: the viewer, the search and its
 * one s62 consultation naming every record it shows, in one transaction: no entry, no results.
 */
import type { CommandKernel } from '../../../web/commands.js';
import type { Asker } from '../../../web/partner-pages.js';
import { recordsShown, search, type SearchCriteria, type SearchResult } from './queries.js';

export function auditedSearch(
  kernel: CommandKernel,
  asker: Asker,
  criteria: SearchCriteria,
): Promise<SearchResult> {
  return kernel.consulted(asker, async (tx, viewer) => {
    const result = await search(tx, viewer, criteria);
    return {
      value: result,
      entry: {
        action: 'consultation',
        recordType: 'search-results',
        recordIds: recordsShown(result),
        detail: {
          // What was asked is part of why these records were shown.
          query: criteria.text,
          filters: { ...criteria, text: undefined },
          entities: result.entities.matches.length,
          items: result.items.hits.length,
        },
      },
    };
  });
}
