/**
 * Every permission a route may declare, as data. Roles map to these through an explicit table
 * (roles.ts), never by matching names. Routes declaring anything else stop the app at start.
 */
export const PERMISSIONS = {
  /** Open the partner workspace home page. */
  'workspace:view': 'Use the partner workspace',
  /** Read intelligence (reports, and later entities and OCGs) that markings and sharing allow. */
  'intelligence:read': 'Read intelligence the markings allow',
  /** Export or share intelligence onward: a disclosure, subject to the handling code. */
  'intelligence:export': 'Export or share intelligence',
  /** Read victims' details and safeguarding referrals. */
  'victims:read': 'Read victim and safeguarding details',
  /** Open, change and score OCGs, and build 4P plans for them (police leads and the coordinator). */
  'ocg:manage': 'Manage OCGs and 4P plans',
  /** Edit the partnership's reference data: the tactics library and harm scoring models. */
  'reference-data:manage': 'Edit the tactics library and scoring models',
  /** Create, disable and change user accounts, roles, agencies and sharing rules. */
  'accounts:manage': 'Manage user accounts, agencies, roles and sharing',
  /**
   * Approve or reject sharing rules that would let another agency see the holder's own agency's
   * records: the information sharing agreement, agreed by the records' owner.
   */
  'sharing:approve': "Approve sharing of your agency's records",
  /** Read the s62 audit log (not the records it names). */
  'audit:read': 'Read the audit log',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}
