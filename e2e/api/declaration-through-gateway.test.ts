// An applicant's whole way to 已申报 through the real gateway and all three subgraphs, with the
// events between them: identity's UnitReady makes the demo unit bindable, binding's
// BindingApproved tells declaration the applicant's unit, the files go through the gateway's
// /files route, and one federated query reads what three subgraphs own.
import { codeOf } from '../support/graphql';
import {
  completeTitleModules,
  DEMO_UNIT_CREDIT_CODE,
  demoAgent,
  files,
  ok,
  signedIn,
  TITLE_CATALOGUE_FILES,
  uploadToDeclaration,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_declaration', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const DECLARATION_FIELDS = `id status statusText version
  modules { education { id } }
  validation { ok problems { module message } }
  businessForms { kind url }`;

interface DeclarationJson {
  id: string;
  status: string;
  statusText: string;
  version: number;
  modules: { education: Array<{ id: string }> | null };
  validation: { ok: boolean; problems: Array<{ module: string; message: string }> };
  businessForms: Array<{ kind: string; url: string }>;
}

test('bind → the unit approves → declare → upload through /files → fix the list → submit → 已申报', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const agent = await demoAgent(stack);

  // Unbound applicants cannot start.
  const { notices } = await ok<{ notices: Array<{ id: string; title: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id title } }`,
  );
  expect(notices.length).toBeGreaterThan(0);
  const start = `mutation($noticeId: ID!) { startDeclaration(noticeId: $noticeId, category: NORMAL) { ${DECLARATION_FIELDS} } }`;
  const unbound = await applicant.request(start, { noticeId: notices[0].id });
  expect(unbound.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_BOUND' });

  // Binding: search by credit code (identity), request (binding), the agent approves.
  const { unitByCreditCode } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    applicant,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  await ok(applicant, `mutation($u: ID!) { requestBinding(unitId: $u) { id status statusText } }`, {
    u: unitByCreditCode.id,
  });
  const { unitBindingRequests } = await ok<{
    unitBindingRequests: Array<{ id: string; person: { name: string; idNumberMasked: string } }>;
  }>(agent, `{ unitBindingRequests(status: PENDING) { id person { name idNumberMasked } } }`);
  expect(unitBindingRequests).toHaveLength(1);
  expect(unitBindingRequests[0].person.name).toBe('张伟');
  expect(unitBindingRequests[0].person.idNumberMasked).toMatch(/\*{6,}/);
  const noOpinion = await agent.request(
    `mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "") { id } }`,
    { id: unitBindingRequests[0].id },
  );
  expect(codeOf(noOpinion)).toBe('BAD_USER_INPUT');
  await ok(
    agent,
    `mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意绑定") { id } }`,
    {
      id: unitBindingRequests[0].id,
    },
  );
  await stack.settleEvents();

  // Declare.
  let declaration = (
    await ok<{ startDeclaration: DeclarationJson }>(applicant, start, { noticeId: notices[0].id })
  ).startDeclaration;
  expect(declaration.statusText).toBe('草稿');
  expect(declaration.validation.ok).toBe(false);

  const save = `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
    saveDeclaration(id: $id, expectedVersion: $v, input: $input) { ${DECLARATION_FIELDS} } }`;
  const tooMany = await applicant.request(save, {
    id: declaration.id,
    v: declaration.version,
    input: { innovation: '创'.repeat(600) },
  });
  expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');

  declaration = (
    await ok<{ saveDeclaration: DeclarationJson }>(applicant, save, {
      id: declaration.id,
      v: declaration.version,
      input: completeTitleModules(unitByCreditCode.name),
    })
  ).saveDeclaration;
  const messages = declaration.validation.problems.map((p) => p.message);
  expect(messages).toEqual(
    expect.arrayContaining(['教育经历已填写1条，其中有1条未上传证明材料，请补充上传', '单位公示表未上传']),
  );

  // A program renamed .pdf is refused by its bytes, through the gateway; nothing is kept.
  const disguised = await uploadToDeclaration(
    stack,
    applicant,
    declaration.id,
    { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
    '单位公示表.pdf',
    files.exe(),
    'application/pdf',
  );
  expect(disguised.status).toBe(415);
  expect(disguised.body.error?.code).toBe('FILE_TYPE_NOT_ALLOWED');

  const uploads: Array<[Record<string, string>, string, () => Buffer, string]> = [
    ...TITLE_CATALOGUE_FILES,
    [
      { kind: 'ENTRY', module: 'EDUCATION', entryId: declaration.modules.education![0].id },
      '毕业证书.pdf',
      files.pdf,
      'application/pdf',
    ],
  ];
  for (const [slot, name, bytes, type] of uploads) {
    const stored = await uploadToDeclaration(stack, applicant, declaration.id, slot, name, bytes(), type);
    expect(stored.status).toBe(201);
  }

  const read = `query($id: ID!) { declaration(id: $id) { ${DECLARATION_FIELDS} } }`;
  declaration = (await ok<{ declaration: DeclarationJson }>(applicant, read, { id: declaration.id }))
    .declaration;
  expect(declaration.validation).toEqual({ ok: true, problems: [] });

  // The business form is a real PDF served through the gateway.
  const form = declaration.businessForms.find((f) => f.kind === 'REVIEW_LIST')!;
  const pdf = await fetch(new URL(form.url, stack.origin));
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toContain('application/pdf');
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // Another person cannot see or submit it.
  const other = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  expect(codeOf(await other.request(read, { id: declaration.id }))).toBe('NOT_FOUND');

  const submit = `mutation($id: ID!, $v: Int!, $pledge: Boolean!) {
    submitDeclaration(id: $id, expectedVersion: $v, pledge: $pledge) { ${DECLARATION_FIELDS} } }`;
  const noPledge = await applicant.request(submit, {
    id: declaration.id,
    v: declaration.version,
    pledge: false,
  });
  expect(noPledge.errors?.[0]?.extensions).toMatchObject({ reason: 'PLEDGE_REQUIRED' });
  const [first, second] = await Promise.all([
    applicant.request<{ submitDeclaration: DeclarationJson }>(submit, {
      id: declaration.id,
      v: declaration.version,
      pledge: true,
    }),
    applicant.request<{ submitDeclaration: DeclarationJson }>(submit, {
      id: declaration.id,
      v: declaration.version,
      pledge: true,
    }),
  ]);
  expect(first.data?.submitDeclaration.statusText).toBe('已申报');
  expect(second.data?.submitDeclaration.statusText).toBe('已申报');

  // One federated query across identity, binding and declaration.
  const { me } = await ok<{
    me: {
      person: {
        name: string;
        currentBinding: { statusText: string; unit: { name: string } };
        declarations: Array<{ id: string; statusText: string }>;
      };
    };
  }>(
    applicant,
    `{ me { person { name currentBinding { statusText unit { name } } declarations { id statusText } } } }`,
  );
  expect(me.person.currentBinding).toEqual({
    statusText: '已绑定',
    unit: { name: unitByCreditCode.name },
  });
  expect(me.person.declarations).toEqual([{ id: declaration.id, statusText: '已申报' }]);

  // Exactly one DeclarationSubmitted for the double click.
  await stack.settleEvents();
  const { rows } = await stack.sql(
    `select count(*)::int as n from eventbus.event where type = 'DeclarationSubmitted' and payload->>'declarationId' = $1`,
    [declaration.id],
  );
  expect(rows[0].n).toBe(1);
});
