import {
  DECLARATION_STATUSES,
  DECLARATION_STATUS_WORDS,
  allowedActions,
  assertAction,
  canTransition,
  editableModules,
  findChannel,
  statusAfterCommitteeResult,
  statusAfterPass,
  type ApplicantAction,
  type DeclarationStatus,
} from '../../src/domain';

const form = findChannel('TITLE_NORMAL')!.defaultFormConfig;
const window = {
  opensAt: new Date('2026-11-01T00:00:00+08:00'),
  closesAt: new Date('2026-11-30T00:00:00+08:00'),
};
const inside = new Date('2026-11-23T10:00:00+08:00');
const after = new Date('2026-12-01T10:00:00+08:00');

describe('declaration status', () => {
  it('speaks the seeds’ words', () => {
    expect(DECLARATION_STATUSES.map((s) => DECLARATION_STATUS_WORDS[s])).toEqual([
      '草稿',
      '已申报',
      '被退回',
      '材料审核通过',
      '终审通过',
      '审核不通过终止审核',
      '已取消',
    ]);
  });

  it.each<[DeclarationStatus, ApplicantAction[]]>([
    ['DRAFT', ['SAVE', 'SUBMIT', 'CANCEL', 'DELETE']],
    ['SUBMITTED', []],
    ['RETURNED', ['SAVE', 'SUBMIT']],
    ['MATERIALS_APPROVED', []],
    ['FINALLY_APPROVED', []],
    ['TERMINATED', ['DELETE']],
    ['CANCELLED', []],
  ])('%s allows %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
    for (const action of ['SAVE', 'SUBMIT', 'CANCEL', 'DELETE', 'WITHDRAW'] as ApplicantAction[])
      expect(assertAction(status, action) === null).toBe(actions.includes(action));
  });

  it('never lets an applicant delete or withdraw after submitting', () => {
    expect(assertAction('SUBMITTED', 'DELETE')).toEqual({
      code: 'CONFLICT',
      reason: 'STATUS_NOT_ALLOWED',
      message: '业务状态为已申报的申报不能删除，只能删除草稿或审核不通过终止审核的申报',
    });
    expect(assertAction('SUBMITTED', 'WITHDRAW')).toEqual({
      code: 'CONFLICT',
      reason: 'STATUS_NOT_ALLOWED',
      message: '提交后无法主动撤回申报，如需修改请联系当前审核部门退回',
    });
    expect(assertAction('SUBMITTED', 'SAVE')?.message).toBe(
      '申报已提交，不能暂存；如需修改请联系当前审核部门退回',
    );
    expect(assertAction('SUBMITTED', 'SUBMIT')).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_SUBMITTED',
    });
  });

  it('saves and submits only inside the window, but cancels a draft after the deadline', () => {
    expect(assertAction('DRAFT', 'SAVE', { now: inside, window })).toBeNull();
    expect(assertAction('DRAFT', 'SAVE', { now: after, window })).toEqual({
      code: 'DEADLINE_PASSED',
      reason: 'WINDOW_CLOSED',
      message: '申报已截止，不能暂存；如不再申报，请取消申请',
    });
    expect(assertAction('RETURNED', 'SUBMIT', { now: after, window })?.reason).toBe('WINDOW_CLOSED');
    expect(assertAction('DRAFT', 'CANCEL', { now: after, window })).toBeNull();
  });

  it('saves a returned declaration only in the flagged modules', () => {
    const flagged = ['EDUCATION' as const];
    expect(assertAction('RETURNED', 'SAVE', { modules: ['EDUCATION'], flaggedModules: flagged })).toBeNull();
    expect(
      assertAction('RETURNED', 'SAVE', {
        modules: ['EDUCATION', 'BASIC_INFO'],
        flaggedModules: flagged,
        config: form,
      }),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'MODULE_NOT_FLAGGED',
      message: '退回时未勾选需要修改的模块不能修改：基本信息',
    });
    // A module outside the notice's form is named in Chinese too, never by its key.
    expect(
      assertAction('RETURNED', 'SAVE', { modules: ['HONOURS'], flaggedModules: flagged, config: form })
        ?.message,
    ).toBe('退回时未勾选需要修改的模块不能修改：人才荣誉表彰');
    expect(editableModules('RETURNED', form, flagged)).toEqual(['EDUCATION']);
    expect(editableModules('DRAFT', form)).toEqual(form.modules.map((m) => m.key));
    expect(editableModules('SUBMITTED', form, flagged)).toEqual([]);
  });

  it('submits only with the pledge ticked', () => {
    expect(assertAction('DRAFT', 'SUBMIT', { pledge: true })).toBeNull();
    expect(assertAction('DRAFT', 'SUBMIT', { pledge: false })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PLEDGE_REQUIRED',
      message: '请先勾选诚信承诺再提交',
    });
  });
});

describe('review moves the status along the route', () => {
  it('title channel: 已申报 until the bureau, 材料审核通过 before the committee, 终审通过 after it', () => {
    const title = findChannel('TITLE_NORMAL')!;
    expect(statusAfterPass(title, 'UNIT')).toBe('SUBMITTED');
    expect(statusAfterPass(title, 'DEPARTMENT')).toBe('SUBMITTED');
    expect(statusAfterPass(title, 'BUREAU')).toBe('MATERIALS_APPROVED');
    expect(statusAfterPass(title, 'COMMITTEE')).toBe('FINALLY_APPROVED');
  });

  it('talent classification stops after the bureau with 材料审核通过', () => {
    expect(statusAfterPass(findChannel('TALENT_CLASSIFICATION')!, 'BUREAU')).toBe('MATERIALS_APPROVED');
    expect(() => statusAfterPass(findChannel('TALENT_CLASSIFICATION')!, 'COMMITTEE')).toThrow();
    expect(statusAfterPass(findChannel('JS_TITLE_INITIAL')!, 'BUREAU')).toBe('FINALLY_APPROVED');
  });

  it('knows the committee’s three outcomes and which transitions exist', () => {
    expect(['PASSED', 'FAILED', 'DEFERRED'].map((r) => statusAfterCommitteeResult(r as 'PASSED'))).toEqual([
      'FINALLY_APPROVED',
      'TERMINATED',
      'MATERIALS_APPROVED',
    ]);
    expect(canTransition('RETURNED', 'SUBMITTED')).toBe(true);
    expect(canTransition('SUBMITTED', 'DRAFT')).toBe(false);
    expect(canTransition('SUBMITTED', 'CANCELLED')).toBe(false);
    for (const status of ['FINALLY_APPROVED', 'TERMINATED', 'CANCELLED'] as const)
      expect(DECLARATION_STATUSES.some((to) => canTransition(status, to))).toBe(false);
  });
});
