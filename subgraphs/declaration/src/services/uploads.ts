// Attachments: a ticket per file (requestUpload), the recording of a received file, removal.
// Everything a ticket can refuse before any byte is sent is refused here: a full slot, a size
// over the limit, a type the slot does not take.
import { LockMode } from '@mikro-orm/core';
import { imageSize } from 'image-size';
import { formatOfFileName, UploadNotRecorded, type FileStorage } from '@zhicheng/files';
import {
  badUserInput,
  notFound,
  type AuthResult,
  type EntityManager,
  type FieldProblem,
} from '@zhicheng/server-kit';
import {
  kbToBytes,
  otherUnsavedEntry,
  photoRatioProblem,
  PHOTO_SLOT_CODE,
  type PixelSize,
  slotRule as domainSlotRule,
  uploadProblems,
  type AttachmentSlot,
  type FileFormat,
  type ModuleKey,
  type SlotRule as DomainSlotRule,
} from '../domain';
import { Attachment, AttachmentSlotKind, Declaration, type Notice } from '../entities';
import type { FileLinks, UploadSlot, UploadTicketClaims } from '../files/tokens';
import { owned, requireApplicant } from './access';
import { attachmentFact, type Clock } from './declarations';
import { assertApplicantAction } from './rules';

export interface SlotRule extends DomainSlotRule {
  maxBytes: number;
  /** The module the slot belongs to (an entry's files, or a catalogue slot shown in a module). */
  module: ModuleKey | null;
}

export interface SlotInput {
  kind: AttachmentSlotKind;
  code?: string | null;
  module?: ModuleKey | null;
  entryId?: string | null;
}

const CONTENT_TYPES: Record<string, FileFormat> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
};
const MAX_FILE_NAME = 200;

function domainSlot(slot: SlotInput): AttachmentSlot | null {
  if (slot.kind === AttachmentSlotKind.CATALOGUE)
    return slot.code ? { kind: 'CATALOGUE', code: slot.code } : null;
  return slot.module && slot.entryId ? { kind: 'ENTRY', module: slot.module, entryId: slot.entryId } : null;
}

const uploadSlot = (slot: AttachmentSlot): UploadSlot =>
  slot.kind === 'CATALOGUE'
    ? { kind: 'CATALOGUE', code: slot.code, entryId: null }
    : { kind: 'ENTRY', code: slot.module, entryId: slot.entryId };

/** The slot's rule in this declaration (the domain's), or null when the slot does not exist. */
export function slotRule(
  notice: Notice,
  declaration: Declaration,
  input: SlotInput,
): { slot: AttachmentSlot; upload: UploadSlot; rule: SlotRule } | null {
  const slot = domainSlot(input);
  const rule = slot && domainSlotRule(notice.formConfig, declaration.data, slot);
  if (!slot || !rule) return null;
  const module =
    slot.kind === 'ENTRY'
      ? slot.module
      : (notice.formConfig.attachments.find((a) => a.code === slot.code)?.module ?? null);
  return {
    slot,
    upload: uploadSlot(slot),
    rule: { ...rule, formats: [...rule.formats], maxBytes: kbToBytes(rule.maxSizeKb), module },
  };
}

/** Files already in a slot. */
export const countInSlot = (em: EntityManager, declaration: Declaration, slot: UploadSlot) =>
  em.count(Attachment, {
    declaration,
    slotKind: slot.kind as AttachmentSlotKind,
    slotCode: slot.code,
    ...(slot.kind === 'ENTRY' ? { entryId: slot.entryId } : {}),
  });

export const slotFullMessage = (rule: SlotRule) =>
  `${rule.name}最多上传${rule.maxCount}个，请先删除已上传的文件`;

/** Whether the applicant may still change files of this slot (draft, or a flagged module when returned). */
export function assertSlotEditable(
  declaration: Declaration,
  notice: Notice,
  module: ModuleKey | null,
  now: Date,
) {
  assertApplicantAction(declaration.status, 'SAVE', notice, {
    now,
    modules: module ? [module] : [],
    flaggedModules: declaration.returnedModules ?? [],
  });
}

export interface RequestUploadInput {
  declarationId: string;
  slot: SlotInput;
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

export async function requestUpload(
  em: EntityManager,
  auth: AuthResult,
  links: FileLinks,
  input: RequestUploadInput,
  clock: Clock,
) {
  const principal = requireApplicant(auth);
  const now = clock.now();
  const declaration = owned(
    principal,
    await em.findOne(Declaration, { id: input.declarationId, deletedAt: null }, { populate: ['notice'] }),
  );
  const notice = declaration.notice.getEntity();
  const resolved = slotRule(notice, declaration, input.slot);
  assertSlotEditable(declaration, notice, resolved?.rule.module ?? input.slot.module ?? null, now);

  const problems: FieldProblem[] = [];
  const fileName = input.fileName.trim();
  if (!fileName) problems.push({ field: 'fileName', code: 'REQUIRED', message: '文件名不能为空' });
  else if (fileName.length > MAX_FILE_NAME)
    problems.push({ field: 'fileName', code: 'TOO_LONG', message: `文件名不能超过${MAX_FILE_NAME}个字` });
  // The name is stored and served as given, so its extension must name the file's format (a
  // PDF called scan.html is refused); the bytes are checked against it again when they arrive.
  const byName = formatOfFileName(fileName);
  const byType = CONTENT_TYPES[input.contentType.split(';')[0].trim().toLowerCase()];
  if (fileName && !byName)
    problems.push({
      field: 'fileName',
      code: 'FILE_NAME_MISMATCH',
      message: '文件名须以文件类型的扩展名结尾（.pdf、.jpg、.png 或 .zip），请修改文件名后重新上传',
    });
  const format = byName && byType && byName !== byType ? null : byName;
  const slot = resolved?.slot ?? domainSlot(input.slot) ?? { kind: 'CATALOGUE', code: input.slot.code ?? '' };
  const attachments = await em.find(Attachment, { declaration });
  problems.push(
    ...uploadProblems(
      { config: notice.formConfig, data: declaration.data, attachments: attachments.map(attachmentFact) },
      { slot, format, sizeBytes: input.sizeBytes },
    ),
  );
  if (problems.length > 0) throw badUserInput(problems);
  const { upload, rule } = resolved!;
  const claims: Omit<UploadTicketClaims, 'kind' | 'ticketId'> = {
    declarationId: declaration.id,
    applicantId: declaration.applicantId,
    slot: upload,
    fileName,
    maxBytes: rule.maxBytes,
    formats: rule.formats,
  };
  const ticket = links.uploadTicket(claims, now);
  return { ...ticket, maxBytes: rule.maxBytes, formats: rule.formats };
}

/**
 * Checks a ticket's declaration before bytes are read (a stale ticket for a submitted
 * declaration, a slot filled meanwhile) and returns its rule.
 */
export async function checkTicket(
  em: EntityManager,
  claims: UploadTicketClaims,
  now: Date,
): Promise<SlotRule> {
  const declaration = await em.findOne(
    Declaration,
    { id: claims.declarationId, deletedAt: null },
    { populate: ['notice'] },
  );
  if (!declaration || declaration.applicantId !== claims.applicantId)
    throw new UploadNotRecorded('NOT_FOUND', '申报不存在或您无权查看', 404);
  const notice = declaration.notice.getEntity();
  const resolved = slotRule(notice, declaration, {
    kind: claims.slot.kind as AttachmentSlotKind,
    code: claims.slot.code,
    module: claims.slot.kind === 'ENTRY' ? (claims.slot.code as ModuleKey) : null,
    entryId: claims.slot.entryId,
  });
  if (!resolved)
    throw new UploadNotRecorded('SLOT_UNKNOWN', '该附件类别或记录已不存在，请刷新页面后重新上传', 409);
  try {
    assertSlotEditable(declaration, notice, resolved.rule.module, now);
  } catch (error) {
    const e = error as { message: string; extensions?: { reason?: string } };
    throw new UploadNotRecorded(String(e.extensions?.reason ?? 'DECLARATION_LOCKED'), e.message, 409);
  }
  if ((await countInSlot(em, declaration, resolved.upload)) >= resolved.rule.maxCount)
    throw new UploadNotRecorded('SLOT_FULL', slotFullMessage(resolved.rule), 409);
  // Another unsaved entry may have taken the list's one place for files meanwhile.
  if (resolved.slot.kind === 'ENTRY') {
    const attachments = await em.find(Attachment, { declaration });
    const other = otherUnsavedEntry(declaration.data, attachments.map(attachmentFact), resolved.slot);
    if (other) throw new UploadNotRecorded('SLOT_UNKNOWN', other.message, 409);
  }
  // The ticket's limits were the slot's when it was issued; the stricter of then and now applies.
  return {
    ...resolved.rule,
    maxBytes: Math.min(resolved.rule.maxBytes, claims.maxBytes),
    formats: resolved.rule.formats.filter((f) => claims.formats.includes(f)),
  };
}

/** The pixel size of a stored image, its EXIF rotation applied (null when it cannot be read). */
async function pixelSizeOf(storage: FileStorage, storageKey: string): Promise<PixelSize | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get(storageKey)) chunks.push(Buffer.from(chunk));
  try {
    const size = imageSize(Buffer.concat(chunks));
    if (!size.width || !size.height) return null;
    // EXIF orientations 5–8 are turned by 90°: the person sees height × width.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return null;
  }
}

/** The photo (个人照片) must be 1:1.75 on its real pixels; refused otherwise (the bytes are removed). */
export async function checkPhoto(
  storage: FileStorage,
  claims: UploadTicketClaims,
  storageKey: string,
): Promise<void> {
  if (claims.slot.kind !== 'CATALOGUE' || claims.slot.code !== PHOTO_SLOT_CODE) return;
  const problem = photoRatioProblem(await pixelSizeOf(storage, storageKey));
  if (problem) throw new UploadNotRecorded('PHOTO_RATIO', problem, 422);
}

/**
 * Records a received file, in one transaction that locks the declaration (so two uploads into a
 * one-file slot cannot both land) and checks everything again.
 */
export async function recordAttachment(
  rootEm: EntityManager,
  claims: UploadTicketClaims,
  file: { storageKey: string; attachmentId: string; sizeBytes: number; sha256: string; format: FileFormat },
  now: Date,
): Promise<Attachment> {
  return rootEm.transactional(async (em) => {
    const declaration = await em.findOne(
      Declaration,
      { id: claims.declarationId, deletedAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!declaration || declaration.applicantId !== claims.applicantId)
      throw new UploadNotRecorded('NOT_FOUND', '申报不存在或您无权查看', 404);
    await checkTicket(em, claims, now);
    if (await em.findOne(Attachment, { ticketId: claims.ticketId }))
      throw new UploadNotRecorded('TICKET_USED', '该上传凭证已使用，请重新点击上传', 409);
    const attachment = em.create(Attachment, {
      id: file.attachmentId,
      declaration,
      slotKind: claims.slot.kind as AttachmentSlotKind,
      slotCode: claims.slot.code,
      entryId: claims.slot.entryId,
      fileName: claims.fileName,
      format: file.format,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      storageKey: file.storageKey,
      ticketId: claims.ticketId,
      uploadedBy: claims.applicantId,
    });
    await em.flush();
    return attachment;
  });
}

/** Removes one of the applicant's files; the bytes are deleted after the commit. */
export async function removeAttachment(
  rootEm: EntityManager,
  auth: AuthResult,
  id: string,
  clock: Clock,
): Promise<{ declaration: Declaration; storageKey: string }> {
  const principal = requireApplicant(auth);
  return rootEm.transactional(async (em) => {
    const attachment = await em.findOne(
      Attachment,
      { id },
      { populate: ['declaration', 'declaration.notice'] },
    );
    if (!attachment) throw notFound('附件不存在或您无权查看');
    const declaration = attachment.declaration.getEntity();
    if (declaration.applicantId !== principal.accountId || declaration.deletedAt)
      throw notFound('附件不存在或您无权查看');
    await em.findOne(Declaration, { id: declaration.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const notice = declaration.notice.getEntity();
    const module =
      attachment.module ??
      notice.formConfig.attachments.find((a) => a.code === attachment.slotCode)?.module ??
      null;
    assertSlotEditable(declaration, notice, module, clock.now());
    em.remove(attachment);
    await em.flush();
    return { declaration, storageKey: attachment.storageKey };
  });
}
