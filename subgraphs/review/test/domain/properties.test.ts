// Property tests of the review machine: histories are generated from the machine's own
// allowedActions (so they explore what the UI can offer), and every step is checked against the
// invariants, the applicant-status transitions the declaration subgraph allows, and the events.
import fc from 'fast-check';
import {
  allowedActions,
  appendAudit,
  applicantStatus,
  applyReviewAction,
  chainTimeline,
  COMMON_OPINIONS,
  isFinal,
  MODULE_KEYS,
  reviewInvariantViolations,
  startReview,
  verifyAuditChain,
  type AllowedAction,
  type ApplicantStatus,
  type AuditRecord,
  type ReviewAction,
  type ReviewActor,
  type ReviewPhase,
  type ReviewResult,
  type ReviewState,
  type RouteLevel,
  type RouteOutcome,
  type Sequenced,
  type TimelineEntry,
} from '../../src/domain';
import {
  applicant,
  bureauReviewer,
  bureauWithoutRole,
  clock,
  committeeSecretary,
  deepFreeze,
  departmentReviewer,
  ids,
  names,
  otherApplicant,
  otherBureauReviewer,
  otherCommitteeSecretary,
  otherDepartmentReviewer,
  otherUnitAgent,
  unitAgent,
  unitLegalPerson,
} from './fixtures';

/** Everyone who might try something: the route's reviewers, strangers, the wrong role, applicants. */
const ACTORS: readonly ReviewActor[] = [
  unitAgent,
  unitLegalPerson,
  departmentReviewer,
  bureauReviewer,
  committeeSecretary,
  otherUnitAgent,
  otherDepartmentReviewer,
  otherBureauReviewer,
  otherCommitteeSecretary,
  bureauWithoutRole,
  applicant,
  otherApplicant,
];

// --- routes -----------------------------------------------------------------------------------

interface RouteShape {
  department: 'PRESENT' | 'WU' | 'ABSENT';
  bureau: boolean;
  committee: boolean;
  outcome: RouteOutcome;
}

const routeShapeArb: fc.Arbitrary<RouteShape> = fc.record({
  department: fc.constantFrom('PRESENT', 'WU', 'ABSENT'),
  bureau: fc.boolean(),
  committee: fc.boolean(),
  outcome: fc.constantFrom<RouteOutcome>('FINALLY_APPROVED', 'MATERIALS_APPROVED'),
});

function routeOf(shape: RouteShape): { route: RouteLevel[]; outcome?: RouteOutcome } {
  const route: RouteLevel[] = [{ level: 'UNIT', organisationId: null, name: '推荐单位' }];
  if (shape.department === 'PRESENT')
    route.push({ level: 'DEPARTMENT', organisationId: ids.department, name: names.department });
  if (shape.department === 'WU') route.push({ level: 'DEPARTMENT', organisationId: null, name: '无' });
  if (shape.bureau) route.push({ level: 'BUREAU', organisationId: ids.bureau, name: names.bureau });
  if (shape.committee)
    route.push({ level: 'COMMITTEE', organisationId: ids.committee, name: names.committee });
  return { route, outcome: shape.committee ? undefined : shape.outcome };
}

// --- generated histories ----------------------------------------------------------------------

/** Reads choices off a tape of numbers (fast-check shrinks the tape, so failures come out short). */
class Tape {
  private position = 0;
  constructor(private readonly values: readonly number[]) {}
  next(): number {
    return this.position < this.values.length ? this.values[this.position++] : 0;
  }
  get exhausted(): boolean {
    return this.position >= this.values.length;
  }
}

const OPINIONS = COMMON_OPINIONS.map((o) => o.text);

function concrete(allowed: AllowedAction, tape: Tape, step: number): ReviewAction {
  const opinion = `${OPINIONS[tape.next() % OPINIONS.length]}${' '.repeat(tape.next() % 2)}`;
  const task = 'task' in allowed && tape.next() % 2 === 0 ? allowed.task : undefined;
  switch (allowed.type) {
    case 'RESUBMIT':
      return { type: 'RESUBMIT' };
    case 'FORWARD':
      return { type: 'FORWARD', task, batch: { id: `batch-${step}`, attachmentId: `file-${step}` } };
    case 'RECORD_COMMITTEE_RESULT': {
      const result = (['PASS', 'PASS', 'FAIL', 'DEFER'] as const)[tape.next() % 4];
      return { type: 'RECORD_COMMITTEE_RESULT', task, result, opinion };
    }
    case 'RECORD_TALENT_RESULT': {
      const result = (['PASS', 'PASS', 'FAIL', 'DEFER'] as const)[tape.next() % 4];
      // The class applied for (none given) or any class that may be awarded.
      const pick = tape.next() % (allowed.levels.length + 1);
      const levelCode = pick === allowed.levels.length ? undefined : allowed.levels[pick].code;
      return { type: 'RECORD_TALENT_RESULT', task, result, opinion, levelCode };
    }
    case 'DECIDE': {
      // Passing more often than not, so histories also reach the committee and the end.
      const decision = (['PASS', 'PASS', 'PASS', 'PASS', 'RETURN', 'RETURN', 'TERMINATE'] as const)[
        tape.next() % 7
      ];
      if (decision !== 'RETURN') return { type: 'DECIDE', task, decision, opinion };
      const modules = Array.from(
        { length: 1 + (tape.next() % 3) },
        () => MODULE_KEYS[tape.next() % MODULE_KEYS.length],
      );
      const target = allowed.returnTargets[tape.next() % allowed.returnTargets.length];
      return { type: 'DECIDE', task, decision, opinion, modules, target };
    }
  }
}

interface Step {
  before: ReviewState;
  after: ReviewState;
  action: ReviewAction;
  actor: ReviewActor;
  result: Extract<ReviewResult, { ok: true }>;
}

interface History {
  states: ReviewState[];
  steps: Step[];
  timeline: TimelineEntry[];
}

function simulate(shape: RouteShape, tapeValues: readonly number[]): History {
  const { route, outcome } = routeOf(shape);
  const started = startReview(
    {
      declarationId: ids.declaration,
      applicantId: ids.applicant,
      applicantName: '张伟',
      unitId: ids.unit,
      unitName: names.unit,
      route,
      outcomeAfterRoute: outcome,
      talentLevelCode: outcome === 'MATERIALS_APPROVED' ? 'C' : null,
    },
    clock(0),
  );
  if (!started.ok) throw new Error(started.refusal.message);
  let state = deepFreeze(started.state);
  const history: History = { states: [state], steps: [], timeline: [...started.timeline] };
  const tape = new Tape(tapeValues);
  while (!tape.exhausted) {
    const options = ACTORS.flatMap((actor) =>
      allowedActions(state, actor).map((allowed) => ({ actor, allowed })),
    );
    if (options.length === 0) break;
    const { actor, allowed } = options[tape.next() % options.length];
    const action = concrete(allowed, tape, history.steps.length + 1);
    const result = applyReviewAction(state, action, actor, clock(history.steps.length + 1));
    if (!result.ok)
      throw new Error(
        `allowed ${JSON.stringify(action)} by ${JSON.stringify(actor)} refused: ${result.refusal.message}`,
      );
    const after = deepFreeze(result.state);
    history.steps.push({ before: state, after, action, actor, result });
    history.states.push(after);
    history.timeline.push(...result.timeline);
    state = after;
  }
  return history;
}

const historyArb = fc
  .record({
    shape: routeShapeArb,
    tape: fc.array(fc.nat({ max: 10_000 }), { maxLength: 160, size: 'large' }),
  })
  .map(({ shape, tape }) => ({ shape, tape, history: simulate(shape, tape) }));

// The declaration subgraph's STATUS_TRANSITIONS among the statuses review produces.
const STATUS_CHANGES = new Set([
  'SUBMITTED>RETURNED',
  'SUBMITTED>TERMINATED',
  'SUBMITTED>MATERIALS_APPROVED',
  'SUBMITTED>FINALLY_APPROVED',
  'MATERIALS_APPROVED>FINALLY_APPROVED',
  'MATERIALS_APPROVED>TERMINATED',
  'RETURNED>SUBMITTED',
]);

function checkStep(step: Step): void {
  const { before, after, result } = step;
  expect(reviewInvariantViolations(after)).toEqual([]);
  expect(after.version).toBe(before.version + 1);
  const from: ApplicantStatus = applicantStatus(before);
  const to: ApplicantStatus = applicantStatus(after);
  if (from !== to) expect(STATUS_CHANGES).toContain(`${from}>${to}`);

  const types = result.events.map((e) => e.type);
  const became = (phase: ReviewPhase) => before.phase !== phase && after.phase === phase;
  expect(types.includes('DeclarationFinallyApproved')).toBe(became('FINALLY_APPROVED'));
  expect(types.includes('DeclarationTerminated')).toBe(became('TERMINATED'));
  expect(
    result.events.some((e) => e.type === 'DeclarationReturned' && e.payload.targetLevel === 'APPLICANT'),
  ).toBe(became('RETURNED'));
  expect(types.includes('DeclarationMaterialsApproved')).toBe(
    from === 'SUBMITTED' && to === 'MATERIALS_APPROVED',
  );
  const opened = after.tasks.length > before.tasks.length ? after.tasks[after.tasks.length - 1] : null;
  expect(types.includes('DeclarationAdvanced')).toBe(opened?.origin === 'ADVANCED');
  for (const event of result.events) expect(event.payload.declarationId).toBe(after.declarationId);

  expect(result.timeline).toHaveLength(1);
  expect(result.timeline[0]).toMatchObject({ declarationId: after.declarationId, statusAfter: to });
}

describe('the review machine (properties)', () => {
  it('allowed actions never reach an impossible state', () => {
    fc.assert(
      fc.property(historyArb, ({ history }) => {
        expect(reviewInvariantViolations(history.states[0])).toEqual([]);
        history.steps.forEach(checkStep);
        // Nothing is offered once the review has ended, to anyone.
        const last = history.states[history.states.length - 1];
        if (isFinal(last)) for (const actor of ACTORS) expect(allowedActions(last, actor)).toEqual([]);
        // The applicant is the only one who can move a returned declaration.
        if (last.phase === 'RETURNED')
          expect(ACTORS.filter((a) => allowedActions(last, a).length > 0)).toEqual([applicant]);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches every phase, task state and kind of opening (the properties are not vacuous)', () => {
    const phases = new Set<string>();
    const taskStates = new Set<string>();
    const origins = new Set<string>();
    for (const { history } of fc.sample(historyArb, { numRuns: 400, seed: 20261123 })) {
      for (const state of history.states) {
        phases.add(state.phase);
        for (const task of state.tasks) {
          taskStates.add(task.state);
          origins.add(task.origin);
        }
      }
    }
    // MATERIALS_APPROVED as a phase is only what older 人才分类定级 reviews ended in: now the
    // result task (origin MATERIALS_APPROVED) follows.
    expect([...phases].sort()).toEqual(['FINALLY_APPROVED', 'IN_REVIEW', 'RETURNED', 'TERMINATED']);
    expect([...taskStates].sort()).toEqual([
      'AWAITING_FORWARD',
      'DEFERRED',
      'FORWARDED',
      'PASSED',
      'PENDING',
      'RETURNED',
      'TERMINATED',
    ]);
    expect([...origins].sort()).toEqual([
      'ADVANCED',
      'MATERIALS_APPROVED',
      'RESUBMITTED',
      'RETURNED_FROM_ABOVE',
      'SUBMITTED',
    ]);
  });
});

// --- arbitrary (mostly wrong) actions -----------------------------------------------------------

const opinionArb = fc.oneof(
  fc.constantFrom('', '   ', '\n\t'),
  fc.constantFrom(...OPINIONS),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('审'.repeat(500), '审'.repeat(501)),
);
const taskArb = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

const actionArb: fc.Arbitrary<ReviewAction> = fc.oneof(
  fc.record({
    type: fc.constant('DECIDE' as const),
    task: taskArb,
    decision: fc.constantFrom('PASS', 'RETURN', 'TERMINATE', 'APPROVE') as fc.Arbitrary<'PASS'>,
    opinion: opinionArb,
    modules: fc.option(
      fc.array(fc.constantFrom(...MODULE_KEYS, 'SALARY') as fc.Arbitrary<(typeof MODULE_KEYS)[number]>, {
        maxLength: 3,
      }),
      { nil: undefined },
    ),
    target: fc.option(fc.constantFrom('APPLICANT', 'UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'), {
      nil: undefined,
    }),
  }),
  fc.record({
    type: fc.constant('FORWARD' as const),
    task: taskArb,
    batch: fc.record({
      id: fc.constantFrom('batch-x', ''),
      attachmentId: fc.constantFrom('file-x', null, '', '  '),
    }),
  }),
  fc.record({
    type: fc.constant('RECORD_COMMITTEE_RESULT' as const),
    task: taskArb,
    result: fc.constantFrom('PASS', 'FAIL', 'DEFER', 'MAYBE') as fc.Arbitrary<'PASS'>,
    opinion: opinionArb,
  }),
  fc.record({
    type: fc.constant('RECORD_TALENT_RESULT' as const),
    task: taskArb,
    result: fc.constantFrom('PASS', 'FAIL', 'DEFER', 'MAYBE') as fc.Arbitrary<'PASS'>,
    opinion: opinionArb,
    levelCode: fc.constantFrom(undefined, null, '', 'A', 'E', 'F', '第一类'),
  }),
  fc.constant({ type: 'RESUBMIT' as const }),
);

function wellFormedOpinion(opinion: unknown): boolean {
  const text = typeof opinion === 'string' ? opinion.trim() : '';
  return text !== '' && [...text].length <= 500;
}

/** An oracle written apart from the machine: allowed by allowedActions and well-formed input. */
function shouldAccept(state: ReviewState, action: ReviewAction, actor: ReviewActor): boolean {
  const match = allowedActions(state, actor).find((a) => a.type === action.type);
  if (!match) return false;
  if (action.type === 'RESUBMIT') return true;
  if ('task' in match && action.task !== undefined && action.task !== match.task) return false;
  if (action.type === 'FORWARD') return !!action.batch.id && !!action.batch.attachmentId?.trim();
  if (action.type === 'RECORD_COMMITTEE_RESULT')
    return (
      match.type === 'RECORD_COMMITTEE_RESULT' &&
      match.results.includes(action.result) &&
      wellFormedOpinion(action.opinion)
    );
  if (action.type === 'RECORD_TALENT_RESULT') {
    const level = action.levelCode?.trim();
    return (
      match.type === 'RECORD_TALENT_RESULT' &&
      match.results.includes(action.result) &&
      wellFormedOpinion(action.opinion) &&
      (!level || match.levels.some((l) => l.code === level)) &&
      (action.result !== 'PASS' || !!level || match.appliedLevel !== null)
    );
  }
  if (
    match.type !== 'DECIDE' ||
    !match.decisions.includes(action.decision) ||
    !wellFormedOpinion(action.opinion)
  )
    return false;
  if (action.decision !== 'RETURN') return true;
  const modules = action.modules ?? [];
  return (
    modules.length > 0 &&
    modules.every((m) => MODULE_KEYS.includes(m)) &&
    action.target !== undefined &&
    match.returnTargets.includes(action.target)
  );
}

describe('arbitrary actions (properties)', () => {
  it('are accepted exactly when allowed and well-formed; refusals leave the state as it was', () => {
    let refusedCount = 0;
    let acceptedCount = 0;
    fc.assert(
      fc.property(
        historyArb,
        fc.nat(),
        fc.constantFrom(...ACTORS),
        actionArb,
        ({ history }, pick, actor, action) => {
          const state = history.states[pick % history.states.length];
          const before = structuredClone(state);
          const result = applyReviewAction(state, action, actor, clock(999));
          expect(result.ok).toBe(shouldAccept(state, action, actor));
          expect(state).toEqual(before);
          if (result.ok) {
            acceptedCount += 1;
            expect(reviewInvariantViolations(result.state)).toEqual([]);
          } else {
            refusedCount += 1;
            expect(['FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND']).toContain(result.refusal.code);
            expect(result.refusal.message).toMatch(/[\u4e00-\u9fff]/u);
            if (result.refusal.code === 'BAD_USER_INPUT')
              expect(result.refusal.fields?.length).toBeGreaterThan(0);
          }
        },
      ),
      // Enough runs that some arbitrary action is also right (one in a few hundred is).
      { numRuns: 3000 },
    );
    // Most arbitrary actions are wrong; some are right: both sides of the oracle were exercised.
    expect(refusedCount).toBeGreaterThan(acceptedCount);
    expect(acceptedCount).toBeGreaterThan(0);
  });

  it('after 审核不通过终止审核 or the end of the route, everything is refused', () => {
    fc.assert(
      fc.property(historyArb, fc.constantFrom(...ACTORS), actionArb, ({ history }, actor, action) => {
        const last = history.states[history.states.length - 1];
        fc.pre(isFinal(last));
        const result = applyReviewAction(last, action, actor, clock(999));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

// --- the audit chain of generated histories -------------------------------------------------

type AlterableField = keyof TimelineEntry | 'sequence' | 'previousHash';
type Tampering =
  | { kind: 'alter'; at: number; field: AlterableField }
  | { kind: 'alterAndRehash'; at: number; field: keyof TimelineEntry }
  | { kind: 'remove'; at: number }
  | { kind: 'swap'; at: number; with: number };

const FIELDS: Array<keyof TimelineEntry> = [
  'opinion',
  'actorName',
  'actorId',
  'at',
  'step',
  'level',
  'organisationId',
  'modules',
  'statusAfter',
  'taskSequence',
  'batchId',
];

function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (value === null) return '改';
  if (Array.isArray(value)) return [...value, 'OTHER_MATERIALS'];
  return `${String(value)}改`;
}

describe('the audit chain of any history (properties)', () => {
  const chained = historyArb.map(({ history }) => {
    const records = chainTimeline(history.timeline, null);
    const last = records[records.length - 1];
    return { records, head: { sequence: last.sequence, hash: last.hash } };
  });

  it('always verifies, also against its head', () => {
    fc.assert(
      fc.property(chained, ({ records, head }) => {
        expect(verifyAuditChain(records, { head })).toEqual({ ok: true, length: records.length, head });
        expect(records.map((r) => r.sequence)).toEqual(records.map((_, i) => i));
      }),
      { numRuns: 200 },
    );
  });

  it('detects any single alteration, removal or reordering, at the entry where it happened', () => {
    const tamperingArb = (n: number): fc.Arbitrary<Tampering> =>
      fc.oneof(
        fc.record({
          kind: fc.constant('alter' as const),
          at: fc.nat({ max: n - 1 }),
          field: fc.constantFrom<AlterableField>(...FIELDS, 'sequence', 'previousHash'),
        }),
        fc.record({
          kind: fc.constant('alterAndRehash' as const),
          at: fc.nat({ max: n - 1 }),
          field: fc.constantFrom(...FIELDS),
        }),
        fc.record({ kind: fc.constant('remove' as const), at: fc.nat({ max: n - 1 }) }),
        fc.record({
          kind: fc.constant('swap' as const),
          at: fc.nat({ max: n - 1 }),
          with: fc.nat({ max: n - 1 }),
        }),
      );
    fc.assert(
      fc.property(
        chained.chain(({ records, head }) =>
          tamperingArb(records.length).map((tampering) => ({ records, head, tampering })),
        ),
        ({ records, head, tampering }) => {
          const copy: Array<AuditRecord<Sequenced>> = records.map((r) => ({ ...r }));
          const n = records.length;
          if (tampering.kind === 'alter') {
            const record = copy[tampering.at] as unknown as Record<string, unknown>;
            record[tampering.field] = changed(record[tampering.field]);
            expect(verifyAuditChain(copy)).toMatchObject({
              ok: false,
              index: tampering.at,
              reason: 'ALTERED',
            });
          } else if (tampering.kind === 'alterAndRehash') {
            // A forger who recomputes the hash of the entry they changed.
            const record = { ...copy[tampering.at] } as unknown as Record<string, unknown>;
            record[tampering.field] = changed(record[tampering.field]);
            const { hash: _hash, ...rest } = record;
            const { previousHash, ...entry } = rest as unknown as { previousHash: string | null } & Sequenced;
            copy[tampering.at] = appendAudit(previousHash, entry);
            expect(verifyAuditChain(copy, { head })).toMatchObject(
              tampering.at < n - 1
                ? { ok: false, index: tampering.at + 1, reason: 'BROKEN_LINK' }
                : { ok: false, index: n - 1, reason: 'HEAD_MISMATCH' },
            );
          } else if (tampering.kind === 'remove') {
            copy.splice(tampering.at, 1);
            expect(verifyAuditChain(copy, { head })).toMatchObject(
              tampering.at < n - 1
                ? { ok: false, index: tampering.at, reason: 'MISSING' }
                : { ok: false, index: n - 1, reason: 'TRUNCATED' },
            );
          } else {
            fc.pre(tampering.at !== tampering.with);
            [copy[tampering.at], copy[tampering.with]] = [copy[tampering.with], copy[tampering.at]];
            expect(verifyAuditChain(copy)).toMatchObject({
              ok: false,
              index: Math.min(tampering.at, tampering.with),
              reason: 'REORDERED',
            });
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
