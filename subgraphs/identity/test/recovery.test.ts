import { makeCreditCode } from '@zhicheng/domain-codes';
import {
  expectError,
  fieldCodes,
  nextMobile,
  seedPerson,
  seedUnit,
  signIn,
  startTestIdentity,
  type TestIdentity,
} from './helpers';

const SEND_SMS = `mutation($input: SendSmsCodeInput!) {
  sendSmsCode(input: $input) { mobileMasked resendAfterSeconds expiresAt }
}`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const NEW_PASSWORD = 'Recovered#2026';

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity();
});
afterAll(() => t?.close());

describe('password recovery by SMS', () => {
  it('a person sets a new password; the old one and existing sign-ins stop working; a running delay ends', async () => {
    const person = await seedPerson(t);
    const session = t.client();
    expect((await signIn(t, session, { kind: 'PERSON', account: person.mobile })).errors).toBeUndefined();
    await t.sql.query(
      `insert into identity.sign_in_throttle (key, failures, last_failure_at, retry_at)
       values ($1, 9, now(), now() + interval '10 minutes'), ($1 || '|ip:127.0.0.1', 9, now(), now() + interval '10 minutes')`,
      [`acct:PERSON:${person.id}`],
    );

    const code = await t.requestSmsCode(person.mobile, 'RECOVER_PASSWORD');
    const weak = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: person.mobile, smsCode: code, newPassword: person.mobile },
    });
    expect(fieldCodes(expectError(weak, 'BAD_USER_INPUT'))).toEqual(['newPassword:PASSWORD_PERSONAL']);
    // The probe's example passes no composition rule test any more: it is a common password.
    const common = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: person.mobile, smsCode: code, newPassword: 'Password1' },
    });
    expect(fieldCodes(expectError(common, 'BAD_USER_INPUT'))).toEqual(['newPassword:PASSWORD_WEAK']);
    // Once the number is proven, the password is also compared with the account's own data (its
    // ID number), without spending the code.
    const ownId = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: person.mobile, smsCode: code, newPassword: `id-${person.idNumber}` },
    });
    expect(fieldCodes(expectError(ownId, 'BAD_USER_INPUT'))).toEqual(['newPassword:PASSWORD_PERSONAL']);

    const reset = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: person.mobile, smsCode: code, newPassword: NEW_PASSWORD },
    });
    expect(reset.data).toEqual({ resetPassword: true });

    expectError(await session.request(`mutation { refreshSession { accessToken } }`), 'UNAUTHENTICATED');
    expectError(
      await signIn(t, t.client(), { kind: 'PERSON', account: person.mobile }),
      'INVALID_CREDENTIALS',
    );
    const fresh = await signIn(t, t.client(), {
      kind: 'PERSON',
      account: person.mobile,
      password: NEW_PASSWORD,
    });
    expect(fresh.errors).toBeUndefined();

    // The code was spent by the reset.
    const replay = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: person.mobile, smsCode: code, newPassword: 'Lantern#ridge2026' },
    });
    expectError(replay, 'SMS_CODE_INVALID', /请重新获取/);
  });

  it('a legal person recovers with the credit code and the registered mobile', async () => {
    const creditCode = makeCreditCode('91220101MA00RC001');
    const unit = await seedUnit(t, creditCode);
    const code = await t.requestSmsCode(unit.mobile, 'RECOVER_PASSWORD');
    const missingCode = await t.client().request(RESET, {
      input: { kind: 'LEGAL_PERSON', mobile: unit.mobile, smsCode: code, newPassword: NEW_PASSWORD },
    });
    expect(fieldCodes(expectError(missingCode, 'BAD_USER_INPUT'))).toEqual(['creditCode:CREDIT_CODE_FORMAT']);

    const reset = await t.client().request(RESET, {
      input: {
        kind: 'LEGAL_PERSON',
        creditCode,
        mobile: unit.mobile,
        smsCode: code,
        newPassword: NEW_PASSWORD,
      },
    });
    expect(reset.data).toEqual({ resetPassword: true });
    expectError(
      await signIn(t, t.client(), { kind: 'LEGAL_PERSON', account: creditCode }),
      'INVALID_CREDENTIALS',
    );
    const fresh = await signIn(t, t.client(), {
      kind: 'LEGAL_PERSON',
      account: creditCode,
      password: NEW_PASSWORD,
    });
    expect(fresh.errors).toBeUndefined();
  });

  it('answers an unknown mobile exactly like a known one, but sends nothing', async () => {
    const known = await seedPerson(t);
    const unknown = nextMobile();
    const send = async (mobile: string) => {
      const client = t.client();
      return client.request<{ sendSmsCode: { mobileMasked: string; resendAfterSeconds: number } }>(SEND_SMS, {
        input: { mobile, purpose: 'RECOVER_PASSWORD', ...(await t.solveCaptcha(client)) },
      });
    };
    const [forKnown, forUnknown] = [await send(known.mobile), await send(unknown)];
    expect(forKnown.errors).toBeUndefined();
    expect(forUnknown.errors).toBeUndefined();
    expect(forUnknown.data?.sendSmsCode.resendAfterSeconds).toBe(
      forKnown.data?.sendSmsCode.resendAfterSeconds,
    );
    expect(forUnknown.data?.sendSmsCode.mobileMasked).toBe(`${unknown.slice(0, 3)}****${unknown.slice(-4)}`);
    expect(await t.latestSmsCode(known.mobile)).toMatch(/^\d{6}$/);
    expect(await t.latestSmsCode(unknown)).toBeUndefined();

    // A resend to the unknown number is limited the same way.
    expectError(await send(unknown), 'RATE_LIMITED');
    // Any code for it fails like a wrong code.
    const reset = await t.client().request(RESET, {
      input: { kind: 'PERSON', mobile: unknown, smsCode: '123456', newPassword: NEW_PASSWORD },
    });
    expectError(reset, 'SMS_CODE_INVALID', /短信验证码错误或已过期，请重新获取/);
  });

  it('agents and staff do not recover by SMS: the form says who resets their password', async () => {
    const result = await t.client().request(RESET, {
      input: { kind: 'AGENT', mobile: nextMobile(), smsCode: '123456', newPassword: NEW_PASSWORD },
    });
    const error = expectError(result, 'BAD_USER_INPUT', /由本单位法人重置/);
    expect(fieldCodes(error)).toEqual(['kind:KIND_UNSUPPORTED']);
  });
});
