// An applicant's whole way to 已申报 through the real gateway and all three subgraphs, with the
// events between them: identity's UnitReady makes the demo unit bindable, binding's
// BindingApproved tells declaration the applicant's unit, the files go through the gateway's
// /files route, and one federated query reads what three subgraphs own.
import { randomUUID } from 'node:crypto';
import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { codeOf, GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

const DEMO_PASSWORD = 'Zc@demo2026';
const UNIT_CREDIT_CODE = makeCreditCode('91220101MA0000001');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_declaration', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

async function signedIn(input: Record<string, unknown>): Promise<GraphQLSession> {
  const session = new GraphQLSession(stack.graphqlUrl);
  await session.request('mutation { createCaptcha { id } }');
  const captcha = await stack.latestCaptcha();
  const answer = await session.request<{ signIn: { accessToken: string } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { ...input, password: DEMO_PASSWORD, captchaId: captcha.id, captchaAnswer: captcha.answer } },
  );
  expect(answer.errors).toBeUndefined();
  session.token = answer.data!.signIn.accessToken;
  return session;
}

async function ok<T>(
  session: GraphQLSession,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const answer = await session.request<T>(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

// Smallest files whose first bytes are what they claim.
const files = {
  pdf: () => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]),
  jpg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 1)]),
  png: () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 2)]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 3)]),
};

async function upload(
  session: GraphQLSession,
  declarationId: string,
  slot: Record<string, string>,
  fileName: string,
  bytes: Buffer,
  contentType: string,
) {
  const { requestUpload } = await ok<{ requestUpload: { url: string } }>(
    session,
    `mutation($declarationId: ID!, $slot: AttachmentSlotInput!, $fileName: String!, $sizeBytes: Int!, $contentType: String!) {
      requestUpload(declarationId: $declarationId, slot: $slot, fileName: $fileName, sizeBytes: $sizeBytes, contentType: $contentType) { url }
    }`,
    { declarationId, slot, fileName, sizeBytes: bytes.length, contentType },
  );
  // The ticket's URL is relative to the gateway's origin: the browser posts there.
  expect(requestUpload.url).toMatch(/^\/files\/uploads\//);
  const response = await fetch(new URL(requestUpload.url, stack.origin), {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${session.token}` },
    body: new Uint8Array(bytes),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, { code?: string; message?: string }>,
  };
}

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
  const applicant = await signedIn({ kind: 'PERSON', account: '13800000001' });
  const agent = await signedIn({ kind: 'AGENT', creditCode: UNIT_CREDIT_CODE, account: '13700000011' });

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
    { c: UNIT_CREDIT_CODE },
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
      input: {
        basicInfo: {
          name: '张伟',
          gender: 'MALE',
          ethnicity: '汉族',
          politicalStatus: '群众',
          idType: 'RESIDENT_ID',
          idNumber: makeResidentId({ region: '220102', birthDate: '19880808', sequence: 11 }),
          mobile: '13800000001',
          birthDate: '1988-08-08',
          educationLevel: '大学本科',
          workStartDate: '2010-07-01',
          personnelType: '专业技术人员',
          workUnitName: unitByCreditCode.name,
          unitType: '企业',
          workNature: '应用',
          currentTitleName: '工程师',
          currentTitleDate: '2019-10-04',
          appointmentDate: '2019-10-20',
          seriesCode: 'ENG',
          specialtyCode: 'ENG.ME',
          scopeCode: 'ENG.ME.WELDING',
          titleCode: 'ENG.SENIOR_ENGINEER',
          levelCode: 'DEPUTY_SENIOR',
          practisedSpecialtyCode: 'ENG.ME.WELDING',
          yearsInSpecialty: 12,
        },
        education: [
          {
            id: randomUUID(),
            school: '吉林大学',
            major: '材料成型及控制工程',
            educationLevel: '大学本科',
            degree: '学士',
            studyMode: '全日制',
            startDate: '2006-09-01',
            endDate: '2010-07-01',
            diplomaNumber: '101831201005001234',
          },
        ],
        workExperience: [
          { id: randomUUID(), unit: unitByCreditCode.name, post: '焊接工程师', startDate: '2010-07-01' },
        ],
        annualAssessments: [2023, 2024, 2025].map((year) => ({
          id: randomUUID(),
          year,
          result: 'COMPETENT',
        })),
      },
    })
  ).saveDeclaration;
  const messages = declaration.validation.problems.map((p) => p.message);
  expect(messages).toEqual(
    expect.arrayContaining(['教育经历已填写1条,其中有1条未上传证明材料,请补充上传', '单位公示表未上传']),
  );

  // A program renamed .pdf is refused by its bytes, through the gateway; nothing is kept.
  const disguised = await upload(
    applicant,
    declaration.id,
    { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
    '单位公示表.pdf',
    files.exe(),
    'application/pdf',
  );
  expect(disguised.status).toBe(415);
  expect(disguised.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');

  const uploads: Array<[Record<string, string>, string, Buffer, string]> = [
    [{ kind: 'CATALOGUE', code: 'PHOTO' }, '证件照.jpg', files.jpg(), 'image/jpeg'],
    [{ kind: 'CATALOGUE', code: 'ID_CARD' }, '身份证正面.jpg', files.jpg(), 'image/jpeg'],
    [{ kind: 'CATALOGUE', code: 'ID_CARD' }, '身份证反面.png', files.png(), 'image/png'],
    [{ kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' }, '单位公示表.pdf', files.pdf(), 'application/pdf'],
    [
      { kind: 'ENTRY', module: 'EDUCATION', entryId: declaration.modules.education![0].id },
      '毕业证书.pdf',
      files.pdf(),
      'application/pdf',
    ],
  ];
  for (const [slot, name, bytes, type] of uploads) {
    const stored = await upload(applicant, declaration.id, slot, name, bytes, type);
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
  const other = await signedIn({ kind: 'PERSON', account: '13800000002' });
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
    statusText: '材料终审通过',
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
