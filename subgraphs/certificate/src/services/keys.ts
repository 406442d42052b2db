import { randomBytes } from 'node:crypto';
import {
  CompactSign,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
  type KeyLike,
} from 'jose';
import type { EntityManager } from '@zhicheng/server-kit';
import { didDocument, didWebOf, verificationMethodId } from '../domain/did';
import { decryptPrivateKey, encryptPrivateKey } from '../domain/key-encryption';
import { chinaDate } from '../domain/number';
import { SigningKey } from '../entities';
import { makePdfSigningCertificate, PdfSigner } from '../pdf/sign';

/** Serialises key creation across replicas (two first starts must not make two active keys). */
const KEY_LOCK = 4_206_105;

/**
 * The issuer's Ed25519 keys. The newest unretired key signs; every key ever used stays in
 * did.json, so rotation never breaks a certificate already issued. Private keys are decrypted in
 * this process only, kept in memory, and never logged or returned.
 */
export class KeyRing {
  readonly did: string;
  private readonly kek: Buffer;
  private readonly privateKeys = new Map<string, KeyLike>();
  private readonly publicKeys = new Map<string, KeyLike | Uint8Array>();
  private readonly pdfSigners = new Map<string, PdfSigner>();
  private readonly issuerName: string;

  constructor(options: { publicUrl: string; keyEncryptionKey: string; issuerName: string }) {
    this.did = didWebOf(options.publicUrl);
    this.kek = Buffer.from(options.keyEncryptionKey, 'base64');
    this.issuerName = options.issuerName;
  }

  /**
   * Makes sure a signing key exists (the first start creates one), with its PDF signer (a key
   * made before PDF signing existed gets one now).
   */
  async ensureKey(em: EntityManager): Promise<void> {
    const row = await this.activeRow(em);
    if (row?.pdfCertificatePem) return;
    await em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [KEY_LOCK]);
      const active = await this.activeRow(tx);
      if (!active) await this.createKey(tx);
      else if (!active.pdfCertificatePem) {
        Object.assign(active, this.pdfSignerColumns(active.keyId));
        await tx.flush();
      }
    });
  }

  /** The PDF signer of the current key (its private key decrypted once per process). */
  async pdfSigner(em: EntityManager): Promise<PdfSigner> {
    const row = await this.activeRow(em);
    if (!row?.pdfCertificatePem || !row.pdfPrivateKeyEncrypted)
      throw new Error('no PDF signer: the certificate service creates one on start');
    let signer = this.pdfSigners.get(row.keyId);
    if (!signer) {
      signer = new PdfSigner(this.issuerName, {
        certificatePem: row.pdfCertificatePem,
        privateKeyPem: decryptPrivateKey(this.kek, `${row.keyId}#pdf`, row.pdfPrivateKeyEncrypted),
      });
      this.pdfSigners.set(row.keyId, signer);
    }
    return signer;
  }

  /** Retires the signing key and makes a new one (run by operators: `node dist/rotate-key.js`). */
  async rotate(em: EntityManager, now = new Date()): Promise<string> {
    return em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [KEY_LOCK]);
      await tx.nativeUpdate(SigningKey, { retiredAt: null }, { retiredAt: now });
      return this.createKey(tx, now);
    });
  }

  /** Signs `payload` as a compact JWS with the current key; answers it and the key's method id. */
  async sign(em: EntityManager, payload: unknown, type: string): Promise<{ jws: string; kid: string }> {
    const row = await this.activeRow(em);
    if (!row) throw new Error('no signing key: the certificate service creates one on start');
    let key = this.privateKeys.get(row.keyId);
    if (!key) {
      key = await importPKCS8(decryptPrivateKey(this.kek, row.keyId, row.privateKeyEncrypted), 'EdDSA');
      this.privateKeys.set(row.keyId, key);
    }
    const kid = verificationMethodId(this.did, row.keyId);
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: type, cty: 'vc' })
      .sign(key);
    return { jws, kid };
  }

  /** The public key of one of the issuer's verification methods (current or retired), or null. */
  async publicKeyFor(em: EntityManager, methodId: string): Promise<KeyLike | Uint8Array | null> {
    if (!methodId.startsWith(`${this.did}#`)) return null;
    const keyId = methodId.slice(this.did.length + 1);
    const known = this.publicKeys.get(keyId);
    if (known) return known;
    const row = await em.findOne(SigningKey, { keyId });
    if (!row) return null;
    const key = await importJWK({ ...(row.publicJwk as unknown as JWK), alg: 'EdDSA' }, 'EdDSA');
    this.publicKeys.set(keyId, key);
    return key;
  }

  async didDocument(em: EntityManager) {
    const rows = await em.find(SigningKey, {}, { orderBy: { createdAt: 'asc', keyId: 'asc' } });
    return didDocument(this.did, rows);
  }

  private pdfSignerColumns(keyId: string, now = new Date()) {
    const { certificatePem, privateKeyPem } = makePdfSigningCertificate(this.issuerName, now);
    return {
      pdfCertificatePem: certificatePem,
      // Its own additional data: the Ed25519 key's ciphertext cannot stand in for it.
      pdfPrivateKeyEncrypted: encryptPrivateKey(this.kek, `${keyId}#pdf`, privateKeyPem),
    };
  }

  private activeRow(em: EntityManager): Promise<SigningKey | null> {
    return em.findOne(SigningKey, { retiredAt: null }, { orderBy: { createdAt: 'desc' } });
  }

  private async createKey(em: EntityManager, now = new Date()): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const keyId = `key-${chinaDate(now).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const publicJwk = await exportJWK(publicKey);
    em.create(SigningKey, {
      keyId,
      publicJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x },
      privateKeyEncrypted: encryptPrivateKey(this.kek, keyId, await exportPKCS8(privateKey)),
      ...this.pdfSignerColumns(keyId, now),
      createdAt: now,
    });
    await em.flush();
    return keyId;
  }
}
