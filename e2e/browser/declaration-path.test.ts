// The applicant's whole way to 已申报 in a real browser, through the shell, both micro-frontends,
// the gateway and all three subgraphs: the applicant asks to bind a unit, the unit's agent approves
// it in 绑定审核, the applicant starts from a notice, fills every required module (the server's
// field problems show next to the fields first), uploads with the real file route (a refused file
// shows the server's reason), reads and fixes 数据验证信息, ticks the pledge and submits — once,
// however often the button is clicked, and another tab on the declaration follows the new status live.
import type { Browser, Locator, Page } from 'playwright-core';
import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { minimalPdf, testFiles } from '@zhicheng/testing';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const PASSWORD = 'Zc@demo2026';
const UNIT_CREDIT_CODE = makeCreditCode('91220101MA0000001');
const UNIT_NAME = '吉林省长春市第一机械制造有限公司';
const APPLICANT_ID = makeResidentId({ region: '220102', birthDate: '19860315', sequence: 101 });
const NOTICE = '关于开展2026年度全省专业技术职称评审工作的通知（正常职称申报）';

// Smallest files the server accepts (it checks magic bytes, parses PDFs, measures the photo).
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: minimalPdf(4096),
});
const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: testFiles.png(), // 200×350: the photo must be 1:1.75
});
const fakePdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('plain text that only calls itself a PDF'),
});

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_declaration_path', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A fresh tab with its own cookies, collecting uncaught errors. */
async function openTab(problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

async function signIn(page: Page, tab: string, fill: (page: Page) => Promise<void>) {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: tab }).click();
  await fill(page);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}

/** antd Select: open it by its label and pick the option with exactly this text. */
/**
 * Picks an option of a select and waits until the select shows it. On a loaded machine a click
 * can land while the previous dropdown is still closing and be lost (seen once: 民族 stayed
 * empty), so a pick that does not show is tried again, up to three times.
 */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  const field = scope.getByLabel(label, { exact: true });
  const shown = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(`.ant-select-content[title="${option}"]`);
  for (let attempt = 1; ; attempt++) {
    await field.click();
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

/** A date typed into the picker (Tab leaves the field, which keeps the typed date). */
async function typeDate(scope: Page | Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

/**
 * Waits for 暂存's confirmation; when it does not come, fails with what the page says instead
 * (the error summary and any message), so a refusal is told apart from a slow page.
 */
async function savedOrExplained(page: Page) {
  try {
    await page.getByText('已暂存').waitFor();
  } catch (error) {
    const shown = await page
      .locator('.ant-alert, .ant-message, .ant-form-item-explain-error')
      .allInnerTexts();
    throw new Error(`暂存 was not confirmed; the page shows: ${JSON.stringify(shown)}`, { cause: error });
  }
}

function moduleLink(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: '申报模块' })
    .getByRole('menuitem', { name: new RegExp(`^${name}`) });
}

/** Adds one entry to a list module through its dialog; `fill` types the fields; Enter saves. */
async function addEntry(page: Page, module: string, fill: (dialog: Locator) => Promise<void>) {
  await moduleLink(page, module).click();
  await page.getByRole('button', { name: `添加${module}` }).click();
  const dialog = page.getByRole('dialog', { name: `添加${module}` });
  await fill(dialog);
  await expectAccessible(page, `the 添加${module} dialog`);
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`已保存${module}`).waitFor();
}

describe('the declaration path in a real browser', () => {
  it('binds, gets approved by the unit, declares, fixes the validation list and submits once', async () => {
    const problems: string[] = [];

    // --- the applicant asks to bind the unit --------------------------------------------------
    const applicant = await openTab(problems);
    await signIn(applicant, '个人登录', (page) => page.getByLabel('身份证号/手机号').fill('13800000001'));
    await applicant
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '我的申报' })
      .click();
    await applicant.getByText('没有推荐单位').waitFor();
    await expectAccessible(applicant, '我的申报 without a unit');
    await expect(applicant.getByRole('button', { name: /确认并开始申报/ }).isDisabled()).resolves.toBe(true);
    await applicant.getByRole('button', { name: /去绑定/ }).click();
    const bindDialog = applicant.getByRole('dialog', { name: '绑定推荐单位' });
    await bindDialog.getByLabel('统一社会信用代码').fill(UNIT_CREDIT_CODE.toLowerCase());
    await bindDialog.getByLabel('统一社会信用代码').press('Enter'); // Enter searches
    await bindDialog.getByText(UNIT_NAME).waitFor();
    await expectAccessible(applicant, 'the 绑定推荐单位 dialog');
    await bindDialog.getByRole('button', { name: /^绑\s*定$/ }).click();
    await applicant.getByText(`已向“${UNIT_NAME}”提交绑定申请`).waitFor();
    await applicant.getByText('待审核', { exact: true }).waitFor();

    // --- the unit's agent approves it in 绑定审核 ------------------------------------------------
    const agent = await openTab(problems);
    await signIn(agent, '经办人登录', async (page) => {
      await page.getByLabel('统一社会信用代码').fill(UNIT_CREDIT_CODE);
      await page.getByLabel('经办人手机号/身份证号').fill('13700000011');
    });
    await agent.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '绑定审核' }).click();
    await agent.getByRole('cell', { name: '张伟', exact: true }).waitFor();
    await expectAccessible(agent, '绑定审核');
    await agent.getByRole('button', { name: '通过 张伟', exact: true }).click();
    const decide = agent.getByRole('dialog', { name: '通过绑定申请：张伟' });
    await decide.getByRole('button', { name: /^通\s*过$/ }).click();
    await decide.getByText('请填写办件意见').first().waitFor(); // the opinion is required
    await expectAccessible(agent, 'the approval dialog with its error');
    await decide.getByLabel('办件意见').fill('经核实为本单位在职人员，同意绑定');
    await decide.getByRole('button', { name: /^通\s*过$/ }).click();
    await agent.getByText('已通过 张伟 的绑定申请').waitFor();
    await agent.getByText('暂无绑定申请').waitFor();
    await stack.settleEvents(); // BindingApproved tells declaration the applicant's unit

    // --- the applicant starts from a notice ---------------------------------------------------
    await applicant.reload();
    await applicant.getByText('已绑定').first().waitFor();
    await applicant.getByRole('button', { name: /确认并开始申报/ }).click();
    await applicant.getByRole('link', { name: `申报 ${NOTICE}` }).waitFor();
    await expectAccessible(applicant, '申报通知');
    await applicant.getByRole('link', { name: `申报 ${NOTICE}` }).click();
    await applicant.getByText('距申报截止剩余').first().waitFor();
    await expectAccessible(applicant, 'the notice');
    await applicant.getByRole('button', { name: /确认申报/ }).click();
    await applicant.getByRole('heading', { name: `条件自检：${NOTICE}` }).waitFor();
    await expectAccessible(applicant, '条件自检');
    await applicant.getByRole('radio', { name: '正常' }).check();
    await applicant.getByRole('button', { name: /确认并开始申报/ }).click();
    await applicant.waitForURL(/\/applicant\/declarations\/[^/]+\/fill/);

    // --- 基本信息: the server's problems first, then every field --------------------------------
    const basic = applicant.locator('form#basicInfo');
    // 姓名, 证件类型, 手机号码 and 工作单位 come from the account and the bound unit, read-only with
    // a note why (only one's own declaration can be made).
    const name = basic.getByLabel('姓名', { exact: true });
    await expect(name.inputValue()).resolves.toBe('张伟');
    await expect(name.getAttribute('readonly')).resolves.not.toBeNull();
    const mobile = basic.getByLabel('手机号码', { exact: true });
    await expect(mobile.inputValue()).resolves.toBe('13800000001');
    await expect(mobile.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(basic.getByLabel('工作单位', { exact: true }).inputValue()).resolves.toBe(UNIT_NAME);
    await expect(
      basic.getByText(/来自您的登录账号和绑定单位，不能修改/).count(),
    ).resolves.toBeGreaterThanOrEqual(4);
    // A malformed value is refused, next to its field and in the summary.
    await typeDate(basic, '出生日期', '1986-03-15');
    await typeDate(basic, '参加工作日期', '1980-07-01');
    await applicant.getByRole('button', { name: /^暂\s*存$/ }).click();
    await applicant.getByText(/请修正以下 \d+ 个问题/).waitFor();
    await basic
      .getByText(/参加工作日期不能早于出生日期/)
      .first()
      .waitFor(); // next to the field too
    await expectAccessible(applicant, '基本信息 with its problems');
    // 暂存 keeps a half-filled module: what is missing is the report's to say, not a refusal.
    await typeDate(basic, '参加工作日期', '2008-07-01');
    await choose(applicant, basic, '性别', '男');
    await choose(applicant, basic, '民族', '汉族');
    await applicant.getByRole('button', { name: /^暂\s*存$/ }).click();
    await savedOrExplained(applicant);
    await applicant.reload();
    await basic.locator('.ant-select-content[title="汉族"]').waitFor();
    await expect(basic.getByLabel('手机号码', { exact: true }).inputValue()).resolves.toBe('13800000001');
    // The module says it is in progress (not done), and lists what is still missing.
    await moduleLink(applicant, '基本信息')
      .and(applicant.getByRole('menuitem', { name: /填写中/ }))
      .waitFor();
    await applicant.getByText(/本模块有 \d+ 个问题待处理/).waitFor();
    await applicant.getByText('基本信息：请填写政治面貌').waitFor();
    // Leaving with unsaved changes: the safe choice is the primary button, the other names its effect.
    await basic.getByLabel('现专业技术资格', { exact: true }).fill('工程师');
    await moduleLink(applicant, '教育经历').click();
    const leave = applicant.getByRole('dialog', { name: '当前模块有未暂存的修改' });
    await leave.getByText(/无法恢复/).waitFor();
    await expectAccessible(applicant, 'the leave-module dialog');
    const keep = leave.getByRole('button', { name: '继续编辑' });
    await expect(keep.getAttribute('class')).resolves.toMatch(/ant-btn-primary/);
    await expect(
      leave.getByRole('button', { name: '放弃修改并离开' }).getAttribute('class'),
    ).resolves.not.toMatch(/ant-btn-primary/);
    await keep.click();
    await leave.waitFor({ state: 'hidden' });
    await expect(basic.getByLabel('现专业技术资格', { exact: true }).inputValue()).resolves.toBe('工程师');
    // An untouched optional module is not started, not ticked as done.
    await moduleLink(applicant, '专业获奖')
      .and(applicant.getByRole('menuitem', { name: /选填，未开始/ }))
      .waitFor();
    await choose(applicant, basic, '政治面貌', '中共党员');
    // The ID number is locked once identity has told the declaration service; typed until then.
    const idTypeShown = basic
      .locator('.ant-form-item')
      .filter({ has: applicant.getByLabel('证件类型', { exact: true }) })
      .locator('.ant-select-content[title="居民身份证"]');
    if ((await idTypeShown.count()) === 0) await choose(applicant, basic, '证件类型', '居民身份证');
    const idNumber = basic.getByLabel('证件号码', { exact: true });
    if ((await idNumber.getAttribute('readonly')) === null) await idNumber.fill(APPLICANT_ID);
    else await expect(idNumber.inputValue()).resolves.toBe(APPLICANT_ID);
    await typeDate(basic, '出生日期', '1986-03-15');
    await choose(applicant, basic, '最高学历', '大学本科');
    await typeDate(basic, '参加工作日期', '2008-07-01');
    await choose(applicant, basic, '人员身份', '专业技术人员');
    await choose(applicant, basic, '单位类型', '国有企业');
    await choose(applicant, basic, '工作属性', '应用');
    await basic.getByLabel('现专业技术资格', { exact: true }).fill('工程师');
    await typeDate(basic, '取得资格日期', '2016-10-04');
    await choose(applicant, basic, '申报系列', '工程系列');
    await choose(applicant, basic, '申报专业', '电子信息');
    await choose(applicant, basic, '申报专业范围', '计算机软件');
    // Changing a parent clears its children: 机械工程 replaces 电子信息 and its scope goes.
    await choose(applicant, basic, '申报专业', '机械工程');
    await expect(basic.locator('.ant-select-content[title="计算机软件"]').count()).resolves.toBe(0);
    await choose(applicant, basic, '申报专业范围', '焊接');
    await choose(applicant, basic, '申报职称名称', '高级工程师');
    // A title with one level sets it; 从事专业 follows the scope.
    await basic.locator('.ant-select-content[title="副高级"]').waitFor();
    await basic.locator('.ant-select-content[title="焊接"]').nth(1).waitFor();
    await basic.getByLabel('从事本专业年限', { exact: true }).fill('10');
    await applicant.getByRole('button', { name: /^暂\s*存$/ }).click();
    await savedOrExplained(applicant);
    await applicant.getByLabel('选择个人照片文件').setInputFiles(png('photo.png'));
    await applicant.getByRole('link', { name: 'photo.png' }).waitFor();

    // --- list modules ----------------------------------------------------------------------------
    await addEntry(applicant, '教育经历', async (dialog) => {
      await dialog.getByLabel('毕业学校').fill('吉林大学');
      await dialog.getByLabel('所学专业').fill('材料成型及控制工程');
      await choose(applicant, dialog, '学历', '大学本科');
      await choose(applicant, dialog, '教育方式', '全日制');
      await typeDate(dialog, '入学日期', '2004-09-01');
      await typeDate(dialog, '毕业日期', '2008-07-01');
    });
    await addEntry(applicant, '工作经历', async (dialog) => {
      await dialog.getByLabel('工作单位').fill(UNIT_NAME);
      await dialog.getByLabel('工作岗位').fill('焊接工程师');
      await typeDate(dialog, '开始日期', '2008-07-01');
    });
    await addEntry(applicant, '年度考核', async (dialog) => {
      await dialog.getByLabel('考核年度').fill('2025');
      await choose(applicant, dialog, '考核结果', '优秀');
    });
    await moduleLink(applicant, '单位公示表').click();
    await applicant.getByLabel('选择单位公示表文件').setInputFiles(pdf('公示表.pdf'));
    await applicant.getByRole('link', { name: '公示表.pdf' }).waitFor();

    // --- 03 附件上传: the validation list names what is missing, each line leads there ------------
    await moduleLink(applicant, '其他材料').click();
    await applicant.getByRole('button', { name: /下一步：附件上传/ }).click();
    const validation = applicant.getByRole('list', { name: '数据验证信息' });
    await validation.getByText('教育经历已填写1条，其中有1条未上传证明材料，请补充上传').waitFor();
    await validation.getByText('身份证未上传').waitFor();
    await expectAccessible(applicant, '附件上传 with the 数据验证信息 list');
    const submit = applicant.getByRole('button', { name: /^提\s*交$/ });
    await expect(submit.isDisabled()).resolves.toBe(true);

    await validation.getByRole('link', { name: /教育经历已填写1条/ }).click();
    await applicant.getByRole('heading', { name: /教育经历/ }).waitFor();
    await applicant.getByLabel('选择教育经历第1条文件').setInputFiles(pdf('毕业证书.pdf'));
    await applicant.getByRole('link', { name: '毕业证书.pdf' }).waitFor();
    await applicant
      .getByRole('button', { name: /附件上传/ })
      .first()
      .click();
    await applicant.getByRole('heading', { name: '数据验证信息' }).waitFor();

    // A file that only pretends to be a PDF: the server refuses it and says why.
    await applicant.getByLabel('选择身份证文件').setInputFiles(fakePdf('身份证.pdf'));
    const refusal = applicant.getByRole('alert').filter({ hasText: '身份证.pdf' });
    await refusal.getByText('上传失败').waitFor();
    expect(await refusal.textContent()).toMatch(/PDF|格式|类型/);
    await expectAccessible(applicant, 'a refused upload');
    await refusal.getByRole('button', { name: /^关\s*闭$/ }).click();
    await applicant.getByLabel('选择身份证文件').setInputFiles(pdf('身份证正反面.pdf'));
    await applicant.getByRole('link', { name: '身份证正反面.pdf' }).waitFor();
    await applicant.getByText('数据验证通过，可以提交。').waitFor();

    // --- pledge and submit: a double click submits once ------------------------------------------
    await expect(submit.isDisabled()).resolves.toBe(true); // the pledge is not ticked yet
    await applicant.getByRole('checkbox', { name: /本人承诺/ }).check();
    // Another tab on the same declaration follows the submit live (declarationStatusChanged).
    const watcher = await applicant.context().newPage();
    await watcher.goto(applicant.url());
    await watcher.getByRole('heading', { name: '数据验证信息' }).waitFor();
    await submit.click();
    await applicant
      .getByRole('tooltip')
      .getByRole('button', { name: /^提\s*交$/ })
      .dblclick();
    await applicant.getByRole('heading', { name: '提交完成' }).waitFor();
    await applicant.getByText('已申报').first().waitFor();
    await expectAccessible(applicant, '提交完成');
    await applicant.getByText('推荐单位').first().waitFor();
    await watcher.getByRole('heading', { name: '提交完成' }).waitFor();

    const { rows } = await stack.sql(
      `select count(*)::int as n from declaration.outbox_event where type = 'DeclarationSubmitted'`,
    );
    expect(rows[0].n).toBe(1);

    await applicant.getByRole('button', { name: /返回我的申报/ }).click();
    await applicant.getByRole('cell', { name: '已申报' }).waitFor();
    await expectAccessible(applicant, '我的申报 with a submitted declaration');
    expect(problems).toEqual([]);
  }, 300_000);
});
