import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, seriousA11yViolations } from '../support/a11y';
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
    await expectNoSeriousA11yViolations(page, '首页 (applicant)');
    // An unknown address inside the signed-in frame: the shell's 404.
    await page.goto(`${stack.origin}/no/such/page`);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor({ timeout: 15000 });
    await expectNoSeriousA11yViolations(page, 'the 404 page');
    await page.getByRole('button', { name: '安全退出' }).click();
    await page.getByRole('tab', { name: '个人登录' }).waitFor();
    expect(problems).toEqual([]);
  });

  // Every page a person sees before signing in, in each of its forms, passes axe (issue 10 item 13).
  it('has no serious or critical accessibility violation on the public pages', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const pages: [string, string][] = [
      ['/sign-in?kind=PERSON', '用户登录'],
      ['/sign-in?kind=AGENT', '用户登录'],
      ['/sign-in?kind=LEGAL_PERSON', '用户登录'],
      ['/sign-in?kind=STAFF', '用户登录'],
      ['/register', '个人用户注册'],
      ['/register/unit', '法人用户注册'],
      ['/activate', '法人账号激活'],
      ['/recover?kind=PERSON', '找回密码'],
      ['/recover?kind=LEGAL_PERSON', '找回密码'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${stack.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 });
      expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toContain(heading);
      await page.getByRole('img', { name: '图形验证码图片' }).or(page.locator('form')).first().waitFor();
      await expectNoSeriousA11yViolations(page, path);
    }
    // The same pages' error states: a form sent empty shows every problem at once.
    await page.goto(`${stack.origin}/register`);
    await page
      .getByRole('button', { name: /注\s*册/ })
      .last()
      .click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await expectNoSeriousA11yViolations(page, '/register with its field errors');
    // The check can fail: antd's former link colour (#1677ff, 4.1:1) on white is reported.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.id = 'zc-contrast-probe';
      probe.style.color = '#1677ff';
      probe.style.background = '#ffffff';
      probe.textContent = '对比度不足的文字';
      document.querySelector('.ant-card-body')?.append(probe);
    });
    const found = await seriousA11yViolations(page);
    expect(found.find((v) => v.id === 'color-contrast')?.targets).toContain('#zc-contrast-probe');
    expect(problems).toEqual([]);
  });
});
