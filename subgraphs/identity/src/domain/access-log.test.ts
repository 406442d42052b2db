import { Role, type Principal } from '@zhicheng/server-kit';
import { encodeCursor, fullIdNumberReader, ITEM_WORDS, VIEWER_ROLES, viewerRoleOf } from './access-log';

describe('access-log words', () => {
  it('names the viewer’s role from the token: unit accounts by kind, staff by their review role', () => {
    expect(viewerRoleOf({ kind: 'AGENT', roles: ['UNIT_AGENT'] })).toBe('UNIT_AGENT');
    expect(viewerRoleOf({ kind: 'LEGAL_PERSON', roles: ['LEGAL_PERSON'] })).toBe('UNIT_LEGAL_PERSON');
    expect(viewerRoleOf({ kind: 'STAFF', roles: ['DEPARTMENT_REVIEWER'] })).toBe('DEPARTMENT_REVIEWER');
    expect(viewerRoleOf({ kind: 'STAFF', roles: ['BUREAU_REVIEWER'] })).toBe('BUREAU_REVIEWER');
    expect(viewerRoleOf({ kind: 'STAFF', roles: ['COMMITTEE_SECRETARY'] })).toBe('COMMITTEE_SECRETARY');
    expect(viewerRoleOf({ kind: 'CLIENT', roles: [] })).toBe('THIRD_PARTY');
    expect(viewerRoleOf({ kind: 'STAFF', roles: [] })).toBe('OTHER');
    expect(viewerRoleOf({ kind: 'SOMETHING_NEW', roles: [] })).toBe('OTHER');
  });

  it('has Chinese and English words for every role and item', () => {
    for (const words of [...Object.values(VIEWER_ROLES), ...Object.values(ITEM_WORDS)]) {
      expect(words.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(words.en).toMatch(/^[A-Z]/);
    }
  });

  it('makes opaque cursors of the line’s time and id', () => {
    const cursor = encodeCursor({
      viewedAt: new Date('2026-12-02T08:00:00Z'),
      id: '11111111-1111-4111-8111-111111111111',
    });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([
      '2026-12-02T08:00:00.000Z',
      '11111111-1111-4111-8111-111111111111',
    ]);
  });
});

describe('fullIdNumberReader', () => {
  const PERSON = '11111111-1111-4111-8111-111111111111';
  const UNIT = '22222222-2222-4222-8222-222222222222';
  const pendingAt = (unitIds: string[]) => async (unitId: string) => unitIds.includes(unitId);
  const as = (kind: Principal['kind'], role: Role, extra: Partial<Principal> = {}): Principal => ({
    accountId: 'a',
    kind,
    roles: [role],
    displayName: 'x',
    ...extra,
  });

  it('lets the person and the unit deciding a waiting request read it; nobody else', async () => {
    const agent = as('AGENT', Role.UNIT_AGENT, { unitId: UNIT });
    expect(
      await fullIdNumberReader(as('PERSON', Role.APPLICANT, { accountId: PERSON }), PERSON, pendingAt([])),
    ).toBe('SELF');
    expect(await fullIdNumberReader(agent, PERSON, pendingAt([UNIT]))).toBe('DECIDING_UNIT');
    const legalPerson = as('LEGAL_PERSON', Role.LEGAL_PERSON, { accountId: UNIT });
    expect(await fullIdNumberReader(legalPerson, PERSON, pendingAt([UNIT]))).toBe('DECIDING_UNIT');
    expect(await fullIdNumberReader(agent, PERSON, pendingAt([]))).toBeNull();
    const staff = as('STAFF', Role.BUREAU_REVIEWER, { organisationId: UNIT });
    expect(await fullIdNumberReader(staff, PERSON, pendingAt([UNIT]))).toBeNull();
    const otherPerson = as('PERSON', Role.APPLICANT, { accountId: UNIT });
    expect(await fullIdNumberReader(otherPerson, PERSON, pendingAt([UNIT]))).toBeNull();
    expect(await fullIdNumberReader(null, PERSON, pendingAt([UNIT]))).toBeNull();
  });
});
