import { Writable } from 'node:stream';
import { parse } from 'graphql';
import {
  createErrorFormatter,
  createLogger,
  isCleanText,
  refusedText,
  safeErrorForLog,
  TooDeep,
  uncleanLiterals,
  uncleanStrings,
} from '../src';

describe('isCleanText', () => {
  it('keeps text a person types, tabs and line breaks included', () => {
    for (const text of ['王小明', 'a\tb\r\nc', '𠀀 emoji 😀', '']) expect(isCleanText(text)).toBe(true);
  });
  it('refuses C0 controls, DEL and lone surrogates', () => {
    for (const text of ['a\u0000b', '\u001b[31m', 'x\u007f', '\ud800', 'a\udc00b', '\ud83d'])
      expect(isCleanText(text)).toBe(false);
  });
});

describe('uncleanStrings and uncleanLiterals', () => {
  it('names each bad field of the variables by its path', () => {
    expect(
      uncleanStrings({ input: { name: 'a\u0000', list: ['ok', '\ud800'], nested: { ok: 'fine' } } }, ''),
    ).toEqual(['input.name', 'input.list.1']);
  });
  it('refuses variables nested deeper than any input, without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => uncleanStrings({ deep }, '')).toThrow(TooDeep);
    const refused = refusedText(parse('{ __typename }'), { deep });
    expect(refused?.extensions.code).toBe('BAD_REQUEST');
  });

  it('names bad literals by field, argument and object field', () => {
    const document = parse('mutation { save(input: { name: "x\\u0000", note: "ok" }) { id } }');
    expect(uncleanLiterals(document)).toEqual(['save.input.name']);
  });
});

/** What MikroORM's driver errors look like: the statement with every parameter in the message. */
class UniqueConstraintViolationException extends Error {
  code = '23505';
  sqlState = '23505';
  detail = 'Key (id_number)=(220102198808080118) already exists.';
  sql = 'insert into "declaration" ("id_number", "mobile") values ($1, $2)';
  params = ['220102198808080118', '13912345678'];
}

describe('logging errors', () => {
  const driverError = () =>
    new UniqueConstraintViolationException(
      'insert into "declaration" ("id_number", "mobile") values (\'220102198808080118\', \'13912345678\') - duplicate key value',
    );

  it('keeps no SQL, parameters or detail of a driver error', () => {
    const text = JSON.stringify(safeErrorForLog({ message: 'wrapper', originalError: driverError() }));
    expect(text).not.toContain('220102198808080118');
    expect(text).not.toContain('13912345678');
    expect(text).toContain('23505');
  });

  it('writes none of it when a resolver fails with it', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'test',
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const format = createErrorFormatter(logger);
    const answer = format({ message: driverError().message, path: ['save'] }, driverError());
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(answer)).not.toContain('220102198808080118');
    const log = lines.join('');
    expect(log).toContain('UniqueConstraintViolationException');
    expect(log).not.toContain('220102198808080118');
    expect(log).not.toContain('13912345678');
  });

  it('redacts file tokens and query strings from request lines', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'test',
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.info({
      req: {
        method: 'GET',
        url: '/files/review/downloads/secret.token?download=1',
        headers: { authorization: 'Bearer x' },
      },
    });
    expect(lines.join('')).toContain('/files/review/downloads/[redacted]');
    expect(lines.join('')).not.toMatch(/secret\.token|Bearer/);
  });
});

describe('answering errors', () => {
  it('names no internal service: the gateway’s serviceName and raw upstream answer are dropped', () => {
    const format = createErrorFormatter(createLogger('test', 'silent'));
    const answer = format(
      {
        message: '您无权进行此操作',
        path: ['publishNotice'],
        extensions: {
          code: 'FORBIDDEN',
          serviceName: 'declaration',
          response: { url: 'http://127.0.0.1:4103' },
        },
      },
      new Error('FORBIDDEN'),
    );
    expect(answer.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('variables graphql-js cannot coerce', () => {
  const format = createErrorFormatter(createLogger('test', 'silent'));
  const answer = (message: string) =>
    format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new Error(message));

  it.each([
    [
      'Variable "$modules" got invalid value "220102198808080118" at "modules[0]"; Value "220102198808080118" does not exist in "ModuleKey" enum.',
      { field: 'modules.0', code: 'INVALID_ENUM' },
    ],
    [
      'Variable "$input" got invalid value { mobile: 13800000001 } at "input.mobile"; String cannot represent a non string value: 13800000001',
      { field: 'input.mobile', code: 'INVALID_TYPE' },
    ],
    [
      'Variable "$input" got invalid value { x: "13800000001" }; Field "x" is not defined by type "SignInInput".',
      { field: 'input.x', code: 'UNKNOWN_FIELD' },
    ],
    [
      'Variable "$input" got invalid value {}; Field "password" of required type "String!" was not provided.',
      { field: 'input.password', code: 'REQUIRED' },
    ],
    ['Variable "$id" of non-null type "ID!" must not be null.', { field: 'id', code: 'REQUIRED' }],
    ['Variable "$id" of required type "ID!" was not provided.', { field: 'id', code: 'REQUIRED' }],
  ])('%s → a field problem in Chinese without the value', (message, expected) => {
    const formatted = answer(message);
    expect(formatted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expected] });
    expect(JSON.stringify(formatted)).not.toMatch(/220102198808080118|13800000001/);
    expect(formatted.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
