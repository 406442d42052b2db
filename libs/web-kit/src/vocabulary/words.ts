// The API's one language rule, on the client: the server answers codes (and Chinese words beside
// them as a convenience); every screen turns codes into words here, from the one vocabulary
// (@zhicheng/vocabulary). Chinese keeps the server's words exactly (a notice's own module names
// included); English takes the vocabulary's English, or a configuration's own English name.
import {
  ATTACHMENT_NAMES,
  MODULES,
  STATUS_WORDS,
  englishName,
  type Label,
  type ModuleKey,
  type StatusEnum,
} from '@zhicheng/vocabulary';
import type { Language } from '../i18n';

/** A status, step or level code in words; `serverText` is what the API answered beside the code. */
export function statusWord(
  language: Language,
  enumName: StatusEnum,
  code: string | null | undefined,
  serverText?: string | null,
): string {
  if (!code) return serverText ?? '';
  const label = (STATUS_WORDS[enumName] as Record<string, Label>)[code];
  if (language === 'zh-CN') return serverText ?? label?.zh ?? code;
  return label?.en ?? code;
}

/** A module as a notice configures it (its own name, optionally an English one). */
export interface NamedModule {
  key: string;
  name: string;
  nameEn?: string | null;
}

/** A module's name: the notice's own when given, else the vocabulary's. */
export function moduleName(
  language: Language,
  key: string,
  configured?: readonly NamedModule[] | null,
): string {
  const own = configured?.find((m) => m.key === key);
  const defaults = (MODULES as Record<string, Label | undefined>)[key];
  if (language === 'zh-CN') return own?.name ?? defaults?.zh ?? key;
  return own ? englishName(own.name, defaults, own.nameEn) : (defaults?.en ?? key);
}

/** An attachment slot as a notice configures it. */
export interface NamedSlot {
  code: string;
  name: string;
  nameEn?: string | null;
}

export function slotName(language: Language, slot: NamedSlot): string {
  if (language === 'zh-CN') return slot.name;
  return englishName(
    slot.name,
    (ATTACHMENT_NAMES as Record<string, Label | undefined>)[slot.code],
    slot.nameEn,
  );
}

/** A list as a sentence lists it: 教育经历、论文著作 / Education, Papers. */
export function joinWords(language: Language, words: readonly string[]): string {
  return words.join(language === 'zh-CN' ? '、' : ', ');
}

/** Module keys in words (flagged modules of a return), the notice's names first. */
export function moduleNames(
  language: Language,
  keys: readonly string[] | null | undefined,
  configured?: readonly NamedModule[] | null,
): string {
  return joinWords(
    language,
    (keys ?? []).map((key) => moduleName(language, key as ModuleKey, configured)),
  );
}
