import {
  APPLICANT_STATUS_WORDS,
  applicantStatus,
  applyReviewAction,
  routeProgress,
  type ApplicantStatus,
  type ReviewAction,
} from '../../src/domain';
import {
  batch,
  bureauReviewer,
  clock,
  committeeSecretary,
  departmentReviewer,
  ok,
  PASS_OPINION,
  RETURN_OPINION,
  start,
  unitAgent,
} from './fixtures';

const pass: ReviewAction = { type: 'DECIDE', decision: 'PASS', opinion: PASS_OPINION };

describe('the applicant’s status (业务状态)', () => {
  it('speaks the seeds’ words', () => {
    expect(APPLICANT_STATUS_WORDS).toEqual<Record<ApplicantStatus, string>>({
      DRAFT: '草稿',
      SUBMITTED: '已申报',
      RETURNED: '被退回',
      MATERIALS_APPROVED: '材料审核通过',
      FINALLY_APPROVED: '终审通过',
      TERMINATED: '审核不通过终止审核',
    });
  });

  it('is 草稿 before any review, then follows the route', () => {
    expect(applicantStatus(null)).toBe('DRAFT');
    let state = start();
    const seen: ApplicantStatus[] = [applicantStatus(state)];
    const steps: Array<[ReviewAction, typeof unitAgent]> = [
      [pass, unitAgent],
      [{ type: 'FORWARD', batch }, unitAgent],
      [pass, departmentReviewer],
      [pass, bureauReviewer],
      [{ type: 'RECORD_COMMITTEE_RESULT', result: 'PASS', opinion: '同意通过。' }, committeeSecretary],
    ];
    steps.forEach(([action, actor], i) => {
      state = ok(applyReviewAction(state, action, actor, clock(i + 1))).state;
      seen.push(applicantStatus(state));
    });
    expect(seen).toEqual([
      'SUBMITTED',
      'SUBMITTED',
      'SUBMITTED',
      'SUBMITTED',
      'MATERIALS_APPROVED',
      'FINALLY_APPROVED',
    ]);
  });
});

describe('route progress (进度跟踪)', () => {
  it('marks passed, current and waiting levels', () => {
    let state = ok(applyReviewAction(start(), pass, unitAgent, clock(1))).state;
    expect(routeProgress(state).map((n) => [n.level, n.node, n.taskState])).toEqual([
      ['UNIT', 'CURRENT', 'AWAITING_FORWARD'],
      ['DEPARTMENT', 'WAITING', null],
      ['BUREAU', 'WAITING', null],
      ['COMMITTEE', 'WAITING', null],
    ]);
    state = ok(applyReviewAction(state, { type: 'FORWARD', batch }, unitAgent, clock(2))).state;
    state = ok(applyReviewAction(state, pass, departmentReviewer, clock(3))).state;
    const returned = ok(
      applyReviewAction(
        state,
        {
          type: 'DECIDE',
          decision: 'RETURN',
          opinion: RETURN_OPINION,
          modules: ['PAPERS'],
          target: 'APPLICANT',
        },
        bureauReviewer,
        clock(4),
      ),
    ).state;
    expect(routeProgress(returned).map((n) => n.node)).toEqual(['DONE', 'DONE', 'RETURNED', 'WAITING']);
    const terminated = ok(
      applyReviewAction(
        state,
        { type: 'DECIDE', decision: 'TERMINATE', opinion: '不符合申报条件。' },
        bureauReviewer,
        clock(4),
      ),
    ).state;
    expect(routeProgress(terminated).map((n) => n.node)).toEqual(['DONE', 'DONE', 'TERMINATED', 'WAITING']);
  });
});
