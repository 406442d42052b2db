// 谁查看了我的信息 through the real gateway and all four subgraphs (issue 8 hole 14): the unit's
// agent verifies a binding request with the applicant's full ID number, the unit and then the
// province bureau open the submitted declaration; the applicant's myDataAccessLog lists each with
// the organisation, role, what was seen and when. Queue listings (masked) and the applicant's own
// reads are not logged, and nobody else reads the log.
import {
  completeTitleModules,
  DEMO_UNIT_CREDIT_CODE,
  demoAgent,
  demoStaff,
  files,
  ok,
  postFile,
  signedIn,
  TITLE_CATALOGUE_FILES,
  uploadToDeclaration,
} from '../support/flows';
import { codeOf } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_access_log', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const LOG = `query($after: String) { myDataAccessLog(first: 20, after: $after) {
  totalCount
  edges { cursor node { viewerRole viewerRoleText organisationName items itemsText declarationId viewedAt } }
} }`;
interface LogJson {
  myDataAccessLog: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        viewerRole: string;
        viewerRoleText: string;
        organisationName: string | null;
        items: string[];
        itemsText: string[];
        declarationId: string | null;
        viewedAt: string;
      };
    }>;
  };
}

const REQUESTS = `{ unitBindingRequests(status: PENDING) { id person { id name idNumberMasked } } }`;
interface RequestsJson {
  unitBindingRequests: Array<{
    id: string;
    person: { id: string; name: string; idNumberMasked: string; idNumber?: string | null };
  }>;
}

const OPEN_DECLARATION = `query($id: ID!) {
  reviewCase(declarationId: $id) { statusText currentTask { sequence } }
  declaration(id: $id) { id modules { basicInfo { name idNumber mobile } } attachments { fileName } businessForms { name } }
}`;
interface OpenJson {
  reviewCase: { statusText: string; currentTask: { sequence: number } | null };
  declaration: { modules: { basicInfo: { idNumber: string } } };
}

test('a unit verifying a binding and reviewers opening a declaration are in the applicant’s 谁查看了我的信息', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const other = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const agent = await demoAgent(stack);
  const log = async (session = applicant, after?: string) =>
    (await ok<LogJson>(session, LOG, after ? { after } : {})).myDataAccessLog;

  // The applicant's own reads are never logged.
  const { me } = await ok<{ me: { person: { id: string; idNumber: string } } }>(
    applicant,
    `{ me { person { id idNumber } } }`,
  );
  expect(me.person.idNumber).toMatch(/^\d{17}[\dX]$/);
  await stack.settleEvents();
  expect((await log()).totalCount).toBe(0);

  // 1. The applicant asks to bind; the deciding agent sees the full ID number to verify who asks.
  const { unitByCreditCode: unit } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    applicant,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  const { requestBinding } = await ok<{ requestBinding: { id: string } }>(
    applicant,
    `mutation($u: ID!) { requestBinding(unitId: $u) { id } }`,
    { u: unit.id },
  );
  await stack.settleEvents();
  // The unit's list shows the masked number (not a read); opening the request shows it in full.
  const listed = (await ok<RequestsJson>(agent, REQUESTS)).unitBindingRequests.find(
    (r) => r.id === requestBinding.id,
  )!;
  expect(listed.person.idNumberMasked).toMatch(/\*{6,}/);
  const { bindingRequest: openedRequest } = await ok<{
    bindingRequest: RequestsJson['unitBindingRequests'][number];
  }>(agent, `query($id: ID!) { bindingRequest(id: $id) { id person { id name idNumberMasked idNumber } } }`, {
    id: requestBinding.id,
  });
  expect(openedRequest.person).toMatchObject({ id: me.person.id, idNumber: me.person.idNumber });
  // Another person cannot open it.
  expect(
    codeOf(
      await other.request(`query($id: ID!) { bindingRequest(id: $id) { id } }`, { id: requestBinding.id }),
    ),
  ).toBe('NOT_FOUND');
  const bureau = await demoStaff(stack, 'bureau.province');

  await ok(
    agent,
    `mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意绑定") { id } }`,
    {
      id: requestBinding.id,
    },
  );
  await stack.settleEvents();
  // Decided: the ID number is no longer shown to the unit.
  const { unitBindingRequests: afterDecision } = await ok<{
    unitBindingRequests: Array<{ id: string; person: { idNumber: string | null } }>;
  }>(agent, `{ unitBindingRequests { id person { idNumber } } }`);
  expect(afterDecision.find((r) => r.id === requestBinding.id)?.person.idNumber).toBeNull();

  await stack.settleEvents();
  const afterBinding = await log();
  expect(afterBinding.edges.map((e) => e.node)).toEqual([
    expect.objectContaining({
      viewerRole: 'UNIT_AGENT',
      viewerRoleText: '单位经办人',
      organisationName: unit.name,
      items: ['ID_NUMBER'],
      itemsText: ['完整身份证号码'],
      declarationId: null,
    }),
  ]);
  expect(Date.now() - Date.parse(afterBinding.edges[0].node.viewedAt)).toBeLessThan(60_000);

  // 2. A complete declaration, submitted; the applicant reads it all, unlogged.
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  const { saveDeclaration: saved } = await ok<{
    saveDeclaration: { version: number; modules: { education: Array<{ id: string }> } };
  }>(
    applicant,
    `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
      saveDeclaration(id: $id, expectedVersion: $v, input: $input) { version modules { education { id } } } }`,
    { id: draft.id, v: draft.version, input: completeTitleModules(unit.name) },
  );
  for (const [slot, name, bytes, type] of TITLE_CATALOGUE_FILES)
    expect((await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type)).status).toBe(
      201,
    );
  const proof = { kind: 'ENTRY', module: 'EDUCATION', entryId: saved.modules.education[0].id };
  expect(
    (
      await uploadToDeclaration(
        stack,
        applicant,
        draft.id,
        proof,
        '毕业证书.pdf',
        files.pdf(),
        'application/pdf',
      )
    ).status,
  ).toBe(201);
  await ok(
    applicant,
    `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { id } }`,
    { id: draft.id, v: saved.version },
  );
  await ok(
    applicant,
    `query($id: ID!) { declaration(id: $id) { modules { basicInfo { idNumber } } attachments { id } businessForms { url } } }`,
    { id: draft.id },
  );
  await stack.settleEvents();

  // 3. The unit's queue (names, masked ID numbers) is not a read of anyone's data.
  await ok(
    agent,
    `{ reviewQueue(state: PENDING) { edges { node { declarationId applicantName applicant { idNumberMasked } } } } }`,
  );
  await stack.settleEvents();
  expect((await log()).totalCount).toBe(1);

  // 4. The agent opens the case and declaration (twice: one line), passes and forwards the batch.
  const opened = await ok<OpenJson>(agent, OPEN_DECLARATION, { id: draft.id });
  await ok<OpenJson>(agent, OPEN_DECLARATION, { id: draft.id });
  await ok(
    agent,
    `mutation($id: ID!, $seq: Int!) { decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: "材料齐全，同意推荐。") { statusText } }`,
    { id: draft.id, seq: opened.reviewCase.currentTask!.sequence },
  );
  const report = files.pdf();
  const { requestBatchAttachmentUpload } = await ok<{ requestBatchAttachmentUpload: { url: string } }>(
    agent,
    `mutation($size: Int!) { requestBatchAttachmentUpload(fileName: "推荐报告.pdf", sizeBytes: $size, contentType: "application/pdf") { url } }`,
    { size: report.length },
  );
  const stored = await postFile(stack, agent, requestBatchAttachmentUpload.url, report, 'application/pdf');
  await ok(
    agent,
    `mutation($ids: [ID!]!, $a: ID!) { forwardBatch(declarationIds: $ids, attachmentId: $a) { id } }`,
    {
      ids: [draft.id],
      a: stored.body.attachment!.id,
    },
  );
  await stack.settleEvents();

  // 5. The province bureau's reviewer opens it.
  const seenByBureau = await ok<OpenJson>(bureau, OPEN_DECLARATION, { id: draft.id });
  expect(seenByBureau.declaration.modules.basicInfo.idNumber).toBe(
    opened.declaration.modules.basicInfo.idNumber,
  );
  // Person.idNumber stays the unit's, and only while it decides a binding: staff get null.
  const { declaration: withApplicant } = await ok<{
    declaration: { applicant: { idNumber: string | null } };
  }>(bureau, `query($id: ID!) { declaration(id: $id) { applicant { idNumber } } }`, { id: draft.id });
  expect(withApplicant.applicant.idNumber).toBeNull();
  await stack.settleEvents();

  const final = await log();
  expect(final.totalCount).toBe(3);
  expect(final.edges.map((e) => e.node)).toEqual([
    expect.objectContaining({
      viewerRole: 'BUREAU_REVIEWER',
      viewerRoleText: '人社部门审核人员',
      organisationName: '吉林省人力资源和社会保障厅',
      declarationId: draft.id,
      items: ['BUSINESS_FORMS', 'DECLARATION_CONTENTS', 'DECLARATION_FILES', 'REVIEW_CASE'],
    }),
    expect.objectContaining({
      viewerRole: 'UNIT_AGENT',
      organisationName: unit.name,
      declarationId: draft.id,
      items: ['BUSINESS_FORMS', 'DECLARATION_CONTENTS', 'DECLARATION_FILES', 'REVIEW_CASE'],
      itemsText: ['业务表册', '申报材料', '申报附件', '审核办件'],
    }),
    expect.objectContaining({ viewerRole: 'UNIT_AGENT', items: ['ID_NUMBER'], declarationId: null }),
  ]);
  const times = final.edges.map((e) => Date.parse(e.node.viewedAt));
  expect([...times].sort((a, b) => b - a)).toEqual(times);

  // 6. Nobody else reads it: another person sees only their own (empty) log, even with this
  // person's cursor; unit and staff accounts are refused; no token, no log.
  const theirs = await log(other, final.edges[0].cursor);
  expect(theirs).toEqual({ totalCount: 0, edges: [] });
  expect(codeOf(await agent.request(LOG))).toBe('FORBIDDEN');
  expect(codeOf(await bureau.request(LOG))).toBe('FORBIDDEN');
  const anonymous = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOG }),
  });
  expect(
    ((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions
      .code,
  ).toBe('UNAUTHENTICATED');
  // The log is no field of Person, so no entity path reaches it.
  expect(codeOf(await bureau.request(`{ me { person { id dataAccessLog { totalCount } } } }`))).toBe(
    'GRAPHQL_VALIDATION_FAILED',
  );
});
