import type { Context, Env } from "hono";
import type { Child } from "hono/jsx";
import { jsxRenderer, RequestContext, useRequestContext } from "hono/jsx-renderer";
import type { Actor } from "./auth/actor";
import type { AppEnv } from "./env";
import { getDb } from "./db/client";
import { parentMessageSummary, teacherMessageSummary } from "./messaging/threads";
import { Layout } from "../views/layout";

declare module "hono" {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string; scripts?: string[]; bare?: boolean }): Response | Promise<Response>;
  }
}

/** `c.render(<Page/>, { title })` wraps a page in the one layout. */
export const renderer = jsxRenderer(async ({ children, title, scripts, bare }) => {
  const c = useRequestContext<AppEnv>();
  const actor = c.get("actor") as Actor | null;
  // For parents (their Messages tab appears once a teacher has written) and teachers (the number
  // of conversations with unread replies): read with the session (loadActor) on GET pages; a page
  // re-rendered after a POST asks for it here.
  const loaded = c.get("messageSummary");
  const messages = bare
    ? null
    : loaded !== undefined && actor?.kind !== "student"
      ? loaded
      : actor?.kind === "parent"
        ? await parentMessageSummary(getDb(c.env.DB), actor.user.id)
        : actor?.kind === "teacher"
          ? await teacherMessageSummary(getDb(c.env.DB), actor.teacher)
          : null;
  return (
    <Layout title={title} scripts={scripts} bare={bare} actor={actor} messages={messages}>
      {children}
    </Layout>
  );
}, { docType: false });

/**
 * An htmx fragment (no layout) that may use the page hooks (useT, CsrfField): the same request
 * context the layout gives a whole page.
 */
export function renderFragment<E extends Env>(c: Context<E>, fragment: Child, status?: 200 | 404 | 422) {
  return c.html(<RequestContext.Provider value={c}>{fragment}</RequestContext.Provider>, status);
}
