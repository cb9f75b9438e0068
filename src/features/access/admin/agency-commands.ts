/** Agencies: the list, adding one, and which agency receives reports from the public (security entries). */
import type { Database } from '../../../db/database.js';
import type { Accounts, AgencyKind } from '../accounts.js';
import { done, entry, refused, type AdminRequest, type Outcome } from './commands.js';
import * as queries from './queries.js';

export function agencyCommands({ database, accounts }: { database: Database; accounts: Accounts }) {
  return {
    listAgencies: () => queries.listAgencies(database.db),

    async createAgency(
      request: AdminRequest,
      agency: { code: string; name: string; organisation: string; kind: AgencyKind },
    ): Promise<Outcome<string>> {
      return database.transaction(async (tx) => {
        if (await queries.agencyIdByCode(tx, agency.code)) {
          return refused({ code: 'An agency with this code already exists: choose another' });
        }
        const id = await accounts.createAgency(agency, tx);
        await entry(tx, request, {
          action: 'security',
          recordType: 'agency',
          recordIds: [id],
          detail: agency,
        });
        return done(id);
      });
    },

    async setReceivingAgency(request: AdminRequest, agencyId: string): Promise<Outcome> {
      return database.transaction(async (tx) => {
        if (!(await queries.agencyIdExists(tx, agencyId))) {
          return refused({ agency: 'Select the agency that receives reports from the public' });
        }
        const previous = await queries.setReceivingAgency(tx, agencyId);
        await entry(tx, request, {
          action: 'security',
          recordType: 'agency',
          recordIds: previous && previous !== agencyId ? [agencyId, previous] : [agencyId],
          detail: { receivesPublicReports: agencyId, previously: previous },
        });
        return done(null);
      });
    },
  };
}
