import type { Context, Env, MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import type { Actor } from "./auth/actor";
import type { AppEnv } from "./env";
import { getDb } from "./db/client";
import { parentMessageSummary, teacherMessageSummary } from "./messaging/threads";
import { Layout } from "../views/layout";
import { useRequestContext, withRequest } from "./render-context";

declare module "hono" {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string; scripts?: string[]; bare?: boolean }): Response | Promise<Response>;
  }
}

type ShellProps = { children?: Child; title: string; scripts?: string[]; bare?: boolean };

/** The layout around a page, with what the navigation needs. */
async function Shell({ children, title, scripts, bare }: ShellProps) {
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
}

/** `c.render(<Page/>, { title })` wraps a page in the one layout. */
export const renderer: MiddlewareHandler<AppEnv> = (c, next) => {
  c.setRenderer((content, props) => withRequest(c, () => c.html(<Shell {...props}>{content}</Shell>)));
  return next();
};

/**
 * An htmx fragment (no layout) that may use the page hooks (useT, CsrfField): the same request
 * context the layout gives a whole page.
 */
export function renderFragment<E extends Env>(c: Context<E>, fragment: Child, status?: 200 | 404 | 422) {
  return withRequest(c, () => c.html(<>{fragment}</>, status));
}
