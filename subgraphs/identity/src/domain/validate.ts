import { Problems } from '@zhicheng/server-kit';
import { validateCreditCode, validateMobile, validateResidentId } from '@zhicheng/domain-codes';
import { IdType } from '../entities';
import { passwordProblems } from './passwords';

/** Field checks shared by registration, recovery and agent management; each adds to `problems`. */
export function checkName(problems: Problems, field: string, value: string, label = '姓名'): string {
  const name = value.trim();
  if (name.length < 2 || name.length > 50) problems.add(field, 'NAME_LENGTH', `${label}须为2-50个字符`);
  return name;
}

export function checkMobile(problems: Problems, field: string, value: string): string {
  const result = validateMobile(value);
  if (!result.ok) {
    problems.addAll(field, result.problems);
    return value.trim();
  }
  return result.normalised;
}

export function checkResidentId(problems: Problems, field: string, value: string): string {
  const result = validateResidentId(value);
  if (!result.ok) {
    problems.addAll(field, result.problems);
    return value.trim().toUpperCase();
  }
  return result.normalised;
}

export function checkIdNumber(problems: Problems, field: string, idType: IdType, value: string): string {
  if (idType === IdType.RESIDENT_ID) return checkResidentId(problems, field, value);
  const passport = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{5,17}$/.test(passport))
    problems.add(field, 'PASSPORT_FORMAT', '护照号码应为5-17位字母或数字');
  return passport;
}

export function checkCreditCode(problems: Problems, field: string, value: string): string {
  const result = validateCreditCode(value);
  if (!result.ok) {
    problems.addAll(field, result.problems);
    return value.trim().toUpperCase();
  }
  return result.normalised;
}

export function checkPassword(problems: Problems, field: string, password: string, personal: string[]): void {
  problems.addAll(field, passwordProblems(password, personal));
}

export function checkSmsCode(problems: Problems, field: string, value: string): string {
  const code = value.trim();
  if (!/^\d{6}$/.test(code)) problems.add(field, 'SMS_CODE_FORMAT', '短信验证码为6位数字');
  return code;
}
