import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { codeOf, GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

const PASSWORD = 'Strong#Pass1';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_identity');
});
afterAll(async () => {
  await stack?.stop();
});

async function captcha(session: GraphQLSession) {
  await session.request('mutation { createCaptcha { id } }');
  return stack.latestCaptcha();
}

async function sendCode(session: GraphQLSession, mobile: string, purpose: string) {
  const c = await captcha(session);
  const answer = await session.request(
    `mutation($input: SendSmsCodeInput!) { sendSmsCode(input: $input) { mobileMasked } }`,
    { input: { mobile, purpose, captchaId: c.id, captchaAnswer: c.answer } },
  );
  expect(answer.errors).toBeUndefined();
  return stack.latestSmsCode(mobile);
}

async function signIn(session: GraphQLSession, input: Record<string, unknown>) {
  const c = await captcha(session);
  const answer = await session.request<{
    signIn: { accessToken: string; viewer: { displayName: string; roles: string[] } };
  }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken viewer { displayName roles } } }`,
    { input: { ...input, captchaId: c.id, captchaAnswer: c.answer } },
  );
  if (answer.data?.signIn) session.token = answer.data.signIn.accessToken;
  return answer;
}

describe('identity through the gateway', () => {
  const mobile = '13512345678';
  const idNumber = makeResidentId({ region: '220102', birthDate: '19880101', sequence: 17 });

  it('registers a person, signs in, refreshes through the relayed cookie and signs out', async () => {
    const tab = new GraphQLSession(stack.graphqlUrl);
    const smsCode = await sendCode(tab, mobile, 'REGISTER_PERSON');
    const registered = await tab.request(
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { name idNumberMasked } }`,
      { input: { name: '王小明', idType: 'RESIDENT_ID', idNumber, mobile, smsCode, password: PASSWORD } },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({
      registerPerson: {
        name: '王小明',
        idNumberMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
      },
    });

    const signedIn = await signIn(tab, { kind: 'PERSON', account: idNumber, password: PASSWORD });
    expect(signedIn.data?.signIn.viewer).toEqual({ displayName: '王小明', roles: ['APPLICANT'] });
    const firstCookie = tab.cookie('zc_refresh');
    expect(firstCookie).toBeTruthy();

    const me = await tab.request('{ me { displayName person { mobileMasked } } }');
    expect(me.data).toEqual({ me: { displayName: '王小明', person: { mobileMasked: '135****5678' } } });

    tab.token = undefined;
    const refreshed = await tab.request<{ refreshSession: { accessToken: string } }>(
      'mutation { refreshSession { accessToken } }',
    );
    expect(refreshed.errors).toBeUndefined();
    expect(tab.cookie('zc_refresh')).not.toEqual(firstCookie);

    await tab.request('mutation { signOut }');
    expect(tab.cookie('zc_refresh')).toBeUndefined();
    const afterSignOut = new GraphQLSession(stack.graphqlUrl);
    // Replaying the revoked token from another client fails too.
    (afterSignOut as unknown as { cookies: Map<string, string> }).cookies.set('zc_refresh', firstCookie!);
    expect(codeOf(await afterSignOut.request('mutation { refreshSession { accessToken } }'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('reports every registration problem at once, in Chinese, with field paths', async () => {
    const tab = new GraphQLSession(stack.graphqlUrl);
    const badId = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const answer = await tab.request(
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
      {
        input: {
          name: '赵',
          idType: 'RESIDENT_ID',
          idNumber: badId,
          mobile: '1234',
          smsCode: '12',
          password: 'weak',
        },
      },
    );
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    const fields = (
      answer.errors![0].extensions!.fields as Array<{ field: string; code: string; message: string }>
    ).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'mobile', 'smsCode', 'password']));
    expect(answer.errors![0].message).toMatch(/处问题/);
  });

  it('lets a legal person register, activate and create an agent who then signs in', async () => {
    const legal = new GraphQLSession(stack.graphqlUrl);
    const creditCode = makeCreditCode('91220101MA00E2E01');
    const unitMobile = '13611112222';
    let smsCode = await sendCode(legal, unitMobile, 'REGISTER_UNIT');
    const unit = await legal.request(
      `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { status } }`,
      {
        input: {
          creditCode,
          name: '长春测试科技有限公司',
          legalPersonName: '周法人',
          legalPersonIdNumber: makeResidentId({ region: '220102', birthDate: '19750505', sequence: 5 }),
          mobile: unitMobile,
          smsCode,
          password: PASSWORD,
        },
      },
    );
    expect(unit.data).toEqual({ registerUnit: { status: 'PENDING_ACTIVATION' } });
    expect(
      codeOf(await signIn(legal, { kind: 'LEGAL_PERSON', account: creditCode, password: PASSWORD })),
    ).toBe('ACCOUNT_NOT_ACTIVATED');

    smsCode = await sendCode(legal, unitMobile, 'ACTIVATE_UNIT');
    const activated = await legal.request(
      `mutation($input: ActivateUnitInput!) { activateUnit(input: $input) { status } }`,
      {
        input: { creditCode, mobile: unitMobile, smsCode },
      },
    );
    expect(activated.data).toEqual({ activateUnit: { status: 'ACTIVE' } });
    expect(
      (await signIn(legal, { kind: 'LEGAL_PERSON', account: creditCode, password: PASSWORD })).errors,
    ).toBeUndefined();

    const agentId = makeResidentId({ region: '220102', birthDate: '19920202', sequence: 9 });
    const created = await legal.request<{ createAgent: { id: string; idNumberMasked: string } }>(
      `mutation($input: CreateAgentInput!) { createAgent(input: $input) { id idNumberMasked } }`,
      { input: { name: '钱经办', mobile: '13733334444', idNumber: agentId, password: PASSWORD } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgent.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    const agent = new GraphQLSession(stack.graphqlUrl);
    const agentSignIn = await signIn(agent, {
      kind: 'AGENT',
      creditCode,
      account: '13733334444',
      password: PASSWORD,
    });
    expect(agentSignIn.data?.signIn.viewer.roles).toEqual(['UNIT_AGENT']);

    // An agent cannot manage agents, and a disabled agent cannot sign in.
    expect(codeOf(await agent.request('{ myAgents { id } }'))).toBe('FORBIDDEN');
    await legal.request(`mutation($id: ID!) { setAgentEnabled(id: $id, enabled: false) { enabled } }`, {
      id: created.data!.createAgent.id,
    });
    const refused = await signIn(new GraphQLSession(stack.graphqlUrl), {
      kind: 'AGENT',
      creditCode,
      account: agentId,
      password: PASSWORD,
    });
    expect(codeOf(refused)).toBe('ACCOUNT_DISABLED');
    expect(codeOf(await agent.request('mutation { refreshSession { accessToken } }'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses forged tokens and over-deep queries with stable codes, leaking nothing internal', async () => {
    const tab = new GraphQLSession(stack.graphqlUrl);
    tab.token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    const forged = await tab.request('{ me { displayName } }');
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(forged)).not.toMatch(/127\.0\.0\.1|stack|select /i);

    const deep = `{ organisations { ${'children { '.repeat(14)}id${' }'.repeat(14)} } }`;
    expect(codeOf(await new GraphQLSession(stack.graphqlUrl).request(deep))).toBe('QUERY_TOO_COMPLEX');
  });

  it('delays an account after five wrong passwords and says for how long (no lock-out)', async () => {
    const tab = new GraphQLSession(stack.graphqlUrl);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await signIn(tab, { kind: 'PERSON', account: mobile, password: 'Wrong#Pass1' });
      expect(codeOf(answer)).toBe('INVALID_CREDENTIALS');
    }
    const delayed = await signIn(tab, { kind: 'PERSON', account: mobile, password: 'Wrong#Pass1' });
    expect(codeOf(delayed)).toBe('INVALID_CREDENTIALS');
    expect(delayed.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const tooSoon = await signIn(tab, { kind: 'PERSON', account: mobile, password: PASSWORD });
    expect(codeOf(tooSoon)).toBe('RATE_LIMITED');
    expect(tooSoon.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });
});
