// Signing a demo account in through the sign-in page, as a person does it (the captcha read off
// the stack, as a person reads the picture).
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_UNIT_CREDIT_CODE } from './flows';
import type { Stack } from './stack';

export type DemoAccount =
  | { kind: 'PERSON'; mobile: string }
  | { kind: 'AGENT'; mobile: string }
  | { kind: 'LEGAL_PERSON' }
  | { kind: 'STAFF'; username: string };

const TABS: Record<DemoAccount['kind'], string> = {
  PERSON: '个人登录',
  AGENT: '经办人登录',
  LEGAL_PERSON: '法人登录',
  STAFF: '工作人员登录',
};

/** Signs the account in on this page and waits for the signed-in frame (安全退出). */
export async function signInPage(stack: Stack, page: Page, account: DemoAccount): Promise<void> {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: TABS[account.kind] }).click();
  await page.getByRole('tab', { name: TABS[account.kind], selected: true }).waitFor();
  switch (account.kind) {
    case 'PERSON':
      await page.getByLabel('身份证号/手机号').fill(account.mobile);
      break;
    case 'AGENT':
      await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
      await page.getByLabel('经办人手机号/身份证号').fill(account.mobile);
      break;
    case 'LEGAL_PERSON':
      await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
      break;
    case 'STAFF':
      await page.getByLabel('用户名').fill(account.username);
      break;
  }
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  await page.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}
