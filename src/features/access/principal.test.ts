import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Permission } from './permissions.js';
import { ANONYMOUS, principalMayAct, type Principal } from './principal.js';

const partner = (permissions: Permission[]): Principal => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  agencyId: '00000000-0000-4000-8000-000000000002',
  roles: [],
  permissions: new Set(permissions),
  clearance: 'OFFICIAL',
});

describe('principalMayAct: the policy’s rule for an action on a type, before any record', () => {
  it('allows what the role’s permissions allow, and nothing else', () => {
    assert.equal(principalMayAct(partner(['ocg:manage']), 'create', 'plan'), true);
    assert.equal(principalMayAct(partner(['intelligence:read']), 'create', 'plan'), false);
    assert.equal(principalMayAct(partner(['reference-data:manage']), 'update', 'tactic'), true);
    assert.equal(principalMayAct(partner(['workspace:view']), 'update', 'tactic'), false);
    assert.equal(principalMayAct(partner(['intelligence:export']), 'export', 'entity'), true);
  });

  it('asks for both permissions where the type needs another as well (victims)', () => {
    const referral = ['export', 'safeguarding-referral'] as const;
    assert.equal(principalMayAct(partner(['intelligence:export']), ...referral), false);
    assert.equal(principalMayAct(partner(['intelligence:export', 'victims:read']), ...referral), true);
  });

  it('allows nothing to someone not signed in', () => {
    assert.equal(principalMayAct(ANONYMOUS, 'read', 'tactic'), false);
  });
});
