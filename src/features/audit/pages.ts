/** What every audit page shares: the permission, the purpose it works for, and its services. */
import type { Response } from 'express';
import type { AuditConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Sessions } from '../access/sessions.js';
import type { RecordNames } from './record-names.js';

export const AUDIT_READ = { permission: 'audit:read' } as const;

export interface AuditPageDependencies {
  database: Database;
  sessions: Sessions;
  recordNames: RecordNames;
  /** Where the signed checkpoints are, and the key that checks them: the latest is shown. */
  checkpoints: Pick<AuditConfig, 'checkpointDir' | 'key'>;
}

/** Every audit page works for information governance: the purpose of each entry they write. */
export function forInformationGovernance(res: Response): void {
  res.locals.audit.purpose = 'information-governance';
  res.setHeader('Cache-Control', 'no-store');
}
