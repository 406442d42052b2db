import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Signing keys at rest: AES-256-GCM under the key-encryption key from the environment. The key id
// is the additional authenticated data, so a ciphertext moved to another key's row fails to open.
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptPrivateKey(kek: Buffer, keyId: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key-encryption key is not the one it was stored under, or the row was altered. */
export function decryptPrivateKey(kek: Buffer, keyId: string, stored: string): string {
  const bytes = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
