// The rules of one attachment slot (formats, size, count) and the checks made before an upload
// ticket is issued. The file route checks the real bytes again (magic bytes, streamed size).
import { moduleConfigOf } from './validate-input';
import {
  MODULE_DATA_KEY,
  type AttachmentFact,
  type AttachmentSlot,
  type FieldProblem,
  type FileFormat,
  type FormConfig,
  type ModuleData,
} from './types';

export interface SlotRule {
  /** 身份证, or for an entry's proof files the module's name (教育经历). */
  name: string;
  formats: FileFormat[];
  maxSizeKb: number;
  maxCount: number;
}

/** KB as the seeds mean it: 1024 bytes. */
export function kbToBytes(kb: number): number {
  return kb * 1024;
}

/** The seeds' 上传说明: 格式要求/大小要求/数量要求 in one line. */
export function slotRuleText(rule: SlotRule): string {
  return `只能上传${rule.formats.join('、')}格式的文件；单个文件不能超过${rule.maxSizeKb}KB；最多上传${rule.maxCount}个`;
}

function entryIds(data: ModuleData, module: keyof typeof MODULE_DATA_KEY): string[] {
  const key = MODULE_DATA_KEY[module];
  const value: unknown = key ? data[key] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown) =>
    typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string'
      ? [(e as { id: string }).id]
      : [],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an entry slot names an entry not saved yet. The applicant attaches proofs while adding
 * an entry (the client gives it its id); until the entry is saved its files are no proof: only
 * the applicant sees them, the report does not count them, saving the list without the entry or
 * submitting removes them.
 */
export function isUnsavedEntry(data: ModuleData, slot: AttachmentSlot): boolean {
  return slot.kind === 'ENTRY' && !entryIds(data, slot.module).includes(slot.entryId);
}

/** The files of entries not saved yet (see isUnsavedEntry). */
export function unsavedEntryFiles<T extends { slot: AttachmentSlot }>(
  data: ModuleData,
  files: readonly T[],
): T[] {
  return files.filter((f) => isUnsavedEntry(data, f.slot));
}

/**
 * The rule of a slot in this declaration, or undefined when the slot does not exist: an unknown
 * catalogue code, a module outside the form or without files, an entry id that is not a uuid, or
 * a new entry in a list that is full.
 */
export function slotRule(config: FormConfig, data: ModuleData, slot: AttachmentSlot): SlotRule | undefined {
  if (slot.kind === 'CATALOGUE') {
    const found = config.attachments.find((s) => s.code === slot.code);
    return (
      found && {
        name: found.name,
        formats: found.formats,
        maxSizeKb: found.maxSizeKb,
        maxCount: found.maxCount,
      }
    );
  }
  const module = moduleConfigOf(config, slot.module);
  const files = module?.filesPerEntry;
  if (!module || !files) return undefined;
  const saved = entryIds(data, slot.module);
  if (!saved.includes(slot.entryId)) {
    // A new entry: its id must be one a client makes, and the list must have room for it.
    if (!UUID.test(slot.entryId) || saved.length >= (module.maxEntries ?? Number.POSITIVE_INFINITY))
      return undefined;
  }
  return { name: module.name, formats: files.formats, maxSizeKb: files.maxSizeKb, maxCount: files.max };
}

export function sameSlot(a: AttachmentSlot, b: AttachmentSlot): boolean {
  if (a.kind === 'CATALOGUE' && b.kind === 'CATALOGUE') return a.code === b.code;
  if (a.kind === 'ENTRY' && b.kind === 'ENTRY') return a.module === b.module && a.entryId === b.entryId;
  return false;
}

export interface UploadRequest {
  slot: AttachmentSlot;
  /** The format the file claims (from its content type or name); the bytes are checked later. */
  format: FileFormat | null;
  sizeBytes: number;
}

/**
 * Why an upload into `slot` must be refused before any byte is sent: the slot does not exist,
 * the format or size is outside its rule, or it is full. Fields: slot, contentType, sizeBytes.
 */
export function uploadProblems(
  decl: { config: FormConfig; data: ModuleData; attachments: readonly AttachmentFact[] },
  request: UploadRequest,
): FieldProblem[] {
  const rule = slotRule(decl.config, decl.data, request.slot);
  if (!rule) {
    const message =
      request.slot.kind === 'ENTRY'
        ? `${moduleConfigOf(decl.config, request.slot.module)?.name ?? '该栏'}不能再添加条目，或该条目不存在，请刷新页面后重试`
        : '本次申报没有该附件类别';
    return [{ field: 'slot', code: 'SLOT_UNKNOWN', message }];
  }
  const other = otherUnsavedEntry(decl.data, decl.attachments, request.slot);
  if (other) return [other];
  const problems: FieldProblem[] = [];
  if (!request.format || !rule.formats.includes(request.format))
    problems.push({
      field: 'contentType',
      code: 'FILE_FORMAT',
      message: `${rule.name}只能上传${rule.formats.join('、')}格式的文件`,
    });
  if (!Number.isInteger(request.sizeBytes) || request.sizeBytes <= 0)
    problems.push({ field: 'sizeBytes', code: 'FILE_EMPTY', message: '不能上传空文件' });
  else if (request.sizeBytes > kbToBytes(rule.maxSizeKb))
    problems.push({
      field: 'sizeBytes',
      code: 'FILE_TOO_LARGE',
      message: `${rule.name}上传的文件不能超过${rule.maxSizeKb}KB`,
    });
  const stored = decl.attachments.filter((a) => sameSlot(a.slot, request.slot)).length;
  if (stored >= rule.maxCount)
    problems.push({
      field: 'slot',
      code: 'SLOT_FULL',
      message: `${rule.name}最多上传${rule.maxCount}个，请先删除已上传的文件`,
    });
  return problems;
}

/**
 * One unsaved entry per list may hold files (the one being added), so files of entries that are
 * never saved stay bounded; a client resumes that entry (its id) rather than starting another.
 */
export function otherUnsavedEntry(
  data: ModuleData,
  attachments: readonly AttachmentFact[],
  slot: AttachmentSlot,
): FieldProblem | undefined {
  if (slot.kind !== 'ENTRY' || !isUnsavedEntry(data, slot)) return undefined;
  const other = unsavedEntryFiles(data, attachments).some(
    (a) => a.slot.kind === 'ENTRY' && a.slot.module === slot.module && a.slot.entryId !== slot.entryId,
  );
  return other
    ? {
        field: 'slot',
        code: 'SLOT_UNKNOWN',
        message: '本栏已有一条未保存的信息上传了证明材料，请先保存或取消该条信息',
      }
    : undefined;
}
