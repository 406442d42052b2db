// What the receipt (申报回执) lists as submitted: each module of the form with its entries and
// files, then the 附件材料 outside the modules. Files of an entry never saved are no proof and are
// not counted (the server removes them at 提交 anyway).
import type { ModuleKey } from '../gql/graphql';
import { LIST_MODULES } from './modules/definitions';
import { SINGLE_DATA_KEYS } from './progress';

export interface ReceiptFacts {
  modules: Readonly<Record<string, unknown>>;
  attachments: ReadonlyArray<{
    slot: { kind: string; code?: string | null; module?: string | null; entryId?: string | null };
  }>;
  formConfig: {
    modules: ReadonlyArray<{ key: ModuleKey; name: string }>;
    attachments: ReadonlyArray<{ code: string; name: string; module?: string | null }>;
  };
}

export interface ReceiptLine {
  name: string;
  /** List modules: the saved entries; null for a form (基本信息) or a text (工作总结). */
  entries: number | null;
  /** Form and text modules: whether anything was filled in; 附件材料: whether a file is in. */
  filled: boolean;
  /** An attachment slot outside the modules (身份证): told as 已上传, not 已填写. */
  filesOnly?: boolean;
  files: number;
}

const filled = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.trim() !== ''
    : typeof value === 'object' && value !== null
      ? Object.entries(value).some(
          ([k, v]) => k !== '__typename' && v !== null && v !== undefined && v !== '',
        )
      : value !== null && value !== undefined;

export function receiptLines(facts: ReceiptFacts): { lines: ReceiptLine[]; totalFiles: number } {
  const catalogue = (code: string | null | undefined) =>
    facts.attachments.filter((a) => a.slot.kind === 'CATALOGUE' && a.slot.code === code).length;
  const lines: ReceiptLine[] = facts.formConfig.modules.map((module) => {
    const list = LIST_MODULES[module.key];
    const slotFiles = facts.formConfig.attachments
      .filter((s) => s.module === module.key)
      .reduce((n, s) => n + catalogue(s.code), 0);
    if (list) {
      const entries = ((facts.modules[list.dataKey] as { id: string }[] | null | undefined) ?? []).filter(
        Boolean,
      );
      const ids = new Set(entries.map((e) => e.id));
      const entryFiles = facts.attachments.filter(
        (a) => a.slot.kind === 'ENTRY' && a.slot.module === module.key && ids.has(a.slot.entryId ?? ''),
      ).length;
      return {
        name: module.name,
        entries: entries.length,
        filled: entries.length > 0,
        files: entryFiles + slotFiles,
      };
    }
    const key = SINGLE_DATA_KEYS[module.key];
    return {
      name: module.name,
      entries: null,
      // A module of files only (单位公示表) is filled in by its files.
      filled: key ? filled(facts.modules[key]) : slotFiles > 0,
      files: slotFiles,
    };
  });
  // 附件材料: the catalogue slots no module shows (身份证, 其他证明材料 …).
  for (const slot of facts.formConfig.attachments.filter((s) => !s.module)) {
    const files = catalogue(slot.code);
    if (files > 0) lines.push({ name: slot.name, entries: null, filled: true, files, filesOnly: true });
  }
  return { lines, totalFiles: lines.reduce((n, l) => n + l.files, 0) };
}

/**
 * What happens after 提交: the route as review holds it (each level with its organisation), or —
 * in the moments before review has taken the submission in from the event stream — the route the
 * notice configures, so the receipt never shows 提交 alone.
 */
export function routeAhead(
  reviewProgress: ReadonlyArray<{ levelText: string; name: string }>,
  noticeRoute: ReadonlyArray<{ name: string }>,
): string[] {
  return reviewProgress.length > 0
    ? reviewProgress.map((node) => `${node.levelText}（${node.name}）`)
    : noticeRoute.map((level) => level.name);
}
