import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@zhicheng/server-kit';
import { recordEvent } from '@zhicheng/events';
import { publishLive } from '@zhicheng/live';
import type { CertificateDeps } from '../context';
import { buildCredential, JWS_TYPE } from '../domain/credential';
import { chinaDate, chinaYear } from '../domain/number';
import { Certificate, DeclarationFact, type CertificateKind } from '../entities';
import { nextCertificateNumber, nextStatusListIndex } from './numbers';

export type IssueResult = 'ISSUED' | 'ALREADY_ISSUED' | 'WAITING';

/** What a talent-level certificate names as its matter (资格名称 on a title certificate). */
export const TALENT_MATTER = '人才分类定级';

/**
 * Issues the declaration's certificate once both facts are known (submitted: holder and title;
 * finally approved: date and committee), in the caller's transaction: the certificate, its
 * CertificateIssued event and the holder's live notice commit together or not at all. A second
 * call (a replayed event, the other event arriving later) finds the certificate and does
 * nothing; the partial unique index on declaration_id stops a concurrent second original.
 */
export async function issueIfReady(
  em: EntityManager,
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
  declarationId: string,
): Promise<IssueResult> {
  const fact = await em.findOne(DeclarationFact, { declarationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!fact?.personId || !fact.holderName || !fact.titleName || !fact.approvedAt) return 'WAITING';
  if (await em.count(Certificate, { declarationId })) return 'ALREADY_ISSUED';

  const talent = fact.kind === 'TALENT_LEVEL';
  await issueCertificate(em, deps, {
    kind: talent ? 'TALENT_LEVEL' : 'TITLE',
    holderPersonId: fact.personId,
    declarationId,
    historicalRegistrationId: null,
    replaces: null,
    holderName: fact.holderName,
    holderIdNumberMasked: fact.idNumberMasked ?? null,
    titleName: talent ? TALENT_MATTER : fact.titleName,
    seriesName: talent ? null : (fact.seriesName ?? null),
    specialtyName: talent ? null : (fact.specialtyName ?? null),
    levelName: (talent ? fact.awardedLevelName : fact.levelName) ?? '',
    // The standard applied with supports the class applied for only.
    recognitionStandard:
      talent && fact.awardedLevelCode && fact.awardedLevelCode === fact.talentLevelCode
        ? (fact.talentStandard ?? null)
        : null,
    committeeName: fact.committeeName ?? null,
    approvedOn: chinaDate(fact.approvedAt),
  });
  return 'ISSUED';
}

/** What a new certificate says, and where it comes from. */
export interface NewCertificate {
  kind: CertificateKind;
  holderPersonId: string;
  /** The 终审通过 declaration behind it (an original, or copied by a reissue). */
  declarationId: string | null;
  /** The registered paper certificate behind it (its first 补办, or copied by a reissue). */
  historicalRegistrationId: string | null;
  /** The certificate (or the paper certificate's number) it replaces. */
  replaces: { certificateId: string | null; number: string } | null;
  holderName: string;
  holderIdNumberMasked: string | null;
  titleName: string;
  seriesName: string | null;
  specialtyName: string | null;
  levelName: string;
  committeeName: string | null;
  approvedOn: string;
  /** TALENT_LEVEL: 认定标准, when the class awarded is the one applied for. */
  recognitionStandard: string | null;
}

/**
 * Numbers, signs and stores one certificate in the caller's transaction, with its
 * CertificateIssued event and the holder's live notice (both delivered only if it commits). The
 * partial unique indexes stop a second original for the same declaration or paper certificate,
 * and a second successor of one certificate.
 */
export async function issueCertificate(
  em: EntityManager,
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
  input: NewCertificate,
): Promise<Certificate> {
  const issuedAt = deps.now();
  const certificateId = randomUUID();
  const number = await nextCertificateNumber(em, chinaYear(issuedAt));
  const statusListIndex = await nextStatusListIndex(em);
  const facts = {
    kind: input.kind,
    certificateId,
    number,
    declarationId: input.declarationId,
    replacesNumber: input.replaces?.number ?? null,
    holderName: input.holderName,
    holderIdNumberMasked: input.holderIdNumberMasked,
    titleName: input.titleName,
    seriesName: input.seriesName,
    specialtyName: input.specialtyName,
    levelName: input.levelName,
    committeeName: input.committeeName,
    approvedOn: input.approvedOn,
    recognitionStandard: input.recognitionStandard,
    issuedAt,
    issuerName: deps.env.ISSUER_NAME,
    statusListIndex,
  };
  const credential = buildCredential(facts, { did: deps.keys.did, publicUrl: deps.env.PUBLIC_URL });
  const { jws, kid } = await deps.keys.sign(em, credential, JWS_TYPE);
  const certificate = em.create(Certificate, {
    id: certificateId,
    number,
    kind: input.kind,
    declarationId: input.declarationId,
    historicalRegistrationId: input.historicalRegistrationId,
    replacesId: input.replaces?.certificateId ?? null,
    holderPersonId: input.holderPersonId,
    holderName: facts.holderName,
    holderIdNumberMasked: facts.holderIdNumberMasked,
    titleName: facts.titleName,
    seriesName: facts.seriesName,
    specialtyName: facts.specialtyName,
    levelName: facts.levelName,
    committeeName: facts.committeeName,
    recognitionStandard: facts.recognitionStandard,
    approvedOn: facts.approvedOn,
    issuedAt,
    issuerName: facts.issuerName,
    statusListIndex,
    kid,
    credential: jws,
  });
  recordEvent(em, 'CertificateIssued', {
    certificateId,
    number,
    declarationId: input.declarationId,
    historicalRegistrationId: input.historicalRegistrationId,
    replacesCertificateId: input.replaces?.certificateId ?? null,
    holderPersonId: input.holderPersonId,
    kid,
    issuedAt: issuedAt.toISOString(),
  });
  try {
    await em.flush();
  } catch (error) {
    // The driver's message repeats the insert with its values (the holder's name): never log it.
    // Only a concurrent issuer can get here (callers lock the row that decides first); a
    // consumer retries the event, which then finds the certificate.
    if (error instanceof UniqueConstraintViolationException)
      throw new Error(
        `certificate ${input.declarationId ?? input.historicalRegistrationId} was issued concurrently; retried`,
      );
    throw error;
  }
  await publishLive(em, 'CERTIFICATE_ISSUED', {
    certificateId,
    holderPersonId: input.holderPersonId,
    at: issuedAt.toISOString(),
  });
  return certificate;
}

/**
 * Revokes (作废) a certificate: its status list bit is set from now on and verification answers
 * 已作废 with the date and reason (and the certificate that replaces it, after a 补办/换发);
 * idempotent.
 */
export async function revokeCertificate(
  em: EntityManager,
  certificateId: string,
  reason: string,
  at: Date,
  replacedBy: string | null = null,
): Promise<Certificate | null> {
  const certificate = await em.findOne(
    Certificate,
    { id: certificateId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!certificate || certificate.revokedAt) return certificate;
  certificate.revokedAt = at;
  certificate.revocationReason = reason;
  certificate.replacedById = replacedBy;
  recordEvent(em, 'CertificateRevoked', {
    certificateId,
    number: certificate.number,
    declarationId: certificate.declarationId ?? null,
    replacedByCertificateId: replacedBy,
    reason,
    revokedAt: at.toISOString(),
  });
  await em.flush();
  return certificate;
}
