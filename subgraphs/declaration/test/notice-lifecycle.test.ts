// 通知管理 (issue 11 item 1): list filters, copy, 提前截止, 延长截止时间, 撤回, sanitised notes,
// every publishing problem at once, and form changes that would break declarations refused.
import { Role } from '@zhicheng/server-kit';
import {
  expectError,
  fieldCodes,
  files,
  startTestDeclaration,
  type Actor,
  type TestDeclaration,
} from './helpers';
import {
  CREATE_NOTICE,
  NOTICE_FIELDS,
  PUBLISH_NOTICE,
  START,
  education,
  noticeInput,
  publishedNotice,
  save,
  startedDeclaration,
  upload,
} from './fixtures';

let t: TestDeclaration;
let bureau: Actor;
beforeAll(async () => {
  t = await startTestDeclaration();
  bureau = await t.bureau();
});
afterAll(() => t?.close());

const DAY = 24 * 3600 * 1000;
const in_ = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const LIST = `query($status: NoticeStatus, $search: String, $channelCode: String) {
  notices(status: $status, search: $search, channelCode: $channelCode) { id title status }
}`;
const NOTICE = `query($id: ID!) { notice(id: $id) { ${NOTICE_FIELDS} publishProblems { field code message } } }`;
const UPDATE = `mutation($id: ID!, $input: NoticeInput!) { updateNotice(id: $id, input: $input) { id status formConfig { modules { key maxEntries } } } }`;
const COPY = `mutation($id: ID!) { copyNotice(id: $id) { ${NOTICE_FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeNotice(id: $id) { id isOpen closesAt } }`;
const EXTEND = `mutation($id: ID!, $closesAt: DateTimeISO!) { extendNotice(id: $id, closesAt: $closesAt) { id isOpen closesAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNotice(id: $id) { id status } }`;

/** The notice's input as a bureau's editor sends it back (the stored form, changed by `change`). */
async function storedInput(
  id: string,
  change: (form: FormJson) => void = () => undefined,
): Promise<Record<string, unknown> & { formConfig: FormJson }> {
  const { notice } = await bureau.client.ok<{ notice: NoticeJson }>(NOTICE, { id });
  const formConfig = structuredClone(notice.formConfig);
  change(formConfig);
  return {
    ...noticeInput({
      channelCode: notice.channel.code,
      title: notice.title,
      opensAt: notice.opensAt,
      closesAt: notice.closesAt,
      notes: notice.notes,
      route: notice.route,
    }),
    formConfig,
  };
}

interface FormJson {
  innovationTextLimit: number;
  modules: Array<{
    key: string;
    name: string;
    required: boolean;
    maxEntries: number | null;
    filesPerEntry: unknown;
  }>;
  attachments: Array<{ code: string; name: string; maxCount: number; maxSizeKb: number; formats: string[] }>;
}
interface NoticeJson {
  id: string;
  title: string;
  status: string;
  opensAt: string;
  closesAt: string;
  notes: string;
  channel: { code: string };
  route: unknown[];
  formConfig: FormJson;
  publishProblems: Array<{ field: string; code: string }>;
}

describe('the list', () => {
  it('filters by status, channel and words of the title', async () => {
    const marker = `筛选${Date.now()}`;
    const draft = (
      await bureau.client.ok<{ createNotice: { id: string } }>(CREATE_NOTICE, {
        input: noticeInput({ title: `${marker} 草稿` }),
      })
    ).createNotice;
    const published = await publishedNotice(bureau, {
      title: `${marker} 已发布`,
      channelCode: 'TALENT_CLASSIFICATION',
      route: [
        { level: 'UNIT', name: '推荐单位' },
        { level: 'BUREAU', name: '人社厅' },
      ],
    });
    const ids = async (vars: Record<string, unknown>) =>
      (await bureau.client.ok<{ notices: Array<{ id: string }> }>(LIST, vars)).notices.map((n) => n.id);
    expect(await ids({ search: marker })).toEqual(expect.arrayContaining([draft.id, published.id]));
    expect(await ids({ search: marker, status: 'DRAFT' })).toEqual([draft.id]);
    expect(await ids({ search: marker, status: 'PUBLISHED' })).toEqual([published.id]);
    expect(await ids({ search: marker, channelCode: 'TITLE_NORMAL' })).toEqual([draft.id]);
    // LIKE's wildcards are words, not patterns.
    expect(await ids({ search: '%' })).toEqual([]);
    // An applicant never sees drafts, whatever the filter asks.
    const applicant = await t.applicant();
    const seen = (
      await applicant.client.ok<{ notices: Array<{ id: string }> }>(LIST, { search: marker, status: 'DRAFT' })
    ).notices.map((n) => n.id);
    expect(seen).toEqual([published.id]);
  });
});

describe('copy, close early, extend, withdraw', () => {
  it('copies an earlier notice into a draft of the caller’s bureau', async () => {
    const source = await publishedNotice(bureau, { title: '2025年度职称评审通知' });
    const other = await t.bureau();
    const { copyNotice } = await other.client.ok<{ copyNotice: NoticeJson }>(COPY, { id: source.id });
    expect(copyNotice).toMatchObject({ title: '2025年度职称评审通知（复制）', status: 'DRAFT' });
    expect(copyNotice.formConfig).toEqual(source.formConfig);
    // The copy is the copier's: she publishes it; the source's bureau does not own it.
    await other.client.ok(PUBLISH_NOTICE, { id: copyNotice.id });
    expectError(
      await bureau.client.request(WITHDRAW, { id: copyNotice.id }),
      'FORBIDDEN',
      'NOT_NOTICE_OWNER',
    );
  });

  it('closes an open notice now: applicants can no longer start', async () => {
    const notice = await publishedNotice(bureau);
    const { closeNotice } = await bureau.client.ok<{ closeNotice: { isOpen: boolean } }>(CLOSE, {
      id: notice.id,
    });
    expect(closeNotice.isOpen).toBe(false);
    const applicant = await t.applicant();
    await t.bind(applicant, await t.readyUnit());
    expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'DEADLINE_PASSED',
      'WINDOW_CLOSED',
    );
    expectError(await bureau.client.request(CLOSE, { id: notice.id }), 'CONFLICT', 'ALREADY_CLOSED');
    // Extending reopens it; an earlier date is refused with what to do.
    expect(
      fieldCodes(
        expectError(
          await bureau.client.request(EXTEND, { id: notice.id, closesAt: in_(-3) }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['closesAt:NOT_LATER']);
    const { extendNotice } = await bureau.client.ok<{ extendNotice: { isOpen: boolean } }>(EXTEND, {
      id: notice.id,
      closesAt: in_(10),
    });
    expect(extendNotice.isOpen).toBe(true);
  });

  it('withdraws a published notice before it opens; an open one is closed instead', async () => {
    const future = await publishedNotice(bureau, { opensAt: in_(5), closesAt: in_(20) });
    expectError(await bureau.client.request(CLOSE, { id: future.id }), 'CONFLICT', 'NOT_OPEN_YET');
    const { withdrawNotice } = await bureau.client.ok<{ withdrawNotice: { status: string } }>(WITHDRAW, {
      id: future.id,
    });
    expect(withdrawNotice.status).toBe('DRAFT');
    const applicant = await t.applicant();
    expect(
      (
        await applicant.client.ok<{ notice: unknown }>(`query($id: ID!) { notice(id: $id) { id } }`, {
          id: future.id,
        })
      ).notice,
    ).toBeNull();
    expectError(await bureau.client.request(WITHDRAW, { id: future.id }), 'CONFLICT', 'NOT_PUBLISHED');

    const open = await publishedNotice(bureau);
    expectError(await bureau.client.request(WITHDRAW, { id: open.id }), 'CONFLICT', 'ALREADY_OPEN');
  });

  it('applicants, units, another bureau and forged ids are refused', async () => {
    const notice = await publishedNotice(bureau);
    const unit = await t.readyUnit();
    const callers = [await t.applicant(), await t.agent(unit), await t.staff(Role.DEPARTMENT_REVIEWER)];
    for (const caller of callers)
      for (const doc of [COPY, CLOSE, WITHDRAW])
        expectError(await caller.client.request(doc, { id: notice.id }), 'FORBIDDEN');
    const county = await t.bureau();
    for (const doc of [CLOSE, WITHDRAW])
      expectError(await county.client.request(doc, { id: notice.id }), 'FORBIDDEN', 'NOT_NOTICE_OWNER');
    expectError(await county.client.request(EXTEND, { id: notice.id, closesAt: in_(90) }), 'FORBIDDEN');
    for (const id of ['not-a-uuid', '3e1f0a2b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'])
      for (const doc of [COPY, CLOSE, WITHDRAW])
        expectError(await bureau.client.request(doc, { id }), 'NOT_FOUND');
    const { notice: unchanged } = await bureau.client.ok<{ notice: { closesAt: string } }>(NOTICE, {
      id: notice.id,
    });
    expect(new Date(unchanged.closesAt).getTime()).toBeGreaterThan(Date.now());
  });
});

describe('notes and publishing', () => {
  it('keeps formatting of the notes and drops anything that runs', async () => {
    const { createNotice } = await bureau.client.ok<{ createNotice: { notes: string } }>(CREATE_NOTICE, {
      input: noticeInput({
        notes:
          '<h3 onclick="x()">申报须知</h3><p>请<strong>如实</strong>填写<script>alert(1)</script></p>' +
          '<ul><li>材料真实</li></ul><a href="javascript:alert(1)">点此</a><a href="https://rst.jl.gov.cn/">人社厅</a>' +
          '<img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe>',
      }),
    });
    expect(createNotice.notes).toBe(
      '<h3>申报须知</h3><p>请<strong>如实</strong>填写</p><ul><li>材料真实</li></ul><a target="_blank" rel="noopener noreferrer">点此</a>' +
        '<a href="https://rst.jl.gov.cn/" target="_blank" rel="noopener noreferrer">人社厅</a>',
    );
  });

  it('a window that closes before it opens is refused', async () => {
    const error = expectError(
      await bureau.client.request(CREATE_NOTICE, {
        input: noticeInput({ opensAt: in_(10), closesAt: in_(9) }),
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['input.closesAt:CLOSES_BEFORE_OPENS']);
    expect(error.message).toBe('申报截止时间必须晚于申报开始时间');
  });

  it('shows every problem before publishing; publishing without a route or with an empty form is refused', async () => {
    const { createNotice } = await bureau.client.ok<{ createNotice: { id: string } }>(CREATE_NOTICE, {
      input: noticeInput({
        route: [],
        formConfig: { modules: [], attachments: [], innovationTextLimit: 500 },
        opensAt: in_(-20),
        closesAt: in_(-1),
      }),
    });
    const expected = ['closesAt:WINDOW_PASSED', 'formConfig.modules:FORM_EMPTY', 'route:REQUIRED'];
    const { notice } = await bureau.client.ok<{ notice: NoticeJson }>(NOTICE, { id: createNotice.id });
    expect(notice.publishProblems.map((p) => `${p.field}:${p.code}`).sort()).toEqual(expected);
    const error = expectError(
      await bureau.client.request(PUBLISH_NOTICE, { id: createNotice.id }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(expected);
    expect(error.message).toBe('提交的信息有 3 处问题，请逐项修改后重试');
    // The problems are for bureau staff only.
    const applicant = await t.applicant();
    const published = await publishedNotice(bureau);
    expectError(
      await applicant.client.request(`query($id: ID!) { notice(id: $id) { publishProblems { code } } }`, {
        id: published.id,
      }),
      'FORBIDDEN',
    );
  });

  it('an attachment row with no format or a zero size is refused, each named', async () => {
    const error = expectError(
      await bureau.client.request(CREATE_NOTICE, {
        input: noticeInput({
          formConfig: {
            innovationTextLimit: 500,
            modules: [{ key: 'BASIC_INFO', name: '基本信息', required: true }],
            attachments: [
              {
                code: 'EXTRA_PROOF',
                name: '业绩证明',
                formats: [],
                maxSizeKb: 0,
                maxCount: 1,
                required: false,
              },
            ],
          },
        }),
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual([
      'input.formConfig.attachments.0.formats:INVALID',
      'input.formConfig.attachments.0.maxSizeKb:OUT_OF_RANGE',
    ]);
  });
});

describe('changes that would break declarations (found by the issue)', () => {
  it('refuses removing a filled module, a limit below what declarations hold, a slot with files — naming how many', async () => {
    const notice = await publishedNotice(bureau);
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    const saved = await save(applicant, declaration, {
      education: [education(), education({ school: '长春工业大学' })],
    });
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证正面.jpg',
      files.jpg(),
      'image/jpeg',
    );
    await upload(
      t,
      applicant,
      saved.id,
      { kind: 'CATALOGUE', code: 'ID_CARD' },
      '身份证反面.jpg',
      files.jpg(),
      'image/jpeg',
    );

    const input = await storedInput(notice.id, (form) => {
      form.modules = form.modules.filter((m) => m.key !== 'EDUCATION');
      const id = form.attachments.find((a) => a.code === 'ID_CARD')!;
      id.maxCount = 1;
      id.formats = ['PDF'];
    });
    const error = expectError(
      await bureau.client.request(UPDATE, { id: notice.id, input }),
      'CONFLICT',
      'BREAKS_DECLARATIONS',
    );
    const index = (await storedInput(notice.id)).formConfig.attachments.findIndex(
      (a: { code: string }) => a.code === 'ID_CARD',
    );
    expect(fieldCodes(error)).toEqual(
      [
        'input.formConfig.modules:MODULE_IN_USE',
        `input.formConfig.attachments.${index}.maxCount:LIMIT_BELOW_DRAFTS`,
        `input.formConfig.attachments.${index}.formats:LIMIT_BELOW_DRAFTS`,
      ].sort(),
    );
    expect(error.message).toContain('已有1份申报填写了“教育经历”，不能去掉该模块');
    expect(error.message).toContain('已有1份申报的“身份证”上传了超过1个文件');

    const fewer = await storedInput(notice.id, (form) => {
      form.modules.find((m) => m.key === 'EDUCATION')!.maxEntries = 1;
    });
    const limit = expectError(
      await bureau.client.request(UPDATE, { id: notice.id, input: fewer }),
      'CONFLICT',
    );
    expect(limit.message).toBe(
      '修改会影响已有的申报：已有1份申报的“教育经历”填写了超过1条，最多条数不能低于已填写的条数',
    );
    // A removed slot with files, and a harmless change that goes through.
    const noIdCard = await storedInput(notice.id, (form) => {
      form.attachments = form.attachments.filter((a) => a.code !== 'ID_CARD');
    });
    expect(
      fieldCodes(
        expectError(await bureau.client.request(UPDATE, { id: notice.id, input: noIdCard }), 'CONFLICT'),
      ),
    ).toEqual(['input.formConfig.attachments:SLOT_IN_USE']);
    const more = await storedInput(notice.id, (form) => {
      form.modules.find((m) => m.key === 'EDUCATION')!.maxEntries = 5;
      form.modules = form.modules.filter((m) => m.key !== 'HONOURS');
    });
    const { updateNotice } = await bureau.client.ok<{ updateNotice: { formConfig: FormJson } }>(UPDATE, {
      id: notice.id,
      input: more,
    });
    expect(updateNotice.formConfig.modules.map((m) => m.key)).not.toContain('HONOURS');
  });

  it('a cancelled declaration does not hold the form back', async () => {
    const notice = await publishedNotice(bureau);
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    await save(applicant, declaration, { education: [education(), education()] });
    await applicant.client.ok(`mutation($id: ID!) { cancelDeclaration(id: $id) { id } }`, {
      id: declaration.id,
    });
    const fewer = await storedInput(notice.id, (form) => {
      form.modules.find((m) => m.key === 'EDUCATION')!.maxEntries = 1;
    });
    await bureau.client.ok(UPDATE, { id: notice.id, input: fewer });
  });
});
