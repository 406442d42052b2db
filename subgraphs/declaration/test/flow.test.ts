// The applicant's way through the wizard against the real API: start → save → upload (real HTTP
// POSTs of bytes) → 数据验证信息 lists every problem → fix → submit (诚信承诺) → 已申报 with a
// DeclarationSubmitted event in the outbox, relayed to the bus.
import { createHash } from 'node:crypto';
import { files, postFile, expectError, startTestDeclaration, type TestDeclaration } from './helpers';
import {
  DECLARATION,
  REQUEST_UPLOAD,
  SUBMIT,
  annualAssessments,
  basicInfo,
  education,
  publishedNotice,
  recommender,
  residentId,
  save,
  startedDeclaration,
  upload,
  uploadTitleFiles,
  workExperience,
  type DeclarationJson,
} from './fixtures';

let t: TestDeclaration;
beforeAll(async () => {
  t = await startTestDeclaration();
});
afterAll(() => t?.close());

async function outbox(declarationId: string) {
  const { rows } = await t.sql.query<{
    type: string;
    payload: Record<string, unknown>;
    published_at: Date | null;
  }>(
    `select type, payload, published_at from declaration.outbox_event where payload->>'declarationId' = $1 and type <> 'PersonalDataViewed'`,
    [declarationId],
  );
  return rows;
}

describe('the declaration wizard', () => {
  it('start → save → upload → every problem listed → fix → submit → 已申报 and DeclarationSubmitted', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau);
    const { applicant, unit, declaration: draft } = await startedDeclaration(t, notice.id);
    expect(draft).toMatchObject({
      status: 'DRAFT',
      statusText: '草稿',
      version: 1,
      category: 'NORMAL',
      unitName: unit.name,
      daysLeft: 30,
    });
    expect(draft.editableModules).toEqual(
      expect.arrayContaining(['BASIC_INFO', 'EDUCATION', 'ANNUAL_ASSESSMENT']),
    );

    // An empty draft: the report names every missing module and file, in the seeds' words.
    expect(draft.validation.ok).toBe(false);
    const messages = draft.validation.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining(['年度考核未填写，请填写年度考核信息', '单位公示表未上传', '身份证未上传']),
    );

    // Save in two steps, as the wizard does (暂存): only the supplied modules change.
    const edu = education();
    const v2 = await save(applicant, draft, { basicInfo: basicInfo(), education: [edu] });
    expect(v2.version).toBe(2);
    const v3 = await save(applicant, v2, { workExperience: [workExperience()] });
    expect(v3.version).toBe(3);
    expect(v3.modules.basicInfo).toMatchObject({
      scopeCode: 'ENG.ME.WELDING',
      practisedSpecialtyCode: 'ENG.ME.WELDING',
    });
    expect(v3.modules.education).toEqual([expect.objectContaining({ id: edu.id, school: '吉林大学' })]);

    // Upload the education proof: a real POST of the bytes to the ticket's URL.
    const pdf = files.pdf(4096);
    const stored = await upload(
      t,
      applicant,
      draft.id,
      { kind: 'ENTRY', module: 'EDUCATION', entryId: edu.id },
      '毕业证书.pdf',
      pdf,
      'application/pdf',
    );
    expect(stored).toEqual({
      id: expect.any(String),
      fileName: '毕业证书.pdf',
      sizeBytes: 4096,
      format: 'pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });

    // Still incomplete: every remaining problem at once.
    const partial = (
      await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, { id: draft.id })
    ).declaration;
    expect(partial.validation.problems.map((p) => `${p.module}:${p.message}`).sort()).toEqual(
      [
        'ANNUAL_ASSESSMENT:年度考核未填写，请填写年度考核信息',
        'ATTACHMENTS:身份证未上传',
        'BASIC_INFO:个人照片未上传',
        'UNIT_PUBLICITY:单位公示表未上传',
      ].sort(),
    );
    // Submitting now is refused with that same list in extensions.
    const refused = expectError(
      await applicant.client.request(SUBMIT, { id: draft.id, expectedVersion: 3, pledge: true }),
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
    );
    expect((refused.extensions?.problems as unknown[]).length).toBe(4);

    // Fix everything.
    const v4 = await save(applicant, v3, { annualAssessments: annualAssessments() });
    await uploadTitleFiles(t, applicant, { ...v4, modules: { ...v4.modules, education: [] } });
    const ready = (await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, { id: draft.id }))
      .declaration;
    expect(ready.validation).toEqual({ ok: true, problems: [] });
    expect(ready.attachments).toHaveLength(5);

    // Without the pledge: refused, nothing changes.
    expectError(
      await applicant.client.request(SUBMIT, { id: draft.id, expectedVersion: 4, pledge: false }),
      'BAD_USER_INPUT',
      'PLEDGE_REQUIRED',
    );
    const { submitDeclaration } = await applicant.client.ok<{ submitDeclaration: DeclarationJson }>(SUBMIT, {
      id: draft.id,
      expectedVersion: 4,
      pledge: true,
    });
    expect(submitDeclaration).toMatchObject({ status: 'SUBMITTED', statusText: '已申报', version: 5 });
    expect(submitDeclaration.submittedAt).toEqual(expect.any(String));
    expect(submitDeclaration.editableModules).toEqual([]);

    // The event, written in the submit's transaction, then relayed.
    const events = await outbox(draft.id);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('DeclarationSubmitted');
    expect(events[0].payload).toMatchObject({
      declarationId: draft.id,
      noticeId: notice.id,
      channelCode: 'TITLE_NORMAL',
      personId: applicant.principal.accountId,
      applicantName: '张伟',
      // Masked for the certificate: the event stream never carries a whole ID number.
      applicantIdNumberMasked: expect.stringMatching(/^\w{3}\*{11}\w{4}$/),
      unitId: unit.unitId,
      category: 'NORMAL',
      committeeId: null,
      resubmission: false,
      title: {
        seriesCode: 'ENG',
        specialtyCode: 'ENG.ME',
        scopeCode: 'ENG.ME.WELDING',
        titleCode: 'ENG.SENIOR_ENGINEER',
        levelCode: 'DEPUTY_SENIOR',
        titleName: '高级工程师',
        levelName: '副高级',
        seriesName: expect.any(String),
        specialtyName: expect.any(String),
      },
      route: [
        { level: 'UNIT', name: '推荐单位', organisationId: null },
        { level: 'DEPARTMENT', name: '行政主管部门', organisationId: null },
        { level: 'BUREAU', name: '吉林省人力资源和社会保障厅', organisationId: null },
        { level: 'COMMITTEE', name: '职称评审委员会', organisationId: null },
      ],
    });
    // Readers get the catalogue's words next to the codes (a reviewer's page shows no codes).
    const { declaration: named } = await applicant.client.ok<{
      declaration: { modules: { basicInfo: Record<string, string> } };
    }>(
      `query($id: ID!) { declaration(id: $id) { modules { basicInfo {
        seriesName specialtyName scopeName titleName levelName practisedSpecialtyName } } } }`,
      { id: draft.id },
    );
    expect(named.modules.basicInfo).toEqual({
      seriesName: (events[0].payload.title as { seriesName: string }).seriesName,
      specialtyName: (events[0].payload.title as { specialtyName: string }).specialtyName,
      scopeName: expect.stringMatching(/\p{Script=Han}/u),
      titleName: '高级工程师',
      levelName: '副高级',
      practisedSpecialtyName: expect.stringMatching(/\p{Script=Han}/u),
    });
    await t.server.relay.flush();
    const { rows } = await t.sql.query(
      `select type, source from eventbus.event where payload->>'declarationId' = $1 and type <> 'PersonalDataViewed'`,
      [draft.id],
    );
    expect(rows).toEqual([{ type: 'DeclarationSubmitted', source: 'declaration' }]);
  });

  it('a second identical submit answers the same SUBMITTED declaration and records no second event', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau);
    const started = await startedDeclaration(t, notice.id);
    const saved = await save(started.applicant, started.declaration, {
      basicInfo: basicInfo(),
      education: [education()],
      workExperience: [workExperience()],
      annualAssessments: annualAssessments(),
    });
    await uploadTitleFiles(t, started.applicant, saved);
    const variables = { id: saved.id, expectedVersion: saved.version, pledge: true };
    // Twice at once (a double click) and once more afterwards.
    const [a, b] = await Promise.all([
      started.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(SUBMIT, variables),
      started.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(SUBMIT, variables),
    ]);
    const c = await started.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(SUBMIT, variables);
    for (const answer of [a, b, c])
      expect(answer.submitDeclaration).toMatchObject({
        id: saved.id,
        status: 'SUBMITTED',
        version: saved.version + 1,
      });
    expect(await outbox(saved.id)).toHaveLength(1);
  });

  it('两名专家推荐破格: exactly two experts, each with one zip/pdf proof', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau, { title: '破格申报通知' });
    const started = await startedDeclaration(t, notice.id, { category: 'EXCEPTIONAL' });
    expect(started.declaration.category).toBe('EXCEPTIONAL');
    const expertA = recommender(residentId(), '王教授');
    let saved = await save(started.applicant, started.declaration, {
      basicInfo: basicInfo({ exceptionalKind: 'TWO_EXPERTS' }),
      recommenders: [expertA],
    });
    const problems = saved.validation.problems
      .filter((p) => p.module === 'RECOMMENDERS')
      .map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        '破格推荐专家已填写1条，其中有1条未上传证明材料，请补充上传',
        '破格推荐专家已填写1条，请填写2条',
      ]),
    );
    saved = await save(started.applicant, saved, {
      recommenders: [expertA, recommender(residentId(), '刘研究员')],
      education: [education()],
      workExperience: [workExperience()],
      annualAssessments: annualAssessments(),
    });
    await uploadTitleFiles(t, started.applicant, saved);
    const { submitDeclaration } = await started.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(
      SUBMIT,
      {
        id: saved.id,
        expectedVersion: saved.version,
        pledge: true,
      },
    );
    expect(submitDeclaration.status).toBe('SUBMITTED');
    const [event] = await outbox(saved.id);
    expect(event.payload).toMatchObject({ category: 'EXCEPTIONAL' });
  });

  it('downloads a file through its signed link, and serves the business forms as PDF', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau);
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    const pdf = files.pdf(3000);
    await upload(
      t,
      applicant,
      declaration.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证 正面.pdf',
      pdf,
      'application/pdf',
    );
    const { declaration: read } = await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: declaration.id,
    });
    const [attachment] = read.attachments;
    expect(attachment.downloadUrl).toMatch(/^\/files\/downloads\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const response = await fetch(`${t.origin}${attachment.downloadUrl}?download=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('身份证 正面.pdf')}`,
    );
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    // ?preview=1 shows the same bytes inline (a reviewer's preview beside the module).
    const preview = await fetch(`${t.origin}${attachment.downloadUrl}?preview=1`);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await preview.arrayBuffer()).equals(pdf)).toBe(true);

    // An altered link is refused.
    const forged = await fetch(`${t.origin}${attachment.downloadUrl.slice(0, -2)}xx`);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('TOKEN_INVALID');

    expect(read.businessForms.map((f) => [f.kind, f.name])).toEqual([
      ['REVIEW_LIST', '职称评审一览表'],
      ['PUBLICITY', '公示表'],
    ]);
    for (const form of read.businessForms) {
      const rendered = await fetch(`${t.origin}${form.url}`);
      expect(rendered.status).toBe(200);
      expect(rendered.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await rendered.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('a ticket is good for one file only', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau);
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    const { requestUpload } = await applicant.client.ok<{ requestUpload: { url: string; maxBytes: number } }>(
      REQUEST_UPLOAD,
      {
        declarationId: declaration.id,
        slot: { kind: 'CATALOGUE', code: 'ID_CARD' },
        fileName: '身份证.pdf',
        sizeBytes: 2000,
        contentType: 'application/pdf',
      },
    );
    expect(requestUpload.maxBytes).toBe(2000 * 1024);
    expect((await postFile(t, requestUpload.url, files.pdf(2000), 'application/pdf')).status).toBe(201);
    const again = await postFile(t, requestUpload.url, files.pdf(2000), 'application/pdf');
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('TICKET_USED');
    const { declaration: read } = await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: declaration.id,
    });
    expect(read.attachments).toHaveLength(1);
    expect(await t.storedFiles()).toContain(`declarations/${declaration.id}/${read.attachments[0].id}`);
  });

  it('人才分类定级: the level follows the chosen standard; the talent application form renders', async () => {
    const bureau = await t.bureau();
    const notice = await publishedNotice(bureau, {
      channelCode: 'TALENT_CLASSIFICATION',
      title: '2026年度人才分类定级评定',
      route: [
        { level: 'UNIT', name: '推荐单位' },
        { level: 'BUREAU', name: '吉林省人力资源和社会保障厅' },
      ],
    });
    // 基本信息 states the account holder (李娜, her ID number) and her bound unit.
    const idNumber = residentId('19880808');
    const { applicant, declaration } = await startedDeclaration(t, notice.id, {
      applicant: await t.applicant('李娜', idNumber),
      unit: await t.readyUnit('吉林大学第一医院'),
    });
    const edu = education({ educationLevel: '研究生', degree: '博士' });
    const saved = await save(applicant, declaration, {
      talentBasicInfo: {
        name: '李娜',
        gender: 'MALE',
        idType: 'RESIDENT_ID',
        idNumber,
        mobile: '13800000002',
        birthDate: '1988-08-08',
        educationLevel: '研究生',
        workUnitName: '吉林大学第一医院',
        post: '科室主任',
        source: 'INTRODUCED',
        introducedFrom: '北京协和医院',
        serviceType: 'FIRST',
        longTermContract: true,
        standardCode: 'E-01',
      },
      education: [edu],
      workExperience: [workExperience()],
      innovation: '主持省级重点研发项目两项，成果已在省内三家医院推广应用。',
    });
    expect(saved.modules.talentBasicInfo).toMatchObject({ standardCode: 'E-01', levelCode: 'E' });
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'CATALOGUE', code: 'PHOTO' },
      '照片.png',
      files.png(),
      'image/png',
    );
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证.pdf',
      files.pdf(),
      'application/pdf',
    );
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'ENTRY', module: 'EDUCATION', entryId: edu.id },
      '学位证.pdf',
      files.pdf(),
      'application/pdf',
    );
    const { declaration: ready } = await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: saved.id,
    });
    expect(ready.validation).toEqual({ ok: true, problems: [] });
    expect(ready.businessForms.map((f) => f.name)).toEqual(['人才分类定级认定申报表']);
    const { declaration: named } = await applicant.client.ok<{
      declaration: { modules: { talentBasicInfo: Record<string, string | null> } };
    }>(
      `query($id: ID!) { declaration(id: $id) { modules { talentBasicInfo {
        standardCode standardName levelCode levelName previousCategoryName } } } }`,
      { id: saved.id },
    );
    expect(named.modules.talentBasicInfo).toMatchObject({
      levelCode: 'E',
      levelName: 'E类',
      standardName: expect.stringMatching(/\p{Script=Han}/u),
    });
    const pdf = await fetch(`${t.origin}${ready.businessForms[0].url}`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await applicant.client.ok(SUBMIT, { id: saved.id, expectedVersion: saved.version, pledge: true });
    const [submitted] = await outbox(saved.id);
    expect(submitted.payload).toMatchObject({
      channelCode: 'TALENT_CLASSIFICATION',
      applicantName: '李娜',
      title: { levelCode: 'E', levelName: 'E类', titleName: '人才分类定级评定' },
      // What review offers as the default result and certificate prints (申请评定符合标准).
      talent: {
        levelCode: 'E',
        levelName: 'E类',
        standardCode: 'E-01',
        standardText: '具有副高级职称的专业技术人才',
        serviceType: 'FIRST',
      },
      route: [
        { level: 'UNIT', name: '推荐单位', organisationId: null },
        { level: 'BUREAU', name: '吉林省人力资源和社会保障厅', organisationId: null },
      ],
    });
  });
});
