// The committee's list of results (recordCommitteeResults) and the desk's paged, filtered queue,
// through the real gateway and every subgraph: two declarations (张伟, 李娜) go unit → bureau →
// committee; bad lists are refused whole (an empty list, made-up and malformed ids, the other
// committee's secretary, the bureau, the unit); then one call records 通过 for both and the
// applicants read 终审通过.
import { randomUUID } from 'node:crypto';
import { codeOf } from '../support/graphql';
import {
  bindToDemoUnit,
  DEMO_APPLICANTS,
  demoAgent,
  demoStaff,
  files,
  ok,
  postFile,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import type { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_committee_results', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const RESULTS = `mutation($ids: [ID!]!, $result: CommitteeResult!, $opinion: String!) {
  recordCommitteeResults(declarationIds: $ids, result: $result, opinion: $opinion) { declarationId statusText } }`;
const QUEUE = `query($state: ReviewQueueState!, $filter: ReviewQueueFilter, $first: Int, $offset: Int) {
  reviewQueue(state: $state, filter: $filter, first: $first, offset: $offset) {
    totalCount pageInfo { hasNextPage hasPreviousPage }
    edges { node { declarationId applicantName seriesName specialtyName unitName } } } }`;

async function pass(session: GraphQLSession, id: string) {
  const { reviewCase } = await ok<{ reviewCase: { currentTask: { sequence: number } } }>(
    session,
    `query($id: ID!) { reviewCase(declarationId: $id) { currentTask { sequence } } }`,
    { id },
  );
  await ok(
    session,
    `mutation($id: ID!, $seq: Int!) { decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: "符合申报条件，同意推荐。") { statusText } }`,
    { id, seq: reviewCase.currentTask.sequence },
  );
}

type Page = {
  reviewQueue: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
    edges: Array<{ node: { applicantName: string; seriesName: string | null; unitName: string | null } }>;
  };
};

test('a committee records one result for many declarations, all or none; hostile lists change nothing', async () => {
  const agent = await demoAgent(stack);
  const zhang = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.张伟.mobile });
  const li = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.李娜.mobile });
  const unit = await bindToDemoUnit(stack, zhang, agent);
  await bindToDemoUnit(stack, li, agent);
  const ids = [
    await submittedTitleDeclaration(stack, zhang, unit.name),
    await submittedTitleDeclaration(stack, li, unit.name, DEMO_APPLICANTS.李娜),
  ];

  // The unit's queue pages by number and filters by 系列 (the bureau's by 推荐单位).
  const first = (await ok<Page>(agent, QUEUE, { state: 'PENDING', first: 1, offset: 0 })).reviewQueue;
  expect(first.totalCount).toBe(2);
  expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
  expect(first.edges[0].node.seriesName).toBe('工程系列');
  const second = (await ok<Page>(agent, QUEUE, { state: 'PENDING', first: 1, offset: 1 })).reviewQueue;
  expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  expect([first.edges[0].node.applicantName, second.edges[0].node.applicantName].sort()).toEqual([
    '张伟',
    '李娜',
  ]);
  expect(
    (await ok<Page>(agent, QUEUE, { state: 'PENDING', filter: { seriesCode: 'EDU' } })).reviewQueue
      .totalCount,
  ).toBe(0);
  expect(
    codeOf(
      await agent.request(QUEUE, {
        state: 'PENDING',
        offset: 10_001,
        filter: { submittedFrom: '2026-13-01' },
      }),
    ),
  ).toBe('BAD_USER_INPUT');

  // unit → (批量送审) → bureau → committee
  for (const id of ids) await pass(agent, id);
  const { requestBatchAttachmentUpload: ticket } = await ok<{
    requestBatchAttachmentUpload: { url: string };
  }>(
    agent,
    `mutation { requestBatchAttachmentUpload(fileName: "推荐报告.pdf", sizeBytes: 2048, contentType: "application/pdf") { url } }`,
  );
  const uploaded = await postFile(stack, agent, ticket.url, files.pdf(), 'application/pdf');
  await ok(
    agent,
    `mutation($ids: [ID!]!, $a: ID!) { forwardBatch(declarationIds: $ids, attachmentId: $a) { id } }`,
    {
      ids,
      a: uploaded.body.attachment!.id,
    },
  );
  await stack.settleEvents();
  const bureau = await demoStaff(stack, 'bureau.province');
  expect(
    (await ok<Page>(bureau, QUEUE, { state: 'PENDING', filter: { unitName: unit.name.slice(2, 8) } }))
      .reviewQueue.totalCount,
  ).toBe(2);
  for (const id of ids) await pass(bureau, id);
  await stack.settleEvents();

  const committee = await demoStaff(stack, 'committee.engineering');
  const otherCommittee = await demoStaff(stack, 'committee.teachers');
  const opinion = '经评审委员会评议表决，同意通过。';
  const refused = async (session: GraphQLSession, list: string[], text = opinion) =>
    codeOf(await session.request(RESULTS, { ids: list, result: 'PASS', opinion: text }));

  expect(await refused(committee, [])).toBe('BAD_USER_INPUT');
  expect(await refused(committee, [ids[0], 'not-an-id'])).toBe('BAD_USER_INPUT');
  expect(await refused(committee, [ids[0], randomUUID()])).toBe('NOT_FOUND');
  expect(await refused(committee, ids, '  ')).toBe('BAD_USER_INPUT');
  // The teachers' committee cannot record the engineering committee's cases (they do not exist for it).
  const other = await otherCommittee.request(RESULTS, { ids, result: 'FAIL', opinion: '不通过。' });
  expect(codeOf(other)).toBe('NOT_FOUND');
  expect(other.errors?.[0].extensions?.reason).toBe('BATCH_REFUSED');
  expect(await refused(bureau, ids)).toBe('FORBIDDEN');
  expect(await refused(agent, ids)).toBe('FORBIDDEN');
  expect(await refused(zhang, ids)).toBe('FORBIDDEN');
  // Nothing changed: both still wait at the engineering committee.
  expect((await ok<Page>(committee, QUEUE, { state: 'PENDING' })).reviewQueue.totalCount).toBe(2);

  const { recordCommitteeResults } = await ok<{
    recordCommitteeResults: Array<{ declarationId: string; statusText: string }>;
  }>(committee, RESULTS, { ids, result: 'PASS', opinion });
  expect(recordCommitteeResults).toEqual(
    ids.map((declarationId) => ({ declarationId, statusText: '终审通过' })),
  );
  await stack.settleEvents();
  for (const [session, id] of [
    [zhang, ids[0]],
    [li, ids[1]],
  ] as const) {
    const { declaration } = await ok<{ declaration: { statusText: string } }>(
      session,
      `query($id: ID!) { declaration(id: $id) { statusText } }`,
      { id },
    );
    expect(declaration.statusText).toBe('终审通过');
  }
  // A second list for the same cases: already decided, refused whole.
  expect(await refused(committee, ids)).toBe('CONFLICT');
}, 180_000);
