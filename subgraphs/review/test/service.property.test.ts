// Property test of the service (fast-check): random histories driven through the API by whoever
// reviewCase.allowedActions says may act — decisions, returns, batch forwarding with uploads,
// committee results, 人才分类定级 results, resubmissions as DeclarationSubmitted events — never reach an impossible
// state in the database, and the stored audit trail always verifies (rows round-trip exactly
// into what was hashed).
import fc from 'fast-check';
import { reviewInvariantViolations, verifyAuditChain, MODULE_KEYS, type ReviewState } from '../src/domain';
import { recordOf } from '../src/services/cases';
import { ReviewCase, TimelineEntryRow } from '../src/entities';
import {
  COMMITTEE,
  DECIDE,
  FORWARD,
  reviewCase,
  TALENT_RESULT,
  startTestReview,
  uploadRecommendation,
  type Actor,
  type CaseJson,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let reviewers: Actor[];

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  reviewers = [
    await t.agent(unit),
    await t.legalPerson(unit),
    await t.department(),
    await t.bureau(),
    await t.committee(),
  ];
});
afterAll(() => t?.close());

const OPINIONS = [
  '同意推荐。',
  '  材料齐全，同意上报。 ',
  '证明材料不全，请补充后重新提交。',
  '经评审委员会评议表决。',
  '意见'.repeat(60),
];

async function stored(declarationId: string) {
  const em = t.server.orm.em.fork();
  const row = await em.findOneOrFail(ReviewCase, { declarationId });
  const rows = await em.find(TimelineEntryRow, { declarationId }, { orderBy: { sequence: 'asc' } });
  return { row, rows };
}

describe('the review service (properties)', () => {
  it('random allowed histories through the API keep the stored state sound and the audit chain whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('full', 'demo', 'talent'),
        fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 20 }),
        async (routeKind, tape) => {
          const applicant = await t.applicant();
          const route =
            routeKind === 'full' ? t.fullRoute() : routeKind === 'demo' ? t.demoRoute() : t.talentRoute();
          const channelCode = routeKind === 'talent' ? 'TALENT_CLASSIFICATION' : undefined;
          const { declarationId } = await t.submit(applicant, unit, { route, channelCode });
          let steps = 0;
          for (const n of tape) {
            // Who may act now, as each would see it.
            const views: Array<{ actor: Actor; seen: CaseJson }> = [];
            for (const actor of [...reviewers, applicant]) {
              const result = await actor.client.request<{ reviewCase: CaseJson }>(
                `query($id: ID!) { reviewCase(declarationId: $id) { allowedActions { type taskSequence decisions returnTargets results talentLevels { code } } } }`,
                { id: declarationId },
              );
              if (result.data?.reviewCase?.allowedActions.length)
                views.push({ actor, seen: result.data.reviewCase });
            }
            if (views.length === 0) break;
            const { actor, seen } = views[n % views.length];
            const allowed = seen.allowedActions[n % seen.allowedActions.length];
            const opinion = OPINIONS[n % OPINIONS.length];
            if (allowed.type === 'RESUBMIT') {
              await t.submit(applicant, unit, { declarationId, route, resubmission: true });
            } else if (allowed.type === 'FORWARD') {
              await actor.client.ok(FORWARD, {
                ids: [declarationId],
                attachmentId: await uploadRecommendation(t, actor),
              });
            } else if (allowed.type === 'RECORD_COMMITTEE_RESULT') {
              await actor.client.ok(COMMITTEE, {
                id: declarationId,
                task: allowed.taskSequence,
                result: allowed.results[n % 3],
                opinion,
              });
            } else if (allowed.type === 'RECORD_TALENT_RESULT') {
              await actor.client.ok(TALENT_RESULT, {
                id: declarationId,
                task: allowed.taskSequence,
                result: allowed.results[n % 3],
                opinion,
                // The class applied for, or one of those that may be awarded.
                levelCode: n % 2 ? null : allowed.talentLevels[n % allowed.talentLevels.length].code,
              });
            } else {
              const decision = (['PASS', 'PASS', 'RETURN', 'TERMINATE'] as const)[n % 4];
              await actor.client.ok(DECIDE, {
                id: declarationId,
                task: allowed.taskSequence,
                decision,
                opinion,
                modules:
                  decision === 'RETURN'
                    ? [MODULE_KEYS[n % MODULE_KEYS.length], MODULE_KEYS[(n * 7) % MODULE_KEYS.length]]
                    : null,
                target:
                  decision === 'RETURN' ? allowed.returnTargets[n % allowed.returnTargets.length] : null,
              });
            }
            steps += 1;
          }
          const { row, rows } = await stored(declarationId);
          expect(reviewInvariantViolations(row.state as ReviewState)).toEqual([]);
          expect(rows).toHaveLength(steps + 1);
          expect(
            verifyAuditChain(rows.map(recordOf), {
              head: { sequence: row.headSequence!, hash: row.headHash! },
            }),
          ).toMatchObject({
            ok: true,
            length: steps + 1,
          });
          // What the API shows is what is stored.
          expect((await reviewCase(applicant, declarationId)).timeline).toHaveLength(steps + 1);
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});
