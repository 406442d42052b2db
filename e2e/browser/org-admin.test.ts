// 机构与人员 in a real browser (issue 11 item 4): the city bureau's administrator sees only its own
// subtree, creates a staff account (a duplicate user name is told next to the field), the new
// account must set its own password at the first sign-in, and once disabled it cannot sign in.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { DEMO_PASSWORD, DEMO_UNIT_CREDIT_CODE } from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_org_admin', { demoData: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openPage(problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/** Fills the staff sign-in form (a fresh captcha each time) and presses the button named `button`. */
async function submitStaffSignIn(page: Page, username: string, password: string, button = /^登\s*录$/) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const captcha = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(captcha.answer);
  await page.getByRole('button', { name: button }).click();
}

async function openStaffSignIn(page: Page) {
  await page.goto(`${stack.origin}/sign-in?kind=STAFF`);
  await page.getByRole('tab', { name: '工作人员登录', selected: true }).waitFor({ timeout: 15_000 });
}

async function signInStaff(page: Page, username: string, password = DEMO_PASSWORD) {
  await openStaffSignIn(page);
  await submitStaffSignIn(page, username, password);
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '安全退出' }).click();
  await page.getByRole('tab', { name: '工作人员登录' }).waitFor();
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Waits until the 单位信息 form shows `code` as the region (it is filled once the unit loads). */
const regionShown = (page: Page, code: string) =>
  page.waitForFunction(
    (expected) =>
      (document.getElementById('unit-profile_regionCode') as HTMLInputElement | null)?.value === expected,
    code,
    { timeout: 15_000 },
  );

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

it('a city administrator manages its own subtree: staff, forced password change, disable', async () => {
  const problems: string[] = [];
  const page = await openPage(problems);
  await signInStaff(page, 'bureau.city');

  // 机构管理: 长春 and its county, nothing of the province or another city.
  await page.getByRole('link', { name: '机构管理', exact: true }).click();
  await page.getByRole('heading', { name: '机构管理' }).waitFor({ timeout: 15_000 });
  await rowOf(page, '长春市朝阳区人力资源和社会保障局').waitFor();
  await expect(page.getByRole('cell', { name: '吉林省人力资源和社会保障厅' }).count()).resolves.toBe(0);
  await expect(page.getByRole('cell', { name: '吉林省教育厅' }).count()).resolves.toBe(0);
  await expectNoSeriousA11yViolations(page, '机构管理');
  await page.getByRole('button', { name: '新增机构' }).click();
  await page.getByRole('dialog', { name: '新增机构' }).waitFor();
  await pick(page, '机构类型', '评审委员会');
  await page.getByLabel('评审系列').waitFor();
  await expectNoSeriousA11yViolations(page, '新增机构 (评审委员会)');
  await page
    .getByRole('button', { name: '取 消' })
    .or(page.getByRole('button', { name: '取消' }))
    .first()
    .click();

  // 人员管理: only 长春's and its county's staff.
  await page.getByRole('link', { name: '人员管理', exact: true }).click();
  await page.getByRole('heading', { name: '人员管理' }).waitFor({ timeout: 15_000 });
  await rowOf(page, 'bureau.county').waitFor();
  await expect(page.getByRole('cell', { name: 'bureau.province' }).count()).resolves.toBe(0);
  await expectNoSeriousA11yViolations(page, '人员管理');

  // A duplicate user name is told next to the field; then the account is created.
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增人员' });
  await dialog.waitFor();
  await pick(page, '所属机构', '长春市朝阳区人力资源和社会保障局');
  await dialog.getByLabel('用户名').fill('bureau.county');
  await dialog.getByLabel('姓名').fill('区局审核员 黄河');
  await dialog.getByLabel('初始密码').fill('Zc#first2026');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.getByText('该用户名已被使用，请换一个用户名').first().waitFor({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(page, '新增人员 (duplicate user name)');
  await dialog.getByLabel('用户名').fill('reviewer.chaoyang');
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await rowOf(page, 'reviewer.chaoyang').getByText('待修改密码').waitFor({ timeout: 15_000 });
  await signOut(page);

  // The first sign-in asks for a new password, then the account is in.
  await openStaffSignIn(page);
  await submitStaffSignIn(page, 'reviewer.chaoyang', 'Zc#first2026');
  await page
    .getByRole('status')
    .getByText(/须设置新密码/)
    .waitFor({ timeout: 15_000 });
  await page.getByLabel('新密码').fill('Zc#chaoyang2026');
  await page.getByLabel('确认密码').fill('Zc#chaoyang2026');
  await expectNoSeriousA11yViolations(page, 'sign-in: password change required');
  const captcha = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(captcha.answer);
  await page.getByRole('button', { name: '修改密码并登录' }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: '业务审核', exact: true }).waitFor();
  await expect(page.getByRole('link', { name: '人员管理', exact: true }).count()).resolves.toBe(0);
  await signOut(page);

  // Disabled by the administrator: the account cannot sign in any more.
  await signInStaff(page, 'bureau.city');
  await page.getByRole('link', { name: '人员管理', exact: true }).click();
  await rowOf(page, 'reviewer.chaoyang').getByRole('button', { name: '停用 reviewer.chaoyang' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^停\s*用$/ })
    .click();
  await rowOf(page, 'reviewer.chaoyang').getByText('已停用').waitFor({ timeout: 15_000 });
  await signOut(page);
  await openStaffSignIn(page);
  await submitStaffSignIn(page, 'reviewer.chaoyang', 'Zc#chaoyang2026');
  await page
    .getByText(/账号已停用/)
    .first()
    .waitFor({ timeout: 15_000 });
  expect(problems).toEqual([]);
}, 240_000);

it("the legal person keeps the unit's region, nature and competent department (单位信息)", async () => {
  const problems: string[] = [];
  const page = await openPage(problems);
  await page.goto(`${stack.origin}/sign-in?kind=LEGAL_PERSON`);
  await page.getByRole('tab', { name: '法人登录', selected: true }).waitFor({ timeout: 15_000 });
  await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  await page.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('link', { name: '单位信息', exact: true }).click();
  await page.getByRole('heading', { name: '单位信息' }).waitFor({ timeout: 15_000 });
  // The demo machine works: 长春市本级, no competent department.
  await regionShown(page, '220100');
  await page.getByText('无', { exact: true }).first().waitFor();
  await expectNoSeriousA11yViolations(page, '单位信息');

  // A region no bureau of the platform covers is told next to the field.
  await page.getByLabel('所属行政区划').fill('110105');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await page
    .getByText('所属行政区划不在本平台人社部门的管辖范围内，请重新选择')
    .first()
    .waitFor({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(page, '单位信息 (region refused)');
  await page.getByLabel('所属行政区划').fill('220104');
  await pick(page, '行政主管部门', '吉林省教育厅');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('单位信息已保存').waitFor({ timeout: 15_000 });
  await page.reload();
  await page.getByRole('heading', { name: '单位信息' }).waitFor({ timeout: 15_000 });
  await regionShown(page, '220104');
  expect(problems).toEqual([]);
}, 120_000);
