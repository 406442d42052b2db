import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './flows';
import type { Stack } from './stack';

/** Debian's chromium, headless, with the flags this closed network needs (no background calls). */
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    // Say what to do rather than playwright's "executable doesn't exist" (tools/check-browser.mjs).
    throw new Error(
      `No Chromium at ${executablePath}. Install it with \`apt-get install -y chromium fonts-noto-cjk\` ` +
        '(Debian/Ubuntu, as root) or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What signInByUi needs of the stack: its origin and the captcha a person would read. */
interface SignInStack {
  origin: string;
  latestCaptcha(): Promise<{ answer: string }>;
}

/**
 * Signs in on the Chinese sign-in page as a person does: the tab, the account fields (`fill`),
 * the demo password and the captcha read off the picture; waits for 安全退出.
 */
export async function signInByUi(
  stack: SignInStack,
  page: Page,
  tab: string,
  fill: (page: Page) => Promise<void>,
  password: string,
): Promise<void> {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: tab }).click();
  await fill(page);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}

/** signInByUi with the demo accounts' password. */
export function signInThroughPage(
  page: Page,
  stack: Pick<Stack, 'origin' | 'latestCaptcha'>,
  tab: string,
  fill: (page: Page) => Promise<void>,
): Promise<void> {
  return signInByUi(stack, page, tab, fill, DEMO_PASSWORD);
}
