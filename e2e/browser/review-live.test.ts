// Review followed live in a real browser with two browser contexts: the applicant (context 1) has
// a submitted declaration (set up through the API: binding, modules, files, submit) open on its
// page; the unit's agent (context 2) signs in through the shell. The unit returns the declaration
// with one flagged module and the applicant's page shows 被退回 within 2 s without a reload; the
// applicant changes only that module (the others read-only) and resubmits in the browser; then
// unit → bureau → committee pass and the applicant's page shows 终审通过 live, with the review record.
// Every reviewer acts in the browser: the unit (context 2) through unit-audit's 业务审核 pages,
// then the bureau (业务审核) and the committee (评审结果) in contexts of their own.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  bindToDemoUnit,
  DEMO_PASSWORD,
  DEMO_UNIT_CREDIT_CODE,
  demoAgent,
  files,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import type { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_review_live', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A fresh browser context (its own cookies and storage), collecting uncaught errors. */
async function openContext(problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

async function signIn(page: Page, tab: string, fill: (page: Page) => Promise<void>) {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: tab }).click();
  await fill(page);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}

/** A complete 正常职称申报, submitted through the API; answers its id. */
const submittedDeclaration = (applicant: GraphQLSession, unitName: string) =>
  submittedTitleDeclaration(stack, applicant, unitName);

const FLAG_EDUCATION = /^(教育经历|学历信息) 此模块信息是否有误$/;

/** From 业务审核: the matter with one declaration to review, then 张伟's audit page. */
async function openCase(page: Page) {
  await page.getByRole('heading', { name: '业务审核' }).waitFor();
  await expectAccessible(page, '业务审核 (notices)');
  await page
    .getByRole('link', { name: /待审 1$/ })
    .first()
    .click();
  await page.getByRole('link', { name: '审核 张伟' }).waitFor();
  await expectAccessible(page, '业务审核 (the queue)');
  await page.getByRole('link', { name: '审核 张伟' }).click();
  await page.getByRole('heading', { name: /审核 · 张伟/ }).waitFor();
  await expectAccessible(page, 'the case page');
}

function moduleLink(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: '申报模块' })
    .getByRole('menuitem', { name: new RegExp(`^${name}`) });
}

/** Marks the document; a reload (or a new document) loses the mark. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __zcNoReload: boolean }).__zcNoReload = true;
  });
const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __zcNoReload?: boolean }).__zcNoReload === true);

describe('review followed live by the applicant in a real browser', () => {
  it('unit returns one module → 被退回 live → fix only it and resubmit → unit → bureau → committee → 终审通过 live', async () => {
    const problems: string[] = [];

    // --- a submitted declaration, set up through the API ---------------------------------------
    const applicantApi = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
    const agentApi = await demoAgent(stack);
    const unit = await bindToDemoUnit(stack, applicantApi, agentApi);
    const id = await submittedDeclaration(applicantApi, unit.name);

    // --- context 1: the applicant opens the declaration's page ----------------------------------
    const applicant = await openContext(problems);
    await signIn(applicant, '个人登录', (page) => page.getByLabel('身份证号/手机号').fill('13800000001'));
    await applicant.goto(`${stack.origin}/applicant/declarations/${id}/done`);
    const status = applicant.locator('.zc-status-tag');
    await status.filter({ hasText: '已申报' }).waitFor();
    // 进度跟踪: the route's nodes with the unit reviewing; the record has the submission.
    const track = applicant.getByRole('table').filter({ hasText: '提交申报' });
    await track.getByRole('cell', { name: '申报人', exact: true }).waitFor();
    await applicant.getByText(`推荐单位：${unit.name}`).first().waitFor();
    await expectAccessible(applicant, 'the declaration with 进度跟踪');

    // --- context 2: the unit's agent signs in through the shell -----------------------------------
    const agent = await openContext(problems);
    await signIn(agent, '经办人登录', async (page) => {
      await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
      await page.getByLabel('经办人手机号/身份证号').fill('13700000011');
    });

    // --- the unit returns 教育经历: 被退回 on the applicant's page within 2 s, no reload -------------
    // The agent opens the case from 业务审核, marks 教育经历 as wrong and returns it to the applicant.
    await agent.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '业务审核' }).click();
    await openCase(agent);
    await agent.getByRole('switch', { name: FLAG_EDUCATION }).click();
    await agent.getByText(/已保存“(教育经历|学历信息)”的有误标记/).waitFor();
    await agent.getByRole('radio', { name: '退回修改' }).check();
    // 退回模块 is pre-selected from the marks; ticking it again is a no-op (and covers a form
    // that mounted before the mark was saved).
    await agent.getByRole('checkbox', { name: /^(教育经历|学历信息)$/ }).check();
    await agent.getByRole('radio', { name: '申请人' }).check();
    await agent.getByLabel('审核意见', { exact: true }).fill('毕业证书不清晰，请重新上传。');
    await mark(applicant);
    const returnedAt = Date.now();
    await agent.getByRole('button', { name: /^提\s*交$/ }).click();
    await agent.getByText(/已提交审核/).waitFor();
    await stack.settleEvents();
    await status
      .filter({ hasText: '被退回' })
      .waitFor({ timeout: Math.max(100, 2000 - (Date.now() - returnedAt)) });
    const returnLatency = Date.now() - returnedAt;
    expect(returnLatency).toBeLessThan(2000);
    expect(await stillSameDocument(applicant)).toBe(true);
    const notice = applicant.getByRole('alert').filter({ hasText: '毕业证书不清晰，请重新上传。' });
    await notice.getByText(`推荐单位：${unit.name}`).waitFor();
    await notice.getByText('教育经历 ×').waitFor();
    await expectAccessible(applicant, 'a returned declaration');
    // The record shows the return: level, organisation, reviewer, decision and opinion.
    const returnRow = applicant.getByRole('row').filter({ hasText: '退回修改' });
    await returnRow.getByText(unit.name).waitFor();
    await returnRow.getByText(/毕业证书不清晰/).waitFor();

    // --- the applicant changes only the flagged module and resubmits in the browser --------------
    await notice.getByRole('button', { name: /^编\s*辑$/ }).click();
    await applicant.waitForURL(/\/fill\?module=EDUCATION/);
    await applicant.getByRole('heading', { name: /教育经历/ }).waitFor();
    await moduleLink(applicant, '教育经历')
      .and(applicant.getByRole('menuitem', { name: /退回需修改/ }))
      .waitFor();
    // One marker per module: the flagged one does not also claim to be fine.
    await expect(moduleLink(applicant, '教育经历').textContent()).resolves.not.toMatch(/无问题|已完成/);
    // Opened without naming a module, a returned declaration shows its first flagged module.
    const reopened = await applicant.context().newPage();
    await reopened.goto(applicant.url().replace(/\?module=EDUCATION$/, ''));
    await reopened.getByRole('heading', { name: /教育经历/ }).waitFor();
    await expect(reopened.getByText('该模块未被退回部门勾选，不能修改。').count()).resolves.toBe(0);
    await reopened.close();
    // Another module is read-only: no 暂存, no 添加, the form disabled.
    await moduleLink(applicant, '工作经历').click();
    await applicant.getByText('该模块未被退回部门勾选，不能修改。').waitFor();
    await expect(applicant.getByRole('button', { name: '添加工作经历' }).count()).resolves.toBe(0);
    await expectAccessible(applicant, 'a module that was not returned');
    await moduleLink(applicant, '基本信息').click();
    await applicant.getByText('该模块未被退回部门勾选，不能修改。').waitFor();
    await expect(
      applicant.locator('form#basicInfo').getByLabel('姓名', { exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await expect(applicant.getByRole('button', { name: /^暂\s*存$/ }).count()).resolves.toBe(0);
    await expect(applicant.getByLabel('选择个人照片文件').count()).resolves.toBe(0);

    // 教育经历 is editable: a clearer certificate and a corrected school name.
    await moduleLink(applicant, '教育经历').click();
    await expect(applicant.getByText('该模块未被退回部门勾选，不能修改。').count()).resolves.toBe(0);
    await applicant.getByRole('button', { name: '编辑 教育经历第1条' }).click();
    const dialog = applicant.getByRole('dialog', { name: '编辑教育经历第1条' });
    await dialog.getByLabel('毕业学校').fill('吉林大学（重新核对）');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await applicant.getByText('已保存教育经历').waitFor();
    await applicant.getByLabel('选择教育经历第1条文件').setInputFiles({
      name: '毕业证书（清晰）.pdf',
      mimeType: 'application/pdf',
      buffer: files.pdf(),
    });
    await applicant.getByRole('link', { name: '毕业证书（清晰）.pdf' }).waitFor();

    await applicant
      .getByRole('button', { name: /附件上传/ })
      .first()
      .click();
    await applicant.getByText('数据验证通过，可以提交。').waitFor();
    await applicant.getByRole('checkbox', { name: /本人承诺/ }).check();
    await applicant.getByRole('button', { name: /^提\s*交$/ }).click();
    await applicant
      .getByRole('tooltip')
      .getByRole('button', { name: /^提\s*交$/ })
      .click();
    await applicant.waitForURL(/\/done$/);
    await status.filter({ hasText: '已申报' }).waitFor();
    await applicant.getByRole('row').filter({ hasText: '修改后重新提交' }).waitFor();
    const { rows: saved } = await stack.sql(
      `select count(*)::int as n from declaration.outbox_event where type = 'DeclarationSubmitted'`,
    );
    expect(saved[0].n).toBe(2);
    await stack.settleEvents(); // review reopens the unit's task

    // --- unit → bureau → committee pass; the applicant's page follows live ------------------------
    await mark(applicant);
    // The unit passes it in its audit page (待送审) and forwards it with the 推荐报告 (批量送审).
    await agent.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '业务审核' }).click();
    await openCase(agent);
    await agent.getByRole('radio', { name: '通过', exact: true }).check();
    await agent.getByLabel('审核意见', { exact: true }).fill('材料齐全，同意推荐。');
    await agent.getByRole('button', { name: /^提\s*交$/ }).click();
    await agent.getByText(/已提交审核/).waitFor();
    await agent.getByRole('link', { name: '返回列表' }).click();
    await agent.getByRole('tab', { name: /待送审/ }).click();
    await agent.getByRole('cell', { name: '张伟', exact: true }).waitFor();
    await agent.getByRole('row').filter({ hasText: '张伟' }).getByRole('checkbox').check();
    await agent.getByLabel('选择推荐报告/申报函文件').setInputFiles({
      name: '推荐报告.pdf',
      mimeType: 'application/pdf',
      buffer: files.pdf(),
    });
    await agent.getByText('已上传：推荐报告.pdf').waitFor();
    await expectAccessible(agent, '待送审 with the 推荐报告');
    await agent.getByRole('button', { name: '批量送审' }).click();
    await agent
      .getByRole('dialog', { name: '确认批量送审' })
      .getByRole('button', { name: '确认送审（1 条）' })
      .click();
    await agent.getByText('已送审 1 条申报').waitFor();
    await stack.settleEvents();
    await applicant.getByRole('row').filter({ hasText: '材料齐全，同意推荐。' }).waitFor({ timeout: 5000 });

    // The province bureau passes it in its own context (业务审核, as staff).
    const bureau = await openContext(problems);
    await signIn(bureau, '工作人员登录', (page) => page.getByLabel('用户名').fill('bureau.province'));
    await bureau.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '业务审核' }).click();
    await openCase(bureau);
    await bureau.getByRole('radio', { name: '通过', exact: true }).check();
    await bureau.getByLabel('审核意见', { exact: true }).fill('符合申报条件，同意提交评审。');
    await bureau.getByRole('button', { name: /^提\s*交$/ }).click();
    await bureau.getByText(/已提交审核/).waitFor();
    await stack.settleEvents();
    await applicant
      .getByRole('row')
      .filter({ hasText: '符合申报条件，同意提交评审。' })
      .waitFor({ timeout: 5000 });

    // 我的办件 in another tab of the applicant follows too: the row's status and its 进度跟踪.
    const items = await applicant.context().newPage();
    items.on('pageerror', (error) => problems.push(error.message));
    await items.goto(`${stack.origin}/applicant/items`);
    await items.getByRole('tab', { name: /办理中的办件 \(1\)/ }).click();
    await items
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await items.getByRole('row').filter({ hasText: '符合申报条件，同意提交评审。' }).last().waitFor();
    await expectAccessible(items, '我的办件');
    await mark(items);

    // The committee's secretary records 通过 in 评审结果 (its own context).
    const committee = await openContext(problems);
    await signIn(committee, '工作人员登录', (page) =>
      page.getByLabel('用户名').fill('committee.engineering'),
    );
    await committee
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '评审结果' })
      .click();
    await committee
      .getByRole('link', { name: /待审 1$/ })
      .first()
      .click();
    await committee.getByRole('link', { name: '评审结果 张伟' }).waitFor();
    await expectAccessible(committee, '评审结果 (the queue)');
    await committee.getByRole('link', { name: '评审结果 张伟' }).click();
    await committee.getByRole('radio', { name: '通过', exact: true }).waitFor();
    await expectAccessible(committee, '评审结果 (the case)');
    await committee.getByRole('radio', { name: '通过', exact: true }).check();
    await committee.getByLabel('评审意见').fill('经评审委员会评议，通过。');
    const passedAt = Date.now();
    await committee.getByRole('button', { name: /^提\s*交$/ }).click();
    await committee.getByText(/已录入评审结果/).waitFor();
    await stack.settleEvents();
    await status.filter({ hasText: '终审通过' }).waitFor({ timeout: 5000 }); // live; 被退回 carries the 2 s bound
    const finalLatency = Date.now() - passedAt;
    expect(await stillSameDocument(applicant)).toBe(true);
    const committeeRow = applicant.getByRole('row').filter({ hasText: '经评审委员会评议，通过。' });
    await committeeRow.getByText('吉林省工程系列高级职称评审委员会').waitFor();
    await committeeRow.getByText('终审通过').waitFor();
    // The common-opinion pages of the unit and the bureau.
    await agent.goto(`${stack.origin}/unit/opinions`);
    await agent.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(agent, '常用意见 (unit)');
    await bureau.goto(`${stack.origin}/bureau/opinions`);
    await bureau.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(bureau, '常用意见 (bureau)');

    // 我的办件 moved the row to 已办结 without a reload.
    await items.getByRole('tab', { name: /已办结的办件 \(1\)/ }).click({ timeout: 2000 });
    await items.getByRole('cell', { name: '终审通过', exact: true }).first().waitFor();
    expect(await stillSameDocument(items)).toBe(true);

    console.info(
      `被退回 shown ${returnLatency} ms after the return; 终审通过 ${finalLatency} ms after the result`,
    );
    expect(problems).toEqual([]);
  }, 300_000);
});
