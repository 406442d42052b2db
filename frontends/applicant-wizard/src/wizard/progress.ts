// What the wizard tells about progress, from the 数据验证信息 report and the saved data: each
// module's marker (not started / in progress / complete / to fix), whether 02 信息填报 is done,
// and which module a declaration opens on.
import type { ModuleMarker } from '@zhicheng/web-kit';
import type { DeclarationStatus, ModuleKey } from '../gql/graphql';
import { LIST_MODULES } from './modules/definitions';

export type { ModuleMarker };

export interface ProgressFacts {
  status: DeclarationStatus;
  /** The saved modules (declaration.modules). */
  modules: Readonly<Record<string, unknown>>;
  attachments: ReadonlyArray<{ slot: { kind: string; code?: string | null; module?: string | null } }>;
  /** The form's attachment slots: a catalogue slot may belong to a module (个人照片 → 基本信息). */
  slots: ReadonlyArray<{ code: string; module?: string | null }>;
  problems: ReadonlyArray<{ module: string }>;
  /** While 被退回: the modules the reviewer flagged, the only ones editable. */
  flagged: readonly ModuleKey[];
}

export const SINGLE_DATA_KEYS: Partial<Record<ModuleKey, string>> = {
  BASIC_INFO: 'basicInfo',
  TALENT_BASIC_INFO: 'talentBasicInfo',
  INNOVATION: 'innovation',
  WORK_SUMMARY: 'workSummary',
};

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object')
    return Object.entries(value).some(([key, v]) => key !== '__typename' && hasValue(v));
  return true;
}

/** Something of the module was saved: a value, an entry or a file. */
export function isModuleStarted(key: ModuleKey, facts: ProgressFacts): boolean {
  const dataKey = SINGLE_DATA_KEYS[key] ?? LIST_MODULES[key]?.dataKey;
  if (dataKey && hasValue(facts.modules[dataKey])) return true;
  const slotsOfModule = new Set(facts.slots.filter((s) => s.module === key).map((s) => s.code));
  return facts.attachments.some(
    (a) =>
      a.slot.module === key ||
      (a.slot.kind === 'CATALOGUE' && !!a.slot.code && slotsOfModule.has(a.slot.code)),
  );
}

export function moduleProblemCount(key: ModuleKey, facts: Pick<ProgressFacts, 'problems'>): number {
  return facts.problems.filter((p) => p.module === key).length;
}

/**
 * The truth about one module: a flagged module of a returned declaration is to fix; otherwise it
 * is complete when something is saved and the report has nothing against it, in progress when
 * something is saved and problems remain, and not started when nothing is saved (an optional
 * module left empty is not started, not complete).
 */
export function moduleMarker(key: ModuleKey, facts: ProgressFacts): ModuleMarker {
  if (facts.status === 'RETURNED' && facts.flagged.includes(key)) return 'TO_FIX';
  if (!isModuleStarted(key, facts)) return 'NOT_STARTED';
  return moduleProblemCount(key, facts) > 0 ? 'IN_PROGRESS' : 'COMPLETE';
}

/** 02 信息填报 is done only when the report has no problem left in any module. */
export function fillStepDone(problems: ReadonlyArray<{ module: string }>): boolean {
  return problems.every((p) => p.module === 'ATTACHMENTS');
}

/** The module a declaration opens on: the asked one, a returned declaration's first flagged one, the first. */
export function openingModule(
  modules: ReadonlyArray<{ key: ModuleKey }>,
  facts: Pick<ProgressFacts, 'status' | 'flagged'>,
  requested?: string | null,
): ModuleKey | undefined {
  const asked = modules.find((m) => m.key === requested);
  if (asked) return asked.key;
  if (facts.status === 'RETURNED') {
    const flagged = modules.find((m) => facts.flagged.includes(m.key));
    if (flagged) return flagged.key;
  }
  return modules[0]?.key;
}
