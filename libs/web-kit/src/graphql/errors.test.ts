/// <reference types="jest" />
import {
  errorCodeOf,
  errorMessage,
  fieldErrorsOf,
  fieldProblemsOf,
  isNetworkError,
  normaliseFieldPath,
  problemsOf,
  type Translate,
} from './errors';

// urql's CombinedError, by shape.
function combined(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return {
    name: 'CombinedError',
    message: errors[0]?.message ?? '',
    graphQLErrors: errors,
    networkError: undefined,
  };
}

const badInput = combined({
  message: '填写的信息有误',
  extensions: {
    code: 'BAD_USER_INPUT',
    fields: [
      { field: 'input.mobile', code: 'MOBILE_INVALID', message: '手机号格式不正确' },
      { field: 'idNumber', code: 'ID_CHECK_DIGIT', message: '身份证号校验位错误' },
      { field: 'input.unknownThing', code: 'X', message: '其他问题' },
      { field: 'input.mobile', code: 'MOBILE_TAKEN', message: '该手机号已注册' },
      { nonsense: true },
    ],
  },
});

const noTranslations: Translate = () => undefined;
const english: Translate = (key, values) =>
  ({
    'errors.INVALID_CREDENTIALS': 'Wrong account or password.',
    'errors.ACCOUNT_LOCKED': `Locked; retry in ${String(values?.minutes)} min.`,
    'errors.NETWORK': 'Offline.',
    'fieldErrors.MOBILE_INVALID': 'Invalid mobile number.',
  })[key];

describe('fieldProblemsOf', () => {
  it('reads every well-formed entry of extensions.fields', () => {
    expect(fieldProblemsOf(badInput)).toEqual([
      { field: 'input.mobile', code: 'MOBILE_INVALID', message: '手机号格式不正确' },
      { field: 'idNumber', code: 'ID_CHECK_DIGIT', message: '身份证号校验位错误' },
      { field: 'input.unknownThing', code: 'X', message: '其他问题' },
      { field: 'input.mobile', code: 'MOBILE_TAKEN', message: '该手机号已注册' },
    ]);
  });

  it('ignores errors of other codes', () => {
    expect(fieldProblemsOf(combined({ message: 'x', extensions: { code: 'CONFLICT', fields: [] } }))).toEqual(
      [],
    );
  });
});

describe('normaliseFieldPath', () => {
  it('drops the input argument and turns indexes into path segments', () => {
    expect(normaliseFieldPath('input.mobile')).toBe('mobile');
    expect(normaliseFieldPath('input.education[1].school')).toBe('education.1.school');
    expect(normaliseFieldPath('name')).toBe('name');
  });
});

describe('problemsOf', () => {
  const placement = {
    knownFields: new Set(['mobile', 'account', 'captcha']),
    aliases: { idNumber: 'account' },
  };

  it('maps BAD_USER_INPUT fields onto form fields and keeps the rest for the summary only', () => {
    expect(problemsOf(badInput, placement, noTranslations)).toEqual([
      { field: 'mobile', message: '手机号格式不正确' },
      { field: 'account', message: '身份证号校验位错误' },
      { field: undefined, message: '其他问题' },
      { field: 'mobile', message: '该手机号已注册' },
    ]);
  });

  it('translates field problems by code when a translation exists', () => {
    expect(problemsOf(badInput, placement, english)[0]).toEqual({
      field: 'mobile',
      message: 'Invalid mobile number.',
    });
  });

  it('ties a coded error to its field', () => {
    const error = combined({ message: '验证码错误', extensions: { code: 'CAPTCHA_INVALID' } });
    expect(
      problemsOf(error, { ...placement, codeFields: { CAPTCHA_INVALID: 'captcha' } }, noTranslations),
    ).toEqual([{ field: 'captcha', message: '验证码错误' }]);
  });
});

describe('fieldErrorsOf', () => {
  it('groups messages per field in the shape of form.setFields', () => {
    const problems = problemsOf(badInput, { knownFields: new Set(['mobile']) }, noTranslations);
    expect(fieldErrorsOf(problems)).toEqual([
      { name: 'mobile', errors: ['手机号格式不正确', '该手机号已注册'] },
    ]);
  });
});

describe('errorMessage', () => {
  it('translates generic codes', () => {
    const error = combined({ message: '账号或密码错误', extensions: { code: 'INVALID_CREDENTIALS' } });
    expect(errorMessage(error, english)).toBe('Wrong account or password.');
  });

  it('passes retryAfterSeconds to the translation', () => {
    const error = combined({
      message: '账号已锁定',
      extensions: { code: 'ACCOUNT_LOCKED', retryAfterSeconds: 600 },
    });
    expect(errorMessage(error, english)).toBe('Locked; retry in 10 min.');
  });

  it("falls back to the server's Chinese message", () => {
    const error = combined({ message: '该单位已注册', extensions: { code: 'SOMETHING_NEW' } });
    expect(errorMessage(error, english)).toBe('该单位已注册');
  });

  it("keeps the server's message for codes whose message names the specific problem", () => {
    const error = combined({ message: '该手机号已被其他经办人使用', extensions: { code: 'CONFLICT' } });
    expect(errorMessage(error, english)).toBe('该手机号已被其他经办人使用');
  });

  it('recognises network failures', () => {
    const error = { graphQLErrors: [], networkError: new Error('Failed to fetch') };
    expect(isNetworkError(error)).toBe(true);
    expect(errorMessage(error, english)).toBe('Offline.');
    expect(errorCodeOf(error)).toBeUndefined();
  });
});
