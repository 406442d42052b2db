// The English UI shows no Chinese except names and data (issue 10 item 12). chineseUiText reads
// every visible text of the page (text nodes, and the aria-label, placeholder, title and alt a
// screen reader or a hover shows), takes away the known data strings and answers what Chinese is
// left: UI words that were not translated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const HAN = /\p{Script=Han}/u;

/** Chinese string literals of data files: demo people, units, organisations, notices, catalogues. */
export function dataStringsOf(...files: string[]): string[] {
  const root = join(__dirname, '..', '..');
  const found = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
    for (const match of source.matchAll(/'([^'\n]*)'|`([^`\n]*)`|"([^"\n]*)"/g)) {
      const text = match[1] ?? match[2] ?? match[3];
      if (HAN.test(text) && !text.includes('${')) found.add(text);
      // Values quoted inside a GraphQL document: opinion: "同意推荐。", fileName: "推荐报告.pdf".
      for (const inner of text.matchAll(/"([^"]+)"/g)) if (HAN.test(inner[1])) found.add(inner[1]);
    }
  }
  return [...found];
}

/** Every text the page shows, one entry per node or attribute. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const shown = (element: Element | null): boolean => {
      if (!element) return false;
      if (element.closest('[aria-hidden="true"], [hidden], template, script, style, noscript')) return false;
      // Text marked as Chinese on purpose (the language switch names 简体中文 in its own language).
      if (element.closest('body [lang^="zh"]')) return false;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 || box.height > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && shown(node.parentElement)) texts.push(text);
    }
    for (const element of Array.from(
      document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]'),
    )) {
      if (!shown(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

/** The Chinese left on the page once the known data strings are taken away. */
export async function chineseUiText(page: Page, data: readonly string[]): Promise<string[]> {
  const longestFirst = [...data].sort((a, b) => b.length - a.length);
  const left = new Set<string>();
  for (const text of await visibleTexts(page)) {
    if (!HAN.test(text)) continue;
    let rest = text;
    for (const known of longestFirst) if (rest.includes(known)) rest = rest.split(known).join(' ');
    if (HAN.test(rest)) left.add(text);
  }
  return [...left];
}

/** Fails naming every Chinese UI text found on the page. */
export async function expectNoChineseUi(page: Page, where: string, data: readonly string[]): Promise<void> {
  const found = await chineseUiText(page, data);
  if (found.length > 0)
    throw new Error(`Chinese UI text in the English UI on ${where}:\n  ${found.join('\n  ')}`);
}
