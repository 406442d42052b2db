import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * identity's secrets at rest (issue 8): AES-256-GCM with a key from the environment
 * (IDENTITY_DATA_KEY) for the signing key and pending SMS texts, and a keyed hash (HMAC-SHA256
 * with a key derived from it) for SMS codes, so a copy of the database alone reveals neither a
 * key nor a code (a plain hash of a 6-digit code is undone by trying all 10^6).
 */
export class DataCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('IDENTITY_DATA_KEY must be 32 bytes');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', key, Buffer.alloc(0), 'zhicheng identity encryption', 32),
    );
    this.hashKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'zhicheng identity code hash', 32));
  }

  /** `context` (e.g. the key id) is authenticated with it: a ciphertext moved to another row fails. */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string, context: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  keyedHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}

/** Parses IDENTITY_DATA_KEY: 32 bytes, base64 (or base64url) encoded. */
export function parseDataKey(value: string): Buffer | null {
  const key = Buffer.from(value.trim(), 'base64');
  return key.length === 32 ? key : null;
}

/** A fresh key, e.g. for `npm start`'s .data/identity-data-key: `openssl rand -base64 32` does the same. */
export const generateDataKey = () => randomBytes(32).toString('base64');
