import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./env";
import { loadActor } from "./auth/actor";
import { csrfFormToken, csrfProtection } from "./auth/csrf";
import { googleRoutes } from "./auth/google-routes";
import { accountRoutes } from "./family/account-routes";
import { familyBadgeRoutes } from "./family/badge-routes";
import { helpRoutes } from "./family/help-routes";
import { homeRoutes } from "./family/home-routes";
import { instantLoginRoutes } from "./family/instant-login-routes";
import { ideasRoutes } from "./family/ideas-routes";
import { parentMessageRoutes } from "./family/messages-routes";
import { onboardingRoutes } from "./family/onboarding-routes";
import { passwordResetRoutes } from "./family/password-reset-routes";
import { signInRoutes } from "./family/sign-in-routes";
import { tourRoutes } from "./family/tour-routes";
import { renderer } from "./render";
import { errorPage, PAGE_BODY_LIMIT_BYTES, plainErrorPage } from "./error-pages";
import { chooseLanguage } from "./i18n/middleware";
import { languageRoutes } from "./i18n/language-routes";
import { BADGE_PICTURE_MAX_BYTES, BADGE_PICTURE_PATH } from "./badges/picture";
import { badgeLoginRoutes, pictureTooLarge } from "./student/badge-login-routes";
import { studentRoutes } from "./student/portal-routes";
import { teacherRoutes } from "./teacher/index";

/**
 * A badge picture whose browser says its size (browsers do for forms) within a hard cap: it skips
 * the 64 KB form limit and meets its own after the layout is ready, so "too large" is said on the
 * badge page itself. Without a Content-Length the 64 KB limit stands (nothing is read unbounded).
 */
function isBadgePicture(c: Context<AppEnv>): boolean {
  const length = Number(c.req.header("content-length") ?? NaN);
  return c.req.method === "POST" && c.req.path === BADGE_PICTURE_PATH && length <= 4 * BADGE_PICTURE_MAX_BYTES;
}

/** The server-rendered pages: CSRF check, the signed-in person, and the one layout. */
export const pages = new Hono<AppEnv>();

// Forms are small: refuse a bigger body before the CSRF check or anything else reads it (the
// JSON API under /api/ has its own limit and error shape). This runs before chooseLanguage, so
// the page takes its language from the request itself.
const pageBodyLimit = bodyLimit({
  maxSize: PAGE_BODY_LIMIT_BYTES,
  onError: (c) => plainErrorPage(c, 413, "tooLarge"),
});
pages.use((c, next) => (c.req.path.startsWith("/api/") || isBadgePicture(c) ? next() : pageBodyLimit(c, next)));
pages.use(csrfProtection, csrfFormToken, loadActor, chooseLanguage, renderer);
// The one upload (a badge picture at /badges, src/student): its own limit, in the page's words.
pages.post(BADGE_PICTURE_PATH, bodyLimit({ maxSize: BADGE_PICTURE_MAX_BYTES + 16 * 1024, onError: pictureTooLarge }));
// A form body that cannot be parsed (say, multipart without its boundary) is the sender's mistake: 400, not 500.
pages.use(async (c, next) => {
  if (c.req.method !== "POST" || !/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header("content-type") ?? "")) return next();
  const readable = await c.req.parseBody().then(() => true, () => false);
  if (!readable) return errorPage(c, 400, "unreadable");
  return next();
});
// Pages are personal: never cached by shared caches; htmx asks for the same URLs.
pages.use(async (c, next) => {
  await next();
  if (!c.res.headers.has("cache-control")) c.header("cache-control", "private, no-cache");
  c.header("vary", "Cookie, HX-Request", { append: true });
});

pages.route("/", languageRoutes); // POST /language (the switcher on every page)
pages.route("/", onboardingRoutes); // /i/:token, /join, /verify-email, renewal, "not my child"
pages.route("/", signInRoutes); // /sign-in, /sign-out
pages.route("/", passwordResetRoutes); // /forgot-password, /reset-password/:token
pages.route("/account", accountRoutes);
pages.route("/auth/google", googleRoutes);
pages.route("/teacher", teacherRoutes);
pages.route("/ideas", ideasRoutes);
pages.route("/help", helpRoutes);
pages.route("/tour", tourRoutes);
pages.route("/children", instantLoginRoutes); // /children/:studentId/instant-login
pages.route("/student", studentRoutes);
pages.route("/children", familyBadgeRoutes); // /children/:studentId/badge, badge.png, badge/print
pages.route("/badges", badgeLoginRoutes); // /badges, /badges/login (students)
pages.route("/messages", parentMessageRoutes); // a parent's conversations with teachers
pages.route("/", homeRoutes); // GET / (parent home)
