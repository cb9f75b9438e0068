import type { Classification } from './markings.js';
import type { Permission } from './permissions.js';
import { mayAct, type RecordAction, type RecordType } from './policy.js';
import type { Role } from './roles.js';

/** Who is making a request. Public visitors are anonymous and stay so. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly agencyId: string;
      readonly roles: readonly Role[];
      readonly permissions: ReadonlySet<Permission>;
      readonly clearance: Classification;
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The one decision a route's declared access comes down to. */
export function mayUse(principal: Principal, access: 'public' | { permission: Permission }): boolean {
  if (access === 'public') return true;
  return principal.kind === 'user' && principal.permissions.has(access.permission);
}

/**
 * Whether the person's role allows the action on the type at all, whatever the record: the
 * policy's own `mayAct`, for pages deciding what to offer before any record is loaded. The policy
 * decides from permissions alone, so the viewer here needs no sharing or access lists.
 */
export function principalMayAct(principal: Principal, action: RecordAction, type: RecordType): boolean {
  if (principal.kind !== 'user') return false;
  return mayAct(
    {
      userId: principal.userId,
      agencyId: principal.agencyId,
      permissions: principal.permissions,
      clearance: principal.clearance,
      sharedFrom: new Map(),
      accessLists: new Set(),
    },
    action,
    type,
  );
}
