// 证书补办/换发 (seed 004 ch. 5): the holder applies for a new certificate in place of one of
// theirs, with the three PDFs; the region's bureau approves (a new certificate is issued naming
// the old one, and the old one is revoked naming the new one, in one transaction) or refuses.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { appError, badUserInput, ErrorCode, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import {
  isUuid,
  normalisePrintedNumber,
  reissueInputProblems,
  revocationReasonOf,
  type ReissueInput,
} from '../domain/applications';
import { materialProblems } from '../domain/materials';
import {
  ApplicationStatus,
  Certificate,
  DeclarationPoint,
  FilePurpose,
  HistoricalRegistration,
  Region,
  ReissueApplication,
} from '../entities';
import { isApplicantOf, isAuditorOf, requireApplicant, requireAuditor, requireHolder } from './access';
import { alreadyDecided, applicationNotFound, lockForDecision, recordDecision } from './audit';
import { issueCertificate, revokeCertificate } from './issue';
import { announceApplication } from './live';
import { claimableFiles } from './materials';

export const certificateNotFound = () =>
  appError(
    ErrorCode.NOT_FOUND,
    '未找到您名下的这本证书，请核对后重新查询；查询不到的纸质证书请先办理“历史职称数据登记”',
    {
      reason: 'CERTIFICATE_NOT_FOUND',
    },
  );

/** A certificate the holder may apply for: an e-certificate in force, or a registered paper one. */
export type Reissuable =
  | { form: 'ELECTRONIC'; certificate: Certificate }
  | { form: 'REGISTERED_PAPER'; registration: HistoricalRegistration };

/** 查询: the holder's certificates in force that a 补办/换发 can replace, newest first. */
export async function reissuableCertificates(em: EntityManager, auth: AuthResult): Promise<Reissuable[]> {
  const personId = requireHolder(auth);
  const [certificates, registrations] = await Promise.all([
    em.find(
      Certificate,
      { holderPersonId: personId, revokedAt: null },
      { orderBy: { issuedAt: 'desc', number: 'desc' } },
    ),
    em.find(
      HistoricalRegistration,
      { applicantPersonId: personId, status: ApplicationStatus.APPROVED, replacedByCertificateId: null },
      { orderBy: { issuedOn: 'desc', certificateNumber: 'asc' } },
    ),
  ]);
  return [
    ...certificates.map((certificate) => ({ form: 'ELECTRONIC' as const, certificate })),
    ...registrations.map((registration) => ({ form: 'REGISTERED_PAPER' as const, registration })),
  ];
}

/** The holder's certificate with this number (printed or electronic), or null: then 历史职称数据登记. */
export async function findReissuable(
  em: EntityManager,
  auth: AuthResult,
  number: string,
): Promise<Reissuable | null> {
  const wanted = normalisePrintedNumber(number ?? '');
  if (!wanted) throw badUserInput([{ field: 'number', code: 'REQUIRED', message: '请输入证书编号' }]);
  const all = await reissuableCertificates(em, auth);
  return (
    all.find((r) =>
      r.form === 'ELECTRONIC' ? r.certificate.number === wanted : r.registration.certificateNumber === wanted,
    ) ?? null
  );
}

/** The pending application of each certificate / registration id (for the 查询 list). */
export async function pendingApplicationsOf(em: EntityManager, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await em.find(ReissueApplication, {
    status: ApplicationStatus.PENDING,
    $or: [{ certificateId: { $in: [...ids] } }, { historicalRegistrationId: { $in: [...ids] } }],
  });
  return new Map(rows.map((r) => [(r.certificateId ?? r.historicalRegistrationId)!, r.id]));
}

const reissuePending = (applicationId: string | null) =>
  appError(ErrorCode.CONFLICT, '这本证书已有一个待审核的补办（换发）申请，请等待审核结果或先撤回该申请', {
    reason: 'REISSUE_PENDING',
    applicationId,
  });

/**
 * 提交补办（换发）申请: all in one transaction (the application, its three files claimed, the live
 * notice) or nothing. The holder only; one pending application per certificate.
 */
export async function applyForReissue(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'now'>,
  input: ReissueInput,
): Promise<ReissueApplication> {
  const applicant = requireApplicant(auth);
  const problems = reissueInputProblems(input);
  try {
    return await rootEm.transactional(async (em) => {
      const now = deps.now();
      // The certificate first (locked: a decision on it waits): someone else's reads as unknown.
      let facts: { number: string; holderName: string; titleName: string };
      if (input.certificateId && isUuid(input.certificateId)) {
        const certificate = await em.findOne(
          Certificate,
          { id: input.certificateId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!certificate || certificate.holderPersonId !== applicant.personId) throw certificateNotFound();
        if (certificate.revokedAt)
          throw appError(ErrorCode.CONFLICT, '这本证书已作废，不能再补办（换发）；请对替代它的新证书办理', {
            reason: 'CERTIFICATE_REVOKED',
          });
        facts = certificate;
      } else if (input.historicalRegistrationId && isUuid(input.historicalRegistrationId)) {
        const registration = await em.findOne(
          HistoricalRegistration,
          { id: input.historicalRegistrationId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (
          !registration ||
          registration.applicantPersonId !== applicant.personId ||
          registration.status !== ApplicationStatus.APPROVED
        )
          throw certificateNotFound();
        if (registration.replacedByCertificateId)
          throw appError(ErrorCode.CONFLICT, '这本纸质证书已补办过电子证书，请在“我的证照”中对电子证书办理', {
            reason: 'CERTIFICATE_REVOKED',
          });
        facts = {
          number: registration.certificateNumber,
          holderName: registration.holderName,
          titleName: registration.titleName,
        };
      } else {
        throw badUserInput(problems);
      }

      const region = /^\d{6}$/.test(input.regionCode)
        ? await em.findOne(Region, { code: input.regionCode })
        : null;
      if (input.regionCode && /^\d{6}$/.test(input.regionCode) && !region)
        problems.push({
          field: 'regionCode',
          code: 'INVALID_REGION',
          message: '所属行政区划不存在，请重新选择',
        });
      const point = isUuid(input.declarationPointId)
        ? await em.findOne(DeclarationPoint, { id: input.declarationPointId })
        : null;
      if (isUuid(input.declarationPointId) && (!point || (region && point.regionCode !== region.code)))
        problems.push({
          field: 'declarationPointId',
          code: 'POINT_NOT_IN_REGION',
          message: '所属申报点不属于所选行政区划，请先选择行政区划，再选择申报点',
        });
      const claimed = await claimableFiles(em, applicant.personId, FilePurpose.REISSUE, input.fileIds);
      problems.push(...claimed.problems);
      for (const p of materialProblems('REISSUE', claimed.files)) problems.push({ field: 'fileIds', ...p });
      if (problems.length > 0) throw badUserInput(problems);

      const pendingFor = input.certificateId
        ? { certificateId: input.certificateId }
        : { historicalRegistrationId: input.historicalRegistrationId };
      const pending = await em.findOne(ReissueApplication, {
        ...pendingFor,
        status: ApplicationStatus.PENDING,
      });
      if (pending) throw reissuePending(pending.id);

      const application = em.create(ReissueApplication, {
        id: randomUUID(),
        applicantPersonId: applicant.personId,
        applicantName: applicant.name,
        certificateId: input.certificateId || null,
        historicalRegistrationId: input.historicalRegistrationId || null,
        certificateNumber: facts.number,
        holderName: facts.holderName,
        titleName: facts.titleName,
        declarationType: input.declarationType,
        businessType: input.businessType,
        regionCode: region!.code,
        regionName: region!.name,
        auditOrganisationId: region!.auditOrganisationId,
        declarationPointId: point!.id,
        declarationPointName: point!.name,
        reason: input.reason.trim(),
        submittedAt: now,
      });
      for (const file of claimed.files) file.reissueApplicationId = application.id;
      await em.flush();
      await announceApplication(em, 'REISSUE', application, now);
      return application;
    });
  } catch (error) {
    // Two submits at the same moment: the partial unique index lets one through.
    if (error instanceof UniqueConstraintViolationException) throw reissuePending(null);
    throw error;
  }
}

/** 撤回: the applicant takes back a pending application (its files stay with it). */
export async function withdrawReissue(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'now'>,
  id: string,
): Promise<ReissueApplication> {
  const applicant = requireApplicant(auth);
  if (!isUuid(id)) throw applicationNotFound();
  return rootEm.transactional(async (em) => {
    const row = await em.findOne(ReissueApplication, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row || row.applicantPersonId !== applicant.personId) throw applicationNotFound();
    if (row.status !== ApplicationStatus.PENDING) throw alreadyDecided(row.status);
    const now = deps.now();
    row.status = ApplicationStatus.WITHDRAWN;
    row.decidedAt = now;
    await em.flush();
    await announceApplication(em, 'REISSUE', row, now);
    return row;
  });
}

/**
 * 审核: the region's bureau approves or refuses (with an opinion). On approval, in the same
 * transaction: the new certificate (same facts, a new number, signed) naming the one it replaces,
 * the old one revoked naming the new one (its status list bit set), or for a registered paper
 * certificate its first e-certificate and the registration marked as replaced.
 */
export async function decideReissue(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'env' | 'keys' | 'now'>,
  input: { id: string; approve: boolean; opinion?: string | null },
): Promise<ReissueApplication> {
  const auditor = requireAuditor(auth);
  return rootEm.transactional(async (em) => {
    const row = await lockForDecision(
      em,
      ReissueApplication,
      auditor,
      input.id,
      input.approve,
      input.opinion,
    );
    const now = deps.now();
    if (input.approve) {
      if (row.certificateId) {
        const old = await em.findOne(
          Certificate,
          { id: row.certificateId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!old) throw certificateNotFound();
        if (old.revokedAt)
          throw appError(ErrorCode.CONFLICT, '原证书已作废，不能再据此补办；请申请人对新证书重新申请', {
            reason: 'CERTIFICATE_REVOKED',
          });
        const issued = await issueCertificate(em, deps, {
          kind: old.kind,
          holderPersonId: old.holderPersonId,
          declarationId: old.declarationId ?? null,
          historicalRegistrationId: old.historicalRegistrationId ?? null,
          replaces: { certificateId: old.id, number: old.number },
          holderName: old.holderName,
          holderIdNumberMasked: old.holderIdNumberMasked ?? null,
          titleName: old.titleName,
          seriesName: old.seriesName ?? null,
          specialtyName: old.specialtyName ?? null,
          levelName: old.levelName,
          committeeName: old.committeeName ?? null,
          approvedOn: old.approvedOn,
          recognitionStandard: old.recognitionStandard ?? null,
        });
        await revokeCertificate(
          em,
          old.id,
          revocationReasonOf(row.businessType, issued.number),
          now,
          issued.id,
        );
        row.newCertificateId = issued.id;
      } else {
        const paper = await em.findOne(
          HistoricalRegistration,
          { id: row.historicalRegistrationId! },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!paper || paper.status !== ApplicationStatus.APPROVED) throw certificateNotFound();
        if (paper.replacedByCertificateId)
          throw appError(ErrorCode.CONFLICT, '这本纸质证书已补办过电子证书', {
            reason: 'CERTIFICATE_REVOKED',
          });
        const issued = await issueCertificate(em, deps, {
          kind: 'TITLE',
          holderPersonId: paper.applicantPersonId,
          declarationId: null,
          historicalRegistrationId: paper.id,
          replaces: { certificateId: null, number: paper.certificateNumber },
          holderName: paper.holderName,
          holderIdNumberMasked: paper.holderIdNumberMasked,
          titleName: paper.titleName,
          seriesName: paper.seriesName ?? null,
          specialtyName: paper.specialtyName,
          levelName: paper.levelName,
          committeeName: paper.committeeName ?? null,
          approvedOn: paper.obtainedOn,
          recognitionStandard: null,
        });
        paper.replacedByCertificateId = issued.id;
        row.newCertificateId = issued.id;
      }
    }
    recordDecision(row, auditor, input.approve, input.opinion, now);
    await em.flush();
    await announceApplication(em, 'REISSUE', row, now);
    return row;
  });
}

/** One application, for its applicant or its region's auditors; anyone else reads NOT_FOUND. */
export async function reissueApplicationFor(em: EntityManager, auth: AuthResult, id: string) {
  if (!isUuid(id)) throw applicationNotFound();
  const row = await em.findOne(ReissueApplication, { id });
  if (!row || !(isApplicantOf(auth, row) || isAuditorOf(auth, row))) throw applicationNotFound();
  return row;
}
