// 通知管理 in a real browser (issue 11 items 1–3): the province bureau creates a notice for a
// channel with its own form — one module turned off, one attachment row added — previews it as
// the applicant's wizard will render it and publishes it; an applicant then sees exactly that form
// (the module list without the turned-off module, the extra attachment row), declares and submits.
// The notice's route comes from the channel and fixes no organisation, so jurisdiction decides:
// after the unit passes and forwards it, the declaration waits in 长春's bureau (the unit is in
// 长春市本级), not the province's, and 长春's 统计分析 counts it under the notice (issue 11's
// done-when).
// The 申报通道 page lists channels and refuses to retire one that open notices use.
import { demoOrganisationId } from '@zhicheng/server-kit';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  DEMO_PASSWORD,
  TITLE_CATALOGUE_FILES,
  bindToDemoUnit,
  completeTitleModules,
  demoAgent,
  demoStaff,
  files,
  ok,
  signedIn,
  unitPassesAndForwards,
  uploadToDeclaration,
} from '../support/flows';
import { signInPage } from '../support/sign-in-page';
import { startStack, type Stack } from '../support/stack';

const TITLE = '关于开展2026年度乡村振兴专项职称评审工作的通知';
const EXTRA_ROW = '乡村振兴服务证明';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_notice_management', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function staffPage(username: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await signInPage(stack, page, { kind: 'STAFF', username });
  return page;
}

/** Picks an option of an antd select by its label; tried again when a busy machine drops the click. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  for (let attempt = 1; ; attempt++) {
    await scope.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .last()
      .locator('.ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
    try {
      await scope.locator(`.ant-select-content[title*="${option}"]`).first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The module list of the wizard (and of the preview): the names in order. */
async function moduleNames(scope: Locator): Promise<string[]> {
  const items = scope
    .getByRole('navigation', { name: '申报模块' })
    .locator('.zc-module-nav-item > span:first-child');
  await items.first().waitFor();
  return (await items.allTextContents()).map((text) =>
    text
      .replace(/^\*\s*/, '')
      .replace(/（.*）$/, '')
      .trim(),
  );
}

describe('notice management', () => {
  let noticeId: string;
  let bureau: Page;
  const problems: string[] = [];
  const year = new Date().getFullYear();

  it('the bureau opens 通知管理 and starts a notice: channel, title, window in Beijing time, formatted notes', async () => {
    bureau = await staffPage('bureau.province', problems);
    await bureau.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '通知管理' }).click();
    await bureau.getByRole('heading', { name: '通知管理' }).waitFor();
    await bureau
      .getByRole('cell', { name: '关于开展2026年度全省专业技术职称评审工作的通知（正常职称申报）' })
      .waitFor();
    await expectAccessible(bureau, '通知管理');

    await bureau.getByRole('button', { name: '新建通知' }).click();
    await bureau.getByRole('heading', { name: '新建通知' }).waitFor();
    await choose(bureau, bureau, '申报通道', '正常职称申报');
    await bureau.getByLabel('通知名称', { exact: true }).fill(TITLE);
    // The window in Beijing time; the browser runs in UTC here, so 09:00 is stored as 01:00Z.
    const opens = `${year - 1}-12-01 09:00`;
    const closes = `${year + 1}-12-31 17:00`;
    for (const [label, value] of [
      ['申报开始时间', opens],
      ['申报截止时间', closes],
    ]) {
      const input = bureau.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(value);
      await input.press('Enter');
      await bureau.locator(`input[value="${value}"]`).waitFor();
    }
    const notes = bureau.getByRole('textbox', { name: '申报注意事项' });
    await notes.click();
    await bureau.getByRole('button', { name: '加粗' }).click();
    await bureau.keyboard.type('请如实填写');
    await bureau.getByRole('button', { name: '加粗' }).click();
    await bureau.keyboard.type('，材料须真实有效。');
    await expectAccessible(bureau, '新建通知 基本信息');
  });

  it('takes the channel’s route, and a form with one module off and one attachment row added', async () => {
    await bureau.getByRole('tab', { name: '适用范围与审核流程' }).click();
    // The channel's route is filled in: 推荐单位 → 主管部门 → 人社部门 → 评委会.
    await expect(bureau.getByRole('checkbox', { name: '评委会' }).isChecked()).resolves.toBe(true);
    await expectAccessible(bureau, '新建通知 适用范围与审核流程');

    await bureau.getByRole('tab', { name: '申报表单' }).click();
    await bureau.getByRole('switch', { name: '启用专业获奖' }).click();
    await expect(bureau.getByRole('switch', { name: '启用专业获奖' }).isChecked()).resolves.toBe(false);
    await bureau.getByRole('button', { name: '添加附件' }).click();
    const rowName = bureau.getByLabel(/^第\d+行材料名称$/).last();
    await rowName.fill(EXTRA_ROW);
    await expectAccessible(bureau, '新建通知 申报表单');
  });

  it('previews the form as the wizard renders it, then publishes it', async () => {
    await bureau.getByRole('tab', { name: '预览' }).click();
    const preview = bureau.locator('.zc-form-preview');
    const previewModules = await moduleNames(preview);
    expect(previewModules).not.toContain('专业获奖');
    expect(previewModules).toEqual(expect.arrayContaining(['基本信息', '教育经历', '年度考核']));
    await preview.getByRole('cell', { name: EXTRA_ROW, exact: true }).waitFor();
    await expectAccessible(bureau, '新建通知 预览');

    await bureau.getByRole('button', { name: /^发\s*布$/ }).click();
    await bureau.getByRole('heading', { name: '通知管理' }).waitFor();
    const row = bureau.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('申报中').waitFor();
    await row.getByText(`${year - 1}-12-01 09:00`).waitFor();
    expect(problems).toEqual([]);

    const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
    const { notices } = await ok<{
      notices: Array<{ id: string; title: string; opensAt: string; notes: string }>;
    }>(applicant, `{ notices(openOnly: true) { id title opensAt notes } }`);
    const created = notices.find((n) => n.title === TITLE)!;
    expect(created.opensAt).toBe(new Date(`${year - 1}-12-01T01:00:00.000Z`).toISOString());
    expect(created.notes).toBe('<strong>请如实填写</strong>，材料须真实有效。');
    noticeId = created.id;

    // The editor names no organisation for any route level: review gives each to the organisation
    // with jurisdiction when a declaration is submitted (the 评委会 by its remit: series, level,
    // specialty, region — checked below).
    const { rows } = await stack.sql(`select route from declaration.notice where id = $1`, [noticeId]);
    const route = rows[0].route as Array<{ level: string; organisationId?: string | null }>;
    expect(route.map((level) => [level.level, level.organisationId ?? null])).toEqual([
      ['UNIT', null],
      ['DEPARTMENT', null],
      ['BUREAU', null],
      ['COMMITTEE', null],
    ]);
  });

  let draftId: string;
  it('an applicant declares under it: the modules without the one turned off, a file in the new row', async () => {
    const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
    const unit = await bindToDemoUnit(stack, applicant, await demoAgent(stack));
    const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
      applicant,
      `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
      { n: noticeId },
    );
    const { awards: _awards, ...modules } = completeTitleModules(unit.name) as Record<string, unknown>;
    const { saveDeclaration: saved } = await ok<{
      saveDeclaration: { version: number; modules: { education: Array<{ id: string }> } };
    }>(
      applicant,
      `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
        saveDeclaration(id: $id, expectedVersion: $v, input: $input) { version modules { education { id } } } }`,
      { id: draft.id, v: draft.version, input: modules },
    );
    const uploads: Array<[Record<string, string>, string, () => Buffer, string]> = [
      ...TITLE_CATALOGUE_FILES,
      [{ kind: 'CATALOGUE', code: 'EXTRA_1' }, '服务证明.pdf', files.pdf, 'application/pdf'],
      [
        { kind: 'ENTRY', module: 'EDUCATION', entryId: saved.modules.education[0].id },
        '毕业证书.pdf',
        files.pdf,
        'application/pdf',
      ],
    ];
    for (const [slot, name, bytes, type] of uploads) {
      const stored = await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type);
      if (stored.status !== 201) throw new Error(`upload of ${name} refused: ${JSON.stringify(stored.body)}`);
    }
    draftId = draft.id;
  });

  it('the applicant sees exactly that form in the wizard and submits', async () => {
    const draft = { id: draftId };
    // The applicant's browser, signed in through the page.
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.origin}/`);
    await page.getByRole('tab', { name: '个人登录' }).click();
    await page.getByLabel('身份证号/手机号').fill('13800000001');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
    await page.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });

    await page.goto(`${stack.origin}/applicant/declarations/${draft.id}/fill`);
    const wizardModules = await moduleNames(page.locator('body'));
    expect(wizardModules).not.toContain('专业获奖');
    expect(wizardModules).toEqual(expect.arrayContaining(['基本信息', '教育经历', '年度考核']));

    await page.goto(`${stack.origin}/applicant/declarations/${draft.id}/attachments`);
    await page.getByRole('cell', { name: EXTRA_ROW, exact: true }).waitFor();
    await page.getByRole('link', { name: '服务证明.pdf' }).waitFor();
    await page.getByText('数据验证通过，可以提交。').waitFor();
    await expectAccessible(page, '附件上传 (the bureau’s form)');
    await page.getByRole('checkbox', { name: /本人承诺/ }).check();
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^提\s*交$/ })
      .click();
    await page.getByRole('heading', { name: '提交完成' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('the unit forwards it and it reaches 长春’s bureau by jurisdiction, not the province’s', async () => {
    await stack.settleEvents(); // review opens the unit's task on DeclarationSubmitted
    await unitPassesAndForwards(stack, await demoAgent(stack), draftId);
    const problems: string[] = [];
    const city = await staffPage('bureau.city', problems);
    await city.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '业务审核' }).click();
    await city.getByRole('heading', { name: '业务审核' }).waitFor();
    await expectAccessible(city, '业务审核 (长春市)');
    await city.getByRole('link', { name: `${TITLE} 待审 1` }).click();
    await city.getByRole('link', { name: '审核 张伟' }).waitFor();
    await expectAccessible(city, '业务审核 (长春市, the notice’s queue)');
    await city.getByRole('link', { name: '审核 张伟' }).click();
    await city.getByRole('heading', { name: /审核 · 张伟/ }).waitFor();
    expect(problems).toEqual([]);

    // The province bureau (the editor's route named no organisation) neither queues nor sees it.
    const province = await demoStaff(stack, 'bureau.province');
    const { reviewQueue } = await ok<{ reviewQueue: { edges: Array<{ node: { declarationId: string } }> } }>(
      province,
      `{ reviewQueue(state: PENDING) { edges { node { declarationId } } } }`,
    );
    expect(reviewQueue.edges.map((e) => e.node.declarationId)).not.toContain(draftId);
    const cityCase = await ok<{
      reviewCase: {
        currentTask: { level: string; organisationName: string };
        progress: Array<{ level: string; organisationId: string }>;
      };
    }>(
      await demoStaff(stack, 'bureau.city'),
      `query($id: ID!) { reviewCase(declarationId: $id) {
        currentTask { level organisationName } progress { level organisationId } } }`,
      { id: draftId },
    );
    expect(cityCase.reviewCase.currentTask).toEqual({
      level: 'BUREAU',
      organisationName: '长春市人力资源和社会保障局',
    });
    // …and the 评委会 is the one whose remit takes 高级工程师 (工程系列, 副高级) for 长春.
    expect(cityCase.reviewCase.progress.find((node) => node.level === 'COMMITTEE')?.organisationId).toBe(
      demoOrganisationId('engineering'),
    );
    await city.context().close();
  });

  it('长春’s 统计分析, filtered by the new notice, counts it', async () => {
    const problems: string[] = [];
    const city = await staffPage('bureau.city', problems);
    await city.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '统计分析' }).click();
    await city.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
    await city.getByLabel('申报通知').click();
    await city.locator(`.ant-select-item-option[title="${TITLE}"]`).click();
    // The card refetches for the chosen notice on its own time: wait for the figure.
    const total = city.locator('.ant-statistic').filter({ hasText: /^申报总数\s*1$/ });
    await total.waitFor({ timeout: 10_000 });
    expect(await total.textContent()).toBe('申报总数1');
    await expectAccessible(city, '统计分析 (长春市, the new notice)');
    expect(problems).toEqual([]);
    await city.context().close();
  });

  it('the 申报通道 page lists channels and refuses to retire one that open notices use', async () => {
    const problems: string[] = [];
    const bureau = await staffPage('bureau.province', problems);
    await bureau.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '申报通道' }).click();
    await bureau.getByRole('heading', { name: '申报通道管理' }).waitFor();
    await bureau.getByRole('cell', { name: '正常职称申报', exact: true }).waitFor();
    await expectAccessible(bureau, '申报通道管理');
    await bureau.getByRole('button', { name: '停用 正常职称申报' }).click();
    await bureau
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await bureau.getByText(/个未截止的通知使用该通道，请先提前截止或撤回这些通知，再停用通道/).waitFor();

    // A new channel with a bad code and no name: every problem at once, in the drawer.
    await bureau.getByRole('button', { name: '新增通道' }).click();
    const drawer = bureau.getByRole('dialog', { name: '新增申报通道' });
    await drawer.getByLabel('通道代码', { exact: true }).fill('bad code');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer
      .getByText(/通道代码须以大写字母开头/)
      .first()
      .waitFor();
    await drawer.getByText('请填写通道名称').first().waitFor();
    await expectAccessible(bureau, '新增申报通道');
    expect(problems).toEqual([]);
  });
});
