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
 * nothing; the unique declaration_id stops a concurrent second one.
 */
export async function issueIfReady(
  em: EntityManager,
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
  declarationId: string,
): Promise<IssueResult> {
  const fact = await em.findOne(DeclarationFact, { declarationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!fact?.personId || !fact.holderName || !fact.titleName || !fact.approvedAt) return 'WAITING';
  if (await em.count(Certificate, { declarationId })) return 'ALREADY_ISSUED';

  const kind: CertificateKind = fact.kind === 'TALENT_LEVEL' ? 'TALENT_LEVEL' : 'TITLE';
  const talent = kind === 'TALENT_LEVEL';
  const issuedAt = deps.now();
  const certificateId = randomUUID();
  const number = await nextCertificateNumber(em, chinaYear(issuedAt));
  const statusListIndex = await nextStatusListIndex(em);
  const facts = {
    kind,
    certificateId,
    number,
    declarationId,
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
    issuedAt,
    issuerName: deps.env.ISSUER_NAME,
    statusListIndex,
  };
  const credential = buildCredential(facts, { did: deps.keys.did, publicUrl: deps.env.PUBLIC_URL });
  const { jws, kid } = await deps.keys.sign(em, credential, JWS_TYPE);
  em.create(Certificate, {
    id: certificateId,
    number,
    declarationId,
    kind,
    holderPersonId: fact.personId,
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
    declarationId,
    holderPersonId: fact.personId,
    kid,
    issuedAt: issuedAt.toISOString(),
  });
  try {
    await em.flush();
  } catch (error) {
    // The driver's message repeats the insert with its values (the holder's name): never log it.
    // Only a concurrent issuer can get here (the row lock above serialises this service's own);
    // the consumer retries the event, which then finds the certificate.
    if (error instanceof UniqueConstraintViolationException)
      throw new Error(`certificate for declaration ${declarationId} was issued concurrently; retried`);
    throw error;
  }
  await publishLive(em, 'CERTIFICATE_ISSUED', {
    certificateId,
    holderPersonId: fact.personId,
    at: issuedAt.toISOString(),
  });
  return 'ISSUED';
}

/**
 * Revokes (作废) a certificate: its status list bit is set from now on and verification answers
 * 已作废 with the date and reason. Reissue (补办/换发) will call it; idempotent.
 */
export async function revokeCertificate(
  em: EntityManager,
  certificateId: string,
  reason: string,
  at: Date,
): Promise<Certificate | null> {
  const certificate = await em.findOne(
    Certificate,
    { id: certificateId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!certificate || certificate.revokedAt) return certificate;
  certificate.revokedAt = at;
  certificate.revocationReason = reason;
  recordEvent(em, 'CertificateRevoked', {
    certificateId,
    number: certificate.number,
    declarationId: certificate.declarationId,
    reason,
    revokedAt: at.toISOString(),
  });
  await em.flush();
  return certificate;
}
