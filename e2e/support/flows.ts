// What people do through the gateway, as API calls the end-to-end tests share: sign in with the
// captcha, bind to the demo unit, fill and submit a complete 正常职称申报, upload files through
// /files, follow a subscription over graphql-ws.
import { randomUUID } from 'node:crypto';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { createPostgresTransport } from '@zhicheng/events';
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

/** A demo applicant as identity's demo data registers them (name, mobile, ID number). */
export interface DemoPerson {
  name: string;
  mobile: string;
  idNumber: string;
  birthDate: string;
  /** As the ID number's sequence says (odd: male). */
  gender: 'MALE' | 'FEMALE';
}

/** The demo applicants (identity's demo data): who signs in with which mobile, and their numbers. */
export const DEMO_APPLICANTS: Record<'张伟' | '李娜', DemoPerson> = {
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
export type DemoApplicant = DemoPerson;

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

// --- review up to 终审通过 -----------------------------------------------------------------------

const REVIEW_CASE = `query($id: ID!) { reviewCase(declarationId: $id) { currentTask { sequence } } }`;

/** The reviewer passes the declaration's current task with an opinion. */
export async function passReview(stack: Stack, session: GraphQLSession, id: string, opinion: string) {
  const { reviewCase } = await ok<{ reviewCase: { currentTask: { sequence: number } } }>(
    session,
    REVIEW_CASE,
    { id },
  );
  await ok(
    session,
    `mutation($id: ID!, $seq: Int!, $opinion: String!) {
      decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: $opinion) { statusText } }`,
    { id, seq: reviewCase.currentTask.sequence, opinion },
  );
  await stack.settleEvents();
}

/**
 * The applicant's complete 正常职称申报, submitted and passed by the unit (with the batch's
 * recommendation report) and the bureau: it waits at the committee. Answers its id.
 */
export async function declarationAtCommittee(
  stack: Stack,
  applicant: GraphQLSession,
  person: DemoApplicant = DEMO_APPLICANTS.张伟,
): Promise<string> {
  const agent = await demoAgent(stack);
  const unit = await bindToDemoUnit(stack, applicant, agent);
  const id = await submittedTitleDeclaration(stack, applicant, unit.name, person);
  await passReview(stack, agent, id, '材料齐全，同意推荐。');
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
      ids: [id],
      a: stored.body.attachment!.id,
    },
  );
  await stack.settleEvents();
  await passReview(stack, await demoStaff(stack, 'bureau.province'), id, '符合申报条件，同意提交评审。');
  return id;
}

/** The engineering committee's secretary records 通过: the declaration is 终审通过. */
export async function committeePasses(stack: Stack, id: string): Promise<void> {
  await ok(
    await demoStaff(stack, 'committee.engineering'),
    `mutation($id: ID!) { recordCommitteeResult(declarationId: $id, result: PASS, opinion: "经评审委员会评议，通过。") { statusText } }`,
    { id },
  );
  await stack.settleEvents();
}

/**
 * The person's complete 人才分类定级 declaration under the demo talent notice (standard C-01, so
 * C类 is applied for): 基本信息, 学习经历 with its proof, 工作经历, 创新创业成果, 照片 and 身份证,
 * submitted with the pledge, events settled. Answers the declaration's id.
 */
export async function submittedTalentDeclaration(
  stack: Stack,
  applicant: GraphQLSession,
  person: DemoPerson,
  unitName: string,
): Promise<string> {
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TALENT_CLASSIFICATION", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  const educationId = randomUUID();
  const { saveDeclaration: saved } = await ok<{ saveDeclaration: { version: number } }>(
    applicant,
    `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
      saveDeclaration(id: $id, expectedVersion: $v, input: $input) { version } }`,
    {
      id: draft.id,
      v: draft.version,
      input: {
        talentBasicInfo: {
          name: person.name,
          gender: person.gender,
          idType: 'RESIDENT_ID',
          idNumber: person.idNumber,
          mobile: person.mobile,
          birthDate: person.birthDate,
          educationLevel: '研究生',
          workUnitName: unitName,
          post: '总工程师',
          source: 'IN_PROVINCE',
          serviceType: 'FIRST',
          longTermContract: true,
          standardCode: 'C-01',
        },
        education: [
          {
            id: educationId,
            school: '吉林大学',
            major: '机械工程',
            educationLevel: '研究生',
            degree: '博士',
            studyMode: '全日制',
            startDate: '2008-09-01',
            endDate: '2013-07-01',
            diplomaNumber: '101831201305001234',
          },
        ],
        workExperience: [{ id: randomUUID(), unit: unitName, post: '总工程师', startDate: '2013-07-01' }],
        innovation: '主持省级重点研发项目两项，成果已在省内三家企业推广应用。',
      },
    },
  );
  const uploads: Array<[Record<string, string>, string, () => Buffer, string]> = [
    [{ kind: 'CATALOGUE', code: 'PHOTO' }, '照片.png', files.png, 'image/png'],
    [{ kind: 'CATALOGUE', code: 'ID_CARD' }, '身份证.pdf', files.pdf, 'application/pdf'],
    [
      { kind: 'ENTRY', module: 'EDUCATION', entryId: educationId },
      '学位证.pdf',
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

/**
 * A certificate for the signed-in person without the review flow: the declaration's submission and
 * 终审通过 published as declaration and review publish them (certificate-through-gateway runs the
 * real review flow). Answers the certificate and the person's id.
 */
export async function certificateByEvents(stack: Stack, session: GraphQLSession, name: string) {
  const { me } = await ok<{ me: { accountId: string } }>(session, `{ me { accountId } }`);
  const declarationId = randomUUID();
  const now = new Date().toISOString();
  const bus = createPostgresTransport(stack.databaseUrl, pino({ level: 'silent' }));
  await bus.publish([
    {
      id: randomUUID(),
      type: 'DeclarationSubmitted',
      source: 'declaration',
      occurredAt: now,
      payload: {
        declarationId,
        noticeId: randomUUID(),
        channelCode: 'TITLE_NORMAL',
        personId: me.accountId,
        applicantName: name,
        applicantIdNumberMasked: '220***********1011',
        unitId: randomUUID(),
        title: {
          seriesCode: 'ENG',
          specialtyCode: 'ENG.MECH',
          scopeCode: 'ENG.MECH.DESIGN',
          titleCode: 'ENG.SENIOR',
          levelCode: 'SENIOR',
          titleName: '高级工程师',
          levelName: '副高级',
          seriesName: '工程系列',
          specialtyName: '机械工程',
        },
        category: 'NORMAL',
        route: [],
        outcomeAfterRoute: 'FINALLY_APPROVED',
        committeeId: null,
        submittedAt: now,
        resubmission: false,
      },
    },
    {
      id: randomUUID(),
      type: 'DeclarationFinallyApproved',
      source: 'review',
      occurredAt: now,
      payload: {
        declarationId,
        result: 'PASS',
        committee: { organisationId: randomUUID(), name: '吉林省工程系列高级职称评审委员会' },
        opinion: '通过',
        approvedAt: now,
      },
    },
  ]);
  await bus.close();
  await stack.settleEvents();
  const { myCertificates } = await ok<{ myCertificates: Array<{ id: string; number: string }> }>(
    session,
    `{ myCertificates { id number } }`,
  );
  return { ...myCertificates[0], personId: me.accountId };
}

/** Uploads one 补办/登记 material (PDF) through the gateway's /files/certificates/uploads/<ticket>; answers its id. */
export async function uploadCertificateMaterial(
  stack: Stack,
  session: GraphQLSession,
  purpose: 'REISSUE' | 'HISTORICAL',
  slot: string,
  bytes: Buffer = files.pdf(),
  fileName = `${slot.toLowerCase()}.pdf`,
): Promise<string> {
  const { requestCertificateMaterialUpload } = await ok<{
    requestCertificateMaterialUpload: { url: string };
  }>(
    session,
    `mutation($purpose: CertificateMaterialPurpose!, $slot: String!, $fileName: String!, $sizeBytes: Int!) {
      requestCertificateMaterialUpload(purpose: $purpose, slot: $slot, fileName: $fileName, sizeBytes: $sizeBytes, contentType: "application/pdf") { url } }`,
    { purpose, slot, fileName, sizeBytes: bytes.length },
  );
  const answer = await postFile(
    stack,
    session,
    requestCertificateMaterialUpload.url,
    bytes,
    'application/pdf',
  );
  if (answer.status !== 201) throw new Error(`upload refused: ${JSON.stringify(answer.body)}`);
  return answer.body.attachment!.id;
}
