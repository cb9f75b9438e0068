/**
 * Who is importing, and whether they may: the same policy as every other write. The CLI names a
 * partner user with --as; the partner page is the signed-in user. Either way the records belong to
 * the importer's own agency and carry markings the importer is cleared for.
 */
import type { Queryable } from '../../../db/database.js';
import { coveredBy, isClassification } from '../../access/markings.js';
import { mayAct, type Viewer } from '../../access/policy.js';
import { defaultPurpose, isRole, permissionsOf } from '../../access/roles.js';
import { loadViewer } from '../../access/viewer.js';
import type { AuditContext } from '../../audit/audit-log.js';
import type { Mapping } from './mapping.js';

export interface Importer {
  userId: string;
  agencyId: string;
  agencyCode: string;
  /** How the import's item and summary name the person: their email address. */
  label: string;
  viewer: Viewer;
  audit: AuditContext;
}

/** The importer may not import this (a refusal, not a failure: exit code 2 on the command line). */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

/** The CLI's importer: an enabled partner user, audited as the system acting for that operator. */
export async function importerByEmail(q: Queryable, email: string): Promise<Importer> {
  const user = await q
    .selectFrom('app_user')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .select([
      'app_user.id',
      'app_user.email',
      'app_user.clearance',
      'app_user.disabled_at',
      'agency.id as agency_id',
      'agency.code as agency_code',
    ])
    .where('app_user.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) {
    throw new ImportRefused(`No enabled partner user has the email address ${email}`);
  }
  const roles = (await q.selectFrom('user_role').select('role').where('user_id', '=', user.id).execute())
    .map((row) => row.role)
    .filter(isRole);
  const clearance = isClassification(user.clearance) ? user.clearance : 'OFFICIAL';
  const viewer = await loadViewer(q, {
    kind: 'user',
    userId: user.id,
    agencyId: user.agency_id,
    roles,
    permissions: permissionsOf(roles),
    clearance,
  });
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.agency_code,
    label: user.email,
    viewer,
    audit: {
      actor: { kind: 'system', name: `lantern import, operator ${user.email}` },
      requestId: null,
      purpose: defaultPurpose(roles),
      justification: null,
      written: 0,
    },
  };
}

/** Refuses an import the importer may not make, saying why in words they can act on. */
export function checkImporter(importer: Importer, mapping: Mapping): void {
  if (!mayAct(importer.viewer, 'create', 'entity') || !mayAct(importer.viewer, 'create', 'link')) {
    throw new ImportRefused(`${importer.label} may not add intelligence (their roles do not allow it)`);
  }
  if (mapping.agency !== importer.agencyCode) {
    throw new ImportRefused(
      `The mapping's records belong to the agency "${mapping.agency}", but ${importer.label} works for "${importer.agencyCode}": an agency imports only its own records`,
    );
  }
  if (!coveredBy(importer.viewer.clearance).includes(mapping.markings.classification)) {
    throw new ImportRefused(
      `${importer.label} is not cleared for ${mapping.markings.classification}, the mapping's classification`,
    );
  }
}
