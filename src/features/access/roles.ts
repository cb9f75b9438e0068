import type { Permission } from './permissions.js';

/** Roles as data: the partnership's own words, each with the permissions it grants. */
export const ROLES = {
  'public-protection-analyst': {
    name: 'Public protection analyst (police)',
    permissions: ['workspace:view'],
  },
  'police-supervisor': { name: 'Police supervisor', permissions: ['workspace:view'] },
  'council-officer': { name: 'Council officer', permissions: ['workspace:view'] },
  'health-social-care-partner': {
    name: 'Health or social care partner',
    permissions: ['workspace:view'],
  },
  'information-governance': {
    name: 'Information governance and audit',
    permissions: ['workspace:view', 'audit:read'],
  },
  'partnership-coordinator': { name: 'Partnership coordinator', permissions: ['workspace:view'] },
  'system-administrator': {
    name: 'System administrator',
    permissions: ['workspace:view', 'accounts:manage'],
  },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>;

export type Role = keyof typeof ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}
