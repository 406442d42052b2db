// Every page of every role passes axe (issue 10, "done when"): each demo account signs in, and the
// test walks its menu and every page the menu's pages link to (one page per address pattern, ids
// folded), waiting for each to load and checking it with axe-core. A page added later is covered
// as soon as a menu entry or a link leads to it. Applicant pages are also checked at 360 px for
// horizontal scrolling.
//
// The demo data is given a case at every stage first: 张伟 waits at the unit, 李娜 has passed the
// committee (终审通过, a certificate issued), so queues, case pages and 我的证照 are not empty.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../support/a11y';
import { launchBrowser } from '../support/browser';
import {
  bindToDemoUnit,
  committeePasses,
  declarationAtCommittee,
  DEMO_APPLICANTS,
  demoAgent,
  ok,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import { signInPage, type DemoAccount } from '../support/sign-in-page';
import { startStack, type Stack } from '../support/stack';

/** Set to keep a screenshot of every page walked (first screen), named by role and page. */
const SHOTS = process.env.SHOTS_DIR;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
/** Enough for every role's pages today with room to grow; a walk that reaches it fails loudly. */
const MAX_PAGES_PER_ROLE = 60;

let stack: Stack;
let browser: Browser;
let wizardPages: string[] = [];
beforeAll(async () => {
  stack = await startStack('browser_every_page', { demoData: true });
  await stack.settleEvents();
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const agent = await demoAgent(stack);
  const zhang = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.张伟.mobile });
  const unit = await bindToDemoUnit(stack, zhang, agent);
  await submittedTitleDeclaration(stack, zhang, unit.name);
  const li = await signedIn(stack, { kind: 'PERSON', account: DEMO_APPLICANTS.李娜.mobile });
  await committeePasses(stack, await declarationAtCommittee(stack, li, DEMO_APPLICANTS.李娜));
  // …and has a 人才分类定级 draft open, so the wizard's modules and 附件上传 are walked too.
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    li,
    `{ notices(channelCode: "TALENT_CLASSIFICATION", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{
    startDeclaration: { id: string; notice: { formConfig: { modules: Array<{ key: string }> } } };
  }>(
    li,
    `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) {
      id notice { formConfig { modules { key } } } } }`,
    { n: notices[0].id },
  );
  // The wizard moves between modules and to 附件上传 with buttons, not links: name them.
  wizardPages = [
    ...draft.notice.formConfig.modules.map((m) => `/applicant/declarations/${draft.id}/fill?module=${m.key}`),
    `/applicant/declarations/${draft.id}/attachments`,
  ];
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * One address per kind of page: ids (uuids, numbers, certificate numbers) folded to ":id"; the
 * wizard's `?module=` names a different form, so it stays.
 */
function pagePattern(path: string): string {
  const url = new URL(path, 'http://x');
  const module = url.searchParams.get('module');
  const folded = url.pathname
    .split('/')
    .map((segment) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-|^\d+$|^[A-Z]{2}\d{6,}$|^[A-Za-z0-9_-]{20,}$/.test(segment) ? ':id' : segment,
    )
    .join('/');
  return module ? `${folded}?module=${module}` : folded;
}

/** Same-origin page links on the page now (not files, downloads, new windows or sign-out). */
async function pageLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      .filter((a) => a.origin === location.origin && !a.hasAttribute('download') && a.target !== '_blank')
      .map((a) => a.pathname + a.search)
      .filter((path) => !/^\/(files|credentials|graphql|\.well-known)\b/.test(path)),
  );
}

/** The page has its heading and nothing is still loading. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined); // a live page may keep a small spinner; axe still runs
}

/** Walks the role's pages breadth-first from its menu; answers the addresses it checked. */
async function walkEveryPage(
  label: string,
  page: Page,
  check: (page: Page, path: string) => Promise<void>,
  alsoVisit: string[] = [],
) {
  const seen = new Set<string>();
  const queue: string[] = ['/', ...alsoVisit];
  const checked: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const pattern = pagePattern(path);
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    if (checked.length >= MAX_PAGES_PER_ROLE)
      throw new Error(`more than ${MAX_PAGES_PER_ROLE} pages reached: ${checked.join(', ')}`);
    await page.goto(`${stack.origin}${path}`);
    await settled(page);
    await check(page, path);
    if (SHOTS) {
      const name = `${label}${pagePattern(path).replace(/[/?=:]+/g, '-')}`.replace(/-+$/, '');
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    }
    checked.push(path);
    for (const link of await pageLinks(page)) if (!seen.has(pagePattern(link))) queue.push(link);
  }
  return checked;
}

const isApplicant = (account: DemoAccount) => account.kind === 'PERSON';

const ROLES: Array<[string, DemoAccount, string[]]> = [
  // who, account, pages the walk must reach (so a broken menu cannot pass by checking nothing)
  [
    'applicant 李娜',
    { kind: 'PERSON', mobile: DEMO_APPLICANTS.李娜.mobile },
    [
      '/applicant',
      '/certificates',
      '/applicant/declarations/:id/fill',
      '/applicant/declarations/:id/attachments',
    ],
  ],
  ['unit agent 林晓', { kind: 'AGENT', mobile: '13700000011' }, ['/unit/review', '/unit/bindings']],
  ['legal person', { kind: 'LEGAL_PERSON' }, ['/unit/agents']],
  ['province bureau', { kind: 'STAFF', username: 'bureau.province' }, ['/bureau/review']],
  ['city bureau', { kind: 'STAFF', username: 'bureau.city' }, ['/bureau/reissue', '/bureau/historical']],
  ['department', { kind: 'STAFF', username: 'dept.education' }, ['/bureau/review']],
  ['committee secretary', { kind: 'STAFF', username: 'committee.engineering' }, ['/bureau/committee']],
];

describe('every page of every role', () => {
  it.each(ROLES)(
    '%s: axe finds no serious or critical violation',
    async (who, account, mustReach) => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await signInPage(stack, page, account);
      const checked = await walkEveryPage(
        who.replace(/\s+/g, '_'),
        page,
        (p, path) => expectNoSeriousA11yViolations(p, `${path} (${who})`),
        isApplicant(account) ? wizardPages : [],
      );
      const reached = new Set(checked.map((path) => pagePattern(path).split('?')[0]));
      for (const path of mustReach) expect([...reached]).toContain(path);
      expect(problems).toEqual([]);
      await context.close();
    },
    300_000,
  );

  it('applicant pages fit a 360 px phone without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInPage(stack, page, { kind: 'PERSON', mobile: DEMO_APPLICANTS.李娜.mobile });
    const tooWide: string[] = [];
    const checked = await walkEveryPage(
      'applicant_360px',
      page,
      async (p, path) => {
        const width = await p.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) tooWide.push(`${path}: ${width} px`);
        await expectNoSeriousA11yViolations(p, `${path} at 360 px`);
      },
      wizardPages,
    );
    expect(checked.length).toBeGreaterThan(4);
    expect(tooWide).toEqual([]);
    await context.close();
  }, 300_000);
});
