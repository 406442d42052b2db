// 机构与人员 (issue 11 item 4): bureau administrators manage organisations and staff of their own
// subtree only; committees are checked against the title catalogue; new and reset staff accounts
// must set their own password at the next sign-in; units carry region, nature and department.
import { demoOrganisationId } from '@zhicheng/server-kit';
import { makeCreditCode } from '@zhicheng/domain-codes';
import { DEMO_PASSWORD, loadDemoData } from '../src/demo-data';
import {
  expectError,
  fieldCodes,
  seedUnit,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type GraphQLClient,
  type TestIdentity,
} from './helpers';

const ORG = 'id name kind regionCode enabled committee { seriesCode levelCodes specialtyCodes open }';
const STAFF = 'id username name roles enabled mustChangePassword organisation { id name }';
const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORG} } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { ${ORG} } }`;
const CREATE_STAFF = `mutation($input: CreateStaffInput!) { createStaffAccount(input: $input) { ${STAFF} } }`;
const SET_ENABLED = `mutation($id: ID!, $e: Boolean!) { setStaffAccountEnabled(id: $id, enabled: $e) { ${STAFF} } }`;
const RESET = `mutation($id: ID!, $pw: String!) { resetStaffPassword(id: $id, temporaryPassword: $pw) { ${STAFF} } }`;
const UPDATE_STAFF = `mutation($id: ID!, $input: UpdateStaffInput!) { updateStaffAccount(id: $id, input: $input) { ${STAFF} } }`;
const TREE = `{ administeredOrganisations { id name kind } }`;
const LIST_STAFF = `query($o: ID) { staffAccounts(organisationId: $o) { ${STAFF} } }`;

interface OrgJson {
  id: string;
  name: string;
  kind: string;
}
interface StaffJson {
  id: string;
  username: string;
  roles: string[];
  enabled: boolean;
  mustChangePassword: boolean;
}

let t: TestIdentity;
let province: GraphQLClient;
let city: GraphQLClient;
let jilinCity: OrgJson;
let jilinStaff: StaffJson;

async function staffSession(account: string, password = DEMO_PASSWORD, newPassword?: string) {
  const client = t.client();
  const result = await signIn(t, client, { kind: 'STAFF', account, password, newPassword });
  return { client, result };
}

beforeAll(async () => {
  t = await startTestIdentity();
  await t.withEm((em) => loadDemoData(em));
  province = (await staffSession('bureau.province')).client;
  city = (await staffSession('bureau.city')).client;
  const created = await province.request<{ createOrganisation: OrgJson }>(CREATE_ORG, {
    input: {
      parentId: demoOrganisationId('province'),
      kind: 'CITY_BUREAU',
      name: '吉林市人力资源和社会保障局',
      regionCode: '220200',
    },
  });
  expect(created.errors).toBeUndefined();
  jilinCity = created.data!.createOrganisation;
  const staff = await province.request<{ createStaffAccount: StaffJson }>(CREATE_STAFF, {
    input: {
      organisationId: jilinCity.id,
      username: 'bureau.jilin',
      name: '吉林市局审核员 郑一',
      roles: ['REVIEWER'],
      initialPassword: STRONG_PASSWORD,
    },
  });
  expect(staff.errors).toBeUndefined();
  jilinStaff = staff.data!.createStaffAccount;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('the bureau tree', () => {
  it('the province administers everything, a city only its own subtree', async () => {
    const all = (await province.request<{ administeredOrganisations: OrgJson[] }>(TREE)).data!;
    expect(all.administeredOrganisations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['吉林市人力资源和社会保障局', '长春市人力资源和社会保障局', '吉林省教育厅']),
    );
    const own = (await city.request<{ administeredOrganisations: OrgJson[] }>(TREE)).data!;
    expect(own.administeredOrganisations.map((o) => o.name)).toEqual([
      '长春市人力资源和社会保障局',
      '长春市朝阳区人力资源和社会保障局',
    ]);
  });

  it('a reviewer without the administrator role is refused', async () => {
    const { client } = await staffSession('dept.education');
    expectError(await client.request(TREE), 'FORBIDDEN');
  });

  it('a bureau is placed by its region; every problem is told at once', async () => {
    const result = await city.request(CREATE_ORG, {
      input: { parentId: demoOrganisationId('city'), kind: 'CITY_BUREAU', name: '', regionCode: '230104' },
    });
    const error = expectError(result, 'BAD_USER_INPUT');
    expect(fieldCodes(error)).toEqual([
      'input.kind:KIND_NOT_ALLOWED',
      'input.name:NAME_LENGTH',
      'input.regionCode:REGION_LEVEL',
      'input.regionCode:REGION_OUTSIDE_PARENT',
    ]);
  });

  it('a city bureau cannot add to another city', async () => {
    const result = await city.request(CREATE_ORG, {
      input: {
        parentId: jilinCity.id,
        kind: 'COUNTY_BUREAU',
        name: '吉林市船营区人社局',
        regionCode: '220204',
      },
    });
    expect(expectError(result, 'FORBIDDEN', /管辖范围/).extensions?.reason).toBe('OUTSIDE_JURISDICTION');
  });

  it('a committee for a level its series does not have is refused, naming the levels it has', async () => {
    const result = await province.request(CREATE_ORG, {
      input: {
        parentId: demoOrganisationId('province'),
        kind: 'COMMITTEE',
        name: '吉林省经济系列初级职称评审委员会',
        committee: { seriesCode: 'ECON', levelCodes: ['ASSISTANT', 'JUNIOR'], open: true },
      },
    });
    const error = expectError(result, 'BAD_USER_INPUT', /经济系列没有员级/);
    expect(fieldCodes(error)).toEqual(['input.committee.levelCodes.1:LEVEL_NOT_IN_SERIES']);
    expect(error.message).toMatch(/正高级、副高级、中级、助理级/);
  });

  it('a committee is created with its remit and can be closed for declarations', async () => {
    const created = await city.request<{ createOrganisation: OrgJson & { committee: { open: boolean } } }>(
      CREATE_ORG,
      {
        input: {
          parentId: demoOrganisationId('city'),
          kind: 'COMMITTEE',
          name: '长春市工程系列中级职称评审委员会',
          committee: {
            seriesCode: 'ENG',
            levelCodes: ['INTERMEDIATE'],
            specialtyCodes: ['ENG.ME'],
            open: true,
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganisation.id;
    const closed = await city.request<{ updateOrganisation: { committee: { open: boolean } } }>(UPDATE_ORG, {
      id,
      input: {
        committee: {
          seriesCode: 'ENG',
          levelCodes: ['INTERMEDIATE'],
          specialtyCodes: ['ENG.ME'],
          open: false,
        },
      },
    });
    expect(closed.data?.updateOrganisation.committee.open).toBe(false);
    const events = await t.sql.query(
      `select payload from identity.outbox_event where type = 'OrganisationChanged' and payload->>'organisationId' = $1 order by occurred_at`,
      [id],
    );
    expect(events.rows.map((r) => r.payload.committee.open)).toEqual([true, false]);
  });
});

describe('staff accounts', () => {
  it('a duplicate user name is refused with every other problem at once', async () => {
    const result = await city.request(CREATE_STAFF, {
      input: {
        organisationId: demoOrganisationId('city'),
        username: 'Bureau.Jilin',
        name: '王',
        roles: [],
        initialPassword: '123',
      },
    });
    const error = expectError(result, 'BAD_USER_INPUT');
    expect(fieldCodes(error)).toEqual(
      expect.arrayContaining([
        'input.username:USERNAME_TAKEN',
        'input.name:NAME_LENGTH',
        'input.roles:REQUIRED',
      ]),
    );
    expect(fieldCodes(error).some((c) => c.startsWith('input.initialPassword:'))).toBe(true);
  });

  it('only bureau staff may administer', async () => {
    const result = await province.request(CREATE_STAFF, {
      input: {
        organisationId: demoOrganisationId('education'),
        username: 'dept.education2',
        name: '教育厅审核员 钱二',
        roles: ['ADMINISTRATOR'],
        initialPassword: STRONG_PASSWORD,
      },
    });
    expect(fieldCodes(expectError(result, 'BAD_USER_INPUT'))).toEqual(['input.roles:ROLE_NOT_ALLOWED']);
  });

  it("a city bureau cannot see, edit, disable or reset another city's staff", async () => {
    const listed = (await city.request<{ staffAccounts: StaffJson[] }>(LIST_STAFF, {})).data!.staffAccounts;
    expect(listed.map((s) => s.username).sort()).toEqual(['bureau.city', 'bureau.county']);
    expectError(await city.request(LIST_STAFF, { o: jilinCity.id }), 'FORBIDDEN');
    expectError(await city.request(SET_ENABLED, { id: jilinStaff.id, e: false }), 'NOT_FOUND');
    expectError(await city.request(RESET, { id: jilinStaff.id, pw: 'Zc#other2026' }), 'NOT_FOUND');
    expectError(
      await city.request(UPDATE_STAFF, { id: jilinStaff.id, input: { name: '改名' } }),
      'NOT_FOUND',
    );
    expectError(await city.request(SET_ENABLED, { id: 'not-a-uuid', e: false }), 'NOT_FOUND');
    const still = (await province.request<{ staffAccounts: StaffJson[] }>(LIST_STAFF, { o: jilinCity.id }))
      .data!;
    expect(still.staffAccounts[0]).toMatchObject({ username: 'bureau.jilin', enabled: true });
  });

  it('a new account must set its own password at the first sign-in, then signs in normally', async () => {
    const first = await staffSession('bureau.jilin', STRONG_PASSWORD);
    expectError(first.result, 'PASSWORD_CHANGE_REQUIRED', /新密码/);
    const same = await staffSession('bureau.jilin', STRONG_PASSWORD, STRONG_PASSWORD);
    expect(fieldCodes(expectError(same.result, 'BAD_USER_INPUT'))).toEqual(['newPassword:SAME_AS_TEMPORARY']);
    const changed = await staffSession('bureau.jilin', STRONG_PASSWORD, 'Zc#jilin2026');
    expect(changed.result.errors).toBeUndefined();
    expect(changed.result.data!.signIn.viewer.roles).toEqual(['BUREAU_REVIEWER']);
    expectError((await staffSession('bureau.jilin', STRONG_PASSWORD)).result, 'INVALID_CREDENTIALS');
    expect((await staffSession('bureau.jilin', 'Zc#jilin2026')).result.errors).toBeUndefined();
  });

  it('a reset ends current sign-ins and asks for a new password again; disabling refuses sign-in', async () => {
    const session = (await staffSession('bureau.jilin', 'Zc#jilin2026')).client;
    const reset = await province.request<{ resetStaffPassword: StaffJson }>(RESET, {
      id: jilinStaff.id,
      pw: 'Zc#reset2026',
    });
    expect(reset.data?.resetStaffPassword.mustChangePassword).toBe(true);
    expectError(await session.request(`mutation { refreshSession { accessToken } }`), 'UNAUTHENTICATED');
    expectError((await staffSession('bureau.jilin', 'Zc#reset2026')).result, 'PASSWORD_CHANGE_REQUIRED');

    const disabled = await province.request<{ setStaffAccountEnabled: StaffJson }>(SET_ENABLED, {
      id: jilinStaff.id,
      e: false,
    });
    expect(disabled.data?.setStaffAccountEnabled.enabled).toBe(false);
    expectError(
      (await staffSession('bureau.jilin', 'Zc#reset2026', 'Zc#again2026')).result,
      'ACCOUNT_DISABLED',
    );
  });

  it('an administrator cannot disable itself', async () => {
    const me = (await city.request<{ me: { accountId: string } }>(`{ me { accountId } }`)).data!.me;
    expect(
      fieldCodes(
        expectError(await city.request(SET_ENABLED, { id: me.accountId, e: false }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['enabled:OWN_ACCOUNT']);
  });
});

describe("a unit's region, nature and competent department", () => {
  const PROFILE = `mutation($input: UnitProfileInput!) { updateUnitProfile(input: $input) {
    regionCode nature competentDepartment { id name } } }`;
  let legal: GraphQLClient;

  beforeAll(async () => {
    const creditCode = makeCreditCode('91220101MA00PRF01');
    await seedUnit(t, creditCode);
    legal = t.client();
    const signedIn = await signIn(t, legal, { kind: 'LEGAL_PERSON', account: creditCode });
    expect(signedIn.errors).toBeUndefined();
  });

  it('the legal person sets them; the change is announced to review (UnitReady)', async () => {
    const result = await legal.request<{
      updateUnitProfile: { regionCode: string; competentDepartment: { name: string } };
    }>(PROFILE, {
      input: {
        regionCode: '220104',
        nature: 'ENTERPRISE',
        competentDepartmentId: demoOrganisationId('education'),
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateUnitProfile).toMatchObject({
      regionCode: '220104',
      competentDepartment: { name: '吉林省教育厅' },
    });
    const events = await t.sql.query(
      `select payload from identity.outbox_event where type = 'UnitReady' and payload->>'regionCode' = '220104'`,
    );
    expect(events.rows[0].payload).toMatchObject({
      nature: 'ENTERPRISE',
      competentDepartmentId: demoOrganisationId('education'),
    });
  });

  it('a region outside every bureau and a department that is not one are refused together', async () => {
    const result = await legal.request(PROFILE, {
      input: {
        regionCode: '110105',
        nature: 'ENTERPRISE',
        competentDepartmentId: demoOrganisationId('city'),
      },
    });
    expect(fieldCodes(expectError(result, 'BAD_USER_INPUT'))).toEqual([
      'input.competentDepartmentId:UNKNOWN_DEPARTMENT',
      'input.regionCode:REGION_UNKNOWN',
    ]);
  });

  it('staff cannot change a unit profile', async () => {
    expectError(
      await city.request(PROFILE, { input: { regionCode: '220104', nature: 'OTHER' } }),
      'FORBIDDEN',
    );
  });
});
