import { residentIdCheckChar } from '@zhicheng/domain-codes';
import {
  expectError,
  fieldCodes,
  nextMobile,
  nextResidentId,
  seedPerson,
  signIn,
  startTestIdentity,
  STRONG_PASSWORD,
  type GraphQLClient,
  type TestIdentity,
} from './helpers';

const REGISTER = `mutation($input: RegisterPersonInput!) {
  registerPerson(input: $input) { id name idType idNumberMasked mobileMasked }
}`;
const SEND_SMS = `mutation($input: SendSmsCodeInput!) {
  sendSmsCode(input: $input) { mobileMasked expiresAt resendAfterSeconds }
}`;
const ME = `{ me { accountId kind displayName roles person { name idNumberMasked mobileMasked } } }`;

/** Replaces the check digit with a different, wrong one. */
function withWrongCheckDigit(id: string): string {
  const wrong = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

/** An ID number with a correct check digit around a birth date that does not exist. */
function idWithBirthDate(yyyymmdd: string): string {
  const first17 = `110101${yyyymmdd}123`;
  return first17 + residentIdCheckChar(first17);
}

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity();
});
afterAll(() => t?.close());

function registerInput(values: Record<string, string> = {}) {
  return {
    name: '王小明',
    idType: 'RESIDENT_ID',
    idNumber: nextResidentId(),
    mobile: nextMobile(),
    smsCode: '000000',
    password: STRONG_PASSWORD,
    ...values,
  };
}

describe('person registration', () => {
  it('registers with an SMS code, then signs in by mobile and by ID number; me shows the masked ID', async () => {
    const client = t.client();
    const input = registerInput({ name: '李华' });
    input.smsCode = await t.requestSmsCode(input.mobile, 'REGISTER_PERSON', client);

    const { registerPerson } = await client.ok<{ registerPerson: Record<string, string> }>(REGISTER, {
      input,
    });
    const maskedId = `${input.idNumber.slice(0, 3)}***********${input.idNumber.slice(-4)}`;
    expect(registerPerson).toMatchObject({
      name: '李华',
      idType: 'RESIDENT_ID',
      idNumberMasked: maskedId,
      mobileMasked: `${input.mobile.slice(0, 3)}****${input.mobile.slice(-4)}`,
    });
    expect(JSON.stringify(registerPerson)).not.toContain(input.idNumber);

    // Declaration learns the account holder's real-name facts (a declaration is made in them).
    const { rows: announced } = await t.sql.query(
      `select payload from identity.outbox_event where type = 'PersonRegistered' and payload->>'personId' = $1`,
      [registerPerson.id],
    );
    expect(announced.map((row) => row.payload)).toEqual([
      {
        personId: registerPerson.id,
        name: '李华',
        idType: 'RESIDENT_ID',
        idNumber: input.idNumber,
        mobile: input.mobile,
        at: expect.any(String),
      },
    ]);

    const byMobile = await signIn(t, client, { kind: 'PERSON', account: input.mobile });
    expect(byMobile.errors).toBeUndefined();
    expect(byMobile.data?.signIn.viewer).toMatchObject({
      accountId: registerPerson.id,
      kind: 'PERSON',
      displayName: '李华',
      roles: ['APPLICANT'],
    });
    expect(client.cookies.get('zc_refresh')).toBeTruthy();

    const me = await client.ok<{ me: { person: { name: string; idNumberMasked: string } } }>(ME);
    expect(me.me.person).toEqual({
      name: '李华',
      idNumberMasked: maskedId,
      mobileMasked: expect.any(String),
    });
    expect(me.me.person.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);

    // A lower-case check character x is accepted the same as X.
    const byId = await signIn(t, t.client(), { kind: 'PERSON', account: input.idNumber.toLowerCase() });
    expect(byId.data?.signIn.viewer.accountId).toBe(registerPerson.id);
  });

  it('an anonymous me is null, not an error', async () => {
    const result = await t.client().request(ME);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: null });
  });

  it('reports a wrong check digit on the ID number', async () => {
    const result = await t.client().request(REGISTER, {
      input: registerInput({ idNumber: withWrongCheckDigit(nextResidentId()) }),
    });
    const error = expectError(result, 'BAD_USER_INPUT', /校验位.*请核对最后一位/);
    expect(fieldCodes(error)).toEqual(['idNumber:ID_CHECK_DIGIT']);
  });

  it('reports an impossible birth date (19990230)', async () => {
    const result = await t
      .client()
      .request(REGISTER, { input: registerInput({ idNumber: idWithBirthDate('19990230') }) });
    const error = expectError(result, 'BAD_USER_INPUT', /出生日期.*19990230.*请核对第7至14位/);
    expect(fieldCodes(error)).toEqual(['idNumber:ID_BIRTH_DATE']);
  });

  it('reports every problem at once: birth date, check digit, mobile and weak password', async () => {
    const result = await t.client().request(REGISTER, {
      input: registerInput({
        idNumber: withWrongCheckDigit(idWithBirthDate('19990230')),
        mobile: '1234567890',
        password: 'password',
      }),
    });
    const error = expectError(result, 'BAD_USER_INPUT', /4 处问题.*请逐项修改/);
    expect(fieldCodes(error)).toEqual([
      'idNumber:ID_BIRTH_DATE',
      'idNumber:ID_CHECK_DIGIT',
      'mobile:MOBILE_FORMAT',
      'password:PASSWORD_WEAK',
    ]);
  });

  it('refuses a password that contains the ID number or mobile', async () => {
    const input = registerInput();
    const result = await t
      .client()
      .request(REGISTER, { input: { ...input, password: `Aa!${input.mobile}` } });
    const error = expectError(result, 'BAD_USER_INPUT', /不能包含您的姓名、手机号、证件号码/);
    expect(fieldCodes(error)).toEqual(['password:PASSWORD_PERSONAL']);
  });

  it('refuses common passwords (Password1) and accepts a long phrase without composition rules', async () => {
    const common = await t.client().request(REGISTER, { input: registerInput({ password: 'Password1' }) });
    const error = expectError(common, 'BAD_USER_INPUT', /太容易被猜到（.*常见密码.*）.*请换一个/);
    expect(fieldCodes(error)).toEqual(['password:PASSWORD_WEAK']);
    // A phrase passes validation (the answer then is about the SMS code, not the password).
    const phrase = await t
      .client()
      .request(REGISTER, { input: registerInput({ password: 'lamp orbit velvet river' }) });
    expectError(phrase, 'SMS_CODE_INVALID');
  });
});

describe('captcha', () => {
  async function sendWith(client: GraphQLClient, captchaId: string, captchaAnswer: string) {
    return client.request(SEND_SMS, {
      input: { mobile: nextMobile(), purpose: 'REGISTER_PERSON', captchaId, captchaAnswer },
    });
  }
  const captchaMessage = /图形验证码错误或已过期.*刷新/;

  it('refuses a wrong answer, and the picture is spent by it', async () => {
    const client = t.client();
    const { captchaId, captchaAnswer } = await t.solveCaptcha(client);
    expectError(await sendWith(client, captchaId, `${captchaAnswer}x`), 'CAPTCHA_INVALID', captchaMessage);
    expectError(await sendWith(client, captchaId, captchaAnswer), 'CAPTCHA_INVALID', captchaMessage);
  });

  it('accepts the answer in any letter case, once only', async () => {
    const client = t.client();
    const { captchaId, captchaAnswer } = await t.solveCaptcha(client);
    const first = await sendWith(client, captchaId, ` ${captchaAnswer.toUpperCase()} `);
    expect(first.errors).toBeUndefined();
    expectError(await sendWith(client, captchaId, captchaAnswer), 'CAPTCHA_INVALID', captchaMessage);
  });

  it('refuses an expired captcha and an unknown or malformed id', async () => {
    const client = t.client();
    const { captchaId, captchaAnswer } = await t.solveCaptcha(client);
    await t.sql.query(`update identity.captcha set expires_at = now() - interval '1 second' where id = $1`, [
      captchaId,
    ]);
    expectError(await sendWith(client, captchaId, captchaAnswer), 'CAPTCHA_INVALID', captchaMessage);
    expectError(await sendWith(client, '00000000-0000-4000-8000-000000000000', 'abcd'), 'CAPTCHA_INVALID');
    expectError(await sendWith(client, 'not-a-uuid', 'abcd'), 'CAPTCHA_INVALID');
    expectError(await sendWith(client, '-'.repeat(36), 'abcd'), 'CAPTCHA_INVALID');
  });

  it('is also required to sign in', async () => {
    const person = await seedPerson(t);
    const result = await t
      .client()
      .request(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
        input: {
          kind: 'PERSON',
          account: person.mobile,
          password: STRONG_PASSWORD,
          captchaId: (await t.solveCaptcha()).captchaId,
          captchaAnswer: 'zzzz',
        },
      });
    expectError(result, 'CAPTCHA_INVALID', captchaMessage);
  });
});

describe('SMS codes', () => {
  it('refuses a wrong code, and after 5 wrong attempts even the right one until a new code is sent', async () => {
    const client = t.client();
    const input = registerInput();
    const code = await t.requestSmsCode(input.mobile, 'REGISTER_PERSON', client);
    const wrong = code === '000000' ? '111111' : '000000';

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await client.request(REGISTER, { input: { ...input, smsCode: wrong } });
      expectError(result, 'SMS_CODE_INVALID', /短信验证码错误或已过期，请重新获取/);
    }
    const right = await client.request(REGISTER, { input: { ...input, smsCode: code } });
    expectError(right, 'SMS_CODE_INVALID', /错误次数过多，请重新获取/);

    await t.rewindRateLimits(61);
    const fresh = await t.requestSmsCode(input.mobile, 'REGISTER_PERSON', client);
    const registered = await client.request(REGISTER, { input: { ...input, smsCode: fresh } });
    expect(registered.errors).toBeUndefined();
  });

  it('refuses a code sent for another purpose', async () => {
    const input = registerInput();
    const code = await t.requestSmsCode(input.mobile, 'REGISTER_UNIT');
    expectError(
      await t.client().request(REGISTER, { input: { ...input, smsCode: code } }),
      'SMS_CODE_INVALID',
    );
  });

  it('refuses an expired code', async () => {
    const input = registerInput();
    const code = await t.requestSmsCode(input.mobile, 'REGISTER_PERSON');
    await t.sql.query(
      `update identity.sms_code set expires_at = now() - interval '1 second' where mobile = $1`,
      [input.mobile],
    );
    const result = await t.client().request(REGISTER, { input: { ...input, smsCode: code } });
    expectError(result, 'SMS_CODE_INVALID', /已过期，请重新获取/);
  });

  it('sends at most 10 codes a day to one number', async () => {
    const mobile = nextMobile();
    for (let sent = 1; sent <= 10; sent += 1) {
      await t.requestSmsCode(mobile, 'REGISTER_PERSON');
      await t.rewindRateLimits(61);
    }
    const client = t.client();
    const eleventh = await client.request(SEND_SMS, {
      input: { mobile, purpose: 'REGISTER_PERSON', ...(await t.solveCaptcha(client)) },
    });
    const error = expectError(eleventh, 'RATE_LIMITED', /今日获取验证码次数已达上限，请明天再试/);
    expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(23 * 3600);
  });

  it('refuses a resend within 60 seconds, saying how long to wait', async () => {
    const mobile = nextMobile();
    const client = t.client();
    const first = await client.ok<{ sendSmsCode: { mobileMasked: string; resendAfterSeconds: number } }>(
      SEND_SMS,
      {
        input: { mobile, purpose: 'REGISTER_PERSON', ...(await t.solveCaptcha(client)) },
      },
    );
    expect(first.sendSmsCode).toEqual({
      mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
      expiresAt: expect.any(String),
      resendAfterSeconds: 60,
    });
    const again = await client.request(SEND_SMS, {
      input: { mobile, purpose: 'REGISTER_PERSON', ...(await t.solveCaptcha(client)) },
    });
    const error = expectError(again, 'RATE_LIMITED', /验证码发送过于频繁，请 \d+ 秒后再试/);
    expect(error.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('reports a malformed code without spending anything', async () => {
    const result = await t.client().request(REGISTER, { input: registerInput({ smsCode: '12ab' }) });
    const error = expectError(result, 'BAD_USER_INPUT', /6位数字/);
    expect(fieldCodes(error)).toEqual(['smsCode:SMS_CODE_FORMAT']);
  });
});

describe('duplicates', () => {
  it('a registered ID number is told only after the SMS code is proven; before, it answers like any other', async () => {
    const existing = await seedPerson(t);
    const client = t.client();
    const input = registerInput({ idNumber: existing.idNumber });
    const free = registerInput();
    // Without a valid code both answer the same: the probe learns nothing.
    const probeTaken = await client.request(REGISTER, { input: { ...input, smsCode: '000000' } });
    const probeFree = await client.request(REGISTER, { input: { ...free, smsCode: '000000' } });
    expect(expectError(probeTaken, 'SMS_CODE_INVALID')).toEqual(expectError(probeFree, 'SMS_CODE_INVALID'));

    input.smsCode = await t.requestSmsCode(input.mobile, 'REGISTER_PERSON', client);
    const refused = await client.request(REGISTER, { input });
    expectError(refused, 'CONFLICT', /证件号码已注册，请直接登录.*忘记密码/);
    // Telling it spent the code: testing another ID number needs another code (captcha, limits).
    const again = await client.request(REGISTER, { input: { ...input, idNumber: nextResidentId() } });
    expectError(again, 'SMS_CODE_INVALID');
  });

  it('a registered mobile asking for a code gets the same answer as a free one, and a notice instead of a code', async () => {
    const existing = await seedPerson(t);
    const client = t.client();
    const send = async (mobile: string) =>
      client.request<{ sendSmsCode: { mobileMasked: string; resendAfterSeconds: number } }>(SEND_SMS, {
        input: { mobile, purpose: 'REGISTER_PERSON', ...(await t.solveCaptcha(client)) },
      });
    const taken = await send(existing.mobile);
    const freeMobile = nextMobile();
    const free = await send(freeMobile);
    expect(taken.errors).toBeUndefined();
    expect(Object.keys(taken.data!.sendSmsCode)).toEqual(Object.keys(free.data!.sendSmsCode));
    expect(taken.data!.sendSmsCode.resendAfterSeconds).toBe(free.data!.sendSmsCode.resendAfterSeconds);
    expect(await t.latestSmsCode(existing.mobile)).toBeUndefined();
    expect(await t.latestSmsText(existing.mobile)).toMatch(/本手机号已注册.*忘记密码/);
    expect(await t.latestSmsCode(freeMobile)).toMatch(/^\d{6}$/);
  });
});
