import fc from 'fast-check';
import {
  canTransition,
  reviewStopOf,
  reviewVerdict,
  statusAfterReviewFact,
  type DeclarationStatus,
  type ReviewFact,
  type ReviewedDeclaration,
} from '../../src/domain';

const submittedAt = new Date('2026-11-23T10:00:00+08:00');
const later = (minutes: number) => new Date(submittedAt.getTime() + minutes * 60_000);
const at = (status: DeclarationStatus, reviewEventAt: Date | null = null): ReviewedDeclaration => ({
  status,
  submittedAt: status === 'DRAFT' ? null : submittedAt,
  reviewEventAt,
});

const toApplicant = (minutes = 1): ReviewFact => ({
  kind: 'RETURNED',
  at: later(minutes),
  from: { level: 'UNIT', organisationId: 'u' },
  target: 'APPLICANT',
  modules: ['EDUCATION'],
  opinion: '学历证书不清晰',
});
const toUnit = (minutes = 1): ReviewFact => ({ ...toApplicant(minutes), target: 'UNIT' }) as ReviewFact;
const advanced = (minutes = 1): ReviewFact => ({
  kind: 'ADVANCED',
  at: later(minutes),
  to: reviewStopOf('BUREAU', { organisationId: 'b', organisationName: '吉林省人力资源和社会保障厅' }),
});
const materials = (minutes = 1, routeComplete = false): ReviewFact => ({
  kind: 'MATERIALS_APPROVED',
  at: later(minutes),
  routeComplete,
});
const finals = (minutes = 1): ReviewFact => ({ kind: 'FINALLY_APPROVED', at: later(minutes) });
const terminated = (minutes = 1): ReviewFact => ({ kind: 'TERMINATED', at: later(minutes) });
const deferred = (minutes = 1): ReviewFact => ({ kind: 'DEFERRED', at: later(minutes) });

describe('review events → the applicant’s status words (SPEC §3, review’s applicantStatus)', () => {
  it('a return to the applicant is 被退回; to a lower level, a pass on and 暂缓 keep the status', () => {
    expect(statusAfterReviewFact(toApplicant(), 'SUBMITTED')).toBe('RETURNED');
    expect(statusAfterReviewFact(toUnit(), 'SUBMITTED')).toBe('SUBMITTED');
    expect(statusAfterReviewFact(advanced(), 'SUBMITTED')).toBe('SUBMITTED');
    expect(statusAfterReviewFact(deferred(), 'MATERIALS_APPROVED')).toBe('MATERIALS_APPROVED');
  });

  it('材料审核通过 before the committee and at the end of a committee-less route; 终审通过; 终止', () => {
    expect(statusAfterReviewFact(materials(1, false), 'SUBMITTED')).toBe('MATERIALS_APPROVED');
    expect(statusAfterReviewFact(materials(1, true), 'SUBMITTED')).toBe('MATERIALS_APPROVED');
    expect(statusAfterReviewFact(finals(), 'MATERIALS_APPROVED')).toBe('FINALLY_APPROVED');
    expect(statusAfterReviewFact(finals(), 'SUBMITTED')).toBe('FINALLY_APPROVED');
    expect(statusAfterReviewFact(terminated(), 'SUBMITTED')).toBe('TERMINATED');
  });
});

describe('reviewVerdict', () => {
  it('applies each event from the status review leaves the declaration in', () => {
    expect(reviewVerdict(at('SUBMITTED'), toApplicant())).toEqual({ apply: true, status: 'RETURNED' });
    expect(reviewVerdict(at('SUBMITTED'), toUnit())).toEqual({ apply: true, status: 'SUBMITTED' });
    expect(reviewVerdict(at('SUBMITTED'), advanced())).toEqual({ apply: true, status: 'SUBMITTED' });
    expect(reviewVerdict(at('SUBMITTED'), materials())).toEqual({
      apply: true,
      status: 'MATERIALS_APPROVED',
    });
    expect(reviewVerdict(at('MATERIALS_APPROVED'), deferred())).toEqual({
      apply: true,
      status: 'MATERIALS_APPROVED',
    });
    expect(reviewVerdict(at('MATERIALS_APPROVED'), finals())).toEqual({
      apply: true,
      status: 'FINALLY_APPROVED',
    });
    expect(reviewVerdict(at('MATERIALS_APPROVED'), terminated())).toEqual({
      apply: true,
      status: 'TERMINATED',
    });
  });

  it('ignores events for drafts and cancelled declarations', () => {
    expect(reviewVerdict(at('DRAFT'), toApplicant())).toEqual({ apply: false, reason: 'NOT_SUBMITTED' });
    expect(reviewVerdict(at('CANCELLED'), finals())).toEqual({ apply: false, reason: 'NOT_SUBMITTED' });
  });

  it('the same decision again (under another id) is a duplicate', () => {
    expect(reviewVerdict(at('RETURNED', later(1)), toApplicant(1))).toEqual({
      apply: false,
      reason: 'ALREADY',
    });
    expect(reviewVerdict(at('FINALLY_APPROVED', later(1)), finals(2))).toEqual({
      apply: false,
      reason: 'ALREADY',
    });
  });

  it('never moves backwards: older events, events before the latest submission, impossible transitions', () => {
    // A return of the first round arriving after the resubmission.
    expect(
      reviewVerdict({ status: 'SUBMITTED', submittedAt: later(10), reviewEventAt: later(5) }, toApplicant(5)),
    ).toEqual({ apply: false, reason: 'STALE' });
    // Older than the latest review event applied.
    expect(reviewVerdict(at('MATERIALS_APPROVED', later(3)), toApplicant(2))).toEqual({
      apply: false,
      reason: 'STALE',
    });
    // Nothing leaves a final status.
    expect(reviewVerdict(at('FINALLY_APPROVED', later(1)), toApplicant(2))).toEqual({
      apply: false,
      reason: 'NOT_ALLOWED',
    });
    expect(reviewVerdict(at('TERMINATED', later(1)), materials(2))).toEqual({
      apply: false,
      reason: 'NOT_ALLOWED',
    });
    // With the applicant, review has nothing to pass on or defer.
    expect(reviewVerdict(at('RETURNED', later(1)), advanced(2))).toEqual({
      apply: false,
      reason: 'NOT_ALLOWED',
    });
    expect(reviewVerdict(at('MATERIALS_APPROVED', later(1)), materials(2))).toEqual({
      apply: false,
      reason: 'ALREADY',
    });
    // Events of the same instant (a pass emits DeclarationAdvanced and 材料审核通过 together) both apply.
    expect(reviewVerdict(at('SUBMITTED', later(4)), materials(4))).toEqual({
      apply: true,
      status: 'MATERIALS_APPROVED',
    });
  });

  it('property: any sequence of events, in any order, only takes transitions that exist', () => {
    const fact = fc
      .tuple(
        fc.constantFrom(
          toApplicant,
          toUnit,
          advanced,
          (m: number) => materials(m, false),
          (m: number) => materials(m, true),
          finals,
          terminated,
          deferred,
        ),
        fc.integer({ min: -5, max: 60 }),
      )
      .map(([make, minutes]) => make(minutes));
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (facts) => {
        let state: ReviewedDeclaration = at('SUBMITTED');
        for (const f of facts) {
          const verdict = reviewVerdict(state, f);
          if (!verdict.apply) continue;
          expect(verdict.status === state.status || canTransition(state.status, verdict.status)).toBe(true);
          // Time never runs backwards for what was applied.
          expect(f.at.getTime()).toBeGreaterThanOrEqual(
            Math.max(state.submittedAt!.getTime(), state.reviewEventAt?.getTime() ?? 0),
          );
          state = { ...state, status: verdict.status, reviewEventAt: f.at };
        }
      }),
    );
  });
});
