// CSV for 导出CSV: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads the Chinese, and cells
// that a spreadsheet would run as a formula (=, +, -, @ first) quoted with a leading apostrophe.
import type { Cell, Section } from './sections';

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every section one after another: its title, its header, its rows, then an empty line. */
export function sectionsCsv(sections: Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(csvCell(section.title), section.columns.map(csvCell).join(','));
    for (const row of section.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}
