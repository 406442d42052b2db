// Attachments: a ticket per file (requestUpload), the recording of a received file, removal.
// Everything a ticket can refuse before any byte is sent is refused here: a full slot, a size
// over the limit, a type the slot does not take.
import { LockMode } from '@mikro-orm/core';
import { formatLabel, type FileFormat } from '@zhicheng/files';
import { notFound, Problems, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import { MODULE_DATA_KEY, type ModuleKey } from '../domain';
import { Attachment, AttachmentSlotKind, Declaration, DeclarationStatus, type Notice } from '../entities';
import type { FileLinks, UploadSlot, UploadTicketClaims } from '../files/tokens';
import { owned, refusals, requireApplicant } from './access';
import { editableModules, type Clock } from './declarations';

export interface SlotRule {
  /** For messages: 身份证, or 教育经历. */
  name: string;
  formats: FileFormat[];
  maxBytes: number;
  maxSizeKb: number;
  maxCount: number;
  module: ModuleKey | null;
}

export interface SlotInput {
  kind: AttachmentSlotKind;
  code?: string | null;
  module?: ModuleKey | null;
  entryId?: string | null;
}

const EXTENSIONS: Record<string, FileFormat> = {
  pdf: 'pdf',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  zip: 'zip',
};
const CONTENT_TYPES: Record<string, FileFormat> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
};
const MAX_FILE_NAME = 200;

const formatList = (formats: readonly FileFormat[]) => formats.map(formatLabel).join('、');

/**
 * The slot's rule, or problems: a catalogue code the notice does not list, a module without
 * proof files, an entry that is not saved yet.
 */
export function slotRule(
  notice: Notice,
  declaration: Declaration,
  slot: SlotInput,
  problems: Problems,
): { slot: UploadSlot; rule: SlotRule } | null {
  if (slot.kind === AttachmentSlotKind.CATALOGUE) {
    const config = notice.formConfig.attachments.find((a) => a.code === slot.code);
    if (!config) {
      problems.add('slot.code', 'UNKNOWN_SLOT', '本通知的附件材料中没有该项，请刷新页面后重试');
      return null;
    }
    return {
      slot: { kind: 'CATALOGUE', code: config.code, entryId: null },
      rule: {
        name: config.name,
        formats: [...config.formats],
        maxSizeKb: config.maxSizeKb,
        maxBytes: config.maxSizeKb * 1024,
        maxCount: config.maxCount,
        module: config.module ?? null,
      },
    };
  }
  const module = notice.formConfig.modules.find((m) => m.key === slot.module);
  if (!module || !module.filesPerEntry) {
    problems.add('slot.module', 'NO_FILES', '该模块无需上传附件');
    return null;
  }
  const property = MODULE_DATA_KEY[module.key];
  const entries = property ? declaration.data[property] : undefined;
  if (
    !slot.entryId ||
    !Array.isArray(entries) ||
    !entries.some((e: { id: string }) => e.id === slot.entryId)
  ) {
    problems.add('slot.entryId', 'ENTRY_NOT_SAVED', `请先保存该条${module.name}，再上传证明材料`);
    return null;
  }
  const rule = module.filesPerEntry;
  return {
    slot: { kind: 'ENTRY', code: module.key, entryId: slot.entryId },
    rule: {
      name: module.name,
      formats: [...rule.formats],
      maxSizeKb: rule.maxSizeKb,
      maxBytes: rule.maxSizeKb * 1024,
      maxCount: rule.max,
      module: module.key,
    },
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
  `${rule.name}最多上传${rule.maxCount}个文件，请先删除已上传的文件再上传`;

/** Whether the applicant may still change files of this slot (draft, or a flagged module when returned). */
export function assertSlotEditable(
  declaration: Declaration,
  notice: Notice,
  rule: SlotRule | null,
  now: Date,
) {
  if (declaration.status !== DeclarationStatus.DRAFT && declaration.status !== DeclarationStatus.RETURNED)
    throw refusals.locked(declaration.status);
  if (declaration.status === DeclarationStatus.DRAFT && now.getTime() >= notice.closesAt.getTime())
    throw refusals.deadlinePassed(notice.closesAt);
  if (declaration.status === DeclarationStatus.RETURNED) {
    // Catalogue files outside a module belong to 附件材料信息, editable when any module was flagged.
    const editable = editableModules(declaration, notice);
    if (rule?.module ? !editable.includes(rule.module) : editable.length === 0)
      throw refusals.moduleLocked([rule?.name ?? '附件材料']);
  }
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
  const problems = new Problems();
  const resolved = slotRule(notice, declaration, input.slot, problems);
  assertSlotEditable(declaration, notice, resolved?.rule ?? null, now);

  const fileName = input.fileName.trim();
  if (!fileName) problems.add('fileName', 'REQUIRED', '文件名不能为空');
  else if (fileName.length > MAX_FILE_NAME)
    problems.add('fileName', 'TOO_LONG', `文件名不能超过${MAX_FILE_NAME}个字`);
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes <= 0)
    problems.add('sizeBytes', 'FILE_EMPTY', '文件内容为空，请选择正确的文件后重新上传');
  if (resolved) {
    const { rule, slot } = resolved;
    if (input.sizeBytes > rule.maxBytes)
      problems.add(
        'sizeBytes',
        'FILE_TOO_LARGE',
        `${rule.name}单个文件不能超过${rule.maxSizeKb}KB，请压缩或拆分后重新上传`,
      );
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
    const byName = extension ? EXTENSIONS[extension] : undefined;
    const byType = CONTENT_TYPES[input.contentType.split(';')[0].trim().toLowerCase()];
    if (!byName || !rule.formats.includes(byName) || (byType && !rule.formats.includes(byType)))
      problems.add(
        'fileName',
        'FILE_TYPE_NOT_ALLOWED',
        `${rule.name}只能上传${formatList(rule.formats)}格式的文件`,
      );
    if ((await countInSlot(em, declaration, slot)) >= rule.maxCount)
      problems.add('slot', 'SLOT_FULL', slotFullMessage(rule));
  }
  problems.throwIfAny();
  const { slot, rule } = resolved!;
  const claims: Omit<UploadTicketClaims, 'kind' | 'ticketId'> = {
    declarationId: declaration.id,
    applicantId: declaration.applicantId,
    slot,
    fileName,
    maxBytes: rule.maxBytes,
    formats: rule.formats,
  };
  const ticket = links.uploadTicket(claims, now);
  return { ...ticket, maxBytes: rule.maxBytes, formats: rule.formats };
}

/** Why a received file cannot be recorded (answered as JSON by the upload route). */
export class UploadNotRecorded extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
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
  const problems = new Problems();
  const resolved = slotRule(
    notice,
    declaration,
    {
      kind: claims.slot.kind as AttachmentSlotKind,
      code: claims.slot.code,
      module: claims.slot.kind === 'ENTRY' ? (claims.slot.code as ModuleKey) : null,
      entryId: claims.slot.entryId,
    },
    problems,
  );
  if (!resolved) throw new UploadNotRecorded(problems.all[0].code, problems.all[0].message, 409);
  try {
    assertSlotEditable(declaration, notice, resolved.rule, now);
  } catch (error) {
    const e = error as { message: string; extensions?: { reason?: string } };
    throw new UploadNotRecorded(String(e.extensions?.reason ?? 'DECLARATION_LOCKED'), e.message, 409);
  }
  if ((await countInSlot(em, declaration, resolved.slot)) >= resolved.rule.maxCount)
    throw new UploadNotRecorded('SLOT_FULL', slotFullMessage(resolved.rule), 409);
  // The ticket's limits were the slot's when it was issued; the stricter of then and now applies.
  return {
    ...resolved.rule,
    maxBytes: Math.min(resolved.rule.maxBytes, claims.maxBytes),
    formats: resolved.rule.formats.filter((f) => claims.formats.includes(f)),
  };
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
    const rule = await checkTicket(em, claims, now);
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
    void rule;
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
    const problems = new Problems();
    const resolved =
      attachment.slotKind === AttachmentSlotKind.CATALOGUE
        ? slotRule(notice, declaration, { kind: attachment.slotKind, code: attachment.slotCode }, problems)
        : null;
    assertSlotEditable(
      declaration,
      notice,
      resolved?.rule ??
        (attachment.module ? ({ name: attachment.module, module: attachment.module } as SlotRule) : null),
      clock.now(),
    );
    em.remove(attachment);
    await em.flush();
    return { declaration, storageKey: attachment.storageKey };
  });
}
