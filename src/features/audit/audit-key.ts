/**
 * The key this process keys the audit chain with. Writers deep in every feature hold a transaction,
 * not the config, so the composition root (`buildLantern`) and the CLI set it once from
 * `config.audit.key` before anything is written. Until then it is the published development key,
 * which production never runs with (the config refuses to start without a real one).
 */
import { DEVELOPMENT_AUDIT_KEY } from '../../config.js';

let current: Buffer = DEVELOPMENT_AUDIT_KEY;

export function useAuditKey(key: Buffer): void {
  current = key;
}

export function auditKey(): Buffer {
  return current;
}
