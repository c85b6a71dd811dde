/** The Ideas tab's filters and list: the part of /ideas that htmx swaps when a filter is chosen. */
import { useLocale, useT } from "../i18n";
import type { IdeaRow } from "../../src/ideas/ideas";
import type { ChildBand } from "../../src/ideas/for-parent";
import { GRADE_BANDS, IDEA_TOPICS, sameLanguage, type GradeBand, type IdeaTopic } from "../../src/ideas/catalog";
import { languageName } from "../../src/i18n/language-name";

export interface IdeaFilters {
  topic?: IdeaTopic | undefined;
  grade?: GradeBand | undefined;
}

/** `/ideas?topic=…&grade=…` with only the filters that are set. */
export function ideasUrl(f: IdeaFilters): string {
  const q = new URLSearchParams();
  if (f.topic) q.set("topic", f.topic);
  if (f.grade) q.set("grade", f.grade);
  const s = q.toString();
  return s ? `/ideas?${s}` : "/ideas";
}

/** A band in the filters and the count line: the same in every language. */
const SHORT_GRADE: Record<Exclude<GradeBand, "all">, string> = { "K-2": "K–2", "3-5": "3–5", "6-8": "6–8", "9-12": "9–12" };

/** A plain link that works without JavaScript; htmx fetches only the list (same URL) and keeps the address. */
function FilterLink(p: { to: IdeaFilters; current: boolean; children: string }) {
  const href = ideasUrl(p.to);
  return (
    <li>
      <a href={href} hx-get={href} aria-current={p.current ? "page" : undefined}>
        {p.children}
      </a>
    </li>
  );
}

function Filters({ filters, childBands }: { filters: IdeaFilters; childBands: ChildBand[] }) {
  const t = useT();
  const names = (band: GradeBand) => childBands.find((b) => b.band === band)?.names.join(", ");
  return (
    <nav class="idea-filters" aria-label={t.ideas.filters}>
      <p class="filter-label" id="filter-topic">{t.ideas.topic}</p>
      <ul aria-labelledby="filter-topic">
        <FilterLink to={{ grade: filters.grade }} current={!filters.topic}>{t.ideas.allTopics}</FilterLink>
        {IDEA_TOPICS.map((topic) => (
          <FilterLink to={{ topic, grade: filters.grade }} current={filters.topic === topic}>{t.ideas.topics[topic]}</FilterLink>
        ))}
      </ul>
      <p class="filter-label" id="filter-grade">{t.ideas.grade}</p>
      <ul aria-labelledby="filter-grade">
        <FilterLink to={{ topic: filters.topic }} current={!filters.grade}>{t.ideas.allGrades}</FilterLink>
        {GRADE_BANDS.filter((g) => g !== "all").map((grade) => {
          const kids = names(grade);
          return (
            <FilterLink to={{ topic: filters.topic, grade }} current={filters.grade === grade}>
              {kids ? `${SHORT_GRADE[grade]} (${kids})` : SHORT_GRADE[grade]}
            </FilterLink>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * One idea. One in another language than the page's says which (named in the reader's language)
 * and carries its own lang attribute, so a screen reader reads it with the right voice.
 */
function IdeaCard({ idea }: { idea: IdeaRow }) {
  const { t, tag } = useLocale();
  const lang = sameLanguage(idea.language, tag) ? undefined : idea.language;
  const topic = (t.ideas.topics as Record<string, string>)[idea.topic] ?? idea.topic;
  const grade = (t.ideas.grades as Record<string, string>)[idea.gradeBand] ?? idea.gradeBand;
  return (
    <li class="card idea">
      <h3 lang={lang}>
        <a href={idea.sourceUrl} target="_blank" rel="noopener noreferrer">
          {idea.title}
          <span class="new-tab" lang={lang && tag}> {t.home.opensInNewTab}</span>
        </a>
      </h3>
      <p class="idea-meta muted">
        {idea.source} · {topic} · {grade}
        {lang && (
          <>
            {" · "}
            <span class="idea-lang">{t.ideas.inLanguage(languageName(idea.language, tag))}</span>
          </>
        )}
      </p>
      <p lang={lang}>{idea.summary}</p>
    </li>
  );
}

export interface IdeaResultsProps {
  ideas: IdeaRow[];
  filters: IdeaFilters;
  childBands: ChildBand[];
}

/** The swap target: filters (so the current one moves) and the cards. */
export function IdeaResults(p: IdeaResultsProps) {
  const t = useT();
  const firstBands = !p.filters.grade && p.childBands.length > 0 ? p.childBands.map((b) => SHORT_GRADE[b.band]).join(", ") : null;
  return (
    <div id="idea-results" hx-target="#idea-results" hx-swap="outerHTML" hx-push-url="true">
      <Filters filters={p.filters} childBands={p.childBands} />
      <p class="muted" id="idea-count">
        {t.ideas.countLine(p.ideas.length, firstBands)}
      </p>
      {p.ideas.length === 0 ? (
        <p>
          {t.ideas.noMatch}{" "}
          <a href="/ideas" hx-get="/ideas">
            {t.ideas.showAll}
          </a>
        </p>
      ) : (
        <ul class="ideas">
          {p.ideas.map((idea) => (
            <IdeaCard idea={idea} />
          ))}
        </ul>
      )}
    </div>
  );
}
