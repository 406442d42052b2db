// The review workflow through the API against real PostgreSQL: a submitted declaration opens a
// task at its unit; the unit passes it (待送审) and forwards it in a batch with its 推荐报告; the
// department, the bureau and the committee follow; returns go to the applicant (flagged modules)
// or a lower level; a resubmission goes back to the level that returned it; terminations end it;
// talent classification reaches 材料审核通过, then its result (talent-result.test.ts). Events
// leave through the outbox, in order.
import {
  committeeResult,
  decide,
  FORWARD,
  passAndForward,
  PASS_OPINION,
  RETURN_OPINION,
  reviewCase,
  startTestReview,
  uploadRecommendation,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
let department: Actor;
let bureau: Actor;
let committee: Actor;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit('长春市建筑设计研究院有限公司');
  agent = await t.agent(unit, '经办人 王芳');
  department = await t.department();
  bureau = await t.bureau();
  committee = await t.committee();
});
afterAll(() => t?.close());

describe('a declaration through every level', () => {
  it('unit → 待送审 → batch with 推荐报告 → department → bureau → committee 通过 → 终审通过', async () => {
    const applicant = await t.applicant('张伟');
    const { declarationId } = await t.submit(applicant, unit);

    // The unit sees it 待审, with the unit's name on its step.
    let seen = await reviewCase(agent, declarationId);
    expect(seen).toMatchObject({
      phase: 'IN_REVIEW',
      status: 'SUBMITTED',
      statusText: '已申报',
      applicantName: '张伟',
      unitName: '长春市建筑设计研究院有限公司',
      currentTask: {
        sequence: 1,
        level: 'UNIT',
        organisationId: unit.unitId,
        organisationName: '长春市建筑设计研究院有限公司',
        state: 'PENDING',
        stateText: '待审',
        origin: 'SUBMITTED',
      },
      allowedActions: [
        {
          type: 'DECIDE',
          taskSequence: 1,
          decisions: ['PASS', 'RETURN', 'TERMINATE'],
          returnTargets: ['APPLICANT'],
        },
      ],
    });
    expect(seen.timeline).toEqual([
      expect.objectContaining({
        sequence: 0,
        step: 'SUBMIT',
        stepText: '提交申报',
        level: 'APPLICANT',
        actorName: '张伟',
      }),
    ]);

    // 通过 at the unit: 待送审, nothing published yet (the batch has not gone).
    seen = await decide(agent, declarationId, 'PASS', {
      flags: [
        { module: 'BASIC_INFO', hasErrors: false },
        { module: 'EDUCATION', hasErrors: false },
      ],
    });
    expect(seen.currentTask).toMatchObject({ sequence: 1, state: 'AWAITING_FORWARD', stateText: '待送审' });
    expect(seen.allowedActions).toEqual([expect.objectContaining({ type: 'FORWARD', taskSequence: 1 })]);
    expect(seen.moduleFlags.map((f) => [f.module, f.hasErrors])).toEqual([
      ['BASIC_INFO', false],
      ['EDUCATION', false],
    ]);
    expect(await t.outbox(declarationId)).toEqual([]);

    // 批量送审 with the 推荐报告.
    const attachmentId = await uploadRecommendation(t, agent);
    const { forwardBatch } = await agent.client.ok<{
      forwardBatch: {
        id: string;
        declarationIds: string[];
        forwardedByName: string;
        attachment: { id: string; fileName: string; format: string; url: string };
        cases: Array<{ declarationId: string; currentTask: { level: string; organisationId: string } }>;
      };
    }>(FORWARD, { ids: [declarationId], attachmentId });
    expect(forwardBatch).toMatchObject({
      declarationIds: [declarationId],
      forwardedByName: '经办人 王芳',
      attachment: {
        id: attachmentId,
        fileName: '推荐报告.pdf',
        format: 'pdf',
        url: expect.stringMatching(/^\/files\/review\/downloads\//),
      },
    });

    // The department now has it; the unit still reads its progress (进度跟踪).
    seen = await reviewCase(department, declarationId);
    expect(seen.currentTask).toMatchObject({
      sequence: 2,
      level: 'DEPARTMENT',
      organisationName: '吉林省教育厅',
      state: 'PENDING',
    });
    expect((await reviewCase(agent, declarationId)).progress.map((n) => [n.level, n.node])).toEqual([
      ['UNIT', 'DONE'],
      ['DEPARTMENT', 'CURRENT'],
      ['BUREAU', 'WAITING'],
      ['COMMITTEE', 'WAITING'],
    ]);
    expect((await reviewCase(agent, declarationId)).allowedActions).toEqual([]);

    await decide(department, declarationId, 'PASS');
    seen = await decide(bureau, declarationId, 'PASS', {
      opinion: '经审核，符合申报条件，同意提交评委会评审。',
    });
    expect(seen).toMatchObject({ status: 'MATERIALS_APPROVED', statusText: '材料审核通过' });
    expect((await reviewCase(committee, declarationId)).allowedActions).toEqual([
      expect.objectContaining({ type: 'RECORD_COMMITTEE_RESULT', results: ['PASS', 'FAIL', 'DEFER'] }),
    ]);

    seen = await committeeResult(committee, declarationId, 'PASS', '经评审委员会评议表决，同意通过。');
    expect(seen).toMatchObject({
      phase: 'FINALLY_APPROVED',
      status: 'FINALLY_APPROVED',
      statusText: '终审通过',
      currentTask: null,
    });
    expect(seen.timeline.map((e) => [e.sequence, e.step, e.level, e.actorName, e.statusText])).toEqual([
      [0, 'SUBMIT', 'APPLICANT', '张伟', '已申报'],
      [1, 'PASS', 'UNIT', '经办人 王芳', '已申报'],
      [2, 'FORWARD', 'UNIT', '经办人 王芳', '已申报'],
      [3, 'PASS', 'DEPARTMENT', '教育厅审核员 赵磊', '已申报'],
      [4, 'PASS', 'BUREAU', '省厅审核员 王敏', '材料审核通过'],
      [5, 'COMMITTEE_PASS', 'COMMITTEE', '工程评委会秘书 周强', '终审通过'],
    ]);
    expect(seen.timeline[2].batchId).toBe(forwardBatch.id);

    // The events, in order, published by the relay to the bus.
    await t.server.relay.flush();
    const { rows } = await t.sql.query(
      `select type, source, payload from eventbus.event where payload->>'declarationId' = $1 and source = 'review' and type <> 'PersonalDataViewed' order by position`,
      [declarationId],
    );
    expect(rows.map((r) => [r.type, r.payload.level ?? r.payload.result ?? null])).toEqual([
      ['DeclarationAdvanced', 'DEPARTMENT'],
      ['DeclarationAdvanced', 'BUREAU'],
      ['DeclarationAdvanced', 'COMMITTEE'],
      ['DeclarationMaterialsApproved', 'BUREAU'],
      ['DeclarationFinallyApproved', 'PASS'],
    ]);
    expect(rows[4].payload).toMatchObject({
      committee: { organisationId: t.orgs.committee, name: '吉林省工程系列高级职称评审委员会' },
      opinion: '经评审委员会评议表决，同意通过。',
    });
  });

  it('the demo route skips the open competent department: unit → bureau → committee', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit, { route: t.demoRoute() });
    await passAndForward(t, agent, [declarationId]);
    const atBureau = await reviewCase(bureau, declarationId);
    expect(atBureau.progress.map((n) => n.level)).toEqual(['UNIT', 'BUREAU', 'COMMITTEE']);
    expect(atBureau.currentTask).toMatchObject({
      level: 'BUREAU',
      organisationName: '吉林省人力资源和社会保障厅',
    });
  });

  it('talent classification (人才分类定级): 材料审核通过 after the bureau, which then records the result', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit, {
      route: t.talentRoute(),
      channelCode: 'TALENT_CLASSIFICATION',
    });
    await passAndForward(t, agent, [declarationId]);
    const done = await decide(bureau, declarationId, 'PASS');
    expect(done).toMatchObject({
      phase: 'IN_REVIEW',
      status: 'MATERIALS_APPROVED',
      statusText: '材料审核通过',
      currentTask: { level: 'BUREAU', state: 'PENDING', origin: 'MATERIALS_APPROVED' },
      allowedActions: [
        {
          type: 'RECORD_TALENT_RESULT',
          results: ['PASS', 'FAIL', 'DEFER'],
          appliedTalentLevel: { code: 'C', name: 'C类' },
        },
      ],
    });
    expect((await t.outbox(declarationId)).map((e) => [e.type, e.payload.routeComplete ?? null])).toEqual([
      ['DeclarationAdvanced', null],
      ['DeclarationMaterialsApproved', true],
    ]);
  });
});

describe('returns and resubmission', () => {
  it('the unit returns to the applicant with flagged modules; the resubmission comes back to the unit', async () => {
    const applicant = await t.applicant('李娜');
    const { declarationId } = await t.submit(applicant, unit);
    // The 有误 marks saved while auditing become the return's modules.
    await agent.client.ok(
      `mutation($id: ID!, $flags: [ModuleFlagInput!]!) { saveModuleFlags(declarationId: $id, taskSequence: 1, flags: $flags) { declarationId } }`,
      {
        id: declarationId,
        flags: [
          { module: 'BASIC_INFO', hasErrors: false },
          { module: 'EDUCATION', hasErrors: true, note: '学历证书扫描件不清晰' },
          { module: 'ANNUAL_ASSESSMENT', hasErrors: true },
        ],
      },
    );
    const returned = await decide(agent, declarationId, 'RETURN', { target: 'APPLICANT', task: 1 });
    expect(returned).toMatchObject({
      phase: 'RETURNED',
      status: 'RETURNED',
      statusText: '被退回',
      currentTask: null,
      returnedToApplicant: {
        level: 'UNIT',
        modules: ['EDUCATION', 'ANNUAL_ASSESSMENT'],
        moduleNames: ['教育经历', '年度考核'],
        opinion: RETURN_OPINION,
      },
    });
    expect(await t.outbox(declarationId)).toEqual([
      {
        type: 'DeclarationReturned',
        payload: expect.objectContaining({
          fromLevel: 'UNIT',
          organisationId: unit.unitId,
          targetLevel: 'APPLICANT',
          modules: ['EDUCATION', 'ANNUAL_ASSESSMENT'],
          opinion: RETURN_OPINION,
        }),
      },
    ]);
    // The applicant reads the return on their own case.
    expect((await reviewCase(applicant, declarationId)).timeline.at(-1)).toMatchObject({
      step: 'RETURN',
      modules: ['EDUCATION', 'ANNUAL_ASSESSMENT'],
      returnTarget: 'APPLICANT',
      statusText: '被退回',
    });

    await t.submit(applicant, unit, { declarationId, resubmission: true });
    const back = await reviewCase(agent, declarationId);
    expect(back.currentTask).toMatchObject({
      sequence: 2,
      level: 'UNIT',
      state: 'PENDING',
      origin: 'RESUBMITTED',
    });
    expect(back.timeline.at(-1)).toMatchObject({
      step: 'RESUBMIT',
      stepText: '修改后重新提交',
      level: 'APPLICANT',
    });
  });

  it('a bureau return to the applicant is resubmitted straight back to the bureau', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await passAndForward(t, agent, [declarationId]);
    await decide(department, declarationId, 'PASS');
    await decide(bureau, declarationId, 'RETURN', { target: 'APPLICANT', modules: ['PAPERS'] });
    await t.submit(applicant, unit, { declarationId, resubmission: true });
    const back = await reviewCase(bureau, declarationId);
    expect(back.currentTask).toMatchObject({ level: 'BUREAU', state: 'PENDING', origin: 'RESUBMITTED' });
    // The unit and the department are not asked again.
    expect((await reviewCase(agent, declarationId)).allowedActions).toEqual([]);
  });

  it('the bureau returns to the unit (a lower level), which sees why and decides again', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await passAndForward(t, agent, [declarationId]);
    await decide(department, declarationId, 'PASS');
    const returned = await decide(bureau, declarationId, 'RETURN', {
      target: 'UNIT',
      modules: ['UNIT_PUBLICITY'],
      opinion: '单位公示表未盖章，请重新公示。',
    });
    expect(returned.currentTask).toMatchObject({
      level: 'UNIT',
      state: 'PENDING',
      origin: 'RETURNED_FROM_ABOVE',
      returnedFrom: {
        fromLevel: 'BUREAU',
        modules: ['UNIT_PUBLICITY'],
        opinion: '单位公示表未盖章，请重新公示。',
      },
    });
    expect(returned.status).toBe('SUBMITTED');
    // The unit can return to the applicant in turn, or pass and forward again.
    await passAndForward(t, agent, [declarationId]);
    expect((await reviewCase(department, declarationId)).currentTask).toMatchObject({
      level: 'DEPARTMENT',
      origin: 'ADVANCED',
    });
  });
});

describe('terminations and committee outcomes', () => {
  it('审核不通过终止审核 at the department ends the review', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await passAndForward(t, agent, [declarationId]);
    const ended = await decide(department, declarationId, 'TERMINATE', {
      opinion: '任职年限不满足申报要求，终止审核。',
    });
    expect(ended).toMatchObject({
      phase: 'TERMINATED',
      statusText: '审核不通过终止审核',
      currentTask: null,
      allowedActions: [],
    });
    expect((await t.outbox(declarationId)).map((e) => e.type)).toEqual([
      'DeclarationAdvanced',
      'DeclarationTerminated',
    ]);
  });

  it('the committee defers (暂缓), then fails (不通过)', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await passAndForward(t, agent, [declarationId]);
    await decide(department, declarationId, 'PASS');
    await decide(bureau, declarationId, 'PASS');
    const deferred = await committeeResult(
      committee,
      declarationId,
      'DEFER',
      '经评审委员会研究，暂缓评审，待补充材料后再议。',
    );
    expect(deferred.currentTask).toMatchObject({ level: 'COMMITTEE', state: 'DEFERRED', stateText: '暂缓' });
    const failed = await committeeResult(
      committee,
      declarationId,
      'FAIL',
      '经评审委员会评议表决，未获通过。',
    );
    expect(failed).toMatchObject({ phase: 'TERMINATED', statusText: '审核不通过终止审核' });
    const types = (await t.outbox(declarationId)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['DeclarationDeferred', 'DeclarationTerminated']);
  });

  it('opinions are trimmed and kept as written', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    const seen = await decide(agent, declarationId, 'PASS', { opinion: `  ${PASS_OPINION}  ` });
    expect(seen.timeline.at(-1)?.opinion).toBe(PASS_OPINION);
  });
});
