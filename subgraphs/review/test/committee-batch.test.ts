// 评审结果 for many declarations at once (recordCommitteeResults): all recorded or none, each case
// authorised by the domain as a single result would be — another committee's case, one not yet at
// the committee, a made-up id, a malformed id or a repeated one refuses the whole list.
import { randomUUID } from 'node:crypto';
import { Role } from '@zhicheng/server-kit';
import {
  COMMITTEE_BATCH,
  decide,
  expectError,
  fieldCodes,
  passAndForward,
  reviewCase,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
let committee: Actor;
const ids: Record<string, string> = {};

/** Submitted, then passed by the unit (with its batch), the department and the bureau. */
async function atCommittee(name: string, committeeId = t.orgs.committee): Promise<string> {
  const route = t
    .fullRoute()
    .map((level) => (level.level === 'COMMITTEE' ? { ...level, organisationId: committeeId } : level));
  const { declarationId } = await t.submit(await t.applicant(name), unit, { route });
  await passAndForward(t, agent, [declarationId]);
  await decide(await t.department(), declarationId, 'PASS');
  await decide(await t.bureau(), declarationId, 'PASS');
  return declarationId;
}

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit('长春市第一机械制造有限公司');
  agent = await t.agent(unit);
  committee = await t.committee('评委会秘书 刘洋');
  for (const name of ['甲', '乙', '丙', '丁']) ids[name] = await atCommittee(name);
  ids['他会'] = await atCommittee('他会', t.orgs.otherCommittee);
  ids['未到'] = (await t.submit(await t.applicant('未到'), unit)).declarationId;
});
afterAll(() => t?.close());

const record = (
  actor: Actor,
  declarationIds: string[],
  result = 'PASS',
  opinion = '经评审委员会评议，通过。',
) =>
  actor.client.request<{
    recordCommitteeResults: Array<{ declarationId: string; phase: string; statusText: string }>;
  }>(COMMITTEE_BATCH, { ids: declarationIds, result, opinion });

const stateOf = async (id: string) => (await reviewCase(committee, id)).currentTask?.state ?? null;

describe('recordCommitteeResults', () => {
  it('records one result for several cases: each 终审通过, with its timeline entry and event', async () => {
    const answer = await record(committee, [ids['甲'], ids['乙']]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordCommitteeResults).toEqual([
      { declarationId: ids['甲'], phase: 'FINALLY_APPROVED', statusText: '终审通过', currentTask: null },
      { declarationId: ids['乙'], phase: 'FINALLY_APPROVED', statusText: '终审通过', currentTask: null },
    ]);
    for (const id of [ids['甲'], ids['乙']]) {
      const seen = await reviewCase(committee, id);
      expect(seen.timeline.at(-1)).toMatchObject({
        step: 'COMMITTEE_PASS',
        opinion: '经评审委员会评议，通过。',
        actorName: '评委会秘书 刘洋',
      });
      expect((await t.outbox(id)).map((e) => e.type)).toContain('DeclarationFinallyApproved');
    }
  });

  it('暂缓 keeps the cases at the committee (暂缓 queue); a later list may pass them', async () => {
    await record(committee, [ids['丙']], 'DEFER', '暂缓评审，待补充业绩材料。');
    expect(await stateOf(ids['丙'])).toBe('DEFERRED');
    const answer = await record(committee, [ids['丙']], 'FAIL', '经评审委员会评议，未通过。');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordCommitteeResults[0]).toMatchObject({ phase: 'TERMINATED' });
  });

  it('another committee’s case in the list refuses the whole list as NOT_FOUND, naming it; nothing changes', async () => {
    const error = expectError(
      await record(committee, [ids['丁'], ids['他会']]),
      'NOT_FOUND',
      'BATCH_REFUSED',
    );
    expect(error.extensions?.declarations).toEqual([
      expect.objectContaining({ declarationId: ids['他会'], code: 'NOT_FOUND' }),
    ]);
    expect(await stateOf(ids['丁'])).toBe('PENDING');
    const other = await t.staff(Role.COMMITTEE_SECRETARY, t.orgs.otherCommittee);
    expect((await reviewCase(other, ids['他会'])).currentTask?.state).toBe('PENDING');
    // And the other committee cannot record ours.
    expectError(await record(other, [ids['丁']]), 'NOT_FOUND', 'BATCH_REFUSED');
    expect(await stateOf(ids['丁'])).toBe('PENDING');
  });

  it('a case not yet at the committee, a finished one, or a made-up id refuses the list; nothing changes', async () => {
    const early = expectError(await record(committee, [ids['丁'], ids['未到']]), 'CONFLICT', 'BATCH_REFUSED');
    expect(early.extensions?.declarations).toEqual([
      expect.objectContaining({ declarationId: ids['未到'], reason: 'NOT_AT_COMMITTEE' }),
    ]);
    const finished = expectError(
      await record(committee, [ids['丁'], ids['甲']]),
      'CONFLICT',
      'BATCH_REFUSED',
    );
    expect(finished.extensions?.declarations).toEqual([
      expect.objectContaining({ declarationId: ids['甲'], code: 'CONFLICT' }),
    ]);
    const madeUp = randomUUID();
    const missing = expectError(await record(committee, [ids['丁'], madeUp]), 'NOT_FOUND', 'NOT_ON_ROUTE');
    expect(missing.extensions?.declarations).toEqual([expect.objectContaining({ declarationId: madeUp })]);
    expect(await stateOf(ids['丁'])).toBe('PENDING');
  });

  it('bad input is named at once: an empty list, no opinion, malformed and repeated ids', async () => {
    expect(fieldCodes(expectError(await record(committee, [], 'PASS', '  '), 'BAD_USER_INPUT'))).toEqual([
      'declarationIds:BATCH_EMPTY',
      'opinion:OPINION_REQUIRED',
    ]);
    expect(fieldCodes(expectError(await record(committee, ['x', ids['丁']]), 'BAD_USER_INPUT'))).toEqual([
      'declarationIds.0:INVALID_ID',
    ]);
    expect(
      fieldCodes(
        expectError(
          await record(committee, [ids['丁'], ids['丁']], 'PASS', '好'.repeat(501)),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['declarationIds.1:BATCH_DUPLICATE', 'opinion:OPINION_TOO_LONG']);
    expect(
      fieldCodes(
        expectError(
          await record(
            committee,
            Array.from({ length: 201 }, () => randomUUID()),
          ),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['declarationIds:BATCH_TOO_LARGE']);
    expect(await stateOf(ids['丁'])).toBe('PENDING');
  });

  it('only committee secretaries record results: the bureau, the unit and the applicant are refused', async () => {
    expectError(await record(await t.bureau(), [ids['丁']]), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await record(agent, [ids['丁']]), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await record(await t.applicant(), [ids['丁']]), 'FORBIDDEN');
    expectError(
      await t.client().request(COMMITTEE_BATCH, { ids: [ids['丁']], result: 'PASS', opinion: '通过' }),
      'UNAUTHENTICATED',
    );
    expect(await stateOf(ids['丁'])).toBe('PENDING');
  });
});
