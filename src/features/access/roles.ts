import type { Permission } from './permissions.js';

const INTELLIGENCE_USER = ['workspace:view', 'intelligence:read'] as const;
const INTELLIGENCE_LEAD = [
  ...INTELLIGENCE_USER,
  'intelligence:export',
  'victims:read',
  'ocg:manage',
] as const;

/**
 * Roles as data: the partnership's own words, each with the permissions it grants. The auditor
 * reads the audit log but not the intelligence; the administrator manages accounts but reads no
 * intelligence either.
 */
export const ROLES = {
  'public-protection-analyst': {
    name: 'Public protection analyst (police)',
    permissions: INTELLIGENCE_LEAD,
  },
  'police-supervisor': { name: 'Police supervisor', permissions: INTELLIGENCE_LEAD },
  'council-officer': { name: 'Council officer', permissions: INTELLIGENCE_USER },
  'health-social-care-partner': {
    name: 'Health or social care partner',
    permissions: [...INTELLIGENCE_USER, 'victims:read'],
  },
  'information-governance': {
    name: 'Information governance and audit',
    permissions: ['workspace:view', 'audit:read'],
  },
  // The person accountable for their agency's information (HMG's information asset owner): they,
  // not an administrator, agree when another agency may see their records. They read none of it.
  'information-asset-owner': {
    name: 'Information asset owner',
    permissions: ['workspace:view', 'sharing:approve'],
  },
  'partnership-coordinator': {
    name: 'Partnership coordinator',
    permissions: [...INTELLIGENCE_LEAD, 'reference-data:manage'],
  },
  'system-administrator': {
    name: 'System administrator',
    permissions: ['workspace:view', 'accounts:manage'],
  },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>;

export type Role = keyof typeof ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}

/** A role's name as pages show it; a code no longer in the list is shown as it is. */
export function roleName(role: string): string {
  return isRole(role) ? ROLES[role].name : role;
}

/** The purpose a session starts with, until the person says otherwise. */
export function defaultPurpose(
  roles: readonly string[],
): 'information-governance' | 'account-administration' | 'crime-prevention' {
  if (roles.includes('information-governance')) return 'information-governance';
  if (roles.includes('system-administrator') && roles.length === 1) return 'account-administration';
  return 'crime-prevention';
}

/**
 * Permissions whose grant needs a second administrator: all but the workspace itself. That takes in
 * `accounts:manage` too, because an administrator who could make another administrator (whose
 * one-time password they are shown) could approve their own requests through that account.
 */
export function grantsNeedingApproval(from: readonly Role[], to: readonly Role[]): Permission[] {
  const had = permissionsOf(from);
  return [...permissionsOf(to)].filter(
    (permission) => permission !== 'workspace:view' && !had.has(permission),
  );
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLES[role].permissions));
}
