// 批量送审: a unit uploads its 推荐报告/申报函 (a ticket, then the bytes to the file route), then
// forwards the declarations it passed (待送审) together with that attachment. All the chosen
// declarations go on together or none does (the domain's forwardBatch).
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { UploadNotRecorded, type FileFormat } from '@zhicheng/files';
import { appError, badUserInput, ErrorCode, type AuthResult, type FieldProblem } from '@zhicheng/server-kit';
import { forwardBatch as forwardInDomain } from '../domain';
import { Batch, type ReviewCase } from '../entities';
import type { BatchUploadClaims, FileLinks } from '../files/tokens';
import { CASE_NOT_FOUND, requireUnitReviewer } from './access';
import { changeCases, lockCases, recordTransition, refusalError } from './cases';
import { isUuid } from './ids';

/** The 推荐报告/申报函: a scanned letter or report. */
export const BATCH_ATTACHMENT_RULE = {
  name: '推荐报告/申报函',
  formats: ['pdf', 'jpg', 'png'] as FileFormat[],
  maxSizeKb: 10240,
};
export const BATCH_ATTACHMENT_MAX_BYTES = BATCH_ATTACHMENT_RULE.maxSizeKb * 1024;

/** At most this many declarations per batch (a page of the 待送审 list, with room). */
export const BATCH_MAX_DECLARATIONS = 200;

const EXTENSIONS: Record<string, FileFormat> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png' };
const CONTENT_TYPES: Record<string, FileFormat> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
};
const MAX_FILE_NAME = 200;

export interface BatchUploadInput {
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

/** A ticket to upload the 推荐报告/申报函 (unit accounts only); every problem at once. */
export function requestBatchAttachmentUpload(
  auth: AuthResult,
  links: FileLinks,
  input: BatchUploadInput,
  now: Date,
) {
  const actor = requireUnitReviewer(auth);
  const problems: FieldProblem[] = [];
  const fileName = input.fileName.trim();
  if (!fileName) problems.push({ field: 'fileName', code: 'REQUIRED', message: '文件名不能为空' });
  else if ([...fileName].length > MAX_FILE_NAME)
    problems.push({ field: 'fileName', code: 'TOO_LONG', message: `文件名不能超过${MAX_FILE_NAME}个字` });
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  const byType = CONTENT_TYPES[input.contentType.split(';')[0].trim().toLowerCase()];
  if (
    fileName &&
    (!byName || (byType === undefined && input.contentType.trim() !== '') || (byType && byType !== byName))
  )
    problems.push({
      field: 'fileName',
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: `${BATCH_ATTACHMENT_RULE.name}只能上传 PDF、JPG 或 PNG 文件`,
    });
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes <= 0)
    problems.push({ field: 'sizeBytes', code: 'FILE_EMPTY', message: '文件为空，请选择正确的文件' });
  else if (input.sizeBytes > BATCH_ATTACHMENT_MAX_BYTES)
    problems.push({
      field: 'sizeBytes',
      code: 'FILE_TOO_LARGE',
      message: `${BATCH_ATTACHMENT_RULE.name}不能超过${BATCH_ATTACHMENT_RULE.maxSizeKb}KB，请压缩后重新上传`,
    });
  if (problems.length > 0) throw badUserInput(problems);
  const ticket = links.uploadTicket(
    {
      unitId: actor.organisationId,
      uploadedById: actor.accountId,
      uploadedByName: actor.name,
      fileName,
      maxBytes: BATCH_ATTACHMENT_MAX_BYTES,
      formats: BATCH_ATTACHMENT_RULE.formats,
    },
    now,
  );
  return { ...ticket, maxBytes: BATCH_ATTACHMENT_MAX_BYTES, formats: BATCH_ATTACHMENT_RULE.formats };
}

/** Records a received 推荐报告/申报函 as a batch not yet forwarded. A ticket is used once. */
export async function recordBatchAttachment(
  em: EntityManager,
  claims: BatchUploadClaims,
  file: { attachmentId: string; storageKey: string; sizeBytes: number; sha256: string; format: FileFormat },
  now: Date,
): Promise<Batch> {
  if (await em.count(Batch, { ticketId: claims.ticketId }))
    throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);
  const batch = em.create(Batch, {
    unitId: claims.unitId,
    attachmentId: file.attachmentId,
    fileName: claims.fileName,
    sizeBytes: file.sizeBytes,
    format: file.format,
    sha256: file.sha256,
    storageKey: file.storageKey,
    ticketId: claims.ticketId,
    uploadedById: claims.uploadedById,
    uploadedByName: claims.uploadedByName,
    uploadedAt: now,
  });
  try {
    await em.persistAndFlush(batch);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);
    throw error;
  }
  return batch;
}

/** The unit's uploaded attachments not yet used by a batch, newest first (若已上传则直接送审). */
export function pendingBatchAttachments(em: EntityManager, auth: AuthResult): Promise<Batch[]> {
  const actor = requireUnitReviewer(auth);
  return em.find(
    Batch,
    { unitId: actor.organisationId, forwardedAt: null },
    { orderBy: { uploadedAt: 'desc', id: 'asc' } },
  );
}

/**
 * Forwards the chosen 待送审 declarations with the attachment: every declaration moves to the
 * next level, or none does; the attachment then belongs to this batch.
 */
export async function forwardBatch(
  rootEm: EntityManager,
  auth: AuthResult,
  input: { declarationIds: readonly string[]; attachmentId: string },
  now: Date,
): Promise<{ batch: Batch; cases: ReviewCase[] }> {
  const actor = requireUnitReviewer(auth);
  const problems: FieldProblem[] = [];
  input.declarationIds.forEach((id, i) => {
    if (!isUuid(id))
      problems.push({ field: `declarationIds.${i}`, code: 'INVALID_ID', message: '申报编号格式不正确' });
  });
  if (input.declarationIds.length > BATCH_MAX_DECLARATIONS)
    problems.push({
      field: 'declarationIds',
      code: 'BATCH_TOO_LARGE',
      message: `每批最多送审${BATCH_MAX_DECLARATIONS}条申报，请分批送审`,
    });
  if (problems.length > 0) throw badUserInput(problems);

  return changeCases(rootEm, async (em) => {
    const batch = isUuid(input.attachmentId)
      ? await em.findOne(
          Batch,
          { attachmentId: input.attachmentId, unitId: actor.organisationId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (batch?.forwardedAt)
      throw appError(
        ErrorCode.CONFLICT,
        '该推荐报告/申报函已随另一批申报送审，请为本批重新上传推荐报告/申报函',
        { reason: 'ATTACHMENT_ALREADY_USED' },
      );
    const rows = await lockCases(em, [...new Set(input.declarationIds)]);
    const byId = new Map(rows.map((row) => [row.declarationId, row]));
    const missing = input.declarationIds.filter((id) => !byId.get(id)?.state);
    if (missing.length > 0)
      throw appError(ErrorCode.NOT_FOUND, CASE_NOT_FOUND, {
        reason: 'NOT_ON_ROUTE',
        declarations: missing.map((declarationId) => ({
          declarationId,
          code: 'NOT_FOUND',
          reason: 'NOT_ON_ROUTE',
          message: CASE_NOT_FOUND,
        })),
      });
    // Duplicates reach the domain, which names them.
    const chosen = input.declarationIds.map((id) => byId.get(id)!);
    const result = forwardInDomain(
      chosen.map((row) => row.state!),
      { id: batch?.id ?? 'no-attachment', attachmentId: batch?.attachmentId ?? null },
      actor,
      now,
    );
    if (!result.ok) throw refusalError(result.refusal);
    for (const row of rows) {
      const state = result.states.find((s) => s.declarationId === row.declarationId)!;
      await recordTransition(em, row, {
        state,
        events: result.events.filter((e) => e.payload.declarationId === row.declarationId),
        timeline: result.timeline.filter((t) => t.declarationId === row.declarationId),
      });
    }
    const forwarded = batch!;
    forwarded.forwardedAt = now;
    forwarded.forwardedById = actor.accountId;
    forwarded.forwardedByName = actor.name;
    forwarded.declarationIds = result.batch.declarationIds;
    await em.flush();
    return { batch: forwarded, cases: chosen };
  });
}
