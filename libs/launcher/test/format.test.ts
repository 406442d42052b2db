import { displayWidth, formatLogLine, formatTable, parseDemoLine } from '../src';

describe('parseDemoLine', () => {
  it('reads the tab-separated lines seeds print', () => {
    expect(parseDemoLine('DEMO\t申报人\t110101199003071233\tZc@demo2026\t张三\t')).toEqual([
      '申报人',
      '110101199003071233',
      'Zc@demo2026',
      '张三',
      '',
    ]);
    expect(parseDemoLine('DEMO free text')).toEqual(['free text']);
    expect(parseDemoLine('identity: applied 1 migration')).toBeUndefined();
    expect(parseDemoLine('DEMOCRACY')).toBeUndefined();
  });
});

describe('formatTable', () => {
  it('aligns columns by display width, CJK counting double', () => {
    expect(displayWidth('申报人')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
    const lines = formatTable(
      ['role', 'account', 'note'],
      [
        ['申报人', '110101199003071233', ''],
        ['unit agent', '91350100M000100Y43', ''],
      ],
    );
    expect(lines).toEqual([
      'role        account',
      '----------  ------------------',
      '申报人      110101199003071233',
      'unit agent  91350100M000100Y43',
    ]);
  });
});

describe('formatLogLine', () => {
  it('summarises pino lines and leaves others alone', () => {
    expect(
      formatLogLine(
        '{"level":30,"time":1,"pid":2,"hostname":"h","service":"identity","msg":"listening","port":4101}',
      ),
    ).toBe('INFO listening port=4101');
    expect(
      formatLogLine('{"level":50,"msg":"boom","err":{"message":"bad","stack":"Error: bad\\n    at x"}}'),
    ).toBe('ERROR boom\nError: bad\n    at x');
    expect(
      formatLogLine(
        '{"level":30,"msg":"request completed","req":{"method":"POST","url":"/graphql"},"res":{"statusCode":200},"responseTime":4}',
      ),
    ).toBe('INFO request completed POST /graphql → 200 responseTime=4');
    expect(formatLogLine('plain text')).toBe('plain text');
    expect(formatLogLine('{not json')).toBe('{not json');
  });
});
