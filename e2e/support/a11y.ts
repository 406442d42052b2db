// Accessibility check of what a page shows right now, with axe-core (issue 10 item 13): every
// serious or critical violation of WCAG 2.1 A/AA (and axe's best practices) fails the test and is
// named with the elements it was found on.
//
// axe's source is evaluated through the DevTools protocol (page.evaluate), not added as a <script>
// element: the shell's Content-Security-Policy allows only scripts from our origin or with the
// page's nonce, and protocol evaluation is not subject to the page's CSP.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

let axeSource: string | undefined;
const source = () => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/** What axe reports as serious or critical on the page as it is now (after animations settle). */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  // An element fading in is measured at its current opacity: let antd's motions (CSS animations
  // and transitions, started a frame or two after the element appears) finish first; endless
  // ones (spinners) do not count.
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const deadline = Date.now() + 3000;
    await frame();
    await frame();
    while (Date.now() < deadline) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
      await frame();
    }
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source());
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(
      document,
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      },
    ),
  )) as AxeResults;
  return results.violations
    .filter((violation: Result) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation: Result) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    }));
}

/**
 * Fails when axe finds a serious or critical violation, listing each rule, what it asks for and
 * the elements (CSS selectors) it was found on, so the message alone says what to fix.
 */
export async function expectNoSeriousA11yViolations(page: Page, where = page.url()): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact}): ${v.help}\n    ${v.summary}\n    on ${v.targets.slice(0, 8).join('\n       ')}` +
      (v.targets.length > 8 ? `\n       … and ${v.targets.length - 8} more` : ''),
  );
  throw new Error(
    `axe: ${violations.length} serious/critical violation(s) on ${where}:\n${lines.join('\n')}`,
  );
}
