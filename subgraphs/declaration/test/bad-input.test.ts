// Every bad input of the issue: each answers a stable code (and reason) with a Chinese message a
// person can act on, and leaves nothing half-saved (same version, same data, no stray file).
import {
  expectError,
  fieldCodes,
  files,
  postFile,
  startTestDeclaration,
  type Actor,
  type TestDeclaration,
} from './helpers';
import {
  CANCEL,
  DECLARATION,
  DELETE,
  REMOVE_ATTACHMENT,
  REQUEST_UPLOAD,
  SAVE,
  START,
  SUBMIT,
  basicInfo,
  completeDeclaration,
  education,
  publishedNotice,
  recommender,
  residentId,
  save,
  startedDeclaration,
  titleModules,
  upload,
  type DeclarationJson,
  type SlotInput,
} from './fixtures';

let t: TestDeclaration;
let bureau: Actor;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  bureau = await t.bureau();
  noticeId = (await publishedNotice(bureau)).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());

async function read(actor: Actor, id: string): Promise<DeclarationJson> {
  return (await actor.client.ok<{ declaration: DeclarationJson }>(DECLARATION, { id })).declaration;
}

/** What must not change when a request is refused. */
async function snapshot(actor: Actor, id: string) {
  const d = await read(actor, id);
  return {
    version: d.version,
    status: d.status,
    modules: d.modules,
    attachments: d.attachments.map((a) => a.id),
    files: await t.storedFiles(),
  };
}

async function ticket(
  actor: Actor,
  declarationId: string,
  slot: SlotInput,
  fileName: string,
  sizeBytes: number,
  contentType: string,
) {
  return actor.client.request<{ requestUpload: { url: string; maxBytes: number } }>(REQUEST_UPLOAD, {
    declarationId,
    slot,
    fileName,
    sizeBytes,
    contentType,
  });
}

describe('module input', () => {
  it('a sixth entry where three are allowed is refused; nothing is saved', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: 1,
        input: { education: Array.from({ length: 6 }, () => education()) },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['input.education:TOO_MANY_ENTRIES']);
    expect(error.message).toMatch(/最多.*3条/);
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('a 600-character innovation text is refused where 500 are allowed (人才分类定级)', async () => {
    const notice = await publishedNotice(bureau, {
      channelCode: 'TALENT_CLASSIFICATION',
      title: '人才分类定级通知',
      route: [
        { level: 'UNIT', name: '推荐单位' },
        { level: 'BUREAU', name: '省人社厅' },
      ],
    });
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: 1,
        input: { innovation: '成'.repeat(600) },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['input.innovation:TEXT_TOO_LONG']);
    expect(error.message).toMatch(/500/);
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
    // 500 characters are fine.
    const saved = await save(applicant, declaration, { innovation: '成'.repeat(500) });
    expect(saved.version).toBe(2);
  });

  it('从事专业 different from 申报专业范围 is refused, with every other problem of the same save', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: 1,
        input: {
          basicInfo: basicInfo({ practisedSpecialtyCode: 'ENG.ME.MECHATRONICS', mobile: '12345' }),
          workExperience: [
            { id: '5e0f6a57-68a6-4f55-9d1a-8e1f1c1f0c01', unit: '', post: '工程师', startDate: '2010-02-30' },
          ],
        },
      }),
      'BAD_USER_INPUT',
    );
    const codes = fieldCodes(error);
    expect(codes).toContain('input.basicInfo.practisedSpecialtyCode:PRACTISED_SPECIALTY_MISMATCH');
    expect(codes.length).toBeGreaterThanOrEqual(3);
    const fields = error.extensions!.fields as Array<{ field: string; message: string }>;
    expect(fields.find((f) => f.field === 'input.basicInfo.practisedSpecialtyCode')?.message).toMatch(
      /从事专业.*申报专业范围/,
    );
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('暂存 saves a half-filled module; submit then lists every missing field', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const full = basicInfo();
    const half = {
      name: full.name,
      idType: full.idType,
      idNumber: full.idNumber,
      workUnitName: full.workUnitName,
      mobile: full.mobile,
      seriesCode: 'ENG',
    };
    const saved = await save(applicant, declaration, { basicInfo: half });
    expect(saved.version).toBe(2);
    const stored = await read(applicant, declaration.id);
    expect(stored.modules.basicInfo).toMatchObject({
      name: half.name,
      seriesCode: 'ENG',
      specialtyCode: null,
    });
    // The 数据验证信息 report names what is still missing …
    expect(stored.validation.ok).toBe(false);
    const reported = stored.validation.problems.filter((p) => p.module === 'BASIC_INFO');
    expect(reported.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'basicInfo.gender:REQUIRED',
        'basicInfo.birthDate:REQUIRED',
        'basicInfo.specialtyCode:REQUIRED',
        'basicInfo.practisedSpecialtyCode:REQUIRED',
      ]),
    );
    // … and submit refuses with the same list, nothing changed.
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SUBMIT, { id: declaration.id, expectedVersion: 2, pledge: true }),
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
    );
    const problems = error.extensions!.problems as Array<{ field?: string; code: string }>;
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining(reported.map((p) => `${p.field}:${p.code}`)),
    );
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('暂存 refuses every malformed value at once, and another person’s name', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: 1,
        input: {
          basicInfo: {
            name: '李四',
            idType: 'RESIDENT_ID',
            idNumber: '22010219880808123X',
            birthDate: '1988-02-30',
            ethnicity: '汉'.repeat(300),
            seriesCode: 'ENG',
            specialtyCode: 'HEALTH.MED',
          },
        },
      }),
      'BAD_USER_INPUT',
    );
    const codes = fieldCodes(error);
    expect(codes).toEqual(
      expect.arrayContaining([
        'input.basicInfo.name:NOT_ACCOUNT_HOLDER',
        'input.basicInfo.birthDate:DATE_INVALID',
        'input.basicInfo.ethnicity:TEXT_TOO_LONG',
        'input.basicInfo.specialtyCode:CATALOGUE_NOT_CHILD',
      ]),
    );
    expect(codes.some((c) => c.startsWith('input.basicInfo.idNumber:'))).toBe(true);
    expect(codes.some((c) => c.endsWith(':REQUIRED'))).toBe(false);
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('a third recommender is refused (two experts exactly)', async () => {
    const { applicant, declaration: draft } = await startedDeclaration(t, noticeId, {
      category: 'EXCEPTIONAL',
    });
    // 请先保存基本信息栏再点击添加: the category of 破格 comes first.
    const declaration = await save(applicant, draft, {
      basicInfo: basicInfo({ exceptionalKind: 'TWO_EXPERTS' }),
    });
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: declaration.version,
        input: {
          recommenders: [recommender(residentId()), recommender(residentId()), recommender(residentId())],
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['input.recommenders:TOO_MANY_ENTRIES']);
    expect(error.message).toMatch(/破格推荐专家/);
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('a stale version on save answers CONFLICT and keeps the newer edit', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const newer = await save(applicant, declaration, {
      workExperience: [
        {
          id: '0b1c6f3e-2f4e-4c4b-9f0e-5a1d2e3f4a01',
          unit: '甲单位',
          post: '工程师',
          startDate: '2010-07-01',
        },
      ],
    });
    const before = await snapshot(applicant, declaration.id);
    const error = expectError(
      await applicant.client.request(SAVE, {
        id: declaration.id,
        expectedVersion: 1,
        input: { workExperience: [] },
      }),
      'CONFLICT',
      'STALE_VERSION',
      /^该申报已在其他页面修改，请刷新后再编辑$/,
    );
    expect(error.extensions?.currentVersion).toBe(newer.version);
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
    // Two saves from the same version at once: one wins, the other is told to refresh.
    const results = await Promise.all(
      [1, 2].map((n) =>
        applicant.client.request(SAVE, {
          id: declaration.id,
          expectedVersion: newer.version,
          input: {
            workExperience: [
              {
                id: '0b1c6f3e-2f4e-4c4b-9f0e-5a1d2e3f4a01',
                unit: `单位${n}`,
                post: '工程师',
                startDate: '2010-07-01',
              },
            ],
          },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.reason === 'STALE_VERSION').length).toBe(1);
  });
});

describe('uploads', () => {
  it('a PDF renamed .jpg is refused by its bytes, and nothing is kept', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const before = await snapshot(applicant, declaration.id);
    const { data } = await ticket(
      applicant,
      declaration.id,
      { kind: 'CATALOGUE', code: 'PHOTO' },
      '证件照.jpg',
      4096,
      'image/jpeg',
    );
    const answer = await postFile(t, data!.requestUpload.url, files.pdf(4096), 'image/jpeg');
    expect(answer.status).toBe(415);
    expect(answer.body.error).toEqual({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: expect.stringMatching(/实际类型为 PDF.*JPG、PNG/),
    });
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('an executable renamed .pdf is refused, and nothing is kept', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const before = await snapshot(applicant, declaration.id);
    const { data } = await ticket(
      applicant,
      declaration.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证.pdf',
      4096,
      'application/pdf',
    );
    const answer = await postFile(t, data!.requestUpload.url, files.exe(4096), 'application/pdf');
    expect(answer.status).toBe(415);
    expect(answer.body.error).toEqual({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: expect.stringMatching(/可执行程序/),
    });
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
  });

  it('a file one byte over its limit is refused before a ticket, and while streaming; exactly the limit is fine', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const limit = 2000 * 1024; // 身份证: 单张大小不能超过2000KB
    const before = await snapshot(applicant, declaration.id);
    // Declared too large: no ticket.
    const refused = expectError(
      await ticket(
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'ID_CARD' },
        '身份证.pdf',
        limit + 1,
        'application/pdf',
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(refused)).toEqual(['sizeBytes:FILE_TOO_LARGE']);
    expect(refused.message).toMatch(/2000KB/);
    // Declared right, sent one byte more (with and without a Content-Length): refused, nothing kept.
    for (const chunked of [false, true]) {
      const { data } = await ticket(
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'ID_CARD' },
        '身份证.pdf',
        limit,
        'application/pdf',
      );
      const answer = await postFile(t, data!.requestUpload.url, files.pdf(limit + 1), 'application/pdf', {
        chunked,
      });
      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('FILE_TOO_LARGE');
      expect(answer.body.error?.message).toMatch(/2000 ?KB/);
    }
    expect(await snapshot(applicant, declaration.id)).toEqual(before);
    const kept = await upload(
      t,
      applicant,
      declaration.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证.pdf',
      files.pdf(limit),
      'application/pdf',
    );
    expect(kept.sizeBytes).toBe(limit);
  });

  it('a fourth file on a three-file slot, and a second on a one-file slot, are refused; nothing is kept', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    for (let n = 1; n <= 3; n += 1)
      await upload(
        t,
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
        `公示表${n}.pdf`,
        files.pdf(),
        'application/pdf',
      );
    const before = await snapshot(applicant, declaration.id);
    const full = expectError(
      await ticket(
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' },
        '公示表4.pdf',
        2048,
        'application/pdf',
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(full)).toEqual(['slot:SLOT_FULL']);
    expect(full.message).toMatch(/单位公示表最多上传3个/);

    // Two tickets for the one photo, issued while the slot was empty: the second upload is refused.
    const slot = { kind: 'CATALOGUE', code: 'PHOTO' } as const;
    const first = await ticket(applicant, declaration.id, slot, '照片1.jpg', 2048, 'image/jpeg');
    const second = await ticket(applicant, declaration.id, slot, '照片2.jpg', 2048, 'image/jpeg');
    expect((await postFile(t, first.data!.requestUpload.url, files.jpg(), 'image/jpeg')).status).toBe(201);
    const late = await postFile(t, second.data!.requestUpload.url, files.jpg(), 'image/jpeg');
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({
      code: 'SLOT_FULL',
      message: expect.stringMatching(/个人照片最多上传1个/),
    });
    const after = await snapshot(applicant, declaration.id);
    expect(after.attachments).toHaveLength(before.attachments.length + 1);
    expect(after.files).toHaveLength(before.files.length + 1);
  });

  it('a format the slot does not take, an empty file and an unknown slot are refused before any byte', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const wrong = expectError(
      await ticket(
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'PHOTO' },
        '照片.pdf',
        2048,
        'application/pdf',
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(wrong)).toEqual(['contentType:FILE_FORMAT']);
    const empty = expectError(
      await ticket(
        applicant,
        declaration.id,
        { kind: 'CATALOGUE', code: 'ID_CARD' },
        '身份证.pdf',
        0,
        'application/pdf',
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(empty)).toEqual(['sizeBytes:FILE_EMPTY']);
    const unsaved = expectError(
      await ticket(
        applicant,
        declaration.id,
        // Not an id a client makes for a new entry (a new entry's uuid takes files: entry-files.test).
        { kind: 'ENTRY', module: 'EDUCATION', entryId: 'not-an-entry' },
        '毕业证.pdf',
        2048,
        'application/pdf',
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(unsaved)).toEqual(['slot:SLOT_UNKNOWN']);
    expect(unsaved.message).toMatch(/该条目不存在/);
  });
});

describe('submitting', () => {
  it('an expert cannot recommend a third applicant under the same notice', async () => {
    const expert = residentId();
    const other = () => recommender(residentId(), '刘研究员');
    const modules = () =>
      titleModules({
        basicInfo: basicInfo({ exceptionalKind: 'TWO_EXPERTS' }),
        recommenders: [recommender(expert, '王教授'), other()],
      });
    for (let n = 0; n < 2; n += 1) {
      const done = await completeDeclaration(t, noticeId, { category: 'EXCEPTIONAL', modules: modules() });
      await done.applicant.client.ok(SUBMIT, {
        id: done.declaration.id,
        expectedVersion: done.declaration.version,
        pledge: true,
      });
    }
    const third = await completeDeclaration(t, noticeId, { category: 'EXCEPTIONAL', modules: modules() });
    // The report says so before submitting …
    expect(third.declaration.validation.problems).toEqual([
      expect.objectContaining({
        module: 'RECOMMENDERS',
        code: 'RECOMMENDER_QUOTA_EXCEEDED',
        message: expect.stringMatching(/王教授.*最多只允许推荐两名/),
      }),
    ]);
    // … and submitting is refused with it.
    const before = await snapshot(third.applicant, third.declaration.id);
    const error = expectError(
      await third.applicant.client.request(SUBMIT, {
        id: third.declaration.id,
        expectedVersion: third.declaration.version,
        pledge: true,
      }),
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
    );
    expect(error.extensions?.problems).toEqual([
      expect.objectContaining({ code: 'RECOMMENDER_QUOTA_EXCEEDED', module: 'RECOMMENDERS' }),
    ]);
    expect(await snapshot(third.applicant, third.declaration.id)).toEqual(before);
  });

  it('two applicants submitting at once for the last place of an expert: one gets it', async () => {
    const notice = await publishedNotice(bureau, { title: '并发推荐测试通知' });
    const expert = residentId();
    const modules = () =>
      titleModules({
        basicInfo: basicInfo({ exceptionalKind: 'TWO_EXPERTS' }),
        recommenders: [recommender(expert, '王教授'), recommender(residentId(), '刘研究员')],
      });
    const first = await completeDeclaration(t, notice.id, { category: 'EXCEPTIONAL', modules: modules() });
    await first.applicant.client.ok(SUBMIT, {
      id: first.declaration.id,
      expectedVersion: first.declaration.version,
      pledge: true,
    });
    const racers = [
      await completeDeclaration(t, notice.id, { category: 'EXCEPTIONAL', modules: modules() }),
      await completeDeclaration(t, notice.id, { category: 'EXCEPTIONAL', modules: modules() }),
    ];
    const results = await Promise.all(
      racers.map((r) =>
        r.applicant.client.request(SUBMIT, {
          id: r.declaration.id,
          expectedVersion: r.declaration.version,
          pledge: true,
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.reason === 'VALIDATION_FAILED').length).toBe(1);
  });

  it('after the closing time: submit and save answer DEADLINE_PASSED; cancelling still works (已取消)', async () => {
    const done = await completeDeclaration(t, noticeId);
    const before = await snapshot(done.applicant, done.declaration.id);
    t.clock.advanceDays(31);
    expectError(
      await done.applicant.client.request(SUBMIT, {
        id: done.declaration.id,
        expectedVersion: done.declaration.version,
        pledge: true,
      }),
      'DEADLINE_PASSED',
      'WINDOW_CLOSED',
      /申报已截止/,
    );
    expectError(
      await done.applicant.client.request(SAVE, {
        id: done.declaration.id,
        expectedVersion: done.declaration.version,
        input: { workExperience: [] },
      }),
      'DEADLINE_PASSED',
      'WINDOW_CLOSED',
    );
    expect(await snapshot(done.applicant, done.declaration.id)).toEqual(before);
    const { cancelDeclaration } = await done.applicant.client.ok<{
      cancelDeclaration: { status: string; statusText: string };
    }>(CANCEL, {
      id: done.declaration.id,
    });
    expect(cancelDeclaration).toEqual({ id: done.declaration.id, status: 'CANCELLED', statusText: '已取消' });
    // Starting under a closed notice is refused too.
    const late = await t.applicant();
    await t.bind(late, await t.readyUnit());
    expectError(
      await late.client.request(START, { noticeId, category: 'NORMAL' }),
      'DEADLINE_PASSED',
      'WINDOW_CLOSED',
    );
  });

  it('while unbound: submit answers NOT_BOUND, and so does starting', async () => {
    const started = await startedDeclaration(t, noticeId);
    const saved = await save(started.applicant, started.declaration, titleModules());
    const { rows } = await t.sql.query<{ binding_id: string }>(
      `select binding_id from declaration.applicant_binding where person_id = $1`,
      [started.applicant.principal.accountId],
    );
    await t.unbind({
      id: 'x',
      type: 'BindingApproved',
      source: 'binding',
      occurredAt: '',
      payload: {
        bindingId: rows[0].binding_id,
        personId: started.applicant.principal.accountId,
        unitId: started.unit.unitId,
        unitName: started.unit.name,
        approvedAt: '',
      },
    });
    const before = await snapshot(started.applicant, saved.id);
    expectError(
      await started.applicant.client.request(SUBMIT, {
        id: saved.id,
        expectedVersion: saved.version,
        pledge: true,
      }),
      'FORBIDDEN',
      'NOT_BOUND',
      /尚未绑定推荐单位/,
    );
    expect(await snapshot(started.applicant, saved.id)).toEqual(before);
    const unbound = await t.applicant();
    expectError(
      await unbound.client.request(START, { noticeId, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_BOUND',
    );
  });

  it('a submitted declaration cannot be edited, have files changed, be cancelled or deleted (DECLARATION_LOCKED)', async () => {
    const done = await completeDeclaration(t, noticeId);
    const { submitDeclaration } = await done.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(
      SUBMIT,
      {
        id: done.declaration.id,
        expectedVersion: done.declaration.version,
        pledge: true,
      },
    );
    const id = submitDeclaration.id;
    const before = await snapshot(done.applicant, id);
    const attempts = [
      done.applicant.client.request(SAVE, {
        id,
        expectedVersion: submitDeclaration.version,
        input: { workExperience: [] },
      }),
      ticket(
        done.applicant,
        id,
        { kind: 'CATALOGUE', code: 'OTHER_PROOF' },
        '补充.pdf',
        2048,
        'application/pdf',
      ),
      done.applicant.client.request(REMOVE_ATTACHMENT, { id: submitDeclaration.attachments[0].id }),
      done.applicant.client.request(CANCEL, { id }),
      done.applicant.client.request(DELETE, { id }),
    ];
    for (const result of await Promise.all(attempts)) expectError(result, 'CONFLICT', 'DECLARATION_LOCKED');
    expect(await snapshot(done.applicant, id)).toEqual(before);
  });
});

describe("another applicant's declaration", () => {
  it('answers NOT_FOUND to every query and mutation, exactly as an unknown id', async () => {
    const owner = await completeDeclaration(t, noticeId);
    const id = owner.declaration.id;
    const before = await snapshot(owner.applicant, id);
    const stranger = await t.applicant();
    await t.bind(stranger, owner.unit);
    const attempts = [
      stranger.client.request(DECLARATION, { id }),
      stranger.client.request(SAVE, {
        id,
        expectedVersion: owner.declaration.version,
        input: { workExperience: [] },
      }),
      ticket(stranger, id, { kind: 'CATALOGUE', code: 'OTHER_PROOF' }, '补充.pdf', 2048, 'application/pdf'),
      stranger.client.request(REMOVE_ATTACHMENT, { id: owner.declaration.attachments[0].id }),
      stranger.client.request(SUBMIT, { id, expectedVersion: owner.declaration.version, pledge: true }),
      stranger.client.request(CANCEL, { id }),
      stranger.client.request(DELETE, { id }),
      stranger.client.request(DECLARATION, { id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }),
      stranger.client.request(DECLARATION, { id: 'not-a-uuid' }),
    ];
    for (const result of await Promise.all(attempts)) expectError(result, 'NOT_FOUND');
    expect(await snapshot(owner.applicant, id)).toEqual(before);
    // The unit sees a draft of its applicant? No: drafts stay private.
    const legalPerson = await t.legalPerson(owner.unit);
    expectError(await legalPerson.client.request(DECLARATION, { id }), 'NOT_FOUND');
  });
});

describe('starting', () => {
  it('refuses a second active declaration under the same notice, and 破格 where the channel has none', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const again = expectError(
      await applicant.client.request(START, { noticeId, category: 'NORMAL' }),
      'CONFLICT',
      'ALREADY_DECLARED',
    );
    expect(again.extensions?.declarationId).toBe(declaration.id);
    const talent = await publishedNotice(bureau, {
      channelCode: 'TALENT_CLASSIFICATION',
      title: '人才分类定级通知2',
      route: [
        { level: 'UNIT', name: '推荐单位' },
        { level: 'BUREAU', name: '省人社厅' },
      ],
    });
    const error = expectError(
      await applicant.client.request(START, { noticeId: talent.id, category: 'EXCEPTIONAL' }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['category:EXCEPTIONAL_NOT_ALLOWED']);
    // After cancelling, a new one may start.
    await applicant.client.ok(CANCEL, { id: declaration.id });
    const { startDeclaration } = await applicant.client.ok<{ startDeclaration: { id: string } }>(START, {
      noticeId,
      category: 'NORMAL',
    });
    expect(startDeclaration.id).not.toBe(declaration.id);
  });

  it('only applicants start declarations; units and staff are refused', async () => {
    const unit = await t.readyUnit();
    for (const actor of [await t.legalPerson(unit), await t.agent(unit), bureau]) {
      expectError(await actor.client.request(START, { noticeId, category: 'NORMAL' }), 'FORBIDDEN');
    }
    expectError(await t.client().request(START, { noticeId, category: 'NORMAL' }), 'UNAUTHENTICATED');
  });
});
