// 统计分析 in a real browser: the province bureau opens the page from the menu, filters by the
// demo title notice and reads 已申报 in the status table; 张伟 then submits a declaration (through
// the API, as the wizard does) and 刷新 shows the count one higher. The charts are drawn by the one
// ECharts the import map serves; every view passes axe; CSV and Excel exports carry the figures.
// Screenshots go to /tmp/shots-statistics.
import { inflateRawSync } from 'node:zlib';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  bindToDemoUnit,
  DEMO_PASSWORD,
  demoAgent,
  ok,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const SHOTS = '/tmp/shots-statistics';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_statistics', { demoData: true });
  await stack.settleEvents();
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signInStaff(page: Page, username: string) {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: '工作人员登录' }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}

/** The 已申报 count in the 按申报状态 table (shown as a table, the chart's text alternative). */
async function submittedCount(page: Page): Promise<string> {
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '按申报状态' }) });
  const row = card.getByRole('row').filter({ has: page.getByRole('cell', { name: '已申报', exact: true }) });
  return (await row.getByRole('cell').nth(1).textContent())?.trim() ?? '';
}

/** Waits until `read` answers `expected` (the page refetches and redraws on its own time). */
async function until(read: () => Promise<string>, expected: string, ms = 10_000) {
  let last = '';
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    last = await read().catch(() => '');
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toBe(expected);
}

/** Every entry's text of an .xlsx (a zip of XML files), read with the ZIP's local headers. */
function xlsxText(bytes: Buffer): string {
  let text = '';
  for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50;) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const start = at + 30 + nameLength + extra;
    const body = bytes.subarray(start, start + size);
    text += (method === 8 ? inflateRawSync(body) : body).toString('utf8');
    at = start + size;
  }
  return text;
}

test('a submitted declaration raises the notice’s 已申报 count; charts, tables and exports agree', async () => {
  const zhang = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const unit = await bindToDemoUnit(stack, zhang, await demoAgent(stack));
  const { notices } = await ok<{ notices: Array<{ id: string; title: string }> }>(
    zhang,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id title } }`,
  );

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const echartsLoads: string[] = [];
  page.on('request', (request) => {
    if (/\/vendor\/echarts-[^/]+\.js$/.test(request.url())) echartsLoads.push(request.url());
  });
  await signInStaff(page, 'bureau.province');
  await page.getByRole('menuitem', { name: '统计分析' }).click();
  await page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();

  await page.getByLabel('申报通知').click();
  // antd lists the options in a virtual list of its own (role option is only its a11y mirror).
  await page.locator(`.ant-select-item-option[title="${notices[0].title}"]`).click();
  // Charts first: drawn on a canvas inside an image labelled with the figures.
  const chart = page.getByRole('img', { name: /^按申报状态：/ });
  await chart.locator('canvas').waitFor();
  await expectNoSeriousA11yViolations(page, '统计分析 (charts)');
  await page.getByRole('radiogroup', { name: '按申报状态：显示方式' }).getByText('表格').click();
  await until(() => submittedCount(page), '0');
  await expectNoSeriousA11yViolations(page, '统计分析 (table)');

  await submittedTitleDeclaration(stack, zhang, unit.name);
  await page.getByRole('button', { name: /刷\s*新/ }).click();
  await until(() => submittedCount(page), '1');
  expect(await page.locator('.ant-statistic').filter({ hasText: '申报总数' }).textContent()).toBe(
    '申报总数1',
  );

  await page.screenshot({ path: `${SHOTS}/statistics.png`, fullPage: true });

  // One ECharts for the page, from the import map's vendor module.
  expect(echartsLoads).toHaveLength(1);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^统计分析_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = await readFile((await csv.path())!, 'utf8');
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  expect(csvText).toContain('申报状态,数量\r\n已申报,1\r\n');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = xlsxText(await readFile((await xlsx.path())!));
  expect(workbook).toContain('按申报状态');
  expect(workbook).toContain('已申报');
  expect(problems).toEqual([]);
  await context.close();
});
