import { createHash } from 'node:crypto';
import {
  appendAudit,
  applyReviewAction,
  auditHash,
  canonicalJson,
  chainTimeline,
  verifyAuditChain,
  type AuditRecord,
  type Sequenced,
  type TimelineEntry,
} from '../../src/domain';
import { batch, clock, ok, PASS_OPINION, start, unitAgent } from './fixtures';

/** A short real history: submit, the unit's pass, its forwarding. */
function history(): TimelineEntry[] {
  const state = start();
  const passed = ok(
    applyReviewAction(
      state,
      { type: 'DECIDE', decision: 'PASS', opinion: PASS_OPINION },
      unitAgent,
      clock(1),
    ),
  );
  const forwarded = ok(applyReviewAction(passed.state, { type: 'FORWARD', batch }, unitAgent, clock(2)));
  return [
    {
      ...passed.timeline[0],
      step: 'SUBMIT',
      stepText: '提交申报',
      level: 'APPLICANT',
      opinion: null,
      at: clock(0).toISOString(),
    },
    ...passed.timeline,
    ...forwarded.timeline,
  ];
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: '审' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":"审","z":null}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ at: new Date() })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
  });
});

describe('the audit chain', () => {
  it('hashes SHA-256 over the canonical entry with the previous hash', () => {
    const first = appendAudit(null, { sequence: 0, note: '提交申报' });
    expect(first.previousHash).toBeNull();
    expect(first.hash).toBe(
      createHash('sha256').update('{"note":"提交申报","previousHash":null,"sequence":0}').digest('hex'),
    );
    const second = appendAudit(first.hash, { sequence: 1, note: '通过' });
    expect(second.previousHash).toBe(first.hash);
    expect(auditHash(second)).toBe(second.hash);
    expect(() => appendAudit(null, { ...first })).toThrow(TypeError);
  });

  it('verifies a real history, also after a round trip that reorders keys (jsonb)', () => {
    const records = chainTimeline(history(), null);
    expect(records.map((r) => r.sequence)).toEqual([0, 1, 2]);
    const head = { sequence: 2, hash: records[2].hash };
    expect(verifyAuditChain(records, { head })).toEqual({ ok: true, length: 3, head });
    const shuffled = records.map(
      (r) => Object.fromEntries(Object.entries(r).reverse()) as unknown as AuditRecord<Sequenced>,
    );
    expect(verifyAuditChain(shuffled, { head }).ok).toBe(true);
    // Appending continues the chain from its head.
    const more = chainTimeline(history().slice(0, 1), head);
    expect(more[0]).toMatchObject({ sequence: 3, previousHash: head.hash });
    expect(verifyAuditChain([...records, ...more]).ok).toBe(true);
  });

  it('reports the first altered, removed, reordered or duplicated entry', () => {
    const records = chainTimeline([...history(), ...history()], null);
    const altered = records.map((r, i) => (i === 2 ? { ...r, opinion: '同意。' } : r));
    expect(verifyAuditChain(altered)).toEqual({
      ok: false,
      index: 2,
      reason: 'ALTERED',
      message: '第3条审核记录的内容已被改动',
    });
    const removed = records.filter((_, i) => i !== 1);
    expect(verifyAuditChain(removed)).toMatchObject({
      index: 1,
      reason: 'MISSING',
      message: '第2条审核记录之前缺少1条记录',
    });
    const swapped = [records[0], records[2], records[1], ...records.slice(3)];
    expect(verifyAuditChain(swapped)).toMatchObject({ index: 1, reason: 'REORDERED' });
    const copied = [...records.slice(0, 3), records[1], ...records.slice(3)];
    expect(verifyAuditChain(copied)).toMatchObject({ index: 3, reason: 'DUPLICATED' });
    // A forger rewrites entry 3 and gives it a fresh hash: entry 4 no longer follows it.
    const rehashed = records.map((r, i) => {
      if (i !== 2) return r;
      const changed = { ...r, actorName: '他人' };
      return { ...changed, hash: auditHash(changed) };
    });
    expect(verifyAuditChain(rehashed)).toMatchObject({ index: 3, reason: 'BROKEN_LINK' });
    expect(verifyAuditChain([records[0], { ...records[1], hash: 42 } as never])).toMatchObject({
      index: 1,
      reason: 'MALFORMED',
    });
  });

  it('needs the kept head to notice entries cut off the end or a rewritten tail', () => {
    const records = chainTimeline(history(), null);
    const head = { sequence: 2, hash: records[2].hash };
    expect(verifyAuditChain(records.slice(0, 2)).ok).toBe(true);
    expect(verifyAuditChain(records.slice(0, 2), { head })).toEqual({
      ok: false,
      index: 2,
      reason: 'TRUNCATED',
      message: '最后1条审核记录缺失',
    });
    expect(verifyAuditChain([], { head })).toMatchObject({ index: 0, reason: 'TRUNCATED' });
    const forged = chainTimeline(
      history().map((e) => ({ ...e, opinion: '伪造' })),
      null,
    );
    expect(verifyAuditChain(forged).ok).toBe(true);
    expect(verifyAuditChain(forged, { head })).toMatchObject({ index: 2, reason: 'HEAD_MISMATCH' });
  });
});
