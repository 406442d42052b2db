// Signing a demo account in through the sign-in page, as a person does it (the captcha read off
// the stack, as a person reads the picture).
import type { Page } from 'playwright-core';
import { signInByUi } from './browser';
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
export function signInPage(stack: Stack, page: Page, account: DemoAccount): Promise<void> {
  return signInByUi(
    stack,
    page,
    TABS[account.kind],
    async (p) => {
      switch (account.kind) {
        case 'PERSON':
          await p.getByLabel('身份证号/手机号').fill(account.mobile);
          break;
        case 'AGENT':
          await p.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
          await p.getByLabel('经办人手机号/身份证号').fill(account.mobile);
          break;
        case 'LEGAL_PERSON':
          await p.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
          break;
        case 'STAFF':
          await p.getByLabel('用户名').fill(account.username);
          break;
      }
    },
    DEMO_PASSWORD,
  );
}
