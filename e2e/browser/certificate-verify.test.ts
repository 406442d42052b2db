// 我的证照 and /verify in a real browser, on the whole stack. The applicant has 我的证照 open when
// the committee's 通过 makes the declaration 终审通过: the certificate appears without a reload;
// its PDF downloads (the holder's Chinese name in its text, its credential attached, its QR the
// /verify link), it previews inline, and 申报表 opens the declaration behind it. A browser
// context that never signed in verifies it on /verify by number + name (a wrong name answers
// exactly like an unknown number), by opening the QR link and by dropping the PDF; then, with
// the network cut, the same context opens the QR link again and the page verifies it offline
// (the service worker kept the page, its scripts and did.json) and says which checks it made and
// which need the network. Bad paths: a one-character change is BAD_SIGNATURE online and offline,
// a PDF that carries no credential gets a plain sentence. Screenshots at 1366 and 360 px go to
// /tmp/shots-verify (not the repository), and at 360 px nothing scrolls sideways.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { attachments, decodePrintedQr, pageFacts, readPdf } from '@zhicheng/testing';
import { launchBrowser } from '../support/browser';
import {
  committeePasses,
  declarationAtCommittee,
  DEMO_PASSWORD,
  files,
  ok,
  signedIn,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

const SHOTS = '/tmp/shots-verify';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack('browser_certificate_verify', { demoData: true });
  await stack.settleEvents(); // identity's UnitReady makes the demo units bindable
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
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
  expect(await mine.getByRole('link', { name: '历史职称数据登记' }).getAttribute('href')).toBe(
    '/certificates/historical',
  );
  expect(await mine.getByRole('link', { name: '证书补办/换发' }).getAttribute('href')).toBe(
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
  // An e-certificate number (JL…) not in its printed form: the API's field problem, next to the
  // field. (Other numbers may be registered paper certificates' and are looked up as they are.)
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

  expect(problems).toEqual([]);
}, 240_000);
