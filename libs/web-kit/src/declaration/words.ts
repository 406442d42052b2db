// The words of a declaration's modules, shared by the applicant's wizard (its labels and choices)
// and the reviewers' pages (the same fields read-only): field labels per module and the words of
// the enum values the API answers as codes (MALE → 男). They come from the one vocabulary
// (@zhicheng/vocabulary) the declaration subgraph validates with, so a label reads the same on
// every screen and in every server message. Registered as the "declaration" namespace; the
// applicant's namespace spreads them in.
import { ENUM_WORDS, MODULES, type Label, type ModuleDefinition } from '@zhicheng/vocabulary';
import { registerTranslations } from '../i18n';

type Lang = keyof Label;

export interface DeclarationWords {
  yes: string;
  no: string;
  enums: { [E in keyof typeof ENUM_WORDS]: Record<keyof (typeof ENUM_WORDS)[E], string> };
  /** `fields.<dataKey>.<field>`; free-text modules (innovation, workSummary) are one string. */
  fields: Record<string, Record<string, string> | string> & {
    innovation: string;
    workSummary: string;
    basicInfo: Record<string, string>;
  };
}

function enumsIn(lang: Lang): DeclarationWords['enums'] {
  return Object.fromEntries(
    Object.entries(ENUM_WORDS).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values as Record<string, Label>).map(([k, l]) => [k, l[lang]])),
    ]),
  ) as DeclarationWords['enums'];
}

function fieldsIn(lang: Lang): DeclarationWords['fields'] {
  const fields: Record<string, Record<string, string> | string> = {};
  for (const module of Object.values<ModuleDefinition>(MODULES)) {
    if (!module.dataKey) continue;
    fields[module.dataKey] =
      module.fields.length === 0
        ? module[lang]
        : Object.fromEntries(module.fields.map((f) => [f.name, f[lang]]));
  }
  return fields as DeclarationWords['fields'];
}

function wordsIn(lang: Lang): DeclarationWords {
  return {
    yes: lang === 'zh' ? '是' : 'Yes',
    no: lang === 'zh' ? '否' : 'No',
    enums: enumsIn(lang),
    fields: fieldsIn(lang),
  };
}

export const DECLARATION_WORDS: { 'zh-CN': DeclarationWords; en: DeclarationWords } = {
  'zh-CN': wordsIn('zh'),
  en: wordsIn('en'),
};

registerTranslations('declaration', DECLARATION_WORDS);
