// The applicant on a 360 px phone (issue 10, items 4, 5 and 6): every page fits without horizontal
// scrolling; the sign-in page shows all four ways to sign in; the wizard's form starts on the first
// screen (steps and modules collapse); a list entry gets its proof file in the add dialog before it
// is saved, and closing the dialog unsaved deletes it; after 提交 the receipt (申报回执) shows the
// case number, what was submitted and what happens next, and prints on its own.
// Screenshots go to $SHOTS_DIR when it is set (e.g. /tmp/shots-applicant).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { minimalPdf } from '@zhicheng/testing';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  DEMO_PASSWORD,
  TITLE_CATALOGUE_FILES,
  bindToDemoUnit,
  completeTitleModules,
  demoAgent,
  ok,
  signedIn,
  uploadToDeclaration,
} from '../support/flows';
import type { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
const SHOTS = process.env.SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_applicant_phone', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: minimalPdf(4096) });

/** The first screen (what the person sees on opening) and the whole page. */
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}-first-screen.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** No horizontal scrolling at 360 px: the document is no wider than the screen. */
async function expectFitsPhone(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width <= PHONE.width) return;
  // Name the elements that stick out (the innermost ones), so a failure says what to fix.
  const culprits = await page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= limit + 0.5 || box.width === 0) continue;
      if (el.closest('.ant-table-content, .ant-table-body')) continue; // scrolls on its own
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > limit + 0.5)) continue;
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(box.right)}`);
    }
    return out.slice(0, 8);
  }, PHONE.width);
  throw new Error(`${what} is ${width} px wide on a ${PHONE.width} px phone: ${culprits.join('; ')}`);
}

/** The element is on the first screen, fully inside its width. */
async function expectOnFirstScreen(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} is not shown`);
  if (box.y + box.height > PHONE.height || box.x < 0 || box.x + box.width > PHONE.width)
    throw new Error(`${what} is outside the first screen: ${JSON.stringify(box)}`);
}

/** antd Select: open it by its label and pick the option with exactly this text. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  const shown = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(`.ant-select-content[title="${option}"]`);
  for (let attempt = 1; ; attempt++) {
    await scope.getByLabel(label, { exact: true }).click();
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

async function typeDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

interface DraftJson {
  id: string;
  caseNumber: string;
  notice: { formConfig: { modules: Array<{ key: string; name: string }> } };
  attachments: Array<{ fileName: string; slot: { kind: string; module: string | null } }>;
}
const DRAFT = `query($id: ID!) { declaration(id: $id) { id caseNumber
  notice { formConfig { modules { key name } } }
  attachments { fileName slot { kind module } } } }`;

/** 张伟, bound to the demo unit, with a draft: every module but 教育经历 saved, the catalogue files in. */
async function draftWithoutEducation(): Promise<{ applicant: GraphQLSession; id: string; noticeId: string }> {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const unit = await bindToDemoUnit(stack, applicant, await demoAgent(stack));
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{ startDeclaration: { id: string; version: number } }>(
    applicant,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  const { education: _education, ...modules } = completeTitleModules(unit.name);
  await ok(
    applicant,
    `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
      saveDeclaration(id: $id, expectedVersion: $v, input: $input) { version } }`,
    { id: draft.id, v: draft.version, input: modules },
  );
  for (const [slot, name, bytes, type] of TITLE_CATALOGUE_FILES) {
    const stored = await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type);
    if (stored.status !== 201) throw new Error(`upload of ${name} refused: ${JSON.stringify(stored.body)}`);
  }
  return { applicant, id: draft.id, noticeId: notices[0].id };
}

test('an applicant declares on a 360 px phone: every page fits, proofs in the dialog, a printable receipt', async () => {
  const problems: string[] = [];
  const { applicant, id, noticeId } = await draftWithoutEducation();
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));

  // --- sign-in: all four ways in are on the screen (none behind "…") --------------------------
  await page.goto(`${stack.origin}/`);
  for (const tab of ['个人登录', '经办人登录', '法人登录', '工作人员登录'])
    await expectOnFirstScreen(page.getByRole('tab', { name: tab }), `the tab ${tab}`);
  await expectFitsPhone(page, 'the sign-in page');
  await expectAccessible(page, 'the sign-in page at 360 px');
  await shot(page, 'phone-sign-in');
  await page.getByRole('tab', { name: '工作人员登录' }).click();
  await page.getByRole('tab', { name: '工作人员登录', selected: true }).waitFor();
  await page.getByRole('tab', { name: '个人登录' }).click();
  await page.getByLabel('身份证号/手机号').fill('13800000001');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  await page.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });

  // --- the applicant's pages ---------------------------------------------------------------------
  for (const [path, heading, name] of [
    ['/applicant', '我的申报', 'home'],
    ['/applicant/notices', '申报通知', 'notices'],
    ['/applicant/items', '我的办件', 'items'],
    ['/applicant/access-log', '谁查看了我的信息', 'access-log'],
    [`/applicant/notices/${noticeId}`, /专业技术/, 'notice'],
    [`/applicant/notices/${noticeId}/start`, /条件自检/, 'start'],
  ] as const) {
    await page.goto(`${stack.origin}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectFitsPhone(page, name);
    await expectAccessible(page, `${name} at 360 px`);
    await shot(page, `phone-${name}`);
  }

  // --- every wizard module: the form starts on the first screen --------------------------------
  const { declaration } = await ok<{ declaration: DraftJson }>(applicant, DRAFT, { id });
  const modules = declaration.notice.formConfig.modules.filter((m) => m.key !== 'RECOMMENDERS');
  for (const module of modules) {
    await page.goto(`${stack.origin}/applicant/declarations/${id}/fill?module=${module.key}`);
    const heading = page.getByRole('heading', { name: new RegExp(`^\\*?\\s*${module.name}`), level: 2 });
    await heading.waitFor();
    await page.waitForLoadState('networkidle');
    await expectOnFirstScreen(heading, `the heading of ${module.name}`);
    await expectFitsPhone(page, module.name);
    await shot(page, `phone-fill-${module.key}`);
  }
  await expectAccessible(page, 'a module at 360 px (the module select, the compact steps)');
  // The module select names where the applicant is and leads to any module.
  const moduleNav = page.getByRole('navigation', { name: '申报模块' });
  await moduleNav.getByText(/申报模块（第\d+个，共\d+个）/).waitFor();
  await moduleNav.locator('.ant-select').click();
  await page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="基本信息"]',
    )
    .click();
  await page.waitForURL(/module=BASIC_INFO/);
  await expectOnFirstScreen(page.getByLabel('姓名', { exact: true }), 'the first field of 基本信息');

  // --- 教育经历: the proof goes in with the entry, in the add dialog ------------------------------
  await page.goto(`${stack.origin}/applicant/declarations/${id}/fill?module=EDUCATION`);
  await page.getByRole('button', { name: '添加教育经历' }).click();
  const dialog = page.getByRole('dialog', { name: '添加教育经历' });
  await dialog.getByLabel('毕业学校').fill('吉林大学');
  await dialog.getByLabel('所学专业').fill('材料成型及控制工程');
  await choose(page, dialog, '学历', '大学本科');
  await choose(page, dialog, '教育方式', '全日制');
  await typeDate(dialog, '入学日期', '2006-09-01');
  await typeDate(dialog, '毕业日期', '2010-07-01');
  await dialog.getByLabel('选择新添加的教育经历文件').setInputFiles(pdf('毕业证书.pdf'));
  await dialog.getByRole('link', { name: '毕业证书.pdf' }).waitFor();
  await expectFitsPhone(page, 'the 添加教育经历 dialog');
  await expectAccessible(page, 'the 添加教育经历 dialog with a file, at 360 px');
  await shot(page, 'phone-add-education-dialog');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  // On the phone the entry is a card; its proof is counted.
  const card = page.getByRole('listitem').filter({ hasText: '教育经历第1条' });
  await card.getByText('已上传1个').waitFor();
  await card.getByRole('link', { name: '毕业证书.pdf' }).waitFor();
  await expectOnFirstScreen(card.getByRole('button', { name: '编辑 教育经历第1条' }), 'the card’s 编辑');
  await expectFitsPhone(page, '教育经历 with a card');
  await shot(page, 'phone-education-card');

  // Closing an added entry unsaved: asked first, then its file is deleted.
  await page.getByRole('button', { name: '添加教育经历' }).click();
  await dialog.getByLabel('选择新添加的教育经历文件').setInputFiles(pdf('多余的证明.pdf'));
  await dialog.getByRole('link', { name: '多余的证明.pdf' }).waitFor();
  await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
  const discard = page.getByRole('dialog', { name: '不保存本条就关闭？' });
  await discard.getByText(/已上传的1个证明材料将被删除/).waitFor();
  await expectAccessible(page, 'the discard dialog');
  await expect(discard.getByRole('button', { name: '继续填写' }).getAttribute('class')).resolves.toMatch(
    /ant-btn-primary/,
  );
  await discard.getByRole('button', { name: '删除材料并关闭' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('已删除附件 多余的证明.pdf').waitFor();
  const after = (await ok<{ declaration: DraftJson }>(applicant, DRAFT, { id })).declaration;
  expect(after.attachments.map((a) => a.fileName).sort()).toEqual(
    ['单位公示表.pdf', '毕业证书.pdf', '证件照.png', '身份证正面.jpg', '身份证反面.png'].sort(),
  );

  // --- 附件上传 and 提交 on the phone ----------------------------------------------------------------
  await page.goto(`${stack.origin}/applicant/declarations/${id}/attachments`);
  await page.getByRole('heading', { name: '数据验证信息' }).waitFor();
  await page.waitForLoadState('networkidle');
  await expectFitsPhone(page, '附件上传');
  await shot(page, 'phone-attachments');
  await page.getByRole('checkbox', { name: /本人承诺/ }).check();
  await page.getByRole('button', { name: /^提\s*交$/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /^提\s*交$/ })
    .click();
  await page.getByRole('heading', { name: '提交完成' }).waitFor();

  // --- the receipt -------------------------------------------------------------------------------
  const receipt = page.locator('.zc-receipt');
  await receipt.getByRole('heading', { name: '申报回执' }).waitFor();
  await receipt.getByText(declaration.caseNumber, { exact: true }).waitFor();
  expect(declaration.caseNumber).toMatch(/^ZC\d{8}-[0-9A-F]{8}$/);
  const submitted = receipt.getByRole('table', { name: '提交内容（业务表单）' });
  await submitted.getByRole('row', { name: /教育经历 1条 1个/ }).waitFor();
  await submitted.getByRole('row', { name: /附件合计 5个/ }).waitFor();
  // The route ahead: review's route with each level's organisation once review has taken the
  // submission from the event stream, the notice's configured route before (receipt.test.ts);
  // never 申报人提交 alone.
  await receipt.getByText(/申报人提交 → 推荐单位/).waitFor();
  await stack.settleEvents();
  await page.reload();
  await receipt.getByText(/申报人提交 → 推荐单位（/).waitFor();
  await receipt.getByText(/请在“我的申报”或“我的办件”中查看审核进度/).waitFor();
  await page.waitForLoadState('networkidle');
  await expectFitsPhone(page, 'the receipt');
  await expectAccessible(page, '提交完成 with the receipt at 360 px');
  await shot(page, 'phone-receipt');
  // 打印回执 opens the browser's print; on paper only the receipt shows.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await receipt.getByRole('button', { name: '打印回执' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // The receipt is there later too, from the declaration's page, on a desktop as well.
  // (The same tab, widened: a second context would share the refresh token and race it.)
  const wide = page;
  await wide.setViewportSize(DESKTOP);
  await wide.goto(`${stack.origin}/applicant/items`);
  await wide.getByRole('heading', { name: '我的办件', level: 1 }).waitFor();
  await wide.goto(`${stack.origin}/applicant/declarations/${id}/done`);
  await wide.getByRole('heading', { name: '申报回执' }).waitFor();
  await wide.getByText(declaration.caseNumber, { exact: true }).waitFor();
  await wide.waitForLoadState('networkidle');
  await expectAccessible(wide, 'the declaration’s page with its receipt at 1366 px');
  await shot(wide, 'desktop-receipt');
  await wide.emulateMedia({ media: 'print' });
  await expect(wide.getByRole('heading', { name: '申报回执' }).isVisible()).resolves.toBe(true);
  await expect(wide.getByRole('button', { name: '打印回执' }).isVisible()).resolves.toBe(false);
  await expect(wide.getByRole('button', { name: '安全退出' }).isVisible()).resolves.toBe(false);
  await expect(wide.getByRole('heading', { name: '流程推送 / 进度跟踪' }).isVisible()).resolves.toBe(false);
  await shot(wide, 'desktop-receipt-print');

  // --- binding on the phone: 李娜, not bound yet, opens 绑定推荐单位 ------------------------------
  const other = await (
    await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
  ).newPage();
  other.on('pageerror', (error) => problems.push(error.message));
  await other.goto(`${stack.origin}/`);
  await other.getByLabel('身份证号/手机号').fill('13800000002');
  await other.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await other.getByRole('img', { name: '图形验证码图片' }).waitFor();
  await other.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
  await other.getByRole('button', { name: /^登\s*录$/ }).click();
  await other.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
  await other.goto(`${stack.origin}/applicant`);
  await other.getByText('没有推荐单位').first().waitFor();
  await other.waitForLoadState('networkidle');
  await expectFitsPhone(other, '首页 without a unit');
  await other
    .getByRole('button', { name: /去绑定/ })
    .first()
    .click();
  const bind = other.getByRole('dialog', { name: '绑定推荐单位' });
  await bind.getByLabel('统一社会信用代码').waitFor();
  await expectFitsPhone(other, 'the 绑定推荐单位 dialog');
  await expectAccessible(other, 'the 绑定推荐单位 dialog at 360 px');
  await shot(other, 'phone-bind-dialog');
  expect(problems).toEqual([]);
}, 300_000);
