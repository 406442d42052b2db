// 我的证照 and /verify in a real browser, on the whole stack. The applicant has 我的证照 open when
// the committee's 通过 makes the declaration 终审通过: the certificate appears without a reload;
// its PDF downloads (the holder's Chinese name in its text, its credential attached, its QR the
// /verify link), it previews inline, and 申报表 opens the declaration behind it. A browser
// context that never signed in verifies it on /verify by number + name (a wrong name answers
// exactly like an unknown number), by opening the QR link and by dropping the PDF; then, with
// the network cut, the same context opens the QR link again and the page verifies it offline
// (the service worker kept the page, its scripts and did.json) and says which checks it made and
// which need the network. Bad paths: a one-character change is BAD_SIGNATURE online and offline,
// a PDF that carries no credential gets a plain sentence. Then issue 9's end: the applicant applies
// for a 补办 through 证书补办/换发 (three PDFs uploaded in the browser; a missing one and a .pdf
// that is not a PDF are refused in words), the bureau approves it in 补办审核, the applicant's page
// shows the change live, and /verify answers 已作废 (naming the new number) for the old
// certificate and 有效 for the new one. A second test registers a paper certificate under
// 历史职称数据登记 with two PDFs; the bureau approves it; /verify answers 已登记的纸质证书; a 补办
// of it gives the holder an e-certificate. Every new page passes axe. Screenshots at 1366 and
// 360 px go to /tmp/shots-verify and /tmp/shots-forms (not the repository), and at 360 px
// nothing scrolls sideways.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { attachments, decodePrintedQr, pageFacts, readPdf } from '@zhicheng/testing';
import { expectNoSeriousA11yViolations as expectAccessible } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  committeePasses,
  declarationAtCommittee,
  DEMO_APPLICANTS,
  DEMO_PASSWORD,
  files,
  ok,
  signedIn,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const SHOTS = '/tmp/shots-verify';
/** The applicant's 补办 and 登记 pages (outside the repository). */
const FORM_SHOTS = '/tmp/shots-forms';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_certificate_verify', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(FORM_SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newContext(problems: string[], width = 1366, height = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  context.on('page', (page) => page.on('pageerror', (error) => problems.push(error.message)));
  return context;
}

async function signIn(page: Page, account: string) {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('tab', { name: '个人登录' }).click();
  await page.getByLabel('身份证号/手机号').fill(account);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
  const { answer } = await stack.latestCaptcha();
  await page.getByLabel('图形验证码').fill(answer);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('button', { name: '安全退出' }).waitFor({ timeout: 15_000 });
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

/** Picks an option of an antd select (the dropdown is a portal) and waits until the select shows it. */
async function choose(page: Page, label: string, option: string) {
  const shown = page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator(`.ant-select-content[title="${option}"]`);
  // A busy machine can close the dropdown while its animation runs (the click then finds nothing
  // stable to press): close it and open it again rather than wait out the default 30 s.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByLabel(label, { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .last()
        .locator(`.ant-select-item-option[title="${option}"]`)
        .click({ timeout: 5000 });
      await shown.first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Chooses a PDF for one material of a form; waits until the page says it is stored. */
async function uploadMaterial(page: Page, material: string, name: string, buffer: Buffer) {
  await page.getByLabel(`选择${material}文件`).setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await page.getByText(`已上传：${name}`).waitFor({ timeout: 15_000 });
}

/** The element of an antd form item labelled `label` (its error text is inside). */
const formItem = (page: Page, label: string): Locator =>
  page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) });

/** Approves an application in the bureau's queue (补办审核 or 历史数据登记审核). */
async function bureauApproves(page: Page, menu: string, rowText: string, holder: string, heading: RegExp) {
  await page.goto(`${stack.origin}/`);
  await page.getByRole('menuitem', { name: menu }).click();
  await page.getByRole('heading', { name: menu }).waitFor();
  await page
    .getByRole('row', { name: new RegExp(rowText) })
    .getByRole('link', { name: `审核 ${holder}` })
    .click();
  await page.getByRole('heading', { name: heading }).waitFor();
  await page.getByLabel('审核意见').fill('材料齐全，同意');
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('button', { name: /^确\s*定$/ }).click();
  await page.getByText('审核结果').waitFor({ timeout: 10_000 });
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The number of answers the verify page has shown (each check is one, even with the same words). */
const answers = (page: Page) =>
  page
    .locator('.zc-verify-result')
    .getAttribute('data-answer')
    .then((value) => Number(value ?? 0));

/** Waits for an answer after the `before`-th and reads it: outcome, mode (online/offline), text. */
async function nextVerification(page: Page, before: number) {
  await page.waitForFunction(
    (count) => {
      const region = document.querySelector<HTMLElement>('.zc-verify-result');
      return !!region && Number(region.dataset.answer) > count && !!region.querySelector('.zc-verification');
    },
    before,
    { timeout: 15_000 },
  );
  const result = page.locator('.zc-verification');
  return {
    outcome: await result.getAttribute('data-outcome'),
    mode: await result.getAttribute('data-mode'),
    text: await result.innerText(),
  };
}

async function verifyByNumber(page: Page, number: string, holderName: string) {
  await page.getByRole('tab', { name: '按编号查询' }).click();
  const before = await answers(page);
  await page.getByLabel('证书编号').fill(number);
  await page.getByLabel('持证人姓名').fill(holderName);
  await page.getByRole('button', { name: /查询验证/ }).click();
  return nextVerification(page, before);
}

/** Opens a /verify link (the QR code's) in the page and reads the answer it gives. */
async function openLink(page: Page, link: string) {
  const before = page.url().startsWith(`${stack.origin}/verify`) ? await answers(page) : 0;
  await page.goto(link);
  return nextVerification(page, before);
}

/** The JWS with one character of its payload changed. */
function changedOneCharacter(jws: string): string {
  const [h, p, s] = jws.split('.');
  return `${h}.${p.slice(0, 60)}${p[60] === 'A' ? 'B' : 'A'}${p.slice(61)}.${s}`;
}

test('我的证照 live → PDF → /verify by number, QR link and PDF → offline with the network cut', async () => {
  const problems: string[] = [];

  // --- a declaration at the committee, through the API ------------------------------------------
  const applicantApi = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const declarationId = await declarationAtCommittee(stack, applicantApi);

  // --- the applicant has 我的证照 open: nothing yet, with where a paper certificate goes ----------
  const holder = await newContext(problems);
  const mine = await holder.newPage();
  await signIn(mine, '13800000001');
  await mine.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '我的证照' }).click();
  await mine.getByRole('heading', { name: '我的证照', level: 1 }).waitFor();
  await mine.getByText('暂无电子证书').waitFor();
  const empty = mine.locator('.ant-empty');
  expect(await empty.getByRole('link', { name: '历史职称数据登记' }).getAttribute('href')).toBe(
    '/certificates/historical',
  );
  expect(await empty.getByRole('link', { name: '证书补办/换发' }).getAttribute('href')).toBe(
    '/certificates/reissue',
  );
  await mine.evaluate(() => {
    (window as unknown as { __zcNoReload: boolean }).__zcNoReload = true;
  });

  // --- 终审通过: the certificate appears without a reload ----------------------------------------
  await committeePasses(stack, declarationId);
  const card = mine.getByRole('article');
  await card.waitFor({ timeout: 10_000 });
  expect(await mine.evaluate(() => (window as unknown as { __zcNoReload?: boolean }).__zcNoReload)).toBe(
    true,
  );
  const { myCertificates } = await ok<{
    myCertificates: Array<{ number: string; holderName: string; titleName: string; credential: string }>;
  }>(applicantApi, `{ myCertificates { number holderName titleName credential } }`);
  expect(myCertificates).toHaveLength(1);
  const certificate = myCertificates[0];
  await card.getByRole('heading', { name: certificate.titleName }).waitFor();
  await card.getByText(certificate.number, { exact: true }).waitFor();
  await card.getByText('有效', { exact: true }).waitFor();
  await card.getByText('吉林省工程系列高级职称评审委员会').waitFor();
  await mine.screenshot({ path: `${SHOTS}/mine-1366.png`, fullPage: true });

  // --- 下载: the signed PDF with the holder's name, its credential and the QR's /verify link -----
  const [download] = await Promise.all([
    mine.waitForEvent('download'),
    mine.getByRole('button', { name: `下载证书${certificate.number}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`职称证书-${certificate.number}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(await pageFacts(pdf)).toEqual([{ width: 841.89, height: 595.28 }]);
  expect(readPdf(pdf).text).toContain(certificate.holderName);
  expect(/[\u4e00-\u9fff]/.test(certificate.holderName)).toBe(true);
  expect((await attachments(pdf)).get('credential.jwt')?.toString()).toBe(certificate.credential);
  const qrLink = await decodePrintedQr(pdf);
  expect(qrLink).toBe(`http://localhost:4000/verify#${certificate.credential}`);

  // --- 预览: the PDF inline (from memory: the file route answers it as an attachment) -----------
  await card.getByRole('button', { name: `预览证书${certificate.number}` }).click();
  const preview = mine.getByRole('dialog', { name: `证书预览 · ${certificate.number}` });
  const frame = preview.locator('iframe');
  await frame.waitFor({ timeout: 15_000 });
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  expect(await frame.getAttribute('title')).toBe(`证书${certificate.number}的 PDF 预览`);
  await mine.waitForTimeout(1500); // the browser's PDF viewer draws the page
  await mine.screenshot({ path: `${SHOTS}/mine-preview-1366.png` });
  await preview.getByRole('button', { name: '关闭', exact: true }).click();
  await preview.waitFor({ state: 'hidden' });

  // --- 申报表: the declaration behind it, in the applicant wizard --------------------------------
  await card.getByRole('link', { name: `查看证书${certificate.number}的申报表` }).click();
  await mine.waitForURL(new RegExp(`/applicant/declarations/${declarationId}(/done)?$`));
  await mine.getByText('终审通过').first().waitFor({ timeout: 15_000 });

  // --- 我的证照 on a phone: nothing scrolls sideways ----------------------------------------------
  await mine.setViewportSize({ width: 360, height: 780 });
  await mine.goto(`${stack.origin}/certificates`);
  await mine.getByRole('article').waitFor();
  await mine.screenshot({ path: `${SHOTS}/mine-360.png`, fullPage: true });
  expect(await fitsPhone(mine)).toBeLessThanOrEqual(360);

  // --- a context that never signed in: /verify by number + name ----------------------------------
  const visitor = await newContext(problems);
  const verify = await visitor.newPage();
  await verify.goto(`${stack.origin}/verify`);
  await verify.getByRole('heading', { name: '证书查询验证', level: 1 }).waitFor();
  expect(verify.url()).toBe(`${stack.origin}/verify`); // not sent to sign-in
  // The page is kept for offline use once its worker holds the page, the scripts and the keys.
  await verify.getByText('本页已保存到本机：断网时也可以核验证书签名').waitFor({ timeout: 20_000 });

  const valid = await verifyByNumber(verify, certificate.number, certificate.holderName);
  expect(valid).toMatchObject({ outcome: 'VALID', mode: 'online' });
  expect(valid.text).toContain('证书有效');
  expect(valid.text).toContain(certificate.titleName);
  const wrongName = await verifyByNumber(verify, certificate.number, `${certificate.holderName}甲`);
  expect(wrongName.outcome).toBe('NOT_FOUND');
  expect(wrongName.text).toContain('未找到与该证书编号和持证人姓名相符的证书');
  expect(wrongName.text).not.toContain(certificate.titleName);
  const unknown = await verifyByNumber(verify, 'JL209900000001', certificate.holderName);
  // The same answer, word for word, as for an unknown number: names cannot be harvested.
  expect(unknown).toEqual({ ...wrongName });
  await verify.screenshot({ path: `${SHOTS}/verify-number-1366.png`, fullPage: true });
  // A printed paper number is not refused by the page: the API looks it up (here: nobody's).
  const paperUnknown = await verifyByNumber(verify, '吉职字〔1999〕第0001号', certificate.holderName);
  expect(paperUnknown.outcome).toBe('NOT_FOUND');
  // A mistyped e-certificate number: the API's field problem, next to the field.
  await verify.getByLabel('证书编号').fill('JL12345');
  await verify.getByRole('button', { name: /查询验证/ }).click();
  await verify
    .locator('#number_help, .ant-form-item-explain-error')
    .filter({ hasText: '证书编号格式为 JL + 4 位年份 + 8 位序号' })
    .first()
    .waitFor();

  // --- by the QR code: opening its link verifies at once ----------------------------------------
  const qrPage = await visitor.newPage();
  const byQr = await openLink(qrPage, `${stack.origin}/verify#${certificate.credential}`);
  expect(byQr).toMatchObject({ outcome: 'VALID', mode: 'online' });
  expect(byQr.text).toContain('与发证机关登记的证书一致');
  expect(byQr.text).toContain(certificate.number);
  await qrPage.screenshot({ path: `${SHOTS}/verify-qr-1366.png`, fullPage: true });

  // A credential changed by one character: BAD_SIGNATURE, in plain words.
  const tampered = changedOneCharacter(certificate.credential);
  const bad = await openLink(qrPage, `${stack.origin}/verify#${tampered}`);
  expect(bad.outcome).toBe('BAD_SIGNATURE');
  expect(bad.text).toContain('证书凭证签名校验失败：内容已被改动或签名无效');
  expect(bad.text).not.toContain(certificate.number);

  // --- by dropping a file: a PDF without a credential, then the certificate's own PDF ----------
  await verify.getByRole('tab', { name: '上传证书文件' }).click();
  const chooser = verify.locator('input[type=file]');
  await chooser.setInputFiles({ name: '随便一个文件.pdf', mimeType: 'application/pdf', buffer: files.pdf() });
  await verify.getByText('该 PDF 中没有附带证书凭证（credential.jwt），不是本平台下载的电子证书').waitFor();
  const beforePdf = await answers(verify);
  await chooser.setInputFiles({
    name: `职称证书-${certificate.number}.pdf`,
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  const byPdf = await nextVerification(verify, beforePdf);
  expect(byPdf).toMatchObject({ outcome: 'VALID', mode: 'online' });
  // A picture of the QR code (as a phone photographs it: a PNG of the printed link), decoded by jsQR.
  const photo = await QRCode.toBuffer(qrLink!, { errorCorrectionLevel: 'L', scale: 4, margin: 4 });
  const beforePhoto = await answers(verify);
  await chooser.setInputFiles({ name: '证书二维码.png', mimeType: 'image/png', buffer: photo });
  const byPhoto = await nextVerification(verify, beforePhoto);
  expect(byPhoto).toMatchObject({ outcome: 'VALID', mode: 'online' });
  expect(byPhoto.text).toContain(certificate.number);
  await chooser.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('这不是证书'),
  });
  await verify.getByText('该文件不是证书凭证').waitFor();

  // /verify on a phone, for someone who never signed in.
  await qrPage.setViewportSize({ width: 360, height: 780 });
  await qrPage.goto(`${stack.origin}/verify`);
  await openLink(qrPage, `${stack.origin}/verify#${certificate.credential}`);
  await qrPage.screenshot({ path: `${SHOTS}/verify-360.png`, fullPage: true });
  expect(await fitsPhone(qrPage)).toBeLessThanOrEqual(360);

  // Sign-in offers 证书查询验证 to visitors, and its header still fits the phone.
  await qrPage.goto(`${stack.origin}/sign-in`);
  await qrPage.getByRole('link', { name: '证书查询验证' }).click();
  await qrPage.getByRole('heading', { name: '证书查询验证', level: 1 }).waitFor();
  await qrPage.goBack();
  await qrPage.getByRole('tab', { name: '个人登录' }).waitFor();
  await qrPage.screenshot({ path: `${SHOTS}/sign-in-360.png` });
  expect(await fitsPhone(qrPage)).toBeLessThanOrEqual(360);

  // --- the network cut: the QR link still verifies, offline, and says what it checked -----------
  await visitor.setOffline(true);
  const offline = await visitor.newPage();
  const navigation = offline.waitForResponse((response) => response.request().isNavigationRequest());
  const offlineResult = await openLink(offline, `${stack.origin}/verify#${certificate.credential}`);
  // The page itself came from the service worker.
  expect((await navigation).fromServiceWorker()).toBe(true);
  expect(offlineResult).toMatchObject({ outcome: 'VALID', mode: 'offline' });
  expect(offlineResult.text).toContain('当前网络不可用，已在本机离线核验');
  expect(offlineResult.text).toContain('签名有效（离线核验）');
  expect(offlineResult.text).toContain('签名有效');
  expect(offlineResult.text).toContain('密钥属于本平台');
  expect(offlineResult.text).toMatch(/作废状态（需联网核验）/);
  expect(offlineResult.text).toMatch(/与发证机关登记的证书一致（需联网核验）/);
  expect(offlineResult.text).toContain(certificate.number);
  expect(offlineResult.text).toContain(certificate.holderName);
  await offline.screenshot({ path: `${SHOTS}/verify-offline-1366.png`, fullPage: true });
  // Offline, a changed credential is refused too.
  const offlineBad = await openLink(offline, `${stack.origin}/verify#${tampered}`);
  expect(offlineBad).toMatchObject({ outcome: 'BAD_SIGNATURE', mode: 'offline' });
  expect(offlineBad.text).toContain('证书凭证签名校验失败');

  // --- 补办 through the applicant's form: find the certificate, three PDFs in the browser ------
  await visitor.setOffline(false);
  await mine.setViewportSize({ width: 1366, height: 900 });
  await mine.goto(`${stack.origin}/certificates`);
  await mine
    .getByRole('navigation', { name: '职称证书' })
    .getByRole('link', { name: '证书补办/换发' })
    .click();
  await mine.getByRole('heading', { name: '证书补办/换发', level: 1 }).waitFor();
  await mine.evaluate(() => {
    (window as unknown as { __zcNoReload: boolean }).__zcNoReload = true;
  });
  // A number the system does not know: the page points to 历史职称数据登记.
  await mine.getByLabel('按证书编号查询').fill('吉职字〔1999〕第0001号');
  await mine.getByRole('button', { name: '查询', exact: true }).click();
  const notFound = mine.getByRole('alert').filter({ hasText: '未查询到证书信息：吉职字〔1999〕第0001号' });
  await notFound.waitFor();
  expect(await notFound.getByRole('link', { name: '历史职称数据登记' }).getAttribute('href')).toBe(
    '/certificates/historical',
  );
  // The certificate itself, found by its number.
  await mine.getByLabel('按证书编号查询').fill(certificate.number);
  await mine.getByRole('button', { name: '查询', exact: true }).click();
  await mine.getByText(`补办（换发）证书：${certificate.number}（${certificate.titleName}）`).waitFor();
  expect(await mine.getByRole('radio', { name: new RegExp(certificate.number) }).isChecked()).toBe(true);
  await mine.getByRole('radio', { name: '评审' }).check();
  await mine.getByRole('radio', { name: '补办' }).check();
  await choose(mine, '所属行政区划', '长春市本级');
  await choose(mine, '所属申报点', '长春市人力资源和社会保障局职称申报点');
  await mine.getByLabel('补办（换发）原因').fill('纸质证书遗失，已登报声明作废');
  // A .pdf that is not a PDF: the server reads its bytes and refuses it, in words.
  await mine.getByLabel('选择原申报表/老证书/批文文件').setInputFiles({
    name: '老证书.pdf',
    mimeType: 'application/pdf',
    buffer: files.exe(),
  });
  await mine
    .getByRole('alert')
    .filter({ hasText: '老证书.pdf' })
    .filter({ hasText: '文件实际类型为 可执行程序（EXE），与允许的格式（PDF）不符' })
    .waitFor({ timeout: 15_000 });
  // 上传 again with the real PDF (the refusal stays until then).
  await uploadMaterial(mine, '原申报表/老证书/批文', '老证书.pdf', files.pdf());
  await uploadMaterial(mine, '证书作废登报声明', '作废声明.pdf', files.pdf());
  // Submitted without 证书补办（换发）申请表: the problem is named, next to the materials and on top.
  await mine.getByRole('button', { name: '提交申请' }).click();
  const missing = '请上传“证书补办（换发）申请表”（PDF格式，三项必须上传）';
  await formItem(mine, '材料上传').getByText(missing).waitFor();
  await mine.locator('.ant-alert').filter({ hasText: '请修正以下 1 个问题' }).getByText(missing).waitFor();
  await expectAccessible(mine, '证书补办/换发 (a problem shown)');
  await uploadMaterial(mine, '证书补办（换发）申请表', '补办申请表.pdf', files.pdf());
  await mine.screenshot({ path: `${FORM_SHOTS}/reissue-form-1366.png`, fullPage: true });
  await mine.getByRole('button', { name: '提交申请' }).click();
  const application = mine.getByRole('article').filter({ hasText: `补办 · ${certificate.number}` });
  await application.getByText('待审核').waitFor({ timeout: 10_000 });
  await expectAccessible(mine, '证书补办/换发 (submitted)');
  await mine.screenshot({ path: `${FORM_SHOTS}/reissue-pending-1366.png`, fullPage: true });

  // --- the bureau approves in 补办审核; the applicant's page changes live ---------------------
  const bureauContext = await newContext(problems);
  const bureau = await bureauContext.newPage();
  await signInStaff(bureau, 'bureau.city');
  await bureauApproves(
    bureau,
    '补办审核',
    certificate.number,
    certificate.holderName,
    /证书补办（换发）审核/,
  );
  await application.getByText('审核通过', { exact: true }).waitFor({ timeout: 15_000 });
  const approvedText = await application.innerText();
  const newNumber = /新证书编号：(JL\d{12})/.exec(approvedText)?.[1];
  expect(newNumber).toBeDefined();
  expect(newNumber).not.toBe(certificate.number);
  expect(await mine.evaluate(() => (window as unknown as { __zcNoReload?: boolean }).__zcNoReload)).toBe(
    true,
  );
  await application.getByRole('link', { name: '到“我的证照”下载电子证书' }).waitFor();
  await mine.screenshot({ path: `${FORM_SHOTS}/reissue-approved-1366.png`, fullPage: true });

  // --- /verify: the old certificate 已作废 naming the new one; the new one valid ---------------
  const oldVerified = await verifyByNumber(verify, certificate.number, certificate.holderName);
  expect(oldVerified.outcome).toBe('REVOKED');
  expect(oldVerified.text).toContain('证书已作废');
  expect(oldVerified.text).toContain(`新证书编号：${newNumber}`);
  expect(oldVerified.text).toMatch(/作废日期\s*\d{4}-\d{2}-\d{2}/);
  expect(oldVerified.text).toContain('证书补办');
  const newVerified = await verifyByNumber(verify, newNumber!, certificate.holderName);
  expect(newVerified.outcome).toBe('VALID');
  expect(newVerified.text).toContain('证书有效');
  expect(newVerified.text).toMatch(new RegExp(`原证书编号\\s*${certificate.number}`));
  expect(newVerified.text).toContain('职称证书');
  await verify.screenshot({ path: `${FORM_SHOTS}/verify-revoked-1366.png`, fullPage: true });
  await expectAccessible(verify, '/verify (已作废)');

  // --- the reissue page on a phone ------------------------------------------------------------
  await mine.setViewportSize({ width: 360, height: 780 });
  await mine.goto(`${stack.origin}/certificates/reissue`);
  await mine.getByRole('article').first().waitFor();
  await mine.screenshot({ path: `${FORM_SHOTS}/reissue-360.png`, fullPage: true });
  expect(await fitsPhone(mine)).toBeLessThanOrEqual(360);
  await expectAccessible(mine, '证书补办/换发 at 360 px');

  expect(problems).toEqual([]);
}, 420_000);

test('历史职称数据登记 with two PDFs → the bureau approves → 已登记的纸质证书 on /verify → its 补办 gives an e-certificate', async () => {
  const problems: string[] = [];
  const li = DEMO_APPLICANTS.李娜;
  const paperNumber = '吉职字〔2006〕第0815号';

  const holder = await newContext(problems);
  const page = await holder.newPage();
  await signIn(page, li.mobile);
  await page.goto(`${stack.origin}/certificates`);
  await page
    .getByRole('navigation', { name: '职称证书' })
    .getByRole('link', { name: '历史职称数据登记' })
    .click();
  await page.getByRole('heading', { name: '历史职称数据登记', level: 1 }).waitFor();
  await page.getByText('所有信息请严格按照历史证书填写').waitFor();
  await page.getByText('暂无登记记录').waitFor();
  await expectAccessible(page, '历史职称数据登记');

  // The paper certificate as printed, its region, and one PDF only: the form says two are needed.
  await page.getByLabel('证书编号', { exact: true }).fill(paperNumber);
  expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe(li.name);
  await page.getByLabel('身份证件号码').fill(li.idNumber);
  await page.getByRole('radio', { name: '初定' }).check();
  await page.getByLabel('资格名称').fill('助理工程师');
  await page.getByLabel('专业', { exact: true }).fill('电气工程');
  await choose(page, '级别', '助理级');
  await page.getByLabel('取得资格时间').fill('2006-07-01');
  await page.getByLabel('发证机关').fill('长春市人事局');
  await page.getByLabel('发证日期').fill('2006-08-01');
  await choose(page, '所属行政区划', '长春市本级');
  await uploadMaterial(page, '老证书', '老证书.pdf', files.pdf());
  await page.getByRole('button', { name: '提交申请' }).click();
  await formItem(page, '材料上传')
    .getByText('申报表、老证书、批文至少上传2项（PDF格式），当前只上传了1项')
    .waitFor();
  await uploadMaterial(page, '批文', '批文.pdf', files.pdf());
  await page.screenshot({ path: `${FORM_SHOTS}/historical-form-1366.png`, fullPage: true });
  await page.getByRole('button', { name: '提交申请' }).click();
  const registration = page.getByRole('article').filter({ hasText: paperNumber });
  await registration.getByText('待审核').waitFor({ timeout: 10_000 });
  await expectAccessible(page, '历史职称数据登记 (submitted)');

  // The bureau approves it; the holder's page shows it live, with 申请补办电子证书.
  const bureau = await (await newContext(problems)).newPage();
  await signInStaff(bureau, 'bureau.city');
  await bureauApproves(bureau, '历史数据登记审核', paperNumber, li.name, /历史职称数据登记审核 · 李娜/);
  await registration.getByText('审核通过', { exact: true }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${FORM_SHOTS}/historical-approved-1366.png`, fullPage: true });

  // Anyone verifies it by its printed number: 已登记的纸质证书, in force.
  const visitor = await (await newContext(problems)).newPage();
  await visitor.goto(`${stack.origin}/verify`);
  const paper = await verifyByNumber(visitor, paperNumber, li.name);
  expect(paper.outcome).toBe('REGISTERED_PAPER');
  expect(paper.text).toContain('已登记的纸质证书');
  expect(paper.text).toContain('助理工程师');
  await visitor.screenshot({ path: `${FORM_SHOTS}/verify-paper-1366.png`, fullPage: true });
  await expectAccessible(visitor, '/verify (已登记的纸质证书)');

  // 申请补办 of it: the reissue page opens with it chosen; three PDFs; the bureau approves.
  await registration.getByRole('link', { name: `申请补办电子证书：证书${paperNumber}` }).click();
  await page.getByRole('heading', { name: '证书补办/换发', level: 1 }).waitFor();
  await page.getByText(`补办（换发）证书：${paperNumber}（助理工程师）`).waitFor();
  await page.getByRole('radio', { name: '初定' }).check();
  await page.getByRole('radio', { name: '换发' }).check();
  await choose(page, '所属行政区划', '长春市本级');
  await choose(page, '所属申报点', '长春市政务服务中心人社窗口');
  await page.getByLabel('补办（换发）原因').fill('历史证书电子化');
  await uploadMaterial(page, '原申报表/老证书/批文', '老证书.pdf', files.pdf());
  await uploadMaterial(page, '证书作废登报声明', '作废声明.pdf', files.pdf());
  await uploadMaterial(page, '证书补办（换发）申请表', '申请表.pdf', files.pdf());
  await page.getByRole('button', { name: '提交申请' }).click();
  const application = page.getByRole('article').filter({ hasText: `换发 · ${paperNumber}` });
  await application.getByText('待审核').waitFor({ timeout: 10_000 });
  await bureauApproves(bureau, '补办审核', paperNumber, li.name, /证书补办（换发）审核/);
  await application.getByText('审核通过', { exact: true }).waitFor({ timeout: 15_000 });
  const newNumber = /新证书编号：(JL\d{12})/.exec(await application.innerText())?.[1];
  expect(newNumber).toBeDefined();

  // The e-certificate is in 我的证照 and valid; the paper one now names it.
  await application.getByRole('link', { name: '到“我的证照”下载电子证书' }).click();
  await page.getByRole('article').filter({ hasText: newNumber! }).waitFor();
  const electronic = await verifyByNumber(visitor, newNumber!, li.name);
  expect(electronic.outcome).toBe('VALID');
  expect(electronic.text).toMatch(new RegExp(`原证书编号\\s*${paperNumber}`));
  const superseded = await verifyByNumber(visitor, paperNumber, li.name);
  expect(superseded.outcome).toBe('REVOKED');
  expect(superseded.text).toContain(`新证书编号：${newNumber}`);

  // The registration page on a phone.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${stack.origin}/certificates/historical`);
  await page.getByRole('article').first().waitFor();
  await page.getByText(`已补办电子证书：${newNumber}`).waitFor();
  await page.screenshot({ path: `${FORM_SHOTS}/historical-360.png`, fullPage: true });
  expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
  await expectAccessible(page, '历史职称数据登记 at 360 px');
  expect(problems).toEqual([]);
}, 300_000);
