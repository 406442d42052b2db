// The reviewer's desk in a real browser (issue 10, items 8-10), as the unit's agent at 1366×768
// and on a 360 px phone: the queue pages (page size, total) and filters; a case shows every field
// in the applicant's words (no codes), the photo, 附件材料 and 单位公示表; the reviewer previews a
// proof file inline and decides without scrolling away from it (the preview and the decision
// panel both in the viewport); 上一件/下一件 walk the list; 批量送审 waits for a selection and
// confirms the count. Screenshots go to /tmp/shots-review (outside the repository).
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import {
  bindToDemoUnit,
  DEMO_APPLICANTS,
  DEMO_PASSWORD,
  DEMO_UNIT_CREDIT_CODE,
  demoAgent,
  demoStaff,
  files,
  ok,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const SHOTS = process.env.REVIEW_SHOTS_DIR ?? '/tmp/shots-review';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };

let stack: Stack;
let browser: Browser;
let ids: Record<string, string>;
beforeAll(async () => {
  stack = await startStack('browser_review_desk', { demoData: true });
  await stack.settleEvents();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  // 张伟 and 李娜 of the demo unit submit complete declarations (through the API).
  const agent = await demoAgent(stack);
  ids = {};
  for (const person of [DEMO_APPLICANTS.张伟, DEMO_APPLICANTS.李娜]) {
    const applicant = await signedIn(stack, { kind: 'PERSON', account: person.mobile });
    const unit = await bindToDemoUnit(stack, applicant, agent);
    ids[person.name] = await submittedTitleDeclaration(stack, applicant, unit.name, person);
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function agentPage(
  viewport: { width: number; height: number },
  problems: string[],
  staff?: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.origin}/`);
  if (staff) {
    await page.getByRole('tab', { name: '工作人员登录' }).click();
    await page.getByLabel('用户名').fill(staff);
  } else {
    await page.getByRole('tab', { name: '经办人登录' }).click();
    await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
    await page.getByLabel('经办人手机号/身份证号').fill('13700000011');
  }
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
  return page;
}

/** Wholly inside the window (not scrolled away, not cut off). */
async function inViewport(locator: Locator, viewport = DESKTOP): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
  );
}

const queueRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/** antd Select: open it by its label and pick the option with exactly this text, until it shows. */
async function choose(page: Page, label: string, option: string) {
  const shown = page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(`.ant-select-content[title="${option}"]`);
  for (let attempt = 1; ; attempt++) {
    await page.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator(`.ant-select-item-option[title="${option}"]`)
      .click();
    try {
      await shown.first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('the review desk', () => {
  it('queue: numbered pages with a page size and the total, filters in the address', async () => {
    const problems: string[] = [];
    const page = await agentPage(DESKTOP, problems);
    await page.goto(`${stack.origin}/unit/review/queue?state=PENDING&size=1`);
    await page.getByRole('heading', { name: '审核列表' }).waitFor();
    await page.getByText('第 1–1 条，共 2 条').waitFor();
    await expect(queueRows(page).count()).resolves.toBe(1);
    const firstName = await queueRows(page).first().locator('td').nth(0).textContent();
    await page.getByRole('listitem', { name: '2' }).click();
    await page.getByText('第 2–2 条，共 2 条').waitFor();
    await page.waitForURL(/page=2/);
    const other = firstName === '张伟' ? '李娜' : '张伟';
    expect(['张伟', '李娜']).toContain(firstName);
    await page.getByRole('cell', { name: other, exact: true }).waitFor();
    await expect(queueRows(page).count()).resolves.toBe(1);
    // A page size from the list goes back to page 1 with both.
    await page.locator('.ant-pagination-options .ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator('.ant-select-item-option[title="20 条/页"]')
      .click();
    await page.getByText('第 1–2 条，共 2 条').waitFor();
    // Filters: 申报系列 工程系列 keeps both; a name narrows to one; 重置 clears.
    await choose(page, '申报系列', '工程系列');
    await page.getByLabel('申报人姓名').fill('李');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/series=ENG/);
    await page.getByText('第 1–1 条，共 1 条').waitFor();
    await page.getByRole('cell', { name: '李娜', exact: true }).waitFor();
    await page
      .getByRole('cell', { name: /工程系列/ })
      .first()
      .waitFor();
    await page.getByLabel('提交日期').first().click();
    await page.getByLabel('提交日期').first().fill('2020-01-01');
    await page.locator('.ant-picker-range input').nth(1).fill('2020-01-02');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/to=2020-01-02/);
    await page.getByText('暂无数据').waitFor();
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByText('第 1–2 条，共 2 条').waitFor();
    await page.screenshot({ path: `${SHOTS}/queue-1366.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('case: the applicant’s words, the proofs beside their modules, preview and decide without scrolling away; 上一件/下一件', async () => {
    const problems: string[] = [];
    const page = await agentPage(DESKTOP, problems);
    await page.goto(`${stack.origin}/unit/review/queue?state=PENDING`);
    await page.getByText('第 1–2 条，共 2 条').waitFor();
    const names = (await queueRows(page).locator('td:first-child').allTextContents()).map((n) => n.trim());
    await page.getByRole('link', { name: `审核 ${names[0]}` }).click();
    await page.getByRole('heading', { name: `审核 · ${names[0]}` }).waitFor();

    // 上一件 / 下一件 of the list the reviewer came from.
    await expect(page.getByRole('button', { name: '上一件' }).isDisabled()).resolves.toBe(true);
    await page.getByText('第 1 / 2 件').waitFor();
    await page.getByRole('button', { name: `下一件：${names[1]}` }).click();
    await page.getByRole('heading', { name: `审核 · ${names[1]}` }).waitFor();
    await page.getByRole('button', { name: `上一件：${names[0]}` }).click();
    await page.getByRole('heading', { name: `审核 · ${names[0]}` }).waitFor();

    // Every field in the applicant's words: no codes.
    const material = page.getByRole('region', { name: '申报信息' });
    const basic = page.locator('#zc-module-BASIC_INFO');
    await basic.getByText('工程系列').waitFor();
    await basic.getByText('居民身份证').waitFor();
    await basic.getByText('高级工程师').waitFor();
    await basic.getByText('副高级').first().waitFor();
    const text = await material.innerText();
    for (const code of ['ENG', 'ENG.ME', 'DEPUTY_SENIOR', 'MALE', 'FEMALE', 'RESIDENT_ID', 'COMPETENT'])
      expect(text).not.toMatch(new RegExp(`(^|[^A-Z_.])${code.replace('.', '\\.')}([^A-Z_.]|$)`));
    // The photo, 附件材料 (身份证) and 单位公示表 are there.
    const photo = basic.getByRole('img', { name: '个人照片' });
    await photo.waitFor();
    await expect(
      photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).resolves.toBe(true);
    await page.getByRole('heading', { name: '附件材料' }).waitFor();
    await page.getByText('身份证正面.jpg').waitFor();
    await page.locator('#zc-module-UNIT_PUBLICITY').getByText('单位公示表.pdf').waitFor();
    await page
      .locator('#zc-module-UNIT_PUBLICITY')
      .getByRole('switch', { name: /此模块信息是否有误/ })
      .waitFor();

    // The education entry's proof previews inline, beside the entry.
    const education = page.locator('#zc-module-EDUCATION');
    await education.getByRole('button', { name: '预览 毕业证书.pdf' }).click();
    const preview = education.locator('iframe[title="毕业证书.pdf 预览"]');
    await preview.waitFor();
    await preview.scrollIntoViewIfNeeded();
    const src = (await preview.getAttribute('src'))!;
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        disposition: response.headers.get('content-disposition'),
        frame: response.headers.get('x-frame-options'),
      };
    }, src);
    expect(answer).toEqual({
      status: 200,
      disposition: expect.stringMatching(/^inline;/),
      frame: 'SAMEORIGIN',
    });
    // An image proof shows as an image.
    await page.getByRole('button', { name: '预览 身份证反面.png' }).click();
    // Decoded, not merely in the page (on a busy machine the picture arrives after the click).
    await expect(
      page
        .getByRole('region', { name: '身份证反面.png 预览' })
        .getByRole('img')
        .evaluate((img: HTMLImageElement) =>
          img.complete
            ? img.naturalWidth > 0
            : new Promise<boolean>((resolve) => {
                img.addEventListener('load', () => resolve(img.naturalWidth > 0), { once: true });
                img.addEventListener('error', () => resolve(false), { once: true });
              }),
        ),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: '收起预览 身份证反面.png' }).click();
    await preview.scrollIntoViewIfNeeded();

    // The decision panel is in view beside the preview; deciding does not scroll the page away.
    const panel = page.getByRole('complementary', { name: '审核操作' });
    const opinion = panel.getByLabel('审核意见', { exact: true });
    const submit = panel.getByRole('button', { name: /^提\s*交$/ });
    expect(await inViewport(preview)).toBe(true);
    expect(await inViewport(opinion)).toBe(true);
    expect(await inViewport(submit)).toBe(true);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(500); // the proof is far down the material
    await page.screenshot({ path: `${SHOTS}/case-1366-preview.png` });
    await panel.getByRole('radio', { name: '通过', exact: true }).check();
    await opinion.fill('材料齐全，同意推荐。');
    expect(await inViewport(preview)).toBe(true);
    await submit.click();
    await page.getByText(/已提交审核/).waitFor();
    expect(await inViewport(preview)).toBe(true);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(50);
    await page.screenshot({ path: `${SHOTS}/case-1366-decided.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/case-1366-top.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('批量送审 is disabled with nothing selected and confirmed with the count', async () => {
    const problems: string[] = [];
    const page = await agentPage(DESKTOP, problems);
    await page.goto(`${stack.origin}/unit/review/queue?state=AWAITING_FORWARD`);
    await page.getByRole('heading', { name: '批量送审' }).waitFor();
    const forward = page.getByRole('button', { name: '批量送审' });
    await page.getByText('第 1–1 条，共 1 条').waitFor();
    await expect(forward.isDisabled()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: /^选择 / }).check();
    await page.getByText('已选择 1 条').waitFor();
    await page.getByLabel('选择推荐报告/申报函文件').setInputFiles({
      name: '推荐报告.pdf',
      mimeType: 'application/pdf',
      buffer: files.pdf(),
    });
    await page.getByText('已上传：推荐报告.pdf').waitFor();
    await forward.click();
    const dialog = page.getByRole('dialog', { name: '确认批量送审' });
    await dialog.getByText(/将所选的 1 条申报/).waitFor();
    await dialog.getByRole('button', { name: '确认送审（1 条）' }).click();
    await page.getByText('已送审 1 条申报').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('on a 360 px phone: no horizontal scroll; the decision opens from a bottom bar', async () => {
    const problems: string[] = [];
    const page = await agentPage(PHONE, problems);
    await page.goto(`${stack.origin}/unit/review/queue?state=PENDING`);
    await page.getByText(/共 1 条/).waitFor();
    await page.screenshot({ path: `${SHOTS}/queue-360.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('link', { name: /^审核 / }).click();
    await page.getByRole('heading', { name: /^审核 · / }).waitFor();
    await page.locator('#zc-module-BASIC_INFO').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const bar = page.getByRole('region', { name: '审核操作' });
    expect(await inViewport(bar.getByRole('button', { name: '填写审核意见' }), PHONE)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/case-360.png` });
    await page.screenshot({ path: `${SHOTS}/case-360-full.png`, fullPage: true });
    await bar.getByRole('button', { name: '填写审核意见' }).click();
    const drawer = page.getByRole('dialog', { name: '审核意见' });
    await drawer.getByLabel('审核意见', { exact: true }).waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in
    expect(await inViewport(drawer.getByLabel('审核意见', { exact: true }), PHONE)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/case-360-drawer.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the committee records one result for the ticked cases, confirmed with the count', async () => {
    // The forwarded case passes the bureau (through the API).
    await stack.settleEvents();
    const bureau = await demoStaff(stack, 'bureau.province');
    const { reviewQueue } = await ok<{
      reviewQueue: { edges: Array<{ node: { declarationId: string; currentTask: { sequence: number } } }> };
    }>(
      bureau,
      `{ reviewQueue(state: PENDING) { edges { node { declarationId currentTask { sequence } } } } }`,
    );
    expect(reviewQueue.edges).toHaveLength(1);
    const { declarationId, currentTask } = reviewQueue.edges[0].node;
    await ok(
      bureau,
      `mutation($id: ID!, $seq: Int!) { decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: "同意提交评审。") { statusText } }`,
      { id: declarationId, seq: currentTask.sequence },
    );
    await stack.settleEvents();

    const problems: string[] = [];
    const page = await agentPage(DESKTOP, problems, 'committee.engineering');
    await page.goto(`${stack.origin}/bureau/committee/queue?state=PENDING`);
    await page.getByRole('heading', { name: '批量录入评审结果' }).waitFor();
    await page.getByText('第 1–1 条，共 1 条').waitFor();
    const record = page.getByRole('button', { name: '录入评审结果' });
    await expect(record.isDisabled()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: /^选择 / }).check();
    await page.getByText('已选择 1 条').waitFor();
    const panel = page.locator('form#committee-batch');
    await panel.getByRole('radio', { name: '通过', exact: true }).check();
    await panel.getByLabel('评审意见').fill('经评审委员会评议表决，同意通过。');
    await record.click();
    const dialog = page.getByRole('dialog', { name: '确认录入评审结果' });
    await dialog.getByText(/为所选的 1 条申报录入评审结果“通过”/).waitFor();
    await page.screenshot({ path: `${SHOTS}/committee-queue-1366.png` });
    await dialog.getByRole('button', { name: '确认录入（1 条）' }).click();
    await page.getByText('已为 1 条申报录入评审结果').waitFor();
    await page.getByText('暂无数据').waitFor();
    await stack.settleEvents();
    const { rows } = await stack.sql(`select phase from review.review_case where declaration_id = $1`, [
      declarationId,
    ]);
    expect(rows[0].phase).toBe('FINALLY_APPROVED');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
