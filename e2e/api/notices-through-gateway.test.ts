// 通知管理 and 申报通道 through the real gateway (issue 11): hostile callers — an applicant, a unit's
// agent, another bureau — are refused and change nothing; forged ids answer NOT_FOUND; notes come
// back cleaned; a draft lists every problem before publishing.
import { codeOf, GraphQLSession, type GraphQLAnswer } from '../support/graphql';
import { DEMO_UNIT_CREDIT_CODE, demoAgent, demoStaff, ok, signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let province: GraphQLSession;
let city: GraphQLSession;
let applicant: GraphQLSession;
let agent: GraphQLSession;
let noticeId: string;
beforeAll(async () => {
  stack = await startStack('gw_notices', { demoData: true });
  await stack.settleEvents();
  province = await demoStaff(stack, 'bureau.province');
  city = await demoStaff(stack, 'bureau.city');
  applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  agent = await demoAgent(stack);
  const { notices } = await ok<{ notices: Array<{ id: string; title: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id title } }`,
  );
  noticeId = notices[0].id;
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const reasonOf = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.reason;
const CLOSE = `mutation($id: ID!) { closeNotice(id: $id) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNotice(id: $id) { id } }`;
const COPY = `mutation($id: ID!) { copyNotice(id: $id) { id } }`;
const EXTEND = `mutation($id: ID!, $at: DateTimeISO!) { extendNotice(id: $id, closesAt: $at) { id } }`;
const RETIRE = `mutation($code: ID!) { retireChannel(code: $code) { code } }`;
const CREATE_NOTICE = `mutation($input: NoticeInput!) { createNotice(input: $input) { id notes publishProblems { field code } } }`;

it('applicants and agents cannot manage notices or channels; another bureau cannot change the province’s notice', async () => {
  const later = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString();
  for (const caller of [applicant, agent]) {
    for (const doc of [CLOSE, WITHDRAW, COPY])
      expect(codeOf(await caller.request(doc, { id: noticeId }))).toBe('FORBIDDEN');
    expect(codeOf(await caller.request(EXTEND, { id: noticeId, at: later }))).toBe('FORBIDDEN');
    expect(codeOf(await caller.request(RETIRE, { code: 'TITLE_NORMAL' }))).toBe('FORBIDDEN');
  }
  for (const answer of [
    await city.request(CLOSE, { id: noticeId }),
    await city.request(EXTEND, { id: noticeId, at: later }),
  ]) {
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(reasonOf(answer)).toBe('NOT_NOTICE_OWNER');
  }
  // A city bureau is no channel administrator.
  expect(codeOf(await city.request(RETIRE, { code: 'TALENT_CLASSIFICATION' }))).toBe('FORBIDDEN');
  expect(
    codeOf(await new GraphQLSession(stack.graphqlUrl).request(RETIRE, { code: 'TALENT_CLASSIFICATION' })),
  ).toBe('UNAUTHENTICATED');
  // Forged ids.
  for (const id of ['../../etc/passwd', '00000000-0000-4000-8000-000000000000'])
    expect(codeOf(await province.request(CLOSE, { id }))).toBe('NOT_FOUND');
  // Nothing changed: the notice is still open, the channel still in use.
  const { notice } = await ok<{ notice: { isOpen: boolean } }>(
    applicant,
    `query($id: ID!) { notice(id: $id) { isOpen } }`,
    {
      id: noticeId,
    },
  );
  expect(notice.isOpen).toBe(true);
  const { channels } = await ok<{ channels: Array<{ code: string }> }>(applicant, `{ channels { code } }`);
  expect(channels.map((c) => c.code)).toContain('TALENT_CLASSIFICATION');
});

it('cleans the notes and lists every publishing problem of a draft', async () => {
  const { createNotice } = await ok<{
    createNotice: { id: string; notes: string; publishProblems: Array<{ field: string; code: string }> };
  }>(province, CREATE_NOTICE, {
    input: {
      channelCode: 'TITLE_NORMAL',
      title: '草稿：尚未配置审核流程',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      notes: '<p>请按时申报<script>fetch("/graphql")</script></p><img src=x onerror=alert(1)>',
      route: [],
      formConfig: { modules: [], attachments: [], innovationTextLimit: 500 },
    },
  });
  expect(createNotice.notes).toBe('<p>请按时申报</p>');
  expect(createNotice.publishProblems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
    'formConfig.modules:FORM_EMPTY',
    'route:REQUIRED',
  ]);
  const refused = await province.request(`mutation($id: ID!) { publishNotice(id: $id) { id } }`, {
    id: createNotice.id,
  });
  expect(codeOf(refused)).toBe('BAD_USER_INPUT');
  // The applicant never sees the draft.
  const { notice } = await ok<{ notice: unknown }>(applicant, `query($id: ID!) { notice(id: $id) { id } }`, {
    id: createNotice.id,
  });
  expect(notice).toBeNull();
});

it('names the units a notice covers (identity answers them; an id it does not know is null)', async () => {
  const { unitByCreditCode: unit } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    province,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  const unknown = '3e1f0a2b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
  const { createNotice } = await ok<{ createNotice: { id: string } }>(province, CREATE_NOTICE, {
    input: {
      channelCode: 'TITLE_NORMAL',
      title: '面向指定单位的通知',
      opensAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      coverage: { unitIds: [unit.id, unknown], regionCodes: [], seriesCodes: [] },
      route: [],
    },
  });
  const { notice } = await ok<{ notice: { coverageUnits: Array<{ id: string; name: string } | null> } }>(
    province,
    `query($id: ID!) { notice(id: $id) { coverageUnits { id name } } }`,
    { id: createNotice.id },
  );
  expect(notice.coverageUnits).toEqual([{ id: unit.id, name: unit.name }, null]);
});
