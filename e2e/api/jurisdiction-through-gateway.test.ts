// Issue 11 items 4–5 through the real gateway: the province's administrator sets up another city's
// bureau and a reviewer for it (who must choose a password at the first sign-in); a notice that
// leaves the bureau level open routes a declaration of a unit in 长春 to 长春's bureau by
// jurisdiction (按人事管理权限逐级审核); reviewers of the other city, and of the province, do not
// see it; a city administrator cannot touch the other city's staff.
import { demoOrganisationId } from '@zhicheng/server-kit';
import { codeOf, type GraphQLSession } from '../support/graphql';
import {
  bindToDemoUnit,
  demoAgent,
  demoStaff,
  ok,
  passReview,
  signedIn,
  submittedTitleDeclaration,
  unitPassesAndForwards,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const DAY = 24 * 3600 * 1000;
const CASE = `query($id: ID!) { reviewCase(declarationId: $id) { phase currentTask { level organisationName } progress { level name } } }`;
const QUEUE = `{ reviewQueue(state: PENDING) { edges { node { declarationId } } } }`;

let stack: Stack;
let province: GraphQLSession;
let jilinReviewer: GraphQLSession;
let jilinStaffId: string;

beforeAll(async () => {
  stack = await startStack('gw_jurisdiction', { demoData: true });
  await stack.settleEvents();
  province = await demoStaff(stack, 'bureau.province');
  const { createOrganisation: jilin } = await ok<{ createOrganisation: { id: string } }>(
    province,
    `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    {
      input: {
        parentId: demoOrganisationId('province'),
        kind: 'CITY_BUREAU',
        name: '吉林市人力资源和社会保障局',
        regionCode: '220200',
      },
    },
  );
  const { createStaffAccount } = await ok<{ createStaffAccount: { id: string } }>(
    province,
    `mutation($input: CreateStaffInput!) { createStaffAccount(input: $input) { id } }`,
    {
      input: {
        organisationId: jilin.id,
        username: 'bureau.jilin',
        name: '吉林市局审核员 郑一',
        roles: ['REVIEWER'],
        initialPassword: 'Zc#first2026',
      },
    },
  );
  jilinStaffId = createStaffAccount.id;
  await expect(
    signedIn(stack, { kind: 'STAFF', account: 'bureau.jilin', password: 'Zc#first2026' }),
  ).rejects.toThrow(/PASSWORD_CHANGE_REQUIRED/);
  jilinReviewer = await signedIn(stack, {
    kind: 'STAFF',
    account: 'bureau.jilin',
    password: 'Zc#first2026',
    newPassword: 'Zc#jilin2026',
  });
  await stack.settleEvents();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

/** A title notice whose department and bureau levels are left to jurisdiction. */
async function noticeByJurisdiction(): Promise<string> {
  const now = Date.now();
  const { createNotice } = await ok<{ createNotice: { id: string } }>(
    province,
    `mutation($input: NoticeInput!) { createNotice(input: $input) { id } }`,
    {
      input: {
        channelCode: 'TITLE_NORMAL',
        title: `按管辖审核的通知 ${now}`,
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 30 * DAY).toISOString(),
        route: [
          { level: 'UNIT', name: '推荐单位' },
          { level: 'DEPARTMENT', name: '行政主管部门' },
          { level: 'BUREAU', name: '人社部门' },
          {
            level: 'COMMITTEE',
            organisationId: demoOrganisationId('engineering'),
            name: '吉林省工程系列高级职称评审委员会',
          },
        ],
      },
    },
  );
  await ok(province, `mutation($id: ID!) { publishNotice(id: $id) { id } }`, { id: createNotice.id });
  return createNotice.id;
}

it("a declaration of a unit in 长春 reaches 长春's bureau by jurisdiction; other cities' reviewers do not see it", async () => {
  const noticeId = await noticeByJurisdiction();
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const agent = await demoAgent(stack);
  const unit = await bindToDemoUnit(stack, applicant, agent);
  const id = await submittedTitleDeclaration(stack, applicant, unit.name, undefined, noticeId);

  // The demo unit is in 长春市本级 with no competent department (无): unit → 长春 → committee.
  const { reviewCase: submitted } = await ok<{ reviewCase: { progress: Array<{ name: string }> } }>(
    applicant,
    CASE,
    { id },
  );
  expect(submitted.progress.map((p) => p.name)).toEqual(
    expect.arrayContaining([unit.name, '长春市人力资源和社会保障局', '吉林省工程系列高级职称评审委员会']),
  );
  expect(submitted.progress.map((p) => p.name)).not.toContain('吉林省人力资源和社会保障厅');

  await unitPassesAndForwards(stack, agent, id);
  const city = await demoStaff(stack, 'bureau.city');
  const { reviewCase } = await ok<{
    reviewCase: { currentTask: { level: string; organisationName: string } };
  }>(city, CASE, { id });
  expect(reviewCase.currentTask).toEqual({ level: 'BUREAU', organisationName: '长春市人力资源和社会保障局' });
  const cityQueue = await ok<{ reviewQueue: { edges: Array<{ node: { declarationId: string } }> } }>(
    city,
    QUEUE,
  );
  expect(cityQueue.reviewQueue.edges.map((e) => e.node.declarationId)).toContain(id);

  // Neither 吉林市's reviewer nor the province's sees it (not found, not in their queues).
  for (const other of [jilinReviewer, province]) {
    expect(codeOf(await other.request(CASE, { id }))).toBe('NOT_FOUND');
    const queue = await ok<{ reviewQueue: { edges: Array<{ node: { declarationId: string } }> } }>(
      other,
      QUEUE,
    );
    expect(queue.reviewQueue.edges.map((e) => e.node.declarationId)).not.toContain(id);
    expect(codeOf(await other.request(`query($id: ID!) { declaration(id: $id) { id } }`, { id }))).toBe(
      'NOT_FOUND',
    );
  }

  // 长春's bureau passes it on to the committee.
  await passReview(stack, city, id, '符合申报条件，同意提交评审。');
  const secretary = await demoStaff(stack, 'committee.engineering');
  const atCommittee = await ok<{ reviewCase: { currentTask: { level: string } } }>(secretary, CASE, { id });
  expect(atCommittee.reviewCase.currentTask.level).toBe('COMMITTEE');
});

it("a city's administrator cannot disable or reset another city's staff, nor add staff there", async () => {
  const city = await demoStaff(stack, 'bureau.city');
  const disable = await city.request(
    `mutation($id: ID!) { setStaffAccountEnabled(id: $id, enabled: false) { id } }`,
    { id: jilinStaffId },
  );
  expect(codeOf(disable)).toBe('NOT_FOUND');
  const reset = await city.request(
    `mutation($id: ID!) { resetStaffPassword(id: $id, temporaryPassword: "Zc#other2026") { id } }`,
    { id: jilinStaffId },
  );
  expect(codeOf(reset)).toBe('NOT_FOUND');
  const { administeredOrganisations } = await ok<{
    administeredOrganisations: Array<{ id: string; name: string }>;
  }>(province, `{ administeredOrganisations { id name } }`);
  const jilin = administeredOrganisations.find((o) => o.name === '吉林市人力资源和社会保障局')!;
  const add = await city.request(
    `mutation($input: CreateStaffInput!) { createStaffAccount(input: $input) { id } }`,
    {
      input: {
        organisationId: jilin.id,
        username: 'intruder.jilin',
        name: '外市人员',
        roles: ['REVIEWER'],
        initialPassword: 'Zc#first2026',
      },
    },
  );
  expect(codeOf(add)).toBe('FORBIDDEN');
  // The 吉林市 reviewer still signs in: nothing was changed.
  await expect(
    signedIn(stack, { kind: 'STAFF', account: 'bureau.jilin', password: 'Zc#jilin2026' }),
  ).resolves.toBeTruthy();
});
