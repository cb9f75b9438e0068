import type { Classification } from './markings.js';
import type { Permission } from './permissions.js';
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
