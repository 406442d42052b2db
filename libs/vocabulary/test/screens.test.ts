// One vocabulary (issue 11 item 7): a screen names a declaration field only as the vocabulary
// does. The wizard, the review pages and the business forms label fields from the vocabulary;
// this scan fails when one of their sources writes its own Chinese label for a field instead
// (as the review page once said 毕业证书编号 where the form said 学历证书编号).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODULE_KEYS, MODULES as VOCABULARY } from '../src';

const ROOT = join(__dirname, '..', '..', '..');

describe('every screen names fields as the vocabulary does', () => {
  it('no screen writes its own Chinese label for a declaration field', () => {
    // Field names that are compound words (diplomaNumber, currentTitleDate …) name one field only.
    const labels = new Map<string, Set<string>>();
    for (const key of MODULE_KEYS)
      for (const field of VOCABULARY[key].fields)
        if (/[A-Z]/.test(field.name))
          labels.set(field.name, (labels.get(field.name) ?? new Set()).add(field.zh));
    const files = execFileSync(
      'git',
      [
        'ls-files',
        'frontends/applicant-wizard/src/wizard',
        'frontends/applicant-wizard/src/declaration',
        'libs/web-kit/src/review',
        'libs/web-kit/src/declaration',
        'libs/business-forms/src',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('i18n.ts'));
    const differing: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const [, name, text] of source.matchAll(/\b(\w+): '([^'\n]*\p{Script=Han}[^'\n]*)'/gu)) {
        const known = labels.get(name);
        if (known && !known.has(text))
          differing.push(`${file}: ${name} '${text}' (vocabulary: ${[...known]})`);
      }
    }
    expect(differing).toEqual([]);
  });
});
