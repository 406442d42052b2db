// The English UI (issue 10 item 12): every role signs in, switches to English with the language
// switch and walks its pages; no page shows Chinese except names and data (people, units,
// organisations, notices, catalogue entries, what applicants typed). The 数据验证信息 list and a
// field error are read in English too. Chinese stays as it was (the other browser tests).
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { dataStringsOf, expectNoChineseUi } from '../support/english';
import {
  bindToDemoUnit,
  committeePasses,
  declarationAtCommittee,
  DEMO_APPLICANTS,
  demoAgent,
  ok,
  signedIn,
} from '../support/flows';
import { signInPage, type DemoAccount } from '../support/sign-in-page';
import { startStack, type Stack } from '../support/stack';

/** Names and data the pages show: demo data, notices, channels, the title catalogue, test input. */
const DATA = dataStringsOf(
  'subgraphs/identity/src/demo-data.ts',
  'subgraphs/declaration/src/demo-data.ts',
  'subgraphs/certificate/src/demo-data.ts',
  'subgraphs/declaration/src/domain/data/channels.ts',
  'libs/domain-codes/src/title-catalogue.ts',
  'subgraphs/declaration/src/domain/data/talent-standards.ts',
  'e2e/support/flows.ts',
);

let stack: Stack;
let browser: Browser;
let submitted: string;
let draft: string;
beforeAll(async () => {
  stack = await startStack('browser_english_ui', { demoData: true });
  await stack.settleEvents();
  browser = await launchBrowser();
  const agent = await demoAgent(stack);
  // 张伟's declaration goes the whole route (unit, 批量送审, bureau, committee): every step, status
  // and level is on some page, and 我的证照 holds the certificate it earned.
  const zhang = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.张伟.mobile });
  submitted = await declarationAtCommittee(stack, zhang);
  await committeePasses(stack, submitted);
  // 李娜 starts a declaration and leaves it empty: her 数据验证信息 lists what is missing.
  const li = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.李娜.mobile });
  await bindToDemoUnit(stack, li, agent);
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    li,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const started = await ok<{ startDeclaration: { id: string; version: number } }>(
    li,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`,
    { n: notices[0].id },
  );
  draft = started.startDeclaration.id;
  // Half a 基本信息 (a draft may be saved so): the list names each missing field.
  const person = DEMO_APPLICANTS.李娜;
  await ok(
    li,
    `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
      saveDeclaration(id: $id, expectedVersion: $v, input: $input) { id } }`,
    {
      id: draft,
      v: started.startDeclaration.version,
      input: {
        basicInfo: {
          name: person.name,
          gender: person.gender,
          idType: 'RESIDENT_ID',
          idNumber: person.idNumber,
          mobile: person.mobile,
          birthDate: person.birthDate,
        },
      },
    },
  );
  await stack.settleEvents();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in on the Chinese sign-in page, then presses the language switch. */
async function englishSession(account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signInPage(stack, page, account);
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
  return page;
}

/** Opens the path and waits until its data has loaded (no spinner, no skeleton left). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${stack.origin}${path}`);
  await page.getByRole('heading').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 });
}

/** Walks the paths and fails once, listing the Chinese UI text of every page. */
async function walk(page: Page, paths: readonly string[]): Promise<void> {
  const failures: string[] = [];
  for (const path of paths) {
    await open(page, path);
    await expectNoChineseUi(page, path, DATA).catch((error: Error) => failures.push(error.message));
  }
  expect(failures).toEqual([]);
}

describe('the English UI shows no Chinese except names and data', () => {
  it('the public pages: sign-in, registration and /verify', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.origin}/`);
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('tab', { name: 'Personal' }).or(page.getByRole('tab').first()).first().waitFor();
    await walk(page, [
      '/sign-in?kind=PERSON',
      '/sign-in?kind=STAFF',
      '/register',
      '/register/unit',
      '/activate',
      '/recover?kind=PERSON',
      '/verify',
    ]);
    await context.close();
  });

  it('the applicant: home, notices, items, access log, the wizard with its 数据验证信息, certificates', async () => {
    const page = await englishSession({ kind: 'PERSON', mobile: DEMO_APPLICANTS.李娜.mobile });
    await walk(page, [
      '/applicant',
      '/applicant/notices',
      '/applicant/items',
      '/applicant/access-log',
      `/applicant/declarations/${draft}/fill`,
      `/applicant/declarations/${draft}/attachments`,
      '/certificates',
      '/certificates/reissue',
      '/certificates/historical',
    ]);
    // The 数据验证信息 list names what is missing, in English.
    await open(page, `/applicant/declarations/${draft}/attachments`);
    const list = page.locator('.zc-validation-list');
    await list.waitFor();
    const items = await list.innerText();
    expect(items).toMatch(/ID card is not uploaded/);
    // A field's own problem, re-checked by the list: the vocabulary's English label.
    expect(items).toMatch(/Ethnicity is required/);
    await page.context().close();
  });

  it('the applicant whose declaration passed: its progress, receipt and certificate', async () => {
    const page = await englishSession({ kind: 'PERSON', mobile: DEMO_APPLICANTS.张伟.mobile });
    await walk(page, [
      `/applicant/declarations/${submitted}/done`,
      '/applicant/items',
      '/applicant/access-log',
      '/certificates',
    ]);
    await page.context().close();
  });

  it('the unit agent and the legal person', async () => {
    const agent = await englishSession({ kind: 'AGENT', mobile: '13700000011' });
    await walk(agent, [
      '/unit',
      '/unit/bindings',
      '/unit/review',
      '/unit/review/queue',
      `/unit/review/case/${submitted}`,
      '/unit/opinions',
    ]);
    await agent.context().close();
    const legal = await englishSession({ kind: 'LEGAL_PERSON' });
    await walk(legal, ['/unit/agents', '/unit/bindings']);
    await legal.context().close();
  });

  it('the bureau, the department and the committee', async () => {
    for (const [account, paths] of [
      [
        'bureau.province',
        [
          '/bureau',
          '/bureau/review',
          '/bureau/review/queue',
          `/bureau/review/case/${submitted}`,
          '/bureau/reissue',
          '/bureau/historical',
          '/bureau/opinions',
        ],
      ],
      ['bureau.city', ['/bureau/reissue', '/bureau/historical']],
      ['dept.education', ['/bureau', '/bureau/review']],
      [
        'committee.engineering',
        ['/bureau', '/bureau/committee', '/bureau/committee/queue', `/bureau/committee/case/${submitted}`],
      ],
    ] as const) {
      const page = await englishSession({ kind: 'STAFF', username: account });
      await walk(page, paths);
      await page.context().close();
    }
  });
});
