import argon2 from 'argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

// OWASP's argon2id baseline: 19 MiB, 2 passes. Strong enough, and sign-in stays fast on 2 cores.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-that-never-matches');
  return decoyHash;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's "safely unguessable" (about 10^8 guesses or more): refuses common and guessable passwords. */
const MIN_SCORE = 3;

export const PASSWORD_RULE_TEXT = `密码至少${PASSWORD_MIN_LENGTH}个字符（最多${PASSWORD_MAX_LENGTH}个，可用空格和中文），不能是常见密码，也不能由姓名、手机号、证件号码等个人信息组成；建议用几个不相关的词组成一句容易记住的短语`;

// One estimator for the process: the common-password dictionary and keyboard layouts are large.
let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  }));

/** Why zxcvbn found it guessable, in words a person can act on. */
const WEAKNESS: Record<string, string> = {
  dictionary: '是常见密码或常见单词（含大小写、符号替换的变形）',
  spatial: '是键盘上相邻按键的序列',
  repeat: '含有重复的字符或片段',
  sequence: '含有连续的字母或数字（如 abcd、1234）',
  regex: '含有年份等容易猜到的部分',
  date: '含有日期',
};

/** The person's own data, and the parts of it people put in passwords (birth date, last digits). */
function personalParts(values: string[]): string[] {
  const parts = new Set<string>();
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    if (!value) continue;
    parts.add(value);
    if (/^\d{17}[\dx]$/.test(value)) {
      parts.add(value.slice(6, 14)); // birth date yyyymmdd
      parts.add(value.slice(8, 14)); // yymmdd
      parts.add(value.slice(-6));
    }
    if (/^1\d{10}$/.test(value)) parts.add(value.slice(-8));
  }
  return [...parts];
}

/**
 * The password policy after NIST SP 800-63B §5.1.1: at least 8 characters (up to 128, any
 * printable Unicode including spaces), no composition rules, and not a common, dictionary-based
 * or otherwise guessable password, nor one built from the account's own data (name, mobile, ID
 * number, credit code, user name), as zxcvbn-ts estimates it. Returns every problem (empty when
 * acceptable).
 */
export function passwordProblems(
  password: string,
  personalValues: string[] = [],
): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'PASSWORD_TOO_SHORT',
      message: `密码至少需要${PASSWORD_MIN_LENGTH}个字符，请加长；可以用几个词组成的短语`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ code: 'PASSWORD_TOO_LONG', message: `密码不能超过${PASSWORD_MAX_LENGTH}个字符` });
  }
  if (/[\p{Cc}\p{Cs}\p{Cn}]/u.test(password)) {
    problems.push({
      code: 'PASSWORD_CHARACTERS',
      message: '密码含有无法输入或显示的控制字符，请只用可见字符和空格',
    });
  }
  if (problems.length > 0) return problems;

  const personal = personalParts(personalValues);
  const lowered = password.toLowerCase();
  const personalMessage =
    '密码不能包含您的姓名、手机号、证件号码、出生日期等个人信息，别人很容易猜到，请换一个';
  if (personal.some((value) => value.length >= 6 && lowered.includes(value))) {
    problems.push({ code: 'PASSWORD_PERSONAL', message: personalMessage });
  }
  const result = strength().check(password, personal);
  if (result.score < MIN_SCORE) {
    const fromPersonal = result.sequence.some((match) => match.dictionaryName === 'userInputs');
    if (fromPersonal) {
      if (problems.length === 0) problems.push({ code: 'PASSWORD_PERSONAL', message: personalMessage });
    } else {
      const reasons = [...new Set(result.sequence.map((match) => WEAKNESS[match.pattern]).filter(Boolean))];
      problems.push({
        code: 'PASSWORD_WEAK',
        message: `密码太容易被猜到${reasons.length ? `（${reasons.join('；')}）` : ''}，请换一个更长、不常见的密码，例如由几个不相关的词组成的短语`,
      });
    }
  }
  return problems;
}
