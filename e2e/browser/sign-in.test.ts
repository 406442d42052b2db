import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_sign_in', { demoData: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Types the captcha the way a person reads it off the picture. */
async function fillCaptcha(page: Page) {
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
}

describe('shell in a real browser', () => {
  it('signs a demo applicant in, shows their name, and signs out', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The shell's Content-Security-Policy must let the real page run (issue 8, hole 11): any
    // violation (a blocked script, style, image or connection) fails the test.
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    await page.goto(`${stack.origin}/`);

    await page.getByRole('tab', { name: '个人登录' }).click();
    await page.getByLabel('身份证号/手机号').fill('13800000001');
    await page.getByLabel('密码', { exact: true }).fill('Zc@demo2026');
    await fillCaptcha(page);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();

    await page.getByText('欢迎，张伟').waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: '安全退出' }).click();
    await page.getByRole('tab', { name: '个人登录' }).waitFor();
    expect(problems).toEqual([]);
  });
});
