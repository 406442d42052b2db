// 接口客户端 in a real browser: the unit's legal person creates a client (every problem shown at
// once, then the secret shown once), sees its last use after the system got a token, adds a
// webhook receiver (a private address is refused with a message saying why), reads the delivery
// log of a failing receiver and presses 重新投递, rotates the secret and revokes the client. axe on
// every state of the page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser, signInThroughPage } from '../support/browser';
import { bindToDemoUnit, DEMO_UNIT_CREDIT_CODE, demoAgent, signedIn } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
let receiver: http.Server;
let receiverUrl: string;
beforeAll(async () => {
  stack = await startStack('browser_api_clients', {
    demoData: true,
    identityEnv: {
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '0',
      WEBHOOK_POLL_MS: '600000',
    },
  });
  await stack.settleEvents();
  // A receiver that is down: every delivery answers 500.
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await stack?.stop();
});

const signInAsLegalPerson = (page: Page) =>
  signInThroughPage(page, stack, '法人登录', (p) =>
    p.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE),
  );

/** The secret dialog's value under `label`, then closes it with 我已保存. */
async function readSecret(page: Page, label: RegExp): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ hasText: '密钥只显示这一次' });
  await dialog.waitFor();
  const value = await dialog
    .locator('div', { has: page.getByText(label) })
    .last()
    .locator('code')
    .innerText();
  await expectAccessible(page, 'the secret shown once');
  await dialog.getByRole('button', { name: '我已保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return value.trim();
}

test('the legal person creates, watches, rotates and revokes a client and redelivers a webhook', async () => {
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await signInAsLegalPerson(page);

  await page.getByRole('link', { name: '接口客户端' }).first().click();
  await page.getByRole('heading', { name: '接口客户端' }).waitFor({ timeout: 15_000 });
  await page.getByText('暂无接口客户端').waitFor();
  await expectAccessible(page, '接口客户端 (empty)');

  // Every problem at once, then a client with two scopes.
  await page.getByRole('button', { name: '新建客户端' }).click();
  const form = page.getByRole('dialog', { name: '新建接口客户端' });
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await form.getByText('请填写客户端名称').first().waitFor();
  await form.getByText('请至少选择一项权限').first().waitFor();
  await expectAccessible(page, 'the new-client form with its problems');
  await form.getByLabel('客户端名称').fill('人事管理系统');
  await form.getByLabel(/查询申报及其状态/).check();
  await form.getByLabel(/查询本单位绑定申请/).check();
  await form.getByRole('button', { name: /保\s*存/ }).click();
  const clientId = await readSecret(page, /客户端编号/);
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

  const row = page.getByRole('row', { name: /人事管理系统/ });
  await row.getByText('从未使用').waitFor();

  // 更换密钥: the new secret, shown once; the system gets a token with it; 最近使用 appears.
  await row.getByRole('button', { name: '更换密钥' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  const rotated = await readSecret(page, /客户端密钥/);
  expect(rotated).toMatch(/^zcs_/);
  const token = await fetch(`${stack.origin}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${rotated}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  expect(token.status).toBe(200);
  await page.reload();
  await page.getByRole('heading', { name: '接口客户端' }).waitFor({ timeout: 15_000 });
  await expect(row.getByText('从未使用').count()).resolves.toBe(0);

  // A webhook receiver: a private address is refused with the reason; the local one is accepted.
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await page.getByRole('button', { name: '新增接收地址' }).click();
  const endpointForm = page.getByRole('dialog', { name: /新增接收地址/ });
  await endpointForm.getByLabel('接收地址').fill('https://192.168.1.20/hooks');
  await endpointForm.getByLabel(/绑定申请已审核/).check();
  await endpointForm.getByRole('button', { name: /保\s*存/ }).click();
  await endpointForm
    .getByText(/指向本机、内网或保留地址/)
    .first()
    .waitFor();
  await expectAccessible(page, 'the receiver form with a refused address');
  await endpointForm.getByLabel('接收地址').fill(receiverUrl);
  await endpointForm.getByRole('button', { name: /保\s*存/ }).click();
  const signing = await readSecret(page, /签名密钥/);
  expect(signing).toMatch(/^whsec_/);
  await page.getByText(receiverUrl).waitFor();

  // A binding decided → one delivery, which fails (500) and uses its one retry: 投递失败.
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  await bindToDemoUnit(stack, applicant, await demoAgent(stack));
  await stack.identity.webhooks.runOnce();
  await stack.identity.webhooks.runOnce();
  await page.reload();
  await page.getByRole('heading', { name: '接口客户端' }).waitFor({ timeout: 15_000 });
  await page
    .getByRole('row', { name: /人事管理系统/ })
    .getByRole('button', { name: /展开行|Expand row/ })
    .click();
  await page.getByText('投递失败').first().waitFor();
  await page.getByRole('button', { name: '投递记录' }).click();
  const log = page.getByRole('dialog', { name: /投递记录/ });
  await log.getByRole('cell', { name: '绑定申请已审核' }).waitFor();
  await log.getByRole('cell', { name: '接收方应答 HTTP 500' }).waitFor();
  await expectAccessible(page, 'the delivery log');
  await log.getByRole('button', { name: '重新投递' }).click();
  await page.getByText('已加入投递队列').waitFor();
  await log.getByText('待投递').waitFor();
  await log
    .getByRole('button', { name: 'Close' })
    .click()
    .catch(() => page.keyboard.press('Escape'));

  // 吊销: the client is revoked and its token refused.
  await page
    .getByRole('row', { name: /人事管理系统/ })
    .getByRole('button', { name: '吊销' })
    .click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page
    .getByRole('row', { name: /人事管理系统/ })
    .getByText('已吊销')
    .waitFor();
  await expectAccessible(page, '接口客户端 with a revoked client');
  expect(problems).toEqual([]);
  await context.close();
}, 180_000);

test('bureau staff manage their bureau’s clients in the bureau dashboard (no binding scope offered)', async () => {
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await signInThroughPage(page, stack, '工作人员登录', (p) => p.getByLabel('用户名').fill('bureau.city'));
  await page.getByRole('link', { name: '接口客户端' }).first().click();
  await page.getByRole('heading', { name: '接口客户端' }).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: '新建客户端' }).click();
  const form = page.getByRole('dialog', { name: '新建接口客户端' });
  await form.getByLabel(/查询申报及其状态/).waitFor();
  expect(await form.getByLabel(/查询本单位绑定申请/).count()).toBe(0);
  await form.getByLabel('客户端名称').fill('市局统计系统');
  await form.getByLabel(/核验证书/).check();
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '密钥只显示这一次' })
    .getByRole('button', { name: '我已保存' })
    .click();
  await page.getByRole('row', { name: /市局统计系统/ }).waitFor();
  await expectAccessible(page, '接口客户端 in the bureau dashboard');
  expect(problems).toEqual([]);
  await context.close();
}, 120_000);
