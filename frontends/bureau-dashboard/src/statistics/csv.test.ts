/// <reference types="jest" />
import { csvCell, sectionsCsv } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('长春市')).toBe('长春市');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
  });

  it('writes each section with its title and header, after a byte-order mark', () => {
    const csv = sectionsCsv([
      { id: 'status', title: '按状态', columns: ['状态', '数量'], rows: [['已申报', 3]] },
      { id: 'level', title: '按级别', columns: ['级别', '数量'], rows: [] },
    ]);
    expect(csv).toBe('\uFEFF按状态\r\n状态,数量\r\n已申报,3\r\n\r\n按级别\r\n级别,数量\r\n');
  });
});
