// Uploads of 补办/登记 materials: a ticket per file (requestMaterialUpload), the bytes POSTed to
// the gateway's /files/certificates/uploads/<ticket>, checked by content (libs/files: magic bytes
// and a pdf-lib parse, so an executable renamed .pdf is refused), stored in PostgreSQL and
// recorded as the owner's unused file; an application then claims the files it names.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { recordEvent, type PersonalDataViewer } from '@zhicheng/events';
import { formatOfFileName, UploadNotRecorded, type ReceivedFile } from '@zhicheng/files';
import { appError, badUserInput, ErrorCode, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import {
  materialName,
  materialsOf,
  MATERIAL_MAX_BYTES,
  MATERIAL_MAX_KB,
  type MaterialPurpose,
} from '../domain/materials';
import type { Problem } from '../domain/applications';
import { ApplicationFile, FilePurpose } from '../entities';
import type { MaterialLinks, MaterialUploadClaims } from '../files/tokens';
import { requireApplicant } from './access';

const MAX_FILE_NAME = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PDF_TYPES = new Set(['application/pdf', '']);

export interface MaterialUploadInput {
  purpose: MaterialPurpose;
  slot: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

/** A ticket to upload one material (PDF ≤ 10 MB); every problem at once. */
export function requestMaterialUpload(
  auth: AuthResult,
  links: MaterialLinks,
  input: MaterialUploadInput,
  now: Date,
) {
  const applicant = requireApplicant(auth);
  const problems: Problem[] = [];
  if (!materialsOf(input.purpose).some((m) => m.code === input.slot))
    problems.push({
      field: 'slot',
      code: 'MATERIAL_UNKNOWN',
      message: `材料类别应为${materialsOf(input.purpose)
        .map((m) => `${m.code}（${m.name}）`)
        .join('、')}之一`,
    });
  const fileName = (input.fileName ?? '').trim();
  if (!fileName) problems.push({ field: 'fileName', code: 'REQUIRED', message: '文件名不能为空' });
  else if ([...fileName].length > MAX_FILE_NAME)
    problems.push({ field: 'fileName', code: 'TOO_LONG', message: `文件名不能超过${MAX_FILE_NAME}个字` });
  else if (
    formatOfFileName(fileName) !== 'pdf' ||
    !PDF_TYPES.has((input.contentType ?? '').split(';')[0].trim().toLowerCase())
  )
    problems.push({
      field: 'fileName',
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: `${materialName(input.purpose, input.slot)}只能上传 PDF 文件（.pdf）`,
    });
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes <= 0)
    problems.push({ field: 'sizeBytes', code: 'FILE_EMPTY', message: '文件为空，请选择正确的文件' });
  else if (input.sizeBytes > MATERIAL_MAX_BYTES)
    problems.push({
      field: 'sizeBytes',
      code: 'FILE_TOO_LARGE',
      message: `每个材料不能超过${MATERIAL_MAX_KB}KB，请压缩后重新上传`,
    });
  if (problems.length > 0) throw badUserInput(problems);
  const ticket = links.uploadTicket(
    {
      ownerPersonId: applicant.personId,
      purpose: input.purpose,
      slot: input.slot,
      fileName,
      maxBytes: MATERIAL_MAX_BYTES,
    },
    now,
  );
  return { ...ticket, maxBytes: MATERIAL_MAX_BYTES, slot: input.slot, purpose: input.purpose };
}

const TICKET_USED = () => new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);

/** Records a received material as the owner's file, not yet part of an application. */
export async function recordMaterial(
  em: EntityManager,
  claims: MaterialUploadClaims,
  file: ReceivedFile & { attachmentId: string; storageKey: string },
  now: Date,
): Promise<ApplicationFile> {
  if (await em.count(ApplicationFile, { ticketId: claims.ticketId })) throw TICKET_USED();
  const row = em.create(ApplicationFile, {
    id: file.attachmentId,
    ownerPersonId: claims.ownerPersonId,
    purpose: claims.purpose as FilePurpose,
    slot: claims.slot,
    fileName: claims.fileName,
    sizeBytes: file.sizeBytes,
    format: file.format,
    sha256: file.sha256,
    storageKey: file.storageKey,
    ticketId: claims.ticketId,
    uploadedAt: now,
  });
  try {
    await em.persistAndFlush(row);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw TICKET_USED();
    throw error;
  }
  return row;
}

/**
 * The files an application names, locked: each must be the applicant's own, uploaded for this
 * purpose and not yet used by another application. Problems are reported per `fileIds.N`.
 */
export async function claimableFiles(
  em: EntityManager,
  ownerPersonId: string,
  purpose: FilePurpose,
  fileIds: readonly string[],
): Promise<{ files: ApplicationFile[]; problems: Problem[] }> {
  // Malformed ids are the domain's problems already (INVALID_ID): skipped here.
  const ids = fileIds.filter((id) => UUID.test(id));
  const rows = ids.length
    ? await em.find(ApplicationFile, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: Problem[] = [];
  const files: ApplicationFile[] = [];
  fileIds.forEach((id, i) => {
    if (!UUID.test(id)) return;
    const row = byId.get(id);
    if (!row || row.ownerPersonId !== ownerPersonId || row.purpose !== purpose)
      problems.push({
        field: `fileIds.${i}`,
        code: 'FILE_NOT_FOUND',
        message: '文件不存在或不是您上传的，请重新上传',
      });
    else if (row.reissueApplicationId || row.historicalRegistrationId)
      problems.push({
        field: `fileIds.${i}`,
        code: 'FILE_ALREADY_USED',
        message: '该文件已随其他申请提交，请重新上传',
      });
    else files.push(row);
  });
  return { files, problems };
}

/**
 * Logs a download of the owner's material by someone else (谁查看了我的信息), committed before a
 * byte is sent: one PersonalDataViewed for the person, as a GraphQL read's would be.
 */
export async function recordMaterialDownload(
  em: EntityManager,
  file: Pick<ApplicationFile, 'ownerPersonId'>,
  viewer: PersonalDataViewer,
  requestId: string,
  now: Date,
): Promise<void> {
  await em.transactional(async (tx) => {
    recordEvent(tx, 'PersonalDataViewed', {
      personId: file.ownerPersonId,
      declarationId: null,
      items: ['CERTIFICATE_MATERIALS'],
      viewer,
      viewedAt: now.toISOString(),
      requestId,
    });
  });
}

export const missingFiles = () =>
  appError(ErrorCode.NOT_FOUND, '文件不存在或您无权查看', { reason: 'FILE_NOT_FOUND' });
