import { appError, ErrorCode, Problems, type EntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { isCertificateNumber, normaliseCertificateNumber } from '../domain/number';
import {
  certificateIdOf,
  checkSignature,
  OUTCOME_MESSAGES,
  VerificationOutcome,
} from '../domain/verification';
import { Certificate } from '../entities';
import { hitRateLimit } from '@zhicheng/server-kit';

export interface VerificationResult {
  outcome: VerificationOutcome;
  message: string;
  /** The certificate as registered (VALID and REVOKED only). */
  certificate: Certificate | null;
  /** The verification method that signed it (verifyCredential, when the signature holds). */
  keyId: string | null;
}

const answer = (
  outcome: VerificationOutcome,
  certificate: Certificate | null = null,
  keyId: string | null = null,
): VerificationResult => {
  if (certificate?.revokedAt) {
    const date = certificate.revokedAt.toISOString().slice(0, 10);
    return {
      outcome: VerificationOutcome.REVOKED,
      message: `证书已作废（作废日期 ${date}，原因：${certificate.revocationReason ?? '未说明'}），不能作为有效证书使用`,
      certificate,
      keyId,
    };
  }
  return { outcome, message: OUTCOME_MESSAGES[outcome], certificate, keyId };
};

/** Spaces people type around and inside names (张 三) do not count. */
const normaliseName = (name: string) => name.replace(/\s+/g, '');

/**
 * 证书查询验证 by number + holder name, for anyone. An unknown number and a known number with a
 * wrong name answer exactly the same (NOT_FOUND, same message), and every try counts against the
 * caller's address, so names cannot be harvested by number.
 */
export async function verifyByNumber(
  em: EntityManager,
  deps: Pick<CertificateDeps, 'env'>,
  clientIp: string,
  input: { number: string; holderName: string },
): Promise<VerificationResult> {
  const number = normaliseCertificateNumber(input.number ?? '');
  const holderName = normaliseName(input.holderName ?? '');
  const problems = new Problems();
  if (!number) problems.add('number', 'REQUIRED', '请输入证书编号');
  else if (!isCertificateNumber(number))
    problems.add(
      'number',
      'INVALID_FORMAT',
      '证书编号格式为 JL + 4 位年份 + 8 位序号，例如 JL202600000001，请按证书上的编号输入',
    );
  if (!holderName) problems.add('holderName', 'REQUIRED', '请输入持证人姓名');
  else if ([...holderName].length > 50) problems.add('holderName', 'TOO_LONG', '持证人姓名不能超过 50 个字');
  problems.throwIfAny();

  const limit = await hitRateLimit(
    em,
    `verify:ip:${clientIp}`,
    deps.env.VERIFY_LIMIT_PER_IP,
    deps.env.VERIFY_LIMIT_WINDOW_SECONDS,
  );
  if (!limit.allowed)
    throw appError(ErrorCode.RATE_LIMITED, `查询过于频繁，请 ${limit.retryAfterSeconds} 秒后再试`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });

  const certificate = await em.findOne(Certificate, { number });
  if (!certificate || normaliseName(certificate.holderName) !== holderName) return answer('NOT_FOUND');
  return answer('VALID', certificate);
}

/**
 * Verifies a whole credential (the compact JWS a holder downloads or a QR carries): form,
 * algorithm, key (current or older), signature, then that it is exactly the credential
 * registered for its certificate, then its status.
 */
export async function verifyCredential(
  em: EntityManager,
  deps: Pick<CertificateDeps, 'keys'>,
  jws: string,
): Promise<VerificationResult> {
  if (!jws?.trim()) new Problems().add('credential', 'REQUIRED', '请粘贴或上传证书凭证').throwIfAny();
  const checked = await checkSignature(jws, deps.keys.did, (methodId) =>
    deps.keys.publicKeyFor(em, methodId),
  );
  if (checked.outcome !== 'SIGNED') return answer(checked.outcome);
  const id = certificateIdOf(checked.payload);
  const certificate = id ? await em.findOne(Certificate, { id }) : null;
  if (!certificate || certificate.credential !== jws.trim())
    return answer('NOT_ISSUED_HERE', null, checked.keyId);
  return answer('VALID', certificate, checked.keyId);
}
