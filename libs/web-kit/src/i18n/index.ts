// One i18next instance for the page (i18next is a single import-map entry): the shell and each
// micro-frontend add their own namespaces with registerTranslations. Chinese is the default; the
// chosen language (and nothing else) is remembered in localStorage.
import { useSyncExternalStore } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Translate } from '../graphql/errors';
import { en, zhCN } from './resources';

export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'zhicheng.language';
const DEFAULT_LANGUAGE: Language = 'zh-CN';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage disabled (privacy mode)
  }
}

function applyToPage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

if (!i18next.isInitialized) {
  const lng = storedLanguage();
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    ns: ['common'],
    defaultNS: 'common',
    resources: { 'zh-CN': { common: zhCN }, en: { common: en } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false, // resources are inline: be ready before the first render
  });
  applyToPage(lng);
}

export const i18n = i18next;

/** Adds a project's texts under its own namespace, e.g. registerTranslations('unitAudit', {...}). */
export function registerTranslations(namespace: string, resources: Record<Language, object>): void {
  for (const language of LANGUAGES) {
    i18next.addResourceBundle(language.code, namespace, resources[language.code], true, true);
  }
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  applyToPage(language);
}

function subscribeLanguage(listener: () => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

/** The current language as React state. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, currentLanguage);
}

/** A translator for the pure error helpers: undefined when the key has no text; knows the language. */
export const translateOrUndefined: Translate = Object.defineProperty(
  (key: string, values?: Record<string, unknown>): string | undefined =>
    i18next.exists(key, { ns: 'common' }) ? i18next.t(key, { ns: 'common', ...values }) : undefined,
  'language',
  { get: currentLanguage },
);
