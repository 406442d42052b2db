import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * An Ed25519 signing key. The private half is stored encrypted (AES-256-GCM under
 * CERTIFICATE_KEY_ENCRYPTION_KEY, domain/key-encryption.ts) and never leaves this subgraph. A
 * retired key signs nothing more but stays in did.json, so what it signed keeps verifying.
 */
@Entity({ tableName: 'signing_key' })
export class SigningKey {
  /** The fragment of the verification method id: `key-<yyyymmdd>-<random>`. */
  @PrimaryKey({ type: 'text' })
  keyId!: string;

  @Property({ type: 'jsonb' })
  publicJwk!: Record<string, unknown>;

  /** base64 of iv ‖ tag ‖ ciphertext of the PKCS#8 private key. */
  @Property({ type: 'text' })
  privateKeyEncrypted!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  /** The PDF signer made with this key: its self-signed X.509 certificate (PEM). */
  @Property({ type: 'text', nullable: true })
  pdfCertificatePem?: string | null;

  /** Its RSA private key, PKCS#8, encrypted as privateKeyEncrypted (additional data `<keyId>#pdf`). */
  @Property({ type: 'text', nullable: true })
  pdfPrivateKeyEncrypted?: string | null;
}
