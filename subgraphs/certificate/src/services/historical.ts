// 历史职称数据登记 (seed 004 ch. 4): a paper certificate not in the system, registered by its
// holder exactly as printed with at least two of 申报表 / 老证书 / 批文; the region's bureau
// approves (then it is queryable and verifiable as 已登记的纸质证书, and a 补办 of it issues its
// first e-certificate) or refuses.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { appError, badUserInput, ErrorCode, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { checkHistoricalInput, isUuid, normaliseName, type HistoricalInput } from '../domain/applications';
import { materialProblems } from '../domain/materials';
import { chinaDate } from '../domain/number';
import {
  AccountHolder,
  ApplicationStatus,
  Certificate,
  FilePurpose,
  HistoricalRegistration,
  Region,
} from '../entities';
import { isApplicantOf, isAuditorOf, requireApplicant, requireAuditor } from './access';
import { alreadyDecided, applicationNotFound, lockForDecision, recordDecision } from './audit';
import { announceApplication } from './live';
import { claimableFiles } from './materials';

const alreadyRegistered = (registrationId: string | null) =>
  appError(
    ErrorCode.CONFLICT,
    '该证书编号已登记或正在审核中，无需重复登记；如有疑问请联系所属行政区划的职称管理部门',
    { reason: 'ALREADY_REGISTERED', registrationId },
  );

/** 提交登记: the registration, its files claimed and the live notice, in one transaction. */
export async function registerHistorical(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'now'>,
  input: HistoricalInput,
): Promise<HistoricalRegistration> {
  const applicant = requireApplicant(auth);
  const now = deps.now();
  const { problems, facts, idNumber } = checkHistoricalInput(input, chinaDate(now));
  // Only one's own certificate: the name printed must be the account's (a typo is fixable).
  if (facts.holderName && facts.holderName !== normaliseName(applicant.name))
    problems.push({
      field: 'holderName',
      code: 'NOT_ACCOUNT_HOLDER',
      message: '证书上的姓名与您账号的姓名不一致：只能登记本人的证书，请核对姓名',
    });
  try {
    return await rootEm.transactional(async (em) => {
      const region = /^\d{6}$/.test(facts.regionCode)
        ? await em.findOne(Region, { code: facts.regionCode })
        : null;
      if (/^\d{6}$/.test(facts.regionCode) && !region)
        problems.push({
          field: 'regionCode',
          code: 'INVALID_REGION',
          message: '所属行政区划不存在，请重新选择',
        });
      if (facts.certificateNumber && (await em.count(Certificate, { number: facts.certificateNumber })))
        problems.push({
          field: 'certificateNumber',
          code: 'ELECTRONIC_EXISTS',
          message: '该编号是本平台签发的电子证书，无需登记；请在“我的证照”中查看，或直接办理补办（换发）',
        });
      // …and the ID number printed must be the account's (identity's PersonRegistered): otherwise a
      // person could register someone else's certificate under their own name.
      const holder = idNumber ? await em.findOne(AccountHolder, { personId: applicant.personId }) : null;
      if (idNumber && (holder?.idType !== 'RESIDENT_ID' || holder.idNumber.toUpperCase() !== idNumber))
        problems.push({
          field: 'idNumber',
          code: 'NOT_ACCOUNT_HOLDER',
          message: holder
            ? '证书上的身份证件号码与您账号的实名信息不一致：只能登记本人的证书，请核对号码'
            : '暂未取得您账号的实名信息，请稍后再试；如持续出现请联系平台管理员',
        });
      const claimed = await claimableFiles(em, applicant.personId, FilePurpose.HISTORICAL, input.fileIds);
      problems.push(...claimed.problems);
      for (const p of materialProblems('HISTORICAL', claimed.files))
        problems.push({ field: 'fileIds', ...p });
      if (problems.length > 0) throw badUserInput(problems);

      const existing = await em.findOne(HistoricalRegistration, {
        certificateNumber: facts.certificateNumber,
        status: { $in: [ApplicationStatus.PENDING, ApplicationStatus.APPROVED] },
      });
      if (existing)
        throw alreadyRegistered(existing.applicantPersonId === applicant.personId ? existing.id : null);

      const row = em.create(HistoricalRegistration, {
        id: randomUUID(),
        applicantPersonId: applicant.personId,
        applicantName: applicant.name,
        ...facts,
        regionCode: region!.code,
        regionName: region!.name,
        auditOrganisationId: region!.auditOrganisationId,
        submittedAt: now,
      });
      for (const file of claimed.files) file.historicalRegistrationId = row.id;
      await em.flush();
      await announceApplication(em, 'HISTORICAL', row, now);
      return row;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyRegistered(null);
    throw error;
  }
}

export async function withdrawHistorical(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'now'>,
  id: string,
): Promise<HistoricalRegistration> {
  const applicant = requireApplicant(auth);
  if (!isUuid(id)) throw applicationNotFound();
  return rootEm.transactional(async (em) => {
    const row = await em.findOne(HistoricalRegistration, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row || row.applicantPersonId !== applicant.personId) throw applicationNotFound();
    if (row.status !== ApplicationStatus.PENDING) throw alreadyDecided(row.status);
    const now = deps.now();
    row.status = ApplicationStatus.WITHDRAWN;
    row.decidedAt = now;
    await em.flush();
    await announceApplication(em, 'HISTORICAL', row, now);
    return row;
  });
}

/** 审核: approve (the paper certificate becomes queryable and verifiable) or refuse with an opinion. */
export async function decideHistorical(
  rootEm: EntityManager,
  auth: AuthResult,
  deps: Pick<CertificateDeps, 'now'>,
  input: { id: string; approve: boolean; opinion?: string | null },
): Promise<HistoricalRegistration> {
  const auditor = requireAuditor(auth);
  return rootEm.transactional(async (em) => {
    const row = await lockForDecision(
      em,
      HistoricalRegistration,
      auditor,
      input.id,
      input.approve,
      input.opinion,
    );
    const now = deps.now();
    recordDecision(row, auditor, input.approve, input.opinion, now);
    await em.flush();
    await announceApplication(em, 'HISTORICAL', row, now);
    return row;
  });
}

export async function historicalRegistrationFor(em: EntityManager, auth: AuthResult, id: string) {
  if (!isUuid(id)) throw applicationNotFound();
  const row = await em.findOne(HistoricalRegistration, { id });
  if (!row || !(isApplicantOf(auth, row) || isAuditorOf(auth, row))) throw applicationNotFound();
  return row;
}
