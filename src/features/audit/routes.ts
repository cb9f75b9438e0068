/**
 * The audit log's self-service for information governance: who looked at what, when and why.
 * Reading the log is itself a consultation of personal data (staff names) and the CSV a
 * disclosure, so each request reads and writes its own audit entry in one transaction, through
 * the command kernel (reads.ts): if the entry cannot be written, nothing is shown (fail-closed).
 * The routes are collected here from one file per use case.
 */
import type { RouteSpec } from '../../web/routes.js';
import { auditLogRoutes } from './log-routes.js';
import type { AuditPageDependencies } from './pages.js';
import { recordHistoryRoutes, resolveRoutes } from './record-routes.js';

export type { AuditPageDependencies } from './pages.js';
export { MAX_EXPORT_ROWS } from './reads.js';

export function auditRoutes(dependencies: AuditPageDependencies): RouteSpec[] {
  return [
    ...auditLogRoutes(dependencies),
    ...recordHistoryRoutes(dependencies),
    ...resolveRoutes(dependencies),
  ];
}
