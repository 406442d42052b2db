// 谁查看了我的信息 in a real browser: the unit's agent opens a binding request in unit-audit and sees
// the applicant's full ID number (to verify who asks) before approving it; the applicant, on a
// 360 px wide phone, opens 谁查看了我的信息 from the shell and sees the unit's read, and the city
// bureau's read of the materials of her 补办 application (补办/登记材料).
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  certificateByEvents,
  DEMO_PASSWORD,
  DEMO_UNIT_CREDIT_CODE,
  demoStaff,
  files,
  ok,
  postFile,
  signedIn,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_access_log', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openContext(problems: string[], width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
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

/** The page is no wider than the phone's 360 px, and the sign-out button is within it. */
async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const signOut = await page.getByRole('button', { name: '安全退出' }).boundingBox();
  expect(signOut).not.toBeNull();
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(360);
}

test('the agent verifies a binding with the full ID number; the applicant sees it in 谁查看了我的信息 at 360 px', async () => {
  const problems: string[] = [];
  // The applicant asks the demo unit to bind (through the API).
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const { me } = await ok<{ me: { person: { idNumber: string } } }>(
    applicant,
    `{ me { person { idNumber } } }`,
  );
  const { unitByCreditCode: unit } = await ok<{ unitByCreditCode: { id: string; name: string } }>(
    applicant,
    `query($c: String!) { unitByCreditCode(creditCode: $c) { id name } }`,
    { c: DEMO_UNIT_CREDIT_CODE },
  );
  await ok(applicant, `mutation($u: ID!) { requestBinding(unitId: $u) { id } }`, { u: unit.id });
  await stack.settleEvents();

  // The agent opens 绑定审核, then 通过 on 张伟's request: the dialog shows the full ID number.
  const agentPage = await openContext(problems, 1366, 900);
  await signIn(agentPage, '经办人登录', async (page) => {
    await page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE);
    await page.getByLabel('经办人手机号/身份证号').fill('13700000011');
  });
  await agentPage.goto(`${stack.origin}/unit/bindings`);
  await agentPage.getByRole('button', { name: '通过 张伟', exact: true }).click();
  const dialog = agentPage.getByRole('dialog');
  await dialog.getByText('完整证件号码', { exact: true }).waitFor({ timeout: 15_000 });
  await dialog.getByText(me.person.idNumber, { exact: true }).waitFor();
  await dialog.getByText(/您的查看将记录在申请人的“谁查看了我的信息”中/).waitFor();
  await expectAccessible(agentPage, '绑定审核: the approval dialog');
  await dialog.getByLabel('办件意见').fill('经核实为本单位在职人员，同意绑定');
  await dialog.getByRole('button', { name: /^通\s*过$/ }).click();
  await agentPage.getByText('已通过 张伟 的绑定申请').waitFor({ timeout: 15_000 });
  await stack.settleEvents();

  // She applies for a 补办 of her certificate with three PDFs (through the API); the city bureau
  // opens the application with the links to them.
  const certificate = await certificateByEvents(stack, applicant, '张伟');
  const fileIds: string[] = [];
  for (const slot of ['ORIGINAL_DOCUMENTS', 'VOID_NOTICE', 'REISSUE_FORM']) {
    const pdf = files.pdf();
    const { requestCertificateMaterialUpload: ticket } = await ok<{
      requestCertificateMaterialUpload: { url: string };
    }>(
      applicant,
      `mutation($slot: String!, $size: Int!) { requestCertificateMaterialUpload(purpose: REISSUE, slot: $slot,
        fileName: "scan.pdf", sizeBytes: $size, contentType: "application/pdf") { url } }`,
      { slot, size: pdf.length },
    );
    fileIds.push((await postFile(stack, applicant, ticket.url, pdf, 'application/pdf')).body.attachment!.id);
  }
  const { certificateRegions } = await ok<{
    certificateRegions: Array<{ code: string; points: Array<{ id: string }> }>;
  }>(applicant, `{ certificateRegions { code points { id } } }`);
  const city = certificateRegions.find((r) => r.code === '220100')!;
  const { applyForReissue } = await ok<{ applyForReissue: { id: string } }>(
    applicant,
    `mutation($input: ReissueApplicationInput!) { applyForReissue(input: $input) { id } }`,
    {
      input: {
        certificateId: certificate.id,
        declarationType: 'REVIEW',
        businessType: 'REISSUE',
        regionCode: city.code,
        declarationPointId: city.points[0].id,
        reason: '纸质证书遗失，已登报声明作废',
        fileIds,
      },
    },
  );
  await ok(
    await demoStaff(stack, 'bureau.city'),
    `query($id: ID!) { reissueApplication(id: $id) { files { url } } }`,
    { id: applyForReissue.id },
  );
  await stack.settleEvents();

  // The applicant, on a phone, opens 谁查看了我的信息 from the shell's home page.
  const phone = await openContext(problems, 360, 740);
  await signIn(phone, '个人登录', async (page) => {
    await page.getByLabel('身份证号/手机号').fill('13800000001');
  });
  // Nothing scrolls sideways on a phone (issue 10 item 6), and 安全退出 stays on screen.
  await expectFitsPhone(phone);
  await expectAccessible(phone, '首页 at 360 px');
  // The home page's task cards (the side menu is folded away on a phone).
  await phone
    .locator('main')
    .getByRole('link', { name: /谁查看了我的信息/ })
    .click();
  await phone.getByRole('heading', { name: '谁查看了我的信息' }).waitFor({ timeout: 15_000 });
  // The header's menu button opens the menu in a drawer; its entry leads to the same page.
  await phone.getByRole('button', { name: '主菜单' }).click();
  const drawer = phone.getByRole('dialog');
  await drawer.getByText('张伟').waitFor();
  await expectAccessible(phone, 'the menu drawer at 360 px');
  await drawer.getByRole('link', { name: '首页' }).click();
  await drawer.waitFor({ state: 'hidden' });
  await phone.getByRole('heading', { name: '首页' }).waitFor({ timeout: 15_000 });
  await phone.getByRole('button', { name: '主菜单' }).click();
  await drawer.getByRole('link', { name: '谁查看了我的信息' }).click();
  await phone.getByRole('heading', { name: '谁查看了我的信息' }).waitFor({ timeout: 15_000 });
  const table = phone.getByRole('table');
  await table.getByText(unit.name).waitFor({ timeout: 15_000 });
  await table.getByText('单位经办人').waitFor();
  await table.getByText('完整身份证号码').waitFor();
  await table.getByText('长春市人力资源和社会保障局').waitFor();
  await table.getByText('人社部门审核人员').waitFor();
  await table.getByText('补办/登记材料').waitFor();
  await expectFitsPhone(phone);
  await expectAccessible(phone, '谁查看了我的信息 at 360 px');
  // Opening the dialog read the number once; approving did not read it again.
  expect(await table.getByText(/共 \d+ 次/).count()).toBe(0);
  // The table fits the phone's width: no sideways scrolling to read a line.
  const tableRight = await table.evaluate((element) => element.getBoundingClientRect().right);
  expect(tableRight).toBeLessThanOrEqual(360);
  // The agent's 绑定审核 (five filters, a wide table) fits a phone too: they scroll on their own.
  await agentPage.setViewportSize({ width: 360, height: 740 });
  await agentPage.goto(`${stack.origin}/unit/bindings?status=ALL`);
  await agentPage.getByRole('table').getByText('张伟').waitFor({ timeout: 15_000 });
  await expectFitsPhone(agentPage);
  await expectAccessible(agentPage, '绑定审核 (all requests) at 360 px');

  // The unit's legal person: 经办人管理 and its dialog (the one page only that role has).
  const legalPerson = await openContext(problems, 1366, 900);
  await signIn(legalPerson, '法人登录', (page) =>
    page.getByLabel('统一社会信用代码').fill(DEMO_UNIT_CREDIT_CODE),
  );
  await legalPerson.goto(`${stack.origin}/unit/agents`);
  await legalPerson.getByRole('heading', { name: '经办人管理' }).waitFor({ timeout: 15_000 });
  await legalPerson.getByRole('cell', { name: '林晓', exact: true }).waitFor({ timeout: 15_000 });
  await expectAccessible(legalPerson, '经办人管理');
  await legalPerson.getByRole('button', { name: /新增经办人/ }).click();
  await legalPerson.getByRole('dialog', { name: '新增经办人' }).waitFor();
  await expectAccessible(legalPerson, 'the 新增经办人 dialog');
  expect(problems).toEqual([]);
}, 120_000);
