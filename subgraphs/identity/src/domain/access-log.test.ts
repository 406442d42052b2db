import { encodeCursor, ITEM_WORDS, VIEWER_ROLES, viewerRoleOf } from './access-log';

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
