/** The fixed vocabularies of the Ideas tab: topics, grade bands and languages, with their labels. */

export const IDEA_TOPICS = ["reading", "math", "science", "wellbeing", "digital-life", "study-habits"] as const;
export type IdeaTopic = (typeof IDEA_TOPICS)[number];

export const TOPIC_LABELS: Record<IdeaTopic, string> = {
  reading: "Reading",
  math: "Math",
  science: "Science",
  wellbeing: "Wellbeing",
  "digital-life": "Digital life",
  "study-habits": "Study habits",
};

/** "all" is an idea for every age; the others follow the usual K-12 school stages. */
export const GRADE_BANDS = ["K-2", "3-5", "6-8", "9-12", "all"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

export const GRADE_LABELS: Record<GradeBand, string> = {
  "K-2": "Grades K–2",
  "3-5": "Grades 3–5",
  "6-8": "Grades 6–8",
  "9-12": "Grades 9–12",
  all: "All ages",
};

/** Languages families in US districts most often read at home, each named in itself. */
export const IDEA_LANGUAGES = {
  en: "English",
  es: "En español",
  zh: "中文",
  vi: "Tiếng Việt",
  ar: "العربية",
  ht: "Kreyòl ayisyen",
  ko: "한국어",
  pt: "Em português",
  ru: "На русском",
  so: "Af-Soomaali",
  fr: "En français",
  tl: "Tagalog",
} as const;
export type IdeaLanguage = keyof typeof IDEA_LANGUAGES;
export const IDEA_LANGUAGE_CODES = Object.keys(IDEA_LANGUAGES) as [IdeaLanguage, ...IdeaLanguage[]];

export const isTopic = (s: string | undefined): s is IdeaTopic => (IDEA_TOPICS as readonly string[]).includes(s ?? "");
export const isGradeBand = (s: string | undefined): s is GradeBand => (GRADE_BANDS as readonly string[]).includes(s ?? "");
export const languageLabel = (code: string): string => (IDEA_LANGUAGES as Record<string, string>)[code] ?? code;

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
