import { describe, expect, it } from 'vitest';
import { diffPermissions } from './permission-diff.js';

describe('permission history diff (the shapes the server stores)', () => {
  it("diffs a role's grants: added, removed and a changed scope", () => {
    const before = { grants: [{ permission: 'customers.view', scope: 'own' }, { permission: 'staff.view', scope: 'all' }] };
    const after = { grants: [{ permission: 'customers.view', scope: 'unit' }, { permission: 'sms.send', scope: 'own' }] };
    expect(diffPermissions(before, after)).toEqual([
      { kind: 'changed', key: 'customers.view', before: 'own', after: 'unit' },
      { kind: 'added', key: 'sms.send', after: 'own' },
      { kind: 'removed', key: 'staff.view', before: 'all' },
    ]);
  });

  it("diffs a user's roles and groups, a group's members, and a deleted role", () => {
    expect(diffPermissions({ roleIds: ['r1'], groupIds: [] }, { roleIds: ['r1', 'r2'], groupIds: ['g1'] }).map((l) => [l.kind, l.key]))
      .toEqual([['added', 'g1'], ['added', 'r2']]);
    expect(diffPermissions({ memberIds: ['u1', 'u2'] }, { memberIds: ['u2'] }).map((l) => [l.kind, l.key])).toEqual([['removed', 'u1']]);
    expect(diffPermissions({ name: 'انباردار', grants: [{ permission: 'stock.view', scope: 'all' }] }, { deleted: true }))
      .toEqual([{ kind: 'removed', key: 'stock.view', before: 'all' }]);
    expect(diffPermissions(null, undefined)).toEqual([]);
  });
});
