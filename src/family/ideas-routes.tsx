import { renderFragment } from "../render";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireParent, type ParentEnv } from "../auth/guards";
import { rateLimit } from "../auth/rate-limiter";
import { isGradeBand, isTopic } from "../ideas/catalog";
import { ideasStatements, rankIdeas } from "../ideas/for-parent";
import { pageLoad } from "../auth/page-load";
import { createSuggestion, SUGGESTION_LIMIT, SUGGESTION_MAX, suggestionForm } from "../ideas/suggestions";
import { IdeasPage, type SuggestFormState } from "../../views/pages/ideas";
import { IdeaResults, type IdeaFilters } from "../../views/pages/ideas-results";

/** /ideas: the curated list with topic and grade filters, and "Suggest an idea" (SPEC 3.4). */
export const ideasRoutes = new Hono<AppEnv>().use(requireParent);

/** Unknown filter values are ignored (an old bookmark still shows ideas). */
function filtersOf(input: { query(name: string): string | undefined }): IdeaFilters {
  const topic = input.query("topic");
  const grade = input.query("grade");
  return { topic: isTopic(topic) ? topic : undefined, grade: isGradeBand(grade) ? grade : undefined };
}

/** htmx asking for the list only: not a boosted page navigation, not a history restore. (src/pages.ts adds `Vary: HX-Request`.) */
const wantsFragment = (c: Context) =>
  c.req.header("hx-request") === "true" && c.req.header("hx-boosted") !== "true" && c.req.header("hx-history-restore-request") !== "true";

/** The list for the filters and the parent's children, in the session's round trip (on the GET page). */
const ideasLoad = pageLoad("parent", (db, who, input) => ideasStatements(db, who, filtersOf(input)), ([rows, children]) => ({ rows, children }));

async function renderIdeas(c: Context<ParentEnv>, status: 200 | 422 | 429, suggest: SuggestFormState) {
  const filters = filtersOf(c.req);
  const { rows, children } = await ideasLoad.data(c);
  const { ideas, childBands } = rankIdeas(rows, children, filters, c.var.locale.tag);
  if (status === 200 && wantsFragment(c)) return renderFragment(c, <IdeaResults ideas={ideas} filters={filters} childBands={childBands} />);
  c.status(status);
  return c.render(<IdeasPage ideas={ideas} filters={filters} childBands={childBands} suggest={suggest} />, { title: c.var.locale.t.ideas.title });
}

ideasRoutes.get("/", ideasLoad.middleware, (c) => renderIdeas(c, 200, { thanks: c.req.query("suggested") === "1" }));

ideasRoutes.post("/suggest", async (c) => {
  const body = await c.req.parseBody();
  const raw = { text: body.text, topic: body.topic };
  const values = { text: typeof raw.text === "string" ? raw.text.slice(0, SUGGESTION_MAX + 100) : "", topic: typeof raw.topic === "string" ? raw.topic : "" };
  const say = c.var.locale.t.ideas.suggest;
  const parsed = suggestionForm(say).safeParse(raw);
  if (!parsed.success) {
    const errors: NonNullable<SuggestFormState["errors"]> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "text" || field === "topic") && !errors[field]) errors[field] = issue.message;
    }
    return renderIdeas(c, 422, { errors, values });
  }
  const userId = c.var.actor.user.id;
  const verdict = await rateLimit(c.env, `idea-suggest:${userId}`, SUGGESTION_LIMIT);
  if (!verdict.allowed) {
    c.header("retry-after", String(verdict.retryAfter));
    return renderIdeas(c, 429, { problem: say.tooMany(Math.max(1, Math.ceil(verdict.retryAfter / 60))), values });
  }
  await createSuggestion(getDb(c.env.DB), userId, parsed.data);
  return c.redirect("/ideas?suggested=1#suggest", 303);
});
