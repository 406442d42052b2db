// Channels as data (issue 11 item 3): the province bureau lists, creates, edits and retires
// 申报通道; a restart keeps what it did; a new channel works end to end like the standard ones.
import { demoOrganisationId, Role } from '@zhicheng/server-kit';
import { expectError, fieldCodes, startTestDeclaration, type Actor, type TestDeclaration } from './helpers';
import {
  CREATE_NOTICE,
  noticeInput,
  publishedNotice,
  save,
  startedDeclaration,
  titleModules,
} from './fixtures';
import { seedChannels } from '../src/services/channels';

let t: TestDeclaration;
let province: Actor;
beforeAll(async () => {
  t = await startTestDeclaration();
  // The province bureau: the default CHANNEL_ADMIN_ORGANISATION_IDS outside production.
  province = await t.staff(Role.BUREAU_REVIEWER, demoOrganisationId('province'));
});
afterAll(() => t?.close());

const CHANNEL_FIELDS = `code name group groupName route outcomeAfterRoute requiresCommittee allowsExceptional
  usesTitleCatalogue businessForms sortOrder retiredAt
  defaultFormConfig { innovationTextLimit modules { key name required maxEntries } attachments { code name formats maxSizeKb maxCount required } }`;
const CHANNELS = `query($all: Boolean) { channels(includeRetired: $all) { code name retiredAt } }`;
const CREATE = `mutation($code: String!, $input: ChannelInput!) { createChannel(code: $code, input: $input) { ${CHANNEL_FIELDS} } }`;
const UPDATE = `mutation($code: ID!, $input: ChannelInput!) { updateChannel(code: $code, input: $input) { ${CHANNEL_FIELDS} } }`;
const RETIRE = `mutation($code: ID!) { retireChannel(code: $code) { code retiredAt } }`;
const REINSTATE = `mutation($code: ID!) { reinstateChannel(code: $code) { code retiredAt } }`;

const form = () => ({
  innovationTextLimit: 500,
  modules: [
    { key: 'BASIC_INFO', name: '基本信息', required: true },
    {
      key: 'EDUCATION',
      name: '教育经历',
      required: true,
      maxEntries: 3,
      filesPerEntry: { min: 0, max: 3, formats: ['PDF', 'JPG', 'PNG'], maxSizeKb: 5000 },
    },
    { key: 'WORK_EXPERIENCE', name: '工作经历', required: true, maxEntries: 3 },
  ],
  attachments: [
    {
      code: 'ID_CARD',
      name: '身份证',
      formats: ['PDF', 'JPG', 'PNG'],
      maxSizeKb: 2000,
      maxCount: 2,
      required: false,
    },
  ],
});

const channelInput = (overrides: Record<string, unknown> = {}) => ({
  name: '乡村振兴人才职称评审',
  group: 'TITLE_REVIEW',
  route: ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'],
  outcomeAfterRoute: 'FINALLY_APPROVED',
  requiresCommittee: false,
  allowsExceptional: false,
  usesTitleCatalogue: true,
  businessForms: ['REVIEW_LIST', 'PUBLICITY'],
  defaultFormConfig: form(),
  ...overrides,
});

type ChannelJson = { code: string; name: string; retiredAt: string | null; sortOrder: number };

describe('managing channels', () => {
  it('creates a channel that notices and declarations then use like any other', async () => {
    const { createChannel } = await province.client.ok<{ createChannel: ChannelJson }>(CREATE, {
      code: 'RURAL_REVITALISATION',
      input: channelInput(),
    });
    expect(createChannel).toMatchObject({
      code: 'RURAL_REVITALISATION',
      groupName: '专业技术职称评审申报',
      retiredAt: null,
      defaultFormConfig: {
        modules: [{ key: 'BASIC_INFO' }, { key: 'EDUCATION' }, { key: 'WORK_EXPERIENCE' }],
      },
    });
    const listed = await t.client().ok<{ channels: ChannelJson[] }>(CHANNELS);
    expect(listed.channels.at(-1)?.code).toBe('RURAL_REVITALISATION');
    expect(listed.channels).toHaveLength(18);

    const notice = await publishedNotice(province, {
      channelCode: 'RURAL_REVITALISATION',
      title: '乡村振兴人才职称评审通知',
    });
    const { applicant, declaration } = await startedDeclaration(t, notice.id);
    const saved = await save(applicant, declaration, titleModules({ annualAssessments: undefined }));
    expect(saved.validation.problems.map((p: { module: string }) => p.module)).not.toContain('EDUCATION');
  });

  it('edits a channel; its rules are fixed once notices use it; a restart keeps the edits', async () => {
    const { updateChannel } = await province.client.ok<{ updateChannel: ChannelJson }>(UPDATE, {
      code: 'TITLE_NORMAL',
      input: channelInput({ name: '正常职称申报（2026）', allowsExceptional: true, sortOrder: 0 }),
    });
    expect(updateChannel).toMatchObject({ name: '正常职称申报（2026）', sortOrder: 0 });
    await publishedNotice(province);
    const error = expectError(
      await province.client.request(UPDATE, {
        code: 'TITLE_NORMAL',
        input: channelInput({ name: '正常职称申报（2026）', allowsExceptional: false }),
      }),
      'CONFLICT',
      'CHANNEL_IN_USE',
    );
    expect(error.message).toMatch(/^已有\d+个通知使用该通道，不能再修改其申报规则/);
    // What starts the server again (seedChannels) leaves the bureau's rows as they are.
    await seedChannels(t.server.orm.em.fork());
    const { channels } = await t.client().ok<{ channels: ChannelJson[] }>(CHANNELS);
    expect(channels.find((c) => c.code === 'TITLE_NORMAL')?.name).toBe('正常职称申报（2026）');
  });

  it('retires a channel only when no open notice uses it; a retired one takes no new notice', async () => {
    const notice = await publishedNotice(province, { channelCode: 'RECOGNITION_ORGAN_DIVERTED' });
    const refused = expectError(
      await province.client.request(RETIRE, { code: 'RECOGNITION_ORGAN_DIVERTED' }),
      'CONFLICT',
      'CHANNEL_IN_USE',
    );
    expect(refused.message).toBe('有1个未截止的通知使用该通道，请先提前截止或撤回这些通知，再停用通道');
    await province.client.ok(`mutation($id: ID!) { closeNotice(id: $id) { id } }`, { id: notice.id });
    const { retireChannel } = await province.client.ok<{ retireChannel: ChannelJson }>(RETIRE, {
      code: 'RECOGNITION_ORGAN_DIVERTED',
    });
    expect(retireChannel.retiredAt).not.toBeNull();
    const visible = await t.client().ok<{ channels: ChannelJson[] }>(CHANNELS, { all: true });
    expect(visible.channels.map((c) => c.code)).not.toContain('RECOGNITION_ORGAN_DIVERTED');
    const all = await province.client.ok<{ channels: ChannelJson[] }>(CHANNELS, { all: true });
    expect(all.channels.map((c) => c.code)).toContain('RECOGNITION_ORGAN_DIVERTED');
    expect(
      fieldCodes(
        expectError(
          await province.client.request(CREATE_NOTICE, {
            input: noticeInput({ channelCode: 'RECOGNITION_ORGAN_DIVERTED' }),
          }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['input.channelCode:CHANNEL_RETIRED']);
    // The notice already on it keeps working (its page, its declarations).
    const { notice: still } = await province.client.ok<{ notice: { channel: { code: string } } }>(
      `query($id: ID!) { notice(id: $id) { channel { code } } }`,
      { id: notice.id },
    );
    expect(still.channel.code).toBe('RECOGNITION_ORGAN_DIVERTED');
    await province.client.ok(REINSTATE, { code: 'RECOGNITION_ORGAN_DIVERTED' });
  });

  it('reports every problem of a bad channel at once', async () => {
    const error = expectError(
      await province.client.request(CREATE, {
        code: 'bad code',
        input: channelInput({
          name: ' ',
          route: ['BUREAU', 'UNIT'],
          requiresCommittee: true,
          defaultFormConfig: { innovationTextLimit: 500, modules: [], attachments: [] },
        }),
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldCodes(error)).toEqual(
      [
        'code:INVALID',
        'input.name:REQUIRED',
        'input.route:ROUTE_ORDER',
        'input.requiresCommittee:NEEDS_COMMITTEE_LEVEL',
        'input.defaultFormConfig.modules:FORM_EMPTY',
      ].sort(),
    );
    expect(
      fieldCodes(
        expectError(
          await province.client.request(CREATE, { code: 'TITLE_NORMAL', input: channelInput() }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['code:DUPLICATE']);
    expect(
      fieldCodes(
        expectError(
          await province.client.request(CREATE, {
            code: 'TALENT_NEW',
            input: channelInput({ outcomeAfterRoute: 'MATERIALS_APPROVED', route: [] }),
          }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['input.route:REQUIRED']);
    expectError(await province.client.request(UPDATE, { code: 'NOPE', input: channelInput() }), 'NOT_FOUND');
  });

  it('only the province bureau manages channels: applicants, units, a city bureau, anonymous are refused', async () => {
    const unit = await t.readyUnit();
    const callers = [
      await t.applicant(),
      await t.agent(unit),
      await t.bureau(),
      await t.staff(Role.COMMITTEE_SECRETARY),
    ];
    for (const caller of callers) {
      expectError(
        await caller.client.request(CREATE, { code: 'HOSTILE', input: channelInput() }),
        'FORBIDDEN',
      );
      expectError(
        await caller.client.request(UPDATE, { code: 'TITLE_NORMAL', input: channelInput() }),
        'FORBIDDEN',
      );
      expectError(await caller.client.request(RETIRE, { code: 'TALENT_CLASSIFICATION' }), 'FORBIDDEN');
    }
    expectError(await t.client().request(RETIRE, { code: 'TALENT_CLASSIFICATION' }), 'UNAUTHENTICATED');
    const { channels } = await t.client().ok<{ channels: ChannelJson[] }>(CHANNELS);
    expect(channels.map((c) => c.code)).not.toContain('HOSTILE');
    expect(channels.find((c) => c.code === 'TALENT_CLASSIFICATION')?.retiredAt).toBeNull();
  });
});
