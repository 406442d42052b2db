import { appError, ErrorCode, Problems, type EntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { normaliseName, normalisePrintedNumber, printedNumberProblem } from '../domain/applications';
import { isCertificateNumber } from '../domain/number';
import {
  certificateIdOf,
  checkSignature,
  OUTCOME_MESSAGES,
  VerificationOutcome,
} from '../domain/verification';
import { ApplicationStatus, Certificate, HistoricalRegistration } from '../entities';
import { hitRateLimit } from '@zhicheng/server-kit';

export interface VerificationResult {
  outcome: VerificationOutcome;
  message: string;
  /** The certificate as registered (VALID and REVOKED only). */
  certificate: Certificate | null;
  /** The registered paper certificate (REGISTERED_PAPER, or REVOKED once a 补办 replaced it). */
  paper?: HistoricalRegistration | null;
  /** The number of the certificate that replaces it (补办/换发), when revoked for that. */
  replacedByNumber?: string | null;
  /** The verification method that signed it (verifyCredential, when the signature holds). */
  keyId: string | null;
}

const answer = (
  outcome: VerificationOutcome,
  certificate: Certificate | null = null,
  keyId: string | null = null,
  replacedByNumber: string | null = null,
): VerificationResult => {
  if (certificate?.revokedAt) {
    const date = certificate.revokedAt.toISOString().slice(0, 10);
    return {
      outcome: VerificationOutcome.REVOKED,
      message: `证书已作废（作废日期 ${date}，原因：${certificate.revocationReason ?? '未说明'}），不能作为有效证书使用`,
      certificate,
      keyId,
      replacedByNumber,
    };
  }
  return { outcome, message: OUTCOME_MESSAGES[outcome], certificate, keyId, replacedByNumber };
};

/** The number of the certificate that replaced this one (补办/换发), if any. */
async function successorNumber(em: EntityManager, replacedById: string | null | undefined) {
  if (!replacedById) return null;
  return (await em.findOne(Certificate, { id: replacedById }, { fields: ['number'] }))?.number ?? null;
}

/** A registered paper certificate: in force, or superseded by the e-certificate a 补办 issued. */
async function paperAnswer(em: EntityManager, paper: HistoricalRegistration): Promise<VerificationResult> {
  const replacedByNumber = await successorNumber(em, paper.replacedByCertificateId);
  if (replacedByNumber) {
    return {
      outcome: VerificationOutcome.REVOKED,
      message: `该纸质证书已补办为电子证书 ${replacedByNumber}，原纸质证书作废，请以电子证书为准`,
      certificate: null,
      paper,
      keyId: null,
      replacedByNumber,
    };
  }
  return {
    outcome: VerificationOutcome.REGISTERED_PAPER,
    message: OUTCOME_MESSAGES.REGISTERED_PAPER,
    certificate: null,
    paper,
    keyId: null,
    replacedByNumber: null,
  };
}

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
  const number = normalisePrintedNumber(input.number ?? '');
  const holderName = normaliseName(input.holderName ?? '');
  const problems = new Problems();
  const numberProblem = printedNumberProblem(number);
  if (numberProblem) problems.add('number', numberProblem.code, numberProblem.message);
  // An e-certificate number mistyped (JL and digits, but not JL + 12 digits) is told so.
  else if (/^JL\d*$/.test(number) && !isCertificateNumber(number))
    problems.add(
      'number',
      'INVALID_FORMAT',
      '电子证书编号格式为 JL + 4 位年份 + 8 位序号，例如 JL202600000001，请按证书上的编号输入',
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

  const certificate = isCertificateNumber(number) ? await em.findOne(Certificate, { number }) : null;
  if (certificate)
    return normaliseName(certificate.holderName) === holderName
      ? answer('VALID', certificate, null, await successorNumber(em, certificate.replacedById))
      : answer('NOT_FOUND');
  // Else a registered paper certificate (历史职称数据登记, approved) printed with that number.
  const paper = await em.findOne(HistoricalRegistration, {
    certificateNumber: number,
    status: ApplicationStatus.APPROVED,
  });
  if (!paper || normaliseName(paper.holderName) !== holderName) return answer('NOT_FOUND');
  return paperAnswer(em, paper);
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
  return answer('VALID', certificate, checked.keyId, await successorNumber(em, certificate.replacedById));
}
