// Verifying a certificate's credential in the browser, without the API: the compact JWS
// (EdDSA / Ed25519, VC-JOSE-COSE) against the issuer keys of the platform's did.json, which the
// /verify page's service worker keeps. It mirrors the certificate subgraph's checkSignature
// (subgraphs/certificate/src/domain/verification.ts) so both answer with the same outcome words.
// What it cannot know offline — whether the certificate was revoked, and whether this is the
// credential the issuer registered — the page says in words (需联网核验).
// Its own module, with no React, so the bench can time it and jest can test it in Node.
import { compactVerify, decodeProtectedHeader, errors, importJWK, type JWK } from 'jose';

/** The outcomes an offline check can reach (the API's VerificationOutcome words). */
export type OfflineOutcome =
  'VALID' | 'MALFORMED' | 'UNSUPPORTED_ALGORITHM' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

/** The parts of /.well-known/did.json used here. */
export interface DidDocument {
  id: string;
  verificationMethod: Array<{ id: string; publicKeyJwk: JWK }>;
}

/** The certificate as the credential states it (credentialSubject, issuer, validFrom). */
export interface CredentialFacts {
  /** 职称证书 or 人才分类定级证书 (by the subject's type) */
  kind: 'TITLE' | 'TALENT_LEVEL';
  /** 补办/换发: the number of the certificate this one replaces */
  replacesNumber: string | null;
  number: string;
  holderName: string;
  holderIdNumberMasked: string | null;
  titleName: string;
  seriesName: string | null;
  specialtyName: string | null;
  levelName: string;
  committeeName: string | null;
  approvedOn: string;
  issuedAt: string;
  issuerName: string;
}

export interface OfflineVerification {
  outcome: OfflineOutcome;
  /** The verification method that signed it (VALID only). */
  keyId: string | null;
  /** What the signed credential says (VALID only: nothing unsigned is shown as a fact). */
  certificate: CredentialFacts | null;
}

/** Longer than any credential the platform issues (the API's MAX_CREDENTIAL_LENGTH). */
export const MAX_CREDENTIAL_LENGTH = 16_384;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const failed = (outcome: Exclude<OfflineOutcome, 'VALID'>): OfflineVerification => ({
  outcome,
  keyId: null,
  certificate: null,
});

/** True when a value read from did.json (the network or the cache) has the shape used here. */
export function isDidDocument(value: unknown): value is DidDocument {
  const doc = value as Partial<DidDocument> | null;
  return (
    typeof doc?.id === 'string' &&
    doc.id.startsWith('did:web:') &&
    Array.isArray(doc.verificationMethod) &&
    doc.verificationMethod.every(
      (method) => typeof method?.id === 'string' && typeof method.publicKeyJwk === 'object',
    )
  );
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The printed fields of a credential payload; null when it is not a certificate credential. */
export function credentialFacts(payload: unknown): CredentialFacts | null {
  const vc = payload as {
    issuer?: { name?: unknown };
    validFrom?: unknown;
    credentialSubject?: Record<string, unknown>;
  } | null;
  const subject = vc?.credentialSubject;
  if (!subject || typeof subject !== 'object') return null;
  // A 人才分类定级证书 names its facts differently (subgraphs/certificate/src/domain/credential.ts).
  const talent = subject.type === 'TalentClassificationHolder';
  const number = text(subject.certificateNumber);
  const holderName = text(subject.name);
  const titleName = talent ? '人才分类定级' : text(subject.titleName);
  const levelName = text(talent ? subject.talentCategory : subject.level);
  const approvedOn = text(talent ? subject.recognitionDate : subject.approvalDate);
  const issuedAt = text(vc?.validFrom);
  const issuerName = text(vc?.issuer?.name);
  if (!number || !holderName || !titleName || !levelName || !approvedOn || !issuedAt || !issuerName)
    return null;
  return {
    kind: talent ? 'TALENT_LEVEL' : 'TITLE',
    replacesNumber: text(subject.replaces),
    number,
    holderName,
    holderIdNumberMasked: text(subject.idNumberMasked),
    titleName,
    seriesName: talent ? null : text(subject.series),
    specialtyName: talent ? null : text(subject.specialty),
    levelName,
    committeeName: text(talent ? subject.recognisedBy : subject.committee),
    approvedOn,
    issuedAt,
    issuerName,
  };
}

/**
 * Checks the form, the algorithm, that the key is one the platform publishes in its did.json
 * (current or retired: rotation keeps old certificates verifying) and the Ed25519 signature.
 */
export async function verifyOffline(jws: string, did: DidDocument): Promise<OfflineVerification> {
  const compact = jws.trim();
  if (compact.length > MAX_CREDENTIAL_LENGTH || !COMPACT_JWS.test(compact)) return failed('MALFORMED');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    return failed('MALFORMED');
  }
  if (header.alg !== 'EdDSA') return failed('UNSUPPORTED_ALGORITHM');
  const kid = header.kid;
  if (typeof kid !== 'string' || !kid.startsWith(`${did.id}#`)) return failed('UNKNOWN_KEY');
  const method = did.verificationMethod.find((candidate) => candidate.id === kid);
  const jwk = method?.publicKeyJwk;
  // Only an Ed25519 public key: a did.json entry with anything else (or a private part) is not ours.
  if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || 'd' in jwk) return failed('UNKNOWN_KEY');
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA');
  } catch {
    return failed('UNKNOWN_KEY');
  }
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(compact, key, { algorithms: ['EdDSA'] }));
  } catch (error) {
    return failed(error instanceof errors.JWSSignatureVerificationFailed ? 'BAD_SIGNATURE' : 'MALFORMED');
  }
  let facts: CredentialFacts | null;
  try {
    facts = credentialFacts(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    return failed('MALFORMED');
  }
  // Signed by our key but no certificate inside (e.g. a status list credential): not a certificate.
  if (!facts) return failed('MALFORMED');
  return { outcome: 'VALID', keyId: kid, certificate: facts };
}

/**
 * The credential in what a person gives: the compact JWS itself, a `…/verify#<JWS>` link (the QR
 * code's text) or a credential.jwt file's text. Null when the text holds nothing that could be
 * one (prose, JSON, a binary file); a truncated or changed JWS is returned, for the checks to
 * answer MALFORMED or BAD_SIGNATURE.
 */
export function credentialFromText(input: string): string | null {
  let value = input.trim();
  const link = /^(?:https?:\/\/[^\s#]*)?\/verify#(.*)$/is.exec(value);
  if (link) value = link[1];
  else if (value.startsWith('#')) value = value.slice(1);
  try {
    value = decodeURIComponent(value).trim();
  } catch {
    return null;
  }
  return value.length > 0 &&
    value.length <= MAX_CREDENTIAL_LENGTH &&
    /^[A-Za-z0-9_.-]+$/.test(value) &&
    value.includes('.')
    ? value
    : null;
}
