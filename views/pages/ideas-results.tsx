/** The Ideas tab's filters and list: the part of /ideas that htmx swaps when a filter is chosen. */
import type { IdeaRow } from "../../src/ideas/ideas";
import type { ChildBand } from "../../src/ideas/for-parent";
import { GRADE_BANDS, GRADE_LABELS, IDEA_TOPICS, languageLabel, TOPIC_LABELS, type GradeBand, type IdeaTopic } from "../../src/ideas/catalog";

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

const SHORT_GRADE: Record<GradeBand, string> = { "K-2": "K–2", "3-5": "3–5", "6-8": "6–8", "9-12": "9–12", all: "All ages" };

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
  const names = (band: GradeBand) => childBands.find((b) => b.band === band)?.names.join(", ");
  return (
    <nav class="idea-filters" aria-label="Filter ideas">
      <p class="filter-label" id="filter-topic">Topic</p>
      <ul aria-labelledby="filter-topic">
        <FilterLink to={{ grade: filters.grade }} current={!filters.topic}>All topics</FilterLink>
        {IDEA_TOPICS.map((topic) => (
          <FilterLink to={{ topic, grade: filters.grade }} current={filters.topic === topic}>{TOPIC_LABELS[topic]}</FilterLink>
        ))}
      </ul>
      <p class="filter-label" id="filter-grade">Grade</p>
      <ul aria-labelledby="filter-grade">
        <FilterLink to={{ topic: filters.topic }} current={!filters.grade}>All grades</FilterLink>
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

function IdeaCard({ idea }: { idea: IdeaRow }) {
  const lang = idea.language === "en" ? undefined : idea.language;
  const topic = (TOPIC_LABELS as Record<string, string>)[idea.topic] ?? idea.topic;
  const grade = (GRADE_LABELS as Record<string, string>)[idea.gradeBand] ?? idea.gradeBand;
  return (
    <li class="card idea">
      <h3 lang={lang}>
        <a href={idea.sourceUrl} target="_blank" rel="noopener noreferrer">
          {idea.title}
          <span class="new-tab"> (opens in a new tab)</span>
        </a>
      </h3>
      <p class="idea-meta muted">
        {idea.source} · {topic} · {grade}
        {lang && (
          <>
            {" · "}
            <span lang={lang} class="idea-lang">{languageLabel(idea.language)}</span>
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
  const firstBands = !p.filters.grade && p.childBands.length > 0 ? p.childBands.map((b) => SHORT_GRADE[b.band]).join(", ") : null;
  return (
    <div id="idea-results" hx-target="#idea-results" hx-swap="outerHTML" hx-push-url="true">
      <Filters filters={p.filters} childBands={p.childBands} />
      <p class="muted" id="idea-count">
        {p.ideas.length === 1 ? "1 idea" : `${p.ideas.length} ideas`}
        {firstBands ? `; ideas for your children's grades (${firstBands}) come first.` : "."}
      </p>
      {p.ideas.length === 0 ? (
        <p>
          No ideas match yet. <a href="/ideas" hx-get="/ideas">Show all ideas</a>
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
