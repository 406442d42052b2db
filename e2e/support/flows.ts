// What people do through the gateway, as API calls the end-to-end tests share: sign in with the
// captcha, bind to the demo unit, fill and submit a complete 正常职称申报, upload files through
// /files, follow a subscription over graphql-ws.
import { randomUUID } from 'node:crypto';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { minimalPdf, testFiles } from '@zhicheng/testing';
import { GraphQLSession } from './graphql';
import type { Stack } from './stack';

export const DEMO_PASSWORD = 'Zc@demo2026';
/** 吉林省长春市第一机械制造有限公司, the first demo unit; its agent 林晓 signs in with 13700000011. */
export const DEMO_UNIT_CREDIT_CODE = makeCreditCode('91220101MA0000001');

export async function signedIn(stack: Stack, input: Record<string, unknown>): Promise<GraphQLSession> {
  const session = new GraphQLSession(stack.graphqlUrl);
  await session.request('mutation { createCaptcha { id } }');
  const captcha = await stack.latestCaptcha();
  const answer = await session.request<{ signIn: { accessToken: string } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { password: DEMO_PASSWORD, ...input, captchaId: captcha.id, captchaAnswer: captcha.answer } },
  );
  if (answer.errors) throw new Error(`sign-in refused: ${JSON.stringify(answer.errors)}`);
  session.token = answer.data!.signIn.accessToken;
  return session;
}

export const demoAgent = (stack: Stack) =>
  signedIn(stack, { kind: 'AGENT', creditCode: DEMO_UNIT_CREDIT_CODE, account: '13700000011' });
export const demoStaff = (stack: Stack, username: string) =>
  signedIn(stack, { kind: 'STAFF', account: username });

/** The answer's data, or a failed test naming the errors. */
export async function ok<T>(
  session: GraphQLSession,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const answer = await session.request<T>(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

/** Smallest files whose first bytes are what they claim (PDFs parse, images are 1:1.75: uploads are checked). */
export const files = {
  pdf: () => minimalPdf(2048),
  jpg: () => testFiles.jpg(),
  png: () => testFiles.png(),
  /** Real images, for pages that show them (the photo, an ID card's back). */
  realPng: () => testFiles.realPng(),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 3)]),
};

/** POSTs a file's bytes to a ticket's URL (relative to the gateway's origin), as the browser does. */
export async function postFile(
  stack: Stack,
  session: GraphQLSession,
  url: string,
  bytes: Buffer,
  contentType: string,
) {
  const response = await fetch(new URL(url, stack.origin), {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${session.token}` },
    body: new Uint8Array(bytes),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      attachment?: { id: string };
      error?: { code: string; message: string };
    },
  };
}

export async function uploadToDeclaration(
  stack: Stack,
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
  return postFile(stack, session, requestUpload.url, bytes, contentType);
}

/** The applicant asks to bind to the demo unit and its agent approves. */
export async function bindToDemoUnit(stack: Stack, applicant: GraphQLSession, agent: GraphQLSession) {
  const { unitByCreditCode } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    applicant,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  const { requestBinding } = await ok<{ requestBinding: { id: string } }>(
    applicant,
    `mutation($u: ID!) { requestBinding(unitId: $u) { id } }`,
    { u: unitByCreditCode.id },
  );
  await ok(
    agent,
    `mutation($id: ID!) { decideBinding(id: $id, approve: true, opinion: "同意绑定") { id } }`,
    {
      id: requestBinding.id,
    },
  );
  await stack.settleEvents();
  return unitByCreditCode;
}

/** The ID number of the demo applicant 张伟 (13800000001), as identity's demo data registers it. */
export const DEMO_APPLICANT_ID_NUMBER = makeResidentId({
  region: '220102',
  birthDate: '19860315',
  sequence: 101,
});

/** The demo applicants (identity's demo data): who signs in with which mobile, and their numbers. */
export const DEMO_APPLICANTS = {
  张伟: {
    name: '张伟',
    gender: 'MALE',
    mobile: '13800000001',
    idNumber: DEMO_APPLICANT_ID_NUMBER,
    birthDate: '1986-03-15',
  },
  李娜: {
    name: '李娜',
    gender: 'FEMALE',
    mobile: '13800000002',
    idNumber: makeResidentId({ region: '220102', birthDate: '19900722', sequence: 202 }),
    birthDate: '1990-07-22',
  },
};
export type DemoApplicant = (typeof DEMO_APPLICANTS)[keyof typeof DEMO_APPLICANTS];

/** Every module a 正常职称申报 requires, valid, in the demo applicant's own name (张伟 by default). */
export function completeTitleModules(unitName: string, person: DemoApplicant = DEMO_APPLICANTS.张伟) {
  return {
    basicInfo: {
      name: person.name,
      gender: person.gender,
      ethnicity: '汉族',
      politicalStatus: '群众',
      idType: 'RESIDENT_ID',
      idNumber: person.idNumber,
      mobile: person.mobile,
      birthDate: person.birthDate,
      educationLevel: '大学本科',
      workStartDate: '2010-07-01',
      personnelType: '专业技术人员',
      workUnitName: unitName,
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
    workExperience: [{ id: randomUUID(), unit: unitName, post: '焊接工程师', startDate: '2010-07-01' }],
    annualAssessments: [2023, 2024, 2025].map((year) => ({ id: randomUUID(), year, result: 'COMPETENT' })),
  };
}

/** The files a complete 正常职称申报 needs besides each education entry's proof. */
export const TITLE_CATALOGUE_FILES: Array<[Record<string, string>, string, () => Buffer, string]> = [
  [{ kind: 'CATALOGUE', code: 'PHOTO' }, '证件照.png', files.realPng, 'image/png'],
  [{ kind: 'CATALOGUE', code: 'ID_CARD' }, '身份证正面.jpg', files.jpg, 'image/jpeg'],
  [{ kind: 'CATALOGUE', code: 'ID_CARD' }, '身份证反面.png', files.realPng, 'image/png'],
  [{ kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' }, '单位公示表.pdf', files.pdf, 'application/pdf'],
];

// --- live ----------------------------------------------------------------------------------------

export function liveClient(stack: Stack, token?: string): Client {
  return createClient({
    url: stack.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription whose results a test waits for in order. */
export class Followed<T = Record<string, unknown>> {
  readonly results: FormattedExecutionResult<T, unknown>[] = [];
  error: unknown = null;
  readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => void this.results.push(result),
        error: (error) => {
          this.error = error;
        },
        complete: () => undefined,
      },
    );
  }

  /** Resolves with the first result (after `from`) matching `match`, or fails after `ms`. */
  async next(
    match: (result: FormattedExecutionResult<T, unknown>) => boolean,
    ms = 2000,
    from = 0,
  ): Promise<FormattedExecutionResult<T, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.results.slice(from).find(match);
      if (found) return found;
      if (this.error) throw new Error(`subscription failed: ${JSON.stringify(this.error)}`);
      if (Date.now() > deadline)
        throw new Error(`no matching event within ${ms} ms: ${JSON.stringify(this.results)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * The applicant's complete 正常职称申报 under the first open title notice: every module, every
 * catalogue file and the education proof uploaded, submitted with the pledge, and the events
 * settled so review has opened the unit's task. Answers the declaration's id.
 */
export async function submittedTitleDeclaration(
  stack: Stack,
  applicant: GraphQLSession,
  unitName: string,
  person: DemoApplicant = DEMO_APPLICANTS.张伟,
): Promise<string> {
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
    { id: draft.id, v: draft.version, input: completeTitleModules(unitName, person) },
  );
  const uploads: Array<[Record<string, string>, string, () => Buffer, string]> = [
    ...TITLE_CATALOGUE_FILES,
    [
      { kind: 'ENTRY', module: 'EDUCATION', entryId: saved.modules.education[0].id },
      '毕业证书.pdf',
      files.pdf,
      'application/pdf',
    ],
  ];
  for (const [slot, name, bytes, type] of uploads) {
    const stored = await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type);
    if (stored.status !== 201) throw new Error(`upload of ${name} refused: ${JSON.stringify(stored.body)}`);
  }
  await ok(
    applicant,
    `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { id } }`,
    { id: draft.id, v: saved.version },
  );
  await stack.settleEvents();
  return draft.id;
}
