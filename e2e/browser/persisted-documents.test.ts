// Issue 12 item 6: the platform's own pages use persisted documents. Against a gateway that runs
// nothing else (ALLOW_ARBITRARY_DOCUMENTS=false, as in production), an applicant signs in and
// opens their pages in Debian's chromium: every GraphQL request names its document by hash
// (no text), and none is refused.
import type { Browser, Request } from 'playwright-core';
import { createLogger } from '@zhicheng/server-kit';
import { loadGatewayEnv, startGateway, type RunningGateway } from '@zhicheng/gateway';
import { expectNoSeriousA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let strict: RunningGateway;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack('browser_persisted', { demoData: true });
  strict = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: '0',
      ALLOW_ARBITRARY_DOCUMENTS: 'false',
      SUBGRAPH_URLS: JSON.stringify({
        identity: stack.identity.url,
        binding: stack.binding.url,
        declaration: stack.declaration.url,
        review: stack.review.url,
        certificate: stack.certificate.url,
      }),
      IDENTITY_JWKS_URL: stack.identity.jwksUrl,
    }),
    { logger: createLogger('e2e', 'silent') },
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await strict?.close();
  await stack?.stop();
});

describe('persisted documents in a real browser', () => {
  it('signs in and opens the applicant’s pages on a gateway that runs only persisted documents', async () => {
    const page = await browser.newPage();
    const sent: Array<{ operationName?: string; query?: string; hash?: string }> = [];
    const refused: string[] = [];
    page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = request.postDataJSON() as {
        operationName?: string;
        query?: string;
        extensions?: { persistedQuery?: { sha256Hash?: string } };
      };
      sent.push({
        operationName: body.operationName,
        query: body.query,
        hash: body.extensions?.persistedQuery?.sha256Hash,
      });
    });
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
      const text = await response.text().catch(() => '');
      if (/PERSISTED_(QUERY_NOT_FOUND|DOCUMENT_REQUIRED)/.test(text)) refused.push(text);
    });

    await page.goto(`${strict.origin}/sign-in?kind=PERSON`);
    await page.getByLabel('身份证号/手机号').fill('13800000001');
    await page.getByLabel('密码', { exact: true }).fill('Zc@demo2026');
    await page.getByRole('img', { name: '图形验证码图片' }).waitFor();
    await page.getByLabel('图形验证码').fill((await stack.latestCaptcha()).answer);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByText('欢迎，张伟').waitFor({ timeout: 15000 });
    await expectNoSeriousA11yViolations(page, '首页 (applicant, persisted documents only)');
    await page.goto(`${strict.origin}/verify`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 });

    expect(refused).toEqual([]);
    const names = sent.map((s) => s.operationName);
    expect(names).toEqual(expect.arrayContaining(['CreateCaptcha', 'SignIn']));
    for (const request of sent)
      expect({ ...request, hash: request.hash && 'sha256' }).toEqual({
        operationName: request.operationName,
        query: undefined,
        hash: 'sha256',
      });
  });
});
