// Module names for the read-only declaration view, from the one vocabulary (@zhicheng/vocabulary),
// so 退回模块 and the wizard read the same. A notice's own names (its form configuration) win
// where the page has them (ModulesView, ReviewCasePage).
import { MODULES as VOCABULARY_MODULES } from '@zhicheng/vocabulary';
import type { ModuleKey } from '../gql/graphql';

/** Each module with data: its key, the field of DeclarationModules holding it and its names. */
export const MODULES: { key: ModuleKey; field: string; zh: string; en: string }[] = Object.values(
  VOCABULARY_MODULES,
)
  .filter((m) => m.dataKey !== null)
  .map((m) => ({ key: m.key as ModuleKey, field: m.dataKey!, zh: m.zh, en: m.en }));
