// The permission matrix: its documentation is current, and jurisdictions fit the roles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPermissionsMarkdown } from '../../src/domain/permissions-doc.ts';
import { can, inJurisdiction, jurisdictionFits, MATRIX, UNION_ROLES } from '../../src/domain/roles.ts';

describe('roles and jurisdictions', () => {
  it('docs/permissions.md is generated from the matrix (npm run docs)', () => {
    expect(readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8')).toBe(
      renderPermissionsMarkdown(),
    );
  });
  it('Union-level roles hold no permission over personal data', () => {
    for (const role of UNION_ROLES)
      for (const p of ['encounter.record', 'case.read', 'queue.read'] as const)
        expect(can(role, p)).toBe(false);
  });
  it('a Union-level role works for the EU only; a border guard for one state only; an administrator for either', () => {
    expect(jurisdictionFits('analyst', 'EU')).toBe(true);
    expect(jurisdictionFits('analyst', 'LT')).toBe(false);
    expect(jurisdictionFits('border-guard', 'EU')).toBe(false);
    expect(jurisdictionFits('administrator', 'EU')).toBe(true);
    expect(jurisdictionFits('administrator', 'PL')).toBe(true);
  });
  it("personal data only inside the user's own state", () => {
    const guard = { userId: 'u', username: 'g', role: 'border-guard' as const, jurisdiction: 'LT' };
    expect(inJurisdiction(guard, 'LT')).toBe(true);
    expect(inJurisdiction(guard, 'PL')).toBe(false);
    expect(inJurisdiction({ ...guard, role: 'analyst', jurisdiction: 'EU' }, 'LT')).toBe(false);
  });
  it('aggregates are for every role', () => {
    expect(MATRIX['aggregates.read']).toHaveLength(10);
  });
});
