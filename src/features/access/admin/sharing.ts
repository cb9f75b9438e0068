/**
 * Sharing rules: one agency's records of a type shared with another. A new rule waits for an
 * information asset owner of the agency whose records it shares.
 */
import type { Database } from '../../../db/database.js';
import {
  done,
  entry,
  notFound,
  refused,
  securityEntry,
  SHARING_APPROVER_ROLES,
  type AdminRequest,
  type Outcome,
} from './commands.js';
import * as queries from './queries.js';

export function createSharingAdministration(database: Database) {
  return { ...sharingRequests(database), ...sharingDecisions(database), ...sharingRemoval(database) };
}

/** Rules asked for, and those waiting for their owner. */
function sharingRequests(database: Database) {
  const db = database.db;
  return {
    /** Sharing rules waiting for their owner's approval, each with who may approve it. */
    async pendingSharing(ownerAgencyId?: string) {
      const changes = await queries.pendingAccessChanges(db, {
        kind: 'sharing-rule',
        ...(ownerAgencyId ? { ownerAgencyId } : {}),
      });
      return Promise.all(
        changes.map(async (change) => ({
          ...change,
          approvers: await queries.sharingApproversOf(
            db,
            change.owner_agency_id ?? '',
            SHARING_APPROVER_ROLES,
          ),
        })),
      );
    },

    /**
     * Asks for a sharing rule. It exists only once an information asset owner of the agency whose
     * records it shares approves it: an administrator cannot give one agency another's records.
     */
    async addSharingRule(
      request: AdminRequest,
      rule: { ownerAgencyId: string; partnerAgencyId: string; recordType: string },
    ): Promise<Outcome<string>> {
      return database.transaction(async (tx) => {
        if (!(await queries.agencyIdExists(tx, rule.ownerAgencyId))) {
          return refused({ owner: 'Select the agency that owns the records' });
        }
        if (!(await queries.agencyIdExists(tx, rule.partnerAgencyId))) {
          return refused({ partner: 'Select the agency they are shared with' });
        }
        if (await queries.sharingRuleExists(tx, rule)) {
          return refused({ partner: 'These records are already shared with this agency' });
        }
        if (await queries.pendingSharingExists(tx, rule)) {
          return refused({
            partner: 'Sharing these records with this agency is already waiting for approval',
          });
        }
        const id = await queries.insertAccessChange(tx, {
          kind: 'sharing-rule',
          status: 'pending',
          requestedBy: request.actorUserId,
          ...rule,
        });
        await securityEntry(tx, request, {
          recordType: 'access-change',
          recordIds: [id],
          detail: {
            change: 'sharing-requested',
            owner: rule.ownerAgencyId,
            partner: rule.partnerAgencyId,
            recordType: rule.recordType,
          },
        });
        return done(id);
      });
    },
  };
}

/** The owners' decisions on requests to share their agency's records. */
function sharingDecisions(database: Database) {
  return {
    /**
     * The owner's answer to a sharing request: only a holder of `sharing:approve` in the agency
     * whose records it shares, and never the person who asked. Approval makes the rule.
     */
    async decideSharing(
      request: AdminRequest,
      approver: { agencyId: string },
      id: string,
      decision: 'approved' | 'rejected',
    ): Promise<Outcome<'approved' | 'rejected'>> {
      return database.transaction(async (tx) => {
        const change = await queries.accessChangeById(tx, id);
        // Another agency's request is not found: an owner sees only requests about their records.
        if (!change || change.kind !== 'sharing-rule' || change.owner_agency_id !== approver.agencyId) {
          return notFound;
        }
        if (change.status !== 'pending') {
          return refused({ '': 'This request has already been decided' });
        }
        if (change.requested_by === request.actorUserId) {
          return refused({ '': 'You asked for this sharing: another owner of these records must decide it' });
        }
        const rule = {
          ownerAgencyId: change.owner_agency_id,
          partnerAgencyId: change.partner_agency_id ?? '',
          recordType: change.record_type ?? '',
        };
        let ruleId: string | undefined;
        if (decision === 'approved' && !(await queries.sharingRuleExists(tx, rule))) {
          ruleId = await queries.addSharingRule(tx, {
            ...rule,
            createdBy: change.requested_by ?? request.actorUserId,
          });
        }
        await queries.decideAccessChange(tx, id, {
          status: decision,
          decidedBy: request.actorUserId,
          ...(ruleId ? { sharingRuleId: ruleId } : {}),
        });
        await securityEntry(tx, request, {
          recordType: ruleId ? 'sharing-rule' : 'access-change',
          recordIds: ruleId ? [ruleId, id] : [id],
          detail: {
            change: decision === 'approved' ? 'sharing-approved' : 'sharing-rejected',
            owner: rule.ownerAgencyId,
            partner: rule.partnerAgencyId,
            recordType: rule.recordType,
            requestedBy: change.requested_by,
          },
        });
        return done(decision);
      });
    },
  };
}

/** Removing a rule. */
function sharingRemoval(database: Database) {
  return {
    /** Stops a sharing rule at once: narrowing access needs nobody's approval, but is recorded. */
    async removeSharingRule(request: AdminRequest, id: string): Promise<Outcome> {
      return database.transaction(async (tx) => {
        const rule = await queries.sharingRuleById(tx, id);
        if (!rule || !(await queries.removeSharingRule(tx, id))) return notFound;
        const change = await queries.insertAccessChange(tx, {
          kind: 'sharing-rule-removal',
          status: 'applied',
          requestedBy: request.actorUserId,
          ownerAgencyId: rule.owner_id,
          partnerAgencyId: rule.partner_id,
          recordType: rule.record_type,
        });
        await entry(tx, request, {
          action: 'security',
          recordType: 'sharing-rule',
          recordIds: [id],
          detail: {
            owner: rule.owner_id,
            partner: rule.partner_id,
            recordType: rule.record_type,
            accessChange: change,
          },
        });
        return done(null);
      });
    },
  };
}
