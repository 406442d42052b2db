import { makeCreditCode } from '@zhicheng/domain-codes';
import { UnitStatus } from '../src/entities';
import {
  expectError,
  fieldCodes,
  nextMobile,
  nextResidentId,
  seedPerson,
  seedUnit,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type GraphQLClient,
  type TestIdentity,
} from './helpers';

const AGENT_FIELDS = 'id name mobile idNumberMasked enabled';
const CREATE = `mutation($input: CreateAgentInput!) { createAgent(input: $input) { ${AGENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { ${AGENT_FIELDS} } }`;
const SET_ENABLED = `mutation($id: ID!, $enabled: Boolean!) { setAgentEnabled(id: $id, enabled: $enabled) { ${AGENT_FIELDS} } }`;
const RESET = `mutation($id: ID!, $pw: String!) { resetAgentPassword(id: $id, newPassword: $pw) { id } }`;
const LIST = `{ myAgents { ${AGENT_FIELDS} } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;

interface AgentJson {
  id: string;
  name: string;
  mobile: string;
  idNumberMasked: string;
  enabled: boolean;
}

const creditA = makeCreditCode('91220101MA00AG001');
const creditB = makeCreditCode('91220101MA00AG002');
let t: TestIdentity;
let legalA: GraphQLClient;
let legalB: GraphQLClient;
let unitAId: string;

beforeAll(async () => {
  t = await startTestIdentity();
  const [unitA, unitB] = await Promise.all([seedUnit(t, creditA), seedUnit(t, creditB)]);
  unitAId = unitA.id;
  // Legal persons' tokens are minted with the server's key: sign-in itself is tested elsewhere.
  legalA = t.client();
  legalA.accessToken = await t.tokenFor({
    accountId: unitA.id,
    kind: 'LEGAL_PERSON',
    roles: ['LEGAL_PERSON'],
    displayName: '法人A',
    unitId: unitA.id,
  });
  legalB = t.client();
  legalB.accessToken = await t.tokenFor({
    accountId: unitB.id,
    kind: 'LEGAL_PERSON',
    roles: ['LEGAL_PERSON'],
    displayName: '法人B',
    unitId: unitB.id,
  });
});
afterAll(() => t?.close());

function agentInput(values: Record<string, string> = {}) {
  return {
    name: '钱经办',
    mobile: nextMobile(),
    idNumber: nextResidentId(),
    password: STRONG_PASSWORD,
    ...values,
  };
}

async function createAgent(values: Record<string, string> = {}) {
  const input = agentInput(values);
  const { createAgent } = await legalA.ok<{ createAgent: AgentJson }>(CREATE, { input });
  return { input, agent: createAgent };
}

describe('a legal person manages the unit’s agents', () => {
  it('creates and lists agents with masked ID numbers', async () => {
    const { input, agent } = await createAgent({ name: '孙经办' });
    expect(agent).toEqual({
      id: expect.any(String),
      name: '孙经办',
      mobile: input.mobile,
      idNumberMasked: `${input.idNumber.slice(0, 3)}***********${input.idNumber.slice(-4)}`,
      enabled: true,
    });
    const { myAgents } = await legalA.ok<{ myAgents: AgentJson[] }>(LIST);
    expect(myAgents).toContainEqual(agent);
    expect(JSON.stringify(myAgents)).not.toContain(input.idNumber);
  });

  it('validates every field of a new agent at once', async () => {
    const result = await legalA.request(CREATE, {
      input: { name: ' ', mobile: '2345', idNumber: nextResidentId().slice(0, 17), password: '12345678' },
    });
    const error = expectError(result, 'BAD_USER_INPUT', /4 处问题/);
    expect(fieldCodes(error)).toEqual([
      'idNumber:ID_FORMAT',
      'mobile:MOBILE_FORMAT',
      'name:NAME_LENGTH',
      'password:PASSWORD_WEAK',
    ]);
    const mobile = nextMobile();
    const personal = await legalA.request(CREATE, {
      input: { name: '林晓', mobile, idNumber: nextResidentId(), password: `lx-${mobile}` },
    });
    expect(fieldCodes(expectError(personal, 'BAD_USER_INPUT'))).toEqual(['password:PASSWORD_PERSONAL']);
  });

  it('edits an agent', async () => {
    const { agent } = await createAgent();
    const mobile = nextMobile();
    const { updateAgent } = await legalA.ok<{ updateAgent: AgentJson }>(UPDATE, {
      id: agent.id,
      input: { name: '周经办', mobile },
    });
    expect(updateAgent).toEqual({ ...agent, name: '周经办', mobile });
    const invalid = await legalA.request(UPDATE, { id: agent.id, input: { idNumber: '110101' } });
    expect(fieldCodes(expectError(invalid, 'BAD_USER_INPUT'))).toEqual(['idNumber:ID_FORMAT']);
  });

  it('refuses a second agent with the same mobile or ID number in the unit, but allows them in another unit', async () => {
    const { input, agent } = await createAgent();
    const sameMobile = await legalA.request(CREATE, { input: agentInput({ mobile: input.mobile }) });
    expectError(sameMobile, 'CONFLICT', /本单位已有使用该手机号的经办人/);
    const sameId = await legalA.request(CREATE, { input: agentInput({ idNumber: input.idNumber }) });
    expectError(sameId, 'CONFLICT', /本单位已有使用该身份证号的经办人/);

    const { agent: other } = await createAgent();
    const editedOnto = await legalA.request(UPDATE, { id: other.id, input: { mobile: input.mobile } });
    expectError(editedOnto, 'CONFLICT', /手机号/);
    // Editing an agent to its own values is not a duplicate.
    const unchanged = await legalA.request(UPDATE, {
      id: agent.id,
      input: { mobile: input.mobile, idNumber: input.idNumber },
    });
    expect(unchanged.errors).toBeUndefined();

    const elsewhere = await legalB.request(CREATE, { input: { ...input } });
    expect(elsewhere.errors).toBeUndefined();
  });
});

describe('an agent is who their registered numbers say (found by an outside probe)', () => {
  it('refuses another person’s ID number under another name, and another person’s mobile; the person themself may be an agent', async () => {
    const person = await seedPerson(t, { name: '李娜' });
    const impostor = await legalA.request(CREATE, {
      input: agentInput({ name: '冒名', idNumber: person.idNumber, mobile: person.mobile }),
    });
    expect(fieldCodes(expectError(impostor, 'BAD_USER_INPUT'))).toEqual(['name:NAME_ID_MISMATCH']);
    const borrowedMobile = await legalA.request(CREATE, { input: agentInput({ mobile: person.mobile }) });
    expect(fieldCodes(expectError(borrowedMobile, 'BAD_USER_INPUT'))).toEqual([
      'mobile:MOBILE_OF_ANOTHER_PERSON',
    ]);
    const { agent } = await createAgent({ name: '李娜', idNumber: person.idNumber, mobile: person.mobile });
    expect(agent.name).toBe('李娜');
    const renamed = await legalA.request(UPDATE, { id: agent.id, input: { name: '冒名' } });
    expect(fieldCodes(expectError(renamed, 'BAD_USER_INPUT'))).toEqual(['name:NAME_ID_MISMATCH']);
  });
});

describe('agents sign in with the unit’s credit code', () => {
  it('signs in by mobile and by ID number; disabling ends sign-in and refresh; re-enabling restores it', async () => {
    const { input, agent } = await createAgent({ name: '吴经办' });
    const agentClient = t.client();
    const byMobile = await signIn(t, agentClient, {
      kind: 'AGENT',
      creditCode: creditA,
      account: input.mobile,
    });
    expect(byMobile.data?.signIn.viewer).toMatchObject({
      accountId: agent.id,
      kind: 'AGENT',
      displayName: '吴经办',
      roles: ['UNIT_AGENT'],
      unit: { id: unitAId, signedInOnce: true },
    });
    const byId = await signIn(t, t.client(), {
      kind: 'AGENT',
      creditCode: creditA.toLowerCase(),
      account: input.idNumber,
    });
    expect(byId.data?.signIn.viewer.accountId).toBe(agent.id);
    // The agent's credentials do not open another unit.
    const otherUnit = await signIn(t, t.client(), {
      kind: 'AGENT',
      creditCode: creditB,
      account: input.mobile,
    });
    expectError(otherUnit, 'INVALID_CREDENTIALS');

    const disabled = await legalA.ok<{ setAgentEnabled: AgentJson }>(SET_ENABLED, {
      id: agent.id,
      enabled: false,
    });
    expect(disabled.setAgentEnabled.enabled).toBe(false);
    const refused = await signIn(t, t.client(), {
      kind: 'AGENT',
      creditCode: creditA,
      account: input.mobile,
    });
    expectError(refused, 'ACCOUNT_DISABLED', /已停用，请联系本单位法人/);
    expectError(await agentClient.request(REFRESH), 'UNAUTHENTICATED', /请重新登录/);

    await legalA.ok(SET_ENABLED, { id: agent.id, enabled: true });
    const again = await signIn(t, t.client(), { kind: 'AGENT', creditCode: creditA, account: input.mobile });
    expect(again.errors).toBeUndefined();
  });

  it('a reset password replaces the old one and ends the agent’s sign-ins', async () => {
    const { input, agent } = await createAgent();
    const agentClient = t.client();
    expect(
      (await signIn(t, agentClient, { kind: 'AGENT', creditCode: creditA, account: input.mobile })).errors,
    ).toBeUndefined();

    const weak = await legalA.request(RESET, { id: agent.id, pw: 'abc' });
    expect(fieldCodes(expectError(weak, 'BAD_USER_INPUT'))).toEqual(['newPassword:PASSWORD_TOO_SHORT']);
    const common = await legalA.request(RESET, { id: agent.id, pw: 'Password1' });
    expect(fieldCodes(expectError(common, 'BAD_USER_INPUT'))).toEqual(['newPassword:PASSWORD_WEAK']);

    const newPassword = 'New#agent2026';
    await legalA.ok(RESET, { id: agent.id, pw: newPassword });
    expectError(await agentClient.request(REFRESH), 'UNAUTHENTICATED');
    const old = await signIn(t, t.client(), { kind: 'AGENT', creditCode: creditA, account: input.mobile });
    expectError(old, 'INVALID_CREDENTIALS');
    const fresh = await signIn(t, t.client(), {
      kind: 'AGENT',
      creditCode: creditA,
      account: input.mobile,
      password: newPassword,
    });
    expect(fresh.errors).toBeUndefined();
  });

  it('an agent of a unit that is not activated cannot sign in', async () => {
    const pendingCode = makeCreditCode('91220101MA00AG009');
    const pending = await seedUnit(t, pendingCode, { status: UnitStatus.PENDING_ACTIVATION });
    const pendingLegal = t.client();
    pendingLegal.accessToken = await t.tokenFor({
      accountId: pending.id,
      kind: 'LEGAL_PERSON',
      roles: ['LEGAL_PERSON'],
      displayName: '法人',
      unitId: pending.id,
    });
    const input = agentInput();
    await pendingLegal.ok(CREATE, { input });
    const result = await signIn(t, t.client(), {
      kind: 'AGENT',
      creditCode: pendingCode,
      account: input.mobile,
    });
    expectError(result, 'ACCOUNT_NOT_ACTIVATED', /联系本单位法人激活/);
  });
});

describe('who may manage agents', () => {
  it('another unit’s legal person neither sees nor changes them: NOT_FOUND, no data', async () => {
    const { agent } = await createAgent();
    const { myAgents } = await legalB.ok<{ myAgents: AgentJson[] }>(LIST);
    expect(myAgents.map((a) => a.id)).not.toContain(agent.id);

    for (const [query, variables] of [
      [UPDATE, { id: agent.id, input: { name: '篡改' } }],
      [SET_ENABLED, { id: agent.id, enabled: false }],
      [RESET, { id: agent.id, pw: 'Other#pass2026' }],
    ] as const) {
      const result = await legalB.request(query, variables);
      expectError(result, 'NOT_FOUND', /经办人不存在或不属于本单位/);
      expect(result.data).toBeNull();
    }
    for (const id of ['not-an-id', '-'.repeat(36)]) {
      expectError(await legalB.request(SET_ENABLED, { id, enabled: false }), 'NOT_FOUND');
    }

    const { myAgents: after } = await legalA.ok<{ myAgents: AgentJson[] }>(LIST);
    expect(after).toContainEqual(agent);
  });

  it('an applicant or an agent is FORBIDDEN; an anonymous caller is UNAUTHENTICATED', async () => {
    const person = await seedPerson(t);
    const applicant = t.client();
    applicant.accessToken = await t.tokenFor({
      accountId: person.id,
      kind: 'PERSON',
      roles: ['APPLICANT'],
      displayName: person.name,
    });
    const { agent } = await createAgent();
    const agentClient = t.client();
    agentClient.accessToken = await t.tokenFor({
      accountId: agent.id,
      kind: 'AGENT',
      roles: ['UNIT_AGENT'],
      displayName: agent.name,
      unitId: unitAId,
    });

    for (const client of [applicant, agentClient]) {
      expectError(await client.request(LIST), 'FORBIDDEN', /无权/);
      expectError(await client.request(CREATE, { input: agentInput() }), 'FORBIDDEN');
      expectError(await client.request(SET_ENABLED, { id: agent.id, enabled: false }), 'FORBIDDEN');
    }
    const anonymous = t.client();
    expectError(await anonymous.request(LIST), 'UNAUTHENTICATED', /请先登录/);
    expectError(await anonymous.request(UPDATE, { id: agent.id, input: { name: 'x' } }), 'UNAUTHENTICATED');
  });
});
