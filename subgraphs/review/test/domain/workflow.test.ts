import {
  allowedActions,
  applicantStatus,
  applyReviewAction,
  forwardBatch,
  openTask,
  reviewInvariantViolations,
  startReview,
  type ModuleKey,
  type ReviewAction,
  type ReviewActor,
  type ReviewState,
} from '../../src/domain';
import {
  applicant,
  batch,
  bureauReviewer,
  bureauWithoutRole,
  clock,
  committeeSecretary,
  deepFreeze,
  departmentReviewer,
  FULL_ROUTE,
  ids,
  names,
  NO_DEPARTMENT_ROUTE,
  ok,
  otherApplicant,
  otherBureauReviewer,
  otherCommitteeSecretary,
  otherDepartmentReviewer,
  otherUnitAgent,
  PASS_OPINION,
  refused,
  RETURN_OPINION,
  start,
  TALENT_ROUTE,
  unitAgent,
  unitLegalPerson,
} from './fixtures';

let minute = 0;
function act(state: ReviewState, action: ReviewAction, actor: ReviewActor) {
  minute += 1;
  return applyReviewAction(deepFreeze(state), action, actor, clock(minute));
}
const pass = (opinion = PASS_OPINION): ReviewAction => ({ type: 'DECIDE', decision: 'PASS', opinion });
const forward: ReviewAction = { type: 'FORWARD', batch };
const committee = (result: 'PASS' | 'FAIL' | 'DEFER', opinion = '经评审委员会评议表决。'): ReviewAction => ({
  type: 'RECORD_COMMITTEE_RESULT',
  result,
  opinion,
});
const returnTo = (
  target: 'APPLICANT' | 'UNIT' | 'DEPARTMENT' | 'BUREAU',
  modules: ModuleKey[] = ['EDUCATION'],
) =>
  ({ type: 'DECIDE', decision: 'RETURN', opinion: RETURN_OPINION, modules, target }) satisfies ReviewAction;

function atDepartment(): ReviewState {
  const passed = ok(act(start(), pass(), unitAgent)).state;
  return ok(act(passed, forward, unitAgent)).state;
}
function atBureau(): ReviewState {
  return ok(act(atDepartment(), pass(), departmentReviewer)).state;
}
function atCommittee(): ReviewState {
  return ok(act(atBureau(), pass(), bureauReviewer)).state;
}

describe('starting a review (DeclarationSubmitted)', () => {
  it('opens a 待审 task at the applicant’s unit and records the submission', () => {
    const result = ok(
      startReview(
        {
          declarationId: ids.declaration,
          applicantId: ids.applicant,
          applicantName: '张伟',
          unitId: ids.unit,
          unitName: names.unit,
          route: FULL_ROUTE,
        },
        clock(0),
      ),
    );
    const { state } = result;
    expect(state.phase).toBe('IN_REVIEW');
    expect(state.route.map((s) => [s.level, s.organisationId])).toEqual([
      ['UNIT', ids.unit],
      ['DEPARTMENT', ids.department],
      ['BUREAU', ids.bureau],
      ['COMMITTEE', ids.committee],
    ]);
    expect(state.tasks).toEqual([
      expect.objectContaining({
        sequence: 1,
        routeIndex: 0,
        level: 'UNIT',
        organisationId: ids.unit,
        organisationName: names.unit,
        state: 'PENDING',
        origin: 'SUBMITTED',
      }),
    ]);
    expect(result.events).toEqual([]);
    expect(result.timeline).toEqual([
      expect.objectContaining({
        step: 'SUBMIT',
        stepText: '提交申报',
        level: 'APPLICANT',
        actorName: '张伟',
      }),
    ]);
    expect(applicantStatus(state)).toBe('SUBMITTED');
    expect(reviewInvariantViolations(state)).toEqual([]);
  });

  it('skips a competent department given as 无', () => {
    expect(start(NO_DEPARTMENT_ROUTE).route.map((s) => s.level)).toEqual(['UNIT', 'BUREAU', 'COMMITTEE']);
  });

  it('skips a competent department the notice leaves open (no organisation named)', () => {
    const open = FULL_ROUTE.map((l) =>
      l.level === 'DEPARTMENT' ? { level: l.level, organisationId: null, name: '行政主管部门' } : l,
    );
    expect(start(open).route.map((s) => s.level)).toEqual(['UNIT', 'BUREAU', 'COMMITTEE']);
  });

  it('refuses a route it could not authorise or finish, naming every problem', () => {
    const refusal = refused(
      startReview(
        {
          declarationId: ids.declaration,
          applicantId: ids.applicant,
          applicantName: '张伟',
          unitId: ids.unit,
          route: [
            { level: 'BUREAU', organisationId: null, name: '人社部门' },
            { level: 'UNIT', organisationId: null, name: '推荐单位' },
          ],
        },
        clock(0),
      ),
    );
    expect(refusal.code).toBe('BAD_USER_INPUT');
    expect(refusal.fields?.map((f) => [f.field, f.code])).toEqual([
      ['route.0.organisationId', 'ORGANISATION_REQUIRED'],
      ['route.1.level', 'ROUTE_ORDER'],
      ['outcomeAfterRoute', 'OUTCOME_REQUIRED'],
    ]);
    expect(refusal.message).toBe('提交的信息有 3 处问题，请逐项修改后重试');
  });

  it('refuses an empty route and a committee route that claims to stop at 材料审核通过', () => {
    const base = { declarationId: 'd', applicantId: 'p', applicantName: '张伟', unitId: 'u' };
    expect(refused(startReview({ ...base, route: [] }, clock(0))).fields?.[0].code).toBe('ROUTE_REQUIRED');
    expect(
      refused(startReview({ ...base, route: FULL_ROUTE, outcomeAfterRoute: 'MATERIALS_APPROVED' }, clock(0)))
        .fields?.[0].code,
    ).toBe('OUTCOME_CONFLICTS_COMMITTEE');
  });
});

describe('passing level by level', () => {
  it('a unit’s pass waits for batch forwarding (待送审), then the department has it', () => {
    const passed = ok(act(start(), pass(), unitAgent));
    expect(openTask(passed.state)?.state).toBe('AWAITING_FORWARD');
    expect(passed.events).toEqual([]);
    expect(passed.timeline[0]).toMatchObject({ step: 'PASS', stepText: '通过', opinion: PASS_OPINION });
    expect(allowedActions(passed.state, unitAgent)).toEqual([{ type: 'FORWARD', task: 1 }]);

    const forwarded = ok(act(passed.state, forward, unitLegalPerson));
    expect(forwarded.state.tasks.map((t) => [t.level, t.state])).toEqual([
      ['UNIT', 'FORWARDED'],
      ['DEPARTMENT', 'PENDING'],
    ]);
    expect(forwarded.state.tasks[0].forwarding).toMatchObject({
      batchId: batch.id,
      attachmentId: batch.attachmentId,
    });
    expect(forwarded.events).toEqual([
      {
        type: 'DeclarationAdvanced',
        payload: expect.objectContaining({
          fromLevel: 'UNIT',
          level: 'DEPARTMENT',
          organisationId: ids.department,
        }),
      },
    ]);
    expect(forwarded.timeline[0]).toMatchObject({ step: 'FORWARD', stepText: '送审', batchId: batch.id });
  });

  it('goes unit → department → bureau → committee, 材料审核通过 on reaching the committee, 终审通过 on its pass', () => {
    const atBureauResult = ok(act(atDepartment(), pass(), departmentReviewer));
    expect(atBureauResult.events.map((e) => e.type)).toEqual(['DeclarationAdvanced']);
    expect(applicantStatus(atBureauResult.state)).toBe('SUBMITTED');

    const toCommittee = ok(act(atBureauResult.state, pass(), bureauReviewer));
    expect(toCommittee.events).toEqual([
      { type: 'DeclarationAdvanced', payload: expect.objectContaining({ level: 'COMMITTEE' }) },
      {
        type: 'DeclarationMaterialsApproved',
        payload: expect.objectContaining({ level: 'BUREAU', routeComplete: false }),
      },
    ]);
    expect(applicantStatus(toCommittee.state)).toBe('MATERIALS_APPROVED');
    expect(allowedActions(toCommittee.state, committeeSecretary)).toEqual([
      { type: 'RECORD_COMMITTEE_RESULT', task: 4, results: ['PASS', 'FAIL', 'DEFER'] },
    ]);

    const approved = ok(
      act(toCommittee.state, committee('PASS', '经评审委员会评议表决，同意通过。'), committeeSecretary),
    );
    expect(approved.state.phase).toBe('FINALLY_APPROVED');
    expect(approved.events).toEqual([
      {
        type: 'DeclarationFinallyApproved',
        payload: expect.objectContaining({
          result: 'PASS',
          committee: { organisationId: ids.committee, name: names.committee },
          opinion: '经评审委员会评议表决，同意通过。',
        }),
      },
    ]);
    expect(approved.timeline[0]).toMatchObject({
      step: 'COMMITTEE_PASS',
      statusAfter: 'FINALLY_APPROVED',
      statusText: '终审通过',
    });
    expect(reviewInvariantViolations(approved.state)).toEqual([]);
    for (const actor of [unitAgent, departmentReviewer, bureauReviewer, committeeSecretary, applicant])
      expect(allowedActions(approved.state, actor)).toEqual([]);
  });

  it('a talent-classification route: 材料审核通过 after the bureau, which then records the result', () => {
    let state = ok(act(start(TALENT_ROUTE, 'MATERIALS_APPROVED'), pass(), unitAgent)).state;
    state = ok(act(state, forward, unitAgent)).state;
    state = ok(act(state, pass(), departmentReviewer)).state;
    const done = ok(act(state, pass(), bureauReviewer));
    expect(done.state.phase).toBe('IN_REVIEW');
    expect(applicantStatus(done.state)).toBe('MATERIALS_APPROVED');
    expect(done.events).toEqual([
      {
        type: 'DeclarationMaterialsApproved',
        payload: expect.objectContaining({ level: 'BUREAU', routeComplete: true }),
      },
    ]);
    expect(done.state.tasks.map((t) => [t.level, t.state, t.origin])).toEqual([
      ['UNIT', 'FORWARDED', 'SUBMITTED'],
      ['DEPARTMENT', 'FORWARDED', 'ADVANCED'],
      ['BUREAU', 'PASSED', 'ADVANCED'],
      ['BUREAU', 'PENDING', 'MATERIALS_APPROVED'],
    ]);
    expect(reviewInvariantViolations(done.state)).toEqual([]);
    expect(allowedActions(done.state, bureauReviewer)).toEqual([
      {
        type: 'RECORD_TALENT_RESULT',
        task: 4,
        results: ['PASS', 'FAIL', 'DEFER'],
        levels: ['A', 'B', 'C', 'D', 'E'].map((code) => ({ code, name: `${code}类` })),
        appliedLevel: { code: 'C', name: 'C类' },
      },
    ]);
    expect(refused(act(done.state, pass(), bureauReviewer)).reason).toBe('RESULT_EXPECTED');
  });

  it('a bureau-final route whose notice says 终审通过 ends there without a committee', () => {
    let state = ok(act(start(TALENT_ROUTE, 'FINALLY_APPROVED'), pass(), unitAgent)).state;
    state = ok(act(state, forward, unitAgent)).state;
    state = ok(act(state, pass(), departmentReviewer)).state;
    const done = ok(act(state, pass(), bureauReviewer));
    expect(done.state.phase).toBe('FINALLY_APPROVED');
    expect(done.events).toEqual([
      {
        type: 'DeclarationFinallyApproved',
        payload: expect.objectContaining({ result: 'PASS', committee: null }),
      },
    ]);
  });

  it('a route of the unit alone finishes on the unit’s pass, with nothing to forward', () => {
    const state = start([FULL_ROUTE[0]], 'FINALLY_APPROVED');
    const done = ok(act(state, pass(), unitAgent));
    expect(done.state.phase).toBe('FINALLY_APPROVED');
    expect(done.state.tasks[0].state).toBe('PASSED');
  });

  it('skips an absent department: the unit forwards straight to the bureau', () => {
    let state = ok(act(start(NO_DEPARTMENT_ROUTE), pass(), unitAgent)).state;
    const forwarded = ok(act(state, forward, unitAgent));
    expect(forwarded.events[0]).toMatchObject({ payload: { level: 'BUREAU' } });
    state = forwarded.state;
    expect(allowedActions(state, bureauReviewer)[0]).toMatchObject({
      type: 'DECIDE',
      returnTargets: ['APPLICANT', 'UNIT'],
    });
  });
});

describe('returns and resubmission', () => {
  it('a return to the applicant flags modules; the resubmission goes back to the level that returned it', () => {
    const returned = ok(
      act(atBureau(), returnTo('APPLICANT', ['EDUCATION', 'PAPERS', 'EDUCATION']), bureauReviewer),
    );
    expect(returned.state.phase).toBe('RETURNED');
    expect(applicantStatus(returned.state)).toBe('RETURNED');
    expect(returned.state.returnedToApplicant).toMatchObject({
      level: 'BUREAU',
      modules: ['EDUCATION', 'PAPERS'],
      opinion: RETURN_OPINION,
    });
    expect(returned.events).toEqual([
      {
        type: 'DeclarationReturned',
        payload: expect.objectContaining({
          fromLevel: 'BUREAU',
          targetLevel: 'APPLICANT',
          modules: ['EDUCATION', 'PAPERS'],
          opinion: RETURN_OPINION,
        }),
      },
    ]);
    expect(returned.timeline[0]).toMatchObject({
      step: 'RETURN',
      returnTarget: 'APPLICANT',
      modules: ['EDUCATION', 'PAPERS'],
      statusText: '被退回',
    });
    expect(allowedActions(returned.state, applicant)).toEqual([{ type: 'RESUBMIT' }]);

    const resubmitted = ok(act(returned.state, { type: 'RESUBMIT' }, applicant));
    expect(openTask(resubmitted.state)).toMatchObject({
      level: 'BUREAU',
      origin: 'RESUBMITTED',
      state: 'PENDING',
    });
    expect(resubmitted.timeline[0]).toMatchObject({
      step: 'RESUBMIT',
      level: 'APPLICANT',
      statusAfter: 'SUBMITTED',
    });
    expect(resubmitted.events).toEqual([]);
    expect(resubmitted.state.returnedToApplicant).toBeNull();
    expect(reviewInvariantViolations(resubmitted.state)).toEqual([]);
  });

  it('a return to a lower level reopens that level with the note; the applicant’s status stays 已申报', () => {
    const returned = ok(act(atBureau(), returnTo('UNIT', ['ANNUAL_ASSESSMENT']), bureauReviewer));
    const reopened = openTask(returned.state)!;
    expect(reopened).toMatchObject({ level: 'UNIT', origin: 'RETURNED_FROM_ABOVE', state: 'PENDING' });
    expect(reopened.returnedFrom).toMatchObject({ fromLevel: 'BUREAU', modules: ['ANNUAL_ASSESSMENT'] });
    expect(returned.events[0]).toMatchObject({
      type: 'DeclarationReturned',
      payload: { targetLevel: 'UNIT' },
    });
    expect(applicantStatus(returned.state)).toBe('SUBMITTED');

    // The unit may send it on to the applicant, or pass it again up the whole route.
    expect(allowedActions(returned.state, unitAgent)[0]).toMatchObject({ returnTargets: ['APPLICANT'] });
    let state = ok(act(returned.state, pass(), unitAgent)).state;
    state = ok(act(state, forward, unitAgent)).state;
    expect(openTask(state)?.level).toBe('DEPARTMENT');
  });

  it('refuses a return target that is not below the deciding level on this route', () => {
    const fromUnit = refused(act(start(), returnTo('UNIT'), unitAgent));
    expect(fromUnit.fields).toEqual([
      { field: 'target', code: 'RETURN_TARGET_INVALID', message: '只能退回给申报人' },
    ]);
    const upwards = refused(act(atDepartment(), returnTo('BUREAU'), departmentReviewer));
    expect(upwards.fields?.[0].code).toBe('RETURN_TARGET_INVALID');
    let noDepartment = ok(act(start(NO_DEPARTMENT_ROUTE), pass(), unitAgent)).state;
    noDepartment = ok(act(noDepartment, forward, unitAgent)).state;
    const absent = refused(act(noDepartment, returnTo('DEPARTMENT'), bureauReviewer));
    expect(absent.fields?.[0]).toMatchObject({
      code: 'RETURN_TARGET_INVALID',
      message: '只能退回给申报人或推荐单位',
    });
  });

  it('refuses unknown modules and a missing target', () => {
    const refusal = refused(
      act(
        start(),
        {
          type: 'DECIDE',
          decision: 'RETURN',
          opinion: RETURN_OPINION,
          modules: ['EDUCATION', 'SALARY' as never],
        },
        unitAgent,
      ),
    );
    expect(refusal.fields?.map((f) => [f.field, f.code])).toEqual([
      ['modules.1', 'MODULE_UNKNOWN'],
      ['target', 'RETURN_TARGET_REQUIRED'],
    ]);
  });

  it('only the applicant themself resubmits, and only a returned declaration', () => {
    const returned = ok(act(start(), returnTo('APPLICANT'), unitAgent)).state;
    expect(refused(act(returned, { type: 'RESUBMIT' }, otherApplicant))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_APPLICANT',
    });
    expect(refused(act(returned, { type: 'RESUBMIT' }, unitAgent))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused(act(start(), { type: 'RESUBMIT' }, applicant))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_RETURNED',
      message: '申报未被退回，无需重新提交',
    });
  });

  it('nobody reviews while it is with the applicant', () => {
    const returned = ok(act(atBureau(), returnTo('APPLICANT'), bureauReviewer)).state;
    expect(refused(act(returned, pass(), bureauReviewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'WITH_APPLICANT',
    });
    expect(refused(act(returned, committee('PASS'), committeeSecretary))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_AT_COMMITTEE',
    });
  });
});

describe('termination and the committee', () => {
  it('审核不通过终止审核 ends the review; nothing happens after it', () => {
    const terminated = ok(
      act(
        atDepartment(),
        { type: 'DECIDE', decision: 'TERMINATE', opinion: '不符合申报条件，终止审核。' },
        departmentReviewer,
      ),
    );
    expect(terminated.state.phase).toBe('TERMINATED');
    expect(applicantStatus(terminated.state)).toBe('TERMINATED');
    expect(terminated.events).toEqual([
      {
        type: 'DeclarationTerminated',
        payload: expect.objectContaining({
          level: 'DEPARTMENT',
          committeeResult: null,
          opinion: '不符合申报条件，终止审核。',
        }),
      },
    ]);
    const state = terminated.state;
    expect(refused(act(state, pass(), departmentReviewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'REVIEW_CLOSED',
    });
    expect(refused(act(state, pass(), bureauReviewer)).message).toBe(
      '该申报已审核结束（审核不通过终止审核），请刷新后查看',
    );
    expect(refused(act(state, forward, unitAgent)).code).toBe('CONFLICT');
    expect(refused(act(state, committee('PASS'), committeeSecretary)).code).toBe('CONFLICT');
    expect(refused(act(state, { type: 'RESUBMIT' }, applicant)).message).toBe(
      '该申报已审核结束，不能重新提交',
    );
  });

  it('the committee’s 不通过 terminates; 暂缓 keeps it at the committee until a result', () => {
    const failed = ok(
      act(atCommittee(), committee('FAIL', '经评审委员会评议表决，未获通过。'), committeeSecretary),
    );
    expect(failed.state.phase).toBe('TERMINATED');
    expect(failed.events).toEqual([
      {
        type: 'DeclarationTerminated',
        payload: expect.objectContaining({ level: 'COMMITTEE', committeeResult: 'FAIL' }),
      },
    ]);

    const deferred = ok(act(atCommittee(), committee('DEFER'), committeeSecretary));
    expect(openTask(deferred.state)).toMatchObject({ level: 'COMMITTEE', state: 'DEFERRED' });
    expect(applicantStatus(deferred.state)).toBe('MATERIALS_APPROVED');
    expect(deferred.events).toEqual([
      {
        type: 'DeclarationDeferred',
        payload: expect.objectContaining({
          committee: { organisationId: ids.committee, name: names.committee },
        }),
      },
    ]);
    expect(deferred.timeline[0]).toMatchObject({ step: 'COMMITTEE_DEFER', stepText: '暂缓' });
    const later = ok(act(deferred.state, committee('PASS'), committeeSecretary));
    expect(later.state.phase).toBe('FINALLY_APPROVED');
  });

  it('a committee result on a declaration not at the committee is a conflict', () => {
    expect(refused(act(atBureau(), committee('PASS'), committeeSecretary))).toEqual({
      code: 'CONFLICT',
      reason: 'NOT_AT_COMMITTEE',
      message: '该申报尚未进入评委会评审环节，不能录入评审结果',
    });
  });

  it('the committee records results only, and only the committee does', () => {
    expect(refused(act(atCommittee(), pass(), committeeSecretary))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'COMMITTEE_RECORDS_RESULT',
    });
    expect(refused(act(atCommittee(), committee('PASS'), bureauReviewer))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      message: '只有评委会可以录入评审结果',
    });
    expect(refused(act(atCommittee(), committee('PASS'), otherCommitteeSecretary)).code).toBe('NOT_FOUND');
    expect(
      refused(act(atCommittee(), committee('MAYBE' as never), committeeSecretary)).fields?.[0].code,
    ).toBe('RESULT_INVALID');
  });
});

describe('bad input (issue 4)', () => {
  it('a decision without an opinion', () => {
    for (const opinion of ['', '   \n ', undefined as unknown as string]) {
      const refusal = refused(act(start(), { type: 'DECIDE', decision: 'PASS', opinion }, unitAgent));
      expect(refusal).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        message: '请填写审核意见',
        fields: [{ field: 'opinion', code: 'OPINION_REQUIRED', message: '请填写审核意见' }],
      });
    }
    expect(
      refused(act(start(), { type: 'DECIDE', decision: 'TERMINATE', opinion: ' ' }, unitAgent)).fields?.[0]
        .code,
    ).toBe('OPINION_REQUIRED');
    expect(refused(act(atCommittee(), committee('FAIL', ''), committeeSecretary)).fields?.[0].code).toBe(
      'OPINION_REQUIRED',
    );
  });

  it('an opinion over 500 characters (counted as characters, not bytes)', () => {
    expect(ok(act(start(), pass('审'.repeat(500)), unitAgent)).state.tasks[0].decision?.opinion).toHaveLength(
      500,
    );
    expect(refused(act(start(), pass('审'.repeat(501)), unitAgent)).fields).toEqual([
      { field: 'opinion', code: 'OPINION_TOO_LONG', message: '审核意见不能超过500字，当前501字' },
    ]);
  });

  it('returning with no module chosen — with every other problem at once', () => {
    const single = refused(act(start(), returnTo('APPLICANT', []), unitAgent));
    expect(single.message).toBe('请选择需要退回修改的模块');
    const all = refused(act(start(), { type: 'DECIDE', decision: 'RETURN', opinion: '' }, unitAgent));
    expect(all.fields?.map((f) => f.message)).toEqual([
      '请填写审核意见',
      '请选择需要退回修改的模块',
      '请选择退回目标',
    ]);
  });

  it('deciding a task of another organisation: NOT_FOUND, telling nothing about the declaration', () => {
    for (const stranger of [otherUnitAgent, otherDepartmentReviewer, otherBureauReviewer])
      expect(refused(act(start(), pass(), stranger))).toEqual({
        code: 'NOT_FOUND',
        reason: 'NOT_ON_ROUTE',
        message: '未找到该申报，或该申报不在您的审核范围内',
      });
    expect(refused(act(atBureau(), pass(), otherBureauReviewer)).code).toBe('NOT_FOUND');
  });

  it('deciding a task of another level: FORBIDDEN', () => {
    expect(refused(act(start(), pass(), bureauReviewer))).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_LEVEL',
      message: '该申报不在您的审核环节',
    });
    expect(refused(act(atBureau(), { ...pass(), task: 1 } as ReviewAction, bureauReviewer)).reason).toBe(
      'NOT_YOUR_LEVEL',
    );
    expect(refused(act(start(), pass(), bureauWithoutRole))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      message: '您没有人社部门审核权限',
    });
    expect(refused(act(start(), pass(), applicant))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('deciding twice', () => {
    const passed = ok(act(start(), pass(), unitAgent)).state;
    expect(refused(act(passed, pass(), unitLegalPerson))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_HANDLED',
      message: '该申报已被处理，请刷新后查看',
    });
    const atDept = atDepartment();
    expect(refused(act(atDept, pass(), unitAgent)).reason).toBe('ALREADY_HANDLED');
    expect(refused(act(atDept, forward, unitAgent)).reason).toBe('ALREADY_HANDLED');
    const atBur = atBureau();
    expect(refused(act(atBur, pass(), departmentReviewer)).reason).toBe('ALREADY_HANDLED');
  });

  it('a stale page: the task the reviewer opened was decided, a newer one waits at the same level', () => {
    const backAtUnit = ok(act(atBureau(), returnTo('UNIT'), bureauReviewer)).state;
    const staleTask = 1;
    const freshTask = openTask(backAtUnit)!.sequence;
    expect(refused(act(backAtUnit, { ...pass(), task: staleTask } as ReviewAction, unitAgent)).reason).toBe(
      'ALREADY_HANDLED',
    );
    expect(ok(act(backAtUnit, { ...pass(), task: freshTask } as ReviewAction, unitAgent)).state.version).toBe(
      backAtUnit.version + 1,
    );
    expect(refused(act(backAtUnit, { ...pass(), task: 99 } as ReviewAction, unitAgent))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TASK_NOT_FOUND',
    });
    // The bureau already decided (it returned the declaration): its retry is a conflict, not a new decision.
    expect(refused(act(backAtUnit, pass(), bureauReviewer)).reason).toBe('ALREADY_HANDLED');
  });

  it('a colleague decided the same task first: the named task is ALREADY_HANDLED whatever followed', () => {
    // Returned to the applicant, terminated, or passed on: the loser's page named task 1.
    const returned = ok(act(start(), returnTo('APPLICANT'), unitAgent)).state;
    const terminated = ok(
      act(start(), { ...pass(), decision: 'TERMINATE' } as ReviewAction, unitAgent),
    ).state;
    for (const state of [returned, terminated])
      expect(refused(act(state, { ...pass(), task: 1 } as ReviewAction, unitLegalPerson))).toEqual({
        code: 'CONFLICT',
        reason: 'ALREADY_HANDLED',
        message: '该申报已被处理，请刷新后查看',
      });
    // Without a named task the refusal says what happened instead.
    expect(refused(act(returned, pass(), unitLegalPerson)).reason).toBe('WITH_APPLICANT');
    expect(refused(act(terminated, pass(), unitLegalPerson)).reason).toBe('REVIEW_CLOSED');
  });

  it('forwarding without the batch’s attachment, or before passing', () => {
    const passed = ok(act(start(), pass(), unitAgent)).state;
    for (const attachmentId of [null, '', '  '])
      expect(
        refused(act(passed, { type: 'FORWARD', batch: { id: 'b', attachmentId } }, unitAgent)).fields,
      ).toEqual([
        {
          field: 'batch.attachmentId',
          code: 'BATCH_ATTACHMENT_REQUIRED',
          message: '请先上传推荐报告/申报函，再批量送审',
        },
      ]);
    expect(refused(act(start(), forward, unitAgent))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_PASSED_YET',
    });
    expect(refused(act(atDepartment(), forward, departmentReviewer))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('an unknown decision or action type', () => {
    expect(
      refused(
        act(start(), { type: 'DECIDE', decision: 'APPROVE' as never, opinion: PASS_OPINION }, unitAgent),
      ).fields?.[0].code,
    ).toBe('DECISION_INVALID');
    expect(
      refused(act(start(), { type: 'DELETE' } as unknown as ReviewAction, unitAgent)).fields?.[0].code,
    ).toBe('ACTION_UNKNOWN');
  });

  it('a refusal never changes the state it was given', () => {
    const state = deepFreeze(atBureau());
    const before = structuredClone(state);
    refused(act(state, returnTo('APPLICANT', []), bureauReviewer));
    refused(act(state, pass(), unitAgent));
    expect(state).toEqual(before);
  });
});

describe('batch forwarding (批量送审)', () => {
  const passedAt = (declarationId: string) =>
    ok(act(start(FULL_ROUTE, undefined, declarationId), pass(), unitAgent)).state;

  it('forwards every chosen declaration together', () => {
    const states = ['d-1', 'd-2', 'd-3'].map(passedAt);
    const result = forwardBatch(states.map(deepFreeze), batch, unitAgent, clock(100));
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.states.map((s) => openTask(s)?.level)).toEqual(['DEPARTMENT', 'DEPARTMENT', 'DEPARTMENT']);
    expect(result.events).toHaveLength(3);
    expect(result.timeline.map((e) => [e.declarationId, e.step, e.batchId])).toEqual([
      ['d-1', 'FORWARD', batch.id],
      ['d-2', 'FORWARD', batch.id],
      ['d-3', 'FORWARD', batch.id],
    ]);
    expect(result.batch).toEqual({
      batchId: batch.id,
      attachmentId: batch.attachmentId,
      unitId: ids.unit,
      declarationIds: ['d-1', 'd-2', 'd-3'],
      forwardedAt: clock(100).toISOString(),
    });
  });

  it('refuses a batch without its attachment, empty or with repeats — all problems at once', () => {
    const d1 = passedAt('d-1');
    const result = forwardBatch([d1, d1], { id: 'b', attachmentId: null }, unitAgent, clock(100));
    expect(!result.ok && result.refusal.fields?.map((f) => f.code)).toEqual([
      'BATCH_ATTACHMENT_REQUIRED',
      'BATCH_DUPLICATE',
    ]);
    const empty = forwardBatch([], batch, unitAgent, clock(100));
    expect(!empty.ok && empty.refusal.fields?.[0].message).toBe('请选择需要送审的申报');
  });

  it('forwards nothing when one declaration cannot go, and names it', () => {
    const notPassed = start(FULL_ROUTE, undefined, 'd-2');
    const result = forwardBatch([passedAt('d-1'), notPassed], batch, unitAgent, clock(100));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.refusal).toMatchObject({
      code: 'CONFLICT',
      reason: 'BATCH_REFUSED',
      message: '所选的2条申报中有1条不能送审：该申报尚未审核通过，请先审核再送审',
    });
    expect(result.refusal.declarations?.map((d) => d.declarationId)).toEqual(['d-2']);
  });

  it('another unit’s declarations are not found; other levels do not batch', () => {
    const result = forwardBatch([passedAt('d-1')], batch, otherUnitAgent, clock(100));
    expect(!result.ok && result.refusal.code).toBe('NOT_FOUND');
    const bureau = forwardBatch([passedAt('d-1')], batch, bureauReviewer, clock(100));
    expect(!bureau.ok && bureau.refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有推荐单位可以批量送审',
    });
  });
});

describe('人才分类定级 评审结果 (the route’s last seat after 材料审核通过)', () => {
  function awaitingResult(levelCode: string | null = 'C'): ReviewState {
    let state = ok(
      act(start(TALENT_ROUTE, 'MATERIALS_APPROVED', ids.declaration, levelCode), pass(), unitAgent),
    ).state;
    state = ok(act(state, forward, unitAgent)).state;
    state = ok(act(state, pass(), departmentReviewer)).state;
    return ok(act(state, pass(), bureauReviewer)).state;
  }
  const talent = (
    result: 'PASS' | 'FAIL' | 'DEFER',
    extra: { levelCode?: string | null; opinion?: string; task?: number } = {},
  ): ReviewAction => ({
    type: 'RECORD_TALENT_RESULT',
    result,
    opinion: extra.opinion ?? '经认定，符合人才分类定级标准。',
    levelCode: extra.levelCode,
    task: extra.task,
  });

  it('暂缓 keeps it at the bureau; a later 通过 awards the class applied for and is 终审通过', () => {
    const deferred = ok(
      act(awaitingResult(), talent('DEFER', { opinion: '材料待进一步核实。' }), bureauReviewer),
    );
    expect(openTask(deferred.state)).toMatchObject({
      level: 'BUREAU',
      state: 'DEFERRED',
      origin: 'MATERIALS_APPROVED',
    });
    expect(applicantStatus(deferred.state)).toBe('MATERIALS_APPROVED');
    expect(deferred.events).toEqual([
      {
        type: 'DeclarationDeferred',
        payload: expect.objectContaining({
          committee: { organisationId: ids.bureau, name: names.bureau },
          level: 'BUREAU',
          opinion: '材料待进一步核实。',
        }),
      },
    ]);
    expect(deferred.timeline[0]).toMatchObject({
      step: 'COMMITTEE_DEFER',
      stepText: '暂缓',
      level: 'BUREAU',
    });
    expect(reviewInvariantViolations(deferred.state)).toEqual([]);

    const passed = ok(act(deferred.state, talent('PASS'), bureauReviewer));
    expect(passed.state.phase).toBe('FINALLY_APPROVED');
    expect(applicantStatus(passed.state)).toBe('FINALLY_APPROVED');
    expect(passed.events).toEqual([
      {
        type: 'DeclarationFinallyApproved',
        payload: expect.objectContaining({
          kind: 'TALENT_LEVEL',
          committee: null,
          talent: {
            levelCode: 'C',
            levelName: 'C类',
            decidedBy: { level: 'BUREAU', organisationId: ids.bureau, name: names.bureau },
          },
        }),
      },
    ]);
    expect(passed.timeline[0]).toMatchObject({
      step: 'COMMITTEE_PASS',
      stepText: '评审通过（认定为C类）',
      statusText: '终审通过',
    });
    expect(reviewInvariantViolations(passed.state)).toEqual([]);
    // Not twice: the task named is decided, and without a task the review is over.
    expect(refused(act(passed.state, talent('PASS', { task: 4 }), bureauReviewer)).reason).toBe(
      'ALREADY_HANDLED',
    );
    expect(refused(act(passed.state, talent('FAIL'), bureauReviewer)).reason).toBe('REVIEW_CLOSED');
    expect(allowedActions(passed.state, bureauReviewer)).toEqual([]);
  });

  it('通过 may award another class than the one applied for', () => {
    const passed = ok(act(awaitingResult(), talent('PASS', { levelCode: 'D' }), bureauReviewer));
    expect(passed.events[0].payload).toMatchObject({ talent: { levelCode: 'D', levelName: 'D类' } });
    expect(passed.state.tasks[3].decision?.talentLevel).toEqual({ code: 'D', name: 'D类' });
  });

  it('不通过 ends the review (DeclarationTerminated with the result)', () => {
    const failed = ok(act(awaitingResult(), talent('FAIL', { opinion: '不符合认定标准。' }), bureauReviewer));
    expect(failed.state.phase).toBe('TERMINATED');
    expect(failed.events).toEqual([
      {
        type: 'DeclarationTerminated',
        payload: expect.objectContaining({
          level: 'BUREAU',
          committeeResult: 'FAIL',
          opinion: '不符合认定标准。',
        }),
      },
    ]);
    expect(failed.timeline[0]).toMatchObject({ step: 'COMMITTEE_FAIL', stepText: '评审不通过' });
  });

  it('only the bureau at the route’s last seat, only once materials are approved', () => {
    const state = awaitingResult();
    expect(refused(act(state, talent('PASS'), otherBureauReviewer))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_ON_ROUTE',
    });
    expect(refused(act(state, talent('PASS'), departmentReviewer))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_LEVEL',
    });
    expect(refused(act(state, talent('PASS'), unitAgent)).code).toBe('FORBIDDEN');
    expect(refused(act(state, talent('PASS'), bureauWithoutRole)).reason).toBe('ROLE_NOT_ALLOWED');
    expect(refused(act(state, talent('PASS'), applicant)).reason).toBe('ROLE_NOT_ALLOWED');
    expect(refused(act(state, committee('PASS'), bureauReviewer)).reason).toBe('ROLE_NOT_ALLOWED');
    // Before 材料审核通过: the bureau reviews the materials first.
    let early = ok(act(start(TALENT_ROUTE, 'MATERIALS_APPROVED'), pass(), unitAgent)).state;
    early = ok(act(early, forward, unitAgent)).state;
    early = ok(act(early, pass(), departmentReviewer)).state;
    expect(refused(act(early, talent('PASS'), bureauReviewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_AWAITING_RESULT',
    });
    // A title declaration has no talent result (its bureau is not the last seat).
    expect(refused(act(atBureau(), talent('PASS'), bureauReviewer))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_LEVEL',
    });
  });

  it('bad input answers every problem at once', () => {
    const problems = refused(
      act(
        awaitingResult(),
        { type: 'RECORD_TALENT_RESULT', result: 'MAYBE' as 'PASS', opinion: ' ', levelCode: '第一类' },
        bureauReviewer,
      ),
    );
    expect(problems.code).toBe('BAD_USER_INPUT');
    expect(problems.fields?.map((f) => [f.field, f.code])).toEqual([
      ['result', 'RESULT_INVALID'],
      ['opinion', 'OPINION_REQUIRED'],
      ['levelCode', 'TALENT_LEVEL_INVALID'],
    ]);
    // No class applied for (an older submission): 通过 must name one.
    expect(refused(act(awaitingResult(null), talent('PASS'), bureauReviewer)).fields?.[0]).toMatchObject({
      field: 'levelCode',
      code: 'TALENT_LEVEL_REQUIRED',
    });
    expect(
      ok(act(awaitingResult(null), talent('PASS', { levelCode: 'B' }), bureauReviewer)).state.phase,
    ).toBe('FINALLY_APPROVED');
  });
});
