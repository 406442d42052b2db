// The bureau's certificate audits in a real browser. The demo applicant 张伟 applies (through the
// API) for a 补办 of his certificate with three PDFs; the city bureau's staff signs in through the
// shell, opens 补办审核 from the menu, opens the application, sees each PDF previewed inline,
// approves with a confirm, and the old certificate then verifies 已作废 naming the new one. On a
// 360 px wide phone the same staff opens 历史数据登记审核, previews a registration's PDF, is told
// an opinion is required to refuse, and refuses with one. Screenshots go to /tmp/shots-reissue.
import { mkdir } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { makeResidentId } from '@zhicheng/domain-codes';
import { launchBrowser } from '../support/browser';
import {
  certificateByEvents,
  DEMO_PASSWORD,
  ok,
  signedIn,
  uploadCertificateMaterial,
} from '../support/flows';
import { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

const SHOTS = '/tmp/shots-reissue';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_certificate_audit', { demoData: true });
  await stack.settleEvents();
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A one-page PDF with a line of text, as a scanned material would be. */
async function pdfSaying(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 60, y: 760, size: 24, font });
  page.drawRectangle({ x: 60, y: 500, width: 475, height: 220, borderWidth: 2 });
  return Buffer.from(await document.save());
}

async function openContext(problems: string[], width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

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

/**
 * The preview frame shows the material: a blob: URL the browser loaded as a PDF (its own viewer),
 * whose bytes are the upload (read here through the test's own fetch, not the page's).
 */
async function expectPdfPreview(page: Page, name: string) {
  const frame = page.getByTitle(`${name}预览`);
  await frame.waitFor({ timeout: 10_000 });
  const src = await frame.getAttribute('src');
  expect(src).toMatch(/^blob:/);
  const content = await (await frame.elementHandle())!.contentFrame();
  let contentType = '';
  for (const deadline = Date.now() + 5000; contentType !== 'application/pdf' && Date.now() < deadline;) {
    contentType = await content!.evaluate(() => document.contentType).catch(() => '');
    if (contentType !== 'application/pdf') await page.waitForTimeout(100);
  }
  expect(contentType).toBe('application/pdf');
}

/**
 * Presses a button guarded by a Popconfirm and its 确定. A second press while the last
 * confirmation is still fading out only closes it again, so open it until 确定 is there.
 */
async function confirmBy(page: Page, button: string) {
  for (let attempt = 1; ; attempt++) {
    await page.getByRole('button', { name: button }).click();
    try {
      await page
        .locator('.ant-popover:not(.ant-popover-hidden)')
        .getByRole('button', { name: /^确\s*定$/ })
        .click({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

test('补办审核: the city bureau previews the PDFs and approves; the old certificate is then 已作废', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const old = await certificateByEvents(stack, applicant, '张伟');
  const fileIds = [
    await uploadCertificateMaterial(
      stack,
      applicant,
      'REISSUE',
      'ORIGINAL_DOCUMENTS',
      await pdfSaying('Old certificate'),
    ),
    await uploadCertificateMaterial(
      stack,
      applicant,
      'REISSUE',
      'VOID_NOTICE',
      await pdfSaying('Void notice, Jilin Daily'),
    ),
    await uploadCertificateMaterial(
      stack,
      applicant,
      'REISSUE',
      'REISSUE_FORM',
      await pdfSaying('Reissue form'),
    ),
  ];
  const { certificateRegions } = await ok<{
    certificateRegions: Array<{ code: string; points: Array<{ id: string }> }>;
  }>(applicant, `{ certificateRegions { code points { id } } }`);
  const city = certificateRegions.find((r) => r.code === '220100')!;
  await ok(
    applicant,
    `mutation($input: ReissueApplicationInput!) { applyForReissue(input: $input) { id } }`,
    {
      input: {
        certificateId: old.id,
        declarationType: 'REVIEW',
        businessType: 'REISSUE',
        regionCode: city.code,
        declarationPointId: city.points[0].id,
        reason: '纸质证书遗失，已登报声明作废',
        fileIds,
      },
    },
  );

  const problems: string[] = [];
  const page = await openContext(problems, 1366, 900);
  await signInStaff(page, 'bureau.city');
  await page.getByRole('menuitem', { name: '补办审核' }).click();
  await page.getByRole('heading', { name: '补办审核' }).waitFor();
  const row = page.getByRole('row', { name: new RegExp(old.number) });
  await row.getByRole('link', { name: '审核 张伟' }).click();
  await page.getByRole('heading', { name: /证书补办（换发）审核 · 张伟/ }).waitFor();
  await page.getByText('纸质证书遗失，已登报声明作废').waitFor();

  // Each material previewed inline, one tab each.
  await expectPdfPreview(page, '原申报表/老证书/批文');
  await page.getByRole('tab', { name: '证书作废登报声明' }).click();
  await expectPdfPreview(page, '证书作废登报声明');
  await page.waitForTimeout(2000); // the PDF viewer paints
  await page.screenshot({ path: `${SHOTS}/reissue-detail-1366.png`, fullPage: true });

  await page.getByLabel('审核意见').fill('材料齐全，同意补办');
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('button', { name: /^确\s*定$/ }).click();
  await page.getByText('新证书编号').waitFor({ timeout: 10_000 });
  await page.getByText('审核结果').waitFor();
  await page.screenshot({ path: `${SHOTS}/reissue-approved-1366.png`, fullPage: true });

  const verified = await ok<{
    verifyCertificate: { outcome: string; certificate: { replacedByNumber: string } };
  }>(
    new GraphQLSession(stack.graphqlUrl),
    `query($n: String!) { verifyCertificate(number: $n, holderName: "张伟") { outcome certificate { replacedByNumber } } }`,
    { n: old.number },
  );
  expect(verified.verifyCertificate.outcome).toBe('REVOKED');
  expect(
    await page.getByText(verified.verifyCertificate.certificate.replacedByNumber).count(),
  ).toBeGreaterThan(0);

  // The queue, now empty of pending ones, then under 审核通过.
  await page.getByRole('link', { name: '补办审核' }).first().click();
  await page.getByText('暂无申请').waitFor();
  await page.getByRole('tab', { name: '审核通过' }).click();
  await page.getByRole('row', { name: new RegExp(old.number) }).waitFor();
  await page.screenshot({ path: `${SHOTS}/reissue-queue-1366.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test('历史数据登记审核 on a 360 px phone: preview, an opinion required to refuse, refused', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const fileIds = [
    await uploadCertificateMaterial(
      stack,
      applicant,
      'HISTORICAL',
      'OLD_CERTIFICATE',
      await pdfSaying('Paper certificate 2006'),
    ),
    await uploadCertificateMaterial(
      stack,
      applicant,
      'HISTORICAL',
      'APPROVAL_DOCUMENT',
      await pdfSaying('Approval 2006-8'),
    ),
  ];
  await ok(
    applicant,
    `mutation($input: HistoricalRegistrationInput!) { registerHistoricalCertificate(input: $input) { id } }`,
    {
      input: {
        certificateNumber: '吉职字〔2006〕第0999号',
        holderName: '李娜',
        idNumber: makeResidentId({ region: '220102', birthDate: '19900722', sequence: 202 }),
        obtainedBy: 'INITIAL',
        titleName: '助理工程师',
        specialtyName: '电气工程',
        levelName: '助理级',
        obtainedOn: '2006-07-01',
        issuerName: '长春市人事局',
        issuedOn: '2006-08-01',
        regionCode: '220100',
        fileIds,
      },
    },
  );

  const problems: string[] = [];
  const page = await openContext(problems, 360, 780);
  await signInStaff(page, 'bureau.city');
  await page.goto(`${stack.origin}/bureau/historical`);
  await page.getByRole('heading', { name: '历史数据登记审核' }).waitFor();
  await page.getByRole('row', { name: /吉职字〔2006〕第0999号/ }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/historical-queue-360.png`, fullPage: true });
  await page.getByRole('link', { name: '审核 李娜' }).click();
  await page.getByRole('heading', { name: /历史职称数据登记审核 · 李娜/ }).waitFor();
  await expectPdfPreview(page, '老证书');
  await page.getByRole('tab', { name: '批文' }).click();
  await expectPdfPreview(page, '批文');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${SHOTS}/historical-detail-360.png`, fullPage: true });

  // Refusing without an opinion is stopped with the reason; with one it is recorded.
  await confirmBy(page, '审核不通过');
  await page.getByText('审核不通过时请填写审核意见').waitFor();
  await page.getByLabel('审核意见').fill('证书编号与档案不符，请核对后重新登记');
  await confirmBy(page, '审核不通过');
  await page.getByText('审核结果').waitFor({ timeout: 10_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/historical-refused-360.png`, fullPage: true });

  const { myHistoricalRegistrations } = await ok<{
    myHistoricalRegistrations: Array<{ statusText: string; opinion: string }>;
  }>(applicant, `{ myHistoricalRegistrations { statusText opinion } }`);
  expect(myHistoricalRegistrations[0]).toEqual({
    statusText: '审核不通过',
    opinion: '证书编号与档案不符，请核对后重新登记',
  });
  expect(problems).toEqual([]);
});
