/**
 * A text in both UI languages. The worker writes these for what only it knows (a rule's description,
 * a stage's name); the page picks one with `i18n.pick`. Every visible string exists in both.
 */
export interface Bilingual {
  en: string;
  zh: string;
}
