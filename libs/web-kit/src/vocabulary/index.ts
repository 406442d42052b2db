import { useMemo } from 'react';
import { useLanguage } from '../i18n';
import {
  joinWords,
  moduleName,
  moduleNames,
  slotName,
  statusWord,
  type NamedModule,
  type NamedSlot,
} from './words';
import type { StatusEnum } from '@zhicheng/vocabulary';

export * from './words';
export { fieldProblemText, validationProblemText } from './problems';

/** The helpers of ./words bound to the UI language (re-rendering when it changes). */
export function useWords() {
  const language = useLanguage();
  return useMemo(
    () => ({
      language,
      status: (enumName: StatusEnum, code: string | null | undefined, serverText?: string | null) =>
        statusWord(language, enumName, code, serverText),
      module: (key: string, configured?: readonly NamedModule[] | null) =>
        moduleName(language, key, configured),
      modules: (keys: readonly string[] | null | undefined, configured?: readonly NamedModule[] | null) =>
        moduleNames(language, keys, configured),
      slot: (slot: NamedSlot) => slotName(language, slot),
      join: (words: readonly string[]) => joinWords(language, words),
    }),
    [language],
  );
}
