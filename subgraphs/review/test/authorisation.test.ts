// The authorisation matrix (ARCHITECTURE §6): every role against every review operation, with the
// declaration at the stage where the operation matters, including another unit's declarations
// and another organisation's tasks. Outcomes: OK, or the error code (another organisation's case
// answers NOT_FOUND, never FORBIDDEN, so ids cannot be probed).
import { randomUUID } from 'node:crypto';
import { Role, type Principal } from '@zhicheng/server-kit';
import {
  COMMITTEE,
  decide,
  DECIDE,
  FORWARD,
  GraphQLClient,
  PASS_OPINION,
  passAndForward,
  QUEUE,
  REVIEW_CASE,
  startTestReview,
  TICKET,
  uploadRecommendation,
  type Actor,
  type GraphQLResult,
  type TestReview,
  type TestUnit,
} from './helpers';

type RoleName =
  | 'owner'
  | 'otherApplicant'
  | 'legalPerson'
  | 'agent'
  | 'otherUnitAgent'
  | 'department'
  | 'otherDepartment'
  | 'bureau'
  | 'otherBureau'
  | 'committee'
  | 'otherCommittee'
  | 'staffWithoutOrganisation'
  | 'anonymous';

const ROLES: RoleName[] = [
  'owner',
  'otherApplicant',
  'legalPerson',
  'agent',
  'otherUnitAgent',
  'department',
  'otherDepartment',
  'bureau',
  'otherBureau',
  'committee',
  'otherCommittee',
  'staffWithoutOrganisation',
  'anonymous',
];

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';

let t: TestReview;
let unit: TestUnit;
let otherUnit: TestUnit;
let owner: Actor;
let actors: Record<RoleName, Actor>;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  otherUnit = await t.readyUnit();
  owner = await t.applicant('张伟');
  actors = {
    owner,
    otherApplicant: await t.applicant('李娜'),
    legalPerson: await t.legalPerson(unit),
    agent: await t.agent(unit),
    otherUnitAgent: await t.agent(otherUnit),
    department: await t.department(),
    otherDepartment: await t.staff(Role.DEPARTMENT_REVIEWER, t.orgs.otherDepartment),
    bureau: await t.bureau(),
    otherBureau: await t.staff(Role.BUREAU_REVIEWER, t.orgs.otherBureau),
    committee: await t.committee(),
    otherCommittee: await t.staff(Role.COMMITTEE_SECRETARY, t.orgs.otherCommittee),
    // A staff token that names no organisation (nothing to review for).
    staffWithoutOrganisation: await (async () => {
      const principal: Principal = {
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: '无机构',
      };
      return { principal, client: new GraphQLClient(t.server.url, await t.tokenFor(principal)) };
    })(),
    anonymous: { principal: owner.principal, client: t.client() },
  };
});
afterAll(() => t?.close());

const outcome = (result: GraphQLResult<unknown>): Outcome =>
  result.errors?.length ? (result.errors[0].extensions?.code as Outcome) : 'OK';

// ---- stages ---------------------------------------------------------------------------------

async function atUnit() {
  return (await t.submit(owner, unit)).declarationId;
}
async function awaitingForward() {
  const id = await atUnit();
  await decide(actors.agent, id, 'PASS');
  return id;
}
async function atDepartment() {
  const id = await atUnit();
  await passAndForward(t, actors.agent, [id]);
  return id;
}
async function atBureau() {
  const id = await atDepartment();
  await decide(actors.department, id, 'PASS');
  return id;
}
async function atCommittee() {
  const id = await atBureau();
  await decide(actors.bureau, id, 'PASS');
  return id;
}

/** Runs `operation` once per role, each on a fresh declaration from `stage` (successes change it). */
async function matrix(
  stage: () => Promise<string>,
  operation: (actor: Actor, declarationId: string, role: RoleName) => Promise<GraphQLResult<unknown>>,
): Promise<Record<RoleName, Outcome>> {
  const out = {} as Record<RoleName, Outcome>;
  for (const role of ROLES) out[role] = outcome(await operation(actors[role], await stage(), role));
  return out;
}

const expected = (ok: RoleName[], rest: Partial<Record<RoleName, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(ROLES.map((role) => [role, ok.includes(role) ? 'OK' : (rest[role] ?? otherwise)]));

// ---- the matrix -----------------------------------------------------------------------------

describe('authorisation matrix', () => {
  it('reviewCase (at the department): the applicant and the organisations that have had it', async () => {
    expect(await matrix(atDepartment, (a, id) => a.client.request(REVIEW_CASE, { id }))).toEqual(
      expected(
        ['owner', 'legalPerson', 'agent', 'department'],
        { anonymous: 'UNAUTHENTICATED', staffWithoutOrganisation: 'FORBIDDEN' },
        'NOT_FOUND',
      ),
    );
  });

  it('decideReview at the unit: only the unit’s legal person and agents', async () => {
    const op = (a: Actor, id: string) =>
      a.client.request(DECIDE, { id, task: 1, decision: 'PASS', opinion: PASS_OPINION });
    expect(await matrix(atUnit, op)).toEqual(
      expected(
        ['legalPerson', 'agent'],
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          // On the route, not there yet.
          department: 'FORBIDDEN',
          bureau: 'FORBIDDEN',
          // The committee records results; it never decides.
          committee: 'FORBIDDEN',
          otherCommittee: 'FORBIDDEN',
          staffWithoutOrganisation: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'NOT_FOUND',
      ),
    );
  });

  it('decideReview at the bureau: only the bureau on the route', async () => {
    const op = (a: Actor, id: string) =>
      a.client.request(DECIDE, { id, task: 3, decision: 'PASS', opinion: PASS_OPINION });
    expect(await matrix(atBureau, op)).toEqual(
      expected(
        ['bureau'],
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          legalPerson: 'FORBIDDEN',
          agent: 'FORBIDDEN',
          department: 'FORBIDDEN',
          committee: 'FORBIDDEN',
          otherCommittee: 'FORBIDDEN',
          staffWithoutOrganisation: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'NOT_FOUND',
      ),
    );
  });

  it('saveModuleFlags at the unit: whoever may decide the task', async () => {
    const op = (a: Actor, id: string) =>
      a.client.request(
        `mutation($id: ID!) { saveModuleFlags(declarationId: $id, taskSequence: 1, flags: [{ module: EDUCATION, hasErrors: true }]) { declarationId } }`,
        { id },
      );
    expect(await matrix(atUnit, op)).toEqual(
      expected(
        ['legalPerson', 'agent'],
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          staffWithoutOrganisation: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'NOT_FOUND',
      ),
    );
  });

  it('forwardBatch (待送审): only the unit, with its own attachment; another unit’s declaration does not exist for it', async () => {
    const op = async (a: Actor, id: string, role: RoleName) => {
      const unitAccount = ['legalPerson', 'agent', 'otherUnitAgent'].includes(role);
      const attachmentId = unitAccount
        ? await uploadRecommendation(t, a)
        : '6f1f5e5e-3d44-4a57-9d7e-0d1b8e3e9a10';
      return a.client.request(FORWARD, { ids: [id], attachmentId });
    };
    expect(await matrix(awaitingForward, op)).toEqual(
      expected(
        ['legalPerson', 'agent'],
        { otherUnitAgent: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
        'FORBIDDEN',
      ),
    );
  });

  it('recordCommitteeResult (at the committee): only the committee on the route', async () => {
    const op = (a: Actor, id: string) =>
      a.client.request(COMMITTEE, { id, result: 'PASS', opinion: '同意。' });
    expect(await matrix(atCommittee, op)).toEqual(
      expected(['committee'], { otherCommittee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' }, 'FORBIDDEN'),
    );
  });

  it('verifyAuditTrail (at the department): staff of organisations that have had it', async () => {
    const op = (a: Actor, id: string) =>
      a.client.request(`query($id: ID!) { verifyAuditTrail(declarationId: $id) { ok } }`, { id });
    expect(await matrix(atDepartment, op)).toEqual(
      expected(
        ['department'],
        {
          owner: 'FORBIDDEN',
          otherApplicant: 'FORBIDDEN',
          legalPerson: 'FORBIDDEN',
          agent: 'FORBIDDEN',
          otherUnitAgent: 'FORBIDDEN',
          staffWithoutOrganisation: 'FORBIDDEN',
          anonymous: 'UNAUTHENTICATED',
        },
        'NOT_FOUND',
      ),
    );
  });

  it('operations without a declaration: queues, counts, opinions, the upload ticket', async () => {
    const reviewers: RoleName[] = [
      'legalPerson',
      'agent',
      'otherUnitAgent',
      'department',
      'otherDepartment',
      'bureau',
      'otherBureau',
      'committee',
      'otherCommittee',
    ];
    const refusedForOthers = { anonymous: 'UNAUTHENTICATED' as const };
    const ops: Record<string, [(a: Actor) => Promise<GraphQLResult<unknown>>, RoleName[]]> = {
      reviewQueue: [(a) => a.client.request(QUEUE, {}), reviewers],
      reviewCounts: [(a) => a.client.request(`{ reviewCounts { noticeId pending } }`), reviewers],
      commonOpinions: [(a) => a.client.request(`{ commonOpinions(kind: PASS) { id } }`), reviewers],
      saveCommonOpinion: [
        (a) =>
          a.client.request(
            `mutation { saveCommonOpinion(kind: RETURN, text: "请补充材料后重新提交。") { id } }`,
          ),
        reviewers,
      ],
      pendingBatchAttachments: [
        (a) => a.client.request(`{ pendingBatchAttachments { id } }`),
        ['legalPerson', 'agent', 'otherUnitAgent'],
      ],
      requestBatchAttachmentUpload: [
        (a) =>
          a.client.request(TICKET, {
            fileName: '申报函.pdf',
            sizeBytes: 1000,
            contentType: 'application/pdf',
          }),
        ['legalPerson', 'agent', 'otherUnitAgent'],
      ],
    };
    for (const [name, [op, ok]] of Object.entries(ops)) {
      const got = {} as Record<RoleName, Outcome>;
      for (const role of ROLES) got[role] = outcome(await op(actors[role]));
      expect({ name, got }).toEqual({ name, got: expected(ok, refusedForOthers, 'FORBIDDEN') });
    }
  });

  it('Declaration.timeline and currentTask (federation): the applicant and the organisations that had it; others see nothing', async () => {
    const id = await atDepartment();
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Declaration { id timeline { step } currentTask { level } } } }`;
    const seen = {} as Record<RoleName, string>;
    for (const role of ROLES) {
      const result = await actors[role].client.request<{
        _entities: Array<{ timeline: unknown[]; currentTask: { level: string } | null }>;
      }>(query, {
        r: [{ __typename: 'Declaration', id }],
      });
      // Entities are read only with a token; the anonymous caller gets no entity at all.
      if (role === 'anonymous') {
        expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        seen[role] = 'none';
        continue;
      }
      const [entity] = result.data!._entities;
      seen[role] =
        entity.timeline.length > 0 ? `${entity.timeline.length}:${entity.currentTask?.level}` : 'none';
    }
    const visible = '3:DEPARTMENT';
    expect(seen).toEqual(
      Object.fromEntries(
        ROLES.map((r) => [r, ['owner', 'legalPerson', 'agent', 'department'].includes(r) ? visible : 'none']),
      ),
    );
  });

  it('queues list only the caller’s organisation’s cases', async () => {
    const id = await atDepartment();
    const list = async (a: Actor, state = 'PENDING') =>
      (
        await a.client.ok<{ reviewQueue: { edges: Array<{ node: { declarationId: string } }> } }>(QUEUE, {
          state,
          first: 100,
        })
      ).reviewQueue.edges.map((e) => e.node.declarationId);
    expect(await list(actors.department)).toContain(id);
    for (const role of [
      'otherDepartment',
      'bureau',
      'otherBureau',
      'committee',
      'agent',
      'otherUnitAgent',
    ] as RoleName[])
      expect({ role, listed: (await list(actors[role])).includes(id) }).toEqual({ role, listed: false });
    // The unit has handled it (已审); the other unit has not.
    expect(await list(actors.agent, 'HANDLED')).toContain(id);
    expect(await list(actors.otherUnitAgent, 'HANDLED')).not.toContain(id);
  });
});
