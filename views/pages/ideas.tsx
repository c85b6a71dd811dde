/** /ideas: curated resources for learning at home, and the "Suggest an idea" form. */
import { CsrfField, Notice } from "../components";
import { IDEA_TOPICS, TOPIC_LABELS } from "../../src/ideas/catalog";
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
  const e = state.errors ?? {};
  const v = state.values ?? {};
  const textDescribed = ["f-text-hint", e.text ? "f-text-error" : null].filter(Boolean).join(" ");
  return (
    <section class="card suggest" id="suggest" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">Suggest an idea</h2>
      {state.thanks && <Notice kind="ok">Thank you! Your suggestion was sent to the Family Portal team. We read every one.</Notice>}
      {state.problem && <Notice kind="error">{state.problem}</Notice>}
      <p>Found a website, activity or habit that helps your child learn at home? Tell us about it and we may add it here for every family.</p>
      {/* A plain full-page post: the browser then scrolls to #suggest, where the thanks or the messages are. */}
      <form method="post" action="/ideas/suggest#suggest" hx-boost="false">
        <CsrfField />
        <div class="field">
          <label for="f-text">Your idea</label>
          <p class="hint muted" id="f-text-hint">
            What it is, and a link if there is one ({SUGGESTION_MIN} to {SUGGESTION_MAX.toLocaleString("en-US")} characters).
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
          <label for="f-topic">Topic (optional)</label>
          {e.topic && (
            <p class="error" id="f-topic-error">
              {e.topic}
            </p>
          )}
          <select id="f-topic" name="topic" aria-describedby={e.topic ? "f-topic-error" : undefined} aria-invalid={e.topic ? "true" : undefined}>
            <option value="">No particular topic</option>
            {IDEA_TOPICS.map((t) => (
              <option value={t} selected={v.topic === t}>
                {TOPIC_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">Send suggestion</button>
        </div>
      </form>
    </section>
  );
}

export function IdeasPage(p: IdeaResultsProps & { suggest: SuggestFormState }) {
  return (
    <section class="ideas-page">
      <h1>Ideas for learning at home</h1>
      <p>
        Short, practical things to try with your child tonight, from trusted organisations. Each title opens the organisation's own website. Know a good
        one? <a href="#suggest">Suggest an idea</a>.
      </p>
      <IdeaResults ideas={p.ideas} filters={p.filters} childBands={p.childBands} />
      <SuggestForm state={p.suggest} />
    </section>
  );
}
