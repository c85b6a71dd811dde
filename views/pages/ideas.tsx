/** /ideas: curated resources for learning at home, and the "Suggest an idea" form. */
import { CsrfField, Notice } from "../components";
import { useT } from "../i18n";
import { RichText } from "../rich-text";
import { IDEA_TOPICS } from "../../src/ideas/catalog";
import { SUGGESTION_MAX, SUGGESTION_MIN } from "../../src/ideas/suggestions";
import { IdeaResults, type IdeaResultsProps } from "./ideas-results";

export interface SuggestFormState {
  /** After the redirect: the suggestion was stored. */
  thanks?: boolean;
  /** A form-wide problem, e.g. too many suggestions this hour. */
  problem?: string | null;
  errors?: { text?: string | undefined; topic?: string | undefined };
  values?: { text?: string; topic?: string };
}

function SuggestForm({ state }: { state: SuggestFormState }) {
  const t = useT();
  const say = t.ideas.suggest;
  const e = state.errors ?? {};
  const v = state.values ?? {};
  const textDescribed = ["f-text-hint", e.text ? "f-text-error" : null].filter(Boolean).join(" ");
  return (
    <section class="card suggest" id="suggest" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">{say.heading}</h2>
      {state.thanks && <Notice kind="ok">{say.thanks}</Notice>}
      {state.problem && <Notice kind="error">{state.problem}</Notice>}
      <p>{say.intro}</p>
      {/* A plain full-page post: the browser then scrolls to #suggest, where the thanks or the messages are. */}
      <form method="post" action="/ideas/suggest#suggest" hx-boost="false">
        <CsrfField />
        <div class="field">
          <label for="f-text">{say.label}</label>
          <p class="hint muted" id="f-text-hint">
            {say.hint(SUGGESTION_MIN, SUGGESTION_MAX)}
          </p>
          {e.text && (
            <p class="error" id="f-text-error">
              {e.text}
            </p>
          )}
          <textarea id="f-text" name="text" rows={4} required minlength={SUGGESTION_MIN} maxlength={SUGGESTION_MAX} aria-describedby={textDescribed} aria-invalid={e.text ? "true" : undefined}>
            {v.text ?? ""}
          </textarea>
        </div>
        <div class="field">
          <label for="f-topic">{say.topicLabel}</label>
          {e.topic && (
            <p class="error" id="f-topic-error">
              {e.topic}
            </p>
          )}
          <select id="f-topic" name="topic" aria-describedby={e.topic ? "f-topic-error" : undefined} aria-invalid={e.topic ? "true" : undefined}>
            <option value="">{say.noTopic}</option>
            {IDEA_TOPICS.map((topic) => (
              <option value={topic} selected={v.topic === topic}>
                {t.ideas.topics[topic]}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{say.send}</button>
        </div>
      </form>
    </section>
  );
}

export function IdeasPage(p: IdeaResultsProps & { suggest: SuggestFormState }) {
  const t = useT();
  return (
    <section class="ideas-page">
      <h1>{t.ideas.heading}</h1>
      <p>
        <RichText text={t.ideas.intro} />
      </p>
      <IdeaResults ideas={p.ideas} filters={p.filters} childBands={p.childBands} />
      <SuggestForm state={p.suggest} />
    </section>
  );
}
