// One rule for every Chinese text the platform shows (issue 10 item 15): full-width punctuation.
// Scans the string literals and JSX text of every source file that can reach a person (server
// messages in subgraphs and libs, the front ends' catalogues and pages) so a "基本信息:请填写"
// cannot come back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { halfWidthPunctuationInChinese } from '@zhicheng/domain-codes';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE_ROOTS = ['subgraphs', 'libs', 'frontends', 'shell', 'gateway'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'gql', 'test', '.data']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A GraphQL description (`description: '…'`): API documentation for developers, in English. */
const isDescription = (node: ts.Node) =>
  ts.isPropertyAssignment(node.parent) &&
  node.parent.initializer === node &&
  node.parent.name.getText() === 'description';

/** The literal a template piece belongs to (`a${b}c` for its head "a"). */
function wholeLiteral(node: ts.Node): ts.Node {
  let literal = node;
  while (ts.isTemplateSpan(literal.parent) || ts.isTemplateExpression(literal.parent))
    literal = literal.parent;
  return literal;
}

/** Every text a file can show: string literals, template pieces and JSX text (not comments). */
function textsOf(path: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (isDescription(wholeLiteral(node))) return;
      texts.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return texts;
}

describe('Chinese texts of the platform', () => {
  it('have no half-width punctuation next to a Chinese character', () => {
    const files = SOURCE_ROOTS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((file) =>
      textsOf(file).flatMap(({ line, text }) => {
        const found = halfWidthPunctuationInChinese(text);
        return found.length > 0
          ? [`${relative(ROOT, file)}:${line}: ${found.join(' ')} in ${JSON.stringify(text)}`]
          : [];
      }),
    );
    expect(offending).toEqual([]);
  });
});
