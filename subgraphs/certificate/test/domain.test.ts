// The rules as plain functions: the number format, did:web, the status list's bits, key
// encryption at rest, and the configuration production refuses.
import { randomBytes } from 'node:crypto';
import { didWebOf } from '../src/domain/did';
import { decryptPrivateKey, encryptPrivateKey } from '../src/domain/key-encryption';
import {
  chinaDate,
  formatCertificateNumber,
  isCertificateNumber,
  normaliseCertificateNumber,
} from '../src/domain/number';
import {
  encodeStatusList,
  STATUS_LIST_SIZE,
  statusBitOf,
  statusListPosition,
} from '../src/domain/status-list';
import { loadCertificateEnv } from '../src/env';

describe('certificate numbers', () => {
  it('are JL + year + 8-digit serial', () => {
    expect(formatCertificateNumber(2026, 1)).toBe('JL202600000001');
    expect(formatCertificateNumber(2027, 12345678)).toBe('JL202712345678');
    expect(() => formatCertificateNumber(2026, 0)).toThrow();
    expect(() => formatCertificateNumber(2026, 100_000_000)).toThrow();
    expect(isCertificateNumber('JL202600000001')).toBe(true);
    for (const bad of ['JL20260000001', 'GD202600000001', 'JL2026000000012', '202600000001'])
      expect(isCertificateNumber(bad)).toBe(false);
    expect(normaliseCertificateNumber(' jl2026 0000 0001 ')).toBe('JL202600000001');
  });

  it('take the year and dates in China time', () => {
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
  });
});

describe('did:web', () => {
  it('is the public origin’s host, a port percent-encoded', () => {
    expect(didWebOf('https://zhicheng.jl.gov.cn')).toBe('did:web:zhicheng.jl.gov.cn');
    expect(didWebOf('http://localhost:4000/')).toBe('did:web:localhost%3A4000');
  });
});

describe('Bitstring Status List', () => {
  it('sets exactly the revoked bits, first index the most significant bit', () => {
    const list = encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]);
    expect(list.startsWith('u')).toBe(true);
    for (const bit of [0, 9, STATUS_LIST_SIZE - 1]) expect(statusBitOf(list, bit)).toBe(true);
    for (const bit of [1, 8, 10, STATUS_LIST_SIZE - 2]) expect(statusBitOf(list, bit)).toBe(false);
    expect(statusListPosition(STATUS_LIST_SIZE + 5)).toEqual({ list: 2, bit: 5 });
    expect(() => encodeStatusList([STATUS_LIST_SIZE])).toThrow();
  });
});

describe('signing keys at rest', () => {
  const kek = randomBytes(32);
  it('open only with the same key-encryption key and key id, and not when altered', () => {
    const stored = encryptPrivateKey(kek, 'key-1', '-----BEGIN PRIVATE KEY-----x');
    expect(stored).not.toContain('PRIVATE');
    expect(decryptPrivateKey(kek, 'key-1', stored)).toBe('-----BEGIN PRIVATE KEY-----x');
    expect(() => decryptPrivateKey(randomBytes(32), 'key-1', stored)).toThrow();
    expect(() => decryptPrivateKey(kek, 'key-2', stored)).toThrow();
    const bytes = Buffer.from(stored, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => decryptPrivateKey(kek, 'key-1', bytes.toString('base64'))).toThrow();
  });
});

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://localhost/x', PORT: '0' };
  it('production refuses to start without its own key-encryption key', () => {
    expect(() => loadCertificateEnv({ ...base, NODE_ENV: 'production' })).toThrow(
      /CERTIFICATE_KEY_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadCertificateEnv({ ...base, NODE_ENV: 'production', CERTIFICATE_KEY_ENCRYPTION_KEY: 'c2hvcnQ=' }),
    ).toThrow(/32 random bytes/);
    const key = randomBytes(32).toString('base64');
    const secret = randomBytes(32).toString('base64url');
    expect(
      loadCertificateEnv({
        ...base,
        NODE_ENV: 'production',
        CERTIFICATE_KEY_ENCRYPTION_KEY: key,
        FILES_SIGNING_SECRET: secret,
      }).CERTIFICATE_KEY_ENCRYPTION_KEY,
    ).toBe(key);
  });
  it('production refuses to start without its own PDF link secret', () => {
    const key = randomBytes(32).toString('base64');
    expect(() =>
      loadCertificateEnv({ ...base, NODE_ENV: 'production', CERTIFICATE_KEY_ENCRYPTION_KEY: key }),
    ).toThrow(/FILES_SIGNING_SECRET/);
    expect(() =>
      loadCertificateEnv({
        ...base,
        NODE_ENV: 'production',
        CERTIFICATE_KEY_ENCRYPTION_KEY: key,
        FILES_SIGNING_SECRET: 'short',
      }),
    ).toThrow(/FILES_SIGNING_SECRET/);
  });
  it('development works without one', () => {
    expect(
      loadCertificateEnv({ ...base, NODE_ENV: 'development' }).CERTIFICATE_KEY_ENCRYPTION_KEY,
    ).toBeTruthy();
  });
});
