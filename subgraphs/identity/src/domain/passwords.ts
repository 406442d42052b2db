import argon2 from 'argon2';

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

export const PASSWORD_RULE_TEXT = '密码须为8-32位，且包含大写字母、小写字母、数字、特殊符号中的至少三种';

/**
 * The password policy: 8–32 characters, three of four character classes, and not the
 * account's own ID number or mobile. Returns every problem (empty when acceptable).
 */
export function passwordProblems(
  password: string,
  personalValues: string[] = [],
): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 8 || password.length > 32 || classes < 3) {
    problems.push({ code: 'PASSWORD_WEAK', message: PASSWORD_RULE_TEXT });
  }
  const lowered = password.toLowerCase();
  if (personalValues.some((value) => value.length >= 6 && lowered.includes(value.toLowerCase()))) {
    problems.push({ code: 'PASSWORD_PERSONAL', message: '密码不能包含证件号码或手机号' });
  }
  return problems;
}
