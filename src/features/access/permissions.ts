/**
 * Every permission a route may declare, as data. Roles map to these through an explicit table
 * (roles.ts), never by matching names. Routes declaring anything else stop the app at start.
 */
export const PERMISSIONS = {
  /** Open the partner workspace home page. */
  'workspace:view': 'Use the partner workspace',
  /** Create, disable and change user accounts, roles and agencies. */
  'accounts:manage': 'Manage user accounts, agencies and roles',
  /** Read the s62 audit log (not the records it names). */
  'audit:read': 'Read the audit log',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}
