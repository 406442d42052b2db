// 人才分类定级 评审结果 through the API against real PostgreSQL: after 材料审核通过 the bureau that
// holds the route's last seat records 暂缓 / 通过 (with the class awarded) / 不通过; its queue shows
// the case 待审 then 暂缓; the applicant reads it in the timeline; the events carry the kind and
// the class; nobody else may record it, and nobody twice.
import { Role } from '@zhicheng/server-kit';
import {
  decide,
  expectError,
  fieldCodes,
  passAndForward,
  QUEUE,
  reviewCase,
  startTestReview,
  TALENT_RESULT,
  talentResult,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
let bureau: Actor;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit('长春市第一人民医院');
  agent = await t.agent(unit);
  bureau = await t.bureau('省厅审核员 王敏');
});
afterAll(() => t?.close());

/** A talent declaration at 材料审核通过, waiting for the bureau's result. */
async function awaitingResult(applicant?: Actor, talentLevelCode?: 'B' | 'C' | null) {
  const person = applicant ?? (await t.applicant('刘洋'));
  const { declarationId } = await t.submit(person, unit, {
    route: t.talentRoute(),
    channelCode: 'TALENT_CLASSIFICATION',
    talentLevelCode,
  });
  await passAndForward(t, agent, [declarationId]);
  await decide(bureau, declarationId, 'PASS', { opinion: '材料齐全，同意认定。' });
  return { declarationId, applicant: person };
}

async function queueIds(actor: Actor, state: string): Promise<string[]> {
  const page = await actor.client.ok<{
    reviewQueue: { edges: Array<{ node: { declarationId: string } }> };
  }>(QUEUE, { state, first: 100 });
  return page.reviewQueue.edges.map((e) => e.node.declarationId);
}

describe('the bureau records the 人才分类定级 result', () => {
  it('暂缓 then 通过: queues, timeline, status and events', async () => {
    const { declarationId, applicant } = await awaitingResult();
    expect(await queueIds(bureau, 'PENDING')).toContain(declarationId);

    const deferred = await talentResult(bureau, declarationId, 'DEFER', {
      opinion: '认定材料待进一步核实，暂缓认定。',
    });
    expect(deferred).toMatchObject({
      phase: 'IN_REVIEW',
      status: 'MATERIALS_APPROVED',
      currentTask: { level: 'BUREAU', state: 'DEFERRED', stateText: '暂缓', origin: 'MATERIALS_APPROVED' },
    });
    expect(await queueIds(bureau, 'PENDING')).not.toContain(declarationId);
    expect(await queueIds(bureau, 'DEFERRED')).toContain(declarationId);

    const passed = await talentResult(bureau, declarationId, 'PASS');
    expect(passed).toMatchObject({
      phase: 'FINALLY_APPROVED',
      status: 'FINALLY_APPROVED',
      statusText: '终审通过',
      currentTask: null,
      allowedActions: [],
    });
    expect(await queueIds(bureau, 'DEFERRED')).not.toContain(declarationId);
    expect(await queueIds(bureau, 'HANDLED')).toContain(declarationId);

    // The applicant reads the result in 流程推送.
    const seen = await reviewCase(applicant, declarationId);
    expect(
      seen.timeline.slice(-3).map((e) => [e.step, e.stepText, e.level, e.actorName, e.statusText]),
    ).toEqual([
      ['PASS', '通过', 'BUREAU', '省厅审核员 王敏', '材料审核通过'],
      ['COMMITTEE_DEFER', '暂缓', 'BUREAU', '省厅审核员 王敏', '材料审核通过'],
      ['COMMITTEE_PASS', '评审通过（认定为C类）', 'BUREAU', '省厅审核员 王敏', '终审通过'],
    ]);

    const events = await t.outbox(declarationId);
    expect(events.map((e) => e.type)).toEqual([
      'DeclarationAdvanced',
      'DeclarationMaterialsApproved',
      'DeclarationDeferred',
      'DeclarationFinallyApproved',
    ]);
    expect(events[2].payload).toMatchObject({
      level: 'BUREAU',
      committee: { organisationId: t.orgs.bureau, name: '吉林省人力资源和社会保障厅' },
    });
    expect(events[3].payload).toMatchObject({
      kind: 'TALENT_LEVEL',
      committee: null,
      talent: {
        levelCode: 'C',
        levelName: 'C类',
        decidedBy: { level: 'BUREAU', organisationId: t.orgs.bureau, name: '吉林省人力资源和社会保障厅' },
      },
    });

    // Not twice: with the task the page showed, and without one.
    expectError(
      await bureau.client.request(TALENT_RESULT, {
        id: declarationId,
        result: 'PASS',
        opinion: '同意。',
        task: passed.tasks[passed.tasks.length - 1].sequence,
      }),
      'CONFLICT',
      'ALREADY_HANDLED',
    );
    expectError(
      await bureau.client.request(TALENT_RESULT, { id: declarationId, result: 'FAIL', opinion: '不同意。' }),
      'CONFLICT',
      'REVIEW_CLOSED',
    );
    expect(await t.outbox(declarationId)).toHaveLength(4);
  });

  it('通过 may award another class than the one applied for', async () => {
    const { declarationId } = await awaitingResult(undefined, 'B');
    const passed = await talentResult(bureau, declarationId, 'PASS', { levelCode: 'D' });
    expect(passed.timeline[passed.timeline.length - 1].stepText).toBe('评审通过（认定为D类）');
    const events = await t.outbox(declarationId);
    expect(events[events.length - 1].payload).toMatchObject({ talent: { levelCode: 'D', levelName: 'D类' } });
  });

  it('不通过 ends the review without approval', async () => {
    const { declarationId, applicant } = await awaitingResult();
    const failed = await talentResult(bureau, declarationId, 'FAIL', {
      opinion: '经认定，不符合所申请类别的认定标准。',
    });
    expect(failed).toMatchObject({ phase: 'TERMINATED', status: 'TERMINATED' });
    const seen = await reviewCase(applicant, declarationId);
    expect(seen.timeline[seen.timeline.length - 1]).toMatchObject({
      step: 'COMMITTEE_FAIL',
      stepText: '评审不通过',
      opinion: '经认定，不符合所申请类别的认定标准。',
    });
    const events = await t.outbox(declarationId);
    expect(events.map((e) => e.type)).not.toContain('DeclarationFinallyApproved');
    expect(events[events.length - 1]).toMatchObject({
      type: 'DeclarationTerminated',
      payload: { level: 'BUREAU', committeeResult: 'FAIL' },
    });
  });
});

describe('who may record it', () => {
  it('refuses the applicant, the unit, another bureau, the committee, a department and forged ids', async () => {
    const { declarationId, applicant } = await awaitingResult();
    const vars = { id: declarationId, result: 'PASS', opinion: '同意认定。' };
    expectError(await applicant.client.request(TALENT_RESULT, vars), 'FORBIDDEN');
    expectError(await agent.client.request(TALENT_RESULT, vars), 'FORBIDDEN');
    const otherBureau = await t.staff(Role.BUREAU_REVIEWER, t.orgs.otherBureau, '外省审核员');
    expectError(await otherBureau.client.request(TALENT_RESULT, vars), 'NOT_FOUND', 'NOT_ON_ROUTE');
    const committee = await t.committee();
    expectError(await committee.client.request(TALENT_RESULT, vars), 'NOT_FOUND', 'NOT_ON_ROUTE');
    // A department on the route has had it but does not hold the last seat.
    const department = await t.department();
    const { declarationId: withDepartment } = await t.submit(await t.applicant(), unit, {
      route: [
        { level: 'UNIT', organisationId: null, name: '推荐单位' },
        { level: 'DEPARTMENT', organisationId: t.orgs.department, name: '吉林省教育厅' },
        { level: 'BUREAU', organisationId: t.orgs.bureau, name: '吉林省人力资源和社会保障厅' },
      ],
      channelCode: 'TALENT_CLASSIFICATION',
    });
    await passAndForward(t, agent, [withDepartment]);
    await decide(department, withDepartment, 'PASS');
    await decide(bureau, withDepartment, 'PASS');
    expectError(
      await department.client.request(TALENT_RESULT, { ...vars, id: withDepartment }),
      'FORBIDDEN',
      'NOT_YOUR_LEVEL',
    );
    // Forged or malformed ids say nothing more than NOT_FOUND.
    for (const id of ['2f1f0c1e-8a7b-4c3d-9e0f-112233445566', 'not-a-uuid', "' or 1=1 --"])
      expectError(await bureau.client.request(TALENT_RESULT, { ...vars, id }), 'NOT_FOUND', 'NOT_ON_ROUTE');
    // Still waiting for the bureau: nothing was recorded.
    expect((await reviewCase(bureau, declarationId)).currentTask).toMatchObject({ state: 'PENDING' });
  });

  it('the bureau reviews the materials first, and a title declaration has no talent result', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit, {
      route: t.talentRoute(),
      channelCode: 'TALENT_CLASSIFICATION',
    });
    await passAndForward(t, agent, [declarationId]);
    expectError(
      await bureau.client.request(TALENT_RESULT, {
        id: declarationId,
        result: 'PASS',
        opinion: '同意认定。',
      }),
      'CONFLICT',
      'NOT_AWAITING_RESULT',
    );
    const { declarationId: title } = await t.submit(await t.applicant(), unit, { route: t.demoRoute() });
    await passAndForward(t, agent, [title]);
    expectError(
      await bureau.client.request(TALENT_RESULT, { id: title, result: 'PASS', opinion: '同意。' }),
      'FORBIDDEN',
      'NOT_YOUR_LEVEL',
    );
    // After 材料审核通过 the bureau records a result; deciding again is refused.
    await decide(bureau, declarationId, 'PASS');
    const result = await bureau.client.request(
      `mutation($id: ID!, $task: Int!) { decideReview(declarationId: $id, taskSequence: $task, decision: PASS, opinion: "同意。") { phase } }`,
      { id: declarationId, task: (await reviewCase(bureau, declarationId)).currentTask!.sequence },
    );
    expectError(result, 'FORBIDDEN', 'RESULT_EXPECTED');
  });
});

describe('bad input', () => {
  it('lists every problem at once and changes nothing', async () => {
    const { declarationId } = await awaitingResult();
    const result = await bureau.client.request(TALENT_RESULT, {
      id: declarationId,
      result: 'PASS',
      opinion: '  ',
      levelCode: '第一类',
    });
    expect(fieldCodes(expectError(result, 'BAD_USER_INPUT', 'INVALID_INPUT'))).toEqual([
      'levelCode:TALENT_LEVEL_INVALID',
      'opinion:OPINION_REQUIRED',
    ]);
    expectError(
      await bureau.client.request(TALENT_RESULT, { id: declarationId, result: 'APPROVE', opinion: '同意。' }),
      'BAD_USER_INPUT',
    );
    const tooLong = await bureau.client.request(TALENT_RESULT, {
      id: declarationId,
      result: 'DEFER',
      opinion: '审'.repeat(501),
    });
    expect(fieldCodes(expectError(tooLong, 'BAD_USER_INPUT'))).toEqual(['opinion:OPINION_TOO_LONG']);
    expect((await reviewCase(bureau, declarationId)).currentTask).toMatchObject({ state: 'PENDING' });
    expect((await t.outbox(declarationId)).map((e) => e.type)).toEqual([
      'DeclarationAdvanced',
      'DeclarationMaterialsApproved',
    ]);
  });

  it('a declaration that named no class must be given one on 通过', async () => {
    const { declarationId } = await awaitingResult(undefined, null);
    const result = await bureau.client.request(TALENT_RESULT, {
      id: declarationId,
      result: 'PASS',
      opinion: '同意认定。',
    });
    expect(fieldCodes(expectError(result, 'BAD_USER_INPUT'))).toEqual(['levelCode:TALENT_LEVEL_REQUIRED']);
    expect((await talentResult(bureau, declarationId, 'PASS', { levelCode: 'E' })).phase).toBe(
      'FINALLY_APPROVED',
    );
  });
});
