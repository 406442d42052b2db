import { makeCreditCode } from '@zhicheng/domain-codes';
import {
  expectError,
  fieldCodes,
  nextMobile,
  nextResidentId,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type TestIdentity,
} from './helpers';

const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) {
  registerUnit(input: $input) { id creditCode name status legalPersonName signedInOnce }
}`;
const ACTIVATE_UNIT = `mutation($input: ActivateUnitInput!) {
  activateUnit(input: $input) { id status signedInOnce }
}`;

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity();
});
afterAll(() => t?.close());

function unitInput(values: Record<string, string> = {}) {
  return {
    creditCode: makeCreditCode('91220101MA00LP001'),
    name: '长春测试科技有限公司',
    legalPersonName: '赵法人',
    legalPersonIdNumber: nextResidentId(),
    mobile: nextMobile(),
    smsCode: '000000',
    password: STRONG_PASSWORD,
    ...values,
  };
}

describe('credit code validation', () => {
  it('reports a wrong check character', async () => {
    const valid = makeCreditCode('91220101MA00LP002');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const result = await t.client().request(REGISTER_UNIT, { input: unitInput({ creditCode: wrong }) });
    const error = expectError(result, 'BAD_USER_INPUT', /统一社会信用代码校验位错误，请核对最后一位/);
    expect(fieldCodes(error)).toEqual(['creditCode:CREDIT_CODE_CHECK_CHAR']);
  });

  it('names the forbidden letters I O S V Z that were found', async () => {
    const valid = makeCreditCode('91220101MA00LP003');
    const withForbidden = `${valid.slice(0, 10)}S${valid.slice(11, 14)}Z${valid.slice(15)}`;
    const result = await t
      .client()
      .request(REGISTER_UNIT, { input: unitInput({ creditCode: withForbidden }) });
    const error = expectError(result, 'BAD_USER_INPUT', /不能包含字母 I、O、S、V、Z（发现：S、Z）/);
    expect(fieldCodes(error)).toEqual(['creditCode:CREDIT_CODE_FORBIDDEN_CHAR']);
  });

  it('lists every problem of the form at once', async () => {
    const result = await t.client().request(REGISTER_UNIT, {
      input: unitInput({ creditCode: '91220101', name: '厂', legalPersonIdNumber: '123', password: 'short' }),
    });
    const error = expectError(result, 'BAD_USER_INPUT', /4 处问题/);
    expect(fieldCodes(error)).toEqual([
      'creditCode:CREDIT_CODE_FORMAT',
      'legalPersonIdNumber:ID_FORMAT',
      'name:NAME_LENGTH',
      'password:PASSWORD_TOO_SHORT',
    ]);
  });
});

describe('registration and activation', () => {
  it('registers a unit pending activation; sign-in is refused until it is activated by SMS', async () => {
    const client = t.client();
    const input = unitInput({ creditCode: makeCreditCode('91220101MA00LP010').toLowerCase() });
    const creditCode = input.creditCode.toUpperCase();
    input.smsCode = await t.requestSmsCode(input.mobile, 'REGISTER_UNIT', client);

    const { registerUnit } = await client.ok<{ registerUnit: Record<string, unknown> }>(REGISTER_UNIT, {
      input,
    });
    expect(registerUnit).toMatchObject({
      creditCode,
      status: 'PENDING_ACTIVATION',
      legalPersonName: '赵法人',
      signedInOnce: false,
    });

    const notYet = await signIn(t, client, { kind: 'LEGAL_PERSON', account: creditCode });
    expectError(notYet, 'ACCOUNT_NOT_ACTIVATED', /尚未激活，请先点击“账号激活”/);
    // A wrong password is told as such, without revealing the activation state.
    const wrongPassword = await signIn(t, client, {
      kind: 'LEGAL_PERSON',
      account: creditCode,
      password: 'Wrong#pass1',
    });
    expectError(wrongPassword, 'INVALID_CREDENTIALS');

    // The same number registers once; a second registration of the code is a conflict.
    await t.rewindRateLimits(61);
    const again = { ...input, smsCode: await t.requestSmsCode(input.mobile, 'REGISTER_UNIT', client) };
    expectError(await client.request(REGISTER_UNIT, { input: again }), 'CONFLICT', /已注册.*账号激活/);

    await t.rewindRateLimits(61);
    // Nothing about the credit code is told before the code of a pending unit's mobile is proven.
    const wrongMobile = await client.request(ACTIVATE_UNIT, {
      input: { creditCode, mobile: nextMobile(), smsCode: '123456' },
    });
    expectError(wrongMobile, 'SMS_CODE_INVALID');

    const code = await t.requestSmsCode(input.mobile, 'ACTIVATE_UNIT', client);
    const { activateUnit } = await client.ok<{ activateUnit: Record<string, unknown> }>(ACTIVATE_UNIT, {
      input: { creditCode, mobile: input.mobile, smsCode: code },
    });
    expect(activateUnit).toMatchObject({ id: registerUnit.id, status: 'ACTIVE', signedInOnce: false });

    // The code is spent, and an active unit's mobile gets no activation code any more.
    const alreadyActive = await client.request(ACTIVATE_UNIT, {
      input: { creditCode, mobile: input.mobile, smsCode: code },
    });
    expectError(alreadyActive, 'SMS_CODE_INVALID');

    const signedIn = await signIn(t, client, { kind: 'LEGAL_PERSON', account: creditCode });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data?.signIn.viewer).toMatchObject({
      accountId: registerUnit.id,
      kind: 'LEGAL_PERSON',
      roles: ['LEGAL_PERSON'],
      unit: { id: registerUnit.id, signedInOnce: true },
    });

    const found = await client.ok<{ unitByCreditCode: { signedInOnce: boolean } }>(
      `query($c: String!) { unitByCreditCode(creditCode: $c) { id signedInOnce status } }`,
      { c: creditCode },
    );
    expect(found.unitByCreditCode).toEqual({ id: registerUnit.id, signedInOnce: true, status: 'ACTIVE' });
  });

  it('with a proven code, a credit code that is not that mobile’s unit is told as such', async () => {
    const client = t.client();
    const a = unitInput({ creditCode: makeCreditCode('91220101MA00LP020') });
    a.smsCode = await t.requestSmsCode(a.mobile, 'REGISTER_UNIT', client);
    await client.ok(REGISTER_UNIT, { input: a });
    const b = unitInput({ creditCode: makeCreditCode('91220101MA00LP030') });
    b.smsCode = await t.requestSmsCode(b.mobile, 'REGISTER_UNIT', client);
    await client.ok(REGISTER_UNIT, { input: b });
    const code = await t.requestSmsCode(b.mobile, 'ACTIVATE_UNIT', client);
    const mismatch = await client.request(ACTIVATE_UNIT, {
      input: { creditCode: a.creditCode, mobile: b.mobile, smsCode: code },
    });
    expectError(mismatch, 'NOT_FOUND', /手机号与注册时填写的不一致/);
  });

  it('does not send an activation code to a number no pending unit registered', async () => {
    const mobile = nextMobile();
    const client = t.client();
    const sent = await client.request(
      `mutation($input: SendSmsCodeInput!) { sendSmsCode(input: $input) { mobileMasked resendAfterSeconds } }`,
      { input: { mobile, purpose: 'ACTIVATE_UNIT', ...(await t.solveCaptcha(client)) } },
    );
    expect(sent.errors).toBeUndefined();
    expect(await t.latestSmsCode(mobile)).toBeUndefined();
  });

  it('finds units by credit code only for signed-in callers', async () => {
    const anonymous = await t.client().request(`{ unitByCreditCode(creditCode: "x") { id } }`);
    expectError(anonymous, 'UNAUTHENTICATED', /请先登录/);
  });
});
