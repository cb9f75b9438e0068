/** The partner workspace's navigation: only the places the signed-in person may go. */
import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';

export interface NavigationItem {
  href: string;
  text: string;
  active: boolean;
}

const PLACES: readonly { href: string; text: string; permission: Permission }[] = [
  { href: '/partner', text: 'Home', permission: 'workspace:view' },
  { href: '/partner/intelligence', text: 'Intelligence', permission: 'intelligence:read' },
  { href: '/partner/search', text: 'Search', permission: 'intelligence:read' },
  { href: '/partner/ocgs', text: 'OCGs', permission: 'intelligence:read' },
  { href: '/partner/plans', text: 'Plans', permission: 'intelligence:read' },
  { href: '/partner/network', text: 'Network', permission: 'intelligence:read' },
  { href: '/partner/tactics', text: 'Tactics', permission: 'workspace:view' },
  { href: '/partner/admin/users', text: 'Users', permission: 'accounts:manage' },
  { href: '/partner/admin/agencies', text: 'Agencies', permission: 'accounts:manage' },
  { href: '/partner/admin/sharing', text: 'Sharing', permission: 'accounts:manage' },
  { href: '/partner/admin/access-changes', text: 'Approvals', permission: 'accounts:manage' },
  { href: '/partner/sharing-approvals', text: 'Sharing to approve', permission: 'sharing:approve' },
  { href: '/partner/audit', text: 'Audit log', permission: 'audit:read' },
];

export function navigationFor(principal: Principal, path: string): NavigationItem[] {
  if (principal.kind !== 'user') return [];
  return PLACES.filter((place) => principal.permissions.has(place.permission)).map((place) => ({
    href: place.href,
    text: place.text,
    active: place.href === '/partner' ? path === '/partner' : path.startsWith(place.href),
  }));
}
