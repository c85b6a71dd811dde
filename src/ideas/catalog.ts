/**
 * The fixed vocabularies of the Ideas tab: topics, grade bands and languages. Their names are in
 * the language catalogs (ideas.topics, ideas.grades); a language is named by Intl.DisplayNames.
 */

export const IDEA_TOPICS = ["reading", "math", "science", "wellbeing", "digital-life", "study-habits"] as const;
export type IdeaTopic = (typeof IDEA_TOPICS)[number];

/** "all" is an idea for every age; the others follow the usual K-12 school stages. */
export const GRADE_BANDS = ["K-2", "3-5", "6-8", "9-12", "all"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** Languages families in US districts most often read at home: an idea is written in one of them. */
export const IDEA_LANGUAGE_CODES = ["en", "es", "zh", "vi", "ar", "ht", "ko", "pt", "ru", "so", "fr", "tl"] as const;
export type IdeaLanguage = (typeof IDEA_LANGUAGE_CODES)[number];

export const isTopic = (s: string | undefined): s is IdeaTopic => (IDEA_TOPICS as readonly string[]).includes(s ?? "");
export const isGradeBand = (s: string | undefined): s is GradeBand => (GRADE_BANDS as readonly string[]).includes(s ?? "");

/** Whether an idea's language is the reader's: the same primary language ("es" reads "es-MX"). */
export const sameLanguage = (a: string, b: string): boolean => a.split("-")[0]!.toLowerCase() === b.split("-")[0]!.toLowerCase();

/**
 * The band of a roster grade ("K", "KG", "PK", "3", "03", "Grade 10", "11th"), or null for
 * anything else (adult education, "ungraded"). Districts write grades many ways.
 */
export function gradeBandOf(grade: string | null | undefined): Exclude<GradeBand, "all"> | null {
  const g = (grade ?? "").trim().toLowerCase();
  if (!g) return null;
  if (/^(p|pk|pre-?k|prek|tk|k|kg|kinder|kindergarten|preschool)$/.test(g)) return "K-2";
  const n = Number(/^(?:grade\s*)?(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/.exec(g)?.[1]);
  if (!Number.isInteger(n)) return null;
  if (n <= 2) return "K-2";
  if (n <= 5) return "3-5";
  if (n <= 8) return "6-8";
  if (n <= 12) return "9-12";
  return null;
}
