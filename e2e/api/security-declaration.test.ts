// Issue 8 through the real gateway, declaration side: who may read a declaration (hole 2), whose
// name a declaration is made in (hole 15), a file's name tied to its real type (hole 6), and proof
// files the client cannot skip (hole 16).
import { makeCreditCode } from '@zhicheng/domain-codes';
import { demoOrganisationId } from '@zhicheng/server-kit';
import { codeOf, type GraphQLSession } from '../support/graphql';
import {
  DEMO_APPLICANT_ID_NUMBER,
  bindToDemoUnit,
  completeTitleModules,
  demoAgent,
  demoStaff,
  files,
  Followed,
  liveClient,
  ok,
  postFile,
  signedIn,
  TITLE_CATALOGUE_FILES,
  uploadToDeclaration,
} from '../support/flows';
import { testFiles } from '@zhicheng/testing';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let applicant: GraphQLSession;
let agent: GraphQLSession;
let unit: { id: string; name: string };
beforeAll(async () => {
  stack = await startStack('gw_security_declaration', { demoData: true });
  await stack.settleEvents();
  applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  agent = await demoAgent(stack);
  unit = await bindToDemoUnit(stack, applicant, agent);
});
afterAll(async () => {
  await stack?.stop();
});

const DAY = 24 * 3600 * 1000;
const SAVE = `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
  saveDeclaration(id: $id, expectedVersion: $v, input: $input) { id version modules { education { id } } } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { statusText version } }`;
const READ = `query($id: ID!) { declaration(id: $id) { id modules { basicInfo { idNumber mobile } } attachments { downloadUrl } businessForms { url } } }`;

/** A notice of the province bureau whose route names a department: unit → 教育厅 → 省厅 → 工程评委会. */
async function noticeWithDepartment(): Promise<string> {
  const bureau = await demoStaff(stack, 'bureau.province');
  const now = Date.now();
  const { createNotice } = await ok<{ createNotice: { id: string } }>(
    bureau,
    `mutation($input: NoticeInput!) { createNotice(input: $input) { id } }`,
    {
      input: {
        channelCode: 'TITLE_NORMAL',
        title: `安全测试通知 ${now}`,
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 30 * DAY).toISOString(),
        route: [
          { level: 'UNIT', name: '推荐单位' },
          { level: 'DEPARTMENT', organisationId: demoOrganisationId('education'), name: '吉林省教育厅' },
          {
            level: 'BUREAU',
            organisationId: demoOrganisationId('province'),
            name: '吉林省人力资源和社会保障厅',
          },
          {
            level: 'COMMITTEE',
            organisationId: demoOrganisationId('engineering'),
            name: '吉林省工程系列高级职称评审委员会',
          },
        ],
      },
    },
  );
  await ok(bureau, `mutation($id: ID!) { publishNotice(id: $id) { id } }`, { id: createNotice.id });
  return createNotice.id;
}

/** The applicant's complete declaration under `noticeId`, submitted. */
async function submitted(noticeId: string): Promise<string> {
  const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: noticeId },
  );
  const { saveDeclaration: saved } = await ok<{
    saveDeclaration: { version: number; modules: { education: Array<{ id: string }> } };
  }>(applicant, SAVE, { id: draft.id, v: draft.version, input: completeTitleModules(unit.name) });
  for (const [slot, name, bytes, type] of [
    ...TITLE_CATALOGUE_FILES,
    [
      { kind: 'ENTRY', module: 'EDUCATION', entryId: saved.modules.education[0].id },
      '毕业证书.pdf',
      files.pdf,
      'application/pdf',
    ] as const,
  ])
    expect((await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type)).status).toBe(
      201,
    );
  await ok(applicant, SUBMIT, { id: draft.id, v: saved.version });
  await stack.settleEvents();
  return draft.id;
}

const CASE = `query($id: ID!) { reviewCase(declarationId: $id) { currentTask { sequence } } }`;
async function pass(session: GraphQLSession, id: string) {
  const { reviewCase } = await ok<{ reviewCase: { currentTask: { sequence: number } } }>(session, CASE, {
    id,
  });
  await ok(
    session,
    `mutation($id: ID!, $seq: Int!) { decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: "同意。") { statusText } }`,
    { id, seq: reviewCase.currentTask.sequence },
  );
  await stack.settleEvents();
}

describe('hole 2: only the organisations on a declaration’s route read it', () => {
  test('matrix before and after forwarding: query, file links and live status', async () => {
    const id = await submitted(await noticeWithDepartment());
    const sessions: Record<string, GraphQLSession> = {
      applicant,
      'other applicant': await signedIn(stack, { kind: 'PERSON', account: '13800000002' }),
      'own unit agent': agent,
      // 郭文, agent of 长春市第二实验中学.
      'other unit agent': await signedIn(stack, {
        kind: 'AGENT',
        creditCode: makeCreditCode('12220000MB0000002'),
        account: '13700000021',
      }),
      'dept.education': await demoStaff(stack, 'dept.education'),
      'dept.health': await demoStaff(stack, 'dept.health'),
      'bureau.province': await demoStaff(stack, 'bureau.province'),
      'bureau.city': await demoStaff(stack, 'bureau.city'),
      'committee.engineering': await demoStaff(stack, 'committee.engineering'),
      'committee.teachers': await demoStaff(stack, 'committee.teachers'),
    };

    const readers = async () => {
      const result: Record<string, boolean> = {};
      for (const [name, session] of Object.entries(sessions)) {
        const answer = await session.request(READ, { id });
        if (answer.errors) expect({ name, code: codeOf(answer) }).toEqual({ name, code: 'NOT_FOUND' });
        result[name] = !answer.errors;
      }
      return result;
    };
    const always = {
      applicant: true,
      'other applicant': false,
      'own unit agent': true,
      'other unit agent': false,
    };
    const none = {
      'dept.education': false,
      'dept.health': false,
      'bureau.province': false,
      'bureau.city': false,
      'committee.engineering': false,
      'committee.teachers': false,
    };

    // At the unit: no department, bureau or committee reads it (review's reviewCase agrees).
    expect(await readers()).toEqual({ ...always, ...none });
    expect(codeOf(await sessions['dept.education'].request(CASE, { id }))).toBe('NOT_FOUND');
    // Nor follows it live.
    const STATUS = `subscription($id: ID!) { declarationStatusChanged(id: $id) { statusText } }`;
    const offRouteLive = liveClient(stack, sessions['bureau.city'].token);
    const refused = new Followed(offRouteLive, STATUS, { id });
    await expect(refused.next(() => false, 2000)).rejects.toThrow(/NOT_FOUND|subscription failed/);

    // The unit passes and forwards: now at 教育厅.
    await pass(agent, id);
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
    expect(await readers()).toEqual({ ...always, ...none, 'dept.education': true });

    // The department passes: now at the province bureau; the department keeps reading it.
    await pass(sessions['dept.education'], id);
    expect(await readers()).toEqual({ ...always, ...none, 'dept.education': true, 'bureau.province': true });

    // The bureau passes: now at the engineering committee.
    await pass(sessions['bureau.province'], id);
    expect(await readers()).toEqual({
      ...always,
      ...none,
      'dept.education': true,
      'bureau.province': true,
      'committee.engineering': true,
    });

    // A reader's file and form links work; the committee that never had it gets none.
    const { declaration } = await ok<{
      declaration: { attachments: Array<{ downloadUrl: string }>; businessForms: Array<{ url: string }> };
    }>(sessions['committee.engineering'], READ, { id });
    const file = await fetch(new URL(declaration.attachments[0].downloadUrl, stack.origin));
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    await file.arrayBuffer();
    expect(codeOf(await sessions['committee.teachers'].request(READ, { id }))).toBe('NOT_FOUND');
    await offRouteLive.dispose();
  });
});

describe('hole 15: a declaration is made in the account holder’s own name', () => {
  test('the applicant reads whom to name; another name or unit is refused at save', async () => {
    const { startDeclaration: draft } = await ok<{
      startDeclaration: {
        id: string;
        version: number;
        accountHolder: { name: string; idNumber: string | null; unitName: string };
      };
    }>(
      applicant,
      `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version accountHolder { name idNumber unitName } } }`,
      { n: await noticeWithDepartment() },
    );
    // identity announced 张伟's real-name facts (PersonRegistered), so the ID number is known too.
    expect(draft.accountHolder).toEqual({
      name: '张伟',
      idNumber: DEMO_APPLICANT_ID_NUMBER,
      unitName: unit.name,
    });

    const modules = completeTitleModules(unit.name);
    const forged = await applicant.request(SAVE, {
      id: draft.id,
      v: draft.version,
      input: {
        basicInfo: {
          ...modules.basicInfo,
          name: '李四',
          idNumber: '220102198808080118',
          workUnitName: '另一家公司',
        },
      },
    });
    expect(codeOf(forged)).toBe('BAD_USER_INPUT');
    const fields = (forged.errors![0].extensions!.fields as Array<{ field: string; code: string }>).map(
      (f) => `${f.field}:${f.code}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.basicInfo.name:NOT_ACCOUNT_HOLDER',
        'input.basicInfo.idNumber:NOT_ACCOUNT_HOLDER',
        'input.basicInfo.workUnitName:NOT_BOUND_UNIT',
      ]),
    );
    // The account's own facts (the demo data is consistent: 张伟's own ID number) are accepted.
    expect(
      (await applicant.request(SAVE, { id: draft.id, v: draft.version, input: modules })).errors,
    ).toBeUndefined();
  });
});

describe('hole 6: a file’s name is tied to its real type', () => {
  test('scan.html is refused at the ticket and at the bytes; an HTML page behind %PDF- is refused; downloads are attachments', async () => {
    const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string } }>(
      applicant,
      `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id } }`,
      { n: await noticeWithDepartment() },
    );
    const slot = { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' };
    const TICKET = `mutation($d: ID!, $slot: AttachmentSlotInput!, $name: String!, $size: Int!, $type: String!) {
      requestUpload(declarationId: $d, slot: $slot, fileName: $name, sizeBytes: $size, contentType: $type) { url } }`;
    const pdf = files.pdf();

    // The ticket: a name whose extension is not the file's type.
    const byName = await applicant.request(TICKET, {
      d: draft.id,
      slot,
      name: 'scan.html',
      size: pdf.length,
      type: 'application/pdf',
    });
    expect(codeOf(byName)).toBe('BAD_USER_INPUT');
    expect(byName.errors![0].extensions!.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'fileName', code: 'FILE_NAME_MISMATCH' })]),
    );

    // The bytes: a polyglot (HTML behind a %PDF- header) named .pdf does not parse as a PDF.
    const polyglot = Buffer.from(
      '%PDF-1.4\n<html><body><script>fetch("/graphql")</script></body></html>\n' + ' '.repeat(2048),
    );
    const refused = await uploadToDeclaration(
      stack,
      applicant,
      draft.id,
      slot,
      '单位公示表.pdf',
      polyglot,
      'application/pdf',
    );
    expect([refused.status, refused.body.error?.code]).toEqual([400, 'FILE_CORRUPT']);
    expect(refused.body.error?.message).toMatch(/PDF/);

    // A real PDF is stored and comes back as an attachment, nosniff, with a safe RFC 6266 name.
    const stored = await uploadToDeclaration(
      stack,
      applicant,
      draft.id,
      slot,
      '单位"公示表.pdf',
      pdf,
      'application/pdf',
    );
    expect(stored.status).toBe(201);
    const { declaration } = await ok<{ declaration: { attachments: Array<{ downloadUrl: string }> } }>(
      applicant,
      READ,
      { id: draft.id },
    );
    const download = await fetch(new URL(declaration.attachments[0].downloadUrl, stack.origin));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''[^"';]+\.pdf$/);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe('hole 16: proof files cannot be skipped by the client', () => {
  test('source: REGISTRY is not client input; the photo is measured (1:1.75)', async () => {
    const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
      applicant,
      `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
      { n: await noticeWithDepartment() },
    );
    const modules = completeTitleModules(unit.name);
    const claimed = await applicant.request(SAVE, {
      id: draft.id,
      v: draft.version,
      input: { education: [{ ...modules.education[0], diplomaNumber: null, source: 'REGISTRY' }] },
    });
    expect(codeOf(claimed)).toBe('BAD_USER_INPUT');
    await ok(applicant, SAVE, { id: draft.id, v: draft.version, input: modules });
    const { declaration } = await ok<{
      declaration: { validation: { problems: Array<{ message: string }> } };
    }>(applicant, `query($id: ID!) { declaration(id: $id) { validation { problems { message } } } }`, {
      id: draft.id,
    });
    expect(declaration.validation.problems.map((p) => p.message)).toContain(
      '教育经历已填写1条，其中有1条未上传证明材料，请补充上传',
    );

    const photo = { kind: 'CATALOGUE', code: 'PHOTO' };
    const square = testFiles.png(2048, { width: 400, height: 400 });
    const refused = await uploadToDeclaration(
      stack,
      applicant,
      draft.id,
      photo,
      '照片.png',
      square,
      'image/png',
    );
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'PHOTO_RATIO']);
    expect(refused.body.error?.message).toMatch(/1:1\.75/);
    const fits = testFiles.png(2048, { width: 400, height: 700 });
    expect(
      (await uploadToDeclaration(stack, applicant, draft.id, photo, '照片.png', fits, 'image/png')).status,
    ).toBe(201);
  });
});
