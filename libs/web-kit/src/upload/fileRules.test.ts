/// <reference types="jest" />
import { acceptAttribute, checkFile, contentTypeOf, formatBytes } from './fileRules';
import { parseUploadAnswer, UploadError } from './sendFile';

describe('checkFile', () => {
  const rules = { formats: ['zip', 'pdf'], maxSizeKb: 5000 };
  it('accepts a file of an allowed format within the limit', () => {
    expect(checkFile({ name: '证明.PDF', size: 1024 }, rules)).toBeNull();
  });
  it('refuses an empty file, a wrong extension and a file over the limit', () => {
    expect(checkFile({ name: 'a.pdf', size: 0 }, rules)).toEqual({ code: 'EMPTY' });
    expect(checkFile({ name: 'a.docx', size: 10 }, rules)).toEqual({
      code: 'WRONG_FORMAT',
      formats: 'zip,pdf',
    });
    expect(checkFile({ name: 'a.zip', size: 5000 * 1024 + 1 }, rules)).toEqual({
      code: 'TOO_LARGE',
      maxSizeKb: 5000,
    });
  });
  it('treats jpeg as jpg', () => {
    expect(checkFile({ name: 'photo.jpeg', size: 1 }, { formats: ['JPG'], maxSizeKb: 10 })).toBeNull();
    expect(acceptAttribute(['jpg', 'png'])).toBe('.jpg,.jpeg,.png');
  });
});

describe('contentTypeOf and formatBytes', () => {
  it('falls back to the extension when the browser does not know the type', () => {
    expect(contentTypeOf({ name: 'x.zip', size: 1, type: '' })).toBe('application/zip');
    expect(contentTypeOf({ name: 'x.bin', size: 1 })).toBe('application/octet-stream');
    expect(contentTypeOf({ name: 'x.pdf', size: 1, type: 'application/pdf' })).toBe('application/pdf');
  });
  it('writes sizes as people read them', () => {
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});

describe('parseUploadAnswer', () => {
  it('returns the attachment of a 2xx answer', () => {
    const text = JSON.stringify({ attachment: { id: 'a1', fileName: 'x.pdf', sizeBytes: 3, format: 'pdf' } });
    expect(parseUploadAnswer(201, text).id).toBe('a1');
  });
  it('keeps the server’s refusal code and message', () => {
    const text = JSON.stringify({ error: { code: 'FILE_TYPE_MISMATCH', message: '文件内容不是PDF' } });
    expect(() => parseUploadAnswer(422, text)).toThrow(
      new UploadError('FILE_TYPE_MISMATCH', '文件内容不是PDF'),
    );
  });
  it('survives a non-JSON answer', () => {
    expect(() => parseUploadAnswer(502, '<html>')).toThrow(UploadError);
    try {
      parseUploadAnswer(502, '<html>');
    } catch (error) {
      expect((error as UploadError).code).toBe('HTTP_502');
    }
  });
});
