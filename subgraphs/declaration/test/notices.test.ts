// Notices: the bureau creates, updates and publishes them; applicants see published ones; the
// 江苏 committee lookup answers the committees of an open notice, or nothing (未查到相关的评委会).
import { Role } from '@zhicheng/server-kit';
import {
  event,
  expectError,
  fieldCodes,
  startTestDeclaration,
  type Actor,
  type TestDeclaration,
} from './helpers';
import {
  CREATE_NOTICE,
  NOTICE_FIELDS,
  PUBLISH_NOTICE,
  START,
  noticeInput,
  publishedNotice,
} from './fixtures';

let t: TestDeclaration;
let bureau: Actor;
beforeAll(async () => {
  t = await startTestDeclaration();
  bureau = await t.bureau();
});
afterAll(() => t?.close());

const NOTICES = `query($channelCode: String, $openOnly: Boolean) {
  notices(channelCode: $channelCode, openOnly: $openOnly) { id title status isOpen }
}`;
const NOTICE = `query($id: ID!) { notice(id: $id) { ${NOTICE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: NoticeInput!) { updateNotice(id: $id, input: $input) { ${NOTICE_FIELDS} } }`;
const COMMITTEES = `query($noticeId: ID!, $regionCode: String!, $levelCode: String!, $specialtyCode: String!) {
  committees(noticeId: $noticeId, regionCode: $regionCode, levelCode: $levelCode, specialtyCode: $specialtyCode) { id name }
}`;

const DAY = 24 * 3600 * 1000;

describe('creating and publishing notices', () => {
  it('bureau staff create a draft with the channel’s default form, then publish it', async () => {
    const { createNotice } = await bureau.client.ok<{
      createNotice: Record<string, unknown> & { id: string };
    }>(CREATE_NOTICE, {
      input: noticeInput({ coverage: { unitIds: [], regionCodes: ['220000'], seriesCodes: ['ENG'] } }),
    });
    expect(createNotice).toMatchObject({
      status: 'DRAFT',
      isOpen: false,
      channel: { code: 'TITLE_NORMAL', name: '正常职称申报', allowsExceptional: true },
      coverage: { regionCodes: ['220000'], seriesCodes: ['ENG'] },
      formConfig: {
        innovationTextLimit: 500,
        modules: expect.arrayContaining([
          {
            key: 'EDUCATION',
            name: '教育经历',
            required: true,
            maxEntries: 3,
            filesPerEntry: { min: 1, max: 3, formats: ['PDF', 'JPG', 'PNG'], maxSizeKb: 5000 },
          },
        ]),
        attachments: expect.arrayContaining([
          {
            code: 'ID_CARD',
            name: '身份证',
            formats: ['PDF', 'JPG', 'PNG'],
            maxSizeKb: 2000,
            maxCount: 2,
            required: true,
            module: null,
          },
        ]),
      },
    });
    // An applicant does not see a draft.
    const applicant = await t.applicant();
    expect(
      (await applicant.client.ok<{ notice: unknown }>(NOTICE, { id: createNotice.id })).notice,
    ).toBeNull();
    const listed = await applicant.client.ok<{ notices: Array<{ id: string }> }>(NOTICES);
    expect(listed.notices.map((n) => n.id)).not.toContain(createNotice.id);

    const { publishNotice } = await bureau.client.ok<{
      publishNotice: { status: string; isOpen: boolean; daysLeft: number };
    }>(PUBLISH_NOTICE, { id: createNotice.id });
    expect(publishNotice).toMatchObject({ status: 'PUBLISHED', isOpen: true, daysLeft: 30 });
    const open = await applicant.client.ok<{ notices: Array<{ id: string }> }>(NOTICES, {
      channelCode: 'TITLE_NORMAL',
      openOnly: true,
    });
    expect(open.notices.map((n) => n.id)).toContain(createNotice.id);
  });

  it('applicants, units, other staff and anonymous callers cannot create, update or publish', async () => {
    const notice = await publishedNotice(bureau);
    const unit = await t.readyUnit();
    const callers = [
      await t.applicant(),
      await t.legalPerson(unit),
      await t.agent(unit),
      await t.staff(Role.DEPARTMENT_REVIEWER),
      await t.staff(Role.COMMITTEE_SECRETARY),
    ];
    for (const caller of callers) {
      expectError(await caller.client.request(CREATE_NOTICE, { input: noticeInput() }), 'FORBIDDEN');
      expectError(await caller.client.request(UPDATE, { id: notice.id, input: noticeInput() }), 'FORBIDDEN');
      expectError(await caller.client.request(PUBLISH_NOTICE, { id: notice.id }), 'FORBIDDEN');
    }
    expectError(await t.client().request(CREATE_NOTICE, { input: noticeInput() }), 'UNAUTHENTICATED');
  });

  it('reports every problem of a bad notice at once', async () => {
    const error = expectError(
      await bureau.client.request(CREATE_NOTICE, {
        input: noticeInput({
          channelCode: 'NO_SUCH_CHANNEL',
          title: '  ',
          opensAt: new Date(Date.now() + DAY).toISOString(),
          closesAt: new Date(Date.now() - DAY).toISOString(),
          coverage: { unitIds: ['x'], regionCodes: ['22'], seriesCodes: ['NOPE'] },
          route: [
            { level: 'BUREAU', name: '省厅' },
            { level: 'UNIT', name: '' },
          ],
          committees: [{ name: '评委会', regionCode: 'abc', levelCodes: ['NOPE'] }],
        }),
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(
      [
        'input.channelCode:UNKNOWN_CHANNEL',
        'input.closesAt:CLOSES_BEFORE_OPENS',
        'input.committees.0.levelCodes.0:UNKNOWN_LEVEL',
        'input.committees.0.regionCode:INVALID_REGION',
        'input.coverage.regionCodes.0:INVALID_REGION',
        'input.coverage.seriesCodes.0:UNKNOWN_SERIES',
        'input.coverage.unitIds.0:INVALID_ID',
        'input.route.1.level:ROUTE_ORDER',
        'input.route.1.name:REQUIRED',
        'input.title:REQUIRED',
      ].sort(),
    );
    expect(error.message).toBe('提交的信息有 10 处问题，请逐项修改后重试');
  });

  it('checks a custom form configuration with the domain’s rules', async () => {
    const error = expectError(
      await bureau.client.request(CREATE_NOTICE, {
        input: noticeInput({
          formConfig: {
            innovationTextLimit: 0,
            modules: [
              {
                key: 'EDUCATION',
                name: '教育经历',
                required: true,
                maxEntries: 0,
                filesPerEntry: { min: 2, max: 1, formats: [], maxSizeKb: 5000 },
              },
            ],
            attachments: [
              {
                code: 'bad code',
                name: '身份证',
                formats: ['PDF'],
                maxSizeKb: 2000,
                maxCount: 0,
                required: true,
              },
            ],
          },
        }),
      }),
      'BAD_USER_INPUT',
    );
    const codes = fieldCodes(error);
    expect(codes).toEqual(
      expect.arrayContaining([
        'input.formConfig.innovationTextLimit:OUT_OF_RANGE',
        'input.formConfig.modules.0.maxEntries:OUT_OF_RANGE',
        'input.formConfig.modules:BASIC_INFO_REQUIRED',
        'input.formConfig.attachments.0.code:INVALID',
        'input.formConfig.attachments.0.maxCount:OUT_OF_RANGE',
      ]),
    );
  });

  it('updates a notice; a published one stays published', async () => {
    const notice = await publishedNotice(bureau);
    const { updateNotice } = await bureau.client.ok<{
      updateNotice: { title: string; status: string; notes: string };
    }>(UPDATE, {
      id: notice.id,
      input: noticeInput({
        title: '关于延长申报时间的通知',
        notes: '申报截止时间延长至下月底。',
        closesAt: new Date(Date.now() + 45 * DAY).toISOString(),
      }),
    });
    expect(updateNotice).toMatchObject({
      title: '关于延长申报时间的通知',
      status: 'PUBLISHED',
      notes: '申报截止时间延长至下月底。',
    });
    expectError(
      await bureau.client.request(UPDATE, {
        id: '3e1f0a2b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
        input: noticeInput(),
      }),
      'NOT_FOUND',
    );
  });
});

describe('who changes a notice (found by an outside probe)', () => {
  it('only the issuing bureau updates or publishes it; another bureau is refused and nothing changes', async () => {
    const county = await t.bureau();
    const notice = await publishedNotice(bureau);
    const draft = (
      await bureau.client.ok<{ createNotice: { id: string } }>(CREATE_NOTICE, { input: noticeInput() })
    ).createNotice;
    const unitOnly = noticeInput({ route: [{ level: 'UNIT', name: '推荐单位' }] });
    for (const attempt of [
      await county.client.request(UPDATE, { id: notice.id, input: noticeInput({ title: '县局改写' }) }),
      await county.client.request(PUBLISH_NOTICE, { id: draft.id }),
    ])
      expect(expectError(attempt, 'FORBIDDEN').extensions?.reason).toBe('NOT_NOTICE_OWNER');
    expect(
      fieldCodes(
        expectError(await county.client.request(CREATE_NOTICE, { input: unitOnly }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['input.route:ROUTE_INCOMPLETE']);
    const { notice: unchanged } = await bureau.client.ok<{ notice: { title: string; status: string } }>(
      NOTICE,
      {
        id: notice.id,
      },
    );
    expect(unchanged.title).toBe(noticeInput().title);
  });

  it('a published notice keeps its route: declarations already follow it', async () => {
    const notice = await publishedNotice(bureau);
    const shorter = noticeInput({
      route: [
        { level: 'UNIT', name: '推荐单位' },
        { level: 'BUREAU', name: '吉林省人力资源和社会保障厅' },
        { level: 'COMMITTEE', name: '职称评审委员会' },
      ],
    });
    expect(
      expectError(await bureau.client.request(UPDATE, { id: notice.id, input: shorter }), 'CONFLICT')
        .extensions?.reason,
    ).toBe('ROUTE_LOCKED');
  });
});

describe('committees (江苏 职称评审申报)', () => {
  const committees = [
    {
      id: 'JS-ENG-SENIOR',
      name: '江苏省工程技术研究系列高级职称评审委员会',
      regionCode: '320000',
      levelCodes: ['FULL_SENIOR', 'DEPUTY_SENIOR'],
      seriesCodes: ['ENG'],
    },
    {
      id: 'NJ-ENG-MID',
      name: '南京市工程系列中级职称评审委员会',
      regionCode: '320100',
      levelCodes: ['INTERMEDIATE'],
      seriesCodes: ['ENG'],
    },
    {
      id: 'JS-TEACHERS',
      name: '江苏省中小学教师高级职称评审委员会',
      regionCode: '320000',
      levelCodes: ['DEPUTY_SENIOR'],
      specialtyCodes: ['EDU.PS'],
    },
  ];

  it('a 江苏 review notice needs committees to be published', async () => {
    const { createNotice } = await bureau.client.ok<{ createNotice: { id: string } }>(CREATE_NOTICE, {
      input: noticeInput({ channelCode: 'JS_TITLE_REVIEW', title: '江苏职称评审（无评委会）' }),
    });
    const error = expectError(
      await bureau.client.request(PUBLISH_NOTICE, { id: createNotice.id }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(['committees:REQUIRED']);
  });

  it('answers the committees of the region, level and specialty; none → empty (未查到相关的评委会)', async () => {
    const notice = await publishedNotice(bureau, {
      channelCode: 'JS_TITLE_REVIEW',
      title: '江苏职称评审申报',
      committees,
    });
    const applicant = await t.applicant();
    const ask = async (regionCode: string, levelCode: string, specialtyCode: string) =>
      (
        await applicant.client.ok<{ committees: Array<{ id: string }> }>(COMMITTEES, {
          noticeId: notice.id,
          regionCode,
          levelCode,
          specialtyCode,
        })
      ).committees.map((c) => c.id);
    expect(await ask('320102', 'DEPUTY_SENIOR', 'ENG.ME')).toEqual(['JS-ENG-SENIOR']);
    expect(await ask('320102', 'INTERMEDIATE', 'ENG.EI')).toEqual(['NJ-ENG-MID']);
    expect(await ask('320200', 'INTERMEDIATE', 'ENG.EI')).toEqual([]);
    expect(await ask('320500', 'DEPUTY_SENIOR', 'EDU.PS')).toEqual(['JS-TEACHERS']);
    expect(await ask('220100', 'DEPUTY_SENIOR', 'ENG.ME')).toEqual([]);

    // Starting needs one of them.
    const unit = await t.readyUnit();
    await t.bind(applicant, unit);
    const missing = expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(missing)).toEqual(['committeeId:REQUIRED']);
    const unknown = expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL', committeeId: 'NOPE' }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(unknown)).toEqual(['committeeId:UNKNOWN_COMMITTEE']);
    const { startDeclaration } = await applicant.client.ok<{ startDeclaration: { committeeId: string } }>(
      `mutation($noticeId: ID!, $committeeId: ID) { startDeclaration(noticeId: $noticeId, category: NORMAL, committeeId: $committeeId) { committeeId committee { name } } }`,
      { noticeId: notice.id, committeeId: 'JS-ENG-SENIOR' },
    );
    expect(startDeclaration).toEqual({
      committeeId: 'JS-ENG-SENIOR',
      committee: { name: '江苏省工程技术研究系列高级职称评审委员会' },
    });
  });
});

describe('coverage', () => {
  it('a notice for other units or regions cannot be declared under', async () => {
    const inChangchun = await t.readyUnit('长春单位', '220101');
    const inJilinCity = await t.readyUnit('吉林市单位', '220201');
    const notice = await publishedNotice(bureau, {
      title: '长春市通知',
      coverage: { unitIds: [], regionCodes: ['220100'], seriesCodes: [] },
    });
    const ok = await t.applicant();
    await t.bind(ok, inChangchun);
    await ok.client.ok(START, { noticeId: notice.id, category: 'NORMAL' });
    const other = await t.applicant();
    await t.bind(other, inJilinCity);
    expectError(
      await other.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_COVERED',
      /所在地区/,
    );

    const onlyOne = await publishedNotice(bureau, {
      title: '指定单位通知',
      coverage: { unitIds: [inJilinCity.unitId], regionCodes: [], seriesCodes: [] },
    });
    expectError(
      await ok.client.request(START, { noticeId: onlyOne.id, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_COVERED',
    );
    await other.client.ok(START, { noticeId: onlyOne.id, category: 'NORMAL' });
  });

  it("the unit's own 所属行政区划 (UnitReady) decides, not the region its credit code was issued in", async () => {
    // Registered in 长春 (credit code 220101…), located in 吉林市 as its legal person says.
    const moved = await t.readyUnit('迁至吉林市的单位', '220101');
    await t.publish(
      event('UnitReady', {
        ...moved,
        regionCode: '220201',
        nature: 'ENTERPRISE',
        competentDepartmentId: null,
      }),
    );
    const notice = await publishedNotice(bureau, {
      title: '长春市通知（所属行政区划）',
      coverage: { unitIds: [], regionCodes: ['220100'], seriesCodes: [] },
    });
    const applicant = await t.applicant();
    await t.bind(applicant, moved);
    expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_COVERED',
    );
    // An older UnitReady (no region) keeps what the newer one said.
    await t.publish(event('UnitReady', moved));
    expectError(
      await applicant.client.request(START, { noticeId: notice.id, category: 'NORMAL' }),
      'FORBIDDEN',
      'NOT_COVERED',
    );
  });
});

describe('channels and the title catalogue', () => {
  it('lists every channel of the SPEC as configuration, and the catalogue as a tree', async () => {
    const { channels } = await t
      .client()
      .ok<{ channels: Array<{ code: string; name: string; groupName: string }> }>(
        '{ channels { code name groupName } }',
      );
    expect(channels.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        '正常职称申报',
        '中小学正高级教师',
        '人才分类定级评定',
        '职称初定申报',
        '职称评审申报',
        '基层30年10年',
      ]),
    );
    const { titleCatalogue } = await t.client().ok<{
      titleCatalogue: Array<{
        code: string;
        name: string;
        level: string;
        children: Array<{ name: string; children: Array<{ name: string }> }>;
      }>;
    }>('{ titleCatalogue(seriesCode: "ENG") { code name level children { name children { name } } } }');
    expect(titleCatalogue).toHaveLength(1);
    expect(titleCatalogue[0]).toMatchObject({ code: 'ENG', name: '工程系列', level: 'SERIES' });
    expect(
      titleCatalogue[0].children.find((c) => c.name === '机械工程')?.children.map((s) => s.name),
    ).toContain('焊接');
  });
});
