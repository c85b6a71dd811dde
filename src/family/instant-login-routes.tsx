/** /children/:studentId/instant-login: GET explains (and changes nothing); POST hands this device to the child. */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { getDb } from "../db/client";
import { requireParent } from "../auth/guards";
import { setSessionCookie } from "../auth/cookies";
import { findOwnChild } from "../accounts/children";
import { startInstantLogin } from "../student/instant-login";
import { ChildNotFoundPage, InstantLoginPage } from "../../views/pages/instant-login";

function notFound<E extends AppEnv>(c: Context<E>) {
  c.status(404);
  return c.render(<ChildNotFoundPage />, { title: c.var.locale.t.home.childNotFound });
}

export const instantLoginRoutes = new Hono<AppEnv>()
  .get("/:studentId/instant-login", requireParent, async (c) => {
    const { user } = c.get("actor");
    const child = await findOwnChild(getDb(c.env.DB), user.id, c.req.param("studentId"));
    if (!child) return notFound(c);
    return c.render(<InstantLoginPage child={child} />, { title: c.var.locale.t.home.instantLoginFor(child.firstName) });
  })
  .post("/:studentId/instant-login", requireParent, async (c) => {
    const { user, session } = c.get("actor");
    const db = getDb(c.env.DB);
    const child = await findOwnChild(db, user.id, c.req.param("studentId"));
    if (!child) return notFound(c);
    const token = await startInstantLogin(db, { userId: user.id, sessionId: session.id }, child, c.req.header("user-agent"));
    setSessionCookie(c, token, "student");
    // The parent's pages may linger in this browser (HTTP and back/forward caches, htmx's history
    // copy in storage): clear them so the child cannot go back to them. Cookies are kept.
    c.header("clear-site-data", '"cache", "storage"');
    return c.redirect("/student", 303);
  });
