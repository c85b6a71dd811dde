/** GET /student: the student portal for shared school devices (SPEC 3.3). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { requireStudent } from "../auth/guards";
import { portalLoad } from "./portal";
import { StudentPortalPage } from "../../views/pages/student";

export const studentRoutes = new Hono<AppEnv>().get("/", requireStudent, portalLoad.middleware, async (c) => {
  const { student } = c.get("actor");
  const portal = await portalLoad.data(c);
  // Shared devices: after sign-out, Back must not show this page from a cache.
  c.header("cache-control", "no-store");
  return c.render(<StudentPortalPage firstName={student.firstName} schoolName={portal.schoolName} links={portal.links} />, {
    title: c.var.locale.t.student.title(student.firstName),
    bare: true,
  });
});
