/** A word in both UI languages: Chinese as the seeds say it, English for the English UI. */
export interface Label {
  zh: string;
  en: string;
}

export type Words<K extends string> = Readonly<Record<K, Label>>;

/** The Chinese words of a table (what the server answers as `…Text` and in messages). */
export function zhWords<K extends string>(words: Words<K>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<Label>(words).map(([k, l]) => [k, l.zh])) as Record<K, string>;
}

/** The English words of a table. */
export function enWords<K extends string>(words: Words<K>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<Label>(words).map(([k, l]) => [k, l.en])) as Record<K, string>;
}
