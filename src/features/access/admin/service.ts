/**
 * Administration as commands: each reads or changes accounts, agencies or sharing rules and
 * writes its one audit entry in the same transaction (if the entry cannot be written, nothing
 * happens and nothing is shown). The rules that stop an administrator locking themselves out
 * live in the commands, not in the pages. Built here from one file per use case.
 */
import type { Database } from '../../../db/database.js';
import type { Accounts } from '../accounts.js';
import type { Sessions } from '../sessions.js';
import { createAccessChanges } from './access-changes.js';
import { accountCommands, passwordCommands } from './account-commands.js';
import { agencyCommands } from './agency-commands.js';
import * as queries from './queries.js';
import { createSharingAdministration } from './sharing.js';
import { userAccessCommands, userReadCommands } from './user-commands.js';

export type { AdminRequest, Outcome } from './commands.js';
export { needsApproval, SHARING_APPROVER_ROLES } from './commands.js';

export interface AdministrationDependencies {
  database: Database;
  accounts: Accounts;
  sessions: Sessions;
  config: { signIn: { maxFailures: number; lockoutMinutes: number } };
}

export function createAdministration(dependencies: AdministrationDependencies) {
  const { database } = dependencies;
  const db = database.db;
  return {
    ...createAccessChanges(database),
    ...createSharingAdministration(database),
    ...agencyCommands(dependencies),
    ...userReadCommands(database),
    ...userAccessCommands(dependencies),
    ...accountCommands(dependencies),
    ...passwordCommands(dependencies),
    listSharingRules: () => queries.listSharingRules(db),
    sharingRule: (id: string) => queries.sharingRuleById(db, id),

    /** The newest changes of access of every kind, for information governance to watch. */
    recentAccessChanges: (limit = 20) => queries.recentAccessChanges(db, limit),
  };
}

export type Administration = ReturnType<typeof createAdministration>;
